/**
 * Where a highlight is, in the W3C Web Annotation selectors' terms: the quoted text with some text
 * before and after it (TextQuoteSelector) and its place in the content's text (TextPositionSelector).
 * It finds its place again by the quote; prefix, suffix and position choose among repeats and survive
 * changes around it (a re-rendered page, the export's cleaned copy, where promotion and hidden text are
 * gone, so positions shift but the words around a passage stay).
 *
 * Hand-written rather than @apache-annotator/dom 0.2.0: that library installs on Node 20 and bundles,
 * but its runtime (@babel/runtime-corejs3 → core-js-pure) made 131 KB minified (48 KB gzip) for the four
 * functions, against ~2 KB here, and its quote matcher wants prefix and suffix to match exactly, so a
 * passage whose neighbourhood changed (the cleaned copy) would not be found.
 */

/** TextQuoteSelector + TextPositionSelector, as stored. */
export interface TextAnchor {
  exact: string;
  prefix: string;
  suffix: string;
  /** Offsets in the content's text (TextPositionSelector): a hint, not the truth. */
  start: number;
  end: number;
}

const CONTEXT = 32;
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);

/** The content's text and where each text node starts in it. */
export interface TextIndex {
  text: string;
  nodes: Text[];
  starts: number[];
}

export function textIndex(root: Node): TextIndex {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, 4 /* SHOW_TEXT */, {
    acceptNode: (n) => {
      for (let p = n.parentNode; p && p !== root; p = p.parentNode) if (SKIP.has(p.nodeName)) return 2; /* REJECT */
      return 1; /* ACCEPT */
    },
  });
  const nodes: Text[] = [];
  const starts: number[] = [];
  const parts: string[] = [];
  let at = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const t = n as Text;
    nodes.push(t);
    starts.push(at);
    parts.push(t.data);
    at += t.data.length;
  }
  return { text: parts.join(''), nodes, starts };
}

/** A boundary (node, offset) → its offset in the index's text; -1 when outside the indexed text. */
function offsetOf(index: TextIndex, node: Node, offset: number, atEnd: boolean): number {
  if (node.nodeType === 3) {
    const i = index.nodes.indexOf(node as Text);
    return i < 0 ? -1 : index.starts[i]! + offset;
  }
  // An element boundary: the text before its offset-th child.
  const doc = node.ownerDocument!;
  const probe = doc.createRange();
  probe.setStart(node, offset);
  for (let i = 0; i < index.nodes.length; i++) {
    const t = index.nodes[i]!;
    // The first text node at or after the boundary.
    if (probe.comparePoint(t, 0) >= 0) return index.starts[i]!;
  }
  return atEnd ? index.text.length : -1;
}

/** A range inside `root` → its anchor; null when it is empty or not inside the root's text. */
export function describeRange(root: Node, range: Range, index: TextIndex = textIndex(root)): TextAnchor | null {
  if (!root.contains(range.commonAncestorContainer)) return null;
  const start = offsetOf(index, range.startContainer, range.startOffset, false);
  const end = offsetOf(index, range.endContainer, range.endOffset, true);
  if (start < 0 || end <= start) return null;
  const { text } = index;
  // Leading and trailing white space is not part of what the reader meant.
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  if (e <= s) return null;
  return { exact: text.slice(s, e), prefix: text.slice(Math.max(0, s - CONTEXT), s), suffix: text.slice(e, e + CONTEXT), start: s, end: e };
}

/** Characters that agree, from the end of `a` backwards against the end of `b`. */
function commonSuffix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}
function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/** At most this many repeats of a quote are weighed (a one-character quote on a long page). */
const MAX_CANDIDATES = 2000;

/** Where the anchor's quote is in `text`: the repeat whose surroundings agree most, then the nearest to its old place. */
export function findQuote(text: string, anchor: TextAnchor): { start: number; end: number } | null {
  if (!anchor.exact) return null;
  let best = -1;
  let bestScore = -Infinity;
  let seen = 0;
  for (let at = text.indexOf(anchor.exact); at >= 0 && seen < MAX_CANDIDATES; at = text.indexOf(anchor.exact, at + 1), seen++) {
    const before = text.slice(Math.max(0, at - anchor.prefix.length), at);
    const after = text.slice(at + anchor.exact.length, at + anchor.exact.length + anchor.suffix.length);
    // Context counts in characters; the distance only breaks ties (it is below 1).
    const score = commonSuffix(anchor.prefix, before) + commonPrefix(anchor.suffix, after) - Math.abs(at - anchor.start) / (text.length + 1);
    if (score > bestScore) {
      bestScore = score;
      best = at;
    }
  }
  return best < 0 ? null : { start: best, end: best + anchor.exact.length };
}

/** Offsets in the index's text → a Range over its text nodes. */
export function rangeAt(index: TextIndex, start: number, end: number): Range | null {
  const locate = (pos: number, isEnd: boolean): [Text, number] | null => {
    // Binary search for the last node starting at or before pos (at the end: strictly before).
    let lo = 0;
    let hi = index.nodes.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = index.starts[mid]!;
      if (isEnd ? s < pos : s <= pos) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (found < 0) return null;
    const node = index.nodes[found]!;
    return [node, Math.min(pos - index.starts[found]!, node.data.length)];
  };
  const a = locate(start, false);
  const b = locate(end, true);
  if (!a || !b) return null;
  const range = a[0].ownerDocument.createRange();
  range.setStart(a[0], a[1]);
  range.setEnd(b[0], b[1]);
  return range;
}

/** The anchor → a Range in `root`; null when its quote is not there. */
export function anchorRange(root: Node, anchor: TextAnchor, index: TextIndex = textIndex(root)): Range | null {
  const at = findQuote(index.text, anchor);
  return at && rangeAt(index, at.start, at.end);
}

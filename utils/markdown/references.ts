/**
 * References that work as links in the note (#28.4). Two steps:
 * - before conversion, a web address written out as text (mdnice's reference list writes every one
 *   as `<i>https://…</i>`) becomes a link, whole, so it is written `<https://…>`: not italicised
 *   with its last `/` left outside, not with its `_` escaped;
 * - after conversion, an article's numbered reference list (a "References" / "参考资料" heading,
 *   then `[1] label: address` lines) becomes Markdown footnotes, and the `[1]` markers in the text
 *   link to them (`[^1]`).
 */

// A web or mail address in text: ASCII only (a Chinese character or full-width mark ends it).
const ADDRESS = /(?:https?:\/\/|mailto:)[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]+/g;
const WHOLE = /^(?:https?:\/\/[^/?#]+\.[^/?#]|mailto:[^@]+@[^@.]+\.)/;
// What may follow an address in a sentence without being part of it.
const TRAILING = /[.,;:!?'"\]]+$/;
const SKIP = /^(A|PRE|CODE|SCRIPT|STYLE|TEXTAREA)$/;

/** The address without the sentence's punctuation after it; a `)` only when the address opened one. */
function trimAddress(raw: string): string {
  let s = raw;
  for (;;) {
    const t = s.replace(TRAILING, '');
    const opens = (t.match(/\(/g) ?? []).length;
    const next = t.endsWith(')') && (t.match(/\)/g) ?? []).length > opens ? t.slice(0, -1) : t;
    if (next === s) return s;
    s = next;
  }
}

/** Wraps every web address written as text in `root` in a link to itself (not inside links or code). */
export function linkBareAddresses(root: Element): void {
  const doc = root.ownerDocument;
  const texts: Text[] = [];
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) if (/:\/\/|mailto:/.test((n as Text).data)) texts.push(n as Text);
  for (const text of texts) {
    let inside = false;
    for (let p = text.parentElement; p && p !== root; p = p.parentElement) if (SKIP.test(p.nodeName)) inside = true;
    if (inside) continue;
    const parts: (string | Element)[] = [];
    let last = 0;
    for (const m of text.data.matchAll(ADDRESS)) {
      const url = trimAddress(m[0]);
      if (!WHOLE.test(url)) continue;
      parts.push(text.data.slice(last, m.index));
      const a = doc.createElement('a');
      a.setAttribute('href', url);
      a.textContent = url;
      parts.push(a);
      last = m.index! + url.length;
    }
    if (!parts.length) continue;
    parts.push(text.data.slice(last));
    text.replaceWith(...parts.filter((p) => p !== ''));
  }
}

// The heading of an article's reference list, as a heading or a paragraph of its own.
const LIST_HEADING = /^(?:#{1,6} +)?(?:\*\*)?(?:references?|参考资料|参考文献|参考链接|引用链接|相关链接|注释|链接)(?:\*\*)?[:：]?$/i;
// One entry: `[12]` (mdnice writes it as code), `\[12\]` or `[12]` at the start of a line.
const ENTRY = /^(?:`\[(\d{1,3})\]`|\\\[(\d{1,3})\\\]|\[(\d{1,3})\](?!\())\s*(.*?)\s*$/;

/** The entry's text: an italicised address is the address, a label's colon gets its space. */
const entryText = (s: string) => s.replace(/\*(<(?:https?|mailto):[^>\s]+>)\*/g, '$1').replace(/[:：]\s*(?=<(?:https?|mailto):)/, ': ');

/** The reference list after its heading as footnotes, and the text's `\[n\]` markers as `[^n]`. */
export function referencesToFootnotes(md: string): string {
  // Code blocks are left as they are: split them out (odd parts).
  const parts = md.split(/(^```[\s\S]*?^```$)/m);
  const lines = parts.map((p, i) => (i % 2 ? null : p.split('\n')));
  // The last heading of a reference list that entries follow.
  let at: { part: number; line: number } | null = null;
  lines.forEach((ls, part) => ls?.forEach((l, line) => {
    if (LIST_HEADING.test(l.trim())) at = { part, line };
  }));
  if (!at) return md;
  const { part, line } = at as { part: number; line: number };
  const ls = lines[part]!;
  const defined = new Set<string>();
  let end = line + 1;
  for (; end < ls.length; end++) {
    const l = ls[end]!;
    if (!l.trim()) continue;
    const m = ENTRY.exec(l);
    if (!m) break;
    const n = m[1] ?? m[2] ?? m[3]!;
    if (defined.has(n)) break;
    defined.add(n);
    ls[end] = `[^${n}]: ${entryText(m[4] ?? '')}\n`;
  }
  if (!defined.size) return md;
  // Markers before the list, outside inline code, that name an entry.
  const marker = (s: string) => s.replace(/\\\[(\d{1,3})\\\]/g, (m, n: string) => (defined.has(n) ? `[^${n}]` : m));
  const inText = (l: string) => l.split(/(`[^`]*`)/).map((seg, i) => (i % 2 ? seg : marker(seg))).join('');
  lines.forEach((ls2, p) => {
    if (!ls2 || p > part) return;
    const upto = p === part ? line : ls2.length;
    for (let i = 0; i < upto; i++) ls2[i] = inText(ls2[i]!);
  });
  // Each entry got a blank line after it (footnotes are paragraphs); the note ends as it did.
  const out = parts.map((p, i) => (lines[i] ? lines[i]!.join('\n') : p)).join('').replace(/\n{3,}/g, '\n\n');
  return out.replace(/\n+$/, /\n*$/.exec(md)![0]);
}

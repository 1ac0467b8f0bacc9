/**
 * Reading an array or object literal that a page writes into an inline script, as text: the page's
 * scripts may never run. Brackets are matched with strings and comments respected, so a `]` inside
 * a URL or a nested `format_info: []` does not end the list (image posts, DOM-NOTES §6).
 */

const OPEN = '[{(';
const CLOSE = ']})';

/** The index just past the bracket that closes the one at `open`; -1 when it is never closed. */
export function matchingBracket(text: string, open: number): number {
  const stack: string[] = [];
  for (let i = open; i < text.length; i++) {
    const c = text[i]!;
    if (c === "'" || c === '"' || c === '`') {
      // Skip the string, escapes included.
      for (i++; i < text.length && text[i] !== c; i++) if (text[i] === '\\') i++;
    } else if (c === '/' && (text[i + 1] === '/' || text[i + 1] === '*')) {
      const end = text[i + 1] === '/' ? text.indexOf('\n', i) : text.indexOf('*/', i + 2) + 1;
      if (end <= 0) return -1;
      i = end;
    } else if (OPEN.includes(c)) stack.push(CLOSE[OPEN.indexOf(c)]!);
    else if (CLOSE.includes(c)) {
      if (stack.pop() !== c) return -1;
      if (stack.length === 0) return i + 1;
    }
  }
  return -1;
}

/**
 * The elements of an array literal `[ {…}, {…} ]` as the source text of each top-level object:
 * nested objects stay inside their element, so `watermark_info: { cdn_url }` is never taken for
 * the picture's own `cdn_url`.
 */
export function topLevelObjects(list: string): string[] {
  const out: string[] = [];
  for (let i = list.indexOf('{'); i >= 0; ) {
    const end = matchingBracket(list, i);
    if (end < 0) break;
    out.push(list.slice(i, end));
    i = list.indexOf('{', end);
  }
  return out;
}

/** The part of an object's text at its own depth: every nested {…} and […] cut out. */
export function ownLevel(object: string): string {
  let out = '';
  let i = 1; // past the object's own `{`
  while (i < object.length - 1) {
    const c = object[i]!;
    if (c === "'" || c === '"') {
      const start = i;
      for (i++; i < object.length && object[i] !== c; i++) if (object[i] === '\\') i++;
      out += object.slice(start, ++i);
    } else if (c === '{' || c === '[') {
      const end = matchingBracket(object, i);
      if (end < 0) break;
      out += ' ';
      i = end;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

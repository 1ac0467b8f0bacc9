/**
 * CommonMark emphasis needs "flanking" delimiters: `**首先，**三国` does not close, because the
 * closing `**` follows punctuation and precedes a letter. Helpers to keep markers where they work.
 */

const PUNCT = /[\p{P}\p{S}]/u;
const SPACE = /\s/u;
// Punctuation we may move outside the markers. Not Markdown syntax, which must stay paired.
const MOVABLE = /[\s\u00a0\p{P}\p{S}]/u;
const SYNTAX = new Set(['\\', '[', ']', '(', ')', '!', '`', '*', '_', '<', '>', '~', '|', '$']);

const isMovable = (ch: string) => MOVABLE.test(ch) && !SYNTAX.has(ch);

/** Splits content into (leading punctuation/space, core, trailing punctuation/space). */
export function splitEdges(content: string): [string, string, string] {
  const chars = Array.from(content);
  let a = 0;
  let b = chars.length;
  while (a < b && isMovable(chars[a]!)) a++;
  while (b > a && isMovable(chars[b - 1]!)) b--;
  // Keep an escaped character whole: a lone backslash must not end the core.
  if (b > a && chars[b - 1] === '\\' && b < chars.length) b++;
  return [chars.slice(0, a).join(''), chars.slice(a, b).join(''), chars.slice(b).join('')];
}

const kind = (ch: string) => (ch === '' || SPACE.test(ch) ? 'space' : PUNCT.test(ch) ? 'punct' : 'letter');

/** Would `before` + DELIM + core + DELIM + `after` open and close emphasis in CommonMark? */
export function emphasisWorks(before: string, core: string, after: string): boolean {
  const first = kind(Array.from(core)[0] ?? '');
  const last = kind(Array.from(core).pop() ?? '');
  const prev = kind(before);
  const next = kind(after);
  const opens = first !== 'space' && (first !== 'punct' || prev !== 'letter');
  const closes = last !== 'space' && (last !== 'punct' || next !== 'letter');
  return opens && closes;
}

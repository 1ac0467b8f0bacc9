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

/** The character (code point) that starts at i, and the one that ends just before end. */
const charAt = (s: string, i: number) => String.fromCodePoint(s.codePointAt(i)!);
function charBefore(s: string, end: number): string {
  const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
  const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
  return end >= 2 && isLow(s.charCodeAt(end - 1)) && isHigh(s.charCodeAt(end - 2)) ? s.slice(end - 2, end) : s[end - 1]!;
}

/** The first and the last character (code point) of a text, '' when it is empty: without splitting
 *  the whole text into an array of characters, as a neighbour can be a whole paragraph. */
export const firstChar = (s: string) => (s ? charAt(s, 0) : '');
export const lastChar = (s: string) => (s ? charBefore(s, s.length) : '');

/** Splits content into (leading punctuation/space, core, trailing punctuation/space). Only the
 *  edges are read: a bold run can be a whole paragraph. */
export function splitEdges(content: string): [string, string, string] {
  let a = 0;
  let b = content.length;
  for (let ch: string; a < b && isMovable((ch = charAt(content, a))); ) a += ch.length;
  for (let ch: string; b > a && isMovable((ch = charBefore(content, b))); ) b -= ch.length;
  // Keep an escaped character whole: a lone backslash must not end the core.
  if (b > a && content[b - 1] === '\\' && b < content.length) b += charAt(content, b).length;
  return [content.slice(0, a), content.slice(a, b), content.slice(b)];
}

const kind = (ch: string) => (ch === '' || SPACE.test(ch) ? 'space' : PUNCT.test(ch) ? 'punct' : 'letter');

/** Would `before` + DELIM + core + DELIM + `after` open and close emphasis in CommonMark? */
export function emphasisWorks(before: string, core: string, after: string): boolean {
  const first = kind(core ? charAt(core, 0) : '');
  const last = kind(core ? charBefore(core, core.length) : '');
  const prev = kind(before);
  const next = kind(after);
  const opens = first !== 'space' && (first !== 'punct' || prev !== 'letter');
  const closes = last !== 'space' && (last !== 'punct' || next !== 'letter');
  return opens && closes;
}

/**
 * Short text from long text, cut where a reader would stop: after a sentence, else at a clause, and
 * only then between characters. Used for a text post's title (its file name) and for a description.
 */

// A sentence ends at 。！？…!? (with any closing quote or bracket after it), or at . ! ? before a space.
const SENTENCE_END = /(?:[。！？!?…]+|[.](?=\s))[”’"'」』）)】]*/gu;
// A clause ends before ，、；：,; (the mark itself is not kept: "…" follows).
const CLAUSE_MARK = /[，、；：,;]/gu;
const ENDS_SENTENCE = /[。！？!?….][”’"'」』）)】]*$/u;

/** Code points, so an emoji is never cut in two. */
const chars = (s: string) => Array.from(s);

/** At most `max` characters of `text`: the whole of it when it fits; else up to its last sentence end
 *  within `max`; else up to its last clause mark, then "…"; else `max` characters, then "…". A cut that
 *  would keep less than a fifth of `max` is not taken. */
export function cutAtSentence(text: string, max: number): string {
  const all = chars(text.trim());
  if (all.length <= max) return all.join('');
  return softCut(all, max) ?? `${all.slice(0, max).join('').trim()}…`;
}

/** `all` cut after its last sentence end or before its last clause mark within `max`; null when neither. */
function softCut(all: string[], max: number): string | null {
  const head = all.slice(0, max).join('');
  const least = Math.ceil(max / 5);
  const lastEnd = (re: RegExp, keepMark: boolean) => {
    let at = -1;
    for (const m of head.matchAll(re)) {
      const end = m.index! + (keepMark ? m[0].length : 0);
      if (chars(head.slice(0, end)).length >= least) at = end;
    }
    return at;
  };
  const sentence = lastEnd(SENTENCE_END, true);
  if (sentence > 0) return head.slice(0, sentence).trim();
  const clause = lastEnd(CLAUSE_MARK, false);
  return clause > 0 ? `${head.slice(0, clause).trim()}…` : null;
}

/** A description for front matter: short (at most `max` characters), cut at a sentence. A digest
 *  WeChat cut itself stops mid-sentence at its length: 54 characters when WeChat made it from the
 *  article's start, 120 at most for a share's. Such a digest goes back to its last sentence end (or
 *  clause); any other digest is the author's and stays as written. */
export function shortDescription(text: string, max = 120): string {
  const t = text.trim();
  const n = chars(t).length;
  if (n > max) return cutAtSentence(t, max);
  const wechatCut = (n >= 50 && n <= 56) || n >= max - 5;
  if (!wechatCut || ENDS_SENTENCE.test(t)) return t;
  // No sentence or clause to go back to: the digest as it is.
  return softCut(chars(t), n - 1) ?? t;
}

/** Text we place inside [link text] or ![alt]: brackets would end it, and <, `, *, _, $ would start HTML,
 *  code, emphasis or math. One line. */
export function escapeLabel(s: string): string {
  return unescapeIntraword(s.replace(/([\\[\]<>`*_$])/g, '\\$1').replace(/\s+/g, ' ').trim());
}

/**
 * Turndown escapes every `_`; between two letters or digits one can neither open nor close emphasis
 * (CommonMark's flanking rules), so `match_parent` and `SYSTEM_UI_FLAG` are written as they read.
 */
export const INTRAWORD_UNDERSCORE = { pattern: /(?<=[\p{L}\p{N}])\\_(?=[\p{L}\p{N}])/gu, example: 'tshark_manager.cpp' };
export const unescapeIntraword = (text: string) => (text.includes('\\_') ? text.replace(INTRAWORD_UNDERSCORE.pattern, '_') : text);

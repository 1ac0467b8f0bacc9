/**
 * File names that every desktop OS accepts: no reserved characters (Windows: <>:"/\|?*), no
 * control characters, no trailing dot or space, no reserved device names, and short enough
 * (255 bytes is the common limit; we keep room for the extension and the ZIP folder).
 */

// Look-alike full-width forms keep titles readable: "国际 | 中缅泰" → "国际 ｜ 中缅泰".
const REPLACE: Record<string, string> = { '<': '＜', '>': '＞', ':': '：', '"': '＂', '/': '／', '\\': '＼', '|': '｜', '?': '？', '*': '＊' };
// Windows' device names, also with an extension: COM¹–³ and LPT¹–³ (superscript digits) and the
// console's CONIN$ / CONOUT$ are devices too.
const RESERVED = /^(con|prn|aux|nul|conin\$|conout\$|com[0-9\u00b9\u00b2\u00b3]|lpt[0-9\u00b9\u00b2\u00b3])(\..*)?$/i;
const MAX_BYTES = 180;

/** The longest prefix of s, whole characters only, that is at most max bytes in UTF-8. */
function truncateBytes(s: string, max: number): string {
  let bytes = 0;
  let end = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    if (bytes > max) break;
    end += ch.length;
  }
  return s.slice(0, end);
}

export function safeFileName(name: string, fallback = 'wechat-article'): string {
  let s = name
    .replace(/[<>:"/\\|?*]/g, (c) => REPLACE[c] ?? '_')
    // Control characters, zero-width ones and the bidi controls (U+202A–202E, U+2066–2069, U+061C),
    // which would show a name reversed in a file list ("gpj.exe" read as "exe.jpg").
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f\u061c\u200b-\u200f\u2028-\u202e\u2066-\u2069]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  s = truncateBytes(s, MAX_BYTES).replace(/[. ]+$/, '').replace(/^[. ]+/, '');
  if (!s) s = fallback;
  if (RESERVED.test(s)) s = `_${s}`;
  return s;
}

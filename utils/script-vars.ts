/**
 * Reads values that WeChat pages keep in inline scripts. The same variable is written in several
 * styles across eras (DOM-NOTES §2–§4, §8.4):
 *   var ct = "1740218460";                    var msg_title = '…'.html(false);
 *   var nickname = htmlDecode("…");           var create_time = "1740218460" * 1;
 *   window.ct = '1762338600' || '';           nick_name: JsDecode('…'),
 * We match them as text: the page's scripts may never run (blocked, or a saved page).
 */

/** The inline scripts' text, joined. Scripts with a src carry nothing we read. */
export function inlineScriptText(doc: Document): string {
  const parts: string[] = [];
  for (const s of Array.from(doc.scripts)) if (!s.src) parts.push(s.text);
  return parts.join('\n');
}

const JS_ESCAPE = /\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|u\{[0-9a-fA-F]+\}|[\s\S])/g;

/** Undo JavaScript string escapes (\x26, \u4e2d, \n, \', …). */
export function decodeJsString(s: string): string {
  return s.replace(JS_ESCAPE, (_, e: string) => {
    if (e[0] === 'x') return String.fromCharCode(parseInt(e.slice(1), 16));
    if (e[0] === 'u') return String.fromCodePoint(parseInt(e.replace(/[u{}]/g, ''), 16));
    const simple: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', v: '\v', '0': '\0' };
    return simple[e] ?? e;
  });
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', '#39': "'" };

/** Undo the HTML entities WeChat leaves in these values (htmlDecode / .html(false) / &amp; in URLs). */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[e] ?? m;
  });
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// A quoted JS string literal, single or double quoted, with escapes.
const STR = `(?:"((?:[^"\\\\\\n]|\\\\.)*)"|'((?:[^'\\\\\\n]|\\\\.)*)')`;
const WRAP_OPEN = `(?:htmlDecode\\(|JsDecode\\(|window\\.a_value_which_never_exists\\s*\\|\\|\\s*)?`;

/**
 * The first non-empty value assigned to `name` in any of WeChat's styles, decoded; or ''.
 * Assignments: `var name =`, `window.name =`, `x = window.name =`; with objectKey also `name:`.
 */
export function readScriptVar(scripts: string, name: string, options: { objectKey?: boolean } = {}): string {
  const n = escapeRe(name);
  // Object-literal keys (`nick_name: '…'`) only where asked: Vue templates in the same scripts use
  // common keys like `nickname: 'data-miniprogram-nickname'`.
  const prefix = options.objectKey ? `(?:\\bvar\\s+|\\bwindow\\.|[{,\\s])` : `(?:\\bvar\\s+|\\bwindow\\.)`;
  const op = options.objectKey ? `(?:=(?!=)|:)` : `=(?!=)`;
  const re = new RegExp(`${prefix}${n}\\s*${op}\\s*(?:window\\.\\w+\\s*=\\s*)?${WRAP_OPEN}${STR}`, 'g');
  for (const m of scripts.matchAll(re)) {
    const raw = m[1] ?? m[2] ?? '';
    if (raw.trim() === '') continue;
    return decodeEntities(decodeJsString(raw));
  }
  return '';
}

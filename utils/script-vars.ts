/**
 * Reads values that WeChat pages keep in inline scripts. The same variable is written in several
 * styles across eras (DOM-NOTES §2–§4, §8.4):
 *   var ct = "1740218460";                    var msg_title = '…'.html(false);
 *   var nickname = htmlDecode("…");           var create_time = "1740218460" * 1;
 *   window.ct = '1762338600' || '';           nick_name: JsDecode('…'),
 * We match them as text: the page's scripts may never run (blocked, or a saved page).
 */

const JS_ESCAPE = /\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|u\{[0-9a-fA-F]+\}|[\s\S])/g;

const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', v: '\v', '0': '\0' };

/** Undo JavaScript string escapes (\x26, \u4e2d, \n, \', …). */
export function decodeJsString(s: string): string {
  return s.replace(JS_ESCAPE, (_, e: string) => {
    if (e[0] === 'x') return String.fromCharCode(parseInt(e.slice(1), 16));
    if (e[0] === 'u') return String.fromCodePoint(parseInt(e.replace(/[u{}]/g, ''), 16));
    return SIMPLE_ESCAPES[e] ?? e;
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

// A quoted JS string literal, single or double quoted, with escapes.
const STR = `(?:"((?:[^"\\\\\\n]|\\\\.)*)"|'((?:[^'\\\\\\n]|\\\\.)*)')`;

const WRAP = `(?:htmlDecode\\(|JsDecode\\(|window\\.a_value_which_never_exists\\s*\\|\\|\\s*)?`;
// What follows `var name` / `window.name` in an assignment of a string literal (also `var a = window.b = '…'`).
const ASSIGNED = new RegExp(`\\s*=(?!=)\\s*(?:window\\.[\\w$]+\\s*=\\s*)?${WRAP}${STR}`, 'y');
const KEYED = new RegExp(`\\s*:\\s*${WRAP}${STR}`, 'y');
const IDENT = /[\w$]/;

// After `var ` or `window.`: the name, then `=` (not `==`).
const NAME_THEN_EQ = /([A-Za-z_$][\w$]*)\s*=(?!=)/y;

/**
 * The page's inline script variables. A 2025 page carries 2–4 MB of inline script; one regular
 * expression per variable over all of it was most of an export's time (measured with npm run bench).
 * The server writes the variables we read as `var x = …` in small scripts (the big ones are Vue
 * bundles), so a lookup first tries `var x` in the scripts from the smallest up. On the first miss
 * (image and text posts use `window.x = …`) one pass indexes every assignment, and later lookups use
 * that. A declaration (`var x = ''`) is authoritative even when empty; object keys, which repeat as
 * placeholders, take the first non-empty value.
 */
export class ScriptVars {
  private readonly cache = new Map<string, string>();
  private readonly bySize: string[];
  private joined: string | null = null;
  private declarations: Map<string, number[]> | null = null;

  constructor(private readonly scripts: readonly string[]) {
    this.bySize = [...scripts].sort((a, b) => a.length - b.length);
  }

  /** All the scripts' text, for searches that are not a variable. */
  get text(): string {
    return (this.joined ??= this.scripts.join('\n'));
  }

  private memo(key: string, compute: () => string): string {
    let v = this.cache.get(key);
    if (v === undefined) this.cache.set(key, (v = compute()));
    return v;
  }

  private valueAt(text: string, at: number): string | null {
    ASSIGNED.lastIndex = at;
    const m = ASSIGNED.exec(text);
    return m ? decodeEntities(decodeJsString(m[1] ?? m[2] ?? '')) : null;
  }

  /** `var name = …` in the small scripts first; null when no script declares it that way. */
  private declaredVar(name: string): string | null {
    const needle = `var ${name}`;
    for (const t of this.bySize) {
      for (let at = t.indexOf(needle); at >= 0; at = t.indexOf(needle, at + needle.length)) {
        if (/[\w$.]/.test(t[at - 1] ?? ' ')) continue;
        const v = this.valueAt(t, at + needle.length);
        if (v !== null) return v;
      }
    }
    return null;
  }

  private assignments(name: string): number[] {
    if (!this.declarations) {
      // indexOf finds the literal prefixes far faster than a regular expression scans 3 MB.
      const index = new Map<string, number[]>();
      const t = this.text;
      for (const prefix of ['var ', 'window.']) {
        for (let at = t.indexOf(prefix); at >= 0; at = t.indexOf(prefix, at + prefix.length)) {
          if (/[\w$.]/.test(t[at - 1] ?? ' ')) continue; // part of a longer name or a property chain
          NAME_THEN_EQ.lastIndex = at + prefix.length;
          const m = NAME_THEN_EQ.exec(t);
          if (!m) continue;
          const afterName = m.index + m[1]!.length; // where ASSIGNED starts, as for `var name`
          const list = index.get(m[1]!);
          if (list) list.push(afterName);
          else index.set(m[1]!, [afterName]);
        }
      }
      for (const list of index.values()) list.sort((a, b) => a - b);
      this.declarations = index;
    }
    return this.declarations.get(name) ?? [];
  }

  /** `var name = '…'` or `window.name = '…'`, decoded; '' when absent. */
  get(name: string): string {
    return this.memo(`=${name}`, () => {
      if (!this.declarations) {
        const v = this.declaredVar(name);
        if (v !== null) return v;
      }
      for (const at of this.assignments(name)) {
        const v = this.valueAt(this.text, at);
        if (v !== null) return v;
      }
      return '';
    });
  }

  /** An object-literal key, `name: '…'` or `name: JsDecode('…')` (image and text posts). */
  key(name: string): string {
    return this.memo(`:${name}`, () => {
      const t = this.text;
      for (let at = t.indexOf(name); at >= 0; at = t.indexOf(name, at + name.length)) {
        if (!/[{,\s]/.test(t[at - 1] ?? ' ') || IDENT.test(t[at + name.length] ?? '')) continue;
        KEYED.lastIndex = at + name.length;
        const m = KEYED.exec(t);
        const raw = m ? (m[1] ?? m[2] ?? '') : '';
        if (raw.trim() !== '') return decodeEntities(decodeJsString(raw));
      }
      return '';
    });
  }
}

/** The page's inline script variables. */
export function scriptVars(doc: Document): ScriptVars {
  return new ScriptVars(Array.from(doc.scripts, (s) => (s.src ? '' : s.text)).filter(Boolean));
}

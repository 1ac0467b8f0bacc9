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

const isIdentChar = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36;
const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;
const PREFIXES = ['var ', 'window.'];
// How ASSIGNED's values start: a quote, `window.x =`, htmlDecode(, JsDecode(.
const VALUE_START = `'"whJ`;

/** A place in one script where a name is assigned: ASSIGNED starts matching at `at`. */
interface Place {
  text: string;
  at: number;
}

/**
 * Every `var name =` and `window.name =` in one script, in order. Character codes, not regular
 * expressions: a 2025 page has ~7000 candidates in 2.5 MB and most are `var e,t` in bundles.
 */
function indexAssignments(t: string, into: Map<string, Place[]>): void {
  const found: [number, string][] = [];
  for (const prefix of PREFIXES) {
    for (let at = t.indexOf(prefix); at >= 0; at = t.indexOf(prefix, at + prefix.length)) {
      const before = t.charCodeAt(at - 1);
      if (isIdentChar(before) || before === 46) continue; // part of a longer name or a property chain
      const start = at + prefix.length;
      let end = start;
      while (isIdentChar(t.charCodeAt(end))) end++;
      let eq = end;
      while (isSpace(t.charCodeAt(eq))) eq++;
      if (end === start || t.charCodeAt(eq) !== 61 || t.charCodeAt(eq + 1) === 61) continue; // not `name =`
      let value = eq + 1;
      while (isSpace(t.charCodeAt(value))) value++;
      if (!VALUE_START.includes(t[value] ?? '')) continue; // `var e=function…`: not a value ASSIGNED reads
      found.push([end, t.slice(start, end)]);
    }
  }
  found.sort((a, b) => a[0] - b[0]);
  for (const [at, name] of found) {
    const list = into.get(name);
    if (list) list.push({ text: t, at });
    else into.set(name, [{ text: t, at }]);
  }
}

/**
 * The page's inline script variables. A 2025 page carries 2–4 MB of inline script; one regular
 * expression per variable over all of it was most of an export's time (measured with npm run bench).
 * The server writes the variables we read as `var x = …` in small scripts (the big ones are Vue
 * bundles), so a lookup first tries `var x` in the scripts from the smallest up. On the first miss
 * (image and text posts use `window.x = …`) one pass indexes every assignment, script by script
 * (joined, they would be copied into one two-byte string first), and later lookups use that. A declaration (`var x = ''`) is authoritative even when empty; object keys, which repeat as
 * placeholders, take the first non-empty value.
 */
export class ScriptVars {
  private readonly cache = new Map<string, string>();
  private readonly bySize: string[];
  private declarations: Map<string, Place[]> | null = null;
  private lastFound: string | null = null;

  constructor(private readonly scripts: readonly string[]) {
    this.bySize = [...scripts].sort((a, b) => a.length - b.length);
  }

  /**
   * The first place, in page order, where `literal` is followed by what the sticky `rest` matches.
   * A literal found with indexOf first: a regular expression over 2.5 MB of script is far slower.
   */
  find(literal: string, rest: RegExp): { text: string; match: RegExpExecArray } | null {
    for (const text of this.scripts) {
      for (let at = text.indexOf(literal); at >= 0; at = text.indexOf(literal, at + literal.length)) {
        rest.lastIndex = at + literal.length;
        const match = rest.exec(text);
        if (match) return { text, match };
      }
    }
    return null;
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

  /**
   * `var name = …` in the script that held the last one found, then in the small scripts first;
   * null when no script declares it that way. The server writes its variables together, so the
   * first script searched usually has the next one too.
   */
  private declaredVar(name: string): string | null {
    const needle = `var ${name}`;
    for (const t of this.lastFound ? [this.lastFound, ...this.bySize] : this.bySize) {
      for (let at = t.indexOf(needle); at >= 0; at = t.indexOf(needle, at + needle.length)) {
        if (/[\w$.]/.test(t[at - 1] ?? ' ')) continue;
        const v = this.valueAt(t, at + needle.length);
        if (v !== null) {
          this.lastFound = t;
          return v;
        }
      }
    }
    return null;
  }

  private assignments(name: string): Place[] {
    if (!this.declarations) {
      this.declarations = new Map();
      for (const t of this.scripts) indexAssignments(t, this.declarations);
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
      for (const { text, at } of this.assignments(name)) {
        const v = this.valueAt(text, at);
        if (v !== null) return v;
      }
      return '';
    });
  }

  /** An object-literal key, `name: '…'` or `name: JsDecode('…')` (image and text posts). */
  key(name: string): string {
    return this.memo(`:${name}`, () => {
      for (const t of this.scripts) {
        for (let at = t.indexOf(name); at >= 0; at = t.indexOf(name, at + name.length)) {
          if (!/[{,\s]/.test(t[at - 1] ?? ' ') || IDENT.test(t[at + name.length] ?? '')) continue;
          KEYED.lastIndex = at + name.length;
          const m = KEYED.exec(t);
          const raw = m ? (m[1] ?? m[2] ?? '') : '';
          if (raw.trim() !== '') return decodeEntities(decodeJsString(raw));
        }
      }
      return '';
    });
  }
}

/** The page's inline script variables. */
export function scriptVars(doc: Document): ScriptVars {
  return new ScriptVars(Array.from(doc.scripts, (s) => (s.src ? '' : s.text)).filter(Boolean));
}

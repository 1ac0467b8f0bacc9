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

const PREFIXES = ['var ', 'window.'];
// Every `var name` / `window.name` followed by an assignment whose value ASSIGNED can read: a quote,
// `window.x =`, htmlDecode( or JsDecode(. The match ends after the name, where ASSIGNED starts.
// One global expression over the text: measured in Chromium on 2025 image and text posts (2.3 MB of
// script), a third faster than finding each prefix with indexOf and trying a sticky expression at
// every hit, which spent most of its time on hits that were no assignment.
const ASSIGNMENT = /(?:var |window\.)([A-Za-z_$][\w$]*)(?=\s*=(?!=)\s*['"wJh])/g;
// The end of a longer name or a property chain (`evar x`, `a.window.x`). Tested by hand, not as a
// lookbehind in ASSIGNMENT: that made the scan 3× slower.
const PART_OF_NAME = /[\w$.]/;
// The server writes its variables into small scripts; the big ones are bundles (a 2025 page: 1.4 MB).
const SMALL_SCRIPT = 64 * 1024;

/** Reads the value assigned at `at` (just after the name); null when it is not of its form. */
type Reader = (text: string, at: number) => string | null;

/** The decoded string literal assigned at `at`; null when it is not one. */
const valueAt: Reader = (text, at) => {
  ASSIGNED.lastIndex = at;
  const m = ASSIGNED.exec(text);
  return m ? decodeEntities(decodeJsString(m[1] ?? m[2] ?? '')) : null;
};

// `= "a" || "b" || ""`: string literals joined by ||, nothing else.
const ALTERNATIVES = new RegExp(`\\s*=(?!=)\\s*(${STR}(?:\\s*\\|\\|\\s*${STR})*)`, 'y');
const LITERAL = new RegExp(STR, 'g');

/** The first non-empty of the string literals joined by || at `at`, decoded ('' when all are empty); null when it is not that. */
const alternativesAt: Reader = (text, at) => {
  ALTERNATIVES.lastIndex = at;
  const m = ALTERNATIVES.exec(text);
  if (!m) return null;
  for (const lit of m[1]!.matchAll(LITERAL)) {
    const v = decodeEntities(decodeJsString(lit[1] ?? lit[2] ?? '')).trim();
    if (v) return v;
  }
  return '';
};

/**
 * The page's inline script variables. A 2025 page carries 2–4 MB of inline script. A lookup first
 * searches the small scripts for `var name` / `window.name`: the script that held the last one
 * found, then the smallest up. A name that is in none of them (image and text posts lack several)
 * is looked up in an index of every string assignment in all scripts, built once with one regular
 * expression per script, in page order; from then on the index answers every lookup. Measured in
 * Chromium on a 2.5 MB page: the index takes 1–2 ms; a regular expression per variable over
 * everything took most of an export's time.
 * The first assignment that holds a string literal wins, even an empty one (`var x = ''` is the
 * server saying "none"); object keys, which repeat as placeholders, take the first non-empty value.
 */
export class ScriptVars {
  private readonly cache = new Map<string, string>();
  /** Scripts up to SMALL_SCRIPT, smallest first. */
  private readonly small: string[];
  /** The small scripts, then the big ones in page order: where literals and keys are looked for. */
  private readonly smallFirst: string[];
  private lastFound: string | null = null;
  private index: Map<string, [number, number][]> | null = null;

  constructor(private readonly scripts: readonly string[]) {
    this.small = scripts.filter((t) => t.length <= SMALL_SCRIPT).sort((a, b) => a.length - b.length);
    this.smallFirst = [...this.small, ...scripts.filter((t) => t.length > SMALL_SCRIPT)];
  }

  /**
   * The first place where `literal` is followed by what the sticky `rest` matches: in the small
   * scripts, smallest first, then in the big ones in page order. A literal found with indexOf
   * first: a regular expression over 2.5 MB of script is far slower.
   */
  find(literal: string, rest: RegExp): { text: string; match: RegExpExecArray } | null {
    for (const text of this.smallFirst) {
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

  /** `var name = '…'` or `window.name = '…'` in one script, as `read` reads it; null when it has none. */
  private assignedIn(text: string, name: string, read: Reader): string | null {
    // Most scripts never name the variable: one search for the name rules them out, not one per prefix.
    if (!text.includes(name)) return null;
    for (const prefix of PREFIXES) {
      const needle = prefix + name;
      for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) {
        if (PART_OF_NAME.test(text[at - 1] ?? ' ')) continue;
        const v = read(text, at + needle.length);
        if (v !== null) return v;
      }
    }
    return null;
  }

  /** [script number, position after the name] of every string assignment, by name, in page order. */
  private assignments(name: string): [number, number][] {
    if (!this.index) {
      const index = new Map<string, [number, number][]>();
      this.scripts.forEach((text, i) => {
        ASSIGNMENT.lastIndex = 0;
        for (let m = ASSIGNMENT.exec(text); m; m = ASSIGNMENT.exec(text)) {
          if (m.index > 0 && PART_OF_NAME.test(text[m.index - 1]!)) continue;
          const list = index.get(m[1]!);
          if (list) list.push([i, ASSIGNMENT.lastIndex]);
          else index.set(m[1]!, [[i, ASSIGNMENT.lastIndex]]);
        }
      });
      this.index = index;
    }
    return this.index.get(name) ?? [];
  }

  /** `var name = '…'` or `window.name = '…'`, decoded; '' when absent. */
  get(name: string): string {
    return this.memo(`=${name}`, () => this.lookup(name, valueAt));
  }

  /**
   * `var name = "" || "value" || ""`: the first non-empty alternative, decoded (how the server writes
   * biz, mid, idx and sn, its value in any place); '' when absent or all empty.
   */
  alternative(name: string): string {
    return this.memo(`|${name}`, () => this.lookup(name, alternativesAt));
  }

  private lookup(name: string, read: Reader): string {
    // Once a miss has built the index, it answers everything: the search below would only repeat it.
    const search = this.index ? [] : this.lastFound ? [this.lastFound, ...this.small] : this.small;
    for (const text of search) {
      const v = this.assignedIn(text, name, read);
      if (v !== null) {
        this.lastFound = text;
        return v;
      }
    }
    for (const [i, at] of this.assignments(name)) {
      const v = read(this.scripts[i]!, at);
      if (v !== null) return v;
    }
    return '';
  }

  /** An object-literal key, `name: '…'` or `name: JsDecode('…')` (image and text posts), small scripts first. */
  key(name: string): string {
    return this.memo(`:${name}`, () => {
      for (const t of this.smallFirst) {
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

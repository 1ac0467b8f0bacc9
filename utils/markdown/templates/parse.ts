/**
 * Templates in the form Obsidian Web Clipper users know: text with `{{variable|filter:"arg"|…}}`.
 * Parsed once into a list of parts; nothing is ever evaluated as code (no eval, no new Function).
 * Every problem is reported with its position and a message key (public/_locales: tplErr…).
 */
import { FILTERS } from './filters';
import { VARIABLE_NAMES } from './variables';

export interface FilterCall {
  name: string;
  args: string[];
}
export type Part = { text: string } | { variable: string; filters: FilterCall[] };
export interface Template {
  source: string;
  parts: Part[];
}
/** A problem at [at, end) of the template's text; `key` and `args` make its message (t(key, ...args)). */
export interface TemplateError {
  at: number;
  end: number;
  key: string;
  args: string[];
}
export type Parsed = { ok: true; template: Template } | { ok: false; errors: TemplateError[] };

const IDENT = /[A-Za-z_][A-Za-z0-9_]*/y;
const BARE = /[^\s,:|}"']+/y;

class Fail extends Error {
  constructor(readonly error: TemplateError) {
    super(error.key);
  }
}

/** Reads one `{{ … }}` expression from `start` (just after the `{{`) up to `close` (the `}}`). */
class ExpressionReader {
  private i: number;
  constructor(private readonly src: string, start: number, private readonly close: number) {
    this.i = start;
  }
  private fail(key: string, at: number, end: number, ...args: string[]): never {
    throw new Fail({ at, end: Math.max(end, at + 1), key, args });
  }
  private space(): void {
    while (this.i < this.close && /\s/.test(this.src[this.i]!)) this.i++;
  }
  private ident(what: 'variable' | 'filter'): { name: string; at: number } {
    this.space();
    IDENT.lastIndex = this.i;
    const m = IDENT.exec(this.src);
    if (!m || this.i + m[0].length > this.close) this.fail(what === 'variable' ? 'tplErrNoVariable' : 'tplErrNoFilter', this.i, this.i + 1);
    const at = this.i;
    this.i += m[0].length;
    return { name: m[0], at };
  }
  private arg(): string {
    this.space();
    const q = this.src[this.i];
    const at = this.i;
    if (q === '"' || q === "'") {
      let out = '';
      for (this.i++; this.i < this.close; this.i++) {
        const c = this.src[this.i]!;
        if (c === q) {
          this.i++;
          return out;
        }
        if (c === '\\' && this.i + 1 < this.close) {
          const n = this.src[++this.i]!;
          out += n === 'n' ? '\n' : n === 't' ? '\t' : n;
        } else out += c;
      }
      this.fail('tplErrOpenQuote', at, this.close);
    }
    BARE.lastIndex = this.i;
    const m = BARE.exec(this.src);
    if (!m || this.i + m[0].length > this.close) this.fail('tplErrNoArgument', at, at + 1);
    this.i += m[0].length;
    return m[0];
  }
  private filter(): FilterCall {
    const { name, at } = this.ident('filter');
    const spec = Object.hasOwn(FILTERS, name) ? FILTERS[name] : undefined;
    if (!spec) this.fail('tplErrUnknownFilter', at, at + name.length, name, Object.keys(FILTERS).join(', '));
    const args: string[] = [];
    this.space();
    if (this.src[this.i] === ':') {
      this.i++;
      args.push(this.arg());
      for (this.space(); this.src[this.i] === ',' || this.src[this.i] === ':'; this.space()) {
        this.i++;
        args.push(this.arg());
      }
    }
    const [min, max] = spec.args;
    if (args.length < min || args.length > max) {
      this.fail('tplErrArgCount', at, this.i, name, min === max ? String(min) : `${min}–${max}`, String(args.length));
    }
    const bad = spec.check?.(args);
    if (bad) this.fail(bad, at, this.i, name);
    return { name, args };
  }
  read(): Part {
    this.space();
    if (this.i >= this.close) this.fail('tplErrEmpty', this.i - 2, this.close + 2);
    const v = this.ident('variable');
    if (!VARIABLE_NAMES.includes(v.name)) this.fail('tplErrUnknownVariable', v.at, v.at + v.name.length, v.name, VARIABLE_NAMES.join(', '));
    const filters: FilterCall[] = [];
    for (this.space(); this.i < this.close; this.space()) {
      if (this.src[this.i] !== '|') this.fail('tplErrUnexpected', this.i, this.i + 1, this.src[this.i]!);
      this.i++;
      filters.push(this.filter());
    }
    return { variable: v.name, filters };
  }
}

function parseUncached(src: string): Parsed {
  const parts: Part[] = [];
  const errors: TemplateError[] = [];
  let i = 0;
  const text = (s: string) => {
    const stray = s.indexOf('}}');
    if (stray >= 0) errors.push({ at: i + stray, end: i + stray + 2, key: 'tplErrStrayClose', args: [] });
    if (s) parts.push({ text: s });
  };
  while (i < src.length) {
    const open = src.indexOf('{{', i);
    if (open < 0) {
      text(src.slice(i));
      break;
    }
    text(src.slice(i, open));
    const close = src.indexOf('}}', open + 2);
    if (close < 0) {
      errors.push({ at: open, end: src.length, key: 'tplErrUnclosed', args: [] });
      break;
    }
    try {
      parts.push(new ExpressionReader(src, open + 2, close).read());
    } catch (e) {
      if (!(e instanceof Fail)) throw e;
      errors.push(e.error);
    }
    i = close + 2;
  }
  return errors.length ? { ok: false, errors } : { ok: true, template: { source: src, parts } };
}

// Templates come from settings: the same few strings are parsed again and again (each export, each keystroke's preview).
const cache = new Map<string, Parsed>();

/** The template's parts, or every problem found in it. */
export function parseTemplate(src: string): Parsed {
  let p = cache.get(src);
  if (!p) {
    p = parseUncached(src);
    if (cache.size > 200) cache.clear();
    cache.set(src, p);
  }
  return p;
}

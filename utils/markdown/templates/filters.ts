/** The filters a template may use. Each is plain string work on a value: a string or a list of strings. */
import { safeFileName } from '../filename';
import { formatDate } from './date-format';

export type Value = string | string[];

export interface FilterSpec {
  /** How many arguments it takes: [min, max]. */
  args: [number, number];
  /** A message key when the arguments are wrong (checked when the template is parsed). */
  check?(args: string[]): string | undefined;
  apply(value: Value, args: string[]): Value;
}

/** A string filter on a list works on each item. */
const each = (f: (s: string, args: string[]) => string): FilterSpec['apply'] => (v, args) => (Array.isArray(v) ? v.map((s) => f(s, args)) : f(v, args));
const isInt = (s: string) => /^-?\d+$/.test(s);
const asList = (v: Value, sep: string): string[] => (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(sep)).map((s) => s.trim()).filter(Boolean);

export const FILTERS: Readonly<Record<string, FilterSpec>> = {
  date: { args: [0, 1], apply: each((s, [fmt]) => formatDate(s, fmt ?? 'YYYY-MM-DD')) },
  lower: { args: [0, 0], apply: each((s) => s.toLowerCase()) },
  upper: { args: [0, 0], apply: each((s) => s.toUpperCase()) },
  trim: { args: [0, 0], apply: each((s) => s.trim()) },
  replace: { args: [1, 2], check: ([from]) => (from ? undefined : 'tplErrEmptyArgument'), apply: each((s, [from, to]) => s.split(from!).join(to ?? '')) },
  slice: {
    args: [1, 2],
    check: (args) => (args.every(isInt) ? undefined : 'tplErrWholeNumbers'),
    apply: (v, [a, b]) => {
      const [start, end] = [Number(a), b === undefined ? undefined : Number(b)];
      // By characters, not UTF-16 units: an emoji is never cut in half.
      return Array.isArray(v) ? v.slice(start, end) : Array.from(v).slice(start, end).join('');
    },
  },
  default: { args: [1, 1], apply: (v, [fallback]) => ((Array.isArray(v) ? v.length : v.trim()) ? v : fallback!) },
  safe: { args: [0, 0], apply: each((s) => safeFileName(s, '')) },
  split: { args: [0, 1], check: ([sep]) => (sep === '' ? 'tplErrEmptyArgument' : undefined), apply: (v, [sep]) => asList(v, sep ?? ',') },
  join: { args: [0, 1], apply: (v, [sep]) => (Array.isArray(v) ? v.join(sep ?? ', ') : v) },
};

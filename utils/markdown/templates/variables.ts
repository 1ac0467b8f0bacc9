/** The variables a template may name, and where each comes from in the article's metadata. */
import type { ArticleMeta } from '../../page/metadata';
import type { Highlight } from '../../annotate/store';
import { highlightsList, notesList } from '../../annotate/markdown';

const FROM_META = {
  title: (m) => m.title,
  author: (m) => m.author,
  account: (m) => m.account,
  published: (m) => m.published,
  source: (m) => m.source,
  album: (m) => m.album,
  description: (m) => m.description,
  cover: (m) => m.cover,
  original_url: (m) => m.originalUrl,
  reprinted_from: (m) => m.reprintAccount,
  original_author: (m) => m.reprintAuthor,
} satisfies Record<string, (m: ArticleMeta) => string>;

/** The reader's own: the highlighted passages with their notes, and the notes alone (as Obsidian Web Clipper names them). */
const FROM_READER = {
  highlights: highlightsList,
  notes: notesList,
} satisfies Record<string, (h: readonly Highlight[]) => string>;

export type VariableName = keyof typeof FROM_META | keyof typeof FROM_READER | 'now';
export const VARIABLE_NAMES: readonly string[] = [...Object.keys(FROM_META), ...Object.keys(FROM_READER), 'now'];
export type TemplateContext = Record<VariableName, string>;

/** A date-time in the form the article's own date has, in this computer's time zone. */
export function localIso(d: Date): string {
  const off = -d.getTimezoneOffset();
  const pad = (n: number) => String(Math.trunc(Math.abs(n))).padStart(2, '0');
  const local = new Date(d.getTime() + off * 60_000).toISOString().slice(0, 19);
  return `${local}${off >= 0 ? '+' : '-'}${pad(off / 60)}:${pad(off % 60)}`;
}

/** Every variable's value for one article; `now` is the time of the export; `highlights` the reader's of it. */
export function templateContext(meta: ArticleMeta, now: Date = new Date(), highlights: readonly Highlight[] = []): TemplateContext {
  const ctx = { now: localIso(now) } as TemplateContext;
  for (const [name, read] of Object.entries(FROM_META)) ctx[name as VariableName] = read(meta) ?? '';
  for (const [name, read] of Object.entries(FROM_READER)) ctx[name as VariableName] = read(highlights);
  return ctx;
}

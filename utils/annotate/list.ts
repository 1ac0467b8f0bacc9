/**
 * Every article with highlights, for the list page (entrypoints/highlights): read from storage.local,
 * searched, exported as one JSON file and imported again. An import is checked whole before anything
 * is written (its shape, store.ts's bounds, a file and article count), merged so that no highlight the
 * reader has is lost, and written in one storage call: it is taken entirely or not at all.
 */
import { browser } from 'wxt/browser';
import { isIdentity } from '../page/identity';
import { exportedList } from '../ui/json-file';
import { LIMITS, storageKey, validHighlight, validRecord, type ArticleHighlights, type Highlight } from './store';

export const EXPORT_FORMAT = 'wechat-article-cleaner-highlights';
/** An import larger than this (characters of JSON) or holding more articles is refused. */
export const IMPORT_LIMITS = { fileChars: 8_000_000, articles: 2000 } as const;

export interface HighlightsExport {
  format: typeof EXPORT_FORMAT;
  version: 1;
  exported: number;
  articles: ArticleHighlights[];
}

const KEY = /^hl:(.+)$/;

/** Every stored article with at least one highlight, the most recently changed first. */
export async function listArticles(): Promise<ArticleHighlights[]> {
  const all = (await browser.storage.local.get(null)) as Record<string, unknown>;
  const out: ArticleHighlights[] = [];
  for (const [key, value] of Object.entries(all)) {
    const id = KEY.exec(key)?.[1];
    const rec = id ? validRecord(value, id) : null;
    if (rec?.items.length) out.push(rec);
  }
  return out.sort((a, b) => b.updated - a.updated);
}

/** Whether every word of the query is in the article's title, address, passages or notes (case-insensitive). */
export function matchesQuery(rec: ArticleHighlights, query: string): boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return true;
  const hay = [rec.title, rec.url, ...rec.items.flatMap((h) => [h.exact, h.note])].join('\n').toLowerCase();
  return words.every((w) => hay.includes(w));
}

/** A link back to the article only when it is one of WeChat's article addresses (an import may carry anything). */
export const articleLink = (url: string): string | null => (/^https:\/\/mp\.weixin\.qq\.com\/s[/?]/.test(url) ? url : null);

export const exportAll = (articles: readonly ArticleHighlights[], now = Date.now()): HighlightsExport => ({ format: EXPORT_FORMAT, version: 1, exported: now, articles: [...articles] });

export type ParsedImport = { ok: true; articles: ArticleHighlights[] } | { ok: false; message: string };

const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** One article of an import, strictly: any field out of its form or bounds refuses the file (validRecord would drop it quietly). */
function articleOf(raw: unknown): ArticleHighlights | string {
  if (!isObj(raw)) return 'is not an object';
  if (typeof raw.id !== 'string' || !isIdentity(raw.id)) return '"id" is not an article identity';
  if (!Array.isArray(raw.items) || !raw.items.length) return '"items" is not a list of highlights';
  if (raw.items.length > LIMITS.perArticle) return `${raw.items.length} highlights, more than ${LIMITS.perArticle}`;
  const items: Highlight[] = [];
  for (const [i, h] of raw.items.entries()) {
    const ok = validHighlight(h);
    if (!ok) return `highlight ${i + 1} is not a highlight (or a quote or note over ${LIMITS.quoteChars} characters)`;
    if (items.some((x) => x.id === ok.id)) return `highlight ${i + 1} repeats the id "${ok.id}"`;
    items.push(ok);
  }
  const rec = validRecord({ ...raw, v: 1 }, raw.id);
  if (!rec || (raw.title !== undefined && rec.title !== raw.title) || (raw.url !== undefined && rec.url !== raw.url)) return '"title" or "url" is not text of a bounded length';
  return { ...rec, items };
}

/** The file's text → its articles, or why it cannot be taken (in the words of its fields). */
export function parseImport(text: string): ParsedImport {
  if (text.length > IMPORT_LIMITS.fileChars) return { ok: false, message: `${text.length} characters, more than ${IMPORT_LIMITS.fileChars}` };
  const file = exportedList(text, EXPORT_FORMAT, 'articles', IMPORT_LIMITS.articles);
  if (!file.ok) return file;
  const articles: ArticleHighlights[] = [];
  for (const [i, raw] of file.list.entries()) {
    const a = articleOf(raw);
    if (typeof a === 'string') return { ok: false, message: `article ${i + 1}: ${a}` };
    if (articles.some((b) => b.id === a.id)) return { ok: false, message: `article ${i + 1} repeats article "${a.id}"` };
    articles.push(a);
  }
  return { ok: true, articles };
}

const samePassage = (a: Highlight, b: Highlight) => a.exact === b.exact && a.start === b.start && a.prefix === b.prefix && a.suffix === b.suffix;

/**
 * The stored article with the imported one: every highlight the reader has stays as it is (its note
 * too); the import adds those it does not have (by id, or the same passage at the same place).
 * A string says why the two cannot be merged within the bounds.
 */
export function mergeArticle(have: ArticleHighlights | null, incoming: ArticleHighlights): { record: ArticleHighlights; added: number } | string {
  if (!have) return { record: incoming, added: incoming.items.length };
  const fresh = incoming.items.filter((h) => !have.items.some((x) => x.id === h.id || samePassage(x, h)));
  if (have.items.length + fresh.length > LIMITS.perArticle) return `"${have.title || have.id}" would hold ${have.items.length + fresh.length} highlights, more than ${LIMITS.perArticle}`;
  return {
    record: { ...have, title: have.title || incoming.title, url: have.url || incoming.url, updated: fresh.length ? Math.max(have.updated, incoming.updated) : have.updated, items: [...have.items, ...fresh] },
    added: fresh.length,
  };
}

export type ImportResult = { ok: true; articles: number; added: number } | { ok: false; message: string };

/** Merges the articles into storage in one write; on any refusal nothing is written. */
export async function importArticles(articles: readonly ArticleHighlights[]): Promise<ImportResult> {
  const keys = articles.map((a) => storageKey(a.id));
  const got = (await browser.storage.local.get(keys)) as Record<string, unknown>;
  const writes: Record<string, ArticleHighlights> = {};
  let added = 0;
  for (const a of articles) {
    const merged = mergeArticle(validRecord(got[storageKey(a.id)], a.id), a);
    if (typeof merged === 'string') return { ok: false, message: merged };
    if (merged.added) writes[storageKey(a.id)] = merged.record;
    added += merged.added;
  }
  if (Object.keys(writes).length) await browser.storage.local.set(writes);
  return { ok: true, articles: Object.keys(writes).length, added };
}

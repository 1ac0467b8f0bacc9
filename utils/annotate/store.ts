/**
 * The reader's highlights, per article identity (page/identity.ts), in storage.local: on this
 * computer only, never synced, never sent anywhere. Bounded per article; a highlight that no longer
 * finds its place stays stored (it is listed, never dropped).
 */
import { browser } from 'wxt/browser';
import type { TextAnchor } from './anchor';

export interface Highlight extends TextAnchor {
  /** Stable within its article. */
  id: string;
  /** The reader's note on it; '' when none. */
  note: string;
  /** When it was made (ms since 1970). */
  created: number;
}

export interface ArticleHighlights {
  v: 1;
  id: string;
  title: string;
  url: string;
  updated: number;
  items: Highlight[];
}

/** The bounds: per article this many highlights, each quote and each note at most this long. */
export const LIMITS = { perArticle: 500, quoteChars: 5000, noteChars: 5000 } as const;

const KEY_PREFIX = 'hl:';
export const storageKey = (id: string) => `${KEY_PREFIX}${id}`;

const isString = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

/** A stored (or imported) highlight, checked field by field; null when it is not one. */
export function validHighlight(raw: unknown): Highlight | null {
  if (!raw || typeof raw !== 'object') return null;
  const h = raw as Record<string, unknown>;
  if (!isString(h.id, 64) || !isString(h.exact, LIMITS.quoteChars) || !h.exact) return null;
  if (!isString(h.prefix, 200) || !isString(h.suffix, 200) || !isString(h.note, LIMITS.noteChars)) return null;
  if (!isCount(h.start) || !isCount(h.end) || !isCount(h.created)) return null;
  return { id: h.id, exact: h.exact, prefix: h.prefix, suffix: h.suffix, start: h.start, end: h.end, note: h.note, created: h.created };
}

export function validRecord(raw: unknown, id: string): ArticleHighlights | null {
  if (!raw || typeof raw !== 'object') return null;
  const r = raw as Record<string, unknown>;
  if (r.v !== 1 || r.id !== id || !Array.isArray(r.items)) return null;
  const items = r.items.slice(0, LIMITS.perArticle).map(validHighlight).filter((h): h is Highlight => !!h);
  return { v: 1, id, title: isString(r.title, 500) ? r.title : '', url: isString(r.url, 2000) ? r.url : '', updated: isCount(r.updated) ? r.updated : 0, items };
}

/** The article's highlights, oldest first; [] when none (or when storage cannot be read). */
export async function loadHighlights(id: string | null): Promise<Highlight[]> {
  if (!id) return [];
  try {
    const key = storageKey(id);
    const got = (await browser.storage.local.get(key)) as Record<string, unknown>;
    return validRecord(got[key], id)?.items ?? [];
  } catch {
    return [];
  }
}

/**
 * A short address (`/s/<code>`) names no article in itself: the page's scripts do, and reading them
 * costs the first pass. The identity is remembered under the address when highlights are saved, so a
 * page opened again by the same short address finds them without reading its scripts.
 */
export function shortAlias(url: string): string | null {
  const code = /^https?:\/\/mp\.weixin\.qq\.com\/s\/([A-Za-z0-9_-]{8,64})(?:[?#]|$)/.exec(url)?.[1];
  return code ? `hl-url:${code}` : null;
}

/** The identity remembered for a short address; null when none. */
export async function identityOfAlias(alias: string): Promise<string | null> {
  try {
    const got = (await browser.storage.local.get(alias)) as Record<string, unknown>;
    const id = got[alias];
    return typeof id === 'string' && id.length <= 200 ? id : null;
  } catch {
    return null;
  }
}

/** Replaces the article's highlights; none left removes its record. */
export async function saveHighlights(id: string, items: readonly Highlight[], about: { title: string; url: string }): Promise<void> {
  const key = storageKey(id);
  const alias = shortAlias(about.url);
  if (!items.length) return browser.storage.local.remove(alias ? [key, alias] : key);
  const record: ArticleHighlights = { v: 1, id, title: about.title.slice(0, 500), url: about.url.slice(0, 2000), updated: Date.now(), items: [...items] };
  await browser.storage.local.set(alias ? { [key]: record, [alias]: id } : { [key]: record });
}

export const newHighlightId = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

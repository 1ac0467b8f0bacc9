/**
 * A batch's state, kept so a stopped or closed batch resumes where it stopped. The list and each
 * article's status are one record; each finished note is its own record (a 300-article batch
 * rewrites a few kB per article, not every note so far).
 */
import type { ImageFailure } from '../deliver/zip';
import type { Chapter } from '../deliver/epub';
import { canonicalArticleUrl } from '../page/metadata';

export type ItemStatus = 'pending' | 'done' | 'failed';

export interface BatchItem {
  url: string;
  /** From the listing (the album's title for the article); the note's own title once done. */
  title: string;
  /** Unix seconds from the listing, or the note's ISO date once done; '' when unknown. */
  date: string;
  status: ItemStatus;
  /** Why it failed. */
  reason?: string;
  /** The note's file name without .md, unique in the batch (set when done). */
  name?: string;
  /** Images that stayed remote links. */
  failedImages?: ImageFailure[];
}

export type BatchStatus = 'running' | 'paused' | 'stopped' | 'done' | 'cancelled';

export interface BatchState {
  id: string;
  /** The album's title, or what the list is ("打开的文章 / Open articles"). */
  title: string;
  items: BatchItem[];
  status: BatchStatus;
  /** Why the batch stopped (WeChat's verification page, …). */
  stopReason?: string;
  /** Milliseconds spent on finished articles, for the time left. */
  spentMs: number;
  startedAt: number;
  /** The album's articles left out because they were exported before ("only what is new"): listed in the index. */
  earlier?: { url: string; title: string; date: string }[];
  /** What the batch makes: a ZIP of notes (the default) or one e-book. */
  output?: 'zip' | 'epub';
}

/** A finished note: its text (images as `assets/NNN/MMM.ext`) and where each saved image came from. */
export interface StoredNote {
  markdown: string;
  images: { path: string; url: string }[];
  /** The article as an e-book chapter, when the batch makes one. */
  chapter?: Chapter;
}

/** Where the state lives: storage.local and IndexedDB in the extension, a Map in the tests. */
export interface BatchStore {
  load(): Promise<BatchState | null>;
  save(state: BatchState): Promise<void>;
  loadNote(batchId: string, index: number): Promise<StoredNote | null | undefined>;
  saveNote(batchId: string, index: number, note: StoredNote): Promise<void>;
  /** Removes the batch's notes (once they are saved where the reader wanted them). */
  clearNotes(state: BatchState): Promise<void>;
  /** Removes the batch and its notes. */
  clear(state: BatchState): Promise<void>;
}

export const counts = (s: BatchState) => ({
  done: s.items.filter((i) => i.status === 'done').length,
  failed: s.items.filter((i) => i.status === 'failed').length,
  pending: s.items.filter((i) => i.status === 'pending').length,
  total: s.items.length,
});

/** Milliseconds left at the pace so far; null before the first article is finished. */
export function timeLeftMs(s: BatchState, pauseMeanMs: number): number | null {
  const { done, failed, pending } = counts(s);
  if (done + failed === 0) return null;
  return Math.round((s.spentMs / (done + failed) + pauseMeanMs) * pending);
}

export function newBatch(title: string, items: { url: string; title: string; date: string }[], now = Date.now()): BatchState {
  return {
    id: `b${now.toString(36)}`,
    title,
    items: items.map((i) => ({ ...i, status: 'pending' })),
    status: 'running',
    spentMs: 0,
    startedAt: now,
  };
}

/** A name not used yet in the batch: `name`, then `name (2)`, `name (3)`, … (compared case-insensitively, as file systems do). */
export function uniqueName(name: string, used: Iterable<string>): string {
  const taken = new Set(Array.from(used, (u) => u.toLowerCase()));
  if (!taken.has(name.toLowerCase()) && name.toLowerCase() !== 'index') return name;
  for (let n = 2; ; n++) {
    const candidate = `${name} (${n})`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

/** Article links pasted one a line (or found in the text): WeChat article addresses, each once. */
export function parseLinkList(text: string): { urls: string[]; rejected: string[] } {
  const urls: string[] = [];
  const rejected: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const s = line.trim();
    if (!s) continue;
    const url = /^https?:\/\//i.test(s) ? canonicalArticleUrl(s) : '';
    if (/^https:\/\/mp\.weixin\.qq\.com\/s[?/]/.test(url)) {
      if (!urls.includes(url)) urls.push(url);
    } else rejected.push(s);
  }
  return { urls, rejected };
}

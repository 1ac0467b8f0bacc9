/**
 * The batch: its state and the request a toolbar or the popup leaves for the batch page in
 * storage.local (a few kB), each finished note in the extension's IndexedDB (storage.local holds
 * 10 MB for everything, the promotion memory included; 40 notes of 300 kB filled it). Also how any
 * part of the extension opens that page.
 */
import { storage } from 'wxt/utils/storage';
import { createStore, delMany, get, set } from 'idb-keyval';
import { browser } from 'wxt/browser';
import type { AlbumRef } from './album-info';
import type { AlbumPage } from './listing';
import type { BatchState, BatchStore, StoredNote } from './state';

/** What the reader asked for: an album (with its first screen when started on the album page), or a list of links. */
export type BatchRequest = { kind: 'album'; album: AlbumRef; first?: AlbumPage } | { kind: 'links'; title: string; urls: string[] };

export const BATCH_PAGE = '/batch.html';
const STATE = 'local:batch' as const;
const REQUEST = 'local:batchRequest' as const;
/** The page running the batch writes this every few seconds; a stale one means nobody runs it. */
const HEARTBEAT = 'local:batchHeartbeat' as const;
const noteKey = (id: string, i: number) => `${id}:${i}`;
/** Its own database: the folder destination keeps its handle in idb-keyval's default one. */
let notes: ReturnType<typeof createStore> | undefined;
const noteDb = () => (notes ??= createStore('wac-batch-notes', 'notes'));
/** The notes the old storage.local layout kept: removed with their batch. */
const oldNoteKey = (id: string, i: number) => `local:batchNote:${id}:${i}` as const;

export const localBatchStore: BatchStore = {
  load: () => storage.getItem<BatchState>(STATE),
  save: (s) => storage.setItem(STATE, s),
  async loadNote(id, i) {
    // A batch stopped before the notes moved to IndexedDB still finds its notes.
    return (await get<StoredNote>(noteKey(id, i), noteDb())) ?? (await storage.getItem<StoredNote>(oldNoteKey(id, i)));
  },
  saveNote: (id, i, n) => set(noteKey(id, i), n, noteDb()),
  async clearNotes(s) {
    await delMany(s.items.map((_, i) => noteKey(s.id, i)), noteDb());
    await storage.removeItems(s.items.map((_, i) => oldNoteKey(s.id, i)));
  },
  async clear(s) {
    await this.clearNotes(s);
    await storage.removeItem(STATE);
  },
};

export async function takeRequest(): Promise<BatchRequest | null> {
  const r = await storage.getItem<BatchRequest>(REQUEST);
  if (r) await storage.removeItem(REQUEST);
  return r;
}

export const beat = () => storage.setItem(HEARTBEAT, Date.now());

/** The batch and whether a page is running it now. */
export async function batchStatus(): Promise<{ state: BatchState | null; live: boolean }> {
  const [state, last] = await Promise.all([storage.getItem<BatchState>(STATE), storage.getItem<number>(HEARTBEAT)]);
  return { state, live: state?.status === 'running' && Date.now() - (last ?? 0) < 15_000 };
}

export function watchBatch(cb: (s: BatchState | null) => void): () => void {
  return storage.watch<BatchState>(STATE, cb);
}

/** Asked of an open batch page: its tab, and whether it should take a new request. */
export const BATCH_PING = 'wac-batch-ping';
export interface BatchPing {
  type: typeof BATCH_PING;
  newRequest: boolean;
}

/** Leaves the request (if any) and shows the batch page: the open one, else a new tab. Background and popup only (needs tabs). */
export async function openBatchPage(request?: BatchRequest): Promise<void> {
  if (request) await storage.setItem(REQUEST, request);
  const ping: BatchPing = { type: BATCH_PING, newRequest: !!request };
  // An open batch page answers with its tab (tabs.query cannot see extension pages without the tabs permission).
  const open = (await browser.runtime.sendMessage(ping).catch(() => null)) as { tabId?: number; windowId?: number } | null;
  if (open?.tabId !== undefined) {
    await browser.tabs.update(open.tabId, { active: true });
    if (open.windowId !== undefined) await browser.windows.update(open.windowId, { focused: true }).catch(() => {});
  } else await browser.tabs.create({ url: browser.runtime.getURL(BATCH_PAGE) });
}

/**
 * The batch in storage.local: its state, each finished note, and the request a toolbar or the
 * popup leaves for the batch page. Also how any part of the extension opens that page.
 */
import { storage } from 'wxt/utils/storage';
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
const noteKey = (id: string, i: number) => `local:batchNote:${id}:${i}` as const;

export const localBatchStore: BatchStore = {
  load: () => storage.getItem<BatchState>(STATE),
  save: (s) => storage.setItem(STATE, s),
  loadNote: (id, i) => storage.getItem<StoredNote>(noteKey(id, i)),
  saveNote: (id, i, n) => storage.setItem(noteKey(id, i), n),
  async clear(s) {
    await storage.removeItems([STATE, ...s.items.map((_, i) => noteKey(s.id, i))]);
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

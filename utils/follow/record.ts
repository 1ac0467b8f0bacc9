/**
 * The extension's record of exported articles: identity (`<__biz>/<mid>/<idx>` or `sn/<sn>`) → the
 * day it was saved (ms). Kept in storage.local, where the content script (single exports) and the
 * batch page both reach it; bounded (the oldest forgotten first) so it never fills that 10 MB.
 */
import { storage } from 'wxt/utils/storage';

/** About 55 bytes each: 5000 entries are under 300 kB. */
export const MAX_RECORDED = 5000;
const KEY = 'local:exported' as const;

export type ExportedMap = Record<string, number>;

/** Adds `ids` (saved at `now`) to `map`, keeping the MAX newest. Pure: returns a new map. */
export function withExported(map: ExportedMap, ids: readonly string[], now: number, max = MAX_RECORDED): ExportedMap {
  const out: ExportedMap = { ...map };
  for (const id of ids) if (id) out[id] = now;
  const keys = Object.keys(out);
  if (keys.length <= max) return out;
  const kept = keys.sort((a, b) => out[b]! - out[a]!).slice(0, max);
  return Object.fromEntries(kept.map((k) => [k, out[k]!]));
}

/** Where the record lives: storage.local in the extension, memory in the unit tests. */
export interface ExportedRecord {
  load(): Promise<ExportedMap>;
  add(ids: readonly string[], now?: number): Promise<void>;
}

// One write at a time in this context: two notes saved together must not drop each other.
let queue: Promise<unknown> = Promise.resolve();

/** A record in storage.local under `key`, at most `max` entries. */
function recordAt(key: `local:${string}`, max: number): ExportedRecord {
  const load = async () => (await storage.getItem<ExportedMap>(key)) ?? {};
  return {
    load,
    add(ids, now = Date.now()) {
      const ready = ids.filter(Boolean);
      if (ready.length === 0) return Promise.resolve();
      const next = queue.then(async () => storage.setItem(key, withExported(await load(), ready, now, max)));
      queue = next.catch(() => undefined);
      return next;
    },
  };
}

export const exportedRecord = recordAt(KEY, MAX_RECORDED);
/**
 * Articles a batch found deleted or empty (WeChat's "no article" page): not new any more, so neither
 * counted nor asked for again by every "Export new"; the index lists them with WeChat's reason.
 */
export const goneRecord = recordAt('local:goneArticles', 1000);

/** Records a single export that really saved (never throws: the export itself succeeded). */
export const recordExported = (id: string | null | undefined): Promise<void> => (id ? exportedRecord.add([id]).catch(() => undefined) : Promise.resolve());

/**
 * "Check now" and the daily check: each followed album listed through its public JSON pages
 * (listAlbum, paced as a batch is), its new articles counted. A verification page or 操作频繁
 * stops the whole check at once and is said; nothing is asked again in a loop. What was checked
 * before the stop keeps its result.
 */
import { listAlbum, ListingError, type ListingPace } from '../batch/listing';
import type { FetchOutcome } from '../batch/fetch-page';
import { newItems } from './newness';
import type { FollowedAlbum } from './follows';

export interface CheckDeps {
  fetchPage(url: string): Promise<FetchOutcome>;
  pace: ListingPace;
  /** The identities already saved (the record, and the folder's notes): asked once per check. */
  known(): Promise<{ has(id: string): boolean }>;
  /** Saves one album's result as soon as it is known. */
  update(id: string, patch: Partial<FollowedAlbum>): Promise<unknown>;
  now(): number;
}

export class Blocked extends Error {}

export type AlbumCheck = { ok: true; total: number; newCount: number } | { ok: false; blocked: boolean; reason: string };

/** Lists one album and counts what is new. Never throws. */
export async function checkAlbum(album: FollowedAlbum, known: { has(id: string): boolean }, deps: Pick<CheckDeps, 'fetchPage' | 'pace'>): Promise<AlbumCheck> {
  try {
    const items = await listAlbum(
      album,
      async (url) => {
        const r = await deps.fetchPage(url);
        if (!r.ok) throw r.blocked ? new Blocked(r.reason) : new ListingError(r.reason);
        return r.text;
      },
      undefined,
      () => {},
      deps.pace,
    );
    return { ok: true, total: items.length, newCount: newItems(items, known).length };
  } catch (e) {
    return { ok: false, blocked: e instanceof Blocked, reason: (e as Error).message };
  }
}

export interface CheckSummary {
  checked: number;
  /** Why the check stopped before the end (WeChat's verification page, 操作频繁). */
  stopped?: string;
}

/**
 * Checks `albums` one after the other (paced between albums as between pages). `due` chooses which
 * (the daily check: those not checked for a day). Stops at the first block.
 */
export async function checkAlbums(albums: readonly FollowedAlbum[], deps: CheckDeps, due: (a: FollowedAlbum) => boolean = () => true): Promise<CheckSummary> {
  const todo = albums.filter(due);
  if (todo.length === 0) return { checked: 0 };
  const known = await deps.known();
  let checked = 0;
  for (const [i, album] of todo.entries()) {
    if (i > 0) await deps.pace.wait(deps.pace.pause());
    const r = await checkAlbum(album, known, deps);
    if (r.ok) await deps.update(album.id, { checkedAt: deps.now(), newCount: r.newCount, size: r.total, problem: undefined });
    else await deps.update(album.id, { checkedAt: deps.now(), problem: r.reason });
    checked++;
    if (!r.ok && r.blocked) return { checked, stopped: r.reason };
  }
  return { checked };
}

export const DAY_MS = 24 * 3600 * 1000;

/** The daily check's choice: at most once a day per album. */
export const dueDaily = (now: number) => (a: FollowedAlbum) => now - a.checkedAt >= DAY_MS;

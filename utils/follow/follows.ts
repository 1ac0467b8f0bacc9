/**
 * The albums the reader follows, in storage.local (a few hundred bytes each, at most MAX_FOLLOWED):
 * what the album is, and what the last check found. Written by the toolbar (follow/unfollow), the
 * check (background) and read by the popup and the options.
 */
import { storage } from 'wxt/utils/storage';
import type { AlbumRef } from '../batch/album-info';

export interface FollowedAlbum extends AlbumRef {
  followedAt: number;
  /** When the last check finished or stopped; 0 before the first. */
  checkedAt: number;
  /** Articles found new by the last check; null before the first. */
  newCount: number | null;
  /** Why the last check stopped (verification page, 操作频繁, a network error); absent when it went through. */
  problem?: string;
}

export const MAX_FOLLOWED = 100;
export const FOLLOWED_KEY = 'local:followed' as const;

export const loadFollowed = async (): Promise<FollowedAlbum[]> => (await storage.getItem<FollowedAlbum[]>(FOLLOWED_KEY)) ?? [];
const save = (list: FollowedAlbum[]) => storage.setItem(FOLLOWED_KEY, list);

// One change at a time in a context: a check's result must not undo a follow made meanwhile.
let queue: Promise<unknown> = Promise.resolve();
function change(edit: (list: FollowedAlbum[]) => FollowedAlbum[]): Promise<FollowedAlbum[]> {
  const next = queue.then(async () => {
    const list = edit(await loadFollowed());
    await save(list);
    return list;
  });
  queue = next.catch(() => undefined);
  return next;
}

/** Follows the album (its title and size refreshed when already followed). False when the list is full. */
export async function follow(album: AlbumRef, now = Date.now()): Promise<boolean> {
  let added = true;
  await change((list) => {
    const known = list.find((a) => a.id === album.id);
    if (known) return list.map((a) => (a === known ? { ...a, title: album.title, size: album.size || a.size } : a));
    if (list.length >= MAX_FOLLOWED) {
      added = false;
      return list;
    }
    return [...list, { ...album, followedAt: now, checkedAt: 0, newCount: null }];
  });
  return added;
}

export const unfollow = (id: string) => change((list) => list.filter((a) => a.id !== id)).then(() => undefined);

/** Records what a check found for one album (the album may have been unfollowed meanwhile: then nothing). */
export const updateFollowed = (id: string, patch: Partial<Pick<FollowedAlbum, 'checkedAt' | 'newCount' | 'problem' | 'size'>>) =>
  change((list) => list.map((a) => (a.id === id ? { ...a, ...patch, problem: patch.problem } : a)));

export const watchFollowed = (cb: (list: FollowedAlbum[]) => void) => storage.watch<FollowedAlbum[]>(FOLLOWED_KEY, (v) => cb(v ?? []));

/** What the extension's icon shows: the new articles of every followed album. */
export const totalNew = (list: readonly FollowedAlbum[]) => list.reduce((n, a) => n + (a.newCount ?? 0), 0);

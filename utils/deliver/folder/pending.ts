/**
 * A note that waits for the folder permission: the background cannot ask for it (no user gesture
 * reaches a service worker), so it keeps the draft until an extension page's click grants access
 * and sends it again. storage.session: it outlives the service worker, not the browser session.
 */
import { browser } from 'wxt/browser';
import type { NoteDraft } from '../destinations/types';

const KEY = 'folderPending';

export const keepPending = (draft: NoteDraft): Promise<void> => browser.storage.session.set({ [KEY]: draft });

export async function pendingDraft(): Promise<NoteDraft | undefined> {
  const got = (await browser.storage.session.get(KEY)) as Record<string, NoteDraft | undefined>;
  return got[KEY];
}

export const dropPending = (): Promise<void> => browser.storage.session.remove(KEY);

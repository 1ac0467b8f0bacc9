/**
 * Save into the folder the reader picked in the options (File System Access API, Chromium). Runs in
 * the background: a service worker reads the handle from IndexedDB and may write with it while the
 * permission is granted (queryPermission works there); asking again needs a click in a page.
 */
import { loadFolder } from '../folder/handle-store';
import { keepPending } from '../folder/pending';
import { saveIntoFolder } from '../folder/save';
import { t } from '../../ui/i18n';
import type { Destination } from './types';

/** The follow-up for 'prompt': the background opens the options page, whose one click grants and retries. */
export interface FolderGrantRequest {
  type: 'folder-grant';
}

export const folderDestination: Destination = {
  id: 'folder',
  runsIn: 'background',
  async deliver(draft, ctx) {
    const root = await loadFolder().catch(() => undefined);
    if (!root) return { ok: false, message: t('folderNone'), fallback: true };
    const state = await root.queryPermission({ mode: 'readwrite' }).catch(() => 'denied' as const);
    if (state === 'prompt') {
      await keepPending(draft);
      return { ok: false, message: t('folderAskAgain', root.name), followUp: { label: t('folderGrant', root.name), request: { type: 'folder-grant' } satisfies FolderGrantRequest } };
    }
    if (state !== 'granted') return { ok: false, message: t('folderDenied', root.name), fallback: true };
    return saveIntoFolder(root, draft, ctx);
  },
};

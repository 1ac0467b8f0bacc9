/**
 * Save into the folder the reader picked in the options (File System Access API, Chromium). Runs in
 * the background: a service worker reads the handle from IndexedDB and may write with it while the
 * permission is granted (queryPermission works there); asking again needs a click in a page.
 */
import { loadFolder } from '../folder/handle-store';
import { keepPending } from '../folder/pending';
import { saveIntoFolder } from '../folder/save';
import type { FolderRequest } from '../folder/requests';
import { t } from '../../ui/i18n';
import type { DeliverContext, DeliveryResult, Destination, NoteDraft } from './types';

/** Chromium's handles can be asked for permission; Firefox has handles (its private file system) but no picked folders. */
const canWriteFolders = () => typeof FileSystemHandle !== 'undefined' && 'queryPermission' in FileSystemHandle.prototype;

/** The folder destination for a given handle (none: not picked); `keep` holds a draft that waits for a grant. */
export async function deliverToFolder(
  root: FileSystemDirectoryHandle | undefined,
  draft: NoteDraft,
  ctx: DeliverContext,
  keep: (draft: NoteDraft) => Promise<void> = keepPending,
): Promise<DeliveryResult> {
  if (!root) return { ok: false, message: t(canWriteFolders() ? 'folderNone' : 'folderUnsupported'), fallback: true };
  const state = await root.queryPermission({ mode: 'readwrite' }).catch(() => 'denied' as const);
  if (state === 'prompt') {
    // The follow-up opens the options page, whose one click grants access and sends this draft again.
    await keep(draft);
    return { ok: false, message: t('folderAskAgain', root.name), followUp: { label: t('folderGrant', root.name), request: { type: 'folder-grant' } satisfies FolderRequest } };
  }
  if (state !== 'granted') return { ok: false, message: t('folderDenied', root.name), fallback: true };
  return saveIntoFolder(root, draft, ctx);
}

export const folderDestination: Destination = {
  id: 'folder',
  runsIn: 'background',
  deliver: async (draft, ctx) => deliverToFolder(await loadFolder().catch(() => undefined), draft, ctx),
};

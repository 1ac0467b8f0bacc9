/**
 * The page side of the folder (options page, popup): pick it, say what it is, and ask for the
 * permission again inside the reader's click, then send the note that waited for it.
 */
import { browser } from 'wxt/browser';
import { downloadText } from '../download';
import { remoteNote } from '../destinations/slots';
import type { DeliverRequest, DeliveryResult } from '../destinations/types';
import { t } from '../../ui/i18n';
import { loadFolder, saveFolder } from './handle-store';
import { dropPending, pendingDraft } from './pending';
import { isVault } from './writer';

export interface FolderInfo {
  name: string;
  vault: boolean;
  permission: PermissionState;
}

export const canPickFolder = (win: Window): boolean => typeof win.showDirectoryPicker === 'function';

/** The picker itself: a thin wrapper. Read-write is asked for here, so the first export needs no prompt. */
export async function pickFolder(win: Window): Promise<FileSystemDirectoryHandle> {
  const handle = await win.showDirectoryPicker!({ id: 'wac-notes', mode: 'readwrite' });
  await saveFolder(handle);
  return handle;
}

export async function folderInfo(): Promise<FolderInfo | undefined> {
  const root = await loadFolder();
  if (!root) return undefined;
  const permission = await root.queryPermission({ mode: 'readwrite' }).catch(() => 'denied' as const);
  // Reading `.obsidian/` needs the permission: unknown until granted, said as "not a vault".
  return { name: root.name, vault: permission === 'granted' && (await isVault(root)), permission };
}

/** Must run inside a click: requestPermission needs the user's gesture (a service worker has none). */
export async function grantFolder(): Promise<PermissionState | 'none'> {
  const root = await loadFolder();
  if (!root) return 'none';
  return root.requestPermission({ mode: 'readwrite' }).catch(() => 'denied' as const);
}

/**
 * The one click: ask for the permission (inside the click), then send the note that waited for it.
 * Refused, the waiting note is downloaded here, not lost. Says what happened.
 */
export async function grantAndRetry(doc: Document): Promise<string> {
  const state = await grantFolder();
  const name = (await loadFolder())?.name ?? '';
  const draft = await pendingDraft();
  if (!draft) return state === 'granted' ? t('folderGranted') : t('folderDenied', name);
  await dropPending();
  let result: DeliveryResult = { ok: false, message: t('folderDenied', name), fallback: true };
  if (state === 'granted') {
    const request: DeliverRequest = { type: 'deliver', destination: 'folder', draft };
    result = ((await browser.runtime.sendMessage(request)) as DeliveryResult | undefined) ?? { ok: false, message: t('errDestination'), fallback: true };
  }
  if (!result.fallback) return result.message;
  downloadText(doc, `${draft.name}.md`, remoteNote(draft));
  return `${result.message}\n${t('fellBackToDownload', `${draft.name}.md`)}`;
}

/**
 * A delivery's follow-up click, carried out where the reader clicked it (the toolbar or the popup):
 * open an address (obsidian://open), or have the background open the page that grants the folder.
 */
import { browser } from 'wxt/browser';
import type { FolderRequest } from './folder/requests';
import type { OpenUrlRequest } from './folder/save';

export type FollowUpRequest = OpenUrlRequest | FolderRequest;

export async function runFollowUp(request: unknown, win: Window): Promise<void> {
  const r = request as FollowUpRequest | undefined;
  if (r?.type === 'open-url') win.location.assign(r.url);
  else if (r?.type === 'folder-grant') await browser.runtime.sendMessage(r satisfies FolderRequest);
}

/**
 * A delivery's follow-up click, carried out where the reader clicked it (the toolbar or the popup):
 * open an address (obsidian://open), or have the background open the page that grants the folder.
 */
import { browser } from 'wxt/browser';
import type { FolderRequest } from './folder/requests';
import type { OpenUrlRequest } from './folder/save';
import { grantAndRetry } from './folder/grant';

export type FollowUpRequest = OpenUrlRequest | FolderRequest;

/** In the article's page: a grant needs an extension page, so the background opens the options page there. */
export async function runFollowUp(request: unknown, win: Window): Promise<void> {
  const r = request as FollowUpRequest | undefined;
  if (r?.type === 'open-url') win.location.assign(r.url);
  else if (r?.type === 'folder-grant') await browser.runtime.sendMessage(r satisfies FolderRequest);
}

/** In an extension page (the popup): the grant happens right in this click. Says what happened. */
export async function runFollowUpHere(request: unknown, win: Window): Promise<string> {
  const r = request as FollowUpRequest | undefined;
  if (r?.type === 'folder-grant') return grantAndRetry(win.document);
  await runFollowUp(request, win);
  return '';
}

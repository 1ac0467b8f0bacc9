/**
 * What pages ask the background about the folder: a content script cannot read the extension's
 * IndexedDB (it runs in the article's origin), and cannot open the options page by itself.
 */
import { browser } from 'wxt/browser';
import { folderInfo, type FolderInfo } from './grant';

export type FolderRequest =
  /** Which folder is picked, whether it is a vault, whether we may write (the Obsidian destination asks). */
  | { type: 'folder-info' }
  /** The reader clicked "allow access" in the toolbar: the options page asks, inside its own click. */
  | { type: 'folder-grant' };

export function answerFolderRequest(msg: { type?: unknown }): Promise<FolderInfo | null | void> | undefined {
  if (msg.type === 'folder-info') return folderInfo().then((i) => i ?? null, () => null);
  if (msg.type === 'folder-grant') return browser.tabs.create({ url: browser.runtime.getURL('/options.html#folder') }).then(() => undefined);
  return undefined;
}

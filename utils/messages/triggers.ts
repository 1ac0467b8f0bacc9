import type { ContentRequest } from './types';

/** The context-menu item and the keyboard command both ask the article's content script to export. */
export const MENU_ID = 'wac-download-markdown';
export const COMMAND = 'download-markdown';

/** The part of browser.tabs the handlers use. */
export interface TabsApi {
  query(q: { active: boolean; currentWindow: boolean }): Promise<{ id?: number }[]>;
  sendMessage(tabId: number, msg: ContentRequest): Promise<unknown>;
}

const DOWNLOAD: ContentRequest = { type: 'export', action: 'download-md' };

/** True when the message was delivered; false on pages without our content script. */
export async function sendToTab(tabs: TabsApi, tabId: number | undefined, msg: ContentRequest): Promise<boolean> {
  if (tabId === undefined) return false;
  try {
    await tabs.sendMessage(tabId, msg);
    return true;
  } catch {
    return false; // not an article page: nothing to export
  }
}

export function onMenuClick(tabs: TabsApi) {
  return (info: { menuItemId: string | number }, tab?: { id?: number }) => (info.menuItemId === MENU_ID ? sendToTab(tabs, tab?.id, DOWNLOAD) : Promise.resolve(false));
}

export function onCommand(tabs: TabsApi) {
  return async (command: string) => {
    if (command !== COMMAND) return false;
    const [tab] = await tabs.query({ active: true, currentWindow: true });
    return sendToTab(tabs, tab?.id, DOWNLOAD);
  };
}

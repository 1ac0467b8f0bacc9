import { defineBackground } from 'wxt/utils/define-background';
import { browser, type Browser } from 'wxt/browser';
import { ARTICLE_MATCHES } from '../utils/matches';
import { IMAGE_PORT, type ContentRequest } from '../utils/messages';
import { fetchImage, mapLimited, IMAGE_CONCURRENCY } from '../utils/image-fetch';
import { t } from '../utils/i18n';

const MENU_ID = 'wac-download-markdown';

async function sendToTab(tabId: number | undefined, msg: ContentRequest): Promise<void> {
  if (tabId === undefined) return;
  try {
    await browser.tabs.sendMessage(tabId, msg);
  } catch {
    // Not an article page (no content script there): nothing to export.
  }
}

export default defineBackground(() => {
  browser.runtime.onInstalled.addListener(() => {
    void browser.contextMenus.removeAll().then(() =>
      browser.contextMenus.create({ id: MENU_ID, title: t('actionDownloadMd'), contexts: ['page', 'selection', 'image', 'link'], documentUrlPatterns: ARTICLE_MATCHES }),
    );
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === MENU_ID) void sendToTab(tab?.id, { type: 'export', action: 'download-md' });
  });
  browser.commands.onCommand.addListener(async (command) => {
    if (command !== 'download-markdown') return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    void sendToTab(tab?.id, { type: 'export', action: 'download-md' });
  });

  // Images for the ZIP: fetched here, with the extension's host permission and no page Referer.
  browser.runtime.onConnect.addListener((port: Browser.runtime.Port) => {
    if (port.name !== IMAGE_PORT) return;
    let open = true;
    port.onDisconnect.addListener(() => (open = false));
    port.onMessage.addListener((msg: unknown) => {
      const urls = (msg as { urls?: unknown }).urls;
      if (!Array.isArray(urls)) return;
      void mapLimited(urls.map(String), IMAGE_CONCURRENCY, async (url, index) => {
        const reply = await fetchImage(url, index);
        if (open) port.postMessage(reply);
      });
    });
  });
});

import { defineBackground } from 'wxt/utils/define-background';
import { browser, type Browser } from 'wxt/browser';
import { ARTICLE_MATCHES } from '../utils/page/matches';
import { IMAGE_PORT, type BackgroundRequest } from '../utils/messages/types';
import { openBatchPage } from '../utils/batch/store';
import { fetchImagesWith, type HostGranted } from '../utils/deliver/image-fetch';
import { originPattern } from '../utils/deliver/image-hosts';
import { MENU_ID, onCommand, onMenuClick, type TabsApi } from '../utils/messages/triggers';
import { t } from '../utils/ui/i18n';
import { deliverHere } from '../utils/pipeline/background-delivery';
import { answerFolderRequest } from '../utils/deliver/folder/requests';
import { isOurSender, validDraft, type Self } from '../utils/messages/sender';
import { DESTINATION_IDS, type DestinationId } from '../utils/deliver/destinations/types';
import { answerFollowRequest, isFollowRequest, startFollowBackground } from '../utils/follow/background';

export default defineBackground(() => {
  const tabs = browser.tabs as unknown as TabsApi;
  startFollowBackground();
  browser.runtime.onInstalled.addListener(({ reason }) => {
    // First run only (not updates): the page that asks where notes go.
    if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
    void browser.contextMenus.removeAll().then(() =>
      browser.contextMenus.create({ id: MENU_ID, title: t('actionDownloadMd'), contexts: ['page', 'selection', 'image', 'link'], documentUrlPatterns: ARTICLE_MATCHES }),
    );
  });
  browser.contextMenus.onClicked.addListener((info, tab) => void onMenuClick(tabs)(info, tab));
  browser.commands.onCommand.addListener((command) => void onCommand(tabs)(command));

  // Other image hosts: only those the user granted from the popup (optional_host_permissions).
  const granted: HostGranted = (url) => browser.permissions.contains({ origins: [originPattern(url)] }).catch(() => false);
  const fetchImages = fetchImagesWith(granted);

  const self: Self = { id: browser.runtime.id, pagesUrl: browser.runtime.getURL('/') };
  browser.runtime.onMessage.addListener((raw: unknown, sender: Browser.runtime.MessageSender) => {
    if (!isOurSender(sender, self) || !raw || typeof raw !== 'object') return undefined;
    const msg = raw as BackgroundRequest;
    if (msg.type === 'open-batch') return openBatchPage(msg.request);
    if (msg.type === 'open-highlights') return browser.tabs.create({ url: browser.runtime.getURL('/highlights.html') }).then(() => true);
    if (isFollowRequest(raw)) return answerFollowRequest(raw);
    if (msg.type === 'deliver') {
      const draft = validDraft(msg.draft);
      if (!draft || !DESTINATION_IDS.includes(msg.destination as DestinationId)) return Promise.resolve({ ok: false, message: t('errDestination') });
      const tab = sender.tab?.id;
      const progress = (text: string) => tab !== undefined && void browser.tabs.sendMessage(tab, { type: 'progress', text }).catch(() => undefined);
      return deliverHere(msg.destination, draft, fetchImages, progress);
    }
    return answerFolderRequest(msg);
  });
  // Images for the ZIP: fetched here, with the extension's host permission and no page Referer.
  browser.runtime.onConnect.addListener((port: Browser.runtime.Port) => {
    if (port.name !== IMAGE_PORT || !isOurSender(port.sender, self)) return port.disconnect();
    let open = true;
    port.onDisconnect.addListener(() => (open = false));
    port.onMessage.addListener((msg: unknown) => {
      const urls = (msg as { urls?: unknown }).urls;
      if (!Array.isArray(urls)) return;
      void fetchImages(urls.map(String), (reply) => open && port.postMessage(reply));
    });
  });
});

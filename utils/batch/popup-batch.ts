/**
 * The popup's batch part: export every open article tab, export a pasted list of links, and, while
 * a batch runs, its progress with a link to its page.
 */
import { browser } from 'wxt/browser';
import { t } from '../ui/i18n';
import { ARTICLE_MATCHES } from '../page/matches';
import { canonicalArticleUrl } from '../page/metadata';
import { counts, parseLinkList } from './state';
import { batchStatus, openBatchPage } from './store';

export function wirePopupBatch(doc: Document): void {
  const $ = <T extends HTMLElement = HTMLElement>(id: string) => doc.getElementById(id) as T;
  const note = $('batch-message');
  const running = $<HTMLAnchorElement>('batch-running');

  $('batch-open-tabs').addEventListener('click', async () => {
    // Host permission for mp.weixin.qq.com lets the popup read those tabs' addresses (no tabs permission).
    const tabs = await browser.tabs.query({ url: ARTICLE_MATCHES });
    const urls = Array.from(new Set(tabs.map((tab) => canonicalArticleUrl(tab.url ?? '')).filter(Boolean)));
    if (urls.length === 0) return void (note.textContent = t('albumNoOpenTabs'));
    await openBatchPage({ kind: 'links', title: t('albumOpenTabsTitle'), urls });
  });

  $('batch-links-go').addEventListener('click', async () => {
    const { urls, rejected } = parseLinkList($<HTMLTextAreaElement>('batch-links').value);
    note.textContent = rejected.length ? t('albumLinksRejected', rejected.join(' ')) : '';
    if (urls.length === 0) {
      if (!rejected.length) note.textContent = t('albumNoLinks');
      return;
    }
    await openBatchPage({ kind: 'links', title: t('albumLinksTitle'), urls });
  });

  running.addEventListener('click', (e) => {
    e.preventDefault();
    void openBatchPage();
  });
  void batchStatus().then(({ state, live }) => {
    if (!state || !live) return;
    const c = counts(state);
    running.textContent = t('albumRunning', state.title, c.done + c.failed, c.total);
    running.hidden = false;
  });
}

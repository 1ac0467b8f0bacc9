/**
 * The batch's toolbar items on WeChat's pages: "导出合集 / Export album" for each album the page
 * names, and, while a batch runs, its progress with a link to the batch page. The work itself
 * never runs in this tab.
 */
import { browser } from 'wxt/browser';
import { ALBUM_MARK, type Toolbar } from '../ui/toolbar';
import { t } from '../ui/i18n';
import { albumsOfPage } from './album-info';
import type { AlbumPage } from './listing';
import { counts, type BatchState } from './state';
import { batchStatus, watchBatch, type BatchRequest } from './store';
import type { BackgroundRequest } from '../messages/types';

const openBatch = (request?: BatchRequest) => {
  const msg: BackgroundRequest = { type: 'open-batch', request };
  void browser.runtime.sendMessage(msg);
};

/**
 * Adds the items; returns how many albums the page names. `first` is the album page's own first screen:
 * there, the album's export is the toolbar's main action. No count: WeChat's (its article_count,
 * tag_content_num) is a position, not a count; the album of the corpus says 105 and lists 106 articles,
 * two of them at position 76 (tests/fixtures/album/json). The batch page counts what it lists.
 */
export function addBatchItems(toolbar: Toolbar, doc: Document, pageUrl: string, first?: AlbumPage): number {
  const albums = albumsOfPage(doc, pageUrl);
  for (const album of albums) {
    const run = () => openBatch({ kind: 'album', album, first: first?.items.length ? first : undefined });
    if (first) toolbar.setPrimary(t('albumPrimary'), run, ALBUM_MARK);
    else toolbar.addItem({ id: `album-export-${album.id}`, label: t('albumExport', album.title), onSelect: run });
  }
  const running = toolbar.addItem({ id: 'batch-running', label: '', onSelect: () => openBatch() });
  running.setHidden(true);
  const show = (s: BatchState | null, live: boolean) => {
    running.setHidden(!(s && live));
    if (s) {
      const c = counts(s);
      running.setLabel(t('albumRunning', s.title, c.done + c.failed, c.total));
    }
  };
  void batchStatus().then(({ state, live }) => show(state, live));
  // A state saved while running comes from the page running it.
  watchBatch((s) => show(s, s?.status === 'running'));
  return albums.length;
}

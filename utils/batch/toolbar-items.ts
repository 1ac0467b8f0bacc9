/**
 * The batch's toolbar items on WeChat's pages: "导出合集 / Export album" for each album the page
 * names, and, while a batch runs, its progress with a link to the batch page. The work itself
 * never runs in this tab.
 */
import { browser } from 'wxt/browser';
import type { Toolbar } from '../ui/toolbar';
import { t } from '../ui/i18n';
import { albumsOfPage } from './album-info';
import type { AlbumPage } from './listing';
import { counts, type BatchState } from './state';
import { batchStatus, watchBatch, type BatchRequest } from './store';
import type { BackgroundRequest } from '../messages/types';
import { addFollowItems } from '../follow/toolbar-items';

const openBatch = (request?: BatchRequest) => {
  const msg: BackgroundRequest = { type: 'open-batch', request };
  void browser.runtime.sendMessage(msg);
};

/** Adds the items; returns how many albums the page names. `first` is the album page's own first screen. */
export function addBatchItems(toolbar: Toolbar, doc: Document, pageUrl: string, first?: AlbumPage): number {
  const albums = albumsOfPage(doc, pageUrl);
  for (const album of albums) {
    toolbar.addItem({
      id: `album-export-${album.id}`,
      label: album.size ? t('albumExport', album.title, album.size) : t('albumExportNoSize', album.title),
      onSelect: () => openBatch({ kind: 'album', album, first: first?.items.length ? first : undefined }),
    });
  }
  addFollowItems(toolbar, albums);
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

/**
 * What the content script does on an album (合集) page: the toolbar, with "Export album" using
 * the page's own first screen of articles. Nothing on the page is cleaned or changed.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { mountToolbar } from './toolbar-host';
import { addBatchItems } from '../batch/toolbar-items';
import { albumPageItems } from '../batch/listing';
import { t } from './i18n';

export function startAlbumPage(ctx: ContentScriptContext): void {
  const mount = () =>
    mountToolbar(
      ctx,
      // The album page is a list, not an article: its main action is the album's export (addBatchItems).
      () => undefined,
      (bar, host) => {
        const albums = addBatchItems(bar, document, location.href, albumPageItems(document));
        if (albums === 0) bar.noExport(t('albumPageUnreadable'));
        host.setAttribute('data-state', 'album');
      },
    );
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => void mount(), { once: true });
  else void mount();
}

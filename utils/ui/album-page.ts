/**
 * What the content script does on an album (合集) page: the toolbar, with "Export album" using
 * the page's own first screen of articles. Nothing on the page is cleaned or changed.
 */
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { buildToolbar, TOOLBAR_CSS } from './toolbar';
import { addBatchItems } from '../batch/toolbar-items';
import { albumPageItems } from '../batch/listing';
import { t } from './i18n';

export function startAlbumPage(ctx: ContentScriptContext): void {
  const mount = async () => {
    const ui = await createShadowRootUi(ctx, {
      name: 'wac-toolbar',
      position: 'inline',
      anchor: 'body',
      append: 'last',
      css: TOOLBAR_CSS,
      onMount: (container, _shadow, host) => {
        const toolbar = buildToolbar(
          container,
          { 'download-md': t('actionDownloadMd'), 'copy-md': t('actionCopyMd'), 'download-zip': t('actionDownloadZip'), title: t('extName') },
          // The album page is a list, not an article: its export is the album's.
          () => toolbar.setStatus(t('albumPageNoArticle'), 'error'),
        );
        const albums = addBatchItems(toolbar, document, location.href, albumPageItems(document));
        if (albums === 0) toolbar.setStatus(t('albumPageUnreadable'), 'error');
        host.setAttribute('data-state', 'album');
      },
    });
    ui.mount();
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => void mount(), { once: true });
  else void mount();
}

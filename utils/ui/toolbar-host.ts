/** The toolbar's shadow-root host on a WeChat page, the same on article and album pages. */
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { buildToolbar, TOOLBAR_CSS, type Toolbar } from './toolbar';
import type { ExportAction } from '../messages/types';
import { t } from './i18n';

/** Mounts the toolbar at the end of <body>; `onMount` gets it with its host element. */
export async function mountToolbar(ctx: ContentScriptContext, onAction: (a: ExportAction) => void, onMount: (toolbar: Toolbar, host: HTMLElement) => void): Promise<void> {
  const ui = await createShadowRootUi(ctx, {
    name: 'wac-toolbar',
    position: 'inline',
    anchor: 'body',
    append: 'last',
    css: TOOLBAR_CSS,
    // Closed: a page script cannot reach the controls (nor read the messages) through host.shadowRoot.
    mode: 'closed',
    onMount: (container, _shadow, host) => {
      const labels = {
        'download-md': t('actionDownloadMd'),
        'copy-md': t('actionCopyMd'),
        'download-zip': t('actionDownloadZip'),
        title: t('extName'),
        more: t('tbMore'),
        dismiss: t('tbDismiss'),
        copyMessage: t('tbCopyMessage'),
        copied: t('tbCopied'),
      };
      onMount(buildToolbar(container, labels, onAction, { host }), host);
    },
  });
  ui.mount();
}

import { defineContentScript } from 'wxt/utils/define-content-script';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { browser } from 'wxt/browser';
import { ARTICLE_MATCHES } from '../utils/matches';
import { PageCleaner } from '../utils/cleaner';
import { buildToolbar, TOOLBAR_CSS } from '../utils/toolbar';
import { runAction } from '../utils/page-actions';
import { exportMarkdown } from '../utils/export';
import { detectPage } from '../utils/page-kind';
import { enabledFamilies, DEFAULT_SETTINGS, type Settings } from '../utils/settings';
import { loadSettings, watchSettings } from '../utils/settings-store';
import type { ContentRequest, ExportAction, PageStatus } from '../utils/messages';
import { t } from '../utils/i18n';

export default defineContentScript({
  matches: ARTICLE_MATCHES,
  runAt: 'document_start',
  main(ctx) {
    // Before anything else, synchronously: the style sheet that hides the chrome before first paint.
    // Timed with a performance measure so `npm run bench` can report it (a no-op for the page).
    const t0 = performance.now();
    const cleaner = new PageCleaner(document, enabledFamilies(DEFAULT_SETTINGS));
    cleaner.injectStyle();
    let settings: Settings = DEFAULT_SETTINGS;
    let pageOverride: boolean | null = null;
    const wantClean = () => pageOverride ?? settings.cleanByDefault;
    const domReady = new Promise<void>((r) => (document.readyState === 'loading' ? document.addEventListener('DOMContentLoaded', () => r(), { once: true }) : r()));
    performance.measure('wac:document-start', { start: t0, end: performance.now() });

    // Our own toolbar host says what state the page is in (for the popup's tests and for users' CSS).
    let host: HTMLElement | null = null;
    const showState = () => host?.setAttribute('data-state', cleaner.enabled ? 'cleaned' : 'original');
    let settled = false;
    const apply = async () => {
      await domReady;
      const t1 = performance.now();
      cleaner.setFamilies(enabledFamilies(settings));
      if (wantClean()) cleaner.enable();
      else cleaner.disable();
      if (!settled) performance.measure('wac:dom-ready', { start: t1, end: performance.now() });
      settled = true;
      showState();
    };

    void loadSettings().then((s) => {
      settings = s;
      if (!wantClean()) cleaner.disable(); // default off: take the early style sheet away again
      void apply();
    });
    watchSettings((s) => {
      settings = s;
      void apply();
    });

    let toolbar: ReturnType<typeof buildToolbar> | null = null;
    let busy = false;
    const perform = async (action: ExportAction) => {
      if (busy) return { ok: false, message: t('busy') };
      busy = true;
      toolbar?.setBusy(true);
      toolbar?.setStatus(t('working'));
      const result = await runAction(action, settings, { progress: (text) => toolbar?.setStatus(text) });
      toolbar?.setStatus(result.message, result.ok ? 'ok' : 'error');
      toolbar?.setBusy(false);
      busy = false;
      return { ok: result.ok, message: result.message };
    };

    browser.runtime.onMessage.addListener((raw: unknown) => {
      const msg = raw as ContentRequest;
      if (msg.type === 'export') return perform(msg.action);
      if (msg.type === 'get-markdown') {
        const r = exportMarkdown(document, location.href, settings);
        return Promise.resolve(r.ok ? { ok: true, message: '', markdown: r.markdown } : { ok: false, message: r.message });
      }
      if (msg.type === 'set-cleaning') {
        pageOverride = msg.on;
        return apply().then(() => status());
      }
      if (msg.type === 'status') return Promise.resolve(status());
      return undefined;
    });

    const status = (): PageStatus => ({
      cleaned: cleaner.enabled,
      kind: detectPage(document).kind,
      promotions: cleaner.promotions,
    });

    void domReady.then(async () => {
      const ui = await createShadowRootUi(ctx, {
        name: 'wac-toolbar',
        position: 'inline',
        anchor: 'body',
        append: 'last',
        css: TOOLBAR_CSS,
        onMount: (container, _shadow, shadowHost) => {
          host = shadowHost;
          if (settled) showState();
          toolbar = buildToolbar(
            container,
            { 'download-md': t('actionDownloadMd'), 'copy-md': t('actionCopyMd'), 'download-zip': t('actionDownloadZip'), title: t('extName') },
            (action) => void perform(action),
          );
        },
      });
      ui.mount();
    });
  },
});

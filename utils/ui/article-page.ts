/**
 * What the content script does on an article page, wired together: the cleaning, the toolbar in its
 * shadow root, the export actions (one at a time) and the answers to the popup and the background.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { browser } from 'wxt/browser';
import { PageCleaning } from '../clean/page-cleaning';
import type { Toolbar } from './toolbar';
import { mountToolbar } from './toolbar-host';
import { loadPipeline } from './pipeline-loader';
import { foreignImageOrigins } from '../deliver/image-hosts';
import { imageSource } from '../page/images';
import type { DestinationId } from '../deliver/destinations/types';
import { loadSettings, watchSettings } from '../settings/store';
import type { ActionResult, ContentRequest, ExportAction } from '../messages/types';
import { t } from './i18n';
import { PageMemory } from '../clean/page-memory';
import { startPromoControls } from './promo-controls';
import { startOutline } from './outline';
import { addBatchItems } from '../batch/toolbar-items';
import { startHighlights } from '../annotate/layer';
import { detectPage } from '../page/kind';
import { startReading } from './reading';
import type { Settings } from '../settings/settings';

const whenIdle = (cb: () => void) => ('requestIdleCallback' in globalThis ? requestIdleCallback(cb, { timeout: 1000 }) : setTimeout(cb, 50));

export function startArticlePage(ctx: ContentScriptContext): void {
  const cleaning = new PageCleaning(document);

  // Our own toolbar host says what state the page is in (for the popup's tests and for users' CSS).
  let host: HTMLElement | null = null;
  const showState = () => host?.setAttribute('data-state', cleaning.cleaner.enabled ? 'cleaned' : 'original');
  cleaning.onApplied = showState;
  // The reader's reading comfort (none by default): applied as soon as the settings are read.
  const reading = startReading(document);
  const useSettings = (s: Settings) => {
    void cleaning.useSettings(s);
    reading.use(s.reading);
  };
  void loadSettings().then(useSettings);
  watchSettings(useSettings);
  // The account's remembered promotion: read after first paint, applied to the page and the note.
  const memory = new PageMemory(document, cleaning);
  void memory.load().catch(() => undefined);

  let toolbar: Toolbar | null = null;
  let busy = false;
  const perform = async (action: ExportAction, destination?: DestinationId): Promise<ActionResult> => {
    if (busy) return { ok: false, message: t('busy') };
    busy = true;
    toolbar?.setBusy(true);
    toolbar?.setStatus(t('working'));
    const result = await loadPipeline().then(
      (p) => p.runAction(action, cleaning.settings, { progress: (text) => toolbar?.setStatus(text), memory: memory.memory, destination }),
      (e: Error) => ({ ok: false, message: `${t('errExport')}: ${e.message}`, followUp: undefined }),
    );
    const follow = result.followUp;
    const runFollow = () => void loadPipeline().then((p) => p.runFollowUp(follow?.request, window));
    toolbar?.setStatus(result.message, result.ok ? 'ok' : 'error', follow && { label: follow.label, run: runFollow });
    toolbar?.setBusy(false);
    busy = false;
    return { ok: result.ok, message: result.message, followUp: follow };
  };

  browser.runtime.onMessage.addListener((raw: unknown, sender: { id?: string }) => {
    // Only this extension (the background, the popup) asks the page for anything.
    if (sender.id !== browser.runtime.id || !raw || typeof raw !== 'object') return undefined;
    const msg = raw as ContentRequest;
    if (msg.type === 'export') return perform(msg.action, msg.destination);
    if (msg.type === 'progress') return void (busy && toolbar?.setStatus(msg.text));
    if (msg.type === 'get-markdown') {
      return loadPipeline().then(
        (p) => {
          const r = p.exportMarkdown(document, location.href, cleaning.settings, memory.memory);
          return r.ok ? { ok: true, message: '', markdown: r.markdown } : { ok: false, message: r.message };
        },
        (e: Error) => ({ ok: false, message: `${t('errExport')}: ${e.message}` }),
      );
    }
    if (msg.type === 'set-cleaning') return cleaning.setOverride(msg.on);
    if (msg.type === 'status') {
      // The popup asks for these hosts in its click (a content script cannot ask for permissions).
      // Read off the content's images as they are: an extraction here would run on every popup open.
      const images = Array.from(document.querySelectorAll('#js_content img'), imageSource).filter(Boolean);
      return Promise.resolve({ ...cleaning.status(), imageOrigins: foreignImageOrigins(images) });
    }
    return undefined;
  });

  void cleaning.whenDomReady().then(() =>
    mountToolbar(
      ctx,
      (action) => void perform(action),
      (bar, shadowHost) => {
        const t0 = performance.now();
        host = shadowHost;
        toolbar = bar;
        // The export pipeline is compiled while the pointer is on its way to the button, not on every page.
        const warm = () => void loadPipeline().catch(() => undefined);
        shadowHost.addEventListener('pointerenter', warm, { once: true });
        shadowHost.addEventListener('focusin', warm, { once: true });
        if (cleaning.isSettled) showState();
        // A deleted or expired page says so at once, not after a click that fails.
        const page = detectPage(document);
        if (page.kind === 'unavailable') bar.noExport(t('nothingToExport', page.message ?? ''));
        startPromoControls(document, cleaning, memory, bar);
        addBatchItems(bar, document, location.href);
        reading.attach(bar);
        performance.measure('wac:toolbar', { start: t0, end: performance.now() });
        // An outline of the article's sections, when it has enough of them: nothing the first paint
        // needs, so its section-title search waits for an idle moment.
        whenIdle(() => {
          const t1 = performance.now();
          startOutline(bar);
          performance.measure('wac:outline', { start: t1, end: performance.now() });
          // The reader's highlights: one look at storage; nothing more unless it has some.
          const t2 = performance.now();
          startHighlights(document, bar);
          performance.measure('wac:highlights', { start: t2, end: performance.now() });
        });
      },
    ),
  );
}

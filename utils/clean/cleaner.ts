import { cleaningCss, PASS_ATTR, PROMO_ATTR, PROMO_SIGNALS_ATTR, PROMO_UNSURE_ATTR } from './chrome-rules';
import type { PromoBlock, PromoFamily } from './promotion';
import { passKey, promotionWithMemory, OWN_UI_TAG, type AccountMemory, type HiddenBlock } from './memory';
import { scriptVars } from '../page/script-vars';
import { normalizeImageUrl } from '../page/images';
import { tally } from './hidden-kinds';

export interface HiddenCounts {
  promotion: number;
  decoration: number;
  unsure: number;
}

const STYLE_ID = 'wac-cleaning-style';
const REVEALED = 'data-wac-src';
const FILLED = 'data-wac-filled';
/** The style and class an image had before we took WeChat's lazy-load placeholder off it. */
const PLACEHOLDER = 'data-wac-placeholder';
const PLACEHOLDER_CLASSES = ['js_img_placeholder', 'wx_img_placeholder'];

/**
 * Cleans the live page. Everything it does is undone by `disable()`: the style sheet is removed,
 * promotion marks are taken off, images it loaded get their original src back, text it filled in
 * is emptied again.
 */
export class PageCleaner {
  private observer: MutationObserver | null = null;
  private scheduled = false;
  private revealPending = false;
  private families: ReadonlySet<PromoFamily>;
  private memory: AccountMemory | null = null;
  private learn = true;
  enabled = false;
  /** What the last pass hid, in document order (the reader's controls show and undo these). */
  hidden: HiddenBlock[] = [];
  /** What the last pass was unsure of: left on the page, marked, counted apart. */
  unsure: PromoBlock[] = [];
  /** Called after every pass over the content, the observer's late ones too. */
  onProcessed: () => void = () => {};

  constructor(
    private readonly doc: Document,
    families: ReadonlySet<PromoFamily>,
  ) {
    this.families = families;
  }

  /** At document_start: one <style> on <html>, so chrome is hidden as the parser inserts it. */
  injectStyle(): void {
    if (this.doc.getElementById(STYLE_ID)) return;
    const style = this.doc.createElement('style');
    style.id = STYLE_ID;
    style.textContent = cleaningCss();
    this.doc.documentElement.appendChild(style);
    this.enabled = true;
  }

  /** After the DOM is parsed: promotion, lazy images, script-only text; then watch for late content. */
  enable(): void {
    this.injectStyle();
    this.processContent();
    this.observe();
  }

  disable(): void {
    this.enabled = false;
    this.observer?.disconnect();
    this.observer = null;
    this.doc.getElementById(STYLE_ID)?.remove();
    this.clearMarks();
    for (const img of Array.from(this.doc.querySelectorAll<HTMLImageElement>(`img[${REVEALED}]`))) {
      const before = img.getAttribute(REVEALED) ?? '';
      if (before === '\u0000') img.removeAttribute('src');
      else img.setAttribute('src', before);
      img.removeAttribute(REVEALED);
    }
    for (const img of Array.from(this.doc.querySelectorAll(`img[${PLACEHOLDER}]`))) {
      const [style, cls] = JSON.parse(img.getAttribute(PLACEHOLDER) ?? '[null,null]') as [string | null, string | null];
      for (const [name, value] of [['style', style], ['class', cls]] as const) {
        if (value === null) img.removeAttribute(name);
        else img.setAttribute(name, value);
      }
      img.removeAttribute(PLACEHOLDER);
    }
    for (const el of Array.from(this.doc.querySelectorAll(`[${FILLED}]`))) {
      el.textContent = '';
      el.removeAttribute(FILLED);
    }
    this.hidden = [];
    this.unsure = [];
    this.onProcessed();
  }

  /** The account's remembered decisions and learned boilerplate; takes effect at the next pass. */
  setMemory(memory: AccountMemory | null, learn: boolean): void {
    this.memory = memory;
    this.learn = learn;
  }

  /** Takes effect at the next `enable()` / `processContent()`. */
  setFamilies(families: ReadonlySet<PromoFamily>): void {
    this.families = families;
  }

  private clearMarks(): void {
    this.doc.getElementById('js_content')?.removeAttribute(PASS_ATTR);
    for (const el of Array.from(this.doc.querySelectorAll(`[${PROMO_ATTR}], [${PROMO_UNSURE_ATTR}]`))) {
      el.removeAttribute(PROMO_ATTR);
      el.removeAttribute(PROMO_SIGNALS_ATTR);
      el.removeAttribute(PROMO_UNSURE_ATTR);
    }
  }

  /** Marks promotion (afresh: the content or the families may have changed) and loads images. */
  processContent(): void {
    if (!this.markPromotion()) return;
    this.scheduleReveal();
    this.fillTextPost();
    this.onProcessed();
  }

  /**
   * Only the promotion marks: what the pass before DOMContentLoaded does. The images and the text
   * post's text wait for the page's own inline scripts (17's lazy-loader), which run after the
   * content: touched before them, "off" could no longer give the page back as they left it.
   */
  markPromotion(): boolean {
    const root = this.doc.getElementById('js_content');
    if (!root) return false;
    this.clearMarks();
    const options = { families: this.families, learn: this.learn };
    const unsure: PromoBlock[] = [];
    this.hidden = promotionWithMemory(root, this.memory, options, unsure);
    for (const { el, reason, signals } of this.hidden) {
      el.setAttribute(PROMO_ATTR, reason);
      // Which signals hid it, for the reveal; the reader's and learned blocks say so by their reason.
      if (signals?.length) el.setAttribute(PROMO_SIGNALS_ATTR, signals.join('; '));
    }
    // Unsure blocks stay visible; one the reader hid (memory) is hidden, not unsure.
    this.unsure = unsure.filter((b) => !b.el.closest(`[${PROMO_ATTR}]`));
    for (const { el, signals } of this.unsure) el.setAttribute(PROMO_UNSURE_ATTR, signals.join('; '));
    // The export reads these marks instead of finding the same blocks again, while the content is unchanged.
    root.setAttribute(PASS_ATTR, passKey(this.memory, options));
    return true;
  }

  /** What the toolbar and the popup show: promotion and decoration hidden, apart; blocks that may be promotion but stay. */
  counts(): HiddenCounts {
    return { ...tally(this.hidden), unsure: this.unsure.length };
  }

  /**
   * Images get their address right after the next frame is painted, not before it: setting it costs
   * Blink 40–90 µs an image (2–4 ms for 2025 pages' 50), the first paint needs none of it, and an
   * image takes the network far longer than a frame. Timed as `wac:images` for `npm run bench`.
   */
  private scheduleReveal(): void {
    if (this.revealPending) return;
    this.revealPending = true;
    requestAnimationFrame(() =>
      setTimeout(() => {
        this.revealPending = false;
        const root = this.doc.getElementById('js_content');
        if (!this.enabled || !root) return;
        const t0 = performance.now();
        // The page's changes from before the reveal are still to be looked at: no pass has seen them.
        const pending = this.unobserved(() => this.revealImages(root));
        if (pending.length) this.onMutations(pending);
        performance.measure('wac:images', { start: t0, end: performance.now() });
      }),
    );
  }

  /** Raw pages have images with data-src only (or a data: placeholder) until WeChat's JS runs. */
  private revealImages(root: Element): void {
    for (const img of Array.from(root.querySelectorAll<HTMLImageElement>('img[data-src]'))) {
      const current = img.getAttribute('src');
      if (current && !current.startsWith('data:')) continue;
      const src = normalizeImageUrl(img.getAttribute('data-src') ?? '');
      if (!src) continue;
      // Whatever the page has now is what "off" restores, even if its lazy-loader set it after us.
      img.setAttribute(REVEALED, current ?? '\u0000');
      img.setAttribute('src', src);
      this.dropPlaceholder(img);
    }
  }

  /**
   * WeChat's lazy-loader draws a not-yet-loaded image as an empty box (height 0 !important, the
   * picture's height as padding, 02); its own loader takes that off, so when we load the image we must.
   */
  private dropPlaceholder(img: HTMLImageElement): void {
    if (!PLACEHOLDER_CLASSES.some((c) => img.classList.contains(c)) || img.hasAttribute(PLACEHOLDER)) return;
    img.setAttribute(PLACEHOLDER, JSON.stringify([img.getAttribute('style'), img.getAttribute('class')]));
    img.style.removeProperty('height');
    img.style.removeProperty('padding-bottom');
    img.classList.remove(...PLACEHOLDER_CLASSES);
  }

  /** Text posts keep their text only in a script variable; show it when WeChat's JS did not. */
  private fillTextPost(): void {
    const desc = this.doc.getElementById('js_text_desc');
    if (!desc || desc.textContent?.trim()) return;
    const text = scriptVars(this.doc).get('TextContentNoEncode');
    if (!text) return;
    desc.textContent = text;
    (desc as HTMLElement).style.whiteSpace = 'pre-wrap';
    desc.setAttribute(FILLED, '1');
  }

  /**
   * One observer for late content: WeChat re-renders parts of #js_content, and lazy images arrive.
   * Late chrome needs no JS at all: the style sheet matches dialogs and bars whenever they appear.
   * Work is batched to one pass per animation frame and skipped for mutations outside the content.
   */
  private observe(): void {
    if (this.observer || typeof MutationObserver === 'undefined') return;
    this.observer = new MutationObserver((records) => this.onMutations(records));
    this.observer.observe(this.doc.documentElement, OBSERVE);
  }

  /** The observer's records (and those kept across our own changes): a pass at the next frame if the content changed. */
  private onMutations(records: MutationRecord[]): void {
    if (this.scheduled) return;
    const relevant = records.some((r) => {
      const t = r.target as Element;
      // Our own "not promotion" buttons coming and going are not new content.
      if (r.type === 'childList' && [...Array.from(r.addedNodes), ...Array.from(r.removedNodes)].every((n) => (n as Element).localName === OWN_UI_TAG)) return false;
      return t.nodeType === 1 && (t.id === 'js_content' || t.closest?.('#js_content') !== null || Array.from(r.addedNodes).some((n) => (n as Element).id === 'js_content'));
    });
    if (!relevant) return;
    // Until the next pass, the marks may not fit the content: the export finds promotion itself.
    this.doc.getElementById('js_content')?.removeAttribute(PASS_ATTR);
    this.scheduled = true;
    requestAnimationFrame(() => {
      this.scheduled = false;
      // The records pending before the pass are of content the pass reads as it is now.
      this.unobserved(() => this.processContent());
    });
  }

  /** Our own changes (marks, image addresses) are no new content: made unseen by the observer. Returns
   *  the records that were pending before them, which disconnecting would otherwise drop unread. */
  private unobserved(change: () => void): MutationRecord[] {
    const pending = this.observer?.takeRecords() ?? [];
    this.observer?.disconnect();
    change();
    this.observer?.observe(this.doc.documentElement, OBSERVE);
    return pending;
  }
}

// src too: some pages' inline lazy-loaders put the placeholder back after we loaded an image (17).
const OBSERVE: MutationObserverInit = { childList: true, subtree: true, attributes: true, attributeFilter: ['src'] };

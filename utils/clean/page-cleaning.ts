/**
 * The cleaning of one article page over its life: the early style sheet at document_start, then the
 * reader's settings and the popup's per-page switch, applied once the DOM is there.
 */
import { PageCleaner } from './cleaner';
import { detectPage } from '../page/kind';
import { enabledFamilies, DEFAULT_SETTINGS, type Settings } from '../settings/settings';
import type { AccountMemory } from './memory';

const applies = (m: AccountMemory | null) => m !== null && m.hide.length + m.keep.length + m.learned.length > 0;
/** Whether the parser has gone past the element: a node follows it or one of its ancestors, so it is closed. */
const parsedPast = (el: Element) => {
  for (let e: Element | null = el; e; e = e.parentElement) if (e.nextSibling) return true;
  return false;
};

/** What the page says of itself to the popup. */
export interface PageStatus {
  cleaned: boolean;
  kind: string;
  /** Hidden blocks: promotion, and the publisher's decoration apart (hidden-kinds.ts). */
  promotions: number;
  decorations: number;
  /** Origins (`https://host/*`) of the article's images outside WeChat's hosts: what a ZIP asks to fetch. */
  imageOrigins?: string[];
}

export class PageCleaning {
  readonly cleaner: PageCleaner;
  settings: Settings = DEFAULT_SETTINGS;
  /** The account's remembered promotion, once storage has answered (after first paint). */
  memory: AccountMemory | null = null;
  /** The popup's switch for this page; null follows the setting. */
  private override: boolean | null = null;
  private settled = false;
  private readonly domReady: Promise<void>;
  /** Called after every pass, with the state it left. */
  onApplied: () => void = () => {};

  constructor(private readonly doc: Document) {
    // Synchronously, before anything else: the style sheet that hides the chrome before first paint.
    // Timed with a performance measure so `npm run bench` can report it (a no-op for the page).
    const t0 = performance.now();
    this.cleaner = new PageCleaner(doc, enabledFamilies(DEFAULT_SETTINGS));
    this.cleaner.injectStyle();
    this.domReady = new Promise<void>((r) => (doc.readyState === 'loading' ? doc.addEventListener('DOMContentLoaded', () => r(), { once: true }) : r()));
    performance.measure('wac:document-start', { start: t0, end: performance.now() });
    this.whenContentParsed();
  }

  /**
   * The promotion marked as soon as the article's content is parsed, at one of the parser's pauses:
   * WeChat's pages go on with 1–2 MB of scripts after it, so DOMContentLoaded comes much later, and
   * Chromium paints what it has meanwhile. The pass at DOMContentLoaded runs again on the whole page
   * with the reader's settings (a page script may have changed the content), loads the images, and
   * finds the detector's code compiled.
   * Timed as `wac:content-parsed` for `npm run bench`.
   */
  private whenContentParsed(): void {
    // Also the first call, at document_start: no content yet, so it waits for the parser's first pause.
    if (this.doc.readyState !== 'loading' || this.settled || !this.wanted) return;
    const root = this.doc.getElementById('js_content');
    if (!root || !parsedPast(root)) return void setTimeout(() => this.whenContentParsed(), 0);
    const t0 = performance.now();
    this.cleaner.setFamilies(enabledFamilies(this.settings));
    this.cleaner.markPromotion();
    performance.measure('wac:content-parsed', { start: t0, end: performance.now() });
  }

  get wanted(): boolean {
    return this.override ?? this.settings.cleanByDefault;
  }

  get isSettled(): boolean {
    return this.settled;
  }

  whenDomReady(): Promise<void> {
    return this.domReady;
  }

  /** New settings: default off takes the early style sheet away at once, before the DOM is ready. */
  useSettings(s: Settings): Promise<void> {
    this.settings = s;
    if (!this.wanted) this.cleaner.disable();
    return this.apply();
  }

  setOverride(on: boolean): Promise<PageStatus> {
    this.override = on;
    return this.apply().then(() => this.status());
  }

  /** New memory for the account: one more pass, only if the page is cleaned already. */
  setMemory(memory: AccountMemory | null): void {
    const before = this.memory;
    this.memory = memory;
    this.cleaner.setMemory(memory, this.settings.learnPromotion);
    // Nothing to apply (a new account, or only blocks seen once): no second pass over the content.
    if (!applies(before) && !applies(memory)) return;
    if (this.settled && this.cleaner.enabled) this.cleaner.processContent();
  }

  async apply(): Promise<void> {
    await this.domReady;
    const t1 = performance.now();
    this.cleaner.setFamilies(enabledFamilies(this.settings));
    this.cleaner.setMemory(this.memory, this.settings.learnPromotion);
    if (this.wanted) this.cleaner.enable();
    else this.cleaner.disable();
    if (!this.settled) performance.measure('wac:dom-ready', { start: t1, end: performance.now() });
    this.settled = true;
    this.onApplied();
  }

  status(): PageStatus {
    const { promotion, decoration } = this.cleaner.counts();
    return { cleaned: this.cleaner.enabled, kind: detectPage(this.doc).kind, promotions: promotion, decorations: decoration };
  }
}

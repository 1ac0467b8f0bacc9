/**
 * The promotion memory of the page's account, on the live page: read from storage after first paint,
 * handed to the cleaning, learned from when the browser is idle, and changed by the reader's
 * decisions. The decisions themselves are the pure functions of memory.ts.
 */
import type { PageCleaning } from './page-cleaning';
import { blockPrint, forget, hash53, learnFrom, remember, type AccountMemory } from './memory';
import { loadAccount, saveAccount, watchAccount, type StoredAccount } from './memory-store';
import { knownAccount, readAccount } from '../page/account';
import { canonicalArticleUrl, readMeta } from '../page/metadata';
import { scriptVars } from '../page/script-vars';

/** Marked when the page's own learning pass is over (what it learned, if anything, is stored): after
 *  it, storage changes only by the reader's decisions. Tests wait for it. */
export const LEARNED_MARK = 'wac:learned';

export type DecisionResult = { ok: true } | { ok: false; reason: 'no-account' | 'empty' | 'save'; message?: string };

export class PageMemory {
  private stored: StoredAccount | null = null;
  private articleId = '';
  private unwatch: (() => void) | null = null;

  constructor(
    private readonly doc: Document,
    private readonly cleaning: PageCleaning,
  ) {}

  get memory(): AccountMemory | null {
    return this.stored?.memory ?? null;
  }

  /** Reads the account and its memory; errors (no storage, odd page) leave the page as it is. */
  async load(): Promise<void> {
    await this.cleaning.whenDomReady();
    const vars = scriptVars(this.doc);
    const id = readAccount(this.doc, vars, location.href);
    if (!knownAccount(id)) return void performance.mark(LEARNED_MARK);
    const meta = readMeta(this.doc, vars, location.href);
    this.articleId = hash53(meta.source || canonicalArticleUrl(location.href));
    this.stored = await loadAccount(id, meta.account);
    const t0 = performance.now();
    this.cleaning.setMemory(this.stored.memory);
    performance.measure('wac:memory', { start: t0, end: performance.now() });
    this.unwatch = watchAccount(this.stored.key, (m) => {
      if (!this.stored || JSON.stringify(m) === JSON.stringify(this.stored.memory)) return;
      // Another tab or the options page changed it (or deleted it: then start afresh).
      this.stored = { key: this.stored.key, memory: m ?? { ...this.stored.memory, hide: [], keep: [], learned: [], cand: {} } };
      this.cleaning.setMemory(this.stored.memory);
    });
    const idle = (cb: () => void) => ('requestIdleCallback' in globalThis ? requestIdleCallback(cb, { timeout: 2000 }) : setTimeout(cb, 200));
    idle(() => void this.learn());
  }

  /** One learning pass over the article as it is now: new boilerplate is hidden at once. */
  private async learn(): Promise<void> {
    try {
      const root = this.doc.getElementById('js_content');
      if (!this.stored || !root || !this.cleaning.settings.learnPromotion) return;
      const next = learnFrom(this.stored.memory, root, this.articleId, Date.now());
      if (!next) return;
      await this.commit(next).catch(() => undefined);
    } finally {
      performance.mark(LEARNED_MARK);
    }
  }

  private async commit(memory: AccountMemory): Promise<void> {
    if (!this.stored) return;
    this.stored = { key: this.stored.key, memory };
    this.cleaning.setMemory(memory);
    await saveAccount(this.stored);
  }

  /** The reader's decision on a block: hide it (the picker) or keep it ("not promotion"). */
  decide(el: Element, list: 'hide' | 'keep'): Promise<DecisionResult> {
    return this.change(el, (m, print) => remember(m, list, print, Date.now()));
  }

  /** Undoes a decision on a block: forgets it, so the block is as the detector alone has it. */
  forgetBlock(el: Element): Promise<DecisionResult> {
    return this.change(el, (m, print) => forget(m, print.fp));
  }

  private async change(el: Element, edit: (m: AccountMemory, print: NonNullable<ReturnType<typeof blockPrint>>) => AccountMemory): Promise<DecisionResult> {
    if (!this.stored) return { ok: false, reason: 'no-account' };
    const print = blockPrint(el);
    if (!print) return { ok: false, reason: 'empty' };
    try {
      await this.commit(edit(this.stored.memory, print));
      return { ok: true };
    } catch (e) {
      return { ok: false, reason: 'save', message: (e as Error)?.message ?? String(e) };
    }
  }

  stop(): void {
    this.unwatch?.();
  }
}

/**
 * The reader's control over hidden promotion, on the page: the toolbar says how many blocks are
 * hidden, promotion apart from decoration (on the closed control and in the menu), and shows them in
 * place (outlined by the cleaning style sheet); each shown block gets a tag naming its kind and a
 * "not promotion" button; the picker hides a block the detector missed. Decisions are remembered
 * for the account by PageMemory and apply to the page and the note alike.
 */
import type { PageCleaning } from '../clean/page-cleaning';
import type { PageMemory, DecisionResult } from '../clean/page-memory';
import type { Toolbar } from './toolbar';
import { edgeUnits, OWN_UI_TAG } from '../clean/memory';
import { PROMO_ATTR, PROMO_PICK_ATTR, PROMO_REVEAL_ATTR, PROMO_SIGNALS_ATTR, PROMO_UNSURE_SHOWN_ATTR } from '../clean/chrome-rules';
import { t } from './i18n';
import { trusted } from './trusted';
import { closedHost } from './closed-host';
import { kindName, tallyText } from './hidden-labels';
import { kindOf } from '../clean/hidden-kinds';
import type { HiddenBlock } from '../clean/memory';

/** Between a tag and its block: clear of the reveal's outline (2 px, 2 px off the block). */
const TAG_GAP = 6;

const TAG_CSS = `
:host { all: initial; display: block; text-align: right; margin: 6px 0 ${TAG_GAP}px; }
.kind, button { font: 12px/1.4 system-ui, -apple-system, "PingFang SC", "Microsoft YaHei", sans-serif; }
.kind { color: #c0392b; margin-right: 6px; cursor: help; }
button { cursor: pointer; border: 1px solid #fa5151; background: #fff; color: #c0392b; border-radius: 12px; padding: 2px 10px; }
button:hover, button:focus-visible { background: #fa5151; color: #fff; outline: none; }
`;

export function startPromoControls(doc: Document, cleaning: PageCleaning, memory: PageMemory, toolbar: Toolbar): void {
  const cleaner = cleaning.cleaner;
  const html = doc.documentElement;
  let shown = false;
  let picking = false;
  const tags: Element[] = [];

  const say = (r: DecisionResult, ok: string) => {
    if (r.ok) toolbar.setStatus(ok, 'ok');
    else if (r.reason === 'no-account') toolbar.setStatus(t('promoNoAccount'), 'error');
    else if (r.reason === 'save') toolbar.setStatus(t('promoSaveFailed', r.message ?? ''), 'error');
  };

  // ---- the count (in the menu, and on the closed control), and showing the hidden blocks in place ----
  const reveal = toolbar.addItem({ id: 'promo-reveal', label: '', onSelect: () => setShown(!shown) });
  const badge = toolbar.addBadge('promo-count', () => setShown(!shown));
  // keepsFocus: while picking, the keys are the picker's, not the menu's (focus goes back to "More" when it ends).
  const pick = toolbar.addItem({ id: 'promo-pick', label: t('promoPick'), keepsFocus: true, onSelect: () => (picking ? stopPicking() : startPicking()) });
  // Blocks the detector was unsure of stay on the page; one click hides them and remembers it. While the
  // reader points at the item, the blocks it would hide are outlined, the first brought into view.
  const unsure = toolbar.addItem({ id: 'promo-unsure', label: '', onSelect: () => void hideUnsure(), onPoint: outlineUnsure });
  function outlineUnsure(on: boolean): void {
    if (!on) return html.removeAttribute(PROMO_UNSURE_SHOWN_ATTR);
    html.setAttribute(PROMO_UNSURE_SHOWN_ATTR, '');
    const first = cleaner.unsure[0]?.el;
    const box = first?.getBoundingClientRect();
    if (first && box && (box.bottom < 0 || box.top > (doc.defaultView?.innerHeight ?? 0))) first.scrollIntoView({ block: 'center' });
  }
  async function hideUnsure(): Promise<void> {
    let last: DecisionResult | null = null;
    for (const { el } of cleaner.unsure.slice()) last = await memory.decide(el, 'hide');
    if (last) say(last, t('promoPicked'));
  }

  /** Above a shown block: what kind it is (the signals that hid it in its tooltip) and "not promotion". */
  function keepButton(hidden: HiddenBlock): HTMLElement {
    const block = hidden.el;
    const { host, shadow } = closedHost(doc, OWN_UI_TAG, TAG_CSS);
    const kind = doc.createElement('span');
    kind.className = 'kind';
    kind.textContent = kindName(kindOf(hidden));
    // Which signals hid the block; the reader's and the learned blocks say so by their kind.
    const why = block.getAttribute(PROMO_SIGNALS_ATTR) ?? '';
    if (why) kind.title = why;
    const b = doc.createElement('button');
    b.type = 'button';
    b.textContent = t('promoNotPromotion');
    if (why) b.title = why;
    b.addEventListener(
      'click',
      trusted((e) => {
        e.stopPropagation();
        void memory.decide(block, 'keep').then((r) => say(r, t('promoKept')));
      }),
    );
    shadow.append(kind, b);
    return host;
  }

  // A picture that arrives after the reveal gets its tag then (one pass a frame).
  let resync = 0;
  const syncLater = () => void (resync ||= requestAnimationFrame(() => ((resync = 0), syncTags())));

  function syncTags(): void {
    for (const tag of tags.splice(0)) tag.remove();
    if (!shown || !cleaner.enabled) return;
    for (const hidden of cleaner.hidden) {
      // A block that shows nothing (an empty spacer, a wrapper, a picture not loaded yet) gets no tag:
      // it would float over the text beside it with nothing to point at.
      const anchor = tagAnchor(hidden.el);
      if (!anchor) {
        for (const img of [hidden.el, ...Array.from(hidden.el.querySelectorAll('img'))]) if (img.tagName === 'IMG' && !(img as HTMLImageElement).complete) img.addEventListener('load', syncLater, { once: true });
        continue;
      }
      const tag = keepButton(hidden);
      // The block's own space above it (06: a 48 px margin) goes above the tag: the tag's bottom margin
      // cancels it out, so the tag sits on what it names instead of floating over the gap.
      const style = doc.defaultView?.getComputedStyle(anchor);
      const space = parseFloat(style?.marginTop ?? '0');
      if (space > TAG_GAP && !/^inline/.test(style?.display ?? '')) tag.style.marginBottom = `${TAG_GAP - space}px`;
      anchor.before(tag);
      tags.push(tag);
    }
  }

  function setShown(on: boolean): void {
    shown = on;
    if (on) html.setAttribute(PROMO_REVEAL_ATTR, '');
    else html.removeAttribute(PROMO_REVEAL_ATTR);
    refresh();
    if (on) cleaner.hidden[0]?.el.scrollIntoView({ block: 'center' });
  }

  function refresh(): void {
    const c = cleaner.counts();
    const label = t(shown ? 'shownTally' : 'hiddenTally', tallyText(c));
    reveal.setLabel(label);
    reveal.setHidden(!cleaner.enabled || (c.promotion + c.decoration === 0 && !shown));
    const parts = cleaner.enabled ? [{ kind: 'promotion', n: c.promotion }, { kind: 'decoration', n: c.decoration }] : [];
    badge.set(parts, label, shown);
    pick.setHidden(!cleaner.enabled || !doc.getElementById('js_content'));
    unsure.setLabel(t('promoUnsureCount', cleaner.unsure.length));
    unsure.setHidden(!cleaner.enabled || cleaner.unsure.length === 0);
    pick.setLabel(picking ? t('promoPickStop') : t('promoPick'));
    if (!cleaner.enabled && picking) stopPicking();
    syncTags();
  }

  // ---- the picker: hover outlines a content unit, a click (or Enter) hides it ----
  let units: Element[] = [];
  let current: Element | null = null;

  const highlight = (el: Element | null) => {
    current?.removeAttribute(PROMO_PICK_ATTR);
    current = el;
    current?.setAttribute(PROMO_PICK_ATTR, '');
  };
  const pickable = (u: Element) => !u.hasAttribute(PROMO_ATTR) && (u as HTMLElement).offsetParent !== null;
  const unitOf = (target: EventTarget | null) => {
    if (!(target instanceof Element)) return null;
    return units.find((u) => u.contains(target) && pickable(u)) ?? null;
  };

  const onOver = trusted((e: Event) => highlight(unitOf(e.target)));
  const onClick = trusted((e: Event) => {
    const unit = unitOf(e.target);
    if (!unit) return;
    e.preventDefault();
    e.stopPropagation();
    hideCurrent(unit);
  });
  const onKey = trusted((e: KeyboardEvent) => {
    // The picker owns these keys while it runs: nothing else on the page or in the toolbar sees them.
    if (['Escape', 'ArrowDown', 'ArrowUp', 'Enter'].includes(e.key)) e.stopImmediatePropagation();
    if (e.key === 'Escape') {
      e.preventDefault();
      stopPicking();
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const list = units.filter(pickable);
      const at = current ? list.indexOf(current) : -1;
      const next = list[Math.max(0, Math.min(list.length - 1, at + (e.key === 'ArrowDown' ? 1 : -1)))] ?? null;
      highlight(next);
      next?.scrollIntoView({ block: 'nearest' });
    } else if (e.key === 'Enter' && current) {
      e.preventDefault();
      hideCurrent(current);
    }
  });

  function hideCurrent(unit: Element): void {
    stopPicking();
    void memory.decide(unit, 'hide').then((r) => {
      if (!r.ok) return say(r, '');
      const undo = () => void memory.forgetBlock(unit).then((u) => say(u, t('promoUndone')));
      toolbar.setStatus(t('promoPicked'), 'ok', { label: t('promoUndo'), run: undo });
    });
  }

  function startPicking(): void {
    const root = doc.getElementById('js_content');
    if (!root) return;
    units = edgeUnits(root).units;
    picking = true;
    doc.addEventListener('mouseover', onOver, true);
    doc.addEventListener('click', onClick, true);
    doc.addEventListener('keydown', onKey, true);
    // For the keyboard: start on the first block in view.
    highlight(units.find((u) => pickable(u) && u.getBoundingClientRect().bottom > 0) ?? null);
    toolbar.setStatus(t('promoPickHint'));
    refresh();
  }

  function stopPicking(): void {
    if (!picking) return;
    picking = false;
    highlight(null);
    doc.removeEventListener('mouseover', onOver, true);
    doc.removeEventListener('click', onClick, true);
    doc.removeEventListener('keydown', onKey, true);
    toolbar.setStatus('');
    refresh();
    toolbar.returnFocus();
  }

  cleaner.onProcessed = refresh;
  refresh();
}

/** Space above a line's text within its line box, at most (a 40 px line of 20 px text leaves 10). */
const LEADING = 20;

/** Elements that draw a picture of their own. */
const PICTURE = 'img, svg, video, canvas, iframe';

/**
 * Where a shown block's tag goes: right above the first thing the block shows a reader (a character of
 * text, or a picture: an image once loaded, a drawing, a CSS background image), so it points at it and
 * not at the empty lines above it (06: a closing banner under two empty lines). Null when the block
 * shows nothing (an empty spacer, a picture not loaded or broken): a tag there floats over nothing.
 */
export function tagAnchor(el: Element): Element | null {
  const view = el.ownerDocument.defaultView;
  const visible = (e: Element) => view?.getComputedStyle(e).visibility !== 'hidden';
  let first: { el: Element; top: number } | null = null;
  const consider = (e: Element, r: { top: number; width: number; height: number }) => {
    if (r.width > 0 && r.height > 0 && visible(e) && (!first || r.top < first.top)) first = { el: e, top: r.top };
  };
  const range = el.ownerDocument.createRange();
  const walker = el.ownerDocument.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!/[^\s\u00a0\u200b]/.test(n.textContent ?? '') || !n.parentElement) continue;
    range.selectNodeContents(n);
    for (const r of Array.from(range.getClientRects())) consider(n.parentElement, r);
  }
  for (const e of [el, ...Array.from(el.querySelectorAll('*'))]) {
    // An image draws its picture once loaded; a broken one draws at most the browser's icon.
    const loaded = e.tagName !== 'IMG' || ((e as HTMLImageElement).complete && (e as HTMLImageElement).naturalWidth > 0);
    if ((e.matches(PICTURE) && loaded) || view?.getComputedStyle(e).backgroundImage.includes('url(')) {
      const r = e.getBoundingClientRect();
      if (r.width > 1 && r.height > 1) consider(e, r);
    }
  }
  const found = first as { el: Element; top: number } | null;
  if (!found) return null;
  // The outermost element, up to the block, that starts where the content does (give or take a line's
  // leading: the tag stays before a paragraph, and goes inside a block only past its empty lines).
  // Never inside a line (a link's tag would follow the link): out of inline parents whatever their box.
  const inline = (e: Element) => /^(inline|contents)/.test(view?.getComputedStyle(e).display ?? '');
  let anchor = found.el;
  while (anchor !== el && anchor.parentElement && (inline(anchor.parentElement) || found.top - anchor.parentElement.getBoundingClientRect().top <= LEADING)) anchor = anchor.parentElement;
  return anchor;
}

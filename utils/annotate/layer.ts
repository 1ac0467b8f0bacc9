/**
 * Highlights on the article page: select text in the content → a small control ("划线 / Highlight",
 * "批注 / Note"), or Alt+Shift+H / Alt+Shift+N for the selection. They are drawn with the CSS Custom
 * Highlight API, so the article's DOM is never changed (cleaning, the reveal and the export see the
 * page as it was). Click on one (a hit test of its ranges' boxes: the API has no events) or use the
 * toolbar's "下一条划线" to edit its note or remove it. Lazy: nothing is read, drawn or observed until
 * storage says this article has highlights or the reader selects text in it.
 */
import { browser } from 'wxt/browser';
import { articleIdentity } from '../page/identity';
import { shownTitle } from '../page/metadata';
import type { BackgroundRequest } from '../messages/types';
import { scriptVars } from '../page/script-vars';
import { followTheme } from '../ui/toolbar-theme';
import { trusted } from '../ui/trusted';
import type { Toolbar, ToolbarItemHandle } from '../ui/toolbar';
import { anchorRange, describeRange, textIndex } from './anchor';
import { identityOfAlias, LIMITS, loadHighlights, newHighlightId, saveHighlights, shortAlias, type Highlight } from './store';
import { HIGHLIGHT_NAMES, HIGHLIGHT_UI_CSS, PAGE_HIGHLIGHT_CSS, PAGE_STYLE_ID } from './style';
import { closedHost } from '../ui/closed-host';

export const UI_TAG = 'wac-highlight';

/** Both languages, as the issue names them (the page's other bilingual messages do the same). */
export const L = {
  highlight: '划线 / Highlight',
  note: '批注 / Note',
  save: '保存 / Save',
  remove: '删除划线 / Remove',
  close: '关闭 / Close',
  noteLabel: '批注 / Note on this passage',
  next: '下一条划线 / Next highlight',
  list: '所有划线 / All highlights',
  unplaced: (n: number) => `${n} 条划线未能定位 / ${n} highlights not found on the page`,
  full: `划线已达上限 / Too many highlights (${LIMITS.perArticle})`,
  tooLong: `选中的文字过长 / The selection is too long (${LIMITS.quoteChars})`,
  saveFailed: '划线未能保存 / The highlight was not saved',
} as const;

const content = (doc: Document) => doc.getElementById('js_content');
const hasHighlightApi = (win: Window & typeof globalThis) => typeof win.CSS !== 'undefined' && 'highlights' in win.CSS && typeof win.Highlight === 'function';

export interface HighlightLayer {
  /** The article's highlights (in storage order), for the export. */
  highlights(): Highlight[];
  /** Those that found no place on the page now. */
  unplaced(): Highlight[];
}

export function startHighlights(doc: Document, bar: Toolbar, pageUrl = doc.location?.href ?? ''): HighlightLayer {
  const win = doc.defaultView as Window & typeof globalThis;
  let id: string | null | undefined;
  let items: Highlight[] = [];
  const ranges = new Map<string, Range>();
  let active = false;
  let ui: ReturnType<typeof buildUi> | null = null;
  let nextItem: ToolbarItemHandle | null = null;
  let listItem: ToolbarItemHandle | null = null;
  let unplacedItem: ToolbarItemHandle | null = null;
  let cursor = -1;

  const identity = () => (id === undefined ? (id = articleIdentity(pageUrl, scriptVars(doc))) : id);
  // The article's title for the highlights page (the document's own is often just "微信公众平台").
  const title = () => shownTitle(doc) || doc.title;
  const about = () => ({ title: title(), url: pageUrl });

  /** Anchors every highlight in the content as it is now and draws them. */
  const draw = () => {
    const root = content(doc);
    ranges.clear();
    if (root && items.length) {
      const index = textIndex(root);
      for (const h of items) {
        const r = anchorRange(root, h, index);
        if (r) ranges.set(h.id, r);
      }
    }
    if (hasHighlightApi(win)) {
      const plain = new win.Highlight();
      const noted = new win.Highlight();
      for (const h of items) {
        const r = ranges.get(h.id);
        if (r) (h.note ? noted : plain).add(r);
      }
      win.CSS.highlights.set(HIGHLIGHT_NAMES.plain, plain);
      win.CSS.highlights.set(HIGHLIGHT_NAMES.noted, noted);
    }
    const missing = items.length - ranges.size;
    doc.documentElement.dataset.wacHighlights = `${ranges.size}/${items.length}`;
    if (items.length && !nextItem) nextItem = bar.addItem({ id: 'highlight-next', label: L.next, onSelect: () => openNext() });
    nextItem?.setHidden(!ranges.size);
    // The list of every article's highlights (the extension's page, opened by the background).
    if (items.length && !listItem) listItem = bar.addItem({ id: 'highlight-list', label: L.list, onSelect: () => void browser.runtime.sendMessage({ type: 'open-highlights' } satisfies BackgroundRequest) });
    if (missing && !unplacedItem) unplacedItem = bar.addItem({ id: 'highlight-unplaced', label: L.unplaced(missing), onSelect: () => listUnplaced() });
    unplacedItem?.setLabel(L.unplaced(missing));
    unplacedItem?.setHidden(!missing);
  };

  /** From here on the layer works: the page's ::highlight rules, and a redraw when WeChat re-renders the content. */
  const activate = () => {
    if (active) return;
    active = true;
    if (!doc.getElementById(PAGE_STYLE_ID)) {
      const style = doc.createElement('style');
      style.id = PAGE_STYLE_ID;
      style.textContent = PAGE_HIGHLIGHT_CSS;
      (doc.head ?? doc.documentElement).appendChild(style);
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    const observer = new MutationObserver((records) => {
      if (records.every((r) => r.target instanceof Element && r.target.closest(UI_TAG))) return;
      clearTimeout(timer);
      timer = setTimeout(draw, 150);
    });
    if (doc.body) observer.observe(doc.body, { childList: true, subtree: true, characterData: true });
  };

  const persist = async () => {
    const key = identity();
    if (!key) return;
    try {
      await saveHighlights(key, items, about());
    } catch {
      bar.setStatus(L.saveFailed, 'error');
    }
  };

  /** The selection, when it is inside the article's content and not empty. */
  const selectedRange = (): Range | null => {
    const sel = win.getSelection();
    const root = content(doc);
    if (!sel || sel.isCollapsed || !sel.rangeCount || !root) return null;
    const r = sel.getRangeAt(0);
    return root.contains(r.commonAncestorContainer) ? r : null;
  };

  const add = (withNote: boolean) => {
    const range = selectedRange();
    const root = content(doc);
    if (!range || !root || !identity()) return;
    if (items.length >= LIMITS.perArticle) return bar.setStatus(L.full, 'error');
    const anchor = describeRange(root, range);
    if (!anchor) return;
    if (anchor.exact.length > LIMITS.quoteChars) return bar.setStatus(L.tooLong, 'error');
    const h: Highlight = { ...anchor, id: newHighlightId(), note: '', created: Date.now() };
    items.push(h);
    activate();
    draw();
    win.getSelection()?.removeAllRanges();
    void persist();
    if (withNote) openEditor(h);
    else ui?.hide();
  };

  const remove = (h: Highlight) => {
    items = items.filter((x) => x !== h);
    draw();
    void persist();
  };

  const openEditor = (h: Highlight, focus = true) => {
    ui ??= buildUi(doc);
    const r = ranges.get(h.id);
    ui.edit(h, r?.getBoundingClientRect() ?? null, focus, {
      save: (note) => {
        h.note = note.slice(0, LIMITS.noteChars);
        draw();
        void persist();
      },
      remove: () => remove(h),
    });
  };

  const openNext = () => {
    const placed = items.filter((h) => ranges.has(h.id));
    if (!placed.length) return;
    cursor = (cursor + 1) % placed.length;
    const h = placed[cursor]!;
    ranges.get(h.id)?.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    openEditor(h);
  };

  const listUnplaced = () => {
    const lost = items.filter((h) => !ranges.has(h.id));
    const short = (s: string) => (s.length > 40 ? `${s.slice(0, 40)}…` : s);
    bar.setStatus(`${L.unplaced(lost.length)}: ${lost.map((h) => `“${short(h.exact)}”`).join('; ')}`, 'info');
  };

  /** Which highlight is under the point: a hit test of each range's boxes. */
  const hit = (x: number, y: number): Highlight | null => {
    for (const h of items) {
      const r = ranges.get(h.id);
      if (!r) continue;
      for (const box of Array.from(r.getClientRects())) if (x >= box.left && x <= box.right && y >= box.top && y <= box.bottom) return h;
    }
    return null;
  };

  const offerForSelection = (focus: boolean) => {
    const range = selectedRange();
    if (!range) return void ui?.hideOffer();
    ui ??= buildUi(doc);
    ui.offer(range.getBoundingClientRect(), focus, { highlight: () => add(false), note: () => add(true) });
  };

  const inOurUi = (e: Event) => e.composedPath().some((n) => n instanceof Element && n.localName === UI_TAG);

  doc.addEventListener(
    'mouseup',
    trusted((e: MouseEvent) => {
      if (inOurUi(e)) return;
      // After the click has settled the selection.
      setTimeout(() => {
        if (selectedRange()) return offerForSelection(false);
        ui?.hideOffer();
        const h = items.length ? hit(e.clientX, e.clientY) : null;
        if (h) openEditor(h, false);
      }, 0);
    }),
  );
  doc.addEventListener(
    'keydown',
    trusted((e: KeyboardEvent) => {
      if (e.key === 'Escape') return void ui?.hide();
      if (!e.altKey || !e.shiftKey || e.ctrlKey || e.metaKey) return;
      const key = e.code === 'KeyH' ? 'h' : e.code === 'KeyN' ? 'n' : '';
      if (!key || !selectedRange()) return;
      e.preventDefault();
      add(key === 'n');
    }),
  );

  // The one look at storage: when this article has highlights, the layer starts. The identity from the
  // address when it names one (cheap); a short address's remembered one; the page's scripts only when neither can.
  // (An `sn/…` one is not used: the scripts may name __biz/mid/idx, which come first.)
  const whole = articleIdentity(pageUrl);
  const fromUrl = whole && !whole.startsWith('sn/') ? whole : null;
  const alias = fromUrl ? null : shortAlias(pageUrl);
  // A short address not seen before still reads the scripts (at idle): its highlights may have been made
  // under the full address, or kept from another copy of the article.
  const known: Promise<string | null> = fromUrl ? Promise.resolve(fromUrl) : alias ? identityOfAlias(alias).then((id) => id ?? identity()) : Promise.resolve(identity());
  void known.then(async (key) => {
    const stored = await loadHighlights(key);
    if (!stored.length) return;
    items = [...stored, ...items.filter((h) => !stored.some((s) => s.id === h.id))];
    activate();
    draw();
  });

  return { highlights: () => [...items], unplaced: () => items.filter((h) => !ranges.has(h.id)) };
}

interface OfferActions {
  highlight(): void;
  note(): void;
}
interface EditActions {
  save(note: string): void;
  remove(): void;
}

/** The floating control and the note editor, in a closed shadow root of their own. */
function buildUi(doc: Document) {
  const { host, shadow } = closedHost(doc, UI_TAG, HIGHLIGHT_UI_CSS);
  const root = doc.createElement('div');
  root.className = 'wac-hl';
  root.hidden = true;
  shadow.append(root);
  (doc.body ?? doc.documentElement).appendChild(host);
  followTheme(doc, (theme) => void (root.dataset.theme = theme));

  const button = (label: string, cls: string, act: () => void) => {
    const b = doc.createElement('button');
    b.type = 'button';
    b.className = cls;
    b.textContent = label;
    b.addEventListener('click', trusted(act));
    return b;
  };
  /** Below the passage (above it when there is no room), inside the window. */
  const placeAt = (rect: DOMRect | null) => {
    const view = doc.documentElement;
    root.hidden = false;
    const box = root.getBoundingClientRect();
    const r = rect ?? new DOMRect(view.clientWidth / 2, view.clientHeight / 3, 0, 0);
    const below = r.bottom + 8;
    const top = below + box.height < view.clientHeight ? below : Math.max(8, r.top - box.height - 8);
    const left = Math.min(Math.max(8, r.left), Math.max(8, view.clientWidth - box.width - 8));
    root.style.top = `${top}px`;
    root.style.left = `${left}px`;
  };
  const hide = () => {
    root.hidden = true;
    root.replaceChildren();
    delete root.dataset.mode;
  };
  root.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      hide();
    }
  });

  return {
    offer(rect: DOMRect, focus: boolean, act: OfferActions) {
      const first = button(L.highlight, 'wac-hl-do', act.highlight);
      root.replaceChildren(first, button(L.note, 'wac-hl-note', act.note));
      root.dataset.mode = 'offer';
      root.setAttribute('role', 'toolbar');
      root.setAttribute('aria-label', L.highlight);
      placeAt(rect);
      if (focus) first.focus();
    },
    edit(h: Highlight, rect: DOMRect | null, focus: boolean, act: EditActions) {
      const label = doc.createElement('label');
      label.className = 'wac-hl-label';
      label.textContent = L.noteLabel;
      const area = doc.createElement('textarea');
      area.value = h.note;
      area.maxLength = LIMITS.noteChars;
      area.rows = 3;
      label.appendChild(area);
      const quote = doc.createElement('blockquote');
      quote.textContent = h.exact.length > 80 ? `${h.exact.slice(0, 80)}…` : h.exact;
      const row = doc.createElement('div');
      row.className = 'wac-hl-row';
      row.append(
        button(L.save, 'wac-hl-save', () => {
          act.save(area.value);
          hide();
        }),
        button(L.remove, 'wac-hl-remove', () => {
          act.remove();
          hide();
        }),
        button(L.close, 'wac-hl-close', hide),
      );
      root.replaceChildren(quote, label, row);
      root.dataset.mode = 'edit';
      root.setAttribute('role', 'dialog');
      root.setAttribute('aria-label', L.note);
      placeAt(rect);
      if (focus) area.focus();
    },
    hideOffer() {
      if (root.dataset.mode === 'offer') hide();
    },
    hide,
  };
}

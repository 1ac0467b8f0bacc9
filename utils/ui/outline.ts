/**
 * The outline of a long article, offered from the toolbar: its section titles, found by the same
 * detection as the export (sectionTitles) run on the live #js_content. A click scrolls to the
 * section; the section being read is marked as the reader scrolls (a passive scroll listener, at most
 * once a frame, only while the outline is open). Buttons in a list: reachable and usable by keyboard; Escape closes.
 */
import { sectionTitles, type SectionTitle } from '../page/headings';
import type { Toolbar } from './toolbar';
import { t } from './i18n';
import { trusted } from './trusted';
import { EDGE_GAP, MIN_GAP } from './toolbar-place';

/** Fewer sections than this and an outline says nothing the page does not. */
export const MIN_SECTIONS = 3;

/** The open panel's least width; a margin narrower than this is widened for it (see reserveRoom). */
export const OUTLINE_WIDTH = 240;

// Opaque and in the toolbar's colours (its variables, set for light and dark on the toolbar's root).
const OUTLINE_CSS = `
.wac-outline { box-sizing: border-box; width: min(320px, max(${OUTLINE_WIDTH}px, var(--wac-room, ${OUTLINE_WIDTH}px)));
  max-height: min(60vh, 420px); overflow: auto; padding: 4px 0; background: var(--bg, #fff); color: var(--fg, #222);
  border: 1px solid var(--line, #d9d9d9); border-radius: 10px; box-shadow: var(--shadow, none); }
.wac-outline[hidden] { display: none; }
.wac-outline ol { list-style: none; margin: 0; padding: 0; }
.wac-outline button { display: block; width: 100%; border: 0; border-left: 3px solid transparent; border-radius: 0; background: none;
  color: inherit; padding: 3px 8px; text-align: left; font: inherit; font-size: 12px; cursor: pointer; }
.wac-outline button:hover, .wac-outline button:focus-visible { background: var(--hover, #eefaf3); color: var(--accent-fg, #06ad56); }
.wac-outline button[aria-current="location"] { border-left-color: var(--accent, #07c160); color: var(--accent-fg, #06ad56); font-weight: 600; }
.wac-outline li[data-level="3"] button { padding-left: 18px; }
.wac-outline li[data-level="4"] button, .wac-outline li[data-level="5"] button, .wac-outline li[data-level="6"] button { padding-left: 28px; }
`;

const visible = (el: Element) => !(el as HTMLElement).checkVisibility || (el as HTMLElement).checkVisibility({ checkVisibilityCSS: true });

/** Adds the outline to the toolbar when the article has enough sections; returns whether it did. */
export function startOutline(toolbar: Toolbar, doc: Document = document): boolean {
  const root = doc.querySelector('#js_content');
  if (!root) return false;
  const titles = sectionTitles(root);
  if (titles.length < MIN_SECTIONS) return false;

  const panel = doc.createElement('nav');
  panel.className = 'wac-outline';
  panel.id = 'wac-outline';
  panel.hidden = true;
  panel.setAttribute('aria-label', t('outlinePanel'));
  const style = doc.createElement('style');
  style.textContent = OUTLINE_CSS;
  const list = doc.createElement('ol');
  panel.append(style, list);
  toolbar.panelHost.appendChild(panel);

  let shown: { title: SectionTitle; button: HTMLButtonElement }[] = [];
  const mark = (current: Element | null) => {
    for (const s of shown) {
      if (s.title.el === current) s.button.setAttribute('aria-current', 'location');
      else s.button.removeAttribute('aria-current');
    }
  };
  // The current section: the last title above the upper third of the window (the last one once
  // the page is read to its end). Recomputed at most once a frame while scrolling, over the titles.
  const win = doc.defaultView!;
  const update = () => {
    const line = win.innerHeight / 3;
    let current: Element | null = shown[0]?.title.el ?? null;
    for (const s of shown) if (s.title.el.getBoundingClientRect().top <= line) current = s.title.el;
    if (win.scrollY + win.innerHeight >= doc.documentElement.scrollHeight - 2) current = shown.at(-1)?.title.el ?? current;
    mark(current);
  };
  let queued = false;
  const onScroll = () => {
    if (queued) return;
    queued = true;
    win.requestAnimationFrame(() => {
      queued = false;
      update();
    });
  };

  const render = () => {
    // Built when opened: titles inside promotion the cleaner hides are left out.
    shown = titles.filter((ti) => visible(ti.el)).map((title) => {
      const button = doc.createElement('button');
      button.type = 'button';
      button.textContent = title.text;
      button.addEventListener(
        'click',
        trusted(() => {
          title.el.scrollIntoView({ behavior: 'smooth', block: 'start' });
          mark(title.el);
        }),
      );
      return { title, button };
    });
    list.replaceChildren(
      ...shown.map(({ title, button }) => {
        const li = doc.createElement('li');
        li.dataset.level = String(title.level);
        li.appendChild(button);
        return li;
      }),
    );
    win.addEventListener('scroll', onScroll, { passive: true });
    update();
  };

  toolbar.addItem({ id: 'outline', label: t('outlineShow'), onSelect: () => (panel.hidden ? open() : close()) });
  // The toolbar's own control for the item: it says whether the outline is open.
  const control = () => (toolbar.panelHost.getRootNode() as ParentNode).querySelector<HTMLButtonElement>('button[data-item="outline"]');
  // A margin too narrow for the panel is widened while it is open (the page's text moves left, and
  // the panel never lies over it); the page's own padding comes back when it closes.
  const html = doc.documentElement;
  let reserved: { value: string; priority: string } | null = null;
  const reserveRoom = () => {
    const p = toolbar.place();
    if (p.free - p.right - MIN_GAP >= OUTLINE_WIDTH) return;
    reserved = { value: html.style.getPropertyValue('padding-right'), priority: html.style.getPropertyPriority('padding-right') };
    html.style.setProperty('padding-right', `${OUTLINE_WIDTH + EDGE_GAP + MIN_GAP}px`, 'important');
    toolbar.place();
  };
  const giveRoomBack = () => {
    if (!reserved) return;
    if (reserved.value) html.style.setProperty('padding-right', reserved.value, reserved.priority);
    else html.style.removeProperty('padding-right');
    reserved = null;
    toolbar.place();
  };
  const open = () => {
    render();
    reserveRoom();
    panel.hidden = false;
    control()?.setAttribute('aria-expanded', 'true');
    (shown.find((s) => s.button.hasAttribute('aria-current')) ?? shown[0])?.button.focus();
  };
  const close = () => {
    panel.hidden = true;
    giveRoomBack();
    win.removeEventListener('scroll', onScroll);
    control()?.setAttribute('aria-expanded', 'false');
  };
  panel.addEventListener(
    'keydown',
    trusted((e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        close();
        // Back to where the outline was opened: its item, or, when the item sits in the closed menu, the menu's button.
        const item = control();
        const root = toolbar.panelHost.getRootNode() as ParentNode;
        if (item && item.checkVisibility?.() !== false && item.offsetParent !== null) item.focus();
        else root.querySelector<HTMLButtonElement>('button[aria-haspopup="menu"]')?.focus();
      } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        const at = shown.findIndex((s) => s.button === (panel.getRootNode() as Document | ShadowRoot).activeElement);
        shown[Math.max(0, Math.min(shown.length - 1, at + (e.key === 'ArrowDown' ? 1 : -1)))]?.button.focus();
        e.preventDefault();
      }
    }),
  );
  control()?.setAttribute('aria-controls', panel.id);
  control()?.setAttribute('aria-expanded', 'false');
  return true;
}

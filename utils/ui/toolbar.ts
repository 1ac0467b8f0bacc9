import type { ExportAction } from '../messages/types';
import { copyText } from '../deliver/clipboard';
import { buildFeedback, DEFAULT_FEEDBACK_TIMES, type FeedbackAction, type FeedbackTimes } from './toolbar-feedback';
import { buildMenu, setItemLabel } from './toolbar-menu';
import { articleColumn, MIN_GAP, placeControl, type Placement } from './toolbar-place';
import { followTheme } from './toolbar-theme';
import { trusted } from './trusted';
import { closedHost } from './closed-host';

export { TOOLBAR_CSS } from './toolbar-style';

/**
 * The in-page toolbar, inside a closed shadow root: one small control at the window's edge, in the
 * margin beside the article (a thin tab when there is none): "Download Markdown", one click, and
 * "More", a menu with the other actions and every feature's items; messages appear beside it.
 */

export interface ToolbarLabels {
  'download-md': string;
  'copy-md': string;
  'download-zip': string;
  title: string;
  more: string;
  dismiss: string;
  copyMessage: string;
  copied: string;
}

/** An action a feature adds to the toolbar (the outline, the reveal, "Export album", …). */
export interface ToolbarItem {
  /** Stable, for tests and styles: becomes data-item on the control. */
  id: string;
  label: string;
  onSelect: () => void;
  /**
   * The action takes the keyboard for a while (the picker): the menu closes without giving focus back
   * to "More"; the feature calls Toolbar.returnFocus() when it is done.
   */
  keepsFocus?: boolean;
  /** The reader points at the item or focuses it (true), and stops (false): to show what it acts on. */
  onPoint?: (pointing: boolean) => void;
}

export interface ToolbarItemHandle {
  setLabel(text: string): void;
  setHidden(hidden: boolean): void;
  remove(): void;
}

/** One number of a badge: `kind` picks its marker (toolbar-style.ts: promotion, decoration). */
export interface BadgePart {
  kind: string;
  n: number;
}

export interface ToolbarBadgeHandle {
  /** The numbers (those above 0 are shown; none: the badge is hidden), the name that says them in words, and whether what it toggles is on. */
  set(parts: readonly BadgePart[], name: string, pressed: boolean): void;
}

export interface Toolbar {
  /** A message beside the control: 'info' stays while current, 'ok' fades, 'error' stays until dismissed. */
  setStatus(text: string, kind?: 'ok' | 'error' | 'info', action?: FeedbackAction): void;
  setBusy(busy: boolean): void;
  /** Adds a feature's action to the "More" menu, after the export actions. */
  addItem(item: ToolbarItem): ToolbarItemHandle;
  /**
   * Where a feature puts a panel of its own (an outline, a hint), inside the toolbar's shadow root, above
   * the control. The CSS variable --wac-room (inherited) is the width left beside the text, for a panel
   * that wants to stay off it.
   */
  panelHost: HTMLElement;
  /**
   * A count on the closed control, between "Download Markdown" and "More": a button (what was hidden;
   * a click shows it). Its name, in words, is its aria-label and title.
   */
  addBadge(id: string, onSelect: () => void): ToolbarBadgeHandle;
  /** Places the toolbar again (it does so itself on resize and when the article's column changes). */
  place(): Placement;
  /** Focus back on "More" (after an item that kept the focus, see ToolbarItem.keepsFocus). */
  returnFocus(): void;
  /**
   * The page's own main action instead of "Download Markdown" (an album page: "Export album"); the
   * article's export items leave the menu.
   */
  setPrimary(label: string, run: () => void, glyph?: string): void;
  /** Nothing here can be exported (a deleted page): the reason is said at once, the main action dimmed. */
  noExport(reason: string): void;
}

export interface ToolbarOptions {
  /** How long messages stay; tests pass short ones. */
  feedback?: FeedbackTimes;
  /** Copies a failure's text (the copy button). */
  copy?: (text: string) => Promise<void>;
  /**
   * The shadow root's host: "Download Markdown" goes in its light DOM, slotted into the control, so
   * the reader's tools (and the page's) find it by role while the rest stays in the closed root.
   */
  host?: HTMLElement;
}

export function buildToolbar(
  container: HTMLElement,
  labels: ToolbarLabels,
  onAction: (a: ExportAction) => void,
  options: ToolbarOptions = {},
): Toolbar {
  const doc = container.ownerDocument;
  const root = doc.createElement('div');
  root.className = 'wac-root';
  const times = options.feedback ?? DEFAULT_FEEDBACK_TIMES;
  root.style.setProperty('--fade', `${times.fadeMs}ms`);

  const control = doc.createElement('div');
  control.className = 'wac-control';
  control.setAttribute('role', 'group');
  control.setAttribute('aria-label', labels.title);
  const { button: primary, mark } = primaryButton(doc, labels['download-md']);
  let primaryRun = () => onAction('download-md');
  primary.addEventListener('click', trusted(() => primaryRun()));
  const slot = doc.createElement('slot');
  slot.name = PRIMARY_SLOT;
  if (options.host) options.host.appendChild(primary);

  const menu = buildMenu(doc, labels.more, icon(doc, MORE_DOTS), root);
  control.append(options.host ? slot : primary, menu.button);
  const exportItems = [primary];
  const articleItems: HTMLButtonElement[] = [];
  for (const action of ['copy-md', 'download-zip'] as const) {
    const b = menu.add(labels[action], () => onAction(action));
    b.dataset.action = action;
    exportItems.push(b);
    articleItems.push(b);
  }
  // "More" only while its menu has something to offer (an album page with no batch running has nothing).
  const syncMore = () => {
    menu.button.hidden = !menu.element.querySelector('[role="menuitem"]:not([hidden])');
    if (menu.button.hidden) menu.close();
  };

  const feedback = buildFeedback(doc, labels, options.copy ?? ((text) => copyText(doc, text)), times);
  const panelHost = doc.createElement('div');
  panelHost.className = 'wac-panels';
  // column-reverse: the control at the bottom, the menu above it, then messages, then panels.
  root.append(control, menu.element, feedback.element, panelHost);
  container.appendChild(root);

  const place = (): Placement => {
    const found = articleColumn(doc);
    const placement = placeControl(doc.documentElement.clientWidth, found?.column ?? null);
    root.dataset.mode = placement.mode;
    root.style.right = placement.mode === 'dock' ? `${placement.right}px` : '';
    // The width beside the text left for messages and panels (they take more only when there is none).
    root.style.setProperty('--wac-room', `${Math.max(0, placement.free - placement.right - MIN_GAP)}px`);
    return placement;
  };
  menu.onToggle = () => void place();
  syncMore();
  place();
  const view = doc.defaultView;
  view?.addEventListener('resize', () => void place());
  // WeChat's style sheet (or a zoom) can change the column after we are shown.
  if (view && 'ResizeObserver' in view) {
    const observer = new view.ResizeObserver(() => void place());
    observer.observe(doc.documentElement);
    const col = articleColumn(doc)?.element;
    if (col) observer.observe(col);
  }
  followTheme(doc, (theme) => void (root.dataset.theme = theme));

  return {
    setStatus(text, kind = 'info', action) {
      feedback.show(text, kind, action);
    },
    setBusy(busy) {
      for (const b of exportItems) b.disabled = busy;
      root.dataset.busy = String(busy);
      control.setAttribute('aria-busy', String(busy));
    },
    addItem(item) {
      const b = menu.add(item.label, item.onSelect, item.keepsFocus);
      b.dataset.item = item.id;
      const point = item.onPoint;
      if (point) {
        for (const [type, on] of [['pointerenter', true], ['focus', true], ['pointerleave', false], ['blur', false], ['click', false]] as const) {
          b.addEventListener(type, trusted(() => point(on)));
        }
      }
      const changed = () => {
        syncMore();
        if (menu.isOpen()) place();
      };
      changed();
      return {
        setLabel: (text) => {
          setItemLabel(b, text);
          changed();
        },
        setHidden: (hidden) => {
          b.hidden = hidden;
          changed();
        },
        remove: () => {
          b.remove();
          changed();
        },
      };
    },
    addBadge(id, onSelect) {
      const b = doc.createElement('button');
      b.type = 'button';
      b.className = 'wac-count';
      b.dataset.item = id;
      b.hidden = true;
      b.addEventListener('click', trusted(() => onSelect()));
      control.insertBefore(b, menu.button);
      return {
        set(parts, name, pressed) {
          const shown = parts.filter((p) => p.n > 0);
          b.hidden = shown.length === 0;
          b.replaceChildren(
            ...shown.map((p) => {
              const part = doc.createElement('span');
              part.className = 'wac-count-part';
              part.dataset.kind = p.kind;
              part.setAttribute('aria-hidden', 'true');
              part.textContent = String(p.n);
              return part;
            }),
          );
          b.title = name;
          b.setAttribute('aria-label', name);
          b.setAttribute('aria-pressed', String(pressed));
        },
      };
    },
    panelHost,
    place,
    returnFocus: () => (menu.button.hidden ? primary : menu.button).focus(),
    setPrimary(label, run, glyph) {
      primaryRun = run;
      if (glyph) mark.querySelector('path')?.setAttribute('d', glyph);
      primary.dataset.action = 'page';
      primary.title = label;
      primary.setAttribute('aria-label', label);
      for (const b of articleItems) b.hidden = true;
      syncMore();
    },
    noExport(reason) {
      // Said as a failure: it stays until dismissed, and can be copied like one.
      primaryRun = () => feedback.show(reason, 'error');
      // Dimmed, not disabled: a click (or a tool that clicks it by its name) gets the reason again, and
      // its title (the accessible description) says it.
      primary.dataset.unavailable = 'true';
      primary.title = reason;
      root.dataset.export = 'none';
      for (const b of articleItems) b.hidden = true;
      syncMore();
      feedback.show(reason, 'error');
    },
  };
}

/** The Markdown mark (M and a down arrow): says both "Markdown" and "download". */
const MARKDOWN_MARK =
  'M2 5.5A1.5 1.5 0 0 1 3.5 4h17A1.5 1.5 0 0 1 22 5.5v13a1.5 1.5 0 0 1-1.5 1.5h-17A1.5 1.5 0 0 1 2 18.5v-13Zm1.6.1v12.8h16.8V5.6H3.6ZM5 16V8h2.2l2.3 3 2.3-3H14v8h-2.2v-4.6l-2.3 3-2.3-3V16H5Zm11.6-8h2.2v4h2l-3.1 4-3.1-4h2V8Z';
/** An album: a stack of pages, the front one with a down arrow (its export). */
export const ALBUM_MARK =
  'M6 3h12a2 2 0 0 1 2 2v1H4V5a2 2 0 0 1 2-2Zm-3 5h18a1 1 0 0 1 1 1v11a1 1 0 0 1-1 1H3a1 1 0 0 1-1-1V9a1 1 0 0 1 1-1Zm.6 1.6v9.8h16.8V9.6H3.6ZM11 11h2v3.5h2.2L12 18l-3.2-3.5H11V11Z';
const MORE_DOTS = 'M5 10a2 2 0 1 1 0 4 2 2 0 0 1 0-4Zm7 0a2 2 0 1 1 0 4 2 2 0 0 1 0-4Zm7 0a2 2 0 1 1 0 4 2 2 0 0 1 0-4Z';

const PRIMARY_SLOT = 'primary';

/**
 * Its icon and that icon's style sit in a closed root of its own: the page's CSS reaches neither. The
 * colour is inherited after `all: initial` (which made it black): the icon is drawn in currentColor.
 */
const PRIMARY_ICON_CSS = `
:host { all: initial !important; display: contents !important; color: inherit !important; }
svg { display: block; width: var(--wac-icon, 22px); height: var(--wac-icon, 22px); fill: currentColor;
  animation: wac-pulse 1s ease-in-out infinite alternate; animation-play-state: var(--wac-pulse, paused); }
@keyframes wac-pulse { from { opacity: 1; } to { opacity: .35; } }
`;

/** "Download Markdown": a light-DOM button (see ToolbarOptions.host) named by aria-label. */
function primaryButton(doc: Document, label: string): { button: HTMLButtonElement; mark: SVGElement } {
  const b = doc.createElement('button');
  b.type = 'button';
  b.className = 'wac-primary';
  b.slot = PRIMARY_SLOT;
  b.dataset.action = 'download-md';
  b.title = label;
  b.setAttribute('aria-label', label);
  const { host: holder, shadow: inner } = closedHost(doc, 'span', PRIMARY_ICON_CSS);
  const mark = icon(doc, MARKDOWN_MARK);
  inner.append(mark);
  b.appendChild(holder);
  return { button: b, mark };
}

function icon(doc: Document, path: string): SVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = doc.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const p = doc.createElementNS(ns, 'path');
  p.setAttribute('d', path);
  p.setAttribute('fill-rule', 'evenodd');
  svg.appendChild(p);
  return svg;
}

/**
 * The toolbar's "More" menu (the ARIA menu button pattern): Enter or a click opens it with focus on
 * the first item, arrow keys, Home and End move, Tab moves through the items too, Esc closes it and
 * focus goes back to the button, a click outside or focus leaving closes it.
 */
import { trusted } from './trusted';

export interface Menu {
  button: HTMLButtonElement;
  element: HTMLElement;
  /** Adds a menu item (a <button role="menuitem">) at the end; `keepsFocus`: closing for it leaves focus where it goes. */
  add(label: string, onSelect: () => void, keepsFocus?: boolean): HTMLButtonElement;

  isOpen(): boolean;
  open(focus?: 'first' | 'last'): void;
  close(returnFocus?: boolean): void;
  /** Called after the menu opened (to place it) and after it closed. */
  onToggle: (open: boolean) => void;
}

let menuCount = 0;

export function buildMenu(doc: Document, name: string, glyph: SVGElement, within: HTMLElement): Menu {
  const id = `wac-menu-${++menuCount}`;
  const button = doc.createElement('button');
  button.type = 'button';
  button.className = 'wac-more';
  button.title = name;
  button.setAttribute('aria-haspopup', 'menu');
  button.setAttribute('aria-expanded', 'false');
  button.setAttribute('aria-controls', id);
  button.append(glyph, visuallyHidden(doc, name));

  const element = doc.createElement('div');
  element.className = 'wac-menu';
  element.id = id;
  element.setAttribute('role', 'menu');
  element.setAttribute('aria-label', name);
  element.hidden = true;

  const items = () => Array.from(element.querySelectorAll<HTMLButtonElement>('[role="menuitem"]')).filter((b) => !b.hidden && !b.disabled);
  const focusItem = (i: number) => {
    const list = items();
    if (list.length) list[(i + list.length) % list.length]!.focus();
  };

  const menu: Menu = {
    button,
    element,
    onToggle: () => {},
    isOpen: () => !element.hidden,
    open(focus = 'first') {
      if (menu.isOpen()) return;
      element.hidden = false;
      button.setAttribute('aria-expanded', 'true');
      menu.onToggle(true);
      focusItem(focus === 'first' ? 0 : -1);
    },
    close(returnFocus = false) {
      if (!menu.isOpen()) return;
      element.hidden = true;
      button.setAttribute('aria-expanded', 'false');
      menu.onToggle(false);
      if (returnFocus) button.focus();
    },
    add(label, onSelect, keepsFocus = false) {
      const b = doc.createElement('button');
      b.type = 'button';
      b.className = 'wac-menuitem';
      b.setAttribute('role', 'menuitem');
      setItemLabel(b, label);
      b.addEventListener(
        'click',
        trusted(() => {
          // Focus off the item before it is hidden, so it goes nowhere in the toolbar (keys go to the page).
          if (keepsFocus) b.blur();
          menu.close(!keepsFocus);
          onSelect();
        }),
      );
      element.appendChild(b);
      return b;
    },
  };

  button.addEventListener('click', trusted(() => (menu.isOpen() ? menu.close() : menu.open())));
  button.addEventListener(
    'keydown',
    trusted((e: KeyboardEvent) => {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        menu.open(e.key === 'ArrowDown' ? 'first' : 'last');
      }
    }),
  );
  element.addEventListener(
    'keydown',
    trusted((e: KeyboardEvent) => {
      const list = items();
      const at = list.indexOf(e.composedPath()[0] as HTMLButtonElement);
      const moves: Record<string, number> = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: -1 };
      if (e.key in moves) {
        e.preventDefault();
        focusItem(moves[e.key]!);
      }
    }),
  );
  // The toolbar's shadow host (its slotted button is part of the toolbar too), or `within` outside a shadow root.
  const hostOf = (): Element => {
    const root = within.getRootNode();
    return root instanceof ShadowRoot ? root.host : within;
  };
  const inside = (node: Node) => within.contains(node) || hostOf().contains(node);
  // Esc anywhere in the toolbar (an item, the button, the other control) closes an open menu.
  within.addEventListener(
    'keydown',
    trusted((e: KeyboardEvent) => {
      if (e.key === 'Escape' && menu.isOpen()) {
        e.preventDefault();
        menu.close(true);
      }
    }),
  );
  // Focus or a click going anywhere outside the toolbar closes the menu.
  within.addEventListener('focusout', (e) => {
    const next = e.relatedTarget as Node | null;
    if (next && !inside(next)) menu.close();
  });
  doc.addEventListener(
    'pointerdown',
    trusted((e) => {
      // Seen from the document, a path through a closed shadow root stops at its host.
      if (!e.composedPath().includes(hostOf())) menu.close();
    }),
  );
  return menu;
}

/** Text for screen readers (and the accessible name) that takes no room on screen. */
export function visuallyHidden(doc: Document, text: string): HTMLSpanElement {
  const s = doc.createElement('span');
  s.className = 'wac-sr';
  s.textContent = text;
  return s;
}

/** Longer labels (an album's name) are shortened in the menu, whole in the item's title and name. */
export const MAX_LABEL = 40;

export function setItemLabel(b: HTMLButtonElement, label: string): void {
  const chars = Array.from(label);
  const short = chars.length > MAX_LABEL;
  b.textContent = short ? `${chars.slice(0, MAX_LABEL - 1).join('')}…` : label;
  if (short) {
    b.title = label;
    b.setAttribute('aria-label', label);
  } else {
    b.removeAttribute('title');
    b.removeAttribute('aria-label');
  }
}

import type { ExportAction } from '../messages/types';

/** The in-page toolbar: three buttons and a status line, inside an open shadow root. */

export const TOOLBAR_CSS = `
:host { all: initial; }
.wac-bar { position: fixed; right: 16px; bottom: 16px; z-index: 2147483646; display: flex; flex-direction: column;
  gap: 6px; align-items: stretch; font: 13px/1.4 system-ui, -apple-system, "PingFang SC", "Microsoft YaHei", sans-serif;
  background: rgba(255,255,255,.96); border: 1px solid #d9d9d9; border-radius: 10px; padding: 8px; box-shadow: 0 2px 10px rgba(0,0,0,.12);
  max-width: 240px; color: #222; }
.wac-bar button { font: inherit; cursor: pointer; border: 1px solid #07c160; background: #fff; color: #06ad56; border-radius: 6px; padding: 5px 10px; text-align: left; }
.wac-bar button:hover { background: #07c160; color: #fff; }
.wac-bar button:disabled { opacity: .5; cursor: progress; }
.wac-items, .wac-panels { display: contents; }
.wac-status { font-size: 12px; color: #555; white-space: pre-wrap; word-break: break-word; max-height: 160px; overflow: auto; }
.wac-status:empty { display: none; }
.wac-status.error { color: #c0392b; }
.wac-status.ok { color: #06ad56; }
`;

export interface ToolbarLabels {
  'download-md': string;
  'copy-md': string;
  'download-zip': string;
  title: string;
}

/** An action a feature adds to the toolbar (the outline, the reveal, "Export album", …). */
export interface ToolbarItem {
  /** Stable, for tests and styles: becomes data-item on the control. */
  id: string;
  label: string;
  onSelect: () => void;
}

export interface ToolbarItemHandle {
  setLabel(text: string): void;
  setHidden(hidden: boolean): void;
  remove(): void;
}

export interface Toolbar {
  setStatus(text: string, kind?: 'ok' | 'error' | 'info'): void;
  setBusy(busy: boolean): void;
  /** Adds a feature's action after the export actions. */
  addItem(item: ToolbarItem): ToolbarItemHandle;
  /** Where a feature puts a panel of its own (an outline, a hint), inside the toolbar's shadow root. */
  panelHost: HTMLElement;
}

export function buildToolbar(container: HTMLElement, labels: ToolbarLabels, onAction: (a: ExportAction) => void): Toolbar {
  const doc = container.ownerDocument;
  const bar = doc.createElement('div');
  bar.className = 'wac-bar';
  bar.setAttribute('role', 'toolbar');
  bar.setAttribute('aria-label', labels.title);
  const buttons: HTMLButtonElement[] = [];
  for (const action of ['download-md', 'copy-md', 'download-zip'] as const) {
    const b = doc.createElement('button');
    b.type = 'button';
    b.dataset.action = action;
    b.textContent = labels[action];
    b.addEventListener('click', () => onAction(action));
    buttons.push(b);
    bar.appendChild(b);
  }
  const items = doc.createElement('div');
  items.className = 'wac-items';
  bar.appendChild(items);
  const panelHost = doc.createElement('div');
  panelHost.className = 'wac-panels';
  bar.appendChild(panelHost);
  const status = doc.createElement('div');
  status.className = 'wac-status';
  status.setAttribute('role', 'status');
  status.setAttribute('aria-live', 'polite');
  bar.appendChild(status);
  container.appendChild(bar);
  return {
    setStatus(text, kind = 'info') {
      status.textContent = text;
      status.className = `wac-status ${kind}`;
    },
    setBusy(busy) {
      for (const b of buttons) b.disabled = busy;
    },
    addItem(item) {
      const b = doc.createElement('button');
      b.type = 'button';
      b.dataset.item = item.id;
      b.textContent = item.label;
      b.addEventListener('click', () => item.onSelect());
      items.appendChild(b);
      return {
        setLabel: (text) => void (b.textContent = text),
        setHidden: (hidden) => void (b.hidden = hidden),
        remove: () => b.remove(),
      };
    },
    panelHost,
  };
}

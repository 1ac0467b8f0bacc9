/**
 * Reading comfort on the article page: a style sheet of the reader's choice (settings/reading.ts), set
 * from the toolbar's "阅读设置 / Reading comfort" panel (inside the toolbar's closed root) and with
 * Alt+Shift+= / Alt+Shift+- (larger / smaller text; the browser's own zoom keys stay the browser's).
 * Kept in the settings, so every article opens with it. Only the reader's own input acts (trusted()).
 */
import { saveSettings } from '../settings/store';
import { isReadingOff, READING_FACES, READING_OFF, readingCss, stepReading, type ReadingFace, type ReadingStyle } from '../settings/reading';
import { t } from './i18n';
import type { Toolbar } from './toolbar';
import { trusted } from './trusted';

export const READING_STYLE_ID = 'wac-reading-style';

const PANEL_CSS = `
.wac-reading { box-sizing: border-box; width: 260px; padding: 8px 10px; background: var(--bg, #fff); color: var(--fg, #222);
  border: 1px solid var(--line, #d9d9d9); border-radius: 10px; box-shadow: var(--shadow, none); display: grid; gap: 6px; }
.wac-reading[hidden] { display: none; }
.wac-reading-row { display: grid; grid-template-columns: 1fr auto 4.5em auto; align-items: center; gap: 4px; }
.wac-reading-row output { text-align: center; font-variant-numeric: tabular-nums; color: var(--muted, #666); }
.wac-reading button { font: inherit; font-size: 12px; border: 1px solid var(--line, #d9d9d9); background: transparent; color: inherit;
  border-radius: 6px; padding: 2px 8px; cursor: pointer; }
.wac-reading button:hover { background: var(--hover, #eefaf3); }
.wac-reading button[aria-pressed="true"] { border-color: var(--accent, #07c160); color: var(--accent-fg, #06ad56); font-weight: 600; }
.wac-reading-faces { display: flex; gap: 4px; align-items: center; flex-wrap: wrap; }
.wac-reading-faces span { flex: 1; }
.wac-reading-hint { font-size: 11px; color: var(--muted, #666); margin: 0; }
`;

/** The rows the panel shows, as data: the setting each steps and how its value reads. */
const ROWS = [
  { key: 'size', label: 'readingSize', value: (r: ReadingStyle) => `${Math.round(r.size * 100)}%` },
  { key: 'lineHeight', label: 'readingLine', value: (r: ReadingStyle) => (r.lineHeight ? String(r.lineHeight) : t('readingAsPage')) },
  { key: 'width', label: 'readingWidth', value: (r: ReadingStyle) => (r.width ? `${r.width}px` : t('readingAsPage')) },
] as const;
const FACE_LABEL: Record<ReadingFace, string> = { page: 'readingAsPage', serif: 'readingSerif', sans: 'readingSans' };

export interface Reading {
  /** The reader's style (from the settings, or changed in another tab). */
  use(style: ReadingStyle): void;
  /** Adds the toolbar's item and panel (article pages only). */
  attach(bar: Toolbar): void;
}

export function startReading(doc: Document, save: (style: ReadingStyle) => Promise<unknown> = (reading) => saveSettings({ reading })): Reading {
  let style: ReadingStyle | null = null;
  let refresh = () => {};

  const apply = () => {
    let sheet = doc.getElementById(READING_STYLE_ID);
    // As the page: no style of ours at all.
    if (!style || isReadingOff(style)) return void sheet?.remove();
    if (!sheet) {
      sheet = doc.createElement('style');
      sheet.id = READING_STYLE_ID;
      (doc.head ?? doc.documentElement).appendChild(sheet);
    }
    sheet.textContent = readingCss(style);
  };
  const change = (next: ReadingStyle) => {
    style = next;
    apply();
    refresh();
    void save(next).catch(() => undefined);
  };

  // Larger / smaller text: Alt+Shift+= and Alt+Shift+- (by key position, whatever the layout types there).
  doc.addEventListener(
    'keydown',
    trusted((e: KeyboardEvent) => {
      if (!style || !e.altKey || !e.shiftKey || e.ctrlKey || e.metaKey) return;
      const by = e.code === 'Equal' || e.code === 'NumpadAdd' ? 1 : e.code === 'Minus' || e.code === 'NumpadSubtract' ? -1 : 0;
      if (!by || !doc.getElementById('js_content')) return;
      // Typing (a note, WeChat's comment box): the keys type what they type there (± on a Mac).
      const at = e.composedPath()[0];
      if (at instanceof HTMLElement && (at.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(at.tagName))) return;
      e.preventDefault();
      change(stepReading(style, 'size', by));
    }),
  );

  return {
    use(next) {
      style = next;
      apply();
      refresh();
    },
    attach(bar) {
      if (!doc.getElementById('js_content')) return;
      const panel = doc.createElement('div');
      panel.className = 'wac-reading';
      panel.id = 'wac-reading';
      panel.hidden = true;
      panel.setAttribute('role', 'group');
      panel.setAttribute('aria-label', t('readingItem'));
      const css = doc.createElement('style');
      css.textContent = PANEL_CSS;
      const button = (text: string, name: string, act: () => void) => {
        const b = doc.createElement('button');
        b.type = 'button';
        b.textContent = text;
        b.setAttribute('aria-label', name);
        b.addEventListener('click', trusted(act));
        return b;
      };
      const outputs = ROWS.map((row) => {
        const line = doc.createElement('div');
        line.className = 'wac-reading-row';
        line.dataset.row = row.key;
        const name = doc.createElement('span');
        name.textContent = t(row.label);
        const out = doc.createElement('output');
        line.append(
          name,
          button('−', `${t(row.label)}: ${t('readingSmaller')}`, () => style && change(stepReading(style, row.key, -1))),
          out,
          button('+', `${t(row.label)}: ${t('readingLarger')}`, () => style && change(stepReading(style, row.key, 1))),
        );
        panel.append(line);
        return { row, out };
      });
      const faces = doc.createElement('div');
      faces.className = 'wac-reading-faces';
      const faceName = doc.createElement('span');
      faceName.textContent = t('readingFace');
      const faceButtons = READING_FACES.map((face) => {
        const b = button(t(FACE_LABEL[face]), `${t('readingFace')}: ${t(FACE_LABEL[face])}`, () => style && change({ ...style, face }));
        b.dataset.face = face;
        return b;
      });
      faces.append(faceName, ...faceButtons);
      const reset = button(t('readingReset'), t('readingReset'), () => change(READING_OFF));
      reset.dataset.action = 'reset';
      const hint = doc.createElement('p');
      hint.className = 'wac-reading-hint';
      hint.textContent = t('readingKeys');
      panel.append(faces, reset, hint);
      panel.prepend(css);
      bar.panelHost.appendChild(panel);
      refresh = () => {
        if (!style) return;
        for (const { row, out } of outputs) out.textContent = row.value(style);
        for (const b of faceButtons) b.setAttribute('aria-pressed', String(b.dataset.face === style.face));
      };
      refresh();
      panel.addEventListener('keydown', (e) => {
        if (e.key !== 'Escape') return;
        e.stopPropagation();
        panel.hidden = true;
        bar.returnFocus();
      });
      bar.addItem({
        id: 'reading',
        label: t('readingItem'),
        keepsFocus: true,
        onSelect: () => {
          panel.hidden = !panel.hidden;
          if (panel.hidden) return bar.returnFocus();
          bar.place();
          panel.querySelector('button')?.focus();
        },
      });
    },
  };
}

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildToolbar, type ToolbarLabels } from '../../utils/ui/toolbar';
import { CONTROL_WIDTH, placeControl } from '../../utils/ui/toolbar-place';
import { pageTheme, WECHAT_DARK_CLASS } from '../../utils/ui/toolbar-theme';
import type { ExportAction } from '../../utils/messages/types';

// The real toolbar module in jsdom (no layout engine: placement on screen is the browser test's,
// tests/e2e/toolbar-layout.test.ts). The clipboard is the boundary here, recorded.
const LABELS: ToolbarLabels = {
  'download-md': '下载 Markdown',
  'copy-md': '复制 Markdown',
  'download-zip': '下载 ZIP',
  title: '公众号净读',
  more: '更多',
  dismiss: '关闭',
  copyMessage: '复制',
  copied: '已复制',
};
const TIMES = { successMs: 30, fadeMs: 10 };

// jsdom marks every event these tests dispatch untrusted; the toolbar acts only on trusted ones (the
// reader's), which tests/e2e/page-attacks.test.ts checks in Chromium. Here the check lets all through.
vi.mock('../../utils/ui/trusted', () => ({ trusted: <E extends Event>(h: (e: E) => void) => h }));
// The feedback's timers run on a fake clock: the test moves time, it does not wait for it (a real
// 30 ms timer under load fired late and failed the fade test once).
const wait = (ms: number) => vi.advanceTimersByTimeAsync(ms);

function setup() {
  document.body.innerHTML = '';
  const container = document.createElement('div');
  document.body.appendChild(container);
  const actions: ExportAction[] = [];
  const copied: string[] = [];
  const toolbar = buildToolbar(container, LABELS, (a) => actions.push(a), {
    feedback: TIMES,
    copy: async (text) => void copied.push(text),
  });
  const q = <T extends Element = HTMLElement>(sel: string) => container.querySelector<T & HTMLElement>(sel);
  const menu = q('[role="menu"]')!;
  const more = q<HTMLButtonElement>('button[aria-haspopup="menu"]')!;
  const feedback = q('.wac-feedback')!;
  const items = () => Array.from(menu.querySelectorAll<HTMLButtonElement>('[role="menuitem"]'));
  const key = (el: Element, k: string) => el.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, composed: true }));
  return { container, toolbar, actions, copied, q, menu, more, feedback, items, key };
}

describe('toolbar: one action shown, the rest in a menu', () => {
  it('"下载 Markdown" is a button of its own; copy and ZIP are menu items', () => {
    const { q, menu, more, items, actions } = setup();
    const primary = q<HTMLButtonElement>('button[data-action="download-md"]')!;
    expect(primary.getAttribute('aria-label')).toBe('下载 Markdown');
    expect(primary.getAttribute('role')).toBeNull();
    expect(more.textContent).toBe('更多');
    expect(more.getAttribute('aria-expanded')).toBe('false');
    expect(menu.hidden).toBe(true);
    expect(items().map((b) => [b.dataset.action, b.textContent])).toEqual([
      ['copy-md', '复制 Markdown'],
      ['download-zip', '下载 ZIP'],
    ]);
    primary.click();
    more.click();
    expect(menu.hidden).toBe(false);
    expect(more.getAttribute('aria-expanded')).toBe('true');
    items()[1]!.click();
    expect(actions).toEqual(['download-md', 'download-zip']);
    expect(menu.hidden).toBe(true);
  });

  it('addItem puts a feature action in the menu; its handle relabels, hides and removes it', () => {
    const { toolbar, items } = setup();
    const selected: string[] = [];
    const h = toolbar.addItem({ id: 'outline', label: '大纲', onSelect: () => selected.push('outline') });
    toolbar.addItem({ id: 'reveal', label: '显示推广', onSelect: () => selected.push('reveal') });
    expect(items().map((b) => b.dataset.item ?? b.dataset.action)).toEqual(['copy-md', 'download-zip', 'outline', 'reveal']);
    h.setLabel('大纲 (3)');
    expect(items()[2]!.textContent).toBe('大纲 (3)');
    items()[3]!.click();
    expect(selected).toEqual(['reveal']);
    h.setHidden(true);
    expect(items()[2]!.hidden).toBe(true);
    h.remove();
    expect(items().map((b) => b.dataset.item ?? b.dataset.action)).toEqual(['copy-md', 'download-zip', 'reveal']);
  });

  it('setBusy disables the export actions, not the features', () => {
    const { toolbar, q, items } = setup();
    toolbar.addItem({ id: 'outline', label: '大纲', onSelect: () => {} });
    toolbar.setBusy(true);
    expect(q<HTMLButtonElement>('[data-action="download-md"]')!.disabled).toBe(true);
    expect(items().map((b) => b.disabled)).toEqual([true, true, false]);
    toolbar.setBusy(false);
    expect(items().map((b) => b.disabled)).toEqual([false, false, false]);
  });

  it('keyboard: opening focuses the first item, arrows wrap, Home/End, Esc closes and focuses the button', () => {
    const { menu, more, items, key } = setup();
    more.focus();
    key(more, 'ArrowDown');
    expect(menu.hidden).toBe(false);
    expect(document.activeElement).toBe(items()[0]);
    key(items()[0]!, 'ArrowDown');
    expect(document.activeElement).toBe(items()[1]);
    key(items()[1]!, 'ArrowDown');
    expect(document.activeElement).toBe(items()[0]);
    key(items()[0]!, 'ArrowUp');
    expect(document.activeElement).toBe(items()[1]);
    key(items()[1]!, 'Home');
    expect(document.activeElement).toBe(items()[0]);
    key(items()[0]!, 'End');
    expect(document.activeElement).toBe(items()[1]);
    key(items()[1]!, 'Escape');
    expect(menu.hidden).toBe(true);
    expect(document.activeElement).toBe(more);
    key(more, 'ArrowUp');
    expect(document.activeElement).toBe(items()[1]);
  });

  it('a click outside closes the menu', () => {
    const { menu, more } = setup();
    more.click();
    expect(menu.hidden).toBe(false);
    document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    expect(menu.hidden).toBe(true);
  });
});

describe('toolbar: feedback beside the control', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }));
  afterEach(() => vi.useRealTimers());
  it('a success shows, fades after successMs and is gone', async () => {
    const { toolbar, feedback, q } = setup();
    toolbar.setStatus('已保存 a.md', 'ok');
    expect(feedback.hidden).toBe(false);
    expect(q('.wac-status')!.textContent).toBe('已保存 a.md');
    expect(q('.wac-status')!.className).toBe('wac-status ok');
    expect(q('.wac-feedback-actions')!.hidden).toBe(true);
    await wait(TIMES.successMs + 5);
    expect(feedback.classList.contains('wac-fading')).toBe(true);
    await wait(TIMES.fadeMs + 20);
    expect(feedback.hidden).toBe(true);
    expect(q('.wac-status')!.textContent).toBe('');
  });

  it('progress stays while it is current; the next message replaces it', async () => {
    const { toolbar, feedback, q } = setup();
    toolbar.setStatus('图片：3 / 51');
    await wait(TIMES.successMs + TIMES.fadeMs + 20);
    expect(feedback.hidden).toBe(false);
    expect(q('.wac-status')!.textContent).toBe('图片：3 / 51');
    toolbar.setStatus('');
    expect(feedback.hidden).toBe(true);
  });

  it('a failure stays until dismissed, can be copied, and a success just before does not fade it', async () => {
    const { toolbar, feedback, q, copied } = setup();
    toolbar.setStatus('已复制', 'ok');
    toolbar.setStatus('2 张失败:\nhttps://mmbiz.qpic.cn/x.png', 'error');
    await wait(TIMES.successMs + TIMES.fadeMs + 20);
    expect(feedback.hidden).toBe(false);
    expect(feedback.classList.contains('wac-fading')).toBe(false);
    expect(q('.wac-status')!.className).toBe('wac-status error');
    const copy = q<HTMLButtonElement>('button.wac-copy')!;
    const close = q<HTMLButtonElement>('button.wac-dismiss')!;
    expect(q('.wac-feedback-actions')!.hidden).toBe(false);
    expect(close.getAttribute('aria-label')).toBe('关闭');
    copy.click();
    await wait(0);
    expect(copied).toEqual(['2 张失败:\nhttps://mmbiz.qpic.cn/x.png']);
    expect(copy.textContent).toBe('已复制');
    close.click();
    expect(feedback.hidden).toBe(true);
  });

  it('Esc inside a failure dismisses it', () => {
    const { toolbar, feedback, q, key } = setup();
    toolbar.setStatus('失败', 'error');
    key(q('button.wac-copy')!, 'Escape');
    expect(feedback.hidden).toBe(true);
  });
});

describe('toolbar placement (numbers in, placement out)', () => {
  it('docks in a margin with room, 16 px from the edge when generous', () => {
    expect(placeControl(1265, { left: 294, right: 971 })).toEqual({ mode: 'dock', right: 16, free: 294 });
    expect(placeControl(1009, { left: 166, right: 843 })).toEqual({ mode: 'dock', right: 16, free: 166 });
  });
  it('centers itself in a narrow margin and collapses to a tab when the margin is too small', () => {
    const p = placeControl(800, { left: 61.5, right: 738.5 });
    expect(p.mode).toBe('dock');
    expect(p.right + CONTROL_WIDTH).toBeLessThanOrEqual(p.free - 6);
    expect(placeControl(700, { left: 12, right: 688 }).mode).toBe('tab');
    expect(placeControl(375, { left: 16, right: 359 }).mode).toBe('tab');
  });
  it('no column found: docks at the edge', () => {
    expect(placeControl(1024, null)).toEqual({ mode: 'dock', right: 16, free: 1024 });
  });
});

describe('toolbar theme', () => {
  it("follows WeChat's dark mode class on <html> or <body>", () => {
    document.documentElement.className = '';
    document.body.className = '';
    expect(pageTheme(document)).toBe('light');
    document.documentElement.classList.add(WECHAT_DARK_CLASS);
    expect(pageTheme(document)).toBe('dark');
    document.documentElement.className = '';
    document.body.classList.add(WECHAT_DARK_CLASS);
    expect(pageTheme(document)).toBe('dark');
    document.body.className = '';
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { launch, openArticle, type Session } from './harness';
import { shotPath } from './shots';
import { toolbarAction } from './toolbar-actions';
import { exposeClosedRoots, toolbar } from './browsers/closed-root';
import { pageHtml, pageUrl } from '../fixtures';
import { asNoteText, selectWithMouse } from './select';
import { extensionPage, putFiles, readOpfsTree, setSettings, useOpfsFolder } from './opfs';

/**
 * Highlights on the page in real Chromium with the built extension: made with the mouse and the
 * control, or with the keyboard shortcut; drawn with the CSS Custom Highlight API (the article's DOM
 * unchanged); back after a reload and after WeChat re-renders the content; carried into the note.
 */
let session: Session;
beforeAll(async () => {
  session = await launch();
});
afterAll(async () => {
  await session?.close();
});

const PREFIX = '01';
const html = pageHtml(PREFIX);
const url = pageUrl(html, PREFIX);
const UI = 'wac-highlight';
const ui = (page: Page, css: string) => page.locator(UI).locator(`wac=${css}`);

/** What the page draws: each registered highlight's ranges as text. */
const drawn = (page: Page) =>
  page.evaluate(() => {
    const out: Record<string, string[]> = {};
    for (const [name, h] of (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights) out[name] = Array.from(h, (r) => r.toString());
    return out;
  });

describe('highlights on the page (Chromium)', () => {
  it('a selection offers Highlight and Note; a note is saved; both come back after a reload; the DOM is unchanged', async () => {
    const page = await openArticle(session, url, html);
    expect(await page.evaluate(() => 'highlights' in CSS)).toBe(true);
    // The cleaner loads lazy images one frame after its pass (wac:images): the DOM to keep is the one after it.
    await page.waitForFunction(() => performance.getEntriesByName('wac:images').length > 0, undefined, { timeout: 15_000 });
    const before = await page.evaluate(() => document.getElementById('js_content')!.innerHTML);
    // 1. With the mouse and the control's "Note".
    const first = await selectWithMouse(page, 300, 12);
    expect(first.trim().length).toBeGreaterThan(5);
    await expect.poll(() => exposeClosedRoots(page, UI)).toBe(1);
    await expect.poll(() => ui(page, 'button.wac-hl-note').isVisible()).toBe(true);
    expect(await ui(page, 'button').allTextContents()).toEqual(['划线 / Highlight', '批注 / Note']);
    await page.screenshot({ path: shotPath('highlight-control-light.png') });
    await ui(page, 'button.wac-hl-note').click();
    await ui(page, 'textarea').fill('这里是我的批注');
    await page.screenshot({ path: shotPath('highlight-note-editor-light.png') });
    await ui(page, 'button.wac-hl-save').click();
    await expect.poll(() => drawn(page)).toEqual({ 'wac-hl': [], 'wac-hl-noted': [first.trim()] });
    // 2. With the keyboard shortcut, on a selection made by the reader.
    const second = await selectWithMouse(page, 2000, 10);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Alt+Shift+KeyH');
    await expect.poll(() => drawn(page)).toEqual({ 'wac-hl': [second.trim()], 'wac-hl-noted': [first.trim()] });
    expect(await page.evaluate(() => document.getElementById('js_content')!.innerHTML)).toBe(before);
    expect(await page.evaluate(() => !!document.getElementById('wac-highlight-style'))).toBe(true);
    await page.screenshot({ path: shotPath('highlights-01-light.png') });

    // 3. A reload: both return from storage, and the note with its passage.
    await page.reload({ waitUntil: 'domcontentloaded' });
    await expect.poll(() => drawn(page), { timeout: 15_000 }).toEqual({ 'wac-hl': [second.trim()], 'wac-hl-noted': [first.trim()] });

    // 4. WeChat re-renders the content (new nodes, same text): drawn again on the new nodes.
    await page.evaluate(() => {
      const root = document.getElementById('js_content')!;
      root.innerHTML = `<p>重新渲染时插入的一段。</p>${root.innerHTML}`;
    });
    await expect
      .poll(() => page.evaluate(() => Array.from((CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('wac-hl')!, (r) => document.getElementById('js_content')!.contains(r.startContainer) && r.toString())))
      .toEqual([second.trim()]);

    // 5. A click on a highlight opens its note; the editor shows the note.
    const spot = await page.evaluate(() => {
      const r = Array.from((CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('wac-hl-noted')!)[0]!;
      r.startContainer.parentElement!.scrollIntoView({ block: 'center' });
      const box = r.getClientRects()[0]!;
      return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
    });
    await page.mouse.click(spot.x, spot.y);
    await expect.poll(() => exposeClosedRoots(page, UI)).toBe(1);
    await expect.poll(() => ui(page, 'textarea').inputValue()).toBe('这里是我的批注');
    await page.keyboard.press('Escape');

    // 6. The export marks both passages and lists them with the note.
    const download = page.waitForEvent('download');
    await toolbarAction(page, /下载 Markdown|Download Markdown/);
    const file = await download;
    const md = readFileSync((await file.path())!, 'utf8');
    // As Markdown text: `_` and the like escaped.
    const [a, b] = [first, second].map((s) => asNoteText(s.trim()));
    expect(md).toContain(`==${a}==`);
    expect(md).toContain(`==${b}==`);
    const section = md.slice(md.indexOf('## 划线与批注 / Highlights'));
    expect(section).toContain(`> ${a}\n\n这里是我的批注`);
    expect(section).toContain(`> ${b}`);

    // 7. Dark: WeChat's own dark class.
    await page.evaluate(() => document.documentElement.classList.add('data_color_scheme_dark'));
    const noted = await page.evaluate(() => {
      const r = Array.from((CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('wac-hl-noted')!)[0]!;
      r.startContainer.parentElement!.scrollIntoView({ block: 'center' });
      return true;
    });
    expect(noted).toBe(true);
    await page.screenshot({ path: shotPath('highlights-01-dark.png') });
    await page.close();
  });

  it('a highlight whose passage is gone is kept and listed in the menu, not dropped', async () => {
    const page = await openArticle(session, url, html);
    // A stored highlight of this article whose quote the page does not have (the record as the layer writes it).
    const worker = session.context.serviceWorkers()[0]!;
    const id = await page.evaluate(() => document.documentElement.dataset.wacHighlights ?? '');
    expect(id).toBe('2/2');
    await worker.evaluate(async () => {
      const all = (await chrome.storage.local.get(null)) as Record<string, { items: unknown[] }>;
      const key = Object.keys(all).find((k) => k.startsWith('hl:'))!;
      all[key]!.items.push({ id: 'gone', exact: '页面上没有的一句话', prefix: '', suffix: '', start: 5, end: 14, note: '留着', created: 1 });
      await chrome.storage.local.set({ [key]: all[key] });
    });
    await page.reload({ waitUntil: 'domcontentloaded' });
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.wacHighlights), { timeout: 15_000 }).toBe('2/3');
    await toolbarAction(page, /1 条划线未能定位/);
    await expect.poll(() => page.locator('wac=.wac-status').textContent()).toContain('页面上没有的一句话');
    const kept = await worker.evaluate(async () => {
      const all = (await chrome.storage.local.get(null)) as Record<string, { items: { id: string }[] }>;
      return Object.entries(all).find(([k]) => k.startsWith('hl:'))![1].items.map((h) => h.id);
    });
    expect(kept).toContain('gone');
    await page.close();
  });

  it("a second export into the folder updates the reader's renamed, moved note in place: their part byte for byte, the new highlight there, nothing else changed", async () => {
    const ext = await extensionPage(session);
    const FOLDER = 'hl-notes';
    await useOpfsFolder(ext, FOLDER);
    await setSettings(ext, { destination: 'folder', onExisting: 'update', attachments: { location: 'beside', folder: 'assets', embeds: false } });
    const page = await openArticle(session, url, html);
    const status = () => page.locator('wac=.wac-status').textContent();
    await toolbarAction(page, /下载 Markdown|Download Markdown/);
    await expect.poll(status, { timeout: 30_000 }).toMatch(/已保存到/);
    const first = await readOpfsTree(ext, FOLDER);
    const [note] = Object.keys(first).filter((p) => p.endsWith('.md'));
    expect(note).toBeDefined();
    // The reader writes their notes under "## 我的笔记", then renames the file and moves it into a folder.
    const READER = '## 我的笔记\n\n读后感：  两个空格，*星号*，[[链接]]\n\n- [ ] 待办\n';
    await putFiles(ext, FOLDER, { 'reading/我的读书笔记.md': `${first[note!]!.text}\n${READER}` });
    await ext.evaluate(async ([folder, path]) => (await (await navigator.storage.getDirectory()).getDirectoryHandle(folder)).removeEntry(path), [FOLDER, note!] as const);
    const before = await readOpfsTree(ext, FOLDER);
    // A new highlight, then the same export again.
    const third = (await selectWithMouse(page, 4000, 8)).trim();
    await page.keyboard.press('Alt+Shift+KeyH');
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.wacHighlights)).toBe('3/4');
    await toolbarAction(page, /下载 Markdown|Download Markdown/);
    await expect.poll(status, { timeout: 30_000 }).toMatch(/已在/);
    expect(await status()).toContain('已更新 / Updated: 1 条新划线');
    const after = await readOpfsTree(ext, FOLDER);
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    for (const path of Object.keys(before)) if (path !== 'reading/我的读书笔记.md') expect(after[path], path).toEqual(before[path]);
    const text = after['reading/我的读书笔记.md']!.text!;
    expect(text.endsWith(`\n${READER}`)).toBe(true);
    expect(text).toContain(`==${asNoteText(third)}==`);
    // Its images are the ones the first save wrote, linked from the note's new place.
    const links = Array.from(text.matchAll(/\]\((\.\.\/assets\/[^)]+)\)/g), (m) => decodeURIComponent(m[1]!).slice(3));
    expect(links.length).toBeGreaterThan(0);
    for (const l of links) expect(after[l], l).toBeDefined();
    await page.close();
  });

  it('from the keyboard: "下一条划线" in the toolbar menu opens the next highlight\'s note with focus in it; Tab and Enter save it', async () => {
    const page = await openArticle(session, url, html);
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.wacHighlights), { timeout: 15_000 }).toBe('3/4');
    await toolbar(page).getByRole('button', { name: /更多|More/ }).focus();
    await page.keyboard.press('Enter');
    await page.locator('wac=button[data-item="highlight-next"]').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => exposeClosedRoots(page, UI)).toBe(1);
    await expect.poll(() => page.evaluate(() => (document.querySelector('wac-highlight') as unknown as { __wacShadow: ShadowRoot }).__wacShadow.activeElement?.localName)).toBe('textarea');
    await page.keyboard.type('键盘写的');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    // Saved (Tab to "Save", Enter): the first highlight's note, typed after what it had.
    const worker = session.context.serviceWorkers()[0]!;
    const notesNow = () =>
      worker.evaluate(async () => {
        const all = (await chrome.storage.local.get(null)) as Record<string, { items?: { note: string }[] }>;
        return Object.entries(all).find(([k]) => k.startsWith('hl:'))![1].items!.map((h) => h.note);
      });
    await expect.poll(notesNow).toContain('这里是我的批注键盘写的');
    expect(await page.evaluate(() => (document.querySelector('wac-highlight') as unknown as { __wacShadow: ShadowRoot }).__wacShadow.querySelector('.wac-hl')!.hasAttribute('hidden'))).toBe(true);
    await page.close();
  });

  // Its cost is measured by `npm run bench` (wac:highlights), not timed here: tests don't time things.
  it('draws nothing and adds no style on pages without highlights; its measure (wac:highlights) is taken', async () => {
    for (const prefix of ['02', '03', '05', '10', '18', '20']) {
      const h = pageHtml(prefix);
      const page = await openArticle(session, pageUrl(h, prefix), h);
      await expect.poll(() => page.evaluate(() => performance.getEntriesByName('wac:highlights').length), { timeout: 10_000 }).toBe(1);
      // Nothing drawn, no style added: the layer waits for a selection.
      expect(await page.evaluate(() => !!document.getElementById('wac-highlight-style'))).toBe(false);
      expect(await page.evaluate(() => document.documentElement.dataset.wacHighlights ?? '')).toMatch(/^(0\/0)?$/);
      await page.close();
    }
  });
});

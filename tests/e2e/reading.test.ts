import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { launch, openArticle, type Session } from './harness';
import { shotPath } from './shots';
import { toolbarAction } from './toolbar-actions';
import { toolbar } from './browsers/closed-root';
import { clockless, pageHtml, pageUrl } from '../fixtures';

/**
 * Reading comfort in real Chromium with the built extension: off by default (the page's own look,
 * no style of ours); set from the toolbar's panel and the keys; kept after a reload (every article);
 * what is hidden and the export are the same whatever the look.
 */
let session: Session;
beforeAll(async () => {
  session = await launch();
});
afterAll(async () => {
  await session?.close();
});

const html = pageHtml('01');
const url = pageUrl(html, '01');

/** The look of the article's text and column, and what the page hides. */
const look = (page: Page) =>
  page.evaluate(() => {
    const root = document.getElementById('js_content')!;
    const p = [...root.querySelectorAll('p')].find((el) => (el.textContent ?? '').trim().length > 20)!;
    const cs = getComputedStyle(p);
    const col = document.querySelector('.rich_media_area_primary_inner');
    return {
      zoom: getComputedStyle(root).zoom,
      fontFamily: cs.fontFamily,
      lineHeight: cs.lineHeight,
      fontSize: cs.fontSize,
      column: col ? getComputedStyle(col).maxWidth : '',
      ours: !!document.getElementById('wac-reading-style'),
      hidden: [...document.querySelectorAll('body *')].filter((el) => getComputedStyle(el).display === 'none').length,
    };
  });

async function exportNote(page: Page): Promise<string> {
  const download = page.waitForEvent('download');
  await toolbarAction(page, /下载 Markdown|Download Markdown/);
  return clockless(readFileSync((await (await download).path())!, 'utf8'));
}

const panelButton = (page: Page, name: string | RegExp) => toolbar(page).getByRole('button', { name });

describe('reading comfort (Chromium)', () => {
  it('off by default; set from the toolbar and the keys, kept after a reload; the hidden blocks and the export unchanged; reset gives the page back', async () => {
    const page = await openArticle(session, url, html);
    await page.setViewportSize({ width: 1280, height: 900 });
    // 1. Default: no style of ours; the page's own look.
    await expect.poll(() => page.evaluate(() => performance.getEntriesByName('wac:outline').length), { timeout: 15_000 }).toBe(1);
    const original = await look(page);
    expect(original.ours).toBe(false);
    expect(original.zoom).toBe('1');
    const note = await exportNote(page);

    // 2. From the toolbar's menu: larger text twice, more line height, serif, a wider column.
    await toolbarAction(page, /阅读设置|Reading comfort/);
    await expect.poll(() => toolbar(page).locator('wac=#wac-reading').isVisible()).toBe(true);
    await panelButton(page, '字号: 增大').click();
    await panelButton(page, '字号: 增大').click();
    await panelButton(page, '行距: 增大').click();
    await panelButton(page, '行距: 增大').click();
    await panelButton(page, '栏宽: 增大').click();
    await panelButton(page, '栏宽: 增大').click();
    await panelButton(page, '字体: 衬线').click();
    const changed = await look(page);
    expect(changed).toMatchObject({ zoom: '1.2', ours: true, lineHeight: `${1.75 * parseFloat(original.fontSize)}px`, column: '800px', hidden: original.hidden });
    expect(changed.fontFamily).toMatch(/serif/i);
    expect(await toolbar(page).locator('wac=#wac-reading output').allTextContents()).toEqual(['120%', '1.75', '800px']);
    await page.screenshot({ path: shotPath('reading-comfort-light.png') });

    // 3. The export is the same whatever the look.
    await page.keyboard.press('Escape');
    expect(await exportNote(page)).toBe(note);

    // 4. Kept: a reload (and so every article) opens with it.
    await page.reload({ waitUntil: 'domcontentloaded' });
    await expect.poll(async () => (await look(page)).zoom, { timeout: 15_000 }).toBe('1.2');
    expect(await look(page)).toMatchObject({ ours: true, column: '800px', lineHeight: changed.lineHeight });

    // 5. The keys: larger, then smaller (the reader's own key presses).
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Alt+Shift+Equal');
    await expect.poll(async () => (await look(page)).zoom).toBe('1.32');
    await page.keyboard.press('Alt+Shift+Minus');
    await page.keyboard.press('Alt+Shift+Minus');
    await expect.poll(async () => (await look(page)).zoom).toBe('1.1');
    // Not while the reader types: in a text field the keys are the field's.
    await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<textarea id="typing"></textarea>'));
    await page.locator('#typing').focus();
    await page.keyboard.press('Alt+Shift+Equal');
    await page.waitForTimeout(300);
    expect((await look(page)).zoom).toBe('1.1');
    await page.evaluate(() => document.getElementById('typing')!.remove());
    const kept = await session.context.serviceWorkers()[0]!.evaluate(async () => ((await chrome.storage.sync.get('settings')).settings as { reading?: unknown })?.reading);
    expect(kept).toEqual({ size: 1.1, lineHeight: 1.75, width: 800, face: 'serif' });

    // 6. Dark, then back to the page's look: no style of ours, the computed look as it was.
    await page.emulateMedia({ colorScheme: 'dark' });
    await toolbarAction(page, /阅读设置|Reading comfort/);
    await expect.poll(() => toolbar(page).locator('wac=#wac-reading').isVisible()).toBe(true);
    await page.screenshot({ path: shotPath('reading-comfort-dark.png') });
    await panelButton(page, '恢复原样').click();
    await expect.poll(() => look(page)).toEqual(original);
    await page.close();
  });
});

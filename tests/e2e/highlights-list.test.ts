import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { launch, openArticle, type Session } from './harness';
import { shotPath } from './shots';
import { toolbarAction } from './toolbar-actions';
import { exposeClosedRoots } from './browsers/closed-root';
import { pageHtml, pageUrl } from '../fixtures';
import { selectWithMouse } from './select';

/**
 * The highlights page in real Chromium with the built extension: highlights made on two corpus pages
 * are listed (newest first), searched, followed back to their article, exported as JSON, cleared,
 * imported again; a broken import changes nothing and says why.
 */
let session: Session;
beforeAll(async () => {
  session = await launch();
});
afterAll(async () => {
  await session?.close();
});

const pages = ['01', '02'].map((prefix) => {
  const html = pageHtml(prefix);
  return { html, url: pageUrl(html, prefix) };
});

const stored = () =>
  session.context.serviceWorkers()[0]!.evaluate(async () => {
    const all = (await chrome.storage.local.get(null)) as Record<string, unknown>;
    return JSON.stringify(Object.fromEntries(Object.entries(all).filter(([k]) => k.startsWith('hl:')).sort()));
  });

const articles = (list: Page) => list.locator('.hl-article');
const titles = (list: Page) => list.locator('.hl-article h2').allTextContents();

describe('the highlights page (Chromium)', () => {
  it('lists what was marked on two articles, newest first; searches; links back; exports, imports after a clear; a broken import changes nothing', async () => {
    // 1. A highlight on page 01, a highlight with a note on page 02.
    const first = await openArticle(session, pages[0]!.url, pages[0]!.html);
    const a = (await selectWithMouse(first, 300, 12)).trim();
    await first.keyboard.press('Alt+Shift+KeyH');
    await expect.poll(() => first.evaluate(() => document.documentElement.dataset.wacHighlights)).toBe('1/1');
    const title01 = (await first.locator('#activity-name').textContent())!.trim();
    await first.close();
    const second = await openArticle(session, pages[1]!.url, pages[1]!.html);
    const b = (await selectWithMouse(second, 600, 10)).trim();
    await second.keyboard.press('Alt+Shift+KeyN');
    await expect.poll(() => exposeClosedRoots(second, 'wac-highlight')).toBe(1);
    await second.locator('wac-highlight').locator('wac=textarea').fill('第二篇的批注 findme');
    await second.locator('wac-highlight').locator('wac=button.wac-hl-save').click();
    await expect.poll(() => second.evaluate(() => document.documentElement.dataset.wacHighlights)).toBe('1/1');
    await expect.poll(async () => (await stored()).includes('findme')).toBe(true);

    // 2. The toolbar's "所有划线" opens the list.
    const opened = session.context.waitForEvent('page');
    await toolbarAction(second, /所有划线/);
    const list = await opened;
    await list.waitForLoadState('domcontentloaded');
    expect(list.url()).toMatch(/^chrome-extension:\/\/[a-p]{32}\/highlights\.html$/);
    await expect.poll(() => articles(list).count()).toBe(2);
    const title02 = (await second.locator('#activity-name').textContent())!.trim();
    expect(await titles(list)).toEqual([title02, title01]);
    const text = await list.locator('#hl-list').textContent();
    expect(text).toContain(a);
    expect(text).toContain(b);
    expect(await list.locator('.hl-note').allTextContents()).toEqual(['第二篇的批注 findme']);
    await list.screenshot({ path: shotPath('highlights-list-light.png'), fullPage: true });
    await list.emulateMedia({ colorScheme: 'dark' });
    await list.screenshot({ path: shotPath('highlights-list-dark.png'), fullPage: true });
    await list.emulateMedia({ colorScheme: 'light' });

    // 3. Search: by the note, by a passage, and nothing.
    await list.locator('#hl-search').fill('FINDME');
    await expect.poll(() => titles(list)).toEqual([title02]);
    await list.locator('#hl-search').fill(a.slice(0, 6));
    await expect.poll(() => titles(list)).toEqual([title01]);
    await list.locator('#hl-search').fill('没有这样的字句');
    await expect.poll(() => articles(list).count()).toBe(0);
    expect(await list.locator('#hl-count').textContent()).toMatch(/没有符合|Nothing matches/);
    await list.locator('#hl-search').fill('');
    await expect.poll(() => articles(list).count()).toBe(2);

    // 4. The link goes back to the article.
    const back = session.context.waitForEvent('page');
    expect(title01).not.toBe(title02);
    await list.locator(`.hl-article h2 a[href="${pages[0]!.url}"]`).click();
    const article = await back;
    await article.waitForLoadState('domcontentloaded');
    expect(article.url()).toBe(pages[0]!.url);
    await article.close();

    // 5. Export all, clear, import: the list is back as it was.
    const before = await stored();
    const download = list.waitForEvent('download');
    await list.locator('#hl-export').click();
    const file = readFileSync((await (await download).path())!, 'utf8');
    expect(JSON.parse(file)).toMatchObject({ format: 'wechat-article-cleaner-highlights', version: 1 });
    await session.context.serviceWorkers()[0]!.evaluate(async () => {
      const keys = Object.keys(await chrome.storage.local.get(null)).filter((k) => k.startsWith('hl:'));
      await chrome.storage.local.remove(keys);
    });
    await expect.poll(() => articles(list).count()).toBe(0);
    await list.locator('#hl-file').setInputFiles({ name: 'highlights.json', mimeType: 'application/json', buffer: Buffer.from(file) });
    await expect.poll(() => articles(list).count()).toBe(2);
    expect(await list.locator('#hl-status').textContent()).toMatch(/已导入 2 条新划线/);
    expect(await titles(list)).toEqual([title02, title01]);
    expect(await stored()).toBe(before);

    // 6. A broken file (one good article, one whose highlight lost its quote): nothing changes, and the page says why.
    const broken = JSON.parse(file) as { articles: { id: string; items: { exact: string; id: string }[] }[] };
    broken.articles[0]!.items.push({ ...broken.articles[0]!.items[0]!, id: 'new-one', exact: 'x'.repeat(6000) });
    for (const bad of [JSON.stringify(broken), '{"format": "wechat-article-cleaner-highlights", "version": 1, "articles": [', '[]']) {
      await list.locator('#hl-file').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(bad) });
      await expect.poll(() => list.locator('#hl-status').getAttribute('class')).toBe('error');
      expect(await list.locator('#hl-status').textContent()).toMatch(/^未导入任何内容：/);
      expect(await stored()).toBe(before);
      expect(await articles(list).count()).toBe(2);
      await list.evaluate(() => (document.getElementById('hl-status')!.className = ''));
    }
    await list.locator('#hl-file').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
    await expect.poll(() => list.locator('#hl-status').textContent()).toContain('highlight 2');
    await list.screenshot({ path: shotPath('highlights-list-import-refused.png') });
    await list.close();
    await second.close();
  });
});

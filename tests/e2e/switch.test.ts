import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, openArticle, type Session } from './harness';
import { shotPath } from './shots';
import { pageHtml, pageUrl } from '../fixtures';

let session: Session;
let ext: Page;
beforeAll(async () => {
  session = await launch();
  ext = await session.context.newPage();
  await ext.goto(`chrome-extension://${session.extensionId}/popup.html`);
});
afterAll(async () => {
  await session?.close();
});

/** What the popup sends, sent from an extension page to the article's tab. */
async function setCleaning(url: string, on: boolean) {
  return ext.evaluate(
    async ({ url, on }) => {
      const [tab] = await chrome.tabs.query({ url });
      return chrome.tabs.sendMessage(tab!.id!, { type: 'set-cleaning', on });
    },
    { url, on },
  );
}
const articleHtml = (page: Page) => page.evaluate(() => document.getElementById('js_article')?.outerHTML ?? document.body.outerHTML);

describe('the cleaning switch', () => {
  it('turning cleaning off restores the page exactly, and on again cleans it', async () => {
    const html = pageHtml('17');
    const url = pageUrl(html, '17');
    // The page as WeChat sent it: cleaning off by default.
    await ext.evaluate(() => chrome.storage.sync.set({ settings: { cleanByDefault: false } }));
    const original = await openArticle(session, url, html);
    expect(await original.locator('wac-toolbar').getAttribute('data-state')).toBe('original');
    const untouched = await articleHtml(original);
    await original.close();
    await ext.evaluate(() => chrome.storage.sync.set({ settings: { cleanByDefault: true } }));

    const page = await openArticle(session, url, html);
    expect(await page.locator('wac-toolbar').getAttribute('data-state')).toBe('cleaned');
    expect(await articleHtml(page)).not.toBe(untouched);
    const off = await setCleaning(url, false);
    expect(off).toMatchObject({ cleaned: false });
    expect(await articleHtml(page)).toBe(untouched);
    expect(await page.locator('#wac-cleaning-style').count()).toBe(0);
    const on = await setCleaning(url, true);
    expect(on).toMatchObject({ cleaned: true, promotions: 1 });
    expect(await page.locator('#js_tags').isVisible()).toBe(false);
    await page.close();
  });

  it('changing the default in storage reaches an open page without a reload', async () => {
    const html = pageHtml('seed-article');
    const url = pageUrl(html, 'seed');
    const page = await openArticle(session, url, html);
    await expect.poll(() => page.locator('#js_pc_qr_code').isVisible()).toBe(false);
    await ext.evaluate(() => chrome.storage.sync.set({ settings: { cleanByDefault: false } }));
    await expect.poll(() => page.locator('wac-toolbar').getAttribute('data-state')).toBe('original');
    await ext.evaluate(() => chrome.storage.sync.set({ settings: { cleanByDefault: true } }));
    await expect.poll(() => page.locator('wac-toolbar').getAttribute('data-state')).toBe('cleaned');
    await page.close();
  });
});

describe('when the cleaning runs', () => {
  it('hides the promotion as soon as the content is parsed, before the rest of the page (and DOMContentLoaded)', async () => {
    // 05 (2025): WeChat's scripts follow the content, and the parser waits for the first external one.
    const html = pageHtml('05');
    const url = pageUrl(html, '05');
    session.page(url, html);
    const page = await session.context.newPage();
    // The main world sees the marks too: counted the moment the parser is done, before DOMContentLoaded fires.
    await page.addInitScript(() => {
      document.addEventListener('readystatechange', () => {
        if (document.readyState === 'interactive') (window as unknown as { atParsed: number }).atParsed = document.querySelectorAll('#js_content [data-wac-promo]').length;
      });
    });
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    await page.locator('wac-toolbar[data-state]').waitFor({ state: 'attached', timeout: 15_000 });
    const atParsed = await page.evaluate(() => (window as unknown as { atParsed?: number }).atParsed);
    const after = await page.locator('#js_content [data-wac-promo]').count();
    expect(after).toBeGreaterThan(0);
    expect(atParsed).toBe(after);
    // The early pass was the one that did it, and the pass at DOMContentLoaded ran after it.
    const measures = await page.evaluate(() => ['wac:content-parsed', 'wac:dom-ready'].map((n) => performance.getEntriesByName(n).length));
    expect(measures).toEqual([1, 1]);
    await page.close();
  });
});

describe('a page whose scripts never arrive', () => {
  it('is cleaned while the parser waits: the promotion is hidden before DOMContentLoaded, which never comes', async () => {
    // 05 with a script on an address that never answers, before its first script after the content
    // (the content has none): the parser stops there, as it does on a slow network, and Chromium paints what it has.
    const never = 'https://mp.weixin.qq.com/mp/wac-test-never-answers.js';
    session.respond((url) => (url.pathname === new URL(never).pathname ? { hang: true } : undefined));
    const html05 = pageHtml('05');
    const script = html05.indexOf('<script', html05.indexOf('id="js_content"'));
    const html = `${html05.slice(0, script)}<script src="${never}"></script>${html05.slice(script)}`;
    const url = pageUrl(html05, '05');
    session.page(url, html);
    const page = await session.context.newPage();
    await page.goto(url, { waitUntil: 'commit' });
    await expect.poll(() => page.locator('#js_content [data-wac-promo]').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.readyState)).toBe('loading');
    const hidden = page.locator('#js_content [data-wac-promo]');
    for (let i = 0; i < (await hidden.count()); i++) expect(await hidden.nth(i).isVisible()).toBe(false);
    // The article itself is there and shown.
    expect(await page.locator('#js_content').isVisible()).toBe(true);
    // Images wait for the pass at DOMContentLoaded, after the page's inline scripts (17's lazy-loader):
    // loaded before them, "off" would have nothing of theirs to give back.
    await page.waitForTimeout(300);
    expect(await page.locator('#js_content img[data-wac-src]').count()).toBe(0);
    expect(await page.locator('#js_content img[data-src]').count()).toBeGreaterThan(0);
    await page.screenshot({ path: shotPath('parsing-paused-05.png') });
    await page.close();
  });
});

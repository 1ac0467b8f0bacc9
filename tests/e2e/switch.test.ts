import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, openArticle, type Session } from './harness';
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

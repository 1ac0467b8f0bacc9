import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { launch, openArticle, type Session } from './harness';
import { expectedMarkdown, pageHtml, pageUrl } from '../fixtures';

// The real popup page, in a window of its own, acting on the article tab as the toolbar button does.
let session: Session;
let article: Page;
let popup: Page;
beforeAll(async () => {
  session = await launch();
  const ext = await session.context.newPage();
  await ext.goto(`chrome-extension://${session.extensionId}/options.html`);
  const html = pageHtml('seed-article');
  article = await openArticle(session, pageUrl(html, 'seed'), html);
  await article.bringToFront();
  const opened = session.context.waitForEvent('page');
  await ext.evaluate((id) => chrome.windows.create({ url: `chrome-extension://${id}/popup.html`, focused: false, type: 'popup' }), session.extensionId);
  popup = await opened;
  await popup.waitForLoadState();
});
afterAll(async () => {
  await session?.close();
});

describe('the popup on an article', () => {
  it('says the page is cleaned and how many promotion blocks it hid', async () => {
    await expect.poll(() => popup.locator('#status').textContent()).toBe('此页面已净化（隐藏了 13 处推广内容）。');
    expect(await popup.locator('#clean-page').isChecked()).toBe(true);
    expect(await popup.locator('#clean-default').isChecked()).toBe(true);
  });

  it('its switch turns cleaning off for this page and on again', async () => {
    await popup.locator('#clean-page').uncheck();
    await expect.poll(() => popup.locator('#status').textContent()).toBe('此页面按原样显示。');
    expect(await article.locator('#wac-cleaning-style').count()).toBe(0);
    expect(await article.locator('[data-wac-promo]').count()).toBe(0);
    await popup.locator('#clean-page').check();
    await expect.poll(() => article.locator('[data-wac-promo]').count()).toBe(13);
  });

  it('"Download Markdown" downloads the note from the article tab', async () => {
    const download = article.waitForEvent('download');
    await popup.locator('button[data-action="download-md"]').click();
    const file = await download;
    expect(readFileSync((await file.path())!, 'utf8')).toBe(expectedMarkdown('seed-article'));
    await expect.poll(() => popup.locator('#message').textContent()).toContain('.md');
  });
});

describe('the popup copies', () => {
  it('"Copy Markdown" puts the note on the clipboard and says so', async () => {
    await session.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'https://mp.weixin.qq.com' });
    await popup.locator('button[data-action="copy-md"]').click();
    await expect.poll(() => popup.locator('#message').textContent()).toMatch(/已复制|Copied/);
    // Read back from the article tab: the popup writes with the extension's clipboardWrite permission.
    await article.bringToFront();
    expect(await article.evaluate(() => navigator.clipboard.readText())).toBe(expectedMarkdown('seed-article'));
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Page, Worker } from 'playwright-core';
import { launch, openArticle, type Session } from './harness';
import { clockless, expectedMarkdown, pageHtml, pageUrl } from '../fixtures';

let session: Session;
let worker: Worker;
let ext: Page;
beforeAll(async () => {
  session = await launch();
  worker = session.context.serviceWorkers()[0]!;
  ext = await session.context.newPage();
  await ext.goto(`chrome-extension://${session.extensionId}/popup.html`);
});
afterAll(async () => {
  await session?.close();
});

describe('shortcut, context menu and popup in the real browser', () => {
  it('the shortcut is registered as Alt+Shift+M and the menu item exists', async () => {
    const commands = await worker.evaluate(() => chrome.commands.getAll());
    expect(commands).toContainEqual(expect.objectContaining({ name: 'download-markdown', shortcut: 'Alt+Shift+M' }));
    // update() rejects for an id that was never created.
    await expect(worker.evaluate(() => chrome.contextMenus.update('wac-download-markdown', {}).then(() => 'exists'))).resolves.toBe('exists');
  });

  it('the message both send makes the page download the note', async () => {
    const html = pageHtml('seed-article');
    const url = pageUrl(html, 'seed');
    const page = await openArticle(session, url, html);
    const download = page.waitForEvent('download');
    await ext.evaluate(async (url) => {
      const [tab] = await chrome.tabs.query({ url });
      await chrome.tabs.sendMessage(tab!.id!, { type: 'export', action: 'download-md' });
    }, url);
    const file = await download;
    expect(clockless(readFileSync((await file.path())!, 'utf8'))).toBe(clockless(expectedMarkdown('seed-article')));
    await page.close();
  });

  it('the popup speaks the browser language and says when the tab is not an article', async () => {
    await ext.reload();
    await expect.poll(() => ext.locator('#status').textContent()).toMatch(/公众号文章页|Open a WeChat article/);
    expect(await ext.locator('button[data-action="download-md"]').textContent()).toMatch(/下载 Markdown|Download Markdown/);
    expect(await ext.locator('#controls').isHidden()).toBe(true);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import type { Download, Page } from 'playwright-core';
import { launch, type Session } from './harness';
import { albumArticleHtml, pageUrl } from '../fixtures';
import { buildPage } from '../page-builder';
import { exposeToolbarChromium, toolbar } from './browsers/closed-root';
import { toolbarAction } from './toolbar-actions';
import { grantedJoplinBuild } from './joplin-granted';

/**
 * What a script on the article's page can do to the extension (issue 26: findings 2, 3, 11, 12), in
 * real Chromium with the built extension. The page's own script runs in the page's world
 * (page.evaluate); the toolbar's closed root is not exposed to it (exposeToolbar: false) until a
 * test says so, after the attack, to let the reader act through it.
 */

/** Opens an article without exposing the toolbar's root (harness.openArticle would). */
async function openBare(s: Session, url: string, html: string): Promise<Page> {
  s.page(url, html);
  const page = await s.context.newPage();
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  await page.locator('wac-toolbar[data-state]').waitFor({ state: 'attached', timeout: 15_000 });
  // The account's memory is applied and the outline is added once the page is idle.
  await page.waitForFunction(() => performance.getEntriesByName('wac:outline').length > 0, undefined, { timeout: 15_000 });
  return page;
}

/** Everything the extension keeps: what an attack must leave as it was. */
async function stored(s: Session): Promise<unknown> {
  const [worker] = s.context.serviceWorkers();
  return worker!.evaluate(async () => ({ local: await chrome.storage.local.get(null), sync: await chrome.storage.sync.get(null) }));
}

function countDownloads(s: Session): { count(): number } {
  let n = 0;
  const watch = (p: Page) => p.on('download', () => n++);
  s.context.pages().forEach(watch);
  s.context.on('page', watch);
  return { count: () => n };
}

describe('a page script cannot drive the toolbar (finding 2)', () => {
  let s: Session;
  beforeAll(async () => {
    s = await launch({ exposeToolbar: false });
  });
  afterAll(async () => {
    await s?.close();
  });

  it('clicks, key events and a look inside do nothing: no file, no decision, no batch page', async () => {
    const downloads = countDownloads(s);
    // An album article: its toolbar offers "Export album", which opens the batch page.
    const html = albumArticleHtml('2247484420');
    const page = await openBare(s, pageUrl(html, 'attack'), html);
    const before = await stored(s);
    const pagesBefore = s.context.pages().length;

    const seen = await page.evaluate(async () => {
      const host = document.querySelector('wac-toolbar')!;
      const root = host.shadowRoot;
      const reachable = [host, ...host.querySelectorAll('*'), ...(root ? root.querySelectorAll('*') : [])];
      const controls = reachable.filter((el) => el.matches('button, [role="menuitem"], [role="button"]'));
      for (let round = 0; round < 2; round++) {
        for (const el of reachable) if (el instanceof HTMLElement) el.click();
        for (const el of [document, document.body, ...reachable])
          for (const key of ['Enter', ' ', 'ArrowDown', 'ArrowUp', 'Escape'])
            el.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true }));
      }
      // A click on the article's blocks, as the picker takes them.
      for (const el of document.querySelectorAll('#js_content > *')) (el as HTMLElement).click();
      await new Promise((r) => setTimeout(r, 3000));
      return { shadowRoot: root === null ? 'closed' : 'open', controls: controls.length, status: root?.querySelector('[role=status]')?.textContent ?? null };
    });
    // Nor can it tell the extension is there by loading its web-accessible file from the fixed id (finding 15).
    const probe = await page.evaluate((url) => fetch(url).then(() => 'loaded', () => 'refused'), `chrome-extension://${s.extensionId}/export-pipeline.js`);
    expect(probe).toBe('refused');

    expect({ downloads: downloads.count(), pages: s.context.pages().length - pagesBefore, stored: await stored(s) }).toEqual({ downloads: 0, pages: 0, stored: before });
    expect(s.context.pages().some((p) => p.url().includes('batch.html'))).toBe(false);
    expect(seen.shadowRoot).toBe('closed');
    // The one control in the page's DOM: "Download Markdown", for the reader's tools.
    expect(seen.controls).toBe(1);
    expect(seen.status).toBeNull();
    await page.close();
  });

  it('with the picker open (the reader opened it), the page cannot pick a block for it', async () => {
    const html = albumArticleHtml('2247484420');
    const page = await openBare(s, pageUrl(html, 'attack-picker'), html);
    const before = await stored(s);
    // The reader opens the picker: the root is exposed to drive it (a debugger's view, see closed-root.ts).
    expect(await exposeToolbarChromium(page)).toBe(true);
    await toolbarAction(page, /^(隐藏一块|Hide a block)$/);
    await expect.poll(() => toolbar(page).getByRole('menuitem', { name: /^(退出选择|Stop picking)/, includeHidden: true }).count()).toBe(1);
    const hidden = await page.evaluate(async () => {
      const blocks = [...document.querySelectorAll<HTMLElement>('#js_content > *')];
      for (const el of blocks) {
        el.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
        el.click();
        document.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
        document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
      }
      await new Promise((r) => setTimeout(r, 1500));
      return document.querySelectorAll('#js_content [data-wac-promo="reader"]').length;
    });
    expect(hidden).toBe(0);
    expect(await stored(s)).toEqual(before);
    await page.close();
  });
});

describe("the page sees nothing of a save and cannot stop one (findings 3, 11)", () => {
  let s: Session;
  beforeAll(async () => {
    s = await launch({ exposeToolbar: false });
  });
  afterAll(async () => {
    await s?.close();
  });

  it('listening for clicks and new elements, cancelling every click: the .md and the ZIP are saved, the page saw no blob: address', async () => {
    const html = albumArticleHtml('2247484420');
    const page = await openBare(s, pageUrl(html, 'watcher'), html);
    await page.evaluate(() => {
      const w = window as unknown as { seen: string[] };
      w.seen = [];
      const note = (el: unknown) => {
        if (el instanceof HTMLAnchorElement) w.seen.push(el.href || el.outerHTML);
      };
      for (const target of [window, document]) {
        target.addEventListener('click', (e) => (note(e.target), e.preventDefault()), true);
        target.addEventListener('click', (e) => (note(e.target), e.preventDefault()));
      }
      new MutationObserver((records) => records.forEach((r) => r.addedNodes.forEach((n) => note(n)))).observe(document, { childList: true, subtree: true });
      const click = HTMLAnchorElement.prototype.click;
      HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
        note(this);
      };
      void click;
    });
    // The reader's click on the light-DOM button: no root exposed for it.
    const md = page.waitForEvent('download', { timeout: 30_000 });
    await page.getByRole('button', { name: /下载\s*Markdown|Download Markdown/ }).first().click();
    const mdFile = await md;
    expect(readFileSync((await mdFile.path())!, 'utf8')).toMatch(/^---\n/);

    expect(await exposeToolbarChromium(page)).toBe(true);
    await expect.poll(() => page.locator('wac=.wac-status').textContent()).toMatch(/\.md/);
    const zip = page.waitForEvent('download', { timeout: 60_000 });
    await toolbarAction(page, /下载 ZIP|Download ZIP/);
    const zipFile: Download = await zip;
    expect(Object.keys(unzipSync(new Uint8Array(readFileSync((await zipFile.path())!))))).not.toHaveLength(0);
    expect(await page.evaluate(() => (window as unknown as { seen: string[] }).seen)).toEqual([]);
    await page.close();
  });
});

describe('an image address on the reader\'s own machine (findings 3, 12)', () => {
  let s: Session;
  let local: Server;
  let origin = '';
  const asked: string[] = [];
  let build: ReturnType<typeof grantedJoplinBuild>;
  beforeAll(async () => {
    // A local service (Joplin's port, say) with something to steal, answering as an image would.
    local = createServer((req, res) => {
      asked.push(req.url ?? '');
      res.writeHead(200, { 'content-type': 'image/png', 'access-control-allow-origin': '*' });
      res.end('{"token":"LOCAL-SECRET"}');
    });
    await new Promise<void>((r) => local.listen(0, '127.0.0.1', r));
    origin = `http://127.0.0.1:${(local.address() as AddressInfo).port}`;
    // The reader allowed 127.0.0.1 for Joplin.
    build = grantedJoplinBuild();
    s = await launch({ extensionDir: build.dir, passThrough: [origin] });
  });
  afterAll(async () => {
    await s?.close();
    build?.remove();
    await new Promise((r) => local?.close(r));
  });

  it('is neither fetched into the ZIP nor offered to the popup to ask for', async () => {
    const html = buildPage({ title: '本地图片', content: `<p>第一段。</p><p><img data-src="${origin}/secret.png"></p><p><img data-src="http://localhost:${origin.split(':')[2]}/b.png"></p><p>完。</p>` });
    const url = 'https://mp.weixin.qq.com/s/local-image';
    const page = await openBare(s, url, html);
    expect(await exposeToolbarChromium(page)).toBe(true);
    const download = page.waitForEvent('download', { timeout: 60_000 });
    await toolbarAction(page, /下载 ZIP|Download ZIP/);
    const entries = unzipSync(new Uint8Array(readFileSync((await (await download).path())!)));
    const text = Object.values(entries).map((b) => strFromU8(b)).join('\n');
    expect(text).not.toContain('LOCAL-SECRET');
    expect(asked).toEqual([]);

    const popup = await s.context.newPage();
    await popup.goto(`chrome-extension://${(await s.context.serviceWorkers()[0]!.url()).split('/')[2]}/popup.html`);
    const status = await popup.evaluate(async (u) => {
      const tabs = await chrome.tabs.query({ url: 'https://mp.weixin.qq.com/*' });
      return (await chrome.tabs.sendMessage(tabs.find((t) => t.url === u)!.id!, { type: 'status' })) as { imageOrigins?: string[] };
    }, url);
    expect(status.imageOrigins).toEqual([]);
    await popup.close();
    await page.close();
  });
});

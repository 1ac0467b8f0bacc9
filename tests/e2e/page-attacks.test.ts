import { LEARNED_MARK } from '../../utils/clean/page-memory';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import type { Download, Page } from 'playwright-core';
import { launch, type Session } from './harness';
import { albumArticleHtml, pageHtml, pageUrl } from '../fixtures';
import { selectWithMouse } from './select';
import { buildPage } from '../page-builder';
import { exposeClosedRoots, exposeToolbarChromium, toolbar } from './browsers/closed-root';
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
  // And what the page's own learning pass stores is stored: only an attack could change storage after it.
  await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, LEARNED_MARK, { timeout: 30_000 });
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

describe('a page script cannot highlight, write a note, open the highlights page or change the reading look (issue 29)', () => {
  let s: Session;
  beforeAll(async () => {
    s = await launch({ exposeToolbar: false });
  });
  afterAll(async () => {
    await s?.close();
  });

  /** The page's own script: selects a passage of the article, then clicks and presses keys on everything of ours it can reach. */
  const attack = (page: Page) =>
    page.evaluate(async () => {
      const root = document.getElementById('js_content')!;
      const text = [...root.querySelectorAll('p, span, section')].map((el) => el.firstChild).find((n): n is Text => n instanceof Text && n.data.trim().length > 20);
      if (text) {
        const r = document.createRange();
        r.setStart(text, 2);
        r.setEnd(text, 14);
        getSelection()!.removeAllRanges();
        getSelection()!.addRange(r);
      }
      const box = text ? getSelection()!.getRangeAt(0).getBoundingClientRect() : new DOMRect(100, 100, 10, 10);
      const ours = [...document.querySelectorAll('wac-highlight, wac-toolbar')];
      // Points where the highlight control and the note editor stand (below or above the passage): elementFromPoint gives their hosts.
      const points = [box.bottom + 14, box.bottom + 30, box.top - 14].flatMap((y) => [box.left + 10, box.left + 60, box.left + 120].map((x) => [x, y] as const));
      const targets = [document, document.body, root, ...ours, ...ours.flatMap((h) => [...h.querySelectorAll('*')]), ...points.map(([x, y]) => document.elementFromPoint(x, y)).filter((e): e is Element => !!e)];
      for (let round = 0; round < 2; round++) {
        for (const el of targets) {
          for (const type of ['mousedown', 'mouseup', 'click'])
            for (const [x, y] of [[box.left + 4, box.top + 4], ...points])
              el.dispatchEvent(new MouseEvent(type, { bubbles: true, composed: true, cancelable: true, clientX: x, clientY: y }));
          if (el instanceof HTMLElement) el.click();
          for (const [key, code] of [['H', 'KeyH'], ['N', 'KeyN'], ['+', 'Equal'], ['_', 'Minus'], ['Enter', 'Enter'], [' ', 'Space'], ['Tab', 'Tab'], ['ArrowDown', 'ArrowDown']] as const)
            el.dispatchEvent(new KeyboardEvent('keydown', { key, code, altKey: key.length === 1 && key !== ' ', shiftKey: key.length === 1 && key !== ' ', bubbles: true, composed: true, cancelable: true }));
        }
      }
      await new Promise((r) => setTimeout(r, 1500));
      const host = document.querySelector('wac-highlight');
      const look = getComputedStyle(root);
      return {
        host: !!host,
        open: host ? host.shadowRoot !== null : false,
        drawn: (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('wac-hl')?.size ?? 0,
        count: document.documentElement.dataset.wacHighlights ?? '',
        // Reading comfort's keys (Alt+Shift+= / -) and panel: the page's look stays WeChat's.
        reading: `${!!document.getElementById('wac-reading-style')} ${look.zoom}`,
      };
    });

  it('selecting text and clicking or keying the highlight control, the note editor, the menu and reading comfort\'s keys stores nothing, opens nothing, changes no look', async () => {
    const html = pageHtml('01');
    const url = pageUrl(html, '01');
    const page = await openBare(s, url, html);
    const pagesBefore = s.context.pages().length;
    let before = await stored(s);

    // 1. Before any highlight: the page's own selection and its events offer nothing and mark nothing.
    expect(await attack(page)).toEqual({ host: false, open: false, drawn: 0, count: '', reading: 'false 1' });
    expect(await stored(s)).toEqual(before);

    // 2. The reader selects a passage: the control is offered; the page cannot press it, nor the shortcut.
    await page.evaluate(() => getSelection()!.removeAllRanges());
    await selectWithMouse(page, 300, 12);
    await expect.poll(() => page.locator('wac-highlight').count()).toBe(1);
    expect(await attack(page)).toEqual({ host: true, open: false, drawn: 0, count: '', reading: 'false 1' });
    expect(await stored(s)).toEqual(before);

    // 3. The reader highlights (their shortcut): one stored. The page then tries the highlight (its
    //    editor by a click on it), the menu's 下一条划线 and 所有划线, and the shortcut on its own selection.
    await page.evaluate(() => getSelection()!.removeAllRanges());
    await selectWithMouse(page, 300, 12);
    await page.keyboard.press('Alt+Shift+KeyH');
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.wacHighlights)).toBe('1/1');
    await expect.poll(async () => JSON.stringify(await stored(s)).includes('"hl:')).toBe(true);
    before = await stored(s);
    expect(await attack(page)).toEqual({ host: true, open: false, drawn: 1, count: '1/1', reading: 'false 1' });
    expect(await stored(s)).toEqual(before);
    expect(s.context.pages().length - pagesBefore).toBe(0);
    expect(s.context.pages().some((p) => p.url().includes('highlights.html'))).toBe(false);

    // 4. The reader opens the highlight's note editor (a click on it): the page cannot save, remove or close it.
    const spot = await page.evaluate(() => {
      const r = [...(CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('wac-hl')!][0]!;
      const box = r.getClientRects()[0]!;
      return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
    });
    await page.evaluate(() => getSelection()!.removeAllRanges());
    await page.mouse.click(spot.x, spot.y);
    await expect.poll(() => exposeClosedRoots(page, 'wac-highlight')).toBe(1);
    await expect.poll(() => page.locator('wac-highlight').locator('wac=textarea').isVisible()).toBe(true);
    await page.evaluate(() => delete (document.querySelector('wac-highlight') as unknown as Record<string, unknown>).__wacShadow);
    expect(await attack(page)).toEqual({ host: true, open: false, drawn: 1, count: '1/1', reading: 'false 1' });
    expect(await stored(s)).toEqual(before);
    // The root is exposed to the test again first: the check waits for that, not for the editor.
    await expect.poll(() => exposeClosedRoots(page, 'wac-highlight')).toBe(1);
    await expect.poll(() => page.locator('wac-highlight').locator('wac=textarea').isVisible()).toBe(true);
    await page.keyboard.press('Escape');

    // 5. The reader opens the reading-comfort panel: the page cannot press its buttons.
    expect(await exposeToolbarChromium(page)).toBe(true);
    await toolbarAction(page, /阅读设置|Reading comfort/);
    await expect.poll(() => toolbar(page).locator('wac=#wac-reading').isVisible()).toBe(true);
    await page.evaluate(() => delete (document.querySelector('wac-toolbar') as unknown as Record<string, unknown>).__wacShadow);
    expect(await attack(page)).toMatchObject({ drawn: 1, count: '1/1', reading: 'false 1' });
    expect(await stored(s)).toEqual(before);
    expect(s.context.pages().length - pagesBefore).toBe(0);
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

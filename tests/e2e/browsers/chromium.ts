import type { Download, Page } from 'playwright-core';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, openArticle } from '../harness';
import { toolbarAction } from '../toolbar-actions';
import type { LaunchOptions, TestBrowser, TestPage } from './types';

/** Chromium behind the cross-browser interface: the existing harness (../harness.ts) underneath. */

// `wac-toolbar >>> x`: x inside the toolbar, whose root is closed (the `wac=` engine, ./closed-root.ts).
const css = (selector: string) => selector.replace(/^\s*wac-toolbar\s*>>>\s*/, 'wac=');

export async function launchChromium(options: LaunchOptions = {}): Promise<TestBrowser> {
  const downloadsDir = options.downloadsFolder ? mkdtempSync(join(tmpdir(), 'wac-chromium-downloads-')) : '';
  const session = await launch({ lang: options.lang, approveOptionalPermissions: options.approveOptionalPermissions, downloadsDir: downloadsDir || undefined, colorScheme: options.colorScheme });
  let downloads = 0;
  const watch = (p: Page) => p.on('download', () => downloads++);
  session.context.pages().forEach(watch);
  session.context.on('page', watch);
  const extensionUrl = (path: string) => `chrome-extension://${session.extensionId}/${path}`;

  const wrap = (page: Page): TestPage => ({
    evaluate: (fn, arg) => page.evaluate(fn as never, arg),
    clickToolbar: (name) => toolbarAction(page, name),
    click: (selector) => page.locator(css(selector)).first().click(),
    setChecked: (selector, on) => page.locator(css(selector)).first().setChecked(on),
    isChecked: (selector) => page.locator(css(selector)).first().isChecked(),
    async text(selector) {
      const l = page.locator(css(selector));
      return (await l.count()) === 0 ? null : l.first().textContent();
    },
    count: (selector) => page.locator(css(selector)).count(),
    async download(action, timeoutMs = 30_000) {
      // From any tab: the popup's button downloads in the article's tab.
      const next = new Promise<Download>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no download within ${timeoutMs} ms`)), timeoutMs);
        for (const p of page.context().pages()) p.once('download', (d) => (clearTimeout(timer), resolve(d)));
      });
      await action();
      const file = await next;
      return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
    },
    async readClipboard() {
      const origin = new URL(page.url()).origin;
      await session.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
      return page.evaluate(() => navigator.clipboard.readText());
    },
    bringToFront: () => page.bringToFront(),
    screenshot: async (path, selector) => void (await (selector ? page.locator(css(selector)).first().screenshot({ path }) : page.screenshot({ path }))),
    close: () => page.close(),
  });
  const pageOf = new WeakMap<TestPage, Page>();
  const wrapped = (page: Page) => {
    const t = wrap(page);
    pageOf.set(t, page);
    return t;
  };

  return {
    name: 'chromium',
    served: session.served,
    openArticle: async (url, html) => wrapped(await openArticle(session, url, html)),
    async openExtensionPage(path) {
      const page = await session.context.newPage();
      await page.goto(extensionUrl(path));
      return wrapped(page);
    },
    async openPopup(article) {
      const opener = await session.context.newPage();
      await opener.goto(extensionUrl('options.html'));
      // The popup acts on the active tab of the last focused window: the article, so the popup's own
      // window opens unfocused.
      await pageOf.get(article)!.bringToFront();
      const opened = session.context.waitForEvent('page');
      await opener.evaluate((url) => chrome.windows.create({ url, focused: false, type: 'popup' }), extensionUrl('popup.html'));
      const popup = await opened;
      await popup.waitForLoadState();
      await opener.close();
      return wrapped(popup);
    },
    failImages: (pred) => session.failImages(pred),
    respond: (handler) => session.respond(handler),
    async extensionPageOpened(path, action) {
      const opened = session.context.waitForEvent('page', { predicate: (p) => p.url() === extensionUrl(path) });
      await action();
      const page = await opened;
      await page.waitForLoadState();
      return wrapped(page);
    },
    downloadCount: async () => downloads,
    downloadsDir,
    async close() {
      await session.close();
      if (downloadsDir) rmSync(downloadsDir, { recursive: true, force: true });
    },
  };
}

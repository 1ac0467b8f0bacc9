import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { eachBrowser, type TestPage } from './browsers';
import { EXTENSION_DIR } from './harness';
import { FIREFOX_EXTENSION_DIR } from './browsers/firefox';
import { pageHtml, pageUrl } from '../fixtures';
import { shotPath } from './shots';

// The popup's chooser and main button, its layout, and what the built packages carry (#27: 11, 12, 14, 18, 20, 25).
const files = (dir: string): string[] => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]));
const BUILDS = { chromium: EXTENSION_DIR, firefox: FIREFOX_EXTENSION_DIR };

describe('the built packages', () => {
  it.each(Object.entries(BUILDS))('%s: the toolbar button is named from _locales, not the popup’s Chinese <title>', (_, dir) => {
    const m = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, { default_title?: string }>;
    expect((m.action ?? m.browser_action)!.default_title).toBe('__MSG_extName__');
  });

  it.each(Object.entries(BUILDS))('%s: every entry (background, content script, pipeline, each page) loads webextension-polyfill', (_, dir) => {
    // An entry and the chunks it imports; the polyfill's own guard text is there only when `wxt/browser` resolves to it.
    const reach = (file: string, seen = new Set<string>()): Set<string> => {
      if (seen.has(file)) return seen;
      seen.add(file);
      for (const m of readFileSync(file, 'utf8').matchAll(/["'](\.\.?\/[\w./-]+\.js)["']/g)) reach(resolve(dirname(file), m[1]!), seen);
      return seen;
    };
    const pages = files(dir).filter((f) => f.endsWith('.html'));
    const entries = [
      ...['background.js', 'content-scripts/content.js', 'export-pipeline.js'].map((f) => join(dir, f)),
      ...pages.flatMap((p) => Array.from(readFileSync(p, 'utf8').matchAll(/src="\/([^"]+\.js)"/g), (m) => join(dir, m[1]!))),
    ];
    expect(pages.length).toBeGreaterThanOrEqual(3);
    for (const entry of entries) {
      const code = [...reach(entry)].map((f) => readFileSync(f, 'utf8')).join('\n');
      expect(code.includes('This script should only be loaded in a browser extension'), entry).toBe(true);
    }
  });
});

/** Waits (outside a test, where expect.poll is not allowed) until the popup has filled itself in. */
async function until(check: () => Promise<boolean>, ms = 10_000): Promise<void> {
  for (const end = Date.now() + ms; !(await check()); ) {
    if (Date.now() > end) throw new Error('the popup did not fill in');
    await new Promise((r) => setTimeout(r, 100));
  }
}

const chooser = (popup: TestPage) =>
  popup.evaluate(() => Array.from((document.getElementById('destination') as HTMLSelectElement).options, (o) => o.value), null);
const pick = (popup: TestPage, id: string) =>
  popup.evaluate((v) => {
    const s = document.getElementById('destination') as HTMLSelectElement;
    s.value = v;
    s.dispatchEvent(new Event('change', { bubbles: true }));
  }, id);

eachBrowser('popup chooser', (b) => {
  let popup: TestPage;
  beforeAll(async () => {
    const html = pageHtml('seed-article');
    const article = await b.browser.openArticle(pageUrl(html, 'seed'), html);
    popup = await b.browser.openPopup(article);
    await until(async () => (await popup.text('#send')) !== 'Download Markdown');
  });

  it('lists only destinations that work here: Joplin and the Downloads subfolder once turned on, a picked folder only in Chromium', async () => {
    const folder = b.name === 'chromium' ? ['folder'] : [];
    expect(await chooser(popup)).toEqual(['download', 'clipboard', 'zip', ...folder, 'obsidian']);
  });

  it('names the main button by the chosen destination', async () => {
    expect(await popup.text('#send')).toBe('下载 Markdown');
    await pick(popup, 'zip');
    expect(await popup.text('#send')).toBe('下载 ZIP（含图片）');
    await pick(popup, 'obsidian');
    expect(await popup.text('#send')).toBe('发送到 Obsidian');
    await pick(popup, 'download');
  });

  it.runIf(b.name === 'chromium')('with no folder picked, "save to folder" becomes a button that opens the options', async () => {
    await pick(popup, 'folder');
    expect(await popup.text('#send')).toBe('打开设置，选择文件夹');
    await popup.click('#send');
    await expect.poll(() => popup.text('#message')).toContain('尚未选择文件夹');
    const optionsOpen = () =>
      popup.evaluate(async () => {
        const c = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ url?: string }[]> } } }).chrome;
        return (await c.tabs.query({})).some((t) => t.url?.endsWith('/options.html'));
      }, null);
    await expect.poll(optionsOpen).toBe(true);
    await pick(popup, 'download');
  });

  it('a hidden control takes no room (no empty bordered bar)', async () => {
    const height = await popup.evaluate(() => document.getElementById('follow-up')!.getBoundingClientRect().height, null);
    expect(height).toBe(0);
  });
});

for (const scheme of ['light', 'dark'] as const) {
  eachBrowser(
    `popup in the ${scheme} theme`,
    (b) => {
      let popup: TestPage;
      beforeAll(async () => {
        const html = pageHtml('seed-article');
        const article = await b.browser.openArticle(pageUrl(html, 'seed'), html);
        popup = await b.browser.openPopup(article);
        await until(async () => (await popup.text('#status'))?.startsWith('此页面') ?? false);
      });
      afterAll(async () => popup?.close());

      it(`follows prefers-color-scheme (${scheme})`, async () => {
        const bg = await popup.evaluate(() => getComputedStyle(document.body).backgroundColor, null);
        expect(bg).toBe(scheme === 'dark' ? 'rgb(31, 31, 31)' : 'rgb(255, 255, 255)');
        await popup.screenshot(shotPath(`popup-${scheme}-${b.name}.png`), 'body');
      });
    },
    { colorScheme: scheme },
  );
}

/**
 * Screenshots for the README: the seed before and after cleaning, the toolbar at three window widths
 * (menu closed and open, light and dark, collapsed to a tab), and the options page in both languages.
 * The article pages get a stand-in for WeChat's desktop style sheet, which cannot load offline.
 * Last, a corpus page cleaned in real Firefox.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { launch, openArticle, type Session } from './harness';
import { settle, useWechatDarkMode, useWechatDesktopLayout } from './wechat-layout';
import { launchBrowser } from './browsers';
import { pageHtml, pageUrl } from '../fixtures';
import { toolbar } from './browsers/closed-root';

const dir = process.argv[2] ?? 'tests/screenshots';
mkdirSync(dir, { recursive: true });
const html = pageHtml('seed-article');
const url = pageUrl(html, 'seed');

async function seed(s: Session): Promise<Page> {
  const page = await openArticle(s, url, html);
  await useWechatDesktopLayout(page);
  await settle(page);
  return page;
}

/** The lower right of the window: the end of the text column, the margin and the toolbar. */
async function toolbarShot(page: Page, name: string, width: number, how: { open?: boolean; dark?: boolean; scroll?: number }) {
  const height = 720;
  await page.setViewportSize({ width, height });
  if (how.dark) await useWechatDarkMode(page);
  await page.evaluate((y) => window.scrollTo(0, y), how.scroll ?? 600);
  await settle(page);
  if (how.open) await toolbar(page).getByRole('button', { name: /更多|More/ }).click();
  await page.mouse.move(0, 0);
  await settle(page);
  const w = Math.min(width, 520);
  await page.screenshot({ path: `${dir}/toolbar-${name}.png`, clip: { x: width - w, y: height - 400, width: w, height: 400 } });
}

for (const lang of ['zh-CN', 'en']) {
  const s = await launch({ lang });
  if (lang === 'zh-CN') {
    const ext = await s.context.newPage();
    await ext.goto(`chrome-extension://${s.extensionId}/popup.html`);
    await ext.evaluate(() => chrome.storage.sync.set({ settings: { cleanByDefault: false } }));
    const before = await seed(s);
    await before.screenshot({ path: `${dir}/seed-before.png` });
    await before.close();
    await ext.evaluate(() => chrome.storage.sync.set({ settings: { cleanByDefault: true } }));
    const after = await seed(s);
    await after.screenshot({ path: `${dir}/seed-after.png` });
    await after.close();
    for (const [name, width, how] of [
      ['1280-closed-light', 1280, {}],
      ['1024-open-light', 1024, { open: true }],
      ['800-open-dark', 800, { open: true, dark: true }],
      ['700-tab-dark', 700, { dark: true }],
    ] as const) {
      const page = await seed(s);
      await toolbarShot(page, name, width, how);
      await page.close();
    }
  }
  const opt = await s.context.newPage();
  await opt.setViewportSize({ width: 760, height: 900 });
  await opt.goto(`chrome-extension://${s.extensionId}/options.html`);
  await opt.waitForTimeout(300);
  await opt.screenshot({ path: `${dir}/options-${lang}.png`, fullPage: true });
  await s.close();
}
const firefox = await launchBrowser('firefox');
for (const name of ['seed-article', '02']) {
  const h = pageHtml(name);
  await (await firefox.openArticle(pageUrl(h, name), h)).screenshot(`${dir}/firefox-${name.slice(0, 4).replace(/-$/, '')}.png`);
}
await firefox.close();
console.log(`screenshots in ${dir}`);

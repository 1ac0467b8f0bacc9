/**
 * Screenshots for the README: the seed before and after cleaning, and the options page in both
 * languages (Chromium); a corpus page cleaned in real Firefox.
 */
import { mkdirSync } from 'node:fs';
import { launch, openArticle } from './harness';
import { launchBrowser } from './browsers';
import { pageHtml, pageUrl } from '../fixtures';

const dir = process.argv[2] ?? 'tests/screenshots';
mkdirSync(dir, { recursive: true });
const html = pageHtml('seed-article');
const url = pageUrl(html, 'seed');
for (const lang of ['zh-CN', 'en']) {
  const s = await launch({ lang });
  if (lang === 'zh-CN') {
    const ext = await s.context.newPage();
    await ext.goto(`chrome-extension://${s.extensionId}/popup.html`);
    await ext.evaluate(() => chrome.storage.sync.set({ settings: { cleanByDefault: false } }));
    const before = await openArticle(s, url, html);
    await before.screenshot({ path: `${dir}/seed-before.png` });
    await before.close();
    await ext.evaluate(() => chrome.storage.sync.set({ settings: { cleanByDefault: true } }));
    const after = await openArticle(s, url, html);
    await after.screenshot({ path: `${dir}/seed-after.png` });
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

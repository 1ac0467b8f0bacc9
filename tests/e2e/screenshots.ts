/**
 * `npm run screenshots` (or `npx tsx tests/e2e/screenshots.ts [dir]` after a build): the README's
 * pictures, remade on purpose, never by `npm test`.
 * - the seed before and after cleaning, in the stand-in for WeChat's desktop layout, with stand-in
 *   pictures (the corpus has no images; a promotion image is drawn as one, see stand-in-pictures.ts);
 * - the toolbar at four window widths (menu closed and open, light and dark, collapsed to a tab);
 * - a note (page 02, exported by the toolbar) as a notes app shows it: markdown-it and a notes-app page;
 * - the options page in both languages, and two corpus pages cleaned in real Firefox (the stand-in
 *   layout; its images are the tests' one image: the Firefox driver routes requests itself).
 * With --with-tests, then the browser tests that take screenshots (shotPath), with UPDATE_SCREENSHOTS=1.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { parse as parseYaml } from 'yaml';
import type { Page } from 'playwright-core';
import { launch, openArticle, type Session } from './harness';
import { settle, useWechatDarkMode, useWechatDesktopLayout, WECHAT_DESKTOP_CSS } from './wechat-layout';
import { ARTICLE_SHOT_VIEWPORT, imageRatios, loadImagesAsWechatDoes, serveStandInPictures } from './stand-in-pictures';
import { toolbarAction } from './toolbar-actions';
import { launchBrowser } from './browsers';
import { pageHtml, pageUrl } from '../fixtures';
import { toolbar } from './browsers/closed-root';

const args = process.argv.slice(2);
const dir = args.find((a) => !a.startsWith('--')) ?? 'tests/screenshots';
mkdirSync(dir, { recursive: true });

/** An article at its address in the stand-in layout, its images drawn, the toolbar placed. */
async function article(s: Session, name: string, how: { wechatLoadsImages?: boolean } = {}): Promise<Page> {
  const html = pageHtml(name);
  const page = await openArticle(s, pageUrl(html, name), html);
  await useWechatDesktopLayout(page);
  // With cleaning off the extension loads no image: show what WeChat's own script would.
  if (how.wechatLoadsImages) await loadImagesAsWechatDoes(page);
  await page.waitForFunction(() => Array.from(document.querySelectorAll<HTMLImageElement>('#js_content img[src^="http"]')).every((i) => i.complete));
  await page.mouse.move(0, 0);
  await settle(page);
  return page;
}

const setCleaning = async (s: Session, on: boolean) => {
  const ext = await s.context.newPage();
  await ext.goto(`chrome-extension://${s.extensionId}/popup.html`);
  await ext.evaluate((c) => chrome.storage.sync.set({ settings: { cleanByDefault: c } }), on);
  await ext.close();
};

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

/** A notes app's look, roughly (Obsidian's light theme): a file list, then the note with its properties. */
const NOTES_APP_CSS = `
* { box-sizing: border-box; }
body { margin: 0; display: flex; height: 100vh; font: 15px/1.75 system-ui, "WenQuanYi Micro Hei", "Noto Sans CJK SC", sans-serif; color: #222; background: #fff; }
aside { width: 250px; flex: none; background: #f6f6f7; border-right: 1px solid #e3e3e3; padding: 14px 10px; font-size: 13px; color: #555; }
aside .vault { font-weight: 600; color: #333; margin: 0 0 10px 6px; }
aside .row { padding: 3px 6px; border-radius: 4px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
aside .open { background: #e4e4ea; color: #222; }
main { flex: 1; overflow: hidden; }
.tab { height: 36px; border-bottom: 1px solid #e3e3e3; background: #fafafa; font-size: 12px; color: #555; padding: 9px 16px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
article { max-width: 720px; margin: 0 auto; padding: 22px 28px; }
.props { font-size: 13px; border-bottom: 1px solid #eee; margin-bottom: 10px; padding-bottom: 8px; }
.props div { display: flex; gap: 12px; padding: 2px 0; }
.props dt { width: 110px; flex: none; color: #888; }
.props dd { margin: 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; color: #444; }
h1 { font-size: 26px; line-height: 1.3; margin: 12px 0; }
h2 { font-size: 20px; margin: 22px 0 8px; }
h3 { font-size: 17px; }
img { max-width: 100%; max-height: 300px; width: auto; height: auto; border-radius: 4px; display: block; margin: 6px 0; }
a { color: #705dcf; text-decoration: none; }
code { background: #f2f2f4; padding: 1px 4px; border-radius: 3px; font-size: 13px; }
blockquote { border-left: 3px solid #705dcf; margin: 0; padding-left: 14px; color: #555; }
`;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

async function noteInNotesApp(s: Session, name: string) {
  const page = await article(s, name);
  const download = page.waitForEvent('download');
  await toolbarAction(page, /下载 Markdown|Download Markdown/);
  const file = await download;
  const text = readFileSync((await file.path())!, 'utf8');
  await page.close();
  const front = /^---\n([\s\S]*?)\n---\n/.exec(text);
  const props = (front ? parseYaml(front[1]!) : {}) as Record<string, unknown>;
  const body = text.slice(front?.[0].length ?? 0);
  const account = String(props.account ?? '');
  const noteName = file.suggestedFilename().replace(/\.md$/, '');
  const shown = ['author', 'account', 'published', 'source'].filter((k) => props[k] !== undefined);
  const app = await s.context.newPage();
  await app.setViewportSize({ width: 1200, height: 860 });
  await app.setContent(`<!doctype html><meta charset="utf-8"><style>${NOTES_APP_CSS}</style>
<aside><p class="vault">我的笔记库</p><div class="row">▾ 公众号</div><div class="row">&nbsp;&nbsp;▾ ${esc(account)}</div><div class="row open">&nbsp;&nbsp;&nbsp;&nbsp;${esc(noteName)}</div></aside>
<main><div class="tab">公众号 / ${esc(account)} / ${esc(noteName)}</div><article><dl class="props">${shown
    .map((k) => `<div><dt>${k}</dt><dd>${esc(String(props[k] instanceof Date ? (props[k] as Date).toISOString() : props[k]))}</dd></div>`)
    .join('')}</dl>${new MarkdownIt({ linkify: true }).render(body)}</article></main>`);
  await app.waitForFunction(() => Array.from(document.images).every((i) => i.complete));
  await app.screenshot({ path: `${dir}/note-in-notes-app.png` });
  await app.close();
}

for (const lang of ['zh-CN', 'en']) {
  const s = await launch({ lang });
  if (lang === 'zh-CN') {
    await serveStandInPictures(s.context, 'seed-article', imageRatios(pageHtml('seed-article')));
    await setCleaning(s, false);
    const before = await article(s, 'seed-article', { wechatLoadsImages: true });
    await before.setViewportSize(ARTICLE_SHOT_VIEWPORT);
    await settle(before);
    await before.screenshot({ path: `${dir}/seed-before.png` });
    await before.close();
    await setCleaning(s, true);
    const after = await article(s, 'seed-article');
    await after.setViewportSize(ARTICLE_SHOT_VIEWPORT);
    await settle(after);
    await after.screenshot({ path: `${dir}/seed-after.png` });
    await after.close();
    for (const [name, width, how] of [
      ['1280-closed-light', 1280, {}],
      ['1280-open-light', 1280, { open: true }],
      ['1024-open-light', 1024, { open: true }],
      ['800-open-dark', 800, { open: true, dark: true }],
      ['700-tab-dark', 700, { dark: true }],
    ] as const) {
      const page = await article(s, 'seed-article');
      await toolbarShot(page, name, width, how);
      await page.close();
    }
    await s.context.unroute(/^https:\/\/mmbiz\.(qpic|qlogo)\.cn\//);
    await serveStandInPictures(s.context, '02', imageRatios(pageHtml('02')));
    await noteInNotesApp(s, '02');
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
  const page = await firefox.openArticle(pageUrl(h, name), h);
  await page.evaluate((css) => document.head.append(Object.assign(document.createElement('style'), { textContent: css })), WECHAT_DESKTOP_CSS);
  await page.screenshot(`${dir}/firefox-${name.slice(0, 4).replace(/-$/, '')}.png`);
}
await firefox.close();
console.log(`screenshots in ${dir}`);

if (args.includes('--with-tests')) {
  // The browser tests that take screenshots, writing into tests/screenshots this once.
  const files = readdirSync('tests/e2e')
    .filter((f) => f.endsWith('.test.ts') && readFileSync(join('tests/e2e', f), 'utf8').includes('shotPath('))
    .map((f) => join('tests/e2e', f));
  const run = spawnSync('npx', ['vitest', 'run', '--project', 'browser', ...files], { stdio: 'inherit', env: { ...process.env, UPDATE_SCREENSHOTS: '1' } });
  process.exit(run.status ?? 1);
}

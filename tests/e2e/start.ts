/**
 * `npm start`: build, then open the bundled seed article at its real address in Chromium with the
 * extension loaded (served from the local file; no network needed), in the stand-in for WeChat's
 * desktop layout with stand-in pictures, as the README's "after" shows it. With a display it opens a
 * window and stays open; without one it exports the Markdown and a screenshot to out/.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { findChromium, launch, openArticle } from './harness';
import { settle, useWechatDesktopLayout } from './wechat-layout';
import { ARTICLE_SHOT_VIEWPORT, imageRatios, serveStandInPictures } from './stand-in-pictures';
import { toolbarAction } from './toolbar-actions';
import { pageHtml, pageUrl } from '../fixtures';

try {
  findChromium();
} catch (e) {
  console.error((e as Error).message);
  process.exit(1);
}
if ((spawnSync('npx', ['wxt', 'build'], { stdio: 'inherit' }).status ?? 1) !== 0) process.exit(1);

const headless = !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
const html = pageHtml('seed-article');
const url = pageUrl(html, 'seed-article');
const session = await launch({ headless });
await serveStandInPictures(session.context, 'seed-article', imageRatios(html));
const page = await openArticle(session, url, html);
await page.setViewportSize(ARTICLE_SHOT_VIEWPORT);
await useWechatDesktopLayout(page);
await settle(page);

if (!headless) {
  console.log(`Opened ${url} with the extension loaded. Close the browser window to quit.`);
  await new Promise<void>((r) => session.context.on('close', () => r()));
  process.exit(0);
}

mkdirSync('out', { recursive: true });
const shot = resolve('out/seed-article.png');
await page.screenshot({ path: shot });
const download = page.waitForEvent('download');
await toolbarAction(page, /下载 Markdown|Download Markdown/);
const file = await download;
const md = resolve('out', file.suggestedFilename());
await file.saveAs(md);
await session.close();
console.log(`Markdown:   ${md}`);
console.log(`Screenshot: ${shot}`);

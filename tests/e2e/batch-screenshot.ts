/**
 * `npx tsx tests/e2e/batch-screenshot.ts [dir]`: the batch page in the middle of the real 106-article
 * album (offline, corpus pages as the articles), at the default 1–3 s pace, with one article failing.
 */
import { mkdirSync } from 'node:fs';
import { launch } from './harness';
import { toolbarAction } from './toolbar-actions';
import { ALBUM_PAGE, serveAlbum } from './album-server';
import { albumFixture, albumJson } from '../fixtures';

const dir = process.argv[2] ?? 'tests/screenshots';
mkdirSync(dir, { recursive: true });
const s = await launch();
// 微型小说《怪猫》 (the second oldest) answers 404: one failure to show with its Retry.
serveAlbum(s, albumJson('first-page'), (mid) => (mid === '2247483859' ? { status: 404, body: 'gone' } : undefined));
s.page(ALBUM_PAGE, albumFixture('album-2026-03-09.html.gz'));
const album = await s.context.newPage();
await album.goto(ALBUM_PAGE, { waitUntil: 'domcontentloaded' });
await album.locator('wac-toolbar[data-state=album]').waitFor({ state: 'attached' });
const opened = s.context.waitForEvent('page', { predicate: (p) => p.url().includes('/batch.html') });
await toolbarAction(album, /导出合集|Export album/);
const batch = await opened;
await batch.setViewportSize({ width: 820, height: 620 });
await batch.getByRole('button', { name: /开始导出|Start export/ }).click();
await batch.locator('#failures li').first().waitFor({ timeout: 120_000 });
await batch.waitForTimeout(2500);
await batch.screenshot({ path: `${dir}/batch.png` });
console.log(`${dir}/batch.png at ${await batch.locator('#count').textContent()}`);
await s.close();

import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { unzipSync, strFromU8 } from 'fflate';
import type { Page } from 'playwright-core';
import { launch, openArticle, type Session } from './harness';
import { toolbarAction } from './toolbar-actions';
import { ALBUM_PAGE, articleUrl, corpusFor, fastSettings, htmlFor, realHtml, REAL, serveAlbum, threeArticleAlbum } from './album-server';
import { albumFixture, albumJson, clockless, pageHtml, pageUrl } from '../fixtures';
import { loadDocument, UNAVAILABLE } from '../golden-cases';
import { exportMarkdown } from '../../utils/pipeline/export';
import { epubcheck } from '../epubcheck';
import { shotPath } from './shots';
import { toolbar } from './browsers/closed-root';

async function batchPageFrom(session: Session, start: () => Promise<void>): Promise<Page> {
  const opened = session.context.waitForEvent('page', { predicate: (p) => p.url().includes('/batch.html') });
  await start();
  const page = await opened;
  await page.waitForLoadState();
  return page;
}

async function startAndDownload(batch: Page, expectCount: number, timeout = 120_000, whileRunning: () => Promise<void> = async () => {}) {
  await expect.poll(() => batch.locator('#setup-info').textContent(), { timeout: 30_000 }).toContain(String(expectCount));
  const download = batch.waitForEvent('download', { timeout });
  await batch.getByRole('button', { name: /开始导出|Start export/ }).click();
  await whileRunning();
  return zipOf(await download);
}

async function zipOf(download: import('playwright-core').Download) {
  const files = unzipSync(new Uint8Array(readFileSync((await download.path())!)));
  return { name: download.suggestedFilename(), files, text: (path: string) => strFromU8(files[path]!) };
}

/** The note a single export of this page gives (jsdom, the same pipeline), for comparison. */
const singleExport = (mid: string) => {
  const r = exportMarkdown(loadDocument(htmlFor(mid), articleUrl(mid)), articleUrl(mid));
  if (!r.ok) throw new Error(r.message);
  return r;
};

let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

describe('batch export, offline, in real Chromium', () => {
  it('a 3-article album from the article toolbar: every note as a single export gives it, and index.md in album order', async () => {
    session = await launch();
    await fastSettings(session);
    serveAlbum(session, threeArticleAlbum());
    const article = await openArticle(session, articleUrl('2247484584'), htmlFor('2247484584'));
    const item = toolbar(article).getByRole('menuitem', { name: /导出合集|Export album/, includeHidden: true });
    // No count here: WeChat's number (105) is a position; the batch page counts what it lists (106).
    await expect.poll(() => item.textContent()).toBe('导出合集：微型小说');
    // The batch runs in its own page, not on the reader's: the reader's page fetches none of the album.
    // (How long it may stall the reader is for `npm run bench`; tests don't time things.)
    const fromArticle: string[] = [];
    article.on('request', (r) => fromArticle.push(r.url()));
    const batch = await batchPageFrom(session, () => toolbarAction(article, /导出合集|Export album/));
    // #27.19: the range is picked by title, counted from the oldest.
    await expect.poll(() => batch.locator('#from option').count(), { timeout: 30_000 }).toBe(3);
    const range = await batch.locator('#to option').allTextContents();
    expect(range.map((o) => o.replace(/ .*/, ''))).toEqual(['1.', '2.', '3.']);
    for (const o of range) expect(o).toMatch(/^\d\. (?!https?:)\S/);
    const zip = await startAndDownload(batch, 3);
    expect(zip.name).toBe('微型小说.zip');
    expect(fromArticle.filter((u) => /[?&]mid=|action=getalbum/.test(u))).toEqual([]);
    const oldestFirst = ['2247483846', '2247484420', '2247484584'];
    const index = zip.text('微型小说/index.md');
    const lines = index.split('\n').filter((l) => /^\d+\. /.test(l));
    expect(lines).toHaveLength(3);
    oldestFirst.forEach((mid, i) => {
      const single = singleExport(mid);
      expect(lines[i]).toBe(`${i + 1}. [${single.article.meta.title.replace(/([\\[\]*_`])/g, '\\$1')}](<${single.fileName}.md>) — ${single.article.meta.published.slice(0, 10)}`);
      expect(clockless(zip.text(`微型小说/${single.fileName}.md`))).toBe(clockless(single.markdown));
    });
    await expect.poll(() => batch.locator('#state-note').textContent()).toMatch(/完成|Done/);
    expect(session.served.leaks).toEqual([]);
  });

  it('the 106-article album from the album page: real JSON pages to continue_flag "0", every note and index.md right', async () => {
    session = await launch();
    await fastSettings(session);
    serveAlbum(session, albumJson('first-page'));
    session.page(ALBUM_PAGE, albumFixture('album-2026-03-09.html.gz'));
    const albumPage = await session.context.newPage();
    await albumPage.goto(ALBUM_PAGE, { waitUntil: 'domcontentloaded' });
    await albumPage.locator('wac-toolbar[data-state=album]').waitFor({ state: 'attached', timeout: 15_000 });
    const batch = await batchPageFrom(session, () => toolbarAction(albumPage, /导出合集|Export album/));
    // Peak JS heap of the batch page, sampled while it runs.
    let peak = 0;
    const sampler = setInterval(() => {
      void batch
        .evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0)
        .then((n) => (peak = Math.max(peak, n)))
        .catch(() => {});
    }, 250);
    const started = Date.now();
    // While it runs, the album page's toolbar says so and links to the batch page.
    const running = toolbar(albumPage).getByRole('menuitem', { name: /合集导出中|Batch running/, includeHidden: true });
    const zip = await startAndDownload(batch, 106, 280_000, () => expect.poll(() => running.textContent(), { timeout: 30_000 }).toMatch(/微型小说 \d+ \/ 106/));
    clearInterval(sampler);
    console.log(`106-article batch: ${((Date.now() - started) / 1000).toFixed(1)} s, peak JS heap of the batch page ${(peak / 1048576).toFixed(1)} MB, ZIP ${Object.keys(zip.files).length} files`);
    const index = zip.text('微型小说/index.md');
    const lines = index.split('\n').filter((l) => /^\d+\. /.test(l));
    expect(lines).toHaveLength(106);
    // Album order, oldest first: the real last JSON page ends with position 1 (烧枯秧, a corpus page here).
    const unavailable = (mid: string) => !realHtml.has(mid) && UNAVAILABLE.some((u) => corpusFor(mid).startsWith(`${u}-`));
    const notes = Object.keys(zip.files).filter((f) => /^微型小说\/[^/]+\.md$/.test(f) && f !== '微型小说/index.md');
    const linked = lines.flatMap((l) => /\]\(<(.+)>\)/.exec(l)?.[1] ?? []);
    expect(new Set(linked).size).toBe(linked.length);
    for (const l of linked) expect(zip.files[`微型小说/${l}`], l).toBeDefined();
    expect(notes).toHaveLength(linked.length);
    const failed = lines.filter((l) => l.includes(' — 未导出: '));
    expect(failed.length + linked.length).toBe(106);
    expect(failed.length).toBeGreaterThan(0);
    for (const l of failed) expect(l).toMatch(/未导出: .+ — <https:\/\/mp\.weixin\.qq\.com\/s\?__biz=/);
    // Every failure is an unavailable page, nothing else.
    for (const l of failed) expect(unavailable(/mid=(\d+)/.exec(l)![1]!), l).toBe(true);
    // #27.19: an unavailable page is not offered a retry; the done batch's button downloads its ZIP again.
    expect(await batch.locator('#failures li').count()).toBe(failed.length);
    expect(await batch.locator('#failures button').count()).toBe(0);
    expect(await batch.locator('#download').textContent()).toBe('再次下载 ZIP');
    // The three saved articles are notes with their own text.
    expect(zip.files['微型小说/107 ｜ 微型小说《贴地飞行》.md']).toBeDefined();
    // Images: every note's images are in its folder (page 02 alone has 51).
    expect(Object.keys(zip.files).filter((f) => f.startsWith('微型小说/assets/')).length).toBeGreaterThan(51);
    expect(session.served.leaks).toEqual([]);
  }, 300_000);

  it('faults: a hang, a verification page midway, HTTP 500s; the stopped batch keeps what is done, and resuming in a new page finishes the rest', async () => {
    session = await launch();
    await fastSettings(session, { batchTimeoutMs: 1500, batchBackoffMs: 100 });
    let verify = true;
    const verifyPage = '<html><body><div class="weui-msg"><p class="weui-msg__desc">当前环境异常，完成验证后即可继续访问。</p><a>去验证</a></div></body></html>';
    const asked = serveAlbum(session, threeArticleAlbum(), (mid, n) => {
      if (mid === '2247483846' && n === 1) return { hang: true };
      if (mid === '2247484420' && verify) return { body: verifyPage };
      if (mid === '2247484584' && n <= 2) return { status: 500, body: 'server error' };
      return undefined;
    });
    const article = await openArticle(session, articleUrl('2247484584'), htmlFor('2247484584'));
    let batch = await batchPageFrom(session, () => toolbarAction(article, /导出合集|Export album/));
    await expect.poll(() => batch.locator('#setup-info').textContent(), { timeout: 30_000 }).toContain('3');
    await batch.getByRole('button', { name: /开始导出|Start export/ }).click();
    await expect.poll(() => batch.locator('#state-note').textContent(), { timeout: 30_000 }).toMatch(/已停止.*验证|Stopped: .*verification/);
    expect(await batch.locator('#count').textContent()).toBe('1 / 3');
    // The hung request was given up and asked again.
    expect(asked.get('2247483846')).toBe(2);
    // While it is stopped, the article's toolbar still offers the album; close the batch's page.
    await batch.close();

    verify = false;
    batch = await session.context.newPage();
    await batch.goto(`chrome-extension://${session.extensionId}/batch.html`);
    await expect.poll(() => batch.locator('#count').textContent()).toBe('1 / 3');
    const download = batch.waitForEvent('download', { timeout: 60_000 });
    await batch.getByRole('button', { name: /^(继续|Resume)$/ }).click();
    const zip = await zipOf(await download);
    for (const mid of REAL) expect(clockless(zip.text(`微型小说/${singleExport(mid).fileName}.md`))).toBe(clockless(singleExport(mid).markdown));
    expect(zip.text('微型小说/index.md').split('\n').filter((l) => /^\d+\. \[/.test(l))).toHaveLength(3);
    // Nothing finished was fetched again; the 500s were retried.
    expect(asked.get('2247483846')).toBe(2);
    expect(asked.get('2247484584')).toBe(3);
    expect(session.served.leaks).toEqual([]);
  });
});

describe('batch from the popup', () => {
  it('"export all open article tabs" and a pasted list of links; an article in no album offers no album export', async () => {
    session = await launch();
    await fastSettings(session);
    // Page 17 is in no album (the seed and pages 01 and 08 name one in their inline data).
    const plainHtml = pageHtml('17');
    const plainUrl = pageUrl(plainHtml, '17');
    serveAlbum(session, threeArticleAlbum(), undefined, new Map([[new URL(plainUrl).searchParams.get('mid')!, plainHtml]]));
    const a = await openArticle(session, articleUrl('2247483846'), htmlFor('2247483846'));
    await openArticle(session, articleUrl('2247484420'), htmlFor('2247484420'));
    const seed = await openArticle(session, plainUrl, plainHtml);
    await expect.poll(() => toolbar(seed).getByRole('button', { name: /下载 Markdown|Download Markdown/ }).count()).toBe(1);
    expect(await toolbar(seed).getByRole('menuitem', { name: /导出合集|Export album/, includeHidden: true }).count()).toBe(0);
    await a.bringToFront();
    const ext = session.context.serviceWorkers()[0]!;
    const openPopup = async () => {
      const opened = session!.context.waitForEvent('page', { predicate: (p) => p.url().includes('/popup.html') });
      await ext.evaluate((id) => chrome.windows.create({ url: `chrome-extension://${id}/popup.html`, focused: false, type: 'popup' }), session!.extensionId);
      const popup = await opened;
      await popup.waitForLoadState();
      await popup.locator('#batch summary').click();
      return popup;
    };
    let popup = await openPopup();
    let batch = await batchPageFrom(session, () => popup.getByRole('button', { name: /导出所有打开的文章|Export all open article tabs/ }).click());
    let zip = await startAndDownload(batch, 3);
    expect(zip.name).toBe('打开的文章.zip');
    for (const mid of ['2247483846', '2247484420']) expect(clockless(zip.text(`打开的文章/${singleExport(mid).fileName}.md`))).toBe(clockless(singleExport(mid).markdown));
    const plain = exportMarkdown(loadDocument(plainHtml, plainUrl), plainUrl);
    expect(plain.ok && zip.files[`打开的文章/${plain.fileName}.md`]).toBeDefined();
    await batch.close();

    popup = await openPopup();
    await popup.getByLabel(/文章链接，每行一个|Article links, one a line/).fill(`${articleUrl('2247484584')}&chksm=x#rd\nhttps://example.com/not-wechat\n`);
    batch = await batchPageFrom(session, () => popup.getByRole('button', { name: /导出这些链接|Export these links/ }).click());
    zip = await startAndDownload(batch, 1);
    expect(clockless(zip.text(`文章链接/${singleExport('2247484584').fileName}.md`))).toBe(clockless(singleExport('2247484584').markdown));
    expect(await popup.locator('#batch-message').textContent()).toContain('https://example.com/not-wechat');
    expect(session.served.leaks).toEqual([]);
  });
});

describe('the album as an e-book, in real Chromium', () => {
  it('"导出为电子书 / Export as e-book" on the batch page: one EPUB that epubcheck passes, a chapter per article in album order with its images inside, a failed image a placeholder, the deleted article listed; opened as a reader would', async () => {
    session = await launch();
    await fastSettings(session);
    // The album's second address answers with a corpus page that has images, its third with a page its author deleted.
    const withImages = pageHtml('20');
    serveAlbum(session, threeArticleAlbum(), undefined, new Map([['2247484420', withImages], ['2247484584', pageHtml('11')]]));
    const images = exportMarkdown(loadDocument(withImages, articleUrl('2247484420')), articleUrl('2247484420'));
    if (!images.ok) throw new Error(images.message);
    const broken = images.article.images[1]!;
    session.failImages((url) => url === broken);
    const article = await openArticle(session, articleUrl('2247484584'), htmlFor('2247484584'));
    const batch = await batchPageFrom(session, () => toolbarAction(article, /导出合集|Export album/));
    await expect.poll(() => batch.locator('#setup-info').textContent(), { timeout: 30_000 }).toContain('3');
    const download = batch.waitForEvent('download', { timeout: 120_000 });
    await batch.getByRole('button', { name: /导出为电子书|Export as e-book/ }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('微型小说.epub');
    const path = (await file.path())!;
    const check = epubcheck(path);
    expect(check.errors).toEqual([]);
    expect(check.warnings).toEqual([]);
    const files = unzipSync(new Uint8Array(readFileSync(path)));
    const text = (p: string) => strFromU8(files[p]!);
    expect(Object.keys(files)[0]).toBe('mimetype');
    expect(Object.keys(files).filter((n) => /^OEBPS\/text\/\d+\.xhtml$/.test(n))).toHaveLength(2);
    const nav = text('OEBPS/nav.xhtml');
    const entries = Array.from(nav.matchAll(/<li>(.*?)<\/li>/g), (m) => m[1]!);
    expect(entries).toEqual([
      '<a href="text/001.xhtml">微型小说《燃烟》</a>',
      `<a href="text/002.xhtml">${images.article.meta.title}</a>`,
      expect.stringMatching(/^<a href="missing\.xhtml#m1" class="missing">.+ — 未收入 \/ Not in this book<\/a>$/),
    ]);
    expect(text('OEBPS/missing.xhtml')).toMatch(/该内容已被发布者删除/);
    // The images the batch fetched are inside the book; the one that failed is a labelled placeholder.
    const chapter = text('OEBPS/text/002.xhtml');
    const inside = Array.from(chapter.matchAll(/<img src="\.\.\/(images\/[^"]+)"/g), (m) => m[1]!);
    expect(inside).toHaveLength(images.article.images.length - 1);
    for (const img of inside) expect(files[`OEBPS/${img}`]!.length).toBeGreaterThan(0);
    expect(chapter).toContain(`<span class="missing-image">[图片未能保存 / Image not saved] ${broken.replace(/&/g, '&amp;')}</span>`);
    expect(files['OEBPS/images/cover.png'] ?? files['OEBPS/images/cover.jpg']).toBeDefined();
    await expect.poll(() => batch.locator('#state-note').textContent()).toMatch(/电子书|e-book/);
    expect(session.served.leaks).toEqual([]);

    // Opened as a reader would: the contents and the chapter with images, rendered from the book's own files.
    const dir = mkdtempSync(join(tmpdir(), 'wac-epub-open-'));
    for (const [name, bytes] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, name)), { recursive: true });
      writeFileSync(join(dir, name), bytes);
    }
    const reader = await session.context.newPage();
    await reader.setViewportSize({ width: 600, height: 800 });
    for (const [page, shot] of [['nav.xhtml', 'epub-contents.png'], ['text/002.xhtml', 'epub-chapter.png']] as const) {
      await reader.goto(pathToFileURL(join(dir, 'OEBPS', page)).href);
      // Rendered as XHTML (a parse error would show Chromium's error box instead), images decoded.
      expect(await reader.evaluate(() => document.querySelector('parsererror') === null && document.contentType)).toBe('application/xhtml+xml');
      expect(await reader.evaluate(() => Array.from(document.images).every((i) => i.complete && i.naturalWidth > 0))).toBe(true);
      await reader.screenshot({ path: shotPath(shot), fullPage: true });
    }
  }, 180_000);
});

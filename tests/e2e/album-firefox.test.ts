/**
 * Following an album and the album as an e-book in real Firefox ESR, through the cross-browser
 * interface (./browsers), on the real album served at its real addresses: the scenarios that
 * follow.test.ts and batch.test.ts run in Chromium. One Firefox for both.
 *
 * What Firefox lacks by design: the folder destination (no showDirectoryPicker, so no picked folder and
 * no OPFS stand-in for one), hence no "note in the folder" newness and no batch written into a folder.
 * What it offers is tested: a note exported alone into a subfolder of Downloads is in the record, so a
 * check counts it as not new; "Export new" makes a ZIP of only the new ones.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { BROWSERS, launchBrowser, type TestBrowser, type TestPage } from './browsers';
import { ALBUM, articleUrl, BIZ, htmlFor, serveAlbum, threeArticleAlbum } from './album-server';
import { loadDocument } from '../golden-cases';
import { clockless, pageHtml } from '../fixtures';
import { exportMarkdown } from '../../utils/pipeline/export';
import { epubcheck } from '../epubcheck';

const single = (mid: string, html = htmlFor(mid)) => {
  const r = exportMarkdown(loadDocument(html, articleUrl(mid)), articleUrl(mid));
  if (!r.ok) throw new Error(r.message);
  return r;
};
// Inside evaluate (serialized: no helper of this file is there), the extension's API.
type Ext = { browser: { storage: typeof chrome.storage } };
const row = `#follow-list li[data-album="${ALBUM.id}"]`;
const [oldMid, , newMid] = ['2247483846', '2247484420', '2247484584'];

describe.skipIf(!BROWSERS.includes('firefox'))('firefox › follow an album and the e-book', () => {
  let browser: TestBrowser;
  let options: TestPage;
  // What the album's article addresses answer, by mid (the real pages unless set): the e-book swaps some.
  const pages = new Map<string, string>();
  const local = <T>(key: string) => options.evaluate(async (k) => (await (globalThis as unknown as Ext).browser.storage.local.get(k))[k] as T, key);

  beforeAll(async () => {
    browser = await launchBrowser('firefox', { approveOptionalPermissions: true });
    serveAlbum(browser, threeArticleAlbum(), undefined, pages);
    // No pause between requests (as fastSettings in Chromium), stored before the options page reads them.
    const setup = await browser.openExtensionPage('options.html');
    await setup.evaluate((s) => (globalThis as unknown as Ext).browser.storage.sync.set({ settings: s }), { batchPauseMinMs: 0, batchPauseMaxMs: 0 });
    await setup.close();
    // The hash opens the Downloads-subfolder section (downloads-folder.test.ts).
    options = await browser.openExtensionPage('options.html#downloads-folder');
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('follow from the article, one article exported alone into a subfolder of Downloads, check (2 new), "Export new" a ZIP of only those two, check again (0 new)', async () => {
    // The Downloads-subfolder destination, as the reader chooses it (downloads-folder.test.ts).
    await options.click('#dlf-grant');
    await expect.poll(() => options.text('#dlf-status')).toMatch(/已允许|^Allowed/);
    await options.evaluate(() => {
      const select = document.getElementById('destination') as HTMLSelectElement;
      select.value = 'downloads-folder';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    }, null);
    await expect.poll(() => options.evaluate(async () => ((await (globalThis as unknown as Ext).browser.storage.sync.get('settings')).settings as { destination?: string })?.destination, null)).toBe('downloads-folder');

    const article = await browser.openArticle(articleUrl(newMid), htmlFor(newMid));
    await article.clickToolbar(/关注合集|Follow album/);
    await expect.poll(() => local<{ id: string }[]>('followed').then((l) => l?.map((a) => a.id))).toEqual([ALBUM.id]);

    const alone = await browser.openArticle(articleUrl(oldMid), htmlFor(oldMid));
    await alone.clickToolbar(/下载 Markdown|Download Markdown/);
    await expect.poll(() => local<Record<string, number>>('exported').then((m) => Object.keys(m ?? {})), { timeout: 30_000 }).toEqual([`${BIZ}/${oldMid}/1`]);
    expect(existsSync(join(browser.downloadsDir, `${single(oldMid).fileName}.md`))).toBe(true);

    await options.click('#follow-check');
    await expect.poll(() => options.text(row), { timeout: 30_000 }).toMatch(/2 篇新文章|2 new/);

    const batch = await browser.extensionPageOpened('batch.html', () => options.click(`${row} button`));
    await expect.poll(() => batch.text('#setup-info'), { timeout: 30_000 }).toMatch(/微型小说.*\b2\b/);
    const file = await batch.download(() => batch.click('#start'), 60_000);
    expect(file.name).toBe('微型小说.zip');
    const zip = unzipSync(new Uint8Array(file.bytes));
    const notes = Object.keys(zip).filter((p) => p.endsWith('.md') && !p.endsWith('/index.md'));
    const fresh = ['2247484420', newMid].map((mid) => single(mid));
    expect(notes.sort()).toEqual(fresh.map((f) => `微型小说/${f.fileName}.md`).sort());
    for (const f of fresh) expect(clockless(strFromU8(zip[`微型小说/${f.fileName}.md`]!))).toBe(clockless(f.markdown));
    await expect.poll(() => local<Record<string, number>>('exported').then((m) => Object.keys(m ?? {}).length)).toBe(3);

    await options.click('#follow-check');
    await expect.poll(() => options.text(row), { timeout: 30_000 }).toMatch(/0 篇新文章|0 new/);
    await Promise.all([article.close(), alone.close(), batch.close()]);
    expect(browser.served.leaks).toEqual([]);
  }, 120_000);

  it('"导出为电子书 / Export as e-book": one EPUB that epubcheck passes, a chapter per article with its images inside, a failed image a placeholder, the deleted article listed', async () => {
    // As in Chromium: the second address answers a corpus page with images, the third a deleted one.
    const withImages = pageHtml('20');
    pages.set('2247484420', withImages).set(newMid, pageHtml('11'));
    const images = single('2247484420', withImages);
    const broken = images.article.images[1]!;
    browser.failImages((url) => url === broken);
    const article = await browser.openArticle(articleUrl(newMid), htmlFor(newMid));
    const batch = await browser.extensionPageOpened('batch.html', () => article.clickToolbar(/导出合集|Export album/));
    await expect.poll(() => batch.text('#setup-info'), { timeout: 30_000 }).toMatch(/\b3\b/);
    const file = await batch.download(() => batch.click('#start-epub'), 120_000);
    expect(file.name).toBe('微型小说.epub');
    const dir = mkdtempSync(join(tmpdir(), 'wac-firefox-epub-'));
    writeFileSync(join(dir, file.name), file.bytes);
    const check = epubcheck(join(dir, file.name));
    rmSync(dir, { recursive: true, force: true });
    expect(check.errors).toEqual([]);
    expect(check.warnings).toEqual([]);
    const files = unzipSync(new Uint8Array(file.bytes));
    expect(Object.keys(files)[0]).toBe('mimetype');
    expect(Object.keys(files).filter((n) => /^OEBPS\/text\/\d+\.xhtml$/.test(n))).toHaveLength(2);
    expect(strFromU8(files['OEBPS/missing.xhtml']!)).toMatch(/该内容已被发布者删除/);
    const chapter = strFromU8(files['OEBPS/text/002.xhtml']!);
    const inside = Array.from(chapter.matchAll(/<img src="\.\.\/(images\/[^"]+)"/g), (m) => m[1]!);
    expect(inside).toHaveLength(images.article.images.length - 1);
    for (const img of inside) expect(files[`OEBPS/${img}`]!.length).toBeGreaterThan(0);
    expect(chapter).toContain(`[图片未能保存 / Image not saved] ${broken.replace(/&/g, '&amp;')}`);
    expect(browser.served.leaks).toEqual([]);
  }, 180_000);
});

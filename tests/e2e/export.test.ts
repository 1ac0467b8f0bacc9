import { describe, expect, it } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXTENSION_DIR, launch, openArticle } from './harness';
import { toolbarAction } from './toolbar-actions';
import { eachBrowser } from './browsers';
import { clockless, expectedMarkdown, pageHtml, pageUrl } from '../fixtures';

const paragraphs = (md: string) => md.split(/\n{2,}/).map((p) => p.trim()).filter(Boolean);
const STATUS = 'wac-toolbar >>> .wac-status';
const hash = (s: string) => Array.from(s).reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7);

eachBrowser('export', (b) => {

  async function open(prefix: string) {
    const html = pageHtml(prefix);
    return b.browser.openArticle(pageUrl(html, prefix), html);
  }

  describe('export from the page', () => {
    it('"Download Markdown" on the seed gives the golden note, paragraph for paragraph', async () => {
      const page = await open('seed-article');
      const file = await page.download(() => page.clickToolbar(/下载 Markdown|Download Markdown/));
      expect(file.name).toBe('国际 ｜ 中缅泰打击电诈，从清剿转向治理.md');
      expect(paragraphs(clockless(file.bytes.toString('utf8')))).toEqual(paragraphs(clockless(expectedMarkdown('seed-article'))));
      await expect.poll(() => page.text(STATUS)).toContain('.md');
      await page.close();
    });

    it('"Copy Markdown" puts the same text on the clipboard and says so', async () => {
      const page = await open('seed-article');
      await page.clickToolbar(/复制 Markdown|Copy Markdown/);
      await expect.poll(() => page.text(STATUS)).toMatch(/已复制|Copied/);
      expect(clockless(await page.readClipboard())).toBe(clockless(expectedMarkdown('seed-article')));
      await page.close();
    });

    it('a deleted page gives a clear message and no file', async () => {
      const page = await open('11');
      const before = await b.browser.downloadCount();
      await page.clickToolbar(/下载 Markdown|Download Markdown/);
      await expect.poll(() => page.text(STATUS)).toContain('该内容已被发布者删除');
      await new Promise((r) => setTimeout(r, 500)); // time enough for a download to appear, if one started
      expect(await b.browser.downloadCount()).toBe(before);
      await page.close();
    });
  });

  describe('ZIP with images (page 02, 51 images)', () => {
    const zipOf = async (failEvery: number) => {
      b.browser.failImages((url) => failEvery > 0 && hash(url) % failEvery === 0);
      const page = await open('02');
      const file = await page.download(() => page.clickToolbar(/下载 ZIP|Download ZIP/), 60_000);
      const status = await page.text(STATUS);
      const entries = unzipSync(new Uint8Array(file.bytes));
      await page.close();
      b.browser.failImages(() => false);
      return { name: file.name, entries, status: status ?? '' };
    };

    it('every content image is a file and every link resolves', async () => {
      const { name, entries, status } = await zipOf(0);
      const folder = name.replace(/\.zip$/, '');
      const md = strFromU8(entries[`${folder}/${folder}.md`]!);
      const links = Array.from(md.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g), (m) => m[1]!);
      expect(links.length).toBeGreaterThanOrEqual(50);
      for (const l of links) {
        expect(l).toMatch(/^assets\/\d{3}\.(png|jpg|gif|webp)$/);
        expect(entries[`${folder}/${l}`], l).toBeDefined();
      }
      expect(Object.keys(entries).filter((k) => k.includes('/assets/')).length).toBe(new Set(links).size);
      expect(status).toMatch(/0 张失败|0 failed/);
      expect(b.browser.served.leaks).toEqual([]);
    });

    it('when a third of the images fail, their remote links stay and they are listed', async () => {
      const { name, entries, status } = await zipOf(3);
      const folder = name.replace(/\.zip$/, '');
      const md = strFromU8(entries[`${folder}/${folder}.md`]!);
      const remote = Array.from(md.matchAll(/!\[[^\]]*\]\((https:\/\/mmbiz\.qpic\.cn[^)]+)\)/g), (m) => m[1]!);
      const local = Array.from(md.matchAll(/!\[[^\]]*\]\((assets\/[^)]+)\)/g), (m) => m[1]!);
      expect(remote.length).toBeGreaterThan(5);
      expect(local.length).toBeGreaterThan(20);
      for (const l of local) expect(entries[`${folder}/${l}`]).toBeDefined();
      for (const r of remote) expect(status).toContain(r);
      expect(status).toMatch(new RegExp(`${remote.length} (张失败|failed)`));
      // The text is all there: same paragraphs as the remote-link export, images aside.
      const textOnly = (s: string) => paragraphs(s).filter((p) => !p.startsWith('!['));
      expect(textOnly(clockless(md))).toEqual(textOnly(clockless(expectedMarkdown('02-2025-weekly-readmore-original-manyimg'))));
    });
  });

  describe('inline base64 images (the options page mode)', () => {
    it('"Download Markdown" in base64 mode writes every image into one self-contained file', async () => {
      const options = await b.browser.openExtensionPage('options.html');
      await options.setChecked('input[value="base64"]', true);
      await expect.poll(() => options.text('#saved')).not.toBe('');
      const page = await open('17');
      const file = await page.download(() => page.clickToolbar(/下载 Markdown|Download Markdown/), 60_000);
      const images = Array.from(file.bytes.toString('utf8').matchAll(/!\[[^\]]*\]\(([^)]+)\)/g), (m) => m[1]!);
      expect(images.length).toBe(6);
      for (const src of images) expect(src).toMatch(/^data:image\/png;base64,[A-Za-z0-9+/=]+$/);
      await options.setChecked('input[value="remote"]', true);
      await page.close();
      await options.close();
    });
  });
});

// The pipeline is imported on the first export: if that import fails (here the file is gone from a copy of
// the build), the click says so and nothing is downloaded. Chromium only: the Firefox harness loads the build.
describe('chromium › the export pipeline cannot be loaded', () => {
  it('the toolbar says the export failed, and no file is downloaded', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wac-no-pipeline-'));
    cpSync(EXTENSION_DIR, dir, { recursive: true });
    rmSync(join(dir, 'export-pipeline.js'));
    const s = await launch({ extensionDir: dir });
    try {
      const html = pageHtml('seed-article');
      const page = await openArticle(s, pageUrl(html, 'seed-article'), html);
      let downloads = 0;
      page.on('download', () => downloads++);
      await toolbarAction(page, /下载 Markdown|Download Markdown/);
      await expect.poll(() => page.locator('wac=.wac-status').textContent()).toMatch(/^(导出失败|Export failed): \S/);
      await new Promise((r) => setTimeout(r, 500)); // time enough for a download to appear, if one started
      expect(downloads).toBe(0);
    } finally {
      await s.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { unzipSync, strFromU8 } from 'fflate';
import { launch, openArticle, type Session } from './harness';
import { toolbarAction } from './toolbar-actions';
import { expectedMarkdown, pageHtml, pageUrl } from '../fixtures';

let session: Session;
beforeAll(async () => {
  session = await launch();
});
afterAll(async () => {
  await session?.close();
});

const paragraphs = (md: string) => md.split(/\n{2,}/).map((p) => p.trim()).filter(Boolean);

async function open(prefix: string) {
  const html = pageHtml(prefix);
  return openArticle(session, pageUrl(html, prefix), html);
}

describe('export from the page', () => {
  it('"Download Markdown" on the seed gives the golden note, paragraph for paragraph', async () => {
    const page = await open('seed-article');
    const download = page.waitForEvent('download');
    await toolbarAction(page, /下载 Markdown|Download Markdown/);
    const file = await download;
    expect(file.suggestedFilename()).toBe('国际 ｜ 中缅泰打击电诈，从清剿转向治理.md');
    const text = readFileSync((await file.path())!, 'utf8');
    expect(paragraphs(text)).toEqual(paragraphs(expectedMarkdown('seed-article')));
    await expect.poll(() => page.locator('wac-toolbar .wac-status').textContent()).toContain('.md');
    await page.close();
  });

  it('"Copy Markdown" puts the same text on the clipboard and says so', async () => {
    const page = await open('seed-article');
    await session.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'https://mp.weixin.qq.com' });
    await toolbarAction(page, /复制 Markdown|Copy Markdown/);
    await expect.poll(() => page.locator('wac-toolbar .wac-status').textContent()).toMatch(/已复制|Copied/);
    const clip = await page.evaluate(() => navigator.clipboard.readText());
    expect(clip).toBe(expectedMarkdown('seed-article'));
    await page.close();
  });

  it('a deleted page gives a clear message and no file', async () => {
    const page = await open('11');
    let downloads = 0;
    page.on('download', () => downloads++);
    await toolbarAction(page, /下载 Markdown|Download Markdown/);
    await expect.poll(() => page.locator('wac-toolbar .wac-status').textContent()).toContain('该内容已被发布者删除');
    expect(downloads).toBe(0);
    await page.close();
  });
});

describe('ZIP with images (page 02, 51 images)', () => {
  const zipOf = async (failEvery: number) => {
    session.failImages((url) => failEvery > 0 && hash(url) % failEvery === 0);
    const page = await open('02');
    const download = page.waitForEvent('download', { timeout: 60_000 });
    await toolbarAction(page, /下载 ZIP|Download ZIP/);
    const file = await download;
    const status = await page.locator('wac-toolbar .wac-status').textContent();
    const entries = unzipSync(new Uint8Array(readFileSync((await file.path())!)));
    await page.close();
    session.failImages(() => false);
    return { name: file.suggestedFilename(), entries, status: status ?? '' };
  };
  const hash = (s: string) => Array.from(s).reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7);

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
    expect(session.served.leaks).toEqual([]);
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
    expect(textOnly(md)).toEqual(textOnly(expectedMarkdown('02-2025-weekly-readmore-original-manyimg')));
  });
});

describe('inline base64 images (the options page mode)', () => {
  it('"Download Markdown" in base64 mode writes every image into one self-contained file', async () => {
    const ext = await session.context.newPage();
    await ext.goto(`chrome-extension://${session.extensionId}/options.html`);
    await ext.locator('input[value="base64"]').check();
    await expect.poll(() => ext.locator('#saved').textContent()).not.toBe('');
    const page = await open('17');
    const download = page.waitForEvent('download', { timeout: 60_000 });
    await toolbarAction(page, /下载 Markdown|Download Markdown/);
    const text = readFileSync((await (await download).path())!, 'utf8');
    const images = Array.from(text.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g), (m) => m[1]!);
    expect(images.length).toBe(6);
    for (const src of images) expect(src).toMatch(/^data:image\/png;base64,[A-Za-z0-9+/=]+$/);
    await ext.locator('input[value="remote"]').check();
    await page.close();
    await ext.close();
  });
});

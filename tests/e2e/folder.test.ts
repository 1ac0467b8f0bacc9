import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import MarkdownIt from 'markdown-it';
import { posix } from 'node:path';
import { readFileSync, readdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { launch, openArticle, openPopupWindow, type Session } from './harness';
import { shotPath } from './shots';
import { toolbarAction } from './toolbar-actions';
import { extensionPage, forgetOpfsFolder, putFiles, readOpfsTree, removeOpfsFolder, setSettings, useOpfsFolder, type TreeFile } from './opfs';
import { clockless, expectedMarkdown, pageHtml, pageName, pageUrl, testImage } from '../fixtures';
import { buildPage } from '../page-builder';

/**
 * "Save into a folder" and "Obsidian" in real Chromium, with the built extension. The folder is a
 * directory of the extension's origin-private file system, stored where the picker's handle goes.
 */
const STATUS = 'wac=.wac-status';
const PNG = testImage().toString('base64');
const md = new MarkdownIt({ html: true });

/** Every image a note app would load for this note: Markdown images, HTML <img>, Obsidian embeds. */
function imageLinks(note: string): string[] {
  const links: string[] = [];
  const walk = (tokens: ReturnType<typeof md.parse>) => {
    for (const tok of tokens) {
      if (tok.type === 'image') links.push(tok.attrGet('src') ?? '');
      if ((tok.type === 'html_block' || tok.type === 'html_inline') && tok.content.includes('<img')) {
        for (const m of tok.content.matchAll(/<img\b[^>]*\ssrc="([^"]+)"/g)) links.push(m[1]!);
      }
      if (tok.children) walk(tok.children);
    }
  };
  walk(md.parse(note, {}));
  for (const m of note.matchAll(/!\[\[([^\]|]+)(?:\|[^\]]*)?\]\]/g)) links.push(m[1]!);
  return links;
}

/** A link as a note app resolves it: relative to the note's folder, percent-decoded. */
const resolveLink = (notePath: string, link: string) => posix.normalize(posix.join(posix.dirname(notePath), decodeURIComponent(link)));

function checkLinks(tree: Record<string, TreeFile>, notePath: string): { local: string[]; remote: string[] } {
  const note = tree[notePath]?.text ?? '';
  const local: string[] = [];
  const remote: string[] = [];
  for (const link of imageLinks(note)) {
    if (/^https?:/.test(link)) {
      remote.push(link);
      continue;
    }
    const path = resolveLink(notePath, link);
    expect(tree[path], `${link} → ${path}`).toBeDefined();
    expect(tree[path]!.base64, path).toBe(PNG);
    local.push(path);
  }
  return { local, remote };
}

const notes = (tree: Record<string, TreeFile>) => Object.keys(tree).filter((p) => p.endsWith('.md')).sort();

describe('chromium', () => {
  let s: Session;
  let ext: Page;
  const html = pageHtml('18');
  const url = pageUrl(html, '18');
  beforeAll(async () => {
    s = await launch();
    ext = await extensionPage(s);
  });
  afterAll(async () => s?.close());

  describe('save into a folder', () => {

    async function exportNow(expectStatus: RegExp = /已保存到|已在/): Promise<{ page: Page; status: string }> {
      const page = await openArticle(s, url, html);
      await toolbarAction(page, /下载 Markdown|Download Markdown/);
      await expect.poll(() => page.locator(STATUS).textContent(), { timeout: 30_000 }).toMatch(expectStatus);
      return { page, status: (await page.locator(STATUS).textContent()) ?? '' };
    }

    it('writes the note and its images; every link resolves to the fetched bytes', async () => {
      await useOpfsFolder(ext, 'notes');
      await setSettings(ext, { destination: 'folder', onExisting: 'rename', attachments: { location: 'beside', folder: 'assets', embeds: false } });
      const { page, status } = await exportNow();
      await page.close();
      const tree = await readOpfsTree(ext, 'notes');
      const [note] = notes(tree);
      expect(notes(tree)).toHaveLength(1);
      expect(status).toContain(`已保存到“notes”：${note}`);
      const { local, remote } = checkLinks(tree, note!);
      expect(local.length).toBeGreaterThanOrEqual(5);
      expect(remote).toEqual([]);
      const name = note!.replace(/\.md$/, '');
      for (const p of local) expect(p.startsWith(`assets/${name}/`)).toBe(true);
      expect(status).toMatch(/0 张失败|0 failed/);
      expect(s.served.leaks).toEqual([]);
    });

    it('a second export of the same article gets a distinct name; the first note stays as it was', async () => {
      const before = await readOpfsTree(ext, 'notes');
      const [first] = notes(before);
      const { page, status } = await exportNow();
      await page.close();
      const tree = await readOpfsTree(ext, 'notes');
      const second = first!.replace(/\.md$/, ' (2).md');
      expect(notes(tree)).toEqual([first, second].sort());
      expect(tree[first!]!.text).toBe(before[first!]!.text);
      expect(status).toContain(second);
      expect(status).toContain('已有名为');
      const { local } = checkLinks(tree, second);
      for (const p of local) expect(p.startsWith(`assets/${second.replace(/\.md$/, '')}/`)).toBe(true);
    });

    it('with "update" chosen in the options, the same note (same wechat_id) is rewritten; a file the reader put among its images stays', async () => {
      await useOpfsFolder(ext, 'notes');
      await ext.reload();
      await ext.locator('#folder input[name=folderOnExisting][value=update]').check();
      await expect.poll(async () => ((await ext.evaluate(() => chrome.storage.sync.get('settings'))) as { settings?: { onExisting?: string } }).settings?.onExisting).toBe('update');
      await (await exportNow()).page.close();
      // Edit the note's body by hand and add a file of one's own among its images.
      const [note] = notes(await readOpfsTree(ext, 'notes'));
      const dir = `assets/${note!.replace(/\.md$/, '')}`;
      const first = (await readOpfsTree(ext, 'notes'))[note!]!.text!;
      await putFiles(ext, 'notes', { [note!]: `${first}\nedited by hand\n`, [`${dir}/999.png`]: 'mine' });
      const { page, status } = await exportNow(/已在/);
      await page.close();
      const tree = await readOpfsTree(ext, 'notes');
      // The hand edit was in the article's part: the note is rewritten, the edited one kept beside it.
      const previous = notes(tree).find((p) => p.includes('.previous-'))!;
      expect(notes(tree)).toEqual([note, previous].sort());
      // The same note but for the time of the export (and so the fingerprint of its article's part).
      const untimed = (md: string) => clockless(md).replace(/<!-- wac:article [0-9a-f]+ -->/, '');
      expect(untimed(tree[note!]!.text!)).toBe(untimed(first));
      expect(tree[previous]!.text).toBe(`${first}\nedited by hand\n`);
      expect(tree[`${dir}/999.png`]!.base64).toBe(btoa('mine'));
      expect(status).toContain(`已在“notes”中更新：${note}`);
      checkLinks(tree, note!);
      await setSettings(ext, { onExisting: 'rename' });
    });

    it('an image that fails keeps its remote link and is listed; the others are written', async () => {
      await useOpfsFolder(ext, 'notes');
      const failed = /!\[[^\]]*\]\((https:\/\/mmbiz\.qpic\.cn\/[^)\s]+)\)/.exec(expectedMarkdown(pageName('18')))![1]!;
      s.failImages((u) => u === failed);
      const { page, status } = await exportNow();
      await page.close();
      s.failImages(() => false);
      const tree = await readOpfsTree(ext, 'notes');
      const [note] = notes(tree);
      const { local, remote } = checkLinks(tree, note!);
      expect(remote).toEqual([failed]);
      expect(local.length).toBeGreaterThanOrEqual(4);
      expect(status).toContain(failed);
      expect(status).toMatch(/1 张失败|1 failed/);
    });

    it('Obsidian embeds and one fixed attachments folder: ![[…]] links that resolve', async () => {
      await useOpfsFolder(ext, 'notes');
      await setSettings(ext, { attachments: { location: 'fixed', folder: '附件 (图)', embeds: true } });
      await (await exportNow()).page.close();
      const tree = await readOpfsTree(ext, 'notes');
      const [note] = notes(tree);
      expect(tree[note!]!.text).toMatch(/!\[\[附件 \(图\)\/.+\/001\.png\]\]/);
      const { local } = checkLinks(tree, note!);
      expect(local.length).toBeGreaterThanOrEqual(5);
      for (const p of local) expect(p.startsWith('附件 (图)/')).toBe(true);
      await setSettings(ext, { attachments: { location: 'beside', folder: 'assets', embeds: false } });
    });

    it('the folder removed: the note is downloaded instead, and the message says why', async () => {
      await useOpfsFolder(ext, 'gone');
      await removeOpfsFolder(ext, 'gone');
      const page = await openArticle(s, url, html);
      const download = page.waitForEvent('download');
      await toolbarAction(page, /下载 Markdown|Download Markdown/);
      const file = await download;
      expect(file.suggestedFilename()).toMatch(/\.md$/);
      await expect.poll(() => page.locator(STATUS).textContent()).toContain('文件夹“gone”已不存在');
      expect(await page.locator(STATUS).textContent()).toContain(`笔记已改为下载：${file.suggestedFilename()}`);
      await page.close();
    });

    it('no folder chosen: downloaded instead, with the reason', async () => {
      await forgetOpfsFolder(ext);
      const page = await openArticle(s, url, html);
      const download = page.waitForEvent('download');
      await toolbarAction(page, /下载 Markdown|Download Markdown/);
      await download;
      await expect.poll(() => page.locator(STATUS).textContent()).toContain('尚未选择文件夹');
      await page.close();
    });

    it('a note that waited for the permission: one click on the options page grants access and saves it', async () => {
      await useOpfsFolder(ext, 'granted');
      // What the folder destination keeps when queryPermission says 'prompt' (an OPFS handle never does).
      const draft = { name: '等待授权', folder: 'inbox', markdown: '# 等待授权\n\n![](wac-slot-0)\n', slot: 'wac-slot-', images: ['https://mmbiz.qpic.cn/mmbiz_png/wait/0?wx_fmt=png'], title: '等待授权', source: '', account: '', published: '' };
      await ext.evaluate((d) => chrome.storage.session.set({ folderPending: d }), draft);
      // The toolbar's follow-up sends this; the background opens the options page at the folder section.
      const opened = s.context.waitForEvent('page');
      await ext.evaluate(() => chrome.runtime.sendMessage({ type: 'folder-grant' }));
      const opts = await opened;
      expect(opts.url()).toBe(`chrome-extension://${s.extensionId}/options.html#folder`);
      const grant = opts.locator('#folder-grant');
      await expect.poll(() => grant.textContent()).toBe('允许访问“granted”并保存“等待授权”');
      await grant.click();
      await expect.poll(() => opts.locator('#folder-status').textContent(), { timeout: 20_000 }).toContain('已保存到“granted”：inbox/等待授权.md');
      const tree = await readOpfsTree(ext, 'granted');
      expect(tree['inbox/等待授权.md']!.text).toBe('# 等待授权\n\n![](assets/等待授权/001.png)\n');
      checkLinks(tree, 'inbox/等待授权.md');
      expect(await ext.evaluate(() => chrome.storage.session.get('folderPending'))).toEqual({});
      expect(await grant.isHidden()).toBe(true);
      await opts.close();
    });
    it('the exported note opened from the folder as a note app reads it: every image shows (folder-note.png)', async () => {
      await useOpfsFolder(ext, 'notes');
      // Real pictures, a different one per image, so the screenshot shows each link landed on its own file.
      const pictures = readdirSync('tests/screenshots').filter((f) => /^(seed-after|seed-before|firefox-seed|firefox-02|batch|options-en)\.png$/.test(f)).sort();
      const servedBytes = new Map<string, Buffer>();
      await s.context.route(/^https:\/\/mmbiz\.qpic\.cn\//, (route) => {
        const u = route.request().url();
        if (!servedBytes.has(u)) servedBytes.set(u, readFileSync(`tests/screenshots/${pictures[servedBytes.size % pictures.length]}`));
        return route.fulfill({ status: 200, contentType: 'image/png', body: servedBytes.get(u)! });
      });
      const { page } = await exportNow();
      await page.close();
      await s.context.unroute(/^https:\/\/mmbiz\.qpic\.cn\//);
      const tree = await readOpfsTree(ext, 'notes');
      const [note] = notes(tree);
      const text = tree[note!]!.text!;
      const body = text.replace(/^---\n[\s\S]*?\n---\n/, '');
      const links = imageLinks(body).map((l) => resolveLink(note!, l));
      expect(links.length).toBeGreaterThanOrEqual(5);
      expect(new Set(links.map((p) => tree[p]?.base64)).size).toBeGreaterThan(1);
      // As a note app would: the Markdown rendered, each image read from the folder beside the note.
      const view = await extensionPage(s);
      const shown = await view.evaluate(
        async ({ html, note, properties }) => {
          const root = await (await navigator.storage.getDirectory()).getDirectoryHandle('notes');
          document.head.innerHTML = '<style>body{font:15px/1.7 system-ui,"WenQuanYi Micro Hei",sans-serif;max-width:720px;margin:20px auto;color:#222} img{max-width:100%;max-height:220px;display:block;margin:8px 0;border:1px solid #ccc} pre{background:#f6f6f6;padding:8px;font-size:12px;white-space:pre-wrap} .path{color:#777;font-size:12px}</style>';
          document.body.innerHTML = `<p class="path">notes/${note}</p><pre>${properties.replace(/</g, '&lt;')}</pre>${html}`;
          const dir = note.includes('/') ? note.slice(0, note.lastIndexOf('/')) : '';
          const results: { src: string; loaded: boolean; width: number }[] = [];
          for (const img of Array.from(document.images)) {
            const link = decodeURIComponent(img.getAttribute('src') ?? '');
            const parts = [...dir.split('/'), ...link.split('/')].filter(Boolean);
            let d = root;
            for (const p of parts.slice(0, -1)) d = await d.getDirectoryHandle(p);
            const file = await (await d.getFileHandle(parts[parts.length - 1]!)).getFile();
            img.src = URL.createObjectURL(file);
            await img.decode().catch(() => undefined);
            results.push({ src: link, loaded: img.complete && img.naturalWidth > 0, width: img.naturalWidth });
          }
          return results;
        },
        { html: md.render(body), note: note!, properties: text.slice(0, text.length - body.length) },
      );
      expect(shown.length).toBe(links.length);
      for (const r of shown) expect(r.loaded, r.src).toBe(true);
      await view.screenshot({ path: shotPath('folder-note.png'), fullPage: true });
      await view.close();
    });
    it('the options page names the picked folder and says it is a vault (options-folder.png)', async () => {
      await useOpfsFolder(ext, 'My Vault', { vault: true });
      const opts = await extensionPage(s, 'options.html#folder');
      await expect.poll(() => opts.locator('#folder-current').textContent()).toBe('文件夹：My Vault · Obsidian 库（含 .obsidian/） · 已允许访问');
      await useOpfsFolder(ext, 'plain');
      await opts.reload();
      await expect.poll(() => opts.locator('#folder-current').textContent()).toBe('文件夹：plain · 不是 Obsidian 库 · 已允许访问');
      await useOpfsFolder(ext, 'My Vault', { vault: true });
      await opts.reload();
      await expect.poll(() => opts.locator('#folder-current').textContent()).toContain('Obsidian 库');
      // The fixed folder's name is asked for only when images go to one fixed folder.
    await expect.poll(() => opts.locator('#folderFixed').isVisible()).toBe(false);
    await opts.locator('#folder input[name=folderAttachments][value=fixed]').check();
    await expect.poll(() => opts.locator('#folderFixed').isVisible()).toBe(true);
    await opts.locator('#folder').screenshot({ path: shotPath('options-folder.png') });
    await opts.locator('#folder input[name=folderAttachments][value=beside]').check();
      await opts.close();
    });
  });

  describe("update mode never touches what the extension did not write (issue 26, finding 1)", () => {
    const ARTICLE_URL = 'https://mp.weixin.qq.com/s?__biz=MzAwMA==&mid=1&idx=1&sn=test';
    const img = (n: number) => `<p><img data-src="https://mmbiz.qpic.cn/mmbiz_png/wac26/${n}/0?wx_fmt=png"></p>`;
    const PDF = btoa('%PDF-1.4 the reader\'s contract');
    const PHOTO = btoa('a photo of the reader');

    /** Exports an article of that title (and that many images) in update mode; the toolbar's message. */
    async function exportArticle(title: string, images: number, expectStatus: RegExp = /已保存到|已在/): Promise<string> {
      const page = await openArticle(s, ARTICLE_URL, buildPage({ title, content: `<p>${title} text</p>${Array.from({ length: images }, (_, i) => img(i + 1)).join('')}` }));
      await toolbarAction(page, /下载 Markdown|Download Markdown/);
      await expect.poll(() => page.locator(STATUS).textContent(), { timeout: 30_000 }).toMatch(expectStatus);
      const status = (await page.locator(STATUS).textContent()) ?? '';
      await page.close();
      return status;
    }
    const readerFiles = (tree: Record<string, TreeFile>, paths: string[]) => Object.fromEntries(paths.map((p) => [p, tree[p]?.base64 ?? tree[p]?.text]));

    // Each case from the same settings, whatever the one before left.
    beforeEach(async () => {
      await setSettings(ext, { destination: 'folder', onExisting: 'update', attachments: { location: 'beside', folder: 'assets', embeds: false } });
    });
    afterAll(async () => {
      await setSettings(ext, { onExisting: 'rename', attachments: { location: 'beside', folder: 'assets', embeds: false } });
    });

    it('"Inbox" with no Inbox.md: the reader\'s assets/Inbox/ (a PDF, a photo in a subfolder) stays byte for byte', async () => {
      await useOpfsFolder(ext, 'vault');
      await putFiles(ext, 'vault', { 'assets/Inbox/contract.pdf': { base64: PDF }, 'assets/Inbox/photos/cat.jpg': { base64: PHOTO } });
      const status = await exportArticle('Inbox', 2);
      const tree = await readOpfsTree(ext, 'vault');
      expect(readerFiles(tree, ['assets/Inbox/contract.pdf', 'assets/Inbox/photos/cat.jpg'])).toEqual({ 'assets/Inbox/contract.pdf': PDF, 'assets/Inbox/photos/cat.jpg': PHOTO });
      expect(notes(tree)).toEqual(['Inbox.md']);
      expect(status).toContain('已保存到“vault”：Inbox.md');
      expect(checkLinks(tree, 'Inbox.md').local).toEqual(['assets/Inbox/001.png', 'assets/Inbox/002.png']);
    });

    it('a fixed images folder "Attachments": the reader\'s Attachments/Work/contract.pdf and their own 001.png stay', async () => {
      await useOpfsFolder(ext, 'vault');
      await setSettings(ext, { attachments: { location: 'fixed', folder: 'Attachments', embeds: false } });
      await putFiles(ext, 'vault', { 'Attachments/Work/contract.pdf': { base64: PDF }, 'Attachments/Work/001.png': { base64: PHOTO } });
      await exportArticle('Work', 1);
      const tree = await readOpfsTree(ext, 'vault');
      expect(readerFiles(tree, ['Attachments/Work/contract.pdf', 'Attachments/Work/001.png'])).toEqual({ 'Attachments/Work/contract.pdf': PDF, 'Attachments/Work/001.png': PHOTO });
      // The image went beside the reader's file, under the next free name, and the note links it.
      expect(checkLinks(tree, 'Work.md').local).toEqual(['Attachments/Work/001-2.png']);
      await setSettings(ext, { attachments: { location: 'beside', folder: 'assets', embeds: false } });
    });

    it('an Inbox.md that is another article stays as it was; the new note gets a free name, and the message says why', async () => {
      await useOpfsFolder(ext, 'vault');
      const theirs = '---\ntitle: "Inbox"\nwechat_id: "MzAwMA==/9/1"\n---\n\nThe reader\'s inbox.\n';
      const plain = 'My own Inbox, no front matter.\n';
      await putFiles(ext, 'vault', { 'Inbox.md': theirs, 'Notes.md': plain });
      const status = await exportArticle('Inbox', 1);
      await exportArticle('Notes', 0);
      const tree = await readOpfsTree(ext, 'vault');
      expect(tree['Inbox.md']!.text).toBe(theirs);
      expect(tree['Notes.md']!.text).toBe(plain);
      // The second export is the same article: its note is found by its wechat_id (Inbox (2).md) and updated there.
      expect(notes(tree)).toEqual(['Inbox (2).md', 'Inbox.md', 'Notes.md']);
      expect(tree['Inbox (2).md']!.text).toContain('wechat_id: "MzAwMA==/1/1"');
      expect(status).toContain('已保存到“vault”：Inbox (2).md');
      expect(status).toContain('已有名为 Inbox.md 的文件，但不是这篇文章');
    });

    it('the same article twice: the note is replaced, the images it wrote and no longer needs removed, the reader\'s kept', async () => {
      await useOpfsFolder(ext, 'vault');
      await exportArticle('Inbox', 3);
      let tree = await readOpfsTree(ext, 'vault');
      expect(checkLinks(tree, 'Inbox.md').local).toEqual(['assets/Inbox/001.png', 'assets/Inbox/002.png', 'assets/Inbox/003.png']);
      await putFiles(ext, 'vault', { 'assets/Inbox/mine.txt': { base64: PHOTO }, 'assets/Inbox/sub/keep.pdf': { base64: PDF } });
      // The reader replaced image 003 with a file of their own: it is theirs now.
      await putFiles(ext, 'vault', { 'assets/Inbox/003.png': { base64: PHOTO } });
      const status = await exportArticle('Inbox', 1, /已在/);
      tree = await readOpfsTree(ext, 'vault');
      expect(status).toContain('已在“vault”中更新：Inbox.md');
      expect(notes(tree)).toEqual(['Inbox.md']);
      expect(checkLinks(tree, 'Inbox.md').local).toEqual(['assets/Inbox/001.png']);
      expect(Object.keys(tree).sort()).toEqual(['Inbox.md', 'assets/Inbox/001.png', 'assets/Inbox/003.png', 'assets/Inbox/mine.txt', 'assets/Inbox/sub/keep.pdf']);
      expect(readerFiles(tree, ['assets/Inbox/003.png', 'assets/Inbox/mine.txt', 'assets/Inbox/sub/keep.pdf'])).toEqual({ 'assets/Inbox/003.png': PHOTO, 'assets/Inbox/mine.txt': PHOTO, 'assets/Inbox/sub/keep.pdf': PDF });
    });

    it("a merged-cell table's image (kept as HTML) is written and linked like the others (finding 10)", async () => {
      await useOpfsFolder(ext, 'vault');
      const table = '<table><tbody><tr><td colspan="2">季度</td></tr><tr><td>图</td><td><img data-src="https://mmbiz.qpic.cn/mmbiz_png/wac26/t/0?wx_fmt=png"></td></tr><tr><td>甲</td><td>乙</td></tr></tbody></table>'; // two rows side by side: a data table, kept as HTML
      const page = await openArticle(s, ARTICLE_URL, buildPage({ title: 'Table', content: `${img(1)}${table}` }));
      await toolbarAction(page, /下载 Markdown|Download Markdown/);
      await expect.poll(() => page.locator(STATUS).textContent(), { timeout: 30_000 }).toMatch(/已保存到/);
      expect(await page.locator(STATUS).textContent()).toMatch(/0 张失败|0 failed/);
      await page.close();
      const tree = await readOpfsTree(ext, 'vault');
      expect(tree['Table.md']!.text).toContain('<img src="assets/Table/002.png">');
      expect(checkLinks(tree, 'Table.md').local).toEqual(['assets/Table/001.png', 'assets/Table/002.png']);
    });

    it('a fixed images folder "/" (say from sync): nothing is written into the folder, the note is downloaded, the message says why', async () => {
      await useOpfsFolder(ext, 'vault');
      await putFiles(ext, 'vault', { 'Inbox/keep.pdf': { base64: PDF } });
      await setSettings(ext, { attachments: { location: 'fixed', folder: '/', embeds: false } });
      const page = await openArticle(s, ARTICLE_URL, buildPage({ title: 'Inbox', content: `<p>x</p>${img(1)}` }));
      const download = page.waitForEvent('download');
      await toolbarAction(page, /下载 Markdown|Download Markdown/);
      await download;
      await expect.poll(() => page.locator(STATUS).textContent(), { timeout: 30_000 }).toContain('图片文件夹须是所选文件夹里的一个文件夹');
      await page.close();
      expect(Object.keys(await readOpfsTree(ext, 'vault'))).toEqual(['Inbox/keep.pdf']);
      await setSettings(ext, { attachments: { location: 'beside', folder: 'assets', embeds: false } });
    });

    it('the options refuse an empty, "/" or ".." images folder, with a message', async () => {
      const opts = await extensionPage(s, 'options.html#folder');
      await opts.locator('#folder input[name=folderAttachments][value=fixed]').check();
      for (const bad of ['/', '', '../x', ' ./ ']) {
        await opts.locator('#folderFixed').fill(bad);
        await opts.locator('#folderFixed').dispatchEvent('change');
        await expect.poll(() => opts.locator('#folder-status').textContent()).toContain('图片文件夹须是所选文件夹里的一个文件夹');
        expect(await opts.locator('#folderFixed').getAttribute('aria-invalid')).toBe('true');
        const stored = (await opts.evaluate(() => chrome.storage.sync.get('settings'))) as { settings: { attachments: { folder: string } } };
        expect(stored.settings.attachments.folder).toBe('assets');
      }
      await opts.locator('#folderFixed').fill('Attachments');
      await opts.locator('#folderFixed').dispatchEvent('change');
      await expect.poll(async () => ((await opts.evaluate(() => chrome.storage.sync.get('settings'))) as { settings: { attachments: { folder: string } } }).settings.attachments.folder).toBe('Attachments');
      await opts.locator('#folder input[name=folderAttachments][value=beside]').check();
      await opts.close();
      await setSettings(ext, { attachments: { location: 'beside', folder: 'assets', embeds: false } });
    });
  });

  describe('Obsidian', () => {

    /** The obsidian:// address the page asked the browser to open (Chromium reports it as a request it cannot load). */
    const obsidianAddress = (page: Page) => page.waitForRequest((r) => r.url().startsWith('obsidian://'), { timeout: 30_000 }).then((r) => r.url());

    it('into a vault: the note is written there and opened with obsidian://open', async () => {
      await useOpfsFolder(ext, 'My Vault', { vault: true });
      await setSettings(ext, { destination: 'obsidian' });
      const page = await openArticle(s, url, html);
      const asked = obsidianAddress(page);
      await toolbarAction(page, /下载 Markdown|Download Markdown/);
      const address = await asked;
      const tree = await readOpfsTree(ext, 'My Vault');
      const [note] = notes(tree);
      expect(address).toBe(`obsidian://open?vault=My%20Vault&file=${encodeURIComponent(note!.replace(/\.md$/, ''))}`);
      checkLinks(tree, note!);
      await expect.poll(() => page.locator(STATUS).textContent()).toContain('正在用 Obsidian 打开');
      await page.close();
    });

    it('saved into a vault folder: the toolbar offers "Open in Obsidian", one click opens the note', async () => {
      await useOpfsFolder(ext, 'My Vault', { vault: true });
      await setSettings(ext, { destination: 'folder' });
      const page = await openArticle(s, url, html);
      await toolbarAction(page, /下载 Markdown|Download Markdown/);
      const open = page.locator('wac=.wac-follow-up');
      await expect.poll(() => open.textContent(), { timeout: 30_000 }).toBe('在 Obsidian 中打开');
      const asked = obsidianAddress(page);
      await open.click();
      const [note] = notes(await readOpfsTree(ext, 'My Vault'));
      expect(await asked).toBe(`obsidian://open?vault=My%20Vault&file=${encodeURIComponent(note!.replace(/\.md$/, ''))}`);
      await page.close();
    });

    it('from the popup: saved into the vault, its "Open in Obsidian" button opens the note', async () => {
      await useOpfsFolder(ext, 'My Vault', { vault: true });
      await setSettings(ext, { destination: 'download' });
      const article = await openArticle(s, url, html);
      const popup = await openPopupWindow(s, ext, article);
      await popup.locator('#destination').selectOption('folder');
      await popup.locator('button[data-action=download-md]').click();
      await expect.poll(() => popup.locator('#message').textContent(), { timeout: 30_000 }).toContain('已保存到“My Vault”');
      const open = popup.locator('#follow-up');
      await expect.poll(() => open.textContent()).toBe('在 Obsidian 中打开');
      const asked = obsidianAddress(popup);
      await open.click();
      const [note] = notes(await readOpfsTree(ext, 'My Vault'));
      expect(await asked).toBe(`obsidian://open?vault=My%20Vault&file=${encodeURIComponent(note!.replace(/\.md$/, ''))}`);
      await popup.close();
      await article.close();
    });

    it('no vault: handed over as Obsidian Web Clipper does, clipboard then obsidian://new', async () => {
      await forgetOpfsFolder(ext);
      await setSettings(ext, { destination: 'obsidian', obsidianVault: '读书 笔记', imageMode: 'remote' });
      const page = await openArticle(s, url, html);
      await s.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'https://mp.weixin.qq.com' });
      const asked = obsidianAddress(page);
      await toolbarAction(page, /下载 Markdown|Download Markdown/);
      const address = await asked;
      const parsed = new URL(address);
      expect(parsed.protocol).toBe('obsidian:');
      expect(address).toMatch(/^obsidian:\/\/new\?vault=%E8%AF%BB%E4%B9%A6%20%E7%AC%94%E8%AE%B0&file=[^&]+&clipboard$/);
      const clip = await page.evaluate(() => navigator.clipboard.readText());
      expect(clip).toMatch(/^---\n/);
      expect(clip).toMatch(/!\[[^\]]*\]\(https:\/\/mmbiz\.qpic\.cn\//);
      const file = parsed.searchParams.get('file') ?? '';
      expect(file.length).toBeGreaterThan(3);
      expect(file).not.toMatch(/\.md$/);
      expect(clip).toContain(`title: `);
      await page.close();
    });

    it('no vault, images inline (base64): the clipboard note carries them', async () => {
      await setSettings(ext, { imageMode: 'base64' });
      const page = await openArticle(s, url, html);
      await s.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'https://mp.weixin.qq.com' });
      const asked = obsidianAddress(page);
      await toolbarAction(page, /下载 Markdown|Download Markdown/);
      expect(await asked).toMatch(/^obsidian:\/\/new\?/);
      const clip = await page.evaluate(() => navigator.clipboard.readText());
      expect(clip).toContain(`data:image/png;base64,${PNG}`);
      expect(clip).not.toMatch(/!\[[^\]]*\]\(https:\/\/mmbiz/);
      await setSettings(ext, { imageMode: 'remote', destination: 'download' });
      await page.close();
    });
  });
});

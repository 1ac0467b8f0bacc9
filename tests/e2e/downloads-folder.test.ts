import { expect, it } from 'vitest';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { eachBrowser, type TestPage } from './browsers';
import { shotPath } from './shots';
import { pageHtml, pageUrl, testImage } from '../fixtures';

/**
 * "Save into a subfolder of Downloads" in real Chromium and real Firefox: the optional `downloads`
 * permission asked for in the options page's click, the note and its images written unpacked by
 * the browser into its own download folder, read back from the disk.
 */
const STATUS = 'wac-toolbar >>> .wac-status';
const NAME = '绥德：33名退役军人被表彰'; // corpus page 17: six images
const html = pageHtml('17');
const url = pageUrl(html, '17');
const CODE = '一日一技：在 Python 中实现延迟调用'; // page 19: three images (its closing GIF, added after the article's mdnice section, is hidden)
const codeHtml = pageHtml('19');
const codeUrl = pageUrl(codeHtml, '19');

/** Every file under dir, relative, with `/`. */
const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? filesUnder(join(dir, f)).map((g) => `${f}/${g}`) : [f]));
/** The image targets of a note: Markdown images and HTML `<img src>`. */
const imageLinks = (md: string) => [...md.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)|<img [^>]*src="([^"]+)"/g)].map((m) => m[1] ?? m[2]!);

async function waitForFile(dir: string, rel: string, timeoutMs = 30_000): Promise<string> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    // Written whole: neither Chromium's .crdownload nor Firefox's .part left anywhere below.
    const partial = existsSync(dir) && filesUnder(dir).some((f) => /\.(crdownload|part)$/.test(f));
    if (!partial && existsSync(join(dir, rel)) && statSync(join(dir, rel)).size > 0) return readFileSync(join(dir, rel), 'utf8');
    if (Date.now() > end) throw new Error(`no ${rel} within ${timeoutMs} ms (files: ${existsSync(dir) ? filesUnder(dir).join(', ') : 'none'})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Each local link of the note, resolved from the note's folder as a note app does, with the bytes there. */
function resolved(dir: string, noteRel: string, md: string) {
  return imageLinks(md)
    .filter((l) => !/^https?:/.test(l))
    .map((l) => {
      const file = join(dir, dirname(noteRel), decodeURIComponent(l));
      return { link: l, file: relative(dir, file).replace(/\\/g, '/'), bytes: existsSync(file) ? readFileSync(file) : null };
    });
}

eachBrowser(
  'Downloads subfolder',
  (b) => {
    const ext = () => b.browser.openExtensionPage('options.html#downloads-folder');
    const hasPermission = (p: TestPage) =>
      p.evaluate(() => ((globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome).permissions.contains({ permissions: ['downloads'] }), null);
    const exportNote = async (article = { url, html }) => {
      const page = await b.browser.openArticle(article.url, article.html);
      await page.clickToolbar(/下载 Markdown|Download Markdown/);
      await expect.poll(() => page.text(STATUS), { timeout: 30_000 }).toMatch(/已保存到|Saved to|没有|No permission/);
      const status = (await page.text(STATUS)) ?? '';
      await page.close();
      return status;
    };

    it('the options page asks for the downloads permission in the click, and says when it is allowed', async () => {
      const options = await ext();
      expect(await hasPermission(options)).toBe(false);
      await expect.poll(() => options.text('#dlf-status')).toMatch(/尚未允许|Not allowed/);
      await options.screenshot(shotPath(`options-downloads-folder-${b.name}-ask.png`), '#downloads-folder');
      await options.click('#dlf-grant');
      await expect.poll(() => options.text('#dlf-status')).toMatch(/已允许|^Allowed/);
      expect(await hasPermission(options)).toBe(true);
      expect(await options.count('#dlf-grant:not([hidden])')).toBe(0);
      await options.screenshot(shotPath(`options-downloads-folder-${b.name}.png`), '#downloads-folder');
      // The reader chooses the destination in the options' chooser (the lead's select saves it).
      await options.evaluate(() => {
        const select = document.getElementById('destination') as HTMLSelectElement;
        select.value = 'downloads-folder';
        select.dispatchEvent(new Event('change', { bubbles: true }));
      }, null);
      await expect
        .poll(() => options.evaluate(async () => ((await ((globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome).storage.sync.get('settings')).settings as { destination?: string })?.destination, null))
        .toBe('downloads-folder');
      await options.close();
    });

    it('an export writes the note and its six images unpacked into Downloads, every link resolving', async () => {
      const status = await exportNote();
      const dir = b.browser.downloadsDir;
      const md = await waitForFile(dir, `${NAME}.md`);
      expect(status).toContain(`${NAME}.md`);
      expect(status).toMatch(/已保存 6 \/ 6 张图片|6 of 6 images saved/);
      const links = resolved(dir, `${NAME}.md`, md);
      expect(links.map((l) => l.file)).toEqual([1, 2, 3, 4, 5, 6].map((n) => `assets/${NAME}/00${n}.png`));
      expect(links[0]!.link).toBe(`assets/${NAME}/001.png`);
      for (const l of links) expect(l.bytes?.equals(testImage()), l.file).toBe(true);
      expect(imageLinks(md).filter((l) => /^https?:/.test(l))).toEqual([]);
      expect(b.browser.served.leaks).toEqual([]);
    });

    it('a second export of the same article gets distinct names, its own images folder and links that resolve; the first stays as it was', async () => {
      const dir = b.browser.downloadsDir;
      const first = readFileSync(join(dir, `${NAME}.md`));
      const status = await exportNote();
      const md = await waitForFile(dir, `${NAME} (1).md`);
      expect(status).toContain(`${NAME} (1).md`);
      const links = resolved(dir, `${NAME} (1).md`, md);
      expect(links.map((l) => l.file)).toEqual([1, 2, 3, 4, 5, 6].map((n) => `assets/${NAME} (1)/00${n}.png`));
      expect(links[0]!.link).toBe(`assets/${NAME}%20%281%29/001.png`);
      for (const l of links) expect(l.bytes?.equals(testImage()), l.file).toBe(true);
      expect(readFileSync(join(dir, `${NAME}.md`)).equals(first)).toBe(true);
      expect(filesUnder(join(dir, 'assets', NAME))).toHaveLength(6);
    });

    it('an image that fails keeps its remote link and is listed; the others are saved', async () => {
      const dir = b.browser.downloadsDir;
      const failing = /XNfdFLib0NoZHibgmQMLwmgvVicNQYFah0hib2SsaVcksZV73gchiaHiax9gSd6Bwq2SpmeKDpdiaymEysgOBqyBhkuHA|goXJnQSbvqzBWSZNZiaiaOBy9rOHMNqpelUcEsK9hKeibbzDnYPNyQDnJICxs7b61xtjfDrw8vM1iawapIyJj93scQ/;
      b.browser.failImages((u) => failing.test(u));
      const status = await exportNote();
      b.browser.failImages(() => false);
      const md = await waitForFile(dir, `${NAME} (2).md`);
      const remote = imageLinks(md).filter((l) => /^https?:/.test(l));
      expect(remote).toHaveLength(1);
      expect(remote[0]).toMatch(failing);
      expect(status).toContain(remote[0]);
      expect(status).toMatch(/已保存 5 \/ 6 张图片|5 of 6 images saved/);
      const links = resolved(dir, `${NAME} (2).md`, md);
      expect(links).toHaveLength(5);
      for (const l of links) expect(l.bytes?.equals(testImage()), l.file).toBe(true);
    });

    it('files the browser never downloaded are not overwritten either: the note links the unique names its images got', async () => {
      const dir = b.browser.downloadsDir;
      // Put there by hand: the download history does not know them, so the name "(3)" looks free.
      const mine = Buffer.from('not an export');
      mkdirSync(join(dir, 'assets', `${NAME} (3)`), { recursive: true });
      writeFileSync(join(dir, `${NAME} (3).md`), mine);
      writeFileSync(join(dir, 'assets', `${NAME} (3)`, '001.png'), mine);
      const before = new Set(filesUnder(dir));
      await exportNote();
      await expect.poll(() => filesUnder(dir).filter((f) => !before.has(f) && f.endsWith('.md')), { timeout: 15_000 }).toHaveLength(1);
      const note = filesUnder(dir).find((f) => !before.has(f) && f.endsWith('.md'))!;
      expect(note).toMatch(/^绥德：33名退役军人被表彰 \(3\) ?\(1\)\.md$/); // Chromium "… (1)", Firefox "…(1)"
      const links = resolved(dir, note, await waitForFile(dir, note));
      expect(links).toHaveLength(6);
      for (const l of links) expect(l.bytes?.equals(testImage()), l.file).toBe(true);
      expect(links.map((l) => l.file)).not.toContain(`assets/${NAME} (3)/001.png`);
      expect(readFileSync(join(dir, `${NAME} (3).md`)).equals(mine)).toBe(true);
      expect(readFileSync(join(dir, 'assets', `${NAME} (3)`, '001.png')).equals(mine)).toBe(true);
    });

    const setSettings = async (patch: Record<string, unknown>) => {
      const options = await ext();
      await options.evaluate(async (patch) => {
        const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
        const { settings } = (await api.storage.sync.get('settings')) as { settings: Record<string, unknown> };
        await api.storage.sync.set({ settings: { ...settings, ...patch } });
      }, patch);
      await options.close();
    };
    const attachmentsIn = (folder: string) => setSettings({ attachments: { location: 'fixed', folder, embeds: false } });

    it('one fixed attachments folder: the images go to <folder>/<note>/, linked from the note with spaces encoded', async () => {
      await attachmentsIn('附件 库');
      const dir = b.browser.downloadsDir;
      const status = await exportNote({ url: codeUrl, html: codeHtml });
      const md = await waitForFile(dir, `${CODE}.md`);
      expect(status).toMatch(/已保存 3 \/ 3 张图片|3 of 3 images saved/);
      const links = resolved(dir, `${CODE}.md`, md);
      expect(links.map((l) => l.file)).toEqual([1, 2, 3].map((n) => `附件 库/${CODE}/00${n}.png`));
      expect(links[0]!.link).toBe(`附件%20库/${CODE.replace(/ /g, '%20')}/001.png`);
      for (const l of links) expect(l.bytes?.equals(testImage()), l.file).toBe(true);
    });

    it('images the browser cannot write (their folder is blocked by a file) keep their remote links and are listed; the note is saved', async () => {
      const dir = b.browser.downloadsDir;
      writeFileSync(join(dir, '受阻'), 'a file where the attachments folder should be');
      await attachmentsIn('受阻');
      const status = await exportNote({ url: codeUrl, html: codeHtml });
      const md = await waitForFile(dir, `${CODE} (1).md`);
      const remote = imageLinks(md);
      expect(remote).toHaveLength(3);
      expect(remote.every((l) => /^https:\/\/mmbiz\.qpic\.cn\//.test(l))).toBe(true);
      expect(status).toMatch(/已保存 0 \/ 3 张图片|0 of 3 images saved/);
      for (const l of remote) expect(status).toContain(l);
      expect(status).toMatch(/浏览器没能写入文件|the browser could not write the file/);
      expect(statSync(join(dir, '受阻')).isFile()).toBe(true);
    });

    it('a folder template puts the note in <Downloads>/<account>/笔记/, and the fixed attachments folder is linked with ../', async () => {
      await setSettings({ folderTemplate: '{{account}}/笔记', attachments: { location: 'fixed', folder: '附件 库', embeds: false } });
      const dir = b.browser.downloadsDir;
      const note = `掌上绥德/笔记/${NAME}.md`;
      const status = await exportNote();
      const md = await waitForFile(dir, note);
      expect(status).toContain(note);
      const links = resolved(dir, note, md);
      expect(links.map((l) => l.file)).toEqual([1, 2, 3, 4, 5, 6].map((n) => `附件 库/${NAME}/00${n}.png`));
      expect(links[0]!.link).toBe(`../../附件%20库/${NAME}/001.png`);
      for (const l of links) expect(l.bytes?.equals(testImage()), l.file).toBe(true);
      await setSettings({ folderTemplate: '' });
    });

    it('without the permission the note falls back to one downloaded .md and the message says why', async () => {
      const options = await ext();
      await options.evaluate(() => ((globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome).permissions.remove({ permissions: ['downloads'] }), null);
      expect(await hasPermission(options)).toBe(false);
      await expect.poll(() => options.text('#dlf-status')).toMatch(/尚未允许|Not allowed/);
      await options.close();
      const dir = b.browser.downloadsDir;
      const before = new Set(filesUnder(dir));
      const status = await exportNote();
      expect(status).toMatch(/没有“管理下载内容”的权限|No permission to manage downloads/);
      expect(status).toMatch(/改为下载|downloaded instead/);
      await expect.poll(() => filesUnder(dir).filter((f) => !before.has(f) && f.endsWith('.md')), { timeout: 15_000 }).toHaveLength(1);
      const fresh = filesUnder(dir).find((f) => !before.has(f) && f.endsWith('.md'))!;
      const md = await waitForFile(dir, fresh);
      expect(imageLinks(md).every((l) => /^https:\/\/mmbiz\.qpic\.cn\//.test(l))).toBe(true);
      expect(imageLinks(md)).toHaveLength(6);
      expect(filesUnder(dir).filter((f) => !before.has(f))).toEqual([fresh]); // no images, no folder
    });
  },
  { approveOptionalPermissions: true, downloadsFolder: true },
);

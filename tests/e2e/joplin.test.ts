import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, openArticle, type Session } from './harness';
import { toolbarAction } from './toolbar-actions';
import { grantedJoplinBuild } from './joplin-granted';
import { useJoplin } from '../joplin-server/use-joplin';
import { stubJoplinAuth, type AuthStub } from '../joplin-server/auth-stub';
import { pageHtml, pageUrl, testImage } from '../fixtures';

// A real Joplin (terminal client, headless) on a free port; the browser reaches it for real.
const joplin = useJoplin();
const STATUS = 'wac=.wac-status';
const html = pageHtml('18'); // 三星 Galaxy S20 (2020): 6 images
const url = pageUrl(html, '18');

let parent = '';
let child = '';
beforeAll(async () => {
  const j = joplin();
  parent = (await j.api<{ id: string }>('POST', '/folders', { title: '公众号' })).id;
  child = (await j.api<{ id: string }>('POST', '/folders', { title: '科技', parent_id: parent })).id;
});

const optionsPage = async (s: Session): Promise<Page> => {
  const page = await s.context.newPage();
  await page.goto(`chrome-extension://${s.extensionId}/options.html#joplin`);
  await page.locator('#joplinStatus').waitFor({ state: 'attached' });
  return page;
};
const type = async (page: Page, sel: string, value: string) => {
  await page.fill(sel, value);
  await page.locator(sel).dispatchEvent('change');
};

describe('Joplin, with the built extension in Chromium', () => {
  it('turning Joplin on asks the browser for 127.0.0.1; not allowed, an export falls back to a download and says why', async () => {
    const s = await launch({ passThrough: [joplin().base] });
    try {
      const options = await optionsPage(s);
      expect(await options.isChecked('#joplinOn')).toBe(false);
      expect(await options.locator('.joplin-details').isHidden()).toBe(true);
      await options.click('#joplinOn');
      // Chromium now shows its permission prompt, which automation cannot answer: the page waits for it.
      await expect.poll(() => options.textContent('#joplinStatus')).toBe('请在浏览器的提示中允许访问 127.0.0.1…');
      await options.evaluate((notebook) => chrome.storage.sync.get('settings').then(({ settings }) => chrome.storage.sync.set({ settings: { ...(settings as object), destination: 'joplin', joplinNotebook: notebook } })), child);
      const page = await openArticle(s, url, html);
      const download = page.waitForEvent('download', { timeout: 30_000 });
      await toolbarAction(page, /下载 Markdown/);
      const file = (await download).suggestedFilename();
      expect(file).toMatch(/\.md$/);
      await expect.poll(() => page.locator(STATUS).textContent()).toContain('没有访问 Joplin 的权限：请在设置页开启 Joplin。');
      expect(await page.locator(STATUS).textContent()).toContain(`笔记已改为下载：${file}`);
      expect(await joplin().api<{ items: unknown[] }>('GET', `/folders/${child}/notes`)).toMatchObject({ items: [] });
    } finally {
      await s.close();
    }
  });

  describe('once 127.0.0.1 is allowed', () => {
    let s: Session;
    let build: ReturnType<typeof grantedJoplinBuild>;
    let stub: AuthStub;
    beforeAll(async () => {
      stub = await stubJoplinAuth(['waiting', 'waiting', 'accepted']);
      build = grantedJoplinBuild();
      s = await launch({ extensionDir: build.dir, passThrough: [joplin().base, stub.base] });
    });
    afterAll(async () => {
      await s?.close();
      build?.remove();
      stub?.close();
    });

    it("gets the token the way Joplin's clipper does: waits while the reader decides in the app, then keeps it (approval stub)", async () => {
      const options = await optionsPage(s);
      await options.locator('.joplin-details').waitFor();
      await type(options, '#joplinPort', String(stub.port));
      await options.click('#joplinAuthorize');
      await expect.poll(() => options.textContent('#joplinStatus')).toBe('请切换到 Joplin，在它的对话框中同意授权…');
      await expect.poll(() => options.inputValue('#joplinToken'), { timeout: 15_000 }).toBe(stub.token);
      expect(stub.checks.length).toBeGreaterThanOrEqual(3);
      expect(await options.evaluate(() => chrome.storage.local.get('joplinAccess'))).toEqual({ joplinAccess: { token: stub.token, port: stub.port } });
      await options.close();
    });

    it('the options page finds Joplin, takes the token, lists the notebooks as a tree; the export creates the note with its images as resources', async () => {
      const j = joplin();
      const options = await optionsPage(s);
      await expect.poll(() => options.isChecked('#joplinOn')).toBe(true);
      await options.locator('.joplin-details').waitFor();
      await type(options, '#joplinPort', String(j.port));
      await options.click('#joplinFind');
      await expect.poll(() => options.textContent('#joplinStatus')).toBe(`在端口 ${j.port} 找到了 Joplin。`);
      await type(options, '#joplinToken', j.token);
      await expect.poll(() => options.locator('#joplinNotebook option').allTextContents()).toEqual(['— 选择笔记本 —', '公众号', '\u00a0\u00a0\u00a0科技']);
      await options.selectOption('#joplinNotebook', child);
      await expect.poll(() => options.textContent('#joplinStatus')).toBe(`已连接 Joplin（端口 ${j.port}），笔记保存到笔记本“科技”。`);
      await options.selectOption('#destination', 'joplin');
      // The token stays on this computer: storage.local, never sync.
      const stored = await options.evaluate(async () => ({ local: await chrome.storage.local.get(null), sync: await chrome.storage.sync.get(null) }));
      expect(JSON.stringify(stored.local)).toContain(j.token);
      expect(JSON.stringify(stored.sync)).not.toContain(j.token);
      expect(stored.sync.settings).toMatchObject({ destination: 'joplin', joplinNotebook: child });

      // One picture fails at WeChat's host: it keeps its remote link and is listed.
      let failing = '';
      s.failImages((u) => (failing ? u === failing : false));
      const page = await openArticle(s, url, html);
      failing = await page.evaluate(() => (document.querySelectorAll('#js_content img[data-src]')[1] as HTMLImageElement).dataset.src ?? '');
      expect(failing).toMatch(/^https:\/\/mmbiz\.qpic\.cn\//);
      let downloaded = false;
      page.on('download', () => (downloaded = true));
      await toolbarAction(page, /下载 Markdown/);
      await expect.poll(() => page.locator(STATUS).textContent(), { timeout: 30_000 }).toMatch(/已发送到 Joplin/);
      const status = (await page.locator(STATUS).textContent()) ?? '';
      expect(status).toContain('笔记本“科技”');
      expect(status).toContain(failing);

      const notes = await j.api<{ items: { id: string; title: string; body: string; source_url: string }[] }>('GET', `/folders/${child}/notes?fields=id,title,body,source_url`);
      expect(notes.items).toHaveLength(1);
      const note = notes.items[0]!;
      expect(note.title).toBe('三星 Galaxy S20 系列手机正式发布');
      expect(note.source_url).toMatch(/^https:\/\/mp\.weixin\.qq\.com\/s/);
      expect(note.body).not.toMatch(/^---/);
      const ids = [...note.body.matchAll(/!\[[^\]]*\]\(:\/([0-9a-f]{32})\)/g)].map((m) => m[1]!);
      expect(ids).toHaveLength(5);
      expect(note.body).toContain(`](${failing})`);
      const png = testImage();
      for (const id of ids) expect(Buffer.from(await j.resourceBytes(id)).equals(png)).toBe(true);
      const linked = await j.api<{ items: { id: string }[] }>('GET', `/notes/${note.id}/resources`);
      expect(linked.items).toHaveLength(5);
      expect(downloaded).toBe(false);
      expect(s.served.leaks).toEqual([]);
    });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { unzipSync, strFromU8 } from 'fflate';
import { launch, openArticle, type Session } from './harness';
import { buildPage } from '../page-builder';
import { toolbarAction } from './toolbar-actions';

let session: Session;
beforeAll(async () => {
  session = await launch();
});
afterAll(async () => {
  await session?.close();
});

// An older article with one picture on WeChat's host and one on the publisher's own CDN.
const WECHAT = 'https://mmbiz.qpic.cn/mmbiz_jpg/abc/640?wx_fmt=jpeg';
const OWN_CDN = 'https://img.cdn.example/2018/photo.png';
const html = buildPage({
  title: '自有图床的旧文章',
  content: `<p>第一张在微信图床。</p><p><img data-src="${WECHAT}"></p><p>第二张在自己的图床。</p><p><img data-src="${OWN_CDN}"></p><p>完。</p>`,
});

describe('images on other hosts (optional host permission)', () => {
  it('without the permission the ZIP keeps them remote, lists them and says how to allow them; nothing is fetched', async () => {
    const page = await openArticle(session, 'https://mp.weixin.qq.com/s/foreign-images', html);
    const download = page.waitForEvent('download', { timeout: 60_000 });
    await toolbarAction(page, /下载 ZIP|Download ZIP/);
    const file = await download;
    const entries = unzipSync(new Uint8Array(readFileSync((await file.path())!)));
    const folder = file.suggestedFilename().replace(/\.zip$/, '');
    const md = strFromU8(entries[`${folder}/${folder}.md`]!);
    expect(md).toMatch(/!\[\]\(assets\/001\.(png|jpg)\)/);
    expect(md).toContain(`![](${OWN_CDN})`);
    expect(Object.keys(entries).filter((k) => k.includes('/assets/'))).toHaveLength(1);
    const status = (await page.locator('wac=.wac-status').textContent()) ?? '';
    expect(status).toContain(OWN_CDN);
    expect(status).toMatch(/弹出窗口|popup/);
    expect(status).toMatch(/1 张失败|1 failed/);
    expect(session.served.leaks).toEqual([]);
    await page.close();
  });

  it('the popup knows which hosts to ask for (it asks inside the ZIP click)', async () => {
    const page = await openArticle(session, 'https://mp.weixin.qq.com/s/foreign-images', html);
    const popup = await session.context.newPage();
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
    await page.bringToFront();
    const status = await popup.evaluate(async () => {
      const chromeApi = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id: number; url: string }[]>; sendMessage(id: number, m: object): Promise<{ imageOrigins?: string[] }> } } }).chrome;
      const tabs = await chromeApi.tabs.query({ url: 'https://mp.weixin.qq.com/*' });
      return chromeApi.tabs.sendMessage(tabs.find((t) => t.url.endsWith('/s/foreign-images'))!.id, { type: 'status' });
    });
    expect(status.imageOrigins).toEqual(['https://img.cdn.example/*']);
    await popup.close();
    await page.close();
  });
});

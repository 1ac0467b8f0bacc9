import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import { launchBrowser, type TestBrowser } from './browsers';
import { buildPage } from '../page-builder';

/**
 * The popup asks for an image host inside the ZIP click and gives it back once that export has
 * answered (issue 26, finding 12). Firefox: its pref grants the request without the prompt that
 * headless Chromium shows and nothing can click.
 */
const OWN_CDN = 'https://img.cdn.example/2018/photo.png';
const html = buildPage({ title: '自有图床', content: `<p>图在自己的图床。</p><p><img data-src="${OWN_CDN}"></p><p>完。</p>` });

describe('firefox › the popup gives back the image hosts an export needed', () => {
  let b: TestBrowser;
  beforeAll(async () => {
    b = await launchBrowser('firefox', { approveOptionalPermissions: true });
  });
  afterAll(async () => {
    await b?.close();
  });

  it('granted for the ZIP (its image is in it), not granted afterwards', async () => {
    const article = await b.openArticle('https://mp.weixin.qq.com/s/own-cdn', html);
    const popup = await b.openPopup(article);
    await expect.poll(() => popup.text('#status')).toMatch(/净化|cleaned/);
    const file = await popup.download(() => popup.click('button[data-action="download-zip"]'), 60_000);
    const entries = Object.keys(unzipSync(new Uint8Array(file.bytes)));
    expect(entries.filter((k) => k.includes('/assets/'))).toHaveLength(1);
    await expect.poll(() => popup.text('#message')).toMatch(/\.zip/);
    const origins = () => popup.evaluate(async () => (await (globalThis as unknown as { browser: typeof chrome }).browser.permissions.getAll()).origins ?? [], null);
    await expect.poll(origins).not.toContain('https://img.cdn.example/*');
    await popup.close();
    await article.close();
  });
});

import { expect, it } from 'vitest';
import { eachBrowser } from './browsers';
import { pageHtml, pageUrl } from '../fixtures';

// The options page and the toolbar speak the browser's language (Firefox: its zh-CN language pack).
for (const [lang, title, button, saved] of [
  ['zh-CN', '公众号净读 — 设置', '下载 Markdown', /已保存/],
  ['en', 'WeChat Article Cleaner — Options', 'Download Markdown', /Saved/],
] as const) {
  eachBrowser(
    `options › ${lang}`,
    (b) => {
      it('the options page and the toolbar are in this language', async () => {
        const options = await b.browser.openExtensionPage('options.html');
        await expect.poll(() => options.text('h1')).toBe(title);
        const html = pageHtml('seed-article');
        const page = await b.browser.openArticle(pageUrl(html, 'seed'), html);
        expect(await page.count(`wac-toolbar >>> button[data-action="download-md"][aria-label="${button}"]`)).toBe(1);
        await page.close();
        await options.close();
      });

      it('a change is saved, said so, and still there when the page is opened again', async () => {
        const options = await b.browser.openExtensionPage('options.html');
        await options.setChecked('input[value="base64"]', true);
        await expect.poll(() => options.text('#saved')).toMatch(saved);
        await options.close();
        const again = await b.browser.openExtensionPage('options.html');
        await expect.poll(() => again.isChecked('input[value="base64"]')).toBe(true);
        await again.setChecked('input[value="remote"]', true);
        await again.close();
      });
    },
    { lang },
  );
}

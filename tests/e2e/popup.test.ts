import { beforeAll, describe, expect, it } from 'vitest';
import { eachBrowser, type TestPage } from './browsers';
import { clockless, expectedMarkdown, pageHtml, pageUrl } from '../fixtures';

// The real popup page, beside the article tab, acting on it as the toolbar button's popup does.
eachBrowser('popup', (b) => {
  let article: TestPage;
  let popup: TestPage;
  beforeAll(async () => {
    const html = pageHtml('seed-article');
    article = await b.browser.openArticle(pageUrl(html, 'seed'), html);
    popup = await b.browser.openPopup(article);
  });

  describe('the popup on an article', () => {
    it('says the page is cleaned and how many promotion blocks it hid', async () => {
      await expect.poll(() => popup.text('#status')).toBe('此页面已净化。已隐藏：推广 13 处。');
      expect(await popup.isChecked('#clean-page')).toBe(true);
      expect(await popup.isChecked('#clean-default')).toBe(true);
    });

    it('its switch turns cleaning off for this page and on again', async () => {
      await popup.setChecked('#clean-page', false);
      await expect.poll(() => popup.text('#status')).toBe('此页面按原样显示。');
      expect(await article.count('#wac-cleaning-style')).toBe(0);
      expect(await article.count('[data-wac-promo]')).toBe(0);
      await popup.setChecked('#clean-page', true);
      await expect.poll(() => article.count('[data-wac-promo]')).toBe(13);
    });

    it('"Download Markdown" downloads the note from the article tab', async () => {
      const file = await popup.download(() => popup.click('button[data-action="download-md"]'));
      expect(clockless(file.bytes.toString('utf8'))).toBe(clockless(expectedMarkdown('seed-article')));
      await expect.poll(() => popup.text('#message')).toContain('.md');
    });

    it('another destination picked in the popup is used for that one export, and the default stays', async () => {
      expect(await popup.evaluate(() => (document.getElementById('destination') as HTMLSelectElement).value, null)).toBe('download');
      // Picked as a reader does (a change event), then the same "Download Markdown" button.
      await popup.evaluate(() => {
        const s = document.getElementById('destination') as HTMLSelectElement;
        s.value = 'zip';
        s.dispatchEvent(new Event('change', { bubbles: true }));
      }, null);
      const file = await popup.download(() => popup.click('button[data-action="download-md"]'));
      expect(file.name).toMatch(/\.zip$/);
      expect(file.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
      // The reader's default is unchanged: the toolbar's button still downloads the .md.
      const again = await article.download(() => article.clickToolbar(/^(下载 Markdown|Download Markdown)$/));
      expect(clockless(again.bytes.toString('utf8'))).toBe(clockless(expectedMarkdown('seed-article')));
    });
  });

  describe('the popup copies', () => {
    it('"Copy Markdown" puts the note on the clipboard and says so', async () => {
      await popup.click('button[data-action="copy-md"]');
      await expect.poll(() => popup.text('#message')).toMatch(/已复制|Copied/);
      // Read back from the article tab: the popup writes with the extension's clipboardWrite permission.
      await article.bringToFront();
      expect(clockless(await article.readClipboard())).toBe(clockless(expectedMarkdown('seed-article')));
    });
  });
});

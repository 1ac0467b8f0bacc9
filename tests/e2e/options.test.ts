import { expect, it } from 'vitest';
import { eachBrowser } from './browsers';
import { pageHtml, pageUrl } from '../fixtures';
import { shotPath } from './shots';

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

// #27.17: grouped by what the reader decides, a section list to jump by, only the chosen destination's settings.
for (const scheme of ['light', 'dark'] as const) {
  eachBrowser(
    `options sections (${scheme})`,
    (b) => {
      it('a section list jumps to each group; only the chosen destination’s settings show', async () => {
        const options = await b.browser.openExtensionPage('options.html');
        await expect.poll(() => options.text('#sections a')).toBe('笔记保存到哪里');
        const links = await options.evaluate(() => Array.from(document.querySelectorAll<HTMLAnchorElement>('#sections a'), (a) => [a.getAttribute('href'), a.textContent]), null);
        expect(links).toEqual([
          ['#where', '笔记保存到哪里'],
          ['#look', '笔记的样子'],
          ['#hide', '隐藏什么'],
          ['#memory', '记住的推广'],
          ['#album', '合集导出'],
        ]);
        const shown = (ids: string[]) => options.evaluate((list) => list.map((id) => !!document.getElementById(id)?.offsetParent), ids);
        const ids = ['image-mode', 'folder', 'downloads-folder', 'joplin'];
        // The default destination, the download: its image choice only.
        expect(await shown(ids)).toEqual([true, false, false, false]);
        await options.screenshot(shotPath(`options-${scheme}-${b.name}.png`));
        await options.evaluate(() => {
          const s = document.getElementById('destination') as HTMLSelectElement;
          s.value = 'joplin';
          s.dispatchEvent(new Event('change', { bubbles: true }));
        }, null);
        expect(await shown(ids)).toEqual([false, false, false, true]);
        await options.click('#sections a[href="#memory"]');
        // The heading is brought into view (the page may be too short to put it at the very top).
        await expect
          .poll(() => options.evaluate(() => [location.hash, document.getElementById('memory')!.getBoundingClientRect().top < innerHeight, scrollY > 0], null))
          .toEqual(['#memory', true, true]);
        // Back to the default for the tests after this one.
        await options.evaluate(() => {
          const s = document.getElementById('destination') as HTMLSelectElement;
          s.value = 'download';
          s.dispatchEvent(new Event('change', { bubbles: true }));
        }, null);
        await options.close();
      });
    },
    { colorScheme: scheme },
  );
}

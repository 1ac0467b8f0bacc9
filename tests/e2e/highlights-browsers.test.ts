import { expect, it } from 'vitest';
import { eachBrowser } from './browsers';
import { pageHtml, pageUrl } from '../fixtures';
import { shotPath } from './shots';

/**
 * Stored highlights come back on the page in both browsers: Chromium and Firefox ESR (the CSS Custom
 * Highlight API is there from Firefox 140). The record is put in storage.local from an extension page,
 * as the page's layer writes it; the page's own world then sees what the layer drew.
 */
const html = pageHtml('01');
const url = pageUrl(html, '01');
const ID = 'MzIyNjMxOTY0NA==/2247504179/1';
const QUOTE = '这个时候，我把cmd';

eachBrowser('highlights', (b) => {
  it('a stored highlight is drawn with the CSS Custom Highlight API; one whose text is gone is counted, not drawn', async () => {
    const ext = await b.browser.openExtensionPage('options.html');
    await ext.evaluate(
      async ({ id, quote }) => {
        const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
        const items = [
          { id: 'a', exact: quote, prefix: '', suffix: '', start: 0, end: quote.length, note: '', created: 1 },
          { id: 'b', exact: '页面上没有的一句话', prefix: '', suffix: '', start: 0, end: 9, note: 'n', created: 2 },
        ];
        await api.storage.local.set({ [`hl:${id}`]: { v: 1, id, title: 't', url: '', updated: 1, items } });
      },
      { id: ID, quote: QUOTE },
    );
    await ext.close();
    const page = await b.browser.openArticle(url, html);
    expect(await page.evaluate(() => typeof (CSS as unknown as { highlights?: unknown }).highlights, null)).toBe('object');
    const deadline = Date.now() + 15_000;
    let seen: unknown = null;
    while (Date.now() < deadline) {
      seen = await page.evaluate(() => {
        const reg = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
        return { drawn: Array.from(reg.get('wac-hl') ?? [], (r) => r.toString()), count: document.documentElement.dataset.wacHighlights ?? '' };
      }, null);
      if ((seen as { count: string }).count) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(seen).toEqual({ drawn: [QUOTE], count: '1/2' });
    await page.evaluate(() => {
      const r = Array.from((CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('wac-hl')!)[0]!;
      r.startContainer.parentElement!.scrollIntoView({ block: 'center' });
    }, null);
    await page.screenshot(shotPath(`highlights-01-${b.name}.png`));
    await page.close();
  });
});

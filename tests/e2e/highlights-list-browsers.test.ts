import { expect, it } from 'vitest';
import { eachBrowser } from './browsers';
import type { TestPage } from './browsers/types';
import { shotPath } from './shots';

/**
 * The highlights page in both browsers (Chromium and Firefox ESR): two stored articles listed newest
 * first, searched; export as JSON; a broken import changes nothing and says why; after a clear, the
 * export imported again gives the list back. (Made on the page by the reader: highlights-list.test.ts.)
 */
const BIZ = 'MzIyNjMxOTY0NA==';
const record = (mid: number, title: string, updated: number, exact: string, note: string) => ({
  v: 1,
  id: `${BIZ}/${mid}/1`,
  title,
  url: `https://mp.weixin.qq.com/s?__biz=${BIZ}&mid=${mid}&idx=1`,
  updated,
  items: [{ id: `h${mid}`, exact, prefix: '', suffix: '', start: 0, end: exact.length, note, created: updated }],
});
const RECORDS = [record(1, '较早的文章', 1_700_000_000_000, '较早文章里的一句话', ''), record(2, '较新的文章', 1_750_000_000_000, 'A newer passage', '读者的批注')];

/** The extension's storage, as the page sees it (only the highlights). */
const storedHighlights = (page: TestPage) =>
  page.evaluate(async () => {
    const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
    const all = (await api.storage.local.get(null)) as Record<string, unknown>;
    return JSON.stringify(Object.fromEntries(Object.entries(all).filter(([k]) => k.startsWith('hl:')).sort()));
  }, null);

/** A file given to the page's "Import JSON" (as a picked file would be). */
const importText = (page: TestPage, text: string) =>
  page.evaluate((t) => {
    const input = document.getElementById('hl-file') as HTMLInputElement;
    const dt = new DataTransfer();
    dt.items.add(new File([t], 'highlights.json', { type: 'application/json' }));
    input.files = dt.files;
    input.dispatchEvent(new Event('change'));
  }, text);

const until = async (check: () => Promise<boolean>) => {
  const deadline = Date.now() + 10_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
};

eachBrowser('highlights page', (b) => {
  it('lists, searches, exports; a broken import changes nothing; a clear and the import give the list back', async () => {
    const page = await b.browser.openExtensionPage('highlights.html');
    await page.evaluate(async (records) => {
      const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
      await api.storage.local.set(Object.fromEntries(records.map((r) => [`hl:${r.id}`, r])));
    }, RECORDS);
    await until(async () => (await page.count('.hl-article')) === 2);
    const titles = () => page.evaluate(() => Array.from(document.querySelectorAll('.hl-article h2'), (h) => h.textContent), null);
    expect(await titles()).toEqual(['较新的文章', '较早的文章']);
    expect(await page.text('.hl-note')).toBe('读者的批注');
    await page.screenshot(shotPath(`highlights-list-${b.name}.png`));

    const search = (q: string) =>
      page.evaluate((text) => {
        const s = document.getElementById('hl-search') as HTMLInputElement;
        s.value = text;
        s.dispatchEvent(new Event('input'));
      }, q);
    await search('一句话');
    expect(await titles()).toEqual(['较早的文章']);
    await search('');

    const before = await storedHighlights(page);
    const file = await page.download(() => page.click('#hl-export'));
    const exported = file.bytes.toString('utf8');
    expect(JSON.parse(exported).articles).toHaveLength(2);

    const broken = JSON.parse(exported) as { articles: { id: string }[] };
    broken.articles[1]!.id = 'not an identity';
    await importText(page, JSON.stringify(broken));
    await until(async () => /^(未导入任何内容|Nothing was imported)/.test((await page.text('#hl-status')) ?? ''));
    expect(await page.text('#hl-status')).toContain('article 2');
    expect(await storedHighlights(page)).toBe(before);

    await page.evaluate(async () => {
      const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
      await api.storage.local.remove(Object.keys(await api.storage.local.get(null)).filter((k) => k.startsWith('hl:')));
    }, null);
    await until(async () => (await page.count('.hl-article')) === 0);
    await importText(page, exported);
    await until(async () => (await page.count('.hl-article')) === 2);
    expect(await storedHighlights(page)).toBe(before);
    await page.close();
  });
});

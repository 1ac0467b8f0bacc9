import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ArticleHighlights, Highlight } from '../../utils/annotate/store';

// The real list and store over WXT's in-memory stand-in for browser.storage (wxt/browser reads the
// global when it is first imported, hence the dynamic imports).
(globalThis as { chrome?: unknown }).chrome = fakeBrowser;
const list = await import('../../utils/annotate/list');
const store = await import('../../utils/annotate/store');

beforeEach(() => fakeBrowser.reset());

const BIZ = 'MzIyNjMxOTY0NA==';
const hl = (id: string, exact: string, note = ''): Highlight => ({ id, exact, prefix: '', suffix: '', start: 0, end: exact.length, note, created: 1 });
const article = (id: string, items: Highlight[], title = '标题', updated = 1): ArticleHighlights => ({ v: 1, id, title, url: `https://mp.weixin.qq.com/s?__biz=${BIZ}&mid=1&idx=1`, updated, items });
const fileOf = (articles: unknown[]) => JSON.stringify({ format: list.EXPORT_FORMAT, version: 1, exported: 1, articles });
const allStored = async () => JSON.stringify(await fakeBrowser.storage.local.get(null));

describe('the list of highlighted articles', () => {
  it('lists stored articles newest first, and searches titles, passages and notes', async () => {
    await store.saveHighlights(`${BIZ}/1/1`, [hl('a', '第一篇的句子', '想法甲')], { title: '旧文章', url: '' });
    await new Promise((r) => setTimeout(r, 5));
    await store.saveHighlights(`${BIZ}/2/1`, [hl('b', 'Second passage')], { title: '新文章', url: '' });
    const all = await list.listArticles();
    expect(all.map((a) => a.title)).toEqual(['新文章', '旧文章']);
    expect(all.filter((a) => list.matchesQuery(a, '想法甲')).map((a) => a.title)).toEqual(['旧文章']);
    expect(all.filter((a) => list.matchesQuery(a, 'second PASSAGE')).map((a) => a.title)).toEqual(['新文章']);
    expect(all.filter((a) => list.matchesQuery(a, '文章 不在')).length).toBe(0);
  });

  it('links back only to WeChat article addresses', () => {
    expect(list.articleLink('https://mp.weixin.qq.com/s/abcdefgh')).toBe('https://mp.weixin.qq.com/s/abcdefgh');
    expect(list.articleLink('javascript:alert(1)')).toBeNull();
    expect(list.articleLink('https://mp.weixin.qq.com.evil.example/s/x')).toBeNull();
  });
});

describe('export and import as JSON', () => {
  it('round-trips: what is exported imports into an empty store as it was', async () => {
    await store.saveHighlights(`${BIZ}/1/1`, [hl('a', '句子', '想法')], { title: 't', url: 'https://mp.weixin.qq.com/s/abcdefgh' });
    const text = JSON.stringify(list.exportAll(await list.listArticles()));
    const before = await list.listArticles();
    fakeBrowser.reset();
    const parsed = list.parseImport(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(await list.importArticles(parsed.articles)).toEqual({ ok: true, articles: 1, added: 1 });
    expect(await list.listArticles()).toEqual(before);
  });

  it('merging never loses a highlight or a note the reader has; new ones are added, repeats are not', async () => {
    await store.saveHighlights(`${BIZ}/1/1`, [hl('a', '已有', '我的批注'), hl('b', '也已有')], { title: 't', url: '' });
    const incoming = article(`${BIZ}/1/1`, [hl('a', '已有', '导入的另一条批注'), { ...hl('other-id', '也已有') }, hl('c', '新的')]);
    const r = await list.importArticles([incoming]);
    expect(r).toEqual({ ok: true, articles: 1, added: 1 });
    const [rec] = await list.listArticles();
    expect(rec!.items.map((h) => [h.id, h.note])).toEqual([['a', '我的批注'], ['b', ''], ['c', '']]);
  });

  const broken: Record<string, string> = {
    'not JSON': '{"format": ',
    'another format': JSON.stringify({ format: 'something-else', version: 1, articles: [] }),
    'an unknown version': JSON.stringify({ format: 'wechat-article-cleaner-highlights', version: 2, articles: [] }),
    'an id that is no article identity': fileOf([article('../../etc', [hl('a', 'x')])]),
    'a highlight without its quote': fileOf([article(`${BIZ}/1/1`, [hl('a', 'ok')]), article(`${BIZ}/2/1`, [{ ...hl('b', 'x'), exact: '' }])]),
    'a note over the bound': fileOf([article(`${BIZ}/1/1`, [hl('a', 'x', 'n'.repeat(5001))])]),
    'more highlights than an article holds': fileOf([article(`${BIZ}/1/1`, Array.from({ length: 501 }, (_, i) => hl(`h${i}`, `x${i}`)))]),
    'the same article twice': fileOf([article(`${BIZ}/1/1`, [hl('a', 'x')]), article(`${BIZ}/1/1`, [hl('b', 'y')])]),
    'a file over the size bound': ' '.repeat(8_000_001),
  };
  for (const [what, text] of Object.entries(broken)) {
    it(`refuses a file with ${what}, saying why`, () => {
      const r = list.parseImport(text);
      expect(r.ok).toBe(false);
      expect(!r.ok && r.message.length).toBeGreaterThan(5);
    });
  }

  it('an import that cannot be taken whole changes nothing: one article would overflow, the others are not written either', async () => {
    await store.saveHighlights(`${BIZ}/1/1`, Array.from({ length: 499 }, (_, i) => hl(`h${i}`, `x${i}`)), { title: '满', url: '' });
    const before = await allStored();
    const parsed = list.parseImport(fileOf([article(`${BIZ}/2/1`, [hl('n', '别的文章')]), article(`${BIZ}/1/1`, [hl('y1', 'y1'), hl('y2', 'y2')])]));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const r = await list.importArticles(parsed.articles);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toContain('501');
    expect(await allStored()).toBe(before);
  });
});

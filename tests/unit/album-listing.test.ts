import { describe, expect, it } from 'vitest';
import { albumFixture, albumJson } from '../fixtures';
import { ALBUM_SOURCES, albumsInScripts, albumsOfPage, isAlbumPageUrl } from '../../utils/batch/album-info';
import { albumJsonUrl, albumPageItems, listAlbum, ListingError, parseAlbumJson, selectRange, type AlbumItem } from '../../utils/batch/listing';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const BIZ = 'Mzg4NTc2OTYxMQ==';
const ALBUM = { id: '3329839945947119618', biz: BIZ };
const ALBUM_URL = `https://mp.weixin.qq.com/mp/appmsgalbum?__biz=${BIZ}&action=getalbum&album_id=${ALBUM.id}`;

/** The real chain: the album page's first screen, then the JSON pages asked with each last item. */
const CHAIN: Record<string, string> = {
  [albumJsonUrl(ALBUM)]: 'first-page',
  [albumJsonUrl(ALBUM, { msgid: '2247484534', itemidx: '1' })]: '2247484420',
  [albumJsonUrl(ALBUM, { msgid: '2247484420', itemidx: '1' })]: '2247484310',
  [albumJsonUrl(ALBUM, { msgid: '2247484310', itemidx: '1' })]: '2247484179',
  [albumJsonUrl(ALBUM, { msgid: '2247484179', itemidx: '1' })]: '2247484063',
  [albumJsonUrl(ALBUM, { msgid: '2247484063', itemidx: '1' })]: '2247483853',
};
const serveChain = (asked: string[], override: Record<string, string> = {}) => async (url: string) => {
  asked.push(url);
  if (override[url] !== undefined) return override[url]!;
  const name = CHAIN[url];
  if (!name) throw new Error(`not in the chain: ${url}`);
  return albumJson(name);
};

describe('album info on article pages', () => {
  it('2025 page: both albums from publicTagInfo, with title and size', () => {
    const albums = albumsOfPage(parse(albumFixture('article-2247483846.html.gz')), 'https://mp.weixin.qq.com/s?__biz=Mzg4NTc2OTYxMQ==&mid=2247483846&idx=1');
    expect(albums).toEqual([
      { id: '3329839945947119618', biz: BIZ, title: '微型小说', size: 77 },
      { id: '3467609302578135044', biz: BIZ, title: '燃烟', size: 1 },
    ]);
  });
  it('the other 2025 page', () => {
    const albums = albumsOfPage(parse(albumFixture('article-2247484420.html.gz')), 'https://mp.weixin.qq.com/s/x');
    expect(albums[0]).toMatchObject({ id: '3329839945947119618', title: '微型小说', biz: BIZ });
    expect(albums[0]!.size).toBeGreaterThan(0);
  });
  it('2026 page: public_tag_info / appmsgalbuminfo, ids in JsDecode, biz from the album link', () => {
    const albums = albumsOfPage(parse(albumFixture('article-2247484584.html.gz')), 'https://mp.weixin.qq.com/s/no-biz-here');
    expect(albums[0]).toEqual({ id: '3329839945947119618', biz: BIZ, title: '微型小说', size: 105 });
  });
  it('every source rule reads its own example', () => {
    for (const rule of ALBUM_SOURCES) {
      const [album] = albumsInScripts([rule.example], BIZ);
      expect(album, rule.anchor).toMatchObject({ id: '3329839945947119618', title: '微型小说', biz: BIZ });
      expect(album!.size, rule.anchor).toBeGreaterThan(0);
    }
  });
  it('a page in no album names none (a corpus article without album data)', () => {
    expect(albumsInScripts(['var publicTagInfo = [];', 'var title = "x";'], BIZ)).toEqual([]);
  });
});

describe('the album page', () => {
  for (const [file, size, first, last] of [
    ['album-2026-03-09.html.gz', 105, '2247484584', '2247484534'],
    ['album-2025-03-31.html.gz', 77, '2247484420', '2247484370'],
  ] as const) {
    it(`${file}: album from cgiData, 10 items from the list, more to come`, () => {
      const doc = parse(albumFixture(file));
      expect(albumsOfPage(doc, ALBUM_URL)).toEqual([{ id: ALBUM.id, biz: BIZ, title: '微型小说', size }]);
      const page = albumPageItems(doc);
      expect(page.more).toBe(true);
      expect(page.items).toHaveLength(10);
      expect(page.items[0]!.msgid).toBe(first);
      expect(page.items[9]!.msgid).toBe(last);
      // http:// links with &amp; and chksm become canonical https addresses.
      expect(page.items[0]!.url).toMatch(/^https:\/\/mp\.weixin\.qq\.com\/s\?__biz=Mzg4NTc2OTYxMQ==&mid=\d+&idx=1&sn=[0-9a-f]+$/);
      expect(page.items[0]!.createTime).toMatch(/^\d{10}$/);
    });
  }
  it('recognises the album address', () => {
    expect(isAlbumPageUrl(ALBUM_URL)).toBe(true);
    expect(isAlbumPageUrl('https://mp.weixin.qq.com/s?__biz=x')).toBe(false);
    expect(isAlbumPageUrl('https://example.com/mp/appmsgalbum?album_id=1')).toBe(false);
  });
});

describe('album JSON pages', () => {
  it('a real continuation page: 20 items, newest first, more to come', () => {
    const page = parseAlbumJson(albumJson('2247484063'));
    expect(page.more).toBe(true);
    expect(page.items).toHaveLength(20);
    expect(page.items[0]).toEqual({
      msgid: '2247484173',
      itemidx: '1',
      title: '微型小说《在这所有道路都被掀起来的世界》',
      url: 'https://mp.weixin.qq.com/s?__biz=Mzg4NTc2OTYxMQ==&mid=2247484173&idx=1&sn=e08995d3af37ce71166551ecb564764c',
      createTime: '1722667392',
    });
  });
  it('the real last page: continue_flag "0"', () => {
    const page = parseAlbumJson(albumJson('2247483853'));
    expect(page.more).toBe(false);
    expect(page.items).toHaveLength(16);
  });
  it('article_list as one object (a page with one item)', () => {
    const data = JSON.parse(albumJson('2247483853'));
    data.getalbum_resp.article_list = data.getalbum_resp.article_list[3];
    const page = parseAlbumJson(JSON.stringify(data));
    expect(page.items.map((i) => i.msgid)).toEqual([data.getalbum_resp.article_list.msgid]);
  });
  it('bad answers are named, not swallowed', () => {
    expect(() => parseAlbumJson('<html>当前环境异常</html>')).toThrow(ListingError);
    expect(() => parseAlbumJson('{"base_resp":{"ret":-3}}')).toThrow(/ret=-3/);
    expect(() => parseAlbumJson('{"base_resp":{"ret":0}}')).toThrow(/getalbum_resp/);
  });
});

describe('listing a whole album', () => {
  it('from the first JSON page through the real continuation pages to continue_flag "0"', async () => {
    const asked: string[] = [];
    const items = await listAlbum(ALBUM, serveChain(asked));
    expect(asked).toEqual(Object.keys(CHAIN));
    expect(items).toHaveLength(10 + 4 * 20 + 16);
    expect(new Set(items.map((i) => `${i.msgid}:${i.itemidx}`)).size).toBe(items.length);
    expect(items[0]!.msgid).toBe('2247484584');
    // Album order (pos_num), not publishing order: 燃烟 (2247483846) was filed as the third.
    expect(items.slice(-3).map((i) => i.title)).toEqual(['微型小说《燃烟》', '微型小说《怪猫》', '微型小说《烧枯秧》']);
    expect(items.every((i) => i.url.startsWith('https://'))).toBe(true);
  });
  it('from the album page\'s own list: the first JSON page is not asked', async () => {
    const asked: string[] = [];
    const first = albumPageItems(parse(albumFixture('album-2026-03-09.html.gz')));
    const items = await listAlbum(ALBUM, serveChain(asked), first);
    expect(asked[0]).toContain('begin_msgid=2247484534&begin_itemidx=1');
    expect(items).toHaveLength(106);
  });
  it('the JSON pages are spaced by the pacing, as articles are (a fake clock, no wall time)', async () => {
    // The clock moves only when the listing waits; each request notes the time it was made.
    let clock = 0;
    const at: number[] = [];
    const asked: string[] = [];
    const serve = serveChain(asked);
    const pauses = [4000, 6500, 5200, 7100, 4800, 6000];
    let p = 0;
    const items = await listAlbum(ALBUM, async (url) => (at.push(clock), serve(url)), undefined, undefined, {
      wait: async (ms) => void (clock += ms),
      pause: () => pauses[p++]!,
    });
    expect(items).toHaveLength(106);
    expect(asked).toEqual(Object.keys(CHAIN));
    // The first request at once, then each the pacing's pause after the one before.
    expect(at.slice(1).map((t, i) => t - at[i]!)).toEqual(pauses.slice(0, asked.length - 1));
    expect(at[0]).toBe(0);
  });
  it("from the album page's list, the first JSON page waits too (the page was just loaded)", async () => {
    const waits: number[] = [];
    const asked: string[] = [];
    await listAlbum(ALBUM, serveChain(asked), albumPageItems(parse(albumFixture('album-2026-03-09.html.gz'))), undefined, { wait: async (ms) => void waits.push(ms), pause: () => 3000 });
    expect(waits).toEqual(asked.map(() => 3000));
  });
  it('an item repeated at a page boundary is kept once', async () => {
    const next = JSON.parse(albumJson('2247484420'));
    const last = JSON.parse(albumJson('first-page')).getalbum_resp.article_list.at(-1);
    next.getalbum_resp.article_list.unshift(last);
    const asked: string[] = [];
    const items = await listAlbum(ALBUM, serveChain(asked, { [albumJsonUrl(ALBUM, { msgid: '2247484534', itemidx: '1' })]: JSON.stringify(next) }));
    expect(items).toHaveLength(106);
    expect(items.filter((i) => i.msgid === '2247484534')).toHaveLength(1);
  });
  it('a server that answers the same page forever is stopped', async () => {
    const loop = JSON.parse(albumJson('2247484420'));
    await expect(listAlbum(ALBUM, async () => JSON.stringify(loop), parseAlbumJson(JSON.stringify(loop)))).rejects.toThrow(/repeats/);
  });
});

describe('range selection', () => {
  const items: AlbumItem[] = Array.from({ length: 10 }, (_, i) => ({ msgid: String(100 - i), itemidx: '1', title: `t${10 - i}`, url: `https://mp.weixin.qq.com/s/${10 - i}`, createTime: '' }));
  const titles = (l: AlbumItem[]) => l.map((i) => i.title);
  it('all, oldest first / newest first', () => {
    expect(titles(selectRange(items, { order: 'oldest-first' }))).toEqual(['t1', 't2', 't3', 't4', 't5', 't6', 't7', 't8', 't9', 't10']);
    expect(titles(selectRange(items, { order: 'newest-first' }))[0]).toBe('t10');
  });
  it('a range by album position, clamped', () => {
    expect(titles(selectRange(items, { from: 3, to: 5, order: 'oldest-first' }))).toEqual(['t3', 't4', 't5']);
    expect(titles(selectRange(items, { from: 3, to: 5, order: 'newest-first' }))).toEqual(['t5', 't4', 't3']);
    expect(titles(selectRange(items, { from: 8, to: 99, order: 'oldest-first' }))).toEqual(['t8', 't9', 't10']);
    expect(selectRange(items, { from: 6, to: 2, order: 'oldest-first' })).toEqual([]);
  });
});

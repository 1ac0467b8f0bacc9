import { describe, expect, it } from 'vitest';
import { albumJson } from '../fixtures';
import { parseAlbumJson } from '../../utils/batch/listing';
import { ALBUM as REAL_ALBUM, BIZ, CHAIN } from './album-chain';
import { BLOCK_SIGNS, type FetchOutcome } from '../../utils/batch/fetch-page';
import { checkAlbums, dueDaily, DAY_MS } from '../../utils/follow/check';
import type { FollowedAlbum } from '../../utils/follow/follows';
import { folderIdentities, itemIdentity, newItems } from '../../utils/follow/newness';
import { withExported } from '../../utils/follow/record';
import { indexWithEarlier, mergeIndex } from '../../utils/follow/index-merge';
import { FolderBatchDestination } from '../../utils/follow/folder-output';
import { memoryFolder } from './memory-fs';

const ALBUM: FollowedAlbum = { ...REAL_ALBUM, title: '微型小说', size: 105, followedAt: 0, checkedAt: 0, newCount: null };
const firstItems = parseAlbumJson(albumJson('first-page')).items;
const note = (id: string, body = 'text') => `---\ntitle: "x"\nwechat_id: "${id}"\n---\n\n${body}\n`;

function deps(answer: (url: string) => FetchOutcome | undefined = () => undefined) {
  const asked: string[] = [];
  const updates: [string, Partial<FollowedAlbum>][] = [];
  const waits: number[] = [];
  return {
    asked,
    updates,
    waits,
    deps: {
      fetchPage: async (url: string): Promise<FetchOutcome> => {
        asked.push(url);
        const a = answer(url);
        if (a) return a;
        const name = CHAIN[url];
        return name ? { ok: true, text: albumJson(name) } : { ok: false, blocked: false, reason: 'HTTP 404' };
      },
      pace: { wait: async (ms: number) => void waits.push(ms), pause: () => 1500 },
      known: async () => new Set([itemIdentity(firstItems[0]!)!, itemIdentity(firstItems[1]!)!]),
      update: async (id: string, patch: Partial<FollowedAlbum>) => void updates.push([id, patch]),
      now: () => 5 * DAY_MS,
    },
  };
}

describe('follow: what is new', () => {
  it('an album item is known by the identity its note carries (__biz/mid/idx)', () => {
    expect(itemIdentity(firstItems[0]!)).toBe(`${BIZ}/${firstItems[0]!.msgid}/1`);
    expect(newItems(firstItems, new Set([itemIdentity(firstItems[0]!)!]))).toEqual(firstItems.slice(1));
  });

  it('check: the real 106-article album through its JSON pages, paced; new = not exported', async () => {
    const d = deps();
    const r = await checkAlbums([ALBUM], d.deps);
    expect(r).toEqual({ checked: 1 });
    expect(d.asked).toEqual(Object.keys(CHAIN));
    // Every page after the first waited the pace.
    expect(d.waits).toEqual(Array(Object.keys(CHAIN).length - 1).fill(1500));
    expect(d.updates).toEqual([[ALBUM.id, { checkedAt: 5 * DAY_MS, newCount: 104, size: 106, problem: undefined }]]);
  });

  it('a verification page stops the whole check at once: nothing asked again, later albums untouched, the reason kept', async () => {
    const other = { ...ALBUM, id: '999999999', title: 'other' };
    const d = deps((url) => (url.includes('begin_msgid=2247484420') ? { ok: false, blocked: true, reason: BLOCK_SIGNS[0]!.reason } : undefined));
    const r = await checkAlbums([ALBUM, other], d.deps);
    expect(r.stopped).toBe(BLOCK_SIGNS[0]!.reason);
    expect(d.asked.filter((u) => u.includes('begin_msgid=2247484420'))).toHaveLength(1);
    expect(d.asked.some((u) => u.includes('999999999'))).toBe(false);
    expect(d.updates).toEqual([[ALBUM.id, { checkedAt: 5 * DAY_MS, problem: BLOCK_SIGNS[0]!.reason }]]);
  });

  it('a deleted album (WeChat answers ret≠0) is said and passed by; the next one is checked', async () => {
    const gone = { ...ALBUM, id: '888888888', title: 'gone' };
    const d = deps((url) => (url.includes('888888888') ? { ok: true, text: '{"base_resp":{"ret":-2}}' } : undefined));
    const r = await checkAlbums([gone, ALBUM], d.deps);
    expect(r).toEqual({ checked: 2 });
    expect(d.updates[0]).toEqual([gone.id, { checkedAt: 5 * DAY_MS, problem: 'WeChat answered ret=-2' }]);
    expect(d.updates[1]![1].newCount).toBe(104);
  });

  it('the daily check takes only albums not checked for a day', async () => {
    const fresh = { ...ALBUM, id: '777777777', checkedAt: 5 * DAY_MS - 3600_000 };
    const stale = { ...ALBUM, checkedAt: 5 * DAY_MS - DAY_MS - 1 };
    const d = deps();
    await checkAlbums([fresh, stale], d.deps, dueDaily(5 * DAY_MS));
    expect(d.updates.map(([id]) => id)).toEqual([ALBUM.id]);
  });

  it('the record is bounded: the oldest entries go first', () => {
    let map = {};
    for (let i = 0; i < 12; i++) map = withExported(map, [`a/${i}/1`], i, 10);
    expect(Object.keys(map).sort()).toEqual(Array.from({ length: 10 }, (_, i) => `a/${i + 2}/1`).sort());
  });

  it('a folder scan reads the wechat_id of every .md front matter, skips assets and dot folders, and says when it stopped at its bound', async () => {
    const { handle: root } = memoryFolder('notes', {
      'a.md': note('X/1/1'),
      'sub/b.md': note('X/2/1'),
      'sub/deeper/c.md': note('sn/abc'),
      '.obsidian/d.md': note('X/9/1'),
      'assets/e.md': note('X/8/1'),
      'f.txt': note('X/7/1'),
      'g.md': '# no front matter',
    });
    const all = await folderIdentities(root);
    expect([...all.ids].sort()).toEqual(['X/1/1', 'X/2/1', 'sn/abc']);
    expect(all.complete).toBe(true);
    const bounded = await folderIdentities(root, { files: 1, depth: 6, headBytes: 4096 });
    expect(bounded.complete).toBe(false);
    expect(bounded.files).toBe(1);
  });
});

describe('follow: index.md of only the new articles', () => {
  const old = '# 微型小说\n\n1. [A](<A.md>) — 2024-01-01\n2. [B](<B.md>) — 2024-02-01\n3. C — 2024-03-01 — 未导出 / not exported: HTTP 404 — <https://mp.weixin.qq.com/s?__biz=X&mid=3&idx=1>\n\n## 未保存的图片 / Images not saved\n\n- [A](<A.md>): <https://x/1.png> (HTTP 404)\n';
  const fresh = '# 微型小说\n\n1. [C](<C.md>) — 2024-03-01\n2. [D](<D.md>) — 2024-04-01\n';

  it('folder: the old entries kept, the new ones in their place by date, a failed one replaced by its export', () => {
    expect(mergeIndex(old, fresh, ['https://mp.weixin.qq.com/s?__biz=X&mid=3&idx=1', 'https://mp.weixin.qq.com/s?__biz=X&mid=4&idx=1'])).toBe(
      '# 微型小说\n\n1. [A](<A.md>) — 2024-01-01\n2. [B](<B.md>) — 2024-02-01\n3. [C](<C.md>) — 2024-03-01\n4. [D](<D.md>) — 2024-04-01\n\n## 未保存的图片 / Images not saved\n\n- [A](<A.md>): <https://x/1.png> (HTTP 404)\n',
    );
  });

  it('newest-first batches stay newest first', () => {
    const oldNewest = '# T\n\n1. [B](<B.md>) — 2024-02-01\n2. [A](<A.md>) — 2024-01-01\n';
    expect(mergeIndex(oldNewest, '# T\n\n1. [D](<D.md>) — 2024-04-01\n2. [C](<C.md>) — 2024-03-01\n', [])).toBe('# T\n\n1. [D](<D.md>) — 2024-04-01\n2. [C](<C.md>) — 2024-03-01\n3. [B](<B.md>) — 2024-02-01\n4. [A](<A.md>) — 2024-01-01\n');
  });

  it('ZIP: the album articles exported before are listed, marked so, in album order', () => {
    const earlier = [{ url: 'https://mp.weixin.qq.com/s?__biz=X&mid=1&idx=1', title: 'A [1]', date: '1704067200' }];
    expect(indexWithEarlier(fresh, earlier)).toBe(
      '# 微型小说\n\n1. A \\[1\\] — 2024-01-01 — 已导出过 / exported before — <https://mp.weixin.qq.com/s?__biz=X&mid=1&idx=1>\n2. [C](<C.md>) — 2024-03-01\n3. [D](<D.md>) — 2024-04-01\n',
    );
  });
});

describe('follow: a batch into the folder', () => {
  it('never overwrites: a taken note name and a taken image folder get the next free name, the links follow; the record gets the note', async () => {
    const { handle: root } = memoryFolder('notes', { '微型小说/A.md': 'theirs', '微型小说/assets/001/001.png': new Uint8Array([1]) });
    const recorded: string[] = [];
    const dest = new FolderBatchDestination(root, '微型小说', { load: async () => ({}), add: async (ids) => void recorded.push(...ids) }, () => []);
    const name = await dest.addNote('A', `${note('X/5/1', '![](assets/001/001.png) <img src="assets/001/001.png">')}`, [{ path: 'assets/001/001.png', bytes: new Uint8Array([2]), url: 'https://x/2.png' }]);
    expect(name).toBe('A (2)');
    const read = async (p: string) => {
      let dir = root;
      const parts = p.split('/');
      for (const d of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(d);
      return new Uint8Array(await (await (await dir.getFileHandle(parts[parts.length - 1]!)).getFile()).arrayBuffer());
    };
    expect(new TextDecoder().decode(await read('微型小说/A.md'))).toBe('theirs');
    expect([...(await read('微型小说/assets/001/001.png'))]).toEqual([1]);
    expect([...(await read('微型小说/assets/001-2/001.png'))]).toEqual([2]);
    expect(new TextDecoder().decode(await read('微型小说/A (2).md'))).toContain('![](assets/001-2/001.png) <img src="assets/001-2/001.png">');
    expect(recorded).toEqual(['X/5/1']);
  });
});

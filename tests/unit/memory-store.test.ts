import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { emptyMemory, LIMITS, type AccountMemory, type Entry } from '../../utils/clean/memory';

// The real store over WXT's in-memory stand-in for browser.storage (wxt/browser reads the global
// when it is first imported, hence the dynamic import).
(globalThis as { chrome?: unknown }).chrome = fakeBrowser;
const store = await import('../../utils/clean/memory-store');

beforeEach(() => fakeBrowser.reset());

const entry = (i: number, text: string): Entry => ({ fp: `t${i.toString(36)}`, what: 'text', preview: `${text}${i}`.padEnd(80, '。'), at: i });
function fullAccount(n: number): AccountMemory {
  const m = emptyMemory({ biz: btoa(`30000${n}`), user: `gh_${n.toString(16).padStart(12, '0')}` }, `号${n}`, n);
  m.hide = [entry(1, '扫码加群')];
  m.learned = Array.from({ length: LIMITS.learned }, (_, i) => entry(i + 10, '学到的推广'));
  for (let i = 0; i < LIMITS.cand; i++) m.cand[`t${(i + 1000).toString(36)}`] = 'abcdefghij';
  return m;
}
const bytes = async () => new TextEncoder().encode(JSON.stringify(await fakeBrowser.storage.local.get(null))).length;

describe('the promotion memory in storage.local', () => {
  it('finds an account by __biz, or by 原始ID on a page that has no __biz; a new one is not stored until something is remembered', async () => {
    const first = await store.loadAccount({ biz: 'MzI4NjAxNjY4Nw==', user: 'gh_2f5c59ad6e1e' }, '阮一峰的网络日志', 1);
    expect(await store.listAccounts()).toEqual([]);
    first.memory.hide.push(entry(1, '扫码'));
    await store.saveAccount(first);
    const fromTextPost = await store.loadAccount({ biz: '', user: 'gh_2f5c59ad6e1e' }, '', 2);
    expect(fromTextPost.key).toBe(first.key);
    expect(fromTextPost.memory.hide).toEqual(first.memory.hide);
    expect(fromTextPost.memory.name).toBe('阮一峰的网络日志');
    const other = await store.loadAccount({ biz: 'MzA5MzE5MDAzOA==', user: 'gh_2f5c59ad6e1e' }, '', 3);
    expect(other.memory.hide).toEqual([]);
  });

  it('stays under about 1 MB: the oldest accounts lose their learned fingerprints first, then whole accounts go; the one just written stays', async () => {
    const n = 40;
    for (let i = 0; i < n; i++) await store.saveAccount({ key: `k${i}`, memory: fullAccount(i) });
    expect(await bytes()).toBeLessThanOrEqual(store.MAX_BYTES + 10_000);
    const left = await store.listAccounts();
    const byKey = new Map(left.map((a) => [a.key, a.memory]));
    // The newest is whole; the oldest kept the reader's decision but lost what was learned.
    expect(byKey.get(`k${n - 1}`)!.learned).toHaveLength(LIMITS.learned);
    expect(byKey.get('k0')!.learned).toEqual([]);
    expect(byKey.get('k0')!.hide).toHaveLength(1);
    // Written after that, a very large account pushes the oldest accounts out entirely.
    const big = fullAccount(99);
    big.hide = Array.from({ length: LIMITS.hide }, (_, i) => entry(i + 5000, '读者隐藏的块'.repeat(4)));
    big.keep = Array.from({ length: LIMITS.keep }, (_, i) => entry(i + 9000, '不是推广的块'.repeat(4)));
    for (let i = 0; i < 30; i++) await store.saveAccount({ key: `big${i}`, memory: { ...big, seen: 100 + i } });
    expect(await bytes()).toBeLessThanOrEqual(store.MAX_BYTES + 10_000);
    const keys = (await store.listAccounts()).map((a) => a.key);
    expect(keys[0]).toBe('big29');
    expect(keys).not.toContain('k0');
  });

  it('deletes an account; an emptied account leaves no entry behind', async () => {
    await store.saveAccount({ key: 'a', memory: fullAccount(1) });
    await store.deleteAccount('a');
    expect(await fakeBrowser.storage.local.get(null)).toEqual({ promoIndex: {} });
    await store.saveAccount({ key: 'b', memory: fullAccount(2) });
    await store.saveAccount({ key: 'b', memory: emptyMemory({ biz: 'MzAwMA==', user: '' }, '', 0) });
    expect(await store.listAccounts()).toEqual([]);
  });
});

// Issue 26, finding 7: an import evicted the reader's own accounts, and a failed write went unseen.
describe('importing a promotion memory file', () => {
  const snapshot = () => fakeBrowser.storage.local.get(null);
  async function readerAccounts() {
    for (let i = 0; i < 3; i++) await store.saveAccount({ key: `mine${i}`, memory: fullAccount(i) });
    return snapshot();
  }

  it('one that would pass 1 MB is refused whole: the reader\'s accounts stay, nothing is added', async () => {
    const before = await readerAccounts();
    const many = Array.from({ length: 40 }, (_, i) => fullAccount(100 + i));
    await expect(store.importAccounts(many)).rejects.toThrow(/would hold \d+ kB, more than its 1000 kB/);
    expect(await snapshot()).toEqual(before);
  });

  it('a storage write that fails changes nothing and says so', async () => {
    const before = await readerAccounts();
    const set = fakeBrowser.storage.local.set;
    fakeBrowser.storage.local.set = async () => {
      throw new Error('QUOTA_BYTES quota exceeded');
    };
    try {
      await expect(store.importAccounts([fullAccount(7)])).rejects.toThrow(/storage refused the write \(QUOTA_BYTES quota exceeded\)/);
    } finally {
      fakeBrowser.storage.local.set = set;
    }
    expect(await snapshot()).toEqual(before);
  });

  it('one that fits: added beside the reader\'s accounts, the same account replaced, an id such as "constructor" an ordinary account', async () => {
    await readerAccounts();
    const again = { ...fullAccount(1), hide: [entry(77, '从文件来的')] };
    const odd = emptyMemory({ biz: 'constructor', user: '' }, 'odd', 9);
    odd.hide = [entry(2, 'x')];
    await store.importAccounts([again, odd]);
    const byKey = new Map((await store.listAccounts()).map((a) => [a.key, a.memory]));
    expect([...byKey.keys()].sort()).toEqual(['constructor', 'mine0', 'mine1', 'mine2']);
    expect(byKey.get('mine1')!.hide).toEqual(again.hide);
    await store.deleteAccount('constructor');
    expect((await store.listAccounts()).map((a) => a.key).sort()).toEqual(['mine0', 'mine1', 'mine2']);
  });

  it('the options page shows why an import changed nothing: a hostile file, and a storage write that fails', async () => {
    const { renderPromoMemory } = await import('../../utils/ui/promo-memory-options');
    const { exportMemories } = await import('../../utils/clean/memory');
    const before = await readerAccounts();
    const host = document.createElement('div');
    document.body.append(host);
    renderPromoMemory(host);
    const status = host.querySelector('[role=status]')!;
    const input = host.querySelector<HTMLInputElement>('input[type=file]')!;
    const choose = async (text: string) => {
      status.textContent = '';
      Object.defineProperty(input, 'files', { configurable: true, value: [new File([text], 'memory.json')] });
      input.dispatchEvent(new Event('change'));
      await expect.poll(() => status.textContent).not.toBe('');
      return status.textContent;
    };
    const hostile = { ...fullAccount(9), biz: '__proto__', user: '' };
    expect(await choose(JSON.stringify(exportMemories([hostile])))).toMatch(/promoMemImportBad|account 1 has a bad __biz/);
    const set = fakeBrowser.storage.local.set;
    fakeBrowser.storage.local.set = async () => {
      throw new Error('QUOTA_BYTES quota exceeded');
    };
    try {
      expect(await choose(JSON.stringify(exportMemories([fullAccount(8)])))).toMatch(/promoMemImportFailed|QUOTA_BYTES quota exceeded/);
    } finally {
      fakeBrowser.storage.local.set = set;
    }
    expect(await snapshot()).toEqual(before);
    host.remove();
  });
});

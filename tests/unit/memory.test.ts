import { describe, expect, it } from 'vitest';
import { albumArticleHtml, ALBUM_ARTICLES, pageHtml, pageUrl } from '../fixtures';
import { loadDocument } from '../golden-cases';
import { buildPage } from '../page-builder';
import { scriptVars } from '../../utils/page/script-vars';
import { readAccount, type AccountId } from '../../utils/page/account';
import {
  blockPrint,
  edgeUnits,
  emptyMemory,
  exportMemories,
  forget,
  imagePath,
  learnFrom,
  LIMITS,
  parseImport,
  promotionWithMemory,
  remember,
  sameAccount,
  type AccountMemory,
} from '../../utils/clean/memory';
import { PROMO_FAMILIES } from '../../utils/clean/promotion';
import { PageCleaner } from '../../utils/clean/cleaner';
import { exportMarkdown } from '../../utils/pipeline/export';
import { DEFAULT_SETTINGS } from '../../utils/settings/settings';

const ALL = new Set(PROMO_FAMILIES);
const ALBUM: string[] = [...ALBUM_ARTICLES];

interface Loaded {
  doc: Document;
  url: string;
  account: AccountId;
}
const loaded = new Map<string, Loaded>();
/** Parsed once per page: the pages are large and the machine is shared. */
function load(id: string): Loaded {
  const hit = loaded.get(id);
  if (hit) return hit;
  const html = ALBUM.includes(id) ? albumArticleHtml(id) : pageHtml(id);
  const url = pageUrl(html, id);
  const doc = loadDocument(html, url);
  const l = { doc, url, account: readAccount(doc, scriptVars(doc), url) };
  loaded.set(id, l);
  return l;
}
const content = (l: Loaded) => l.doc.getElementById('js_content');
const hiddenBy = (root: Element | null, memory: AccountMemory | null, learn = true) =>
  root ? promotionWithMemory(root, memory, { families: ALL, learn }).map((h) => ({ text: h.el.textContent?.trim() ?? '', reason: h.reason })) : [];

/** Opens the account's articles in order, learning from each as the page does; returns the memory. */
function readInOrder(ids: string[]): { memory: AccountMemory; learnedAt: Record<string, string[]> } {
  let memory: AccountMemory | null = null;
  const learnedAt: Record<string, string[]> = {};
  for (const id of ids) {
    const l = load(id);
    memory ??= emptyMemory(l.account, '', 0);
    expect(sameAccount(memory, l.account)).toBe(true);
    const root = content(l);
    if (root) memory = learnFrom(memory, root, id, 1) ?? memory;
    learnedAt[id] = memory.learned.map((e) => e.preview);
  }
  return { memory: memory!, learnedAt };
}

describe('the account of a page', () => {
  it('reads __biz and 原始ID from the real pages; the corpus pairs are one account each', () => {
    const acct = (id: string) => load(id).account;
    expect(acct('02')).toEqual({ biz: 'MzI4NjAxNjY4Nw==', user: 'gh_2f5c59ad6e1e' });
    // 09 has no __biz anywhere (scrubbed), but its 原始ID is 02's.
    expect(acct('09')).toEqual({ biz: '', user: 'gh_2f5c59ad6e1e' });
    expect(acct('20')).toEqual({ biz: 'MjM5ODYxMDA5OQ==', user: 'gh_10a6b96351a9' }); // var biz = "…"||""
    for (const group of [['01', '10'], ['02', '07', '09'], ['06', '08'], ALBUM]) {
      const first = emptyMemory(acct(group[0]!), '', 0);
      for (const id of group) expect(sameAccount(first, acct(id)), `${group[0]} / ${id}`).toBe(true);
    }
    expect(sameAccount(emptyMemory(acct('01'), '', 0), acct('02'))).toBe(false);
    // The seed shares 01's page shell (same 原始ID) but names another __biz: __biz decides.
    expect(sameAccount(emptyMemory(acct('01'), '', 0), acct('seed-article'))).toBe(false);
    expect(acct('14')).toEqual({ biz: '', user: '' });
  });
});

describe('fingerprints', () => {
  it('text with whitespace collapsed; images by path without query or size', () => {
    const doc = loadDocument('<p>点击  关注\u00a0我们</p><p>点击 关注 我们</p><p><img data-src="https://mmbiz.qpic.cn/mmbiz_png/abc/640?wx_fmt=png"></p><p><img src="https://mmbiz.qpic.cn/mmbiz_png/abc/0?wx_fmt=png&amp;tp=webp"></p>', 'https://mp.weixin.qq.com/s/x');
    const [a, b, c, d] = Array.from(doc.body.children).map((el) => blockPrint(el)!);
    expect(a!.fp).toBe(b!.fp);
    expect(a!.what).toBe('text');
    expect(c!.what).toBe('image');
    expect(c!.fp).toBe(d!.fp);
    expect(imagePath('https://mmbiz.qpic.cn/mmbiz_png/abc/640?wx_fmt=png')).toBe('/mmbiz_png/abc');
    expect(blockPrint(doc.createElement('p'))).toBeNull();
  });
});

describe('learning across the articles of one account', () => {
  it('the album (three real articles of 你的鸟儿会唱歌): the END marker after the last paragraph is learned at the second article and hidden from then on', () => {
    const { memory, learnedAt } = readInOrder(ALBUM);
    expect(learnedAt).toEqual({ '2247483846': [], '2247484420': ['END'], '2247484584': ['END'] });
    const third = content(load('2247484584'));
    const hidden = hiddenBy(third, memory).filter((h) => h.reason === 'learned');
    expect(hidden).toEqual([{ text: 'END', reason: 'learned' }]);
    // What repeats but is the article's own is not learned: the sign-off dates and the cover credits.
    expect(memory.learned.some((e) => /二〇|封面|封图/.test(e.preview))).toBe(false);
    // The first article, opened again later, loses its END too; its story stays whole.
    const first = load('2247483846');
    const note = exportMarkdown(first.doc, first.url, DEFAULT_SETTINGS, memory);
    if (!note.ok) throw new Error(note.message);
    expect(note.markdown).not.toMatch(/^END$/m);
    expect(note.markdown).toContain('我还在等待我的敌人。');
    expect(note.markdown).toContain('2024年2月');
    // Learning turned off: nothing learned is applied.
    expect(hiddenBy(third, memory, false).some((h) => h.reason === 'learned')).toBe(false);
  });

  it('the corpus pairs: 01/10, 02/07/09 and 06/08 share no head or tail block, so nothing is learned', () => {
    // 10 and 09 are text posts and 07 a share post: their #js_content holds no prose, so no edges;
    // 08 is an image post without #js_content. What 01, 02 and 06 leave at their edges stays a
    // candidate, seen once.
    for (const group of [['01', '10'], ['02', '07', '09'], ['06', '08']]) {
      const { memory, learnedAt } = readInOrder(group);
      expect(memory.learned, group.join('/')).toEqual([]);
      expect(Object.values(learnedAt).flat()).toEqual([]);
      expect(Object.keys(memory.cand).length).toBeGreaterThan(0);
    }
    for (const id of ['09', '10', '07']) expect(edgeUnits(content(load(id))!).tail).toEqual([]);
  });

  const article = (body: string) => {
    const doc = loadDocument(buildPage({ content: body }), 'https://mp.weixin.qq.com/s/x');
    return doc.getElementById('js_content')!;
  };
  const prose = (n: number) => `<p>${`这是第${n}篇文章自己的正文，讲的是一件具体的事情，写得足够长，足够算作一个段落，不会被当作推广。`}</p>`;

  it('a counter-example: a tail block that merely repeats a word of learned boilerplate is not hidden', () => {
    let memory = emptyMemory({ biz: 'MzAwMA==', user: '' }, '', 0);
    memory = learnFrom(memory, article(`${prose(1)}<p>欢迎关注我们，每周五更新</p>`), 'a', 1) ?? memory;
    memory = learnFrom(memory, article(`${prose(2)}<p>欢迎关注我们，每周五更新</p>`), 'b', 2) ?? memory;
    expect(memory.learned.map((e) => e.preview)).toEqual(['欢迎关注我们，每周五更新']);
    const third = article(`${prose(3)}<p>我们关注的是每周五更新的那一份数据。</p>`);
    expect(hiddenBy(third, memory)).toEqual([]);
  });

  it('a repeated block in the middle of the prose is the article’s own and is not learned; the same article read twice teaches nothing', () => {
    const shared = '<p>本周的主题是数据库：</p>';
    let memory = emptyMemory({ biz: 'MzAwMA==', user: '' }, '', 0);
    memory = learnFrom(memory, article(`${prose(1)}${shared}${prose(2)}<p>完</p>`), 'a', 1) ?? memory;
    expect(learnFrom(memory, article(`${prose(1)}${shared}${prose(2)}<p>完</p>`), 'a', 2)).toBeNull();
    memory = learnFrom(memory, article(`${prose(3)}${shared}${prose(4)}`), 'b', 3) ?? memory;
    expect(memory.learned).toEqual([]);
  });

  it('candidates are bounded per account, oldest first out', () => {
    let memory = emptyMemory({ biz: 'MzAwMA==', user: '' }, '', 0);
    const tails = Array.from({ length: LIMITS.cand + 50 }, (_, i) => `<p>尾注${i}</p>`).join('');
    memory = learnFrom(memory, article(`${prose(1)}${tails}`), 'a', 1) ?? memory;
    expect(Object.keys(memory.cand)).toHaveLength(LIMITS.cand);
    expect(Object.keys(memory.cand)).toContain(blockPrint(article(`<p>尾注${LIMITS.cand + 49}</p>`).firstElementChild!)!.fp);
  });
});

describe("the reader's decisions, page and note alike", () => {
  it('a block picked on one article is hidden on the next article of the account, on the page and in the note', () => {
    const a = load('2247484420');
    const b = load('2247484584');
    // The reader picks END on the first article (as the picker does: a content unit).
    const end = edgeUnits(content(a)!).tail.find((u) => u.textContent?.trim() === 'END')!;
    const memory = remember(emptyMemory(a.account, '你的鸟儿会唱歌', 0), 'hide', blockPrint(end)!, 1);
    expect(sameAccount(memory, b.account)).toBe(true);
    const cleaner = new PageCleaner(b.doc, ALL);
    cleaner.setMemory(memory, false);
    cleaner.enable();
    const marked = Array.from(b.doc.querySelectorAll('[data-wac-promo="reader"]'), (el) => el.textContent?.trim());
    expect(marked).toEqual(['END']);
    const note = exportMarkdown(b.doc, b.url, DEFAULT_SETTINGS, memory);
    if (!note.ok) throw new Error(note.message);
    expect(note.markdown).not.toMatch(/^END$/m);
    expect(note.markdown).toContain('二〇二六年三月');
    cleaner.disable();
  });

  it('"not promotion" keeps a block the detector hides, on the page and in the note; forgetting it hides it again', () => {
    const l = load('02');
    const root = content(l)!;
    const detected = promotionWithMemory(root, null, { families: ALL, learn: true });
    expect(detected.length).toBeGreaterThan(0);
    const block = detected[0]!.el;
    const text = block.textContent!.replace(/\s+/g, ' ').trim().slice(0, 20);
    let memory = remember(emptyMemory(l.account, '', 0), 'keep', blockPrint(block)!, 1);
    expect(promotionWithMemory(root, memory, { families: ALL, learn: true }).map((h) => h.el)).not.toContain(block);
    const kept = exportMarkdown(l.doc, l.url, DEFAULT_SETTINGS, memory);
    const plain = exportMarkdown(l.doc, l.url, DEFAULT_SETTINGS, null);
    if (!kept.ok || !plain.ok) throw new Error('export failed');
    const squash = (s: string) => s.replace(/\s+/g, ' ');
    expect(squash(kept.markdown).length).toBeGreaterThan(squash(plain.markdown).length);
    expect(squash(kept.markdown.replace(/[*_\\[\]()]/g, ''))).toContain(text.slice(0, 6));
    memory = forget(memory, blockPrint(block)!.fp);
    expect(promotionWithMemory(root, memory, { families: ALL, learn: true }).map((h) => h.el)).toContain(block);
  });

  it('a later decision wins: keep after hide forgets the hide and the learned entry', () => {
    const print = { fp: 't1', what: 'text' as const, preview: 'x' };
    let m = emptyMemory({ biz: 'MzAwMA==', user: '' }, '', 0);
    m = { ...m, learned: [{ ...print, at: 0 }] };
    m = remember(m, 'hide', print, 1);
    m = remember(m, 'keep', print, 2);
    expect([m.hide.length, m.keep.length, m.learned.length]).toEqual([0, 1, 0]);
    for (let i = 0; i < LIMITS.hide + 10; i++) m = remember(m, 'hide', { ...print, fp: `t${i + 10}` }, i);
    expect(m.hide).toHaveLength(LIMITS.hide);
  });
});

describe('export and import', () => {
  it('round-trips; a bad file gets a message saying what is wrong', () => {
    const m = remember(emptyMemory({ biz: 'MzAwMA==', user: 'gh_0123456789ab' }, '测试号', 5), 'hide', { fp: 'tabc', what: 'text', preview: '扫码加群' }, 6);
    const text = JSON.stringify(exportMemories([m]));
    expect(parseImport(text)).toEqual({ ok: true, accounts: [m] });
    const bad = (s: string) => {
      const r = parseImport(s);
      return r.ok ? 'accepted' : r.message;
    };
    expect(bad('{not json')).toMatch(/^not JSON/);
    expect(bad('{"format":"other","version":1,"accounts":[]}')).toMatch(/format/);
    expect(bad(text.replace('"version":1', '"version":2'))).toMatch(/version 2/);
    expect(bad(text.replace('"tabc"', '"<script>"'))).toMatch(/account 1, "hide": bad fingerprint/);
    expect(bad(text.replace('"MzAwMA=="', '""').replace('"gh_0123456789ab"', '""'))).toMatch(/neither __biz nor/);
    expect(bad(text.replace('"hide":[', '"hide":{"x":[').replace('],"keep"', ']},"keep"'))).toMatch(/"hide" is not a list/);
  });

  // Issue 26, finding 7: the file was trusted (200,000 entries "imported", 6 MB; __proto__ stored).
  it('a hostile file is refused whole, with what is wrong: sizes, ids, types and lengths as the memory writes them', () => {
    const m = remember(emptyMemory({ biz: 'MzAwMA==', user: 'gh_0123456789ab' }, '测试号', 5), 'hide', { fp: 'tabc', what: 'text', preview: '扫码加群' }, 6);
    const file = (...accounts: unknown[]) => JSON.stringify({ ...exportMemories([]), accounts });
    const bad = (...accounts: unknown[]) => {
      const r = parseImport(file(...accounts));
      return r.ok ? 'accepted' : r.message;
    };
    const entries = (n: number) => Array.from({ length: n }, (_, i) => ({ fp: `t${i.toString(36)}`, what: 'text', preview: 'x', at: i }));
    expect(bad(m)).toBe('accepted');
    expect(bad({ ...m, learned: entries(200_000) })).toBe('account 1, "learned" has 200000 entries, more than 200');
    expect(bad({ ...m, hide: entries(LIMITS.hide + 1) })).toMatch(/"hide" has 201 entries/);
    expect(bad({ ...m, cand: Object.fromEntries(entries(200_000).map((e) => [e.fp, 'abc'])) })).toMatch(/"cand" has 200000 entries/);
    expect(bad(...Array.from({ length: 5001 }, () => m))).toMatch(/^5001 accounts, more than 5000/);
    for (const id of ['__proto__', 'constructor', 'x'.repeat(1_000_000)]) expect(bad({ ...m, user: id })).toMatch(/^account 1 has a bad 原始ID/);
    for (const id of ['__proto__', '../../x', 'M'.repeat(65)]) expect(bad({ ...m, biz: id })).toMatch(/^account 1 has a bad __biz/);
    expect(bad(JSON.parse(`{"__proto__":{"biz":"MzAwMA=="},"user":"","biz":""}`))).toMatch(/neither __biz nor/);
    expect(bad({ ...m, biz: 5 })).toMatch(/bad __biz 5/);
    expect(bad({ ...m, name: 5 })).toMatch(/"name" is not a text/);
    expect(bad({ ...m, name: '名'.repeat(101) })).toMatch(/"name" is not a text of at most 100/);
    expect(bad({ ...m, seen: '1' })).toMatch(/"seen" is not a time/);
    expect(bad({ ...m, hide: [{ ...m.hide[0], preview: 'x'.repeat(1_000_000) }] })).toMatch(/"hide": a preview longer than 160/);
    expect(bad({ ...m, hide: [{ ...m.hide[0], at: '1' }] })).toMatch(/"hide": an entry has no time/);
    expect(bad({ ...m, cand: [] })).toMatch(/"cand" is not an object/);
    expect(bad({ ...m, cand: { tabc: 'x'.repeat(100) } })).toMatch(/"cand": bad entry/);
    expect(bad({ ...m, cand: JSON.parse('{"__proto__":"abc"}') })).toMatch(/"cand": bad entry "__proto__"/);
    expect(bad(m, { ...m, name: 'again' })).toBe('account 2 is account 1 again');
  });
});

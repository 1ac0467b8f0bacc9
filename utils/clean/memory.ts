/**
 * What is remembered per account about promotion, and the one decision that uses it: the same pure
 * function marks blocks on the page (cleaner.ts) and leaves them out of the note (extract/article.ts).
 *
 * - The reader's own decisions: "hide" (picked with the picker) and "keep" ("not promotion").
 * - Learning: a block before the article's first paragraph or after its last whose text or image
 *   repeats in another article of the same account is that account's boilerplate.
 *
 * A block is matched by a fingerprint: a hash of its text with whitespace collapsed, or, for a block
 * of images only, of its images' addresses (the path, without query and size: `/mmbiz_png/<id>/640`
 * and `/mmbiz_png/<id>/0?wx_fmt=png` are one image). Nothing here touches storage or the network.
 */
import { exportedList } from '../ui/json-file';
import { contentUnits, findPromotion, type PromoBlock, type PromoFamily } from './promotion';
import { imageSource } from '../page/images';
import { BIZ_VALUE, USER, type AccountId } from '../page/account';

/** Why a block is hidden: a detector family, the reader's pick, or the account's learned boilerplate. */
export type HiddenReason = PromoFamily | 'reader' | 'learned';
export interface HiddenBlock {
  el: Element;
  reason: HiddenReason;
  /** The detector's signals that decided it (none for the reader's and the learned blocks). */
  signals?: readonly string[];
}

export interface Print {
  fp: string;
  what: 'text' | 'image';
  /** What the options page shows: the start of the text, or the image's path. */
  preview: string;
}

export interface Entry extends Print {
  /** When it was remembered (ms since 1970). */
  at: number;
}

export interface AccountMemory {
  v: 1;
  /** The account's name as the page shows it (for the options page). */
  name: string;
  biz: string;
  user: string;
  /** Last article of this account opened (ms): the oldest accounts are evicted first. */
  seen: number;
  hide: Entry[];
  keep: Entry[];
  /** Learned boilerplate: hidden at the head and tail of every later article. */
  learned: Entry[];
  /** Head and tail blocks seen once so far: fingerprint → the article they were seen in. */
  cand: Record<string, string>;
}

/** Per account: how many entries each list keeps (the oldest go first). */
export const LIMITS = { hide: 200, keep: 200, learned: 200, cand: 400 } as const;
const PREVIEW_MAX = 80;
/** An account's name as kept: WeChat's names are far shorter. */
export const NAME_MAX = 100;

export const normText = (s: string | null | undefined): string => (s ?? '').replace(/[\s\u00a0\u200b\u200c\u200d\ufeff]+/g, ' ').trim();

/** cyrb53: a fast 53-bit string hash, enough to tell an account's blocks apart. */
export function hash53(s: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** An image's identity: its path without the query and without the trailing size (`/640`, `/0`). */
export function imagePath(url: string): string {
  try {
    return new URL(url).pathname.replace(/\/\d+$/, '');
  } catch {
    return '';
  }
}

/** The fingerprint of a block: its text, else its images; null for an empty block. */
export function blockPrint(el: Element): Print | null {
  const text = normText(el.textContent);
  if (text) return { fp: `t${hash53(text)}`, what: 'text', preview: text.slice(0, PREVIEW_MAX) };
  const imgs = el.matches('img') ? [el] : Array.from(el.querySelectorAll('img'));
  const paths = imgs.map((img) => imagePath(imageSource(img))).filter(Boolean);
  if (paths.length === 0) return null;
  const joined = paths.join(' ');
  return { fp: `i${hash53(joined)}`, what: 'image', preview: joined.slice(0, PREVIEW_MAX * 2) };
}

/** A unit of the article's own prose: as the detector counts it, 40 characters of text. */
const PROSE_MIN = 40;

/** The content units, and those before the first prose unit (head) and after the last (tail). */
export function edgeUnits(root: Element): { units: Element[]; head: Element[]; tail: Element[] } {
  const units = contentUnits(root).filter((u) => !isOwnUi(u));
  const prose = units.map((u) => normText(u.textContent).length >= PROSE_MIN);
  const first = prose.indexOf(true);
  // No prose at all (a text or image post's shell): nothing is an edge.
  if (first < 0) return { units, head: [], tail: [] };
  const last = prose.lastIndexOf(true);
  return { units, head: units.slice(0, first), tail: units.slice(last + 1) };
}

/** Our own elements placed in the page ("not promotion" buttons) are never content. */
export const OWN_UI_TAG = 'wac-promo-tag';
const isOwnUi = (el: Element) => el.localName === OWN_UI_TAG;

// Lines an account repeats that are the article's own and must stay: credits, sources, sign-off
// dates (DOM-NOTES: 文 | 作者, 编辑 / 审核, 封面：…, 来源：…; album: 二〇二五年一月).
const NOT_BOILERPLATE = [
  /^[（(]?(来源|作者|文|图|编辑|责编|责任编辑|主编|审核|校对|排版|美编|封面|封图|题图|图片|图源|撰文|记者|出品|监制|统筹|策划|设计|摄影|翻译|编译|制图|视觉|参考资料|参考文献)\s*[|｜丨:：/]/,
  /^[\d〇零一二三四五六七八九十○\s年月日号.\-/]+$/,
];
const learnable = (p: Print) => p.what === 'image' || !NOT_BOILERPLATE.some((re) => re.test(p.preview));

const fps = (list: readonly Entry[] | undefined) => new Set((list ?? []).map((e) => e.fp));

/**
 * Every block to hide in `root`: the detector's (families the reader hides), minus those the reader
 * keeps, plus the reader's picks anywhere in the content and learned boilerplate at the edges.
 * Pure: reads the tree, changes nothing. The page and the export call exactly this.
 */
const serials = new WeakMap<AccountMemory, number>();
let nextSerial = 1;
const applies = (memory: AccountMemory | null, learn: boolean) => memory !== null && memory.hide.length + memory.keep.length + (learn ? memory.learned.length : 0) > 0;

/**
 * What a pass over the content was computed from: the families, and the memory when it changes
 * anything (each memory object gets a number; an update is a new object). Two passes with the same
 * key over the same content find the same blocks.
 */
export function passKey(memory: AccountMemory | null, options: { families: ReadonlySet<PromoFamily>; learn: boolean }): string {
  let serial = 0;
  if (memory && applies(memory, options.learn)) {
    serial = serials.get(memory) ?? nextSerial++;
    serials.set(memory, serial);
  }
  return `${[...options.families].sort().join(',')}|${serial}`;
}

export function promotionWithMemory(
  root: Element,
  memory: AccountMemory | null,
  options: { families: ReadonlySet<PromoFamily>; learn: boolean },
  /** Collects the blocks the detector is unsure of (they stay); the reader's and learned ones are not among them. */
  unsure?: PromoBlock[],
): HiddenBlock[] {
  const found = findPromotion(root, unsure).filter((b) => options.families.has(b.family));
  const out: HiddenBlock[] = found.map((b) => ({ el: b.el, reason: b.family, signals: b.signals }));
  if (!memory || !applies(memory, options.learn)) return out;
  const keep = fps(memory.keep);
  const hide = fps(memory.hide);
  const learned = options.learn ? fps(memory.learned) : new Set<string>();
  const printOf = new Map<Element, string | null>();
  const fp = (el: Element) => {
    if (!printOf.has(el)) printOf.set(el, blockPrint(el)?.fp ?? null);
    return printOf.get(el)!;
  };
  const kept = out.filter((b) => !keep.has(fp(b.el) ?? ''));
  const taken = new Set(kept.map((b) => b.el));
  const { units, head, tail } = edgeUnits(root);
  const add = (el: Element, reason: HiddenReason) => {
    const f = fp(el);
    if (f === null || taken.has(el) || keep.has(f)) return;
    // Inside a block already hidden: nothing more to hide.
    for (const t of taken) if (t.contains(el) || el.contains(t)) return;
    taken.add(el);
    kept.push({ el, reason });
  };
  if (hide.size) for (const u of units) if (hide.has(fp(u) ?? '')) add(u, 'reader');
  if (learned.size) for (const u of [...head, ...tail]) if (learned.has(fp(u) ?? '')) add(u, 'learned');
  return kept.sort((a, b) => (a.el === b.el ? 0 : a.el.compareDocumentPosition(b.el) & 4 ? -1 : 1));
}

/** A new, empty memory for an account. */
export function emptyMemory(id: AccountId, name: string, now: number): AccountMemory {
  return { v: 1, name: name.slice(0, NAME_MAX), biz: id.biz, user: id.user, seen: now, hide: [], keep: [], learned: [], cand: {} };
}

/** Whether a remembered account is this page's: by __biz when both know it, else by 原始ID. */
export function sameAccount(a: { biz: string; user: string }, b: AccountId): boolean {
  if (a.biz && b.biz) return a.biz === b.biz;
  return a.user !== '' && a.user === b.user;
}

/** Adds `entry` at the end of a list, once, dropping the oldest past `max`. */
function pushBounded(list: readonly Entry[], entry: Entry, max: number): Entry[] {
  const next = list.filter((e) => e.fp !== entry.fp);
  next.push(entry);
  return next.slice(Math.max(0, next.length - max));
}

/** The reader's decision on one block; the other list forgets it (a later decision wins). */
export function remember(memory: AccountMemory, list: 'hide' | 'keep', print: Print, now: number): AccountMemory {
  const entry: Entry = { ...print, at: now };
  const other = list === 'hide' ? 'keep' : 'hide';
  const next: AccountMemory = { ...memory, [other]: memory[other].filter((e) => e.fp !== print.fp) };
  next[list] = pushBounded(memory[list], entry, LIMITS[list]);
  if (list === 'keep') next.learned = memory.learned.filter((e) => e.fp !== print.fp);
  return next;
}

/** Removes one remembered entry from whichever list holds it. */
export function forget(memory: AccountMemory, fp: string): AccountMemory {
  const drop = (l: Entry[]) => l.filter((e) => e.fp !== fp);
  const cand = { ...memory.cand };
  delete cand[fp];
  return { ...memory, hide: drop(memory.hide), keep: drop(memory.keep), learned: drop(memory.learned), cand };
}

/**
 * Learning from one article: each head or tail block seen before in another article of the account
 * becomes boilerplate; the others are remembered as seen once. Returns null when nothing changed.
 */
export function learnFrom(memory: AccountMemory, root: Element, articleId: string, now: number): AccountMemory | null {
  const { head, tail } = edgeUnits(root);
  const learned = fps(memory.learned);
  const keep = fps(memory.keep);
  let next: AccountMemory | null = null;
  const edit = () => (next ??= { ...memory, learned: [...memory.learned], cand: { ...memory.cand } });
  for (const u of [...head, ...tail]) {
    const p = blockPrint(u);
    if (!p || !learnable(p) || learned.has(p.fp) || keep.has(p.fp)) continue;
    const before = (next ?? memory).cand[p.fp];
    if (before === articleId) continue;
    const m = edit();
    if (before === undefined) {
      m.cand[p.fp] = articleId;
      continue;
    }
    delete m.cand[p.fp];
    m.learned = pushBounded(m.learned, { ...p, at: now }, LIMITS.learned);
    learned.add(p.fp);
  }
  const result = next as AccountMemory | null;
  if (result) {
    const keys = Object.keys(result.cand);
    // Oldest candidates out: object keys keep their insertion order.
    for (const k of keys.slice(0, Math.max(0, keys.length - LIMITS.cand))) delete result.cand[k];
  }
  return result;
}

/** Empty memories are not worth a storage entry. */
export const isEmptyMemory = (m: AccountMemory): boolean => m.hide.length + m.keep.length + m.learned.length === 0 && Object.keys(m.cand).length === 0;

// ---------- export / import ----------

export const EXPORT_FORMAT = 'wechat-article-cleaner/promotion-memory';

export interface MemoryExport {
  format: typeof EXPORT_FORMAT;
  version: 1;
  accounts: AccountMemory[];
}

export function exportMemories(accounts: AccountMemory[]): MemoryExport {
  return { format: EXPORT_FORMAT, version: 1, accounts };
}

export type ImportResult = { ok: true; accounts: AccountMemory[] } | { ok: false; message: string };

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const FP = /^[ti][0-9a-z]{1,12}$/;
/** What learnFrom writes as the article a candidate was seen in: hash53 of its address. */
const ARTICLE_ID = /^[0-9a-z]{1,12}$/;
/** Longer ids are no __biz or 原始ID (a __biz is 12–16 characters, a 原始ID 15). */
const ID_MAX = 64;
/** An image's preview is its path, up to twice a text's. */
const PREVIEW_LIMIT = PREVIEW_MAX * 2;
/** More accounts than this cannot fit in the memory's 1 MB (each takes at least a few hundred bytes). */
export const IMPORT_MAX_ACCOUNTS = 5000;

function entryError(e: unknown): string | null {
  if (!isObj(e)) return 'an entry is not an object';
  if (typeof e.fp !== 'string' || !FP.test(e.fp)) return `bad fingerprint ${JSON.stringify(e.fp)}`;
  if (e.what !== 'text' && e.what !== 'image') return `bad kind ${JSON.stringify(e.what)}`;
  if (typeof e.preview !== 'string') return 'an entry has no preview';
  if (e.preview.length > PREVIEW_LIMIT) return `a preview longer than ${PREVIEW_LIMIT} characters`;
  if (typeof e.at !== 'number' || !Number.isFinite(e.at)) return 'an entry has no time';
  return null;
}

/** What is wrong with one account of a file, or its memory as it will be stored. */
function accountOf(a: unknown): { error: string } | { memory: AccountMemory } {
  if (!isObj(a)) return { error: 'is not an object' };
  const id = (v: unknown, pattern: RegExp) => (v === undefined || v === '' ? '' : typeof v === 'string' && v.length <= ID_MAX && pattern.test(v) ? v : null);
  const biz = id(a.biz, BIZ_VALUE);
  const user = id(a.user, USER);
  // The same patterns readAccount keeps: `__proto__`, `constructor` or a 1 MB string are no account.
  if (biz === null) return { error: `has a bad __biz ${JSON.stringify(a.biz).slice(0, 80)}` };
  if (user === null) return { error: `has a bad 原始ID ${JSON.stringify(a.user).slice(0, 80)}` };
  if (!biz && !user) return { error: 'has neither __biz nor 原始ID' };
  if (a.name !== undefined && (typeof a.name !== 'string' || a.name.length > NAME_MAX)) return { error: `"name" is not a text of at most ${NAME_MAX} characters` };
  if (a.seen !== undefined && (typeof a.seen !== 'number' || !Number.isFinite(a.seen))) return { error: '"seen" is not a time' };
  const lists: Record<'hide' | 'keep' | 'learned', Entry[]> = { hide: [], keep: [], learned: [] };
  for (const key of ['hide', 'keep', 'learned'] as const) {
    const list = a[key] ?? [];
    if (!Array.isArray(list)) return { error: `"${key}" is not a list` };
    // The limits remember() and learnFrom() keep: a longer list was not written by this extension.
    if (list.length > LIMITS[key]) return { error: `"${key}" has ${list.length} entries, more than ${LIMITS[key]}` };
    for (const e of list) {
      const err = entryError(e);
      if (err) return { error: `"${key}": ${err}` };
      const { fp, what, preview, at } = e as Entry;
      lists[key].push({ fp, what, preview, at });
    }
  }
  // A null-prototype copy: a key named __proto__ stays a key (and fails FP anyway).
  const cand: Record<string, string> = Object.create(null) as Record<string, string>;
  if (a.cand !== undefined) {
    if (!isObj(a.cand)) return { error: '"cand" is not an object' };
    const pairs = Object.entries(a.cand);
    if (pairs.length > LIMITS.cand) return { error: `"cand" has ${pairs.length} entries, more than ${LIMITS.cand}` };
    for (const [k, v] of pairs) {
      if (!FP.test(k) || typeof v !== 'string' || !ARTICLE_ID.test(v)) return { error: `"cand": bad entry ${JSON.stringify(k).slice(0, 40)}` };
      cand[k] = v;
    }
  }
  return { memory: { v: 1, name: (a.name as string | undefined) ?? '', biz, user, seen: (a.seen as number | undefined) ?? 0, ...lists, cand: { ...cand } } };
}

/**
 * Checks a file the reader imports, whole: one account or entry that this extension would not have
 * written (a pattern, a bound, a type) rejects the file, and nothing is imported. Returns the
 * accounts, or what is wrong, in words the options page can show (the caller adds "the file is not
 * a promotion memory export").
 */
export function parseImport(text: string): ImportResult {
  const file = exportedList(text, EXPORT_FORMAT, 'accounts', IMPORT_MAX_ACCOUNTS);
  if (!file.ok) return file;
  const accounts: AccountMemory[] = [];
  for (const [i, a] of file.list.entries()) {
    const r = accountOf(a);
    if ('error' in r) return { ok: false, message: `account ${i + 1}${r.error.startsWith('"') ? ',' : ''} ${r.error}` };
    const twin = accounts.findIndex((b) => sameAccount(b, r.memory));
    if (twin >= 0) return { ok: false, message: `account ${i + 1} is account ${twin + 1} again` };
    accounts.push(r.memory);
  }
  return { ok: true, accounts };
}

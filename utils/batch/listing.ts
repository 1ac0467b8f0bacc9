/**
 * An album's articles: the album page's own first screen, then its JSON pages
 * (`/mp/appmsgalbum?action=getalbum&…&f=json`), each asked with the last item's msgid/itemidx,
 * until continue_flag is "0". Newest first, as WeChat lists them.
 */
import { canonicalArticleUrl } from '../page/metadata';
import type { AlbumRef } from './album-info';
import type { Sleep } from './fetch-page';

export interface AlbumItem {
  msgid: string;
  itemidx: string;
  title: string;
  /** https, identifying parameters only. */
  url: string;
  /** Unix seconds, as a string; '' when unknown. */
  createTime: string;
}

export interface AlbumPage {
  items: AlbumItem[];
  /** More pages after this one. */
  more: boolean;
}

const PAGE_SIZE = 20;
/** An album of more than this many pages is a server loop, not an album. */
const MAX_PAGES = 500;

export class ListingError extends Error {}

export function albumJsonUrl(album: Pick<AlbumRef, 'id' | 'biz'>, after?: Pick<AlbumItem, 'msgid' | 'itemidx'>): string {
  // Built by hand: URLSearchParams would write the base64 '==' of __biz as %3D%3D. Every value is
  // encoded all the same (they come from the page): none can add or change a parameter.
  const q = (v: string | number) => encodeURIComponent(String(v)).replace(/%3D/g, '=');
  const begin = after ? `&begin_msgid=${q(after.msgid)}&begin_itemidx=${q(after.itemidx)}` : '';
  return `https://mp.weixin.qq.com/mp/appmsgalbum?action=getalbum&__biz=${q(album.biz)}&album_id=${q(album.id)}&count=${PAGE_SIZE}${begin}&f=json`;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

function toItem(raw: unknown): AlbumItem | null {
  if (!raw || typeof raw !== 'object') return null;
  const r = raw as Record<string, unknown>;
  const msgid = str(r.msgid);
  const url = canonicalArticleUrl(str(r.url));
  if (!/^\d+$/.test(msgid) || !/^https:\/\/mp\.weixin\.qq\.com\/s[?/]/.test(url)) return null;
  return { msgid, itemidx: str(r.itemidx) || '1', title: str(r.title).trim(), url, createTime: str(r.create_time) };
}

/** One getalbum JSON answer. Throws a ListingError that says what is wrong with it. */
export function parseAlbumJson(text: string): AlbumPage {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new ListingError('not JSON');
  }
  const d = data as { base_resp?: { ret?: unknown }; getalbum_resp?: { article_list?: unknown; continue_flag?: unknown } };
  const ret = Number(d?.base_resp?.ret ?? 0);
  if (ret !== 0) throw new ListingError(`WeChat answered ret=${ret}`);
  const resp = d?.getalbum_resp;
  if (!resp || typeof resp !== 'object') throw new ListingError('no getalbum_resp');
  // A page with one item carries it as an object, not an array; an empty page may carry nothing.
  const list = resp.article_list === undefined ? [] : Array.isArray(resp.article_list) ? resp.article_list : [resp.article_list];
  const items = list.map(toItem).filter((i): i is AlbumItem => i !== null);
  return { items, more: str(resp.continue_flag) === '1' };
}

/** The album page's first screen: `li.js_album_item` with data-msgid, data-itemidx, data-link, data-title. */
export function albumPageItems(doc: Document): AlbumPage {
  const items = Array.from(doc.querySelectorAll('li.js_album_item'), (li) =>
    toItem({
      msgid: li.getAttribute('data-msgid'),
      itemidx: li.getAttribute('data-itemidx'),
      url: li.getAttribute('data-link'),
      title: li.getAttribute('data-title'),
      create_time: li.querySelector('.js_article_create_time')?.textContent?.trim(),
    }),
  ).filter((i): i is AlbumItem => i !== null);
  const flag = /(?<![\w])continue_flag:\s*'(\d)'/.exec(Array.from(doc.scripts, (s) => s.text).find((t) => t.includes('window.cgiData')) ?? '')?.[1];
  return { items, more: flag === undefined ? items.length > 0 : flag === '1' };
}

const itemKey = (i: Pick<AlbumItem, 'msgid' | 'itemidx'>) => `${i.msgid}:${i.itemidx}`;

/** How the listing spaces its requests: the batch's own pause between articles. */
export interface ListingPace {
  wait: Sleep;
  /** The pause before the next page, in ms. */
  pause(): number;
}

const NO_PACE: ListingPace = { wait: async () => {}, pause: () => 0 };

/**
 * Every article of the album. `first` is the first screen when we have it (the album page's list);
 * otherwise the first JSON page is asked without a begin. Items repeated at page boundaries are kept
 * once. Every request after the first waits `pace.pause()`, as the articles do: a 300-article album
 * is 15 pages, which must not reach WeChat back to back.
 */
export async function listAlbum(
  album: Pick<AlbumRef, 'id' | 'biz'>,
  fetchText: (url: string) => Promise<string>,
  first?: AlbumPage,
  onPage: (count: number) => void = () => {},
  pace: ListingPace = NO_PACE,
): Promise<AlbumItem[]> {
  const seen = new Set<string>();
  const out: AlbumItem[] = [];
  // The first screen came with the album page the reader opened: the first JSON page waits too.
  let asked = first !== undefined;
  const ask = async (url: string) => {
    if (asked) await pace.wait(pace.pause());
    asked = true;
    return parseAlbumJson(await fetchText(url));
  };
  let page = first ?? (await ask(albumJsonUrl(album)));
  for (let n = 0; ; n++) {
    let added = 0;
    for (const item of page.items) {
      if (seen.has(itemKey(item))) continue;
      seen.add(itemKey(item));
      out.push(item);
      added++;
    }
    onPage(out.length);
    const last = page.items[page.items.length - 1];
    if (!page.more || !last) break;
    // A page that brings nothing new would be asked again forever.
    if (added === 0) throw new ListingError(`page ${n + 1} repeats the previous one`);
    if (n >= MAX_PAGES) throw new ListingError(`more than ${MAX_PAGES} pages`);
    page = await ask(albumJsonUrl(album, last));
  }
  return out;
}

export interface RangeChoice {
  /** Album positions, 1 = the oldest article; inclusive. Missing: from the first / to the last. */
  from?: number;
  to?: number;
  order: 'oldest-first' | 'newest-first';
}

/** The chosen part of a newest-first listing, in the chosen order; positions count from the oldest. */
export function selectRange(newestFirst: readonly AlbumItem[], choice: RangeChoice): AlbumItem[] {
  const oldestFirst = [...newestFirst].reverse();
  const from = Math.max(1, Math.floor(choice.from ?? 1));
  const to = Math.min(oldestFirst.length, Math.floor(choice.to ?? oldestFirst.length));
  const chosen = oldestFirst.slice(from - 1, Math.max(from - 1, to));
  return choice.order === 'oldest-first' ? chosen : chosen.reverse();
}

/**
 * Which albums (合集) a page names, read from its inline scripts as text (the page's scripts may
 * never run). WeChat's own JS renders the album line; the server only writes it into data.
 */
import { decodeEntities, decodeJsString } from '../page/script-vars';

export interface AlbumRef {
  /** album_id: digits. */
  id: string;
  /** The account's __biz (base64). */
  biz: string;
  title: string;
  /** How many articles the page says the album has; 0 when unknown. */
  size: number;
}

/** Where a page keeps one album: the object literal after `anchor`, and the keys read in it. */
interface AlbumSource {
  anchor: string;
  id: string;
  title: string;
  size: string;
  link: string;
  example: string;
}

export const ALBUM_SOURCES: readonly AlbumSource[] = [
  {
    // 2025 article pages.
    anchor: 'publicTagInfo = [',
    id: 'albumId',
    title: 'title',
    size: 'size',
    link: 'link',
    example: `var publicTagInfo = [{ title: '微型小说', size: '77' * 1, link: 'https://mp.weixin.qq.com/mp/appmsgalbum?__biz=Mzg4NTc2OTYxMQ==&amp;action=getalbum&amp;album_id=3329839945947119618#wechat_redirect', albumId: '3329839945947119618' }];`,
  },
  {
    // 2026 article pages: one entry per album the article is in.
    anchor: 'public_tag_info: {',
    id: 'album_id',
    title: 'tag_name',
    size: 'tag_content_num',
    link: 'tag_link',
    example: `public_tag_info: { tags: [{ tag_name: JsDecode('微型小说'), tag_link: JsDecode('https://mp.weixin.qq.com/mp/appmsgalbum?__biz=Mzg4NTc2OTYxMQ==\\x26amp;action=getalbum\\x26amp;album_id=3329839945947119618#wechat_redirect'), tag_content_num: '105' * 1, album_id: JsDecode('3329839945947119618') }] }`,
  },
  {
    // 2026 article pages: the album the article is read in.
    anchor: 'appmsgalbuminfo: {',
    id: 'album_id',
    title: 'title',
    size: 'content_size',
    link: 'link',
    example: `appmsgalbuminfo: { album_id: JsDecode('3329839945947119618'), title: JsDecode('微型小说'), link: JsDecode('https://mp.weixin.qq.com/mp/appmsgalbum?__biz=Mzg4NTc2OTYxMQ==\\x26amp;action=getalbum\\x26amp;album_id=3329839945947119618#wechat_redirect'), content_size: '105' * 1 }`,
  },
  {
    // The album page itself (/mp/appmsgalbum?action=getalbum&album_id=…).
    anchor: 'window.cgiData = {',
    id: 'albumId',
    title: 'title',
    size: 'article_count',
    link: '',
    example: `window.cgiData = { ret: '0', albumId: '3329839945947119618', title: '微型小说', nick_name: '你的鸟儿会唱歌' || '', article_count: '105' * 1 };`,
  },
];

/** The text from `open` (a `{` or `[`) to its matching bracket, strings skipped; to the end if unbalanced. */
export function balancedBlock(text: string, open: number): string {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'") {
      for (i++; i < text.length && text[i] !== c; i++) if (text[i] === '\\') i++;
    } else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      if (--depth === 0) return text.slice(open, i + 1);
    }
  }
  return text.slice(open);
}

/** An album's entry holds no object; the literal around the entries at most two levels of them. */
const MAX_OBJECT_HEIGHT = 2;

/**
 * Every object literal in a block that holds at most MAX_OBJECT_HEIGHT levels of objects,
 * innermost first (each closes before the one around it). Deeper ones are never an album's, and
 * reading every level of a deep nest would read each character once per level.
 */
function objectsIn(block: string): string[] {
  const out: string[] = [];
  // Each open object: where it starts, and the height of the highest object closed inside it.
  const starts: number[] = [];
  const heights: number[] = [];
  for (let i = 0; i < block.length; i++) {
    const c = block[i];
    if (c === '"' || c === "'") {
      for (i++; i < block.length && block[i] !== c; i++) if (block[i] === '\\') i++;
    } else if (c === '{') {
      starts.push(i);
      heights.push(-1);
    } else if (c === '}' && starts.length) {
      const start = starts.pop()!;
      const own = heights.pop()! + 1;
      if (own <= MAX_OBJECT_HEIGHT) out.push(block.slice(start, i + 1));
      const parent = heights.length - 1;
      if (parent >= 0 && heights[parent]! < own) heights[parent] = own;
    }
  }
  return out;
}

/** `key: '…'`, `key: JsDecode('…')` or `key: '105' * 1` in an object's text, decoded; '' when absent. */
export function keyValue(objectText: string, key: string): string {
  const re = new RegExp(`(?:^|[{,\\s])${key}\\s*:\\s*(?:JsDecode\\()?(?:'((?:[^'\\\\\\n]|\\\\.)*)'|"((?:[^"\\\\\\n]|\\\\.)*)")`);
  const m = re.exec(objectText);
  return m ? decodeEntities(decodeJsString(m[1] ?? m[2] ?? '')).trim() : '';
}

/** __biz from an address (a link to the album, the page's own address). */
export function bizOf(url: string): string {
  const m = /[?&]__biz=([^&#]+)/.exec(decodeEntities(url));
  return m ? decodeURIComponent(m[1]!) : '';
}

/** The albums named in these script texts, each once, in the order found; `fallbackBiz` from the page's address. */
export function albumsInScripts(scripts: readonly string[], fallbackBiz = ''): AlbumRef[] {
  const found = new Map<string, AlbumRef>();
  for (const source of ALBUM_SOURCES) {
    for (const text of scripts) {
      // The next anchor is looked for after this one's block: one inside it names objects already
      // read, and reading the rest of the page once per anchor was quadratic on an unclosed one.
      for (let at = text.indexOf(source.anchor), block = ''; at >= 0; at = text.indexOf(source.anchor, at + source.anchor.length - 1 + block.length)) {
        block = balancedBlock(text, at + source.anchor.length - 1);
        for (const obj of objectsIn(block)) {
          const id = keyValue(obj, source.id);
          const title = keyValue(obj, source.title);
          if (!/^\d{6,}$/.test(id) || !title) continue;
          const known = found.get(id);
          const size = Number(keyValue(obj, source.size)) || 0;
          if (known) {
            if (!known.size) known.size = size;
            continue;
          }
          const biz = (source.link && bizOf(keyValue(obj, source.link))) || fallbackBiz;
          found.set(id, { id, biz, title, size });
        }
      }
    }
  }
  return Array.from(found.values()).filter((a) => a.biz);
}

/** The albums a parsed page names (an article page, or the album page itself). */
export function albumsOfPage(doc: Document, pageUrl: string): AlbumRef[] {
  const scripts = Array.from(doc.scripts, (s) => (s.src ? '' : s.text)).filter(Boolean);
  return albumsInScripts(scripts, bizOf(pageUrl) || bizOf(doc.querySelector('[data-link]')?.getAttribute('data-link') ?? ''));
}

/** True on the album page's address. */
export function isAlbumPageUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.hostname === 'mp.weixin.qq.com' && u.pathname === '/mp/appmsgalbum' && /^\d+$/.test(u.searchParams.get('album_id') ?? '');
  } catch {
    return false;
  }
}

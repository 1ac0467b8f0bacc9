import { decodeEntities, decodeJsString, type ScriptVars } from './script-vars';
import { shortDescription } from './sentence';

export interface ArticleMeta {
  title: string;
  /** The byline (作者), not the account. */
  author: string;
  /** The 公众号 name. */
  account: string;
  /** ISO 8601 with +08:00, from `ct` / `create_time`; '' when the page has none. */
  published: string;
  /** Canonical article URL, without chksm / scene / subscene / #rd. */
  source: string;
  cover: string;
  description: string;
  /** 阅读原文 target (msg_source_url). */
  originalUrl: string;
  /** For reprints (转载): the original account and author. */
  reprintAccount: string;
  reprintAuthor: string;
  /** The first album (合集) the page names; '' when it names none, or when no template asks for it. */
  album: string;
}

const text = (el: Element | null | undefined): string => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Unix seconds → ISO 8601 in China time. WeChat's own #publish_time text depends on the viewer. */
export function isoChinaTime(unixSeconds: string): string {
  const n = Number(unixSeconds);
  if (!Number.isFinite(n) || n <= 0) return '';
  return new Date((n + 8 * 3600) * 1000).toISOString().replace(/\.\d{3}Z$/, '+08:00');
}

// Query parameters that identify an article; everything else is tracking or session state.
const KEEP_PARAMS = ['__biz', 'mid', 'idx', 'sn', 'tempkey'];

/** The canonical address of an article: https, only the identifying parameters, no fragment. */
export function canonicalArticleUrl(raw: string): string {
  if (!raw) return '';
  let url: URL;
  try {
    url = new URL(raw.replace(/&amp;/g, '&'), 'https://mp.weixin.qq.com/');
  } catch {
    return '';
  }
  // A page's msg_link or og:url can say anything: only a web address is an article's address.
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return '';
  if (!/(^|\.)weixin\.qq\.com$/.test(url.hostname)) return url.href;
  const base = `https://${url.hostname}${url.pathname}`;
  if (url.pathname.startsWith('/s/')) return base;
  // Built by hand: URLSearchParams would turn the base64 '==' of __biz into %3D%3D.
  const query = url.search
    .slice(1)
    .split('&')
    .filter((kv) => KEEP_PARAMS.includes(decodeURIComponent(kv.split('=')[0] ?? '')))
    .join('&');
  return query ? `${base}?${query}` : base;
}

/** An http(s) address as it was given, or ''. */
const webAddress = (s: string) => (/^https?:\/\//i.test(s.trim()) ? s.trim() : '');

/** The first non-empty of these, trimmed. Each is a function, called only when those before it were
 *  empty: a variable absent from the page's small scripts costs a search of megabytes of script. */
function firstOf(...values: (() => string | null | undefined)[]): string {
  for (const v of values) {
    const t = (v() ?? '').trim();
    if (t) return t;
  }
  return '';
}

/** Descriptions of image posts keep escapes as text (`\x0a`) and entities (`&quot;`, encoded twice);
 *  front matter wants one line of text. */
const oneLine = (s: string) => decodeEntities(decodeJsString(s)).replace(/\s+/g, ' ').trim();

const metaContent = (doc: Document, sel: string) => doc.querySelector(sel)?.getAttribute('content') ?? '';

/** Reprint header (2023+): "以下文章来源于新周刊，作者何驰" and the original account card. */
function readReprint(doc: Document): { account: string; author: string } {
  const card = doc.querySelector('#copyright_info, .original_primary_card');
  const account = text(card?.querySelector('.original_primary_nickname'));
  const tips = text(doc.querySelector('.original_primary_card_tips'));
  const m = /作者\s*[:：]?\s*(.+)$/.exec(tips);
  const fromTips = /来源于\s*([^，,]+)/.exec(tips);
  return { account: account || fromTips?.[1]?.trim() || '', author: m?.[1]?.trim() ?? '' };
}

const titleElement = (doc: Document) => doc.querySelector('#activity-name .js_title_inner') ?? doc.querySelector('#activity-name');

/** The title the page shows, else og:title: what is read without the page's scripts ('' when neither). */
export function shownTitle(doc: Document): string {
  return text(titleElement(doc)) || metaContent(doc, 'meta[property="og:title"]').trim();
}

/** A publish time as the page shows it (2022-03-10 08:00, 2024年12月18日, 昨天, 3天前): never a byline. */
const TIME_TEXT = /^(\d{4}\s*[-年/.]\s*\d{1,2}(\s*[-月/.]\s*\d{1,2}\s*日?)?(\s+\d{1,2}:\d{2})?|昨天|前天|今天|刚刚|\d+\s*(分钟|小时|天|周)前|星期[一二三四五六日天])$/;

/** Everything the front matter needs, from the page's DOM and inline scripts. */
export function readMeta(doc: Document, vars: ScriptVars, pageUrl: string): ArticleMeta {
  const titleEl = titleElement(doc);
  const reprint = readReprint(doc);
  const published = isoChinaTime(vars.get('ct') || vars.get('create_time'));
  const sourceUrl = vars.get('msg_source_url');
  return {
    title: firstOf(
      () => text(titleEl),
      () => vars.get('msg_title') || metaContent(doc, 'meta[property="og:title"]') || doc.title,
    ),
    author: firstOf(
      () => text(doc.querySelector('#js_author_name')),
      () => vars.get('author'),
      () => metaContent(doc, 'meta[name="author"]'),
      // The reward box names the author it pays (30: 邻云, where the meta line has only the date).
      () => text(doc.querySelector('#js_preview_reward_author_name')),
      // 2017/2018: a plain em after #post-date holds the byline (DOM-NOTES §3). Later layouts put the publish
      // time in such an em (#publish_time), and 发表于 + the region (#js_ip_wording_wrp): neither is a byline.
      () => {
        const byline = text(doc.querySelector('#meta_content > em.rich_media_meta_text:not(#post-date):not(#publish_time):not(#js_ip_wording_wrp)'));
        return TIME_TEXT.test(byline) ? '' : byline;
      },
    ),
    account: firstOf(
      () => text(doc.querySelector('#js_name')),
      () => text(doc.querySelector('#post-user')),
      // The 2026 page has no .wx_follow_nickname: `var nickname = htmlDecode("…")` and the profile
      // card's .account_nickname_inner name the account.
      () => vars.get('nickname') || vars.key('nick_name') || text(doc.querySelector('.account_nickname_inner, .wx_follow_nickname')),
    ),
    published,
    source: firstOf(
      () => canonicalArticleUrl(vars.get('msg_link')),
      () => canonicalArticleUrl(metaContent(doc, 'meta[property="og:url"]')),
      () => canonicalArticleUrl(pageUrl),
    ),
    cover: firstOf(() => webAddress(vars.get('msg_cdn_url')), () => webAddress(metaContent(doc, 'meta[property="og:image"]'))),
    // An image post's msg_desc is its whole text: the note's description is a short digest of it.
    description: shortDescription(oneLine(firstOf(() => vars.get('msg_desc'), () => metaContent(doc, 'meta[name="description"]')))),
    // A WeChat article as 阅读原文 carries the same tracking (chksm, #rd) as any share link.
    originalUrl: canonicalArticleUrl(sourceUrl),
    reprintAccount: reprint.account,
    reprintAuthor: reprint.author,
    // Read only when a template names it (pipeline/export.ts): it costs a search of every script.
    album: '',
  };
}

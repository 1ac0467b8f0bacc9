import type TurndownService from 'turndown';
import { canonicalArticleUrl } from '../page/metadata';

/** Links: http(s) and mailto are kept (links to other articles too); javascript:, data: and
 *  WeChat's fake #话题 links keep only their text. */
const SAFE_HREF = /^(https?:|mailto:)/i;

// A link to another WeChat article: written canonical, without its share tracking (chksm, scene, #rd).
const WECHAT_ARTICLE = /^https?:\/\/mp\.weixin\.qq\.com\/s[/?]/i;

export function safeHref(href: string | null): string {
  const h = (href ?? '').trim().replace(/&amp;/g, '&');
  if (!SAFE_HREF.test(h)) return '';
  return WECHAT_ARTICLE.test(h) ? canonicalArticleUrl(h) || h : h;
}

/** An address as a Markdown link destination: `<…>` when it holds spaces, parentheses or angle
 *  brackets, which would end a bare destination (`)` in an image address) or open raw HTML. */
export function markdownDestination(url: string): string {
  return /[\s()<>]/.test(url) ? `<${url.replace(/[<>\s]/g, encodeURIComponent)}>` : url;
}

/** Any address a page gives us (a link, a media card's attribute) as a link destination: '' when it is
 *  not http(s) or mailto, so the caller writes text only. */
export function safeDestination(href: string | null): string {
  const h = safeHref(href);
  return h && markdownDestination(h);
}

export function linkRules(td: TurndownService): void {
  td.addRule('wechatLink', {
    filter: (n) => n.nodeName === 'A',
    replacement: (content, node) => {
      const el = node as Element;
      const raw = el.getAttribute('href')?.trim() ?? '';
      const url = safeDestination(raw);
      const text = content.trim();
      if (!url || !text) return content;
      // An address written out as its own text is an autolink, whole: `<https://a.b/c_d/>`, not an
      // escaped and italicised copy of it.
      if (safeHref(raw) === raw && (el.textContent ?? '').trim() === raw && /^(?:https?:\/\/|mailto:)[^\s<>]+$/.test(raw)) return `<${raw}>`;
      return `[${text}](${url})`;
    },
  });
}

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

export function linkRules(td: TurndownService): void {
  td.addRule('wechatLink', {
    filter: (n) => n.nodeName === 'A',
    replacement: (content, node) => {
      const href = safeHref((node as Element).getAttribute('href'));
      const text = content.trim();
      if (!href || !text) return content;
      const url = /[\s()<>]/.test(href) ? `<${href.replace(/[<>\s]/g, encodeURIComponent)}>` : href;
      return `[${text}](${url})`;
    },
  });
}

import { scriptVars, type ScriptVars } from './script-vars';

export type PageKind = 'article' | 'image-post' | 'text-post' | 'share' | 'unavailable';

export interface PageInfo {
  kind: PageKind;
  /** For unavailable pages: WeChat's own message (该内容已被发布者删除, 此内容因违规无法查看, …). */
  message?: string;
  /** item_show_type as the page declares it ('' when absent). */
  showType: string;
}

/** Selectors of WeChat's "this content cannot be shown" pages (DOM-NOTES §6). */
const UNAVAILABLE_MESSAGE = ['.weui-msg__title', '.mesg-block p', '.global_error_msg', '.weui-msg__desc'];

function messageOf(doc: Document): string {
  for (const sel of UNAVAILABLE_MESSAGE) {
    const t = doc.querySelector(sel)?.textContent?.replace(/\s+/g, ' ').trim();
    if (t) return t;
  }
  return doc.title.trim();
}

/** What kind of page this is: image and text posts say so in their inline data (item_show_type);
 *  share, article and unavailable pages are told apart by their structure. */
export function detectPage(doc: Document, vars: ScriptVars = scriptVars(doc)): PageInfo {
  const showType = vars.get('item_show_type');
  if (showType === '8') return { kind: 'image-post', showType };
  if (showType === '10') return { kind: 'text-post', showType };
  if (doc.querySelector('#js_share_content, .original_panel_content, #js_share_source')) return { kind: 'share', showType };
  if (doc.querySelector('#js_content')) return { kind: 'article', showType };
  return { kind: 'unavailable', message: messageOf(doc) || 'This page has no article.', showType };
}

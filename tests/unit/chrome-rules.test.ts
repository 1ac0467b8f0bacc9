import { describe, expect, it } from 'vitest';
import { pageHtml, pageUrl } from '../fixtures';
import { CHROME_RULES } from '../../utils/clean/chrome-rules';
import { loadDocument } from '../golden-cases';

const hiddenBy = (el: Element) => CHROME_RULES.filter((r) => el.closest(r.selector)).map((r) => r.selector);

// Each row names a page that has its element, so a rule's reason can be checked in a real page. Parsed
// with the test environment's DOMParser (no scripts, no styles): every page named, once.
describe('every chrome rule', () => {
  it('is found in the example page its row names', () => {
    const docs = new Map([...new Set(CHROME_RULES.map((r) => r.page))].map((p) => [p, new DOMParser().parseFromString(pageHtml(p), 'text/html')]));
    const missing = CHROME_RULES.filter((r) => !docs.get(r.page)!.querySelector(r.selector)).map((r) => `${r.selector} (page ${r.page})`);
    expect(missing).toEqual([]);
  });
});

// The 2018 repost bar under the article (文章转载自公众号 / Forwarded from Official Account + the account):
// its avatar is chrome, its text names the source and stays; nothing of #js_content is touched.
describe.each(['32', '34'])('the 2018 repost bar of page %s', (prefix) => {
  const html = pageHtml(prefix);
  const doc = loadDocument(html, pageUrl(html, prefix));
  const bar = doc.querySelector('#copyright_info')!;

  it('hides the account avatar', () => {
    expect(bar.closest('#js_content')).toBeNull();
    const avatar = bar.querySelector('img')!;
    expect(avatar.getAttribute('alt')).toBe('第二干事');
    expect(hiddenBy(avatar)).not.toEqual([]);
  });

  it('keeps its text and the article', () => {
    for (const el of [bar, bar.querySelector('.tips_global_primary')!, bar.querySelector('.original_cell_nickname')!]) expect(hiddenBy(el)).toEqual([]);
    const root = doc.querySelector('#js_content')!;
    for (const selector of hiddenBy(bar.querySelector('img')!)) expect(root.querySelectorAll(selector), selector).toHaveLength(0);
  });
});

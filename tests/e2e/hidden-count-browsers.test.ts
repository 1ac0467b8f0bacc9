import { expect, it } from 'vitest';
import { eachBrowser } from './browsers';
import { pageHtml, pageUrl } from '../fixtures';

/**
 * The closed toolbar says what was hidden, promotion apart from decoration, in both browsers; the popup
 * says the same (issue 27, item 4). 06: 7 blocks of recommended articles, 6 dividers and title ornaments.
 */
const html = pageHtml('06');
const url = pageUrl(html, '06');
const NAME = '已隐藏：推广 7 处，装饰 6 处';

eachBrowser('what was hidden, counted', (b) => {
  it('06: the closed control shows 7 promotion and 6 decoration, named in words; the menu item and the popup say the same', async () => {
    const page = await b.browser.openArticle(url, html);
    // The page's own marks: what the count must match.
    const reasons = await page.evaluate(() => Array.from(document.querySelectorAll('[data-wac-promo]'), (el) => el.getAttribute('data-wac-promo')), null);
    expect(reasons.filter((r) => r === 'decoration')).toHaveLength(6);
    expect(reasons.filter((r) => r !== 'decoration')).toHaveLength(7);
    await expect.poll(() => page.text('wac-toolbar >>> .wac-count-part[data-kind="promotion"]')).toBe('7');
    expect(await page.text('wac-toolbar >>> .wac-count-part[data-kind="decoration"]')).toBe('6');
    expect(await page.count(`wac-toolbar >>> button.wac-count[aria-label="${NAME}"]:not([hidden])`)).toBe(1);
    expect(await page.text('wac-toolbar >>> [role="menuitem"][data-item="promo-reveal"]')).toBe(NAME);
    // The menu is closed: the count is on the control itself.
    expect(await page.count('wac-toolbar >>> [role="menu"]:not([hidden])')).toBe(0);
    const popup = await b.browser.openPopup(page);
    await expect.poll(() => popup.text('#status')).toBe('此页面已净化。已隐藏：推广 7 处，装饰 6 处。');
    await popup.close();
    // The count is a button: it shows what was hidden, and says how to hide it again.
    await page.clickToolbar(new RegExp(`^${NAME}$`));
    await expect.poll(() => page.count('wac-toolbar >>> button.wac-count[aria-pressed="true"][aria-label="重新隐藏：推广 7 处，装饰 6 处"]')).toBe(1);
    await page.close();
  });
});

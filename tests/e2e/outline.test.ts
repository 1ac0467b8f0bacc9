import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openArticle, type Session } from './harness';
import { shotPath, UPDATE_SCREENSHOTS } from './shots';
import { pageHtml, pageUrl } from '../fixtures';
import { toolbarAction } from './toolbar-actions';
import { toolbar } from './browsers/closed-root';

let session: Session;
beforeAll(async () => {
  session = await launch();
});
afterAll(async () => {
  await session?.close();
});

async function open(prefix: string) {
  const html = pageHtml(prefix);
  const page = await openArticle(session, pageUrl(html, prefix), html);
  await page.setViewportSize({ width: 1280, height: 800 });
  return page;
}
const outline = (page: Awaited<ReturnType<typeof open>>) => page.locator('wac=nav[aria-label="文章目录"]');

describe('the outline on the page', () => {
  it('lists the sections the export makes headings of; a click scrolls there and marks it', async () => {
    const page = await open('20');
    await toolbarAction(page, /^(目录|Outline)$/);
    const nav = outline(page);
    await expect.poll(() => nav.isVisible()).toBe(true);
    const entries = nav.getByRole('button');
    expect(await entries.allTextContents()).toEqual(['一、静态页面', '二、动态页面', '三、互联网动静分离架构', '四、页面静态化', '五、页面静态化的适用场景', '六、总结']);
    await nav.getByRole('button', { name: '四、页面静态化' }).click();
    // The section's title reaches the top of the window, and its entry is the current one.
    await expect
      .poll(() => page.evaluate(() => {
        const p = Array.from(document.querySelectorAll('#js_content p')).find((e) => e.textContent?.trim() === '四、页面静态化')!;
        return Math.round(p.getBoundingClientRect().top);
      }), { timeout: 5000 })
      .toBeLessThan(60);
    await expect.poll(() => nav.locator('[aria-current="location"]').textContent()).toBe('四、页面静态化');
    // Reading on: scrolled to the end, the last section is marked.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await expect.poll(() => nav.locator('[aria-current="location"]').textContent()).toBe('六、总结');
    await page.close();
  });

  it('works from the keyboard: Enter opens it, arrows move, Enter scrolls, Escape closes', async () => {
    const page = await open('05');
    const item = page.locator('wac=button[data-item="outline"]');
    // The outline is an item of the toolbar's menu: More, then the item, from the keyboard.
    await toolbar(page).getByRole('button', { name: /更多|More/ }).focus();
    await page.keyboard.press('Enter');
    await item.focus();
    await page.keyboard.press('Enter');
    const nav = outline(page);
    await expect.poll(() => nav.isVisible()).toBe(true);
    expect(await item.getAttribute('aria-expanded')).toBe('true');
    expect(await nav.getByRole('button').count()).toBeGreaterThan(40);
    // Focus is on the current section's entry (the first, at the top of the page).
    const active = () => page.evaluate(() => (document.querySelector('wac-toolbar') as unknown as { __wacShadow: ShadowRoot }).__wacShadow.activeElement?.textContent);
    expect(await active()).toBe('前言');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const focused = await page.evaluate(() => (document.querySelector('wac-toolbar') as unknown as { __wacShadow: ShadowRoot }).__wacShadow.activeElement?.textContent);
    expect(focused).toBe('项目目录');
    await page.keyboard.press('Enter');
    await expect.poll(() => nav.locator('[aria-current="location"]').textContent()).toBe('项目目录');
    await page.keyboard.press('Escape');
    await expect.poll(() => nav.isVisible()).toBe(false);
    // Focus goes back to where the outline was opened from: its item, or the More button of the menu that held it.
    const back = await page.evaluate(() => {
      const el = (document.querySelector('wac-toolbar') as unknown as { __wacShadow: ShadowRoot }).__wacShadow.activeElement;
      return el?.getAttribute('data-item') ?? el?.getAttribute('aria-haspopup') ?? null;
    });
    expect(['outline', 'menu', 'true']).toContain(back);
    if (UPDATE_SCREENSHOTS) {
      await page.keyboard.press('Enter');
      await page.waitForTimeout(300);
      await page.screenshot({ path: shotPath('outline-05-codeblocks.png') });
    }
    await page.close();
  });

  it('a page without sections shows no outline', async () => {
    for (const prefix of ['seed-article', '09', '18']) {
      const page = await open(prefix);
      // The outline's search runs at an idle moment after the toolbar: wait until it has run.
      await page.waitForFunction(() => performance.getEntriesByName('wac:outline').length > 0);
      expect(await page.locator('wac=button[data-item="outline"]').count(), prefix).toBe(0);
      await page.close();
    }
  });

  it('speaks English in an English browser', async () => {
    const en = await launch({ lang: 'en-US' });
    const html = pageHtml('20');
    const page = await openArticle(en, pageUrl(html, '20'), html);
    await toolbarAction(page, /^Outline$/);
    await expect.poll(() => page.locator('wac=nav[aria-label="Article outline"]').isVisible()).toBe(true);
    await page.close();
    await en.close();
  });

  it.runIf(!!UPDATE_SCREENSHOTS)('screenshot on the weekly (02)', async () => {
    const page = await open('02');
    await toolbarAction(page, /^(目录|Outline)$/);
    await outline(page).getByRole('button', { name: '科技动态' }).click();
    await page.waitForTimeout(1200);
    await page.screenshot({ path: shotPath('outline-02-weekly.png') });
    await page.close();
  });
});

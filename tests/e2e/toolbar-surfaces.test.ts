import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, openArticle, type Session } from './harness';
import { shotPath } from './shots';
import { toolbarAction } from './toolbar-actions';
import { albumArticleHtml, albumFixture, pageHtml, pageUrl } from '../fixtures';
import { toolbar } from './browsers/closed-root';
import { settle, toolbarOverText, useWechatDarkMode, useWechatDesktopLayout } from './wechat-layout';
import { ALBUM_PAGE } from './album-server';

// The toolbar's surfaces as a reader meets them (issue 27): the menu laid flat, the picker owning the
// keys, its undo, the outline beside the text, the album page's own action, a deleted page's notice.
let session: Session;
beforeAll(async () => {
  session = await launch();
});
afterAll(async () => {
  await session?.close();
});

async function open(id: string, width = 1280): Promise<Page> {
  const html = /^\d{10}$/.test(id) ? albumArticleHtml(id) : pageHtml(id);
  const page = await openArticle(session, pageUrl(html, id), html);
  await page.setViewportSize({ width, height: 800 });
  await useWechatDesktopLayout(page);
  await settle(page);
  return page;
}

/** In the toolbar's root: what has focus (its data-item, or "more" for the menu's button), or null. */
const focusInToolbar = (page: Page) =>
  page.evaluate(() => {
    const el = (document.querySelector('wac-toolbar') as unknown as { __wacShadow: ShadowRoot }).__wacShadow.activeElement;
    if (!el) return null;
    return el.getAttribute('aria-haspopup') ? 'more' : (el.getAttribute('data-item') ?? el.tagName.toLowerCase());
  });

const PICK = /^(隐藏一块|Hide a block)$/;
const endLine = (page: Page) => page.locator('#js_content > *', { hasText: /^\s*END\s*$/ }).last();

describe('the More menu', () => {
  it('reads horizontally at 1280 px on an album article (01), the album item whole', async () => {
    const page = await open('01');
    const bar = toolbar(page);
    await bar.getByRole('button', { name: /更多|More/ }).click();
    const album = bar.getByRole('menuitem', { name: /导出合集/ });
    await album.waitFor();
    await settle(page);
    const look = await album.evaluate((el) => ({
      writing: getComputedStyle(el).writingMode,
      cut: el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1,
      text: el.textContent,
      height: el.getBoundingClientRect().height,
    }));
    expect(look.writing).toBe('horizontal-tb');
    expect(look.cut).toBe(false);
    expect(look.text).toMatch(/^导出合集：.+/);
    expect(look.text).not.toContain('…');
    await page.screenshot({ path: shotPath('surfaces-menu-01-1280.png') });
    await useWechatDarkMode(page);
    await settle(page);
    await page.screenshot({ path: shotPath('surfaces-menu-01-1280-dark.png') });
    await page.close();
  });
});

describe('the picker', () => {
  it('owns the arrow keys while it runs: the menu stays closed, focus goes back to More only when it ends', async () => {
    const page = await open('2247483846');
    await page.waitForFunction(() => performance.getEntriesByName('wac:memory').length > 0, undefined, { timeout: 15_000 });
    const bar = toolbar(page);
    await bar.getByRole('button', { name: /更多|More/ }).focus();
    await page.keyboard.press('Enter');
    await bar.getByRole('menuitem', { name: PICK }).focus();
    await page.keyboard.press('Enter');
    const picked = () => page.evaluate(() => document.querySelector('[data-wac-pick]')?.textContent?.trim().slice(0, 20) ?? null);
    const first = await picked();
    expect(first).not.toBeNull();
    expect(await focusInToolbar(page)).not.toBe('more');
    await page.keyboard.press('ArrowDown');
    // The first press moves the picker, and only the picker.
    const second = await picked();
    expect(second).not.toBe(first);
    expect(await bar.getByRole('menu').isHidden()).toBe(true);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    expect(await picked()).toBe(second);
    expect(await bar.getByRole('menu').isHidden()).toBe(true);
    expect(await focusInToolbar(page)).not.toBe('more');
    await page.keyboard.press('Escape');
    expect(await picked()).toBeNull();
    expect(await focusInToolbar(page)).toBe('more');
    expect(await bar.getByRole('menu').isHidden()).toBe(true);
    await page.close();
  });

  it('a picked block can be undone: "Undo" shows it again and forgets the decision', async () => {
    const page = await open('2247483846');
    await page.waitForFunction(() => performance.getEntriesByName('wac:memory').length > 0, undefined, { timeout: 15_000 });
    await toolbarAction(page, PICK);
    const end = endLine(page);
    await end.hover();
    await end.click();
    await expect.poll(() => end.getAttribute('data-wac-promo')).toBe('reader');
    const undo = toolbar(page).getByRole('button', { name: /^(撤销|Undo)$/ });
    await undo.waitFor();
    await page.screenshot({ path: shotPath('surfaces-picked-undo.png') });
    await undo.click();
    await expect.poll(() => end.getAttribute('data-wac-promo')).toBeNull();
    expect(await end.isVisible()).toBe(true);
    await expect.poll(() => page.locator('wac=.wac-status').textContent()).toMatch(/已撤销/);
    // Forgotten: the same article, opened again, shows it.
    await page.reload();
    await page.waitForFunction(() => performance.getEntriesByName('wac:memory').length > 0, undefined, { timeout: 15_000 });
    await page.waitForTimeout(300);
    expect(await endLine(page).getAttribute('data-wac-promo')).toBeNull();
    await page.close();
  });
});

describe('the outline', () => {
  for (const width of [1280, 1024, 800]) {
    it(`never lies over the text at ${width} px, closed or open; opaque`, async () => {
      const page = await open('20', width);
      await page.waitForFunction(() => performance.getEntriesByName('wac:outline').length > 0);
      expect((await toolbarOverText(page)).overlaps, 'closed').toEqual([]);
      await toolbarAction(page, /^(目录|Outline)$/);
      const nav = page.locator('wac=nav[aria-label="文章目录"]');
      await nav.waitFor();
      await settle(page);
      expect((await toolbarOverText(page)).overlaps, 'open').toEqual([]);
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2));
      await settle(page);
      expect((await toolbarOverText(page)).overlaps, 'open, scrolled').toEqual([]);
      const bg = await nav.evaluate((el) => getComputedStyle(el).backgroundColor);
      expect(bg).toMatch(/^rgb\(/);
      await page.screenshot({ path: shotPath(`surfaces-outline-${width}.png`) });
      // Dark: light text on a dark panel, a dark border.
      await useWechatDarkMode(page);
      await settle(page);
      const dark = await nav.evaluate((el) => ({ bg: getComputedStyle(el).backgroundColor, border: getComputedStyle(el).borderTopColor, fg: getComputedStyle(el.querySelector('button')!).color }));
      expect(dark).toEqual({ bg: 'rgb(38, 38, 38)', border: 'rgb(68, 68, 68)', fg: 'rgb(232, 232, 232)' });
      if (width === 1024) await page.screenshot({ path: shotPath(`surfaces-outline-${width}-dark.png`) });
      // Closed again: the page's text is where it was.
      await page.keyboard.press('Escape');
      await settle(page);
      expect(await page.evaluate(() => document.documentElement.style.paddingRight)).toBe('');
      expect((await toolbarOverText(page)).overlaps, 'closed again').toEqual([]);
      await page.close();
    });
  }
});

describe('pages with nothing of their own to export', () => {
  it("an album page's main action is the album's export; no article actions; no count that differs from the listing", async () => {
    session.page(ALBUM_PAGE, albumFixture('album-2026-03-09.html.gz'));
    const page = await session.context.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(ALBUM_PAGE, { waitUntil: 'domcontentloaded' });
    await page.locator('wac-toolbar[data-state=album]').waitFor({ state: 'attached', timeout: 15_000 });
    const bar = toolbar(page);
    await expect.poll(() => bar.getByRole('button', { name: /^(导出合集|Export album)$/ }).count()).toBe(1);
    expect(await bar.getByRole('button', { name: /下载 Markdown/ }).count()).toBe(0);
    expect(await bar.getByRole('menuitem', { name: /复制 Markdown|下载 ZIP/, includeHidden: true }).evaluateAll((els) => els.filter((e) => !(e as HTMLElement).hidden).length)).toBe(0);
    // "More" holds only what belongs to the album (following it, from the follow feature), never an article's action.
    const more = bar.getByRole('button', { name: /更多|More/ });
    await more.click();
    const offered = await bar.getByRole('menuitem', { includeHidden: true }).evaluateAll((els) =>
      els.filter((e) => !(e as HTMLElement).hidden && (e as HTMLElement).offsetParent !== null).map((e) => e.textContent!.trim()),
    );
    expect(offered.length).toBeGreaterThan(0);
    for (const label of offered) expect(label).toMatch(/关注合集|Follow album/);
    await page.keyboard.press('Escape');
    expect(await page.locator('wac=.wac-root').textContent()).not.toMatch(/105/);
    await page.screenshot({ path: shotPath('surfaces-album-page.png') });
    const opened = session.context.waitForEvent('page', { predicate: (p) => p.url().includes('/batch.html') });
    await bar.getByRole('button', { name: /^(导出合集|Export album)$/ }).click();
    const batch = await opened;
    await batch.close();
    await page.close();
  });

  for (const [prefix, message] of [
    ['11', '该内容已被发布者删除'],
    ['24', '链接已过期'],
    ['13', '此内容因违规无法查看'],
  ] as const) {
    it(`a deleted or expired page (${prefix}) says at once that there is nothing to export`, async () => {
      const html = pageHtml(prefix);
      const page = await openArticle(session, pageUrl(html, prefix), html);
      await page.setViewportSize({ width: 1280, height: 800 });
      const primary = toolbar(page).getByRole('button', { name: /下载 Markdown/ });
      await primary.waitFor();
      // Before any click: the reason shows, the button is dimmed and describes it, no article actions.
      const status = page.locator('wac=.wac-status');
      await expect.poll(() => status.isVisible()).toBe(true);
      expect(await status.textContent()).toBe(`没有可导出的文章：${message}`);
      expect(await primary.getAttribute('title')).toBe(`没有可导出的文章：${message}`);
      expect(Number(await primary.evaluate((el) => getComputedStyle(el).opacity))).toBeLessThan(0.6);
      expect(await toolbar(page).getByRole('button', { name: /更多|More/ }).isVisible()).toBe(false);
      // A click says it again and starts nothing.
      let downloads = 0;
      page.on('download', () => downloads++);
      await toolbar(page).getByRole('button', { name: /关闭/ }).click();
      await primary.click();
      await expect.poll(() => status.textContent()).toBe(`没有可导出的文章：${message}`);
      await page.waitForTimeout(500);
      expect(downloads).toBe(0);
      if (prefix === '11') await page.screenshot({ path: shotPath('surfaces-deleted-11.png') });
      await page.close();
    });
  }
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, openArticle, type Session } from './harness';
import { pageHtml, pageUrl } from '../fixtures';
import { settle, useWechatDesktopLayout } from './wechat-layout';
import { toolbar } from './browsers/closed-root';

// The toolbar as a reader uses it: by keyboard alone, its messages, its colours, its isolation.
let session: Session;
beforeAll(async () => {
  session = await launch();
});
afterAll(async () => {
  await session?.close();
});

async function open(prefix: string): Promise<Page> {
  const html = pageHtml(prefix);
  return openArticle(session, pageUrl(html, prefix), html);
}

/** The focused element, looked for inside shadow roots: its accessible name, role and focus ring. */
const focused = (page: Page) =>
  page.evaluate(() => {
    // The toolbar's closed root as the harness left it on its host (browsers/closed-root.ts).
    const root = (el: Element | null) => el?.shadowRoot ?? (el as unknown as Record<string, ShadowRoot> | null)?.__wacShadow;
    let a = document.activeElement;
    while (root(a)?.activeElement) a = root(a)!.activeElement;
    const s = a ? getComputedStyle(a) : null;
    return {
      name: a?.getAttribute('aria-label') ?? a?.textContent?.trim() ?? '',
      role: a?.getAttribute('role') ?? a?.tagName.toLowerCase() ?? '',
      ring: s ? `${s.outlineStyle} ${s.outlineWidth}` : '',
    };
  });

describe('the toolbar by keyboard', () => {
  it('Tab and Enter reach every action; arrows move in the menu; Esc closes it and focus returns', async () => {
    const page = await open('seed-article');
    const bar = toolbar(page);
    // From nowhere, Shift+Tab goes to the last thing on the page: the toolbar, appended last.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).toEqual({ name: '更多', role: 'button', ring: 'solid 2px' });
    // Between them, what was hidden: a button too.
    await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).toEqual({ name: '已隐藏：推广 13 处', role: 'button', ring: 'solid 2px' });
    await page.keyboard.press('Shift+Tab');
    expect((await focused(page)).name).toBe('下载 Markdown');
    const md = page.waitForEvent('download');
    await page.keyboard.press('Enter');
    expect((await md).suggestedFilename()).toMatch(/\.md$/);
    // The menu's export items are disabled while the export runs; the download can come first.
    await expect.poll(() => page.locator('wac=[aria-busy="false"]').count()).toBe(1);

    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => bar.getByRole('menu').isVisible()).toBe(true);
    expect(await focused(page)).toEqual({ name: '复制 Markdown', role: 'menuitem', ring: 'solid 2px' });
    expect(await bar.getByRole('button', { name: '更多' }).getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('ArrowDown');
    expect((await focused(page)).name).toMatch(/^下载 ZIP/);
    // Home, not another ArrowDown: features add their own items after ZIP.
    await page.keyboard.press('Home');
    expect((await focused(page)).name).toBe('复制 Markdown');
    await page.keyboard.press('Escape');
    expect(await bar.getByRole('menu').isHidden()).toBe(true);
    expect((await focused(page)).name).toBe('更多');

    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect((await focused(page)).name).toMatch(/^下载 ZIP/);
    const zip = page.waitForEvent('download', { timeout: 60_000 });
    await page.keyboard.press('Enter');
    expect((await zip).suggestedFilename()).toMatch(/\.zip$/);
    expect(await bar.getByRole('menu').isHidden()).toBe(true);
    await page.close();
  });
});

describe('a window too narrow for the margin', () => {
  it('collapses the control to a thin tab at the edge; Download Markdown is still one click', async () => {
    const page = await open('seed-article');
    await page.setViewportSize({ width: 700, height: 700 });
    await useWechatDesktopLayout(page);
    await page.mouse.move(0, 0);
    await settle(page);
    const control = page.locator('wac=.wac-control');
    expect(await page.locator('wac=.wac-root').getAttribute('data-mode')).toBe('tab');
    const box = (await control.boundingBox())!;
    expect(box.width).toBeLessThanOrEqual(18);
    expect(box.x + box.width).toBe(700);
    const md = page.waitForEvent('download');
    await toolbar(page).getByRole('button', { name: '下载 Markdown' }).click();
    expect((await md).suggestedFilename()).toMatch(/\.md$/);
    // Wider again, it docks in the margin.
    await page.setViewportSize({ width: 1024, height: 700 });
    await settle(page);
    expect(await page.locator('wac=.wac-root').getAttribute('data-mode')).toBe('dock');
    await page.close();
  });
});

describe('messages beside the control', () => {
  it('a success says so beside the control', async () => {
    const page = await open('seed-article');
    await toolbar(page).getByRole('button', { name: '下载 Markdown' }).click();
    const status = toolbar(page).getByRole('status');
    await expect.poll(() => status.textContent()).toContain('.md');
    expect(await status.getAttribute('class')).toBe('wac-status ok');
    expect(await page.locator('wac=.wac-dismiss').isVisible()).toBe(false);
    await page.close();
  });

  it('a failure stays, its text can be copied, and it goes when dismissed', async () => {
    const page = await open('11');
    await session.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'https://mp.weixin.qq.com' });
    const bar = toolbar(page);
    await bar.getByRole('button', { name: '下载 Markdown' }).click();
    const status = bar.getByRole('status');
    await expect.poll(() => status.textContent()).toContain('该内容已被发布者删除');
    const message = (await status.textContent())!;
    await bar.getByRole('button', { name: '复制', exact: true }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(message);
    await expect.poll(() => bar.getByRole('button', { name: '已复制', exact: true }).isVisible()).toBe(true);
    await bar.getByRole('button', { name: '关闭' }).click();
    expect(await bar.locator('.wac-feedback').isHidden()).toBe(true);
    await page.close();
  });
});

describe('the toolbar follows the page and stays in its shadow root', () => {
  const look = (page: Page) =>
    page.evaluate(() => {
      const root = (document.querySelector('wac-toolbar') as unknown as { __wacShadow: ShadowRoot }).__wacShadow;
      const control = root.querySelector('.wac-control')!;
      return { theme: (root.querySelector('.wac-root') as HTMLElement).dataset.theme, background: getComputedStyle(control).backgroundColor };
    });

  it("light, dark with WeChat's dark mode class, dark with the system's", async () => {
    const page = await open('seed-article');
    expect(await look(page)).toEqual({ theme: 'light', background: 'rgb(255, 255, 255)' });
    await page.evaluate(() => document.documentElement.classList.add('data_color_scheme_dark'));
    await expect.poll(() => look(page)).toEqual({ theme: 'dark', background: 'rgb(38, 38, 38)' });
    await page.evaluate(() => document.documentElement.classList.remove('data_color_scheme_dark'));
    await expect.poll(() => look(page)).toEqual({ theme: 'light', background: 'rgb(255, 255, 255)' });
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(() => look(page)).toEqual({ theme: 'dark', background: 'rgb(38, 38, 38)' });
    await page.emulateMedia({ colorScheme: 'light' });
    await page.close();
  });

  it("the page's CSS does not reach the toolbar, and the toolbar's CSS is not in the page", async () => {
    const page = await open('seed-article');
    await page.addStyleTag({ content: 'button, div, span { background: rgb(255, 0, 0) !important; font-size: 40px !important; display: block !important; }' });
    const style = await page.locator('wac=button[data-action="download-md"]').evaluate((b) => {
      const s = getComputedStyle(b);
      return [s.backgroundColor, s.fontSize, s.display];
    });
    expect(style).toEqual(['rgba(0, 0, 0, 0)', '13px', 'flex']);
    const leaked = await page.evaluate(() =>
      Array.from(document.styleSheets).some((sheet) => {
        try {
          // The cleaner's own sheet is in the page by design (data-wac-* attributes); the toolbar's classes are not.
          return Array.from(sheet.cssRules).some((r) => /\.wac-(root|control|menu|feedback|status|panels)\b/.test(r.cssText));
        } catch {
          return false;
        }
      }),
    );
    expect(leaked).toBe(false);
    await page.close();
  });
});

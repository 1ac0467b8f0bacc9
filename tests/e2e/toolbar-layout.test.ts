import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, openArticle, type Session } from './harness';
import { pageHtml, pageUrl } from '../fixtures';
import { settle, toolbarOverText, useWechatDesktopLayout, type Overlap } from './wechat-layout';
import { toolbar } from './browsers/closed-root';

// The toolbar never covers the article's text: three pages, three window widths, scrolled through
// from top to bottom, with its menu closed and open, in a stand-in for WeChat's desktop layout. The
// open menu is the one exception below 1280 px: its labels lie flat, so where the margin is narrower
// than they are it lies over the page, leftwards from the control, until it closes.
let session: Session;
beforeAll(async () => {
  session = await launch();
});
afterAll(async () => {
  await session?.close();
});

const STOPS = 10;

// The menu, its items, and the toolbar's root, which draws nothing and is as wide as its widest child.
const isMenu = (o: Overlap) => /^(div\.wac-menu|button\.wac-menuitem|div\.wac-root)$/.test(o.toolbar);

async function scrollThrough(page: Page, state: string, allowMenu = false): Promise<string[]> {
  const found: string[] = [];
  const max = await page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight);
  for (let i = 0; i <= STOPS; i++) {
    const y = Math.round((max * i) / STOPS);
    await page.evaluate((y) => window.scrollTo(0, y), y);
    await settle(page);
    const { overlaps, boxes, lines } = await toolbarOverText(page);
    expect(boxes, 'the toolbar draws something').toBeGreaterThan(0);
    if (i === 0) expect(lines, 'text in view at the top').toBeGreaterThan(0);
    found.push(...overlaps.filter((o) => !(allowMenu && isMenu(o))).slice(0, 2).map((o: Overlap) => `${state} y=${y}: ${o.toolbar} ${o.box.join(',')} over "${o.text}"`));
  }
  return found;
}

describe('the toolbar stays off the text', () => {
  it('a message beside the control stays in the margin when the margin is wide enough (seed, 1280 px)', async () => {
    const html = pageHtml('seed-article');
    const page = await openArticle(session, pageUrl(html, 'seed'), html);
    await page.setViewportSize({ width: 1280, height: 800 });
    await useWechatDesktopLayout(page);
    await settle(page);
    const download = page.waitForEvent('download');
    await toolbar(page).getByRole('button', { name: /下载 Markdown/ }).click();
    await download;
    await expect.poll(() => toolbar(page).getByRole('status').textContent()).toContain('.md');
    expect((await toolbarOverText(page)).overlaps).toEqual([]);
    await page.close();
  });

  for (const prefix of ['seed-article', '02', '20']) {
    for (const width of [1280, 1024, 800]) {
      it(`${prefix} at ${width} px, menu closed and open`, async () => {
        const html = pageHtml(prefix);
        const page = await openArticle(session, pageUrl(html, prefix), html);
        await page.setViewportSize({ width, height: 800 });
        await useWechatDesktopLayout(page);
        await settle(page);
        const found = await scrollThrough(page, 'closed');
        const more = toolbar(page).getByRole('button', { name: /更多|More/ });
        if ((await more.count()) === 0) found.push('no menu button to open');
        else {
          await more.click();
          await toolbar(page).getByRole('menu').waitFor();
          found.push(...(await scrollThrough(page, 'open', width < 1280)));
          // Flat, whatever the width: no label turned a quarter.
          const turned = await toolbar(page).getByRole('menuitem').evaluateAll((els) => els.filter((e) => getComputedStyle(e).writingMode !== 'horizontal-tb').length);
          if (turned) found.push(`${turned} menu labels turned`);
        }
        await page.close();
        expect(found).toEqual([]);
      });
    }
  }
});

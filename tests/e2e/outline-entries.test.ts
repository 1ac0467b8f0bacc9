import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openArticle, type Session } from './harness';
import { pageHtml, pageUrl } from '../fixtures';
import { toolbarAction } from './toolbar-actions';

let session: Session;
beforeAll(async () => {
  session = await launch();
});
afterAll(async () => {
  await session?.close();
});

describe('the outline lists what the note makes headings of (02, in real Chromium)', () => {
  it('no reference markers; titles of one numbered series at one level', async () => {
    const html = pageHtml('02');
    const page = await openArticle(session, pageUrl(html, '02'), html);
    await page.setViewportSize({ width: 1280, height: 800 });
    await toolbarAction(page, /^(目录|Outline)$/);
    const nav = page.locator('wac=nav[aria-label="文章目录"]');
    await expect.poll(() => nav.isVisible()).toBe(true);
    const entries = await nav.locator('li').evaluateAll((lis) => lis.map((li) => [li.textContent?.trim() ?? '', (li as HTMLElement).dataset.level ?? '']));
    const texts = entries.map((e) => e[0] ?? '');
    expect(texts.filter((t) => /\[\d+\]/.test(t))).toEqual([]);
    const level = (t: string) => entries.find(([e]) => e === t)?.[1];
    expect(level('1、Jta')).toBeTruthy();
    expect(level('1、Jta')).toBe(level('2、Smart Excalidraw'));
    expect(level('9、QiLuo（祺洛）')).toBe(level('8、中国节假日'));
    expect(texts).not.toContain('1、婚礼赞助');
    await page.close();
  });
});

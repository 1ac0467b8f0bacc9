import type { Page } from 'playwright-core';

/**
 * A stand-in for WeChat's desktop style sheet, which cannot load offline: the article in a centered
 * column of at most 677 px, as mp.weixin.qq.com shows it on a computer, and its text wrapped inside
 * it (WeChat's .rich_media_content has overflow: hidden and word-wrap: break-word, so a long URL
 * breaks instead of running into the margin).
 */
export const WECHAT_DESKTOP_CSS = `
body { margin: 0; }
.rich_media_area_primary { padding: 20px 16px 12px; }
#img-content, .rich_media_area_primary_inner { max-width: 677px; margin-left: auto; margin-right: auto; }
#js_content { overflow: hidden; word-wrap: break-word; }
#js_content img { max-width: 100%; height: auto; }
`;

export async function useWechatDesktopLayout(page: Page): Promise<void> {
  await page.addStyleTag({ content: WECHAT_DESKTOP_CSS });
}

/**
 * Two animation frames (the toolbar places itself on resize and on open in the next frame), then the
 * end of its CSS transitions: a box read mid-transition (the tab's width, .15 s) is neither state.
 */
export const settle = (page: Page) =>
  page.evaluate(async () => {
    await new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));
    // Not the busy pulse, which repeats for as long as an export runs.
    const running = ((document.querySelector('wac-toolbar') as unknown as Record<string, ShadowRoot> | null)?.__wacShadow?.getAnimations() ?? []).filter((a) => a.effect?.getComputedTiming().endTime !== Infinity);
    await Promise.all(running.map((a) => a.finished.catch(() => undefined)));
  });

export interface Overlap {
  toolbar: string;
  text: string;
  box: [number, number, number, number];
}

/**
 * Every box the toolbar draws (any visible element in its shadow root) against every line of the
 * article's text in the viewport (Range.getClientRects over the text nodes of #js_content).
 */
export function toolbarOverText(page: Page): Promise<{ overlaps: Overlap[]; boxes: number; lines: number }> {
  return page.evaluate(() => {
    const root = (document.querySelector('wac-toolbar') as unknown as Record<string, ShadowRoot> | null)?.__wacShadow;
    const content = document.querySelector('#js_content');
    if (!root || !content) throw new Error('no toolbar or no #js_content');
    const vw = document.documentElement.clientWidth;
    const vh = window.innerHeight;
    const inView = (r: DOMRect) => r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < vh && r.right > 0 && r.left < vw;
    const boxes: { el: Element; r: DOMRect }[] = [];
    for (const el of Array.from(root.querySelectorAll('*'))) {
      if (!(el instanceof HTMLElement || el instanceof SVGElement)) continue;
      if (el instanceof HTMLStyleElement || ['HTML', 'HEAD', 'BODY'].includes(el.tagName)) continue;
      if (!el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
      for (const r of Array.from(el.getClientRects())) if (inView(r)) boxes.push({ el, r });
    }
    const lines: { text: string; r: DOMRect }[] = [];
    const walker = document.createTreeWalker(content, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!n.textContent?.trim()) continue;
      range.selectNodeContents(n);
      for (const r of Array.from(range.getClientRects())) if (inView(r)) lines.push({ text: n.textContent.trim().slice(0, 30), r });
    }
    const overlaps = [];
    for (const b of boxes) {
      for (const l of lines) {
        const x = Math.min(b.r.right, l.r.right) - Math.max(b.r.left, l.r.left);
        const y = Math.min(b.r.bottom, l.r.bottom) - Math.max(b.r.top, l.r.top);
        if (x > 0.5 && y > 0.5) {
          const name = `${b.el.tagName.toLowerCase()}.${(b.el.getAttribute('class') ?? '').replace(/\s+/g, '.')}`;
          overlaps.push({ toolbar: name, text: l.text, box: [b.r.left, b.r.top, b.r.width, b.r.height].map(Math.round) as [number, number, number, number] });
        }
      }
    }
    return { overlaps, boxes: boxes.length, lines: lines.length };
  });
}

/** WeChat in dark mode, roughly: its dark class on <html> and the article's colours turned down. */
export async function useWechatDarkMode(page: Page): Promise<void> {
  await page.addStyleTag({
    content: `html.data_color_scheme_dark, html.data_color_scheme_dark body { background: #191919; color: #a3a3a3; }
html.data_color_scheme_dark #js_content *, html.data_color_scheme_dark #activity-name { color: #a3a3a3 !important; background-color: transparent !important; }`,
  });
  await page.evaluate(() => document.documentElement.classList.add('data_color_scheme_dark'));
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { FIXTURES, pageName } from '../fixtures';

/**
 * Pictures for screenshots. The corpus saved the pages, not their images, and the tests serve one tiny
 * PNG for every image: a screenshot of that shows blank boxes. Here each image of the page gets a
 * stand-in drawn to its own proportions. Where the page's hand-written label (tests/fixtures/labels)
 * calls the image promotion or decoration: a QR code when it is square (the subscription and follow
 * codes), else a striped band marked as such; a plain numbered picture where it is content.
 */

const IMAGE = /^https:\/\/mmbiz\.(qpic|qlogo)\.cn\//;

/** The promotion images' address parts from the page's label (empty when the page has none). */
function promoParts(page: string): string[] {
  try {
    const label = JSON.parse(readFileSync(join(FIXTURES, 'labels', `${pageName(page)}.json`), 'utf8')) as { promo_images?: string[] };
    return label.promo_images ?? [];
  } catch {
    return [];
  }
}

/** A deterministic 0..1 sequence from a string, so the same image gets the same drawing every run. */
function noise(seed: string): () => number {
  let h = 2166136261;
  for (const c of seed) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return () => {
    h = Math.imul(h ^ (h >>> 15), 2246822507) ^ Math.imul(h ^ (h >>> 13), 3266489909);
    return ((h >>>= 0) % 10000) / 10000;
  };
}

function qrCode(seed: string): string {
  const n = 25;
  const rnd = noise(seed);
  const finder = (x: number, y: number) => `<rect x="${x}" y="${y}" width="7" height="7"/><rect x="${x + 1}" y="${y + 1}" width="5" height="5" fill="#fff"/><rect x="${x + 2}" y="${y + 2}" width="3" height="3"/>`;
  const inFinder = (x: number, y: number) => (x < 8 && y < 8) || (x > n - 9 && y < 8) || (x < 8 && y > n - 9);
  let cells = '';
  for (let y = 0; y < n; y++) for (let x = 0; x < n; x++) if (!inFinder(x, y) && rnd() < 0.5) cells += `<rect x="${x}" y="${y}" width="1" height="1"/>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="640" viewBox="-2 -2 ${n + 4} ${n + 4}" shape-rendering="crispEdges"><rect x="-2" y="-2" width="${n + 4}" height="${n + 4}" fill="#fff"/><g fill="#111">${finder(0, 0)}${finder(n - 7, 0)}${finder(0, n - 7)}${cells}</g></svg>`;
}

function band(ratio: number): string {
  const w = 640;
  const h = Math.max(8, Math.round(w * ratio));
  const size = Math.max(8, Math.min(26, h * 0.45));
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}"><defs><pattern id="s" width="16" height="16" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="16" height="16" fill="#f6c89f"/><rect width="8" height="16" fill="#f9d9bb"/></pattern></defs><rect width="${w}" height="${h}" fill="url(#s)"/><text x="${w / 2}" y="${h / 2}" dominant-baseline="central" text-anchor="middle" font-family="sans-serif" font-size="${size}" fill="#8a4b12">推广 · promotion</text></svg>`;
}

function picture(seed: string, n: number, ratio: number): string {
  const w = 640;
  const h = Math.round(w * ratio);
  const rnd = noise(seed);
  const hue = Math.round(rnd() * 360);
  const ridge = Array.from({ length: 7 }, (_, i) => `${(i * w) / 6},${Math.round(h * (0.45 + rnd() * 0.3))}`).join(' ');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}"><defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="hsl(${hue},45%,82%)"/><stop offset="1" stop-color="hsl(${hue},35%,94%)"/></linearGradient></defs><rect width="${w}" height="${h}" fill="url(#g)"/><circle cx="${w * 0.78}" cy="${h * 0.28}" r="${Math.min(w, h) * 0.09}" fill="hsl(${(hue + 40) % 360},70%,88%)"/><polygon points="0,${h} ${ridge} ${w},${h}" fill="hsl(${hue},30%,60%)"/><text x="24" y="${h - 22}" font-family="sans-serif" font-size="${Math.max(14, Math.min(28, h / 8))}" fill="#fff">图 ${n}</text></svg>`;
}

/**
 * Serves the stand-ins for one page's images (route on a page or a whole context; it wins over the
 * harness's context route). `ratios` maps the path of each of the article's image addresses to its
 * height / width as the page gives it (data-ratio), in the page's order; see `imageRatios`.
 */
export async function serveStandInPictures(target: Page | BrowserContext, page: string, ratios: Map<string, number>): Promise<void> {
  const promo = promoParts(page);
  const isPromo = (path: string) => promo.some((p) => path.includes(p));
  // Content pictures numbered in the page's order.
  const numbers = new Map([...ratios.keys()].filter((k) => !isPromo(k)).map((k, i) => [k, i + 1]));
  await target.route(IMAGE, (route) => {
    const key = new URL(route.request().url()).pathname;
    const ratio = ratios.get(key);
    // Not an image of the article (the cover in the page's head, an avatar): the harness's answer.
    if (ratio === undefined) return route.fallback();
    const body = !isPromo(key) ? picture(key, numbers.get(key)!, ratio) : ratio > 0.8 && ratio < 1.25 ? qrCode(key) : band(ratio);
    return route.fulfill({ status: 200, contentType: 'image/svg+xml', body });
  });
}

/** Each image's height / width as the page's HTML says it (data-ratio), by the path of its address. */
export function imageRatios(html: string): Map<string, number> {
  const ratios = new Map<string, number>();
  for (const [tag] of html.matchAll(/<img\b[^>]*>/gi)) {
    const src = /\bdata-src="([^"]+)"/.exec(tag)?.[1];
    const ratio = Number(/\bdata-ratio="([\d.]+)"/.exec(tag)?.[1]);
    if (!src || !(ratio > 0)) continue;
    try {
      ratios.set(new URL(src.replace(/&amp;/g, '&')).pathname, ratio);
    } catch {
      // not an address: no picture to draw
    }
  }
  return ratios;
}

/**
 * What WeChat's own lazy loader does once its scripts run (they cannot offline): the article's images
 * get their addresses and lose the placeholder look that keeps them blank until then (classes, and
 * a zero height with the ratio as padding).
 */
export const loadImagesAsWechatDoes = (page: Page) =>
  page.evaluate(() => {
    for (const img of Array.from(document.querySelectorAll<HTMLImageElement>('#js_content img[data-src]'))) {
      img.classList.remove('js_img_placeholder', 'wx_img_placeholder', 'img_loading');
      img.style.removeProperty('padding-bottom');
      img.style.setProperty('height', 'auto', 'important');
      img.src = img.dataset.src!;
    }
  });

/** The window of the README's before/after and of `npm start`: the column and a margin the toolbar fits in. */
export const ARTICLE_SHOT_VIEWPORT = { width: 860, height: 900 };

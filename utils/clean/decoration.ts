/**
 * Images that are the publisher's decoration, not the article's pictures: dividers, ornaments behind
 * or beside section titles, icons, the editor's animated GIFs. Decided from the attributes WeChat's
 * editor writes (`data-ratio` = height / width, `data-w`, `data-type`, classes), so the same rule works
 * on the live page and on the detached copy that is exported. Positions at the edge of the article are
 * judged by the detector (promotion.ts); these rules hold anywhere.
 */

export interface ImageFacts {
  img: Element;
  /** height / width; NaN when the editor did not say. */
  ratio: number;
  /** Intrinsic width in px; NaN when unknown. */
  width: number;
  gif: boolean;
  src: string;
}

export function imageFacts(img: Element): ImageFacts {
  const src = img.getAttribute('data-src') ?? img.getAttribute('src') ?? '';
  const type = img.getAttribute('data-type') ?? '';
  return {
    img,
    ratio: Number(img.getAttribute('data-ratio') ?? NaN),
    width: Number(img.getAttribute('data-w') || NaN),
    gif: type === 'gif' || /wx_fmt=gif|mmbiz_gif/.test(src),
    src,
  };
}

/** Thinner than this (height / width) an image is a strip: a divider, a title bar, a banner. */
export const THIN = 0.2;

interface DecorationRule {
  name: string;
  /** `sameSize` counts the images of the article with this image's width and ratio. */
  test(f: ImageFacts, sameSize: number): boolean;
  example: string;
  counter: string;
}

export const DECORATION_RULES: readonly DecorationRule[] = [
  {
    name: "the editor's background GIF",
    test: (f) => f.img.classList.contains('__bg_gif'),
    example: '15: the __bg_gif banner at the top; 16: the follow animation; 19: the closing animation',
    counter: 'an animated GIF in a tutorial has no __bg_gif class (05: a 385 px demo GIF stays)',
  },
  {
    name: 'an icon',
    test: (f) => f.width <= 64,
    example: '23: the 14 px scroll icon and the 55 px section icons',
    counter: "WeChat's emoji are small too, but are written as text elsewhere and never reach this rule",
  },
  {
    name: 'a hairline divider',
    test: (f) => f.ratio < 0.05,
    example: '06: a 1080 × 26 divider; 23: a 1152 × 34 divider GIF',
    counter: '01: a 1080 × 100 screenshot of one log line (ratio 0.09) stays',
  },
  {
    name: 'a thin GIF',
    test: (f) => f.gif && f.ratio < 0.15,
    example: 'seed: two 640 × 55 GIF dividers; 23: the 580 × 58 GIF at the top',
    counter: 'a thin still image in the prose (01) is not a GIF',
  },
  {
    name: 'a repeated strip',
    test: (f, sameSize) => f.ratio < THIN && sameSize >= 2,
    example: '15: four 700 × 80 bars behind the section titles; 06: three 3750 × 500 title ornaments',
    counter: "05: thin code screenshots, each of its own size, stay",
  },
];

const sizeKey = (f: ImageFacts) => `${f.width}×${f.ratio.toFixed(3)}`;

/** The content's images that are decoration wherever they stand, with the rule that decided each.
 *  `all`: the facts of every image of the content, when the caller has them already. */
export function decorativeImages(root: Element, all: readonly ImageFacts[] = Array.from(root.querySelectorAll('img'), imageFacts)): Map<Element, string> {
  const facts = all.filter((f) => f.src !== '' && !/res\.wx\.qq\.com/.test(f.src));
  const sizes = new Map<string, number>();
  for (const f of facts) if (f.ratio < THIN) sizes.set(sizeKey(f), (sizes.get(sizeKey(f)) ?? 0) + 1);
  const out = new Map<Element, string>();
  for (const f of facts) {
    const rule = DECORATION_RULES.find((r) => r.test(f, sizes.get(sizeKey(f)) ?? 0));
    if (rule) out.set(f.img, rule.name);
  }
  return out;
}

/** The same picture twice around a short title is an ornament pair (03: a GIF on each side of 定积分的核心公式). */
export function isOrnamentPair(unit: Element, text: string): boolean {
  if (text.length > 30 || unit.getElementsByTagName('img').length < 2) return false;
  const srcs = Array.from(unit.querySelectorAll('img'), (img) => img.getAttribute('data-src') ?? img.getAttribute('src') ?? '').filter(Boolean);
  return srcs.length >= 2 && new Set(srcs).size < srcs.length;
}

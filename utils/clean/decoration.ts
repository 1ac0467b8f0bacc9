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
/** Thinner than this (height / width) a picture is banner-shaped: wider than two to one, a follow strip. */
export const BANNER = 0.45;
/** Thinner than this a GIF is wider than any film's frame (2.76:1 at most; 2.35:1 is 0.43): a strip, not a clip. */
export const WIDER_THAN_FILM = 1 / 3;

interface DecorationRule {
  name: string;
  /** `sameSize` counts the article's thin images with this image's width and ratio; `sameSrc` its images with this address. */
  test(f: ImageFacts, sameSize: number, sameSrc: number): boolean;
  example: string;
  counter: string;
}

export const DECORATION_RULES: readonly DecorationRule[] = [
  {
    // Not the editor's __bg_gif class: it is on every GIF the editor inserts, a clip that illustrates
    // the sentence before it as much as a follow animation. The same GIF again and again (three times)
    // is an ornament; twice may be a clip shown again, and a pair around a title is isOrnamentPair's.
    name: 'a repeated GIF',
    test: (f, _sameSize, sameSrc) => f.gif && sameSrc >= 3,
    example: '03: one 232 × 106 divider GIF three times between the sections',
    counter: 'handmade/gif-clips: each clip is another GIF; handmade/gif-first: a clip shown twice',
  },
  {
    // Not inside a sentence: a sticker between words is the sentence's (handmade/emoji-inline).
    name: 'an icon',
    test: (f) => f.width <= 64 && !inLine(f.img),
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
    // Repetition alone is not enough: a run of chart strips repeats one size too. A title bar stands
    // right above a short title line.
    name: 'a repeated strip above a title',
    test: (f, sameSize) => f.ratio < THIN && sameSize >= 2 && aboveTitle(f.img),
    example: '15: four 700 × 80 bars above the section titles; 06: three 3750 × 500 title ornaments',
    counter: '05: thin code screenshots, each of its own size, stay; handmade/chart-strips: one size, among prose',
  },
];

const hasText = (el: Element) => /[^\s\u00a0\u200b]/.test(el.textContent ?? '');

/** The image's block (its image-only ancestors) is followed by a short line of text: a title. */
function aboveTitle(img: Element): boolean {
  let block: Element = img;
  while (block.parentElement && !hasText(block.parentElement) && !/^(BODY|HTML)$/.test(block.parentElement.tagName) && block.parentElement.id !== 'js_content') block = block.parentElement;
  let next = block.nextElementSibling;
  while (next && !hasText(next) && next.querySelector('img') === null) next = next.nextElementSibling;
  const t = (next?.textContent ?? '').replace(/[\s\u00a0\u200b]+/g, '');
  return t.length > 0 && t.length <= 30;
}

/** The image sits in a line of text: its block has text of its own beside it. */
function inLine(img: Element): boolean {
  const block = img.closest('p, li, h1, h2, h3, h4, h5, h6, td, blockquote') ?? img.parentElement;
  return block !== null && hasText(block);
}

const sizeKey = (f: ImageFacts) => `${f.width}×${f.ratio.toFixed(3)}`;

/** The content's images that are decoration wherever they stand, with the rule that decided each.
 *  `all`: the facts of every image of the content, when the caller has them already. */
export function decorativeImages(root: Element, all: readonly ImageFacts[] = Array.from(root.querySelectorAll('img'), imageFacts)): Map<Element, string> {
  const facts = all.filter((f) => f.src !== '' && !/res\.wx\.qq\.com/.test(f.src));
  const sizes = new Map<string, number>();
  for (const f of facts) if (f.ratio < THIN) sizes.set(sizeKey(f), (sizes.get(sizeKey(f)) ?? 0) + 1);
  const srcs = new Map<string, number>();
  for (const f of facts) if (f.gif) srcs.set(f.src, (srcs.get(f.src) ?? 0) + 1);
  const out = new Map<Element, string>();
  for (const f of facts) {
    const rule = DECORATION_RULES.find((r) => r.test(f, sizes.get(sizeKey(f)) ?? 0, srcs.get(f.src) ?? 0));
    if (rule) out.set(f.img, rule.name);
  }
  return out;
}

/** Wider than this an image is a picture, not an ornament set beside a line of text. */
const ORNAMENT_MAX_W = 300;

/** The same small picture twice around a short title is an ornament pair (03: a GIF on each side of
 *  定积分的核心公式). A title is needed, and the pictures must be ornament-sized: a comic's or a photo
 *  story's panels in one block, one of them repeated, are the article (35: 62 panels, no text). */
export function isOrnamentPair(unit: Element, text: string): boolean {
  if (text === '' || text.length > 30) return false;
  const imgs = Array.from(unit.getElementsByTagName('img'));
  if (imgs.length < 2 || imgs.length > 4) return false;
  const facts = imgs.map(imageFacts).filter((f) => f.src !== '');
  const srcs = facts.map((f) => f.src);
  if (srcs.length < 2 || new Set(srcs).size === srcs.length) return false;
  // Ornament-sized, or a GIF (03: 1500 px GIFs drawn 18 px wide).
  return facts.every((f) => f.width <= ORNAMENT_MAX_W || f.gif);
}

/** Smaller than this (px) a square picture beside a title is an avatar, not a photo. */
const AVATAR_MAX_W = 200;

/** One small square picture and a short title, alone in their block: the column's avatar beside its
 *  title (35: the 141 × 145 mascot beside “多”说两句). A figure with its caption stays, however small
 *  (05: a 140 px screenshot captioned 16), a photo is wider (640 px), a sentence is no title, and a
 *  sticker in the title's own line is the line's. */
export function isTitleAvatar(unit: Element, text: string): boolean {
  if (text === '' || text.length > 12 || /[。！？!?，,]/.test(text) || !/[\p{L}]/u.test(text)) return false;
  if (unit.matches('figure, figcaption') || unit.querySelector('figure, figcaption') !== null) return false;
  const imgs = Array.from(unit.getElementsByTagName('img'));
  if (imgs.length !== 1) return false;
  // In its own box: a sticker inside the line of text is the sentence's (handmade/emoji-inline: 明天见 + sticker).
  if (inLine(imgs[0]!)) return false;
  const f = imageFacts(imgs[0]!);
  return f.src !== '' && f.width <= AVATAR_MAX_W && f.ratio >= 0.8 && f.ratio <= 1.25;
}

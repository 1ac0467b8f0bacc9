/**
 * Promotion inside the article: the publisher's ads, follow prompts and QR codes, group invitations,
 * "往期推荐" lists, like and share requests, account cards, and the decoration around them. Decided by
 * signals combined, never by a word alone:
 * - what a block asks the reader to do (promotion-signals.ts: follow, scan, add, join, reply, claim,
 *   buy, share, like, star), and how short it is;
 * - where it stands: before the article's first paragraph of prose or after its last;
 * - a change of style from the body (colour, alignment, size, background, border);
 * - images: QR-shaped next to an ask, strips and GIFs at the edges, decoration (decoration.ts);
 * - link density (read-more lists), END marks and credit lines that close the article.
 * The same detector hides blocks on the page and leaves them out of the export.
 */
import {
  asksOf,
  CREDIT_LINE,
  END_MARK,
  familyOf,
  promptFamily,
  PROMPT_MAX,
  LONG_PROMPT_MAX,
  RECOMMEND_HEADER,
  UI_HINT,
  UI_HINT_WORD,
  WEAK_ASKS,
  AD_LEAD_RULES,
  AD_LABEL,
  AD_LABEL_MARK,
  HEAD_SLOGAN,
  PICTURE_CREDIT,
  POINTER_LINE,
  TAIL_ASKS,
  NOTICE_TITLE,
  NOTICE_ASKS,
  ABLATED,
  signalName,
  testWords,
  type Ask,
  type PromoFamily,
} from './promotion-signals';
import { BANNER, decorativeImages, imageFacts, isOrnamentPair, isTitleAvatar, THIN, WIDER_THAN_FILM, type ImageFacts } from './decoration';
import { shownTitle } from '../page/metadata';
import { KNOWN_MEDIA } from '../page/media';

export { PROMO_FAMILIES, type PromoFamily } from './promotion-signals';

export interface PromoBlock {
  el: Element;
  family: PromoFamily;
  /** The signals that decided it, for the reveal ("why is this hidden"). */
  signals: readonly string[];
}

const ACCOUNT_CARD = '.mp_profile_iframe_wrp, mp-common-profile';

/** Text that long after a tail prompt, in all or in one paragraph, means the prompt was not the start of a tail. */
const PROSE_MIN = 100;
const PROSE_PARAGRAPH = 40;
/** How far from the start or end a keyword is looked for. */
const HEAD_UNITS = 10;
const TAIL_UNITS = 25;

const SPACES = /[\s\u00a0\u200b]+/g;
// What norm would change: whitespace other than a single space, two spaces, a space at either end.
const UNNORMAL = /[^\S ]| {2}|^ | $|\u200b/;
/** Whitespace runs as one space, trimmed. Most blocks' text is already so: tested first, copied only when not. */
const norm = (s: string | null) => (s === null ? '' : UNNORMAL.test(s) ? s.replace(SPACES, ' ').trim() : s);
const textOf = (el: Element) => norm(el.textContent);
/** textOf(el) !== '', without building the normalized text. */
const hasText = (el: Element) => /[^\s\u00a0\u200b]/.test(el.textContent ?? '');
const CONTAINERS = new Set(['SECTION', 'DIV', 'SPAN', 'CENTER', 'ARTICLE']);

/** Pictures and every media card WeChat embeds (a 视频号 card has no text of its own, and is no empty line). */
const MEDIA = `img, svg, iframe, video, ${KNOWN_MEDIA}`;
function hasMedia(el: Element): boolean {
  return el.matches(MEDIA) || el.querySelector(MEDIA) !== null;
}

function isMeaningful(el: Element): boolean {
  return hasText(el) || hasMedia(el);
}

/**
 * The content as a flat list of blocks: a container that holds a long stretch of the article
 * (some editors wrap everything in one <section>) is opened up; a small one stays one block,
 * so a QR image and its caption in one <section> are judged together.
 */
export function contentUnits(root: Element): Element[] {
  const out: Element[] = [];
  // Cheapest test first: most children are paragraphs, and normalizing only shortens the text.
  const opens = (el: Element) => {
    // Two meaningful children are needed, under any number of one-child wrappers (35: the closing
    // commentary and its PS line to the ad, three <section>s deep): a lone paragraph is never opened.
    if (!CONTAINERS.has(el.tagName)) return false;
    const raw = el.textContent ?? '';
    if (raw.length <= 200 || norm(raw).length <= 200) return false;
    for (let e: Element | undefined = el; e && CONTAINERS.has(e.tagName); e = e.children[0]) {
      // A wrapper with text of its own beside its one child is a block, not a wrapper.
      if (e.childElementCount === 1 && !Array.from(e.childNodes).some((c) => c.nodeType === 3 && /[^\s\u00a0\u200b]/.test(c.textContent ?? ''))) continue;
      if (e.childElementCount === 1) return false;
      let meaningful = 0;
      for (const kid of Array.from(e.children)) if (isMeaningful(kid) && ++meaningful >= 2) return true;
      return false;
    }
    return false;
  };
  const walk = (parent: Element) => {
    for (const child of Array.from(parent.children)) {
      if (opens(child)) walk(child);
      else out.push(child);
    }
  };
  walk(root);
  return out;
}

/** The pictures of a block, or the block when it is one. */
const imagesOf = (el: Element) => (el.matches('img') ? [el] : Array.from(el.querySelectorAll('img')));

/** A square-ish picture: what a QR code looks like from the editor's data-ratio. */
export function isQrLikeImage(el: Element): boolean {
  return imagesOf(el).some((img) => {
    const ratio = Number(img.getAttribute('data-ratio'));
    return Number.isFinite(ratio) && ratio >= 0.8 && ratio <= 1.25;
  });
}

/** Wider than this (px) a square picture is a photo, not a QR code (WeChat's are 258 to 430). */
const QR_MAX_W = 500;
/** A QR code by its shape and size: square, and no wider than a QR code is drawn. */
function isQrCode(el: Element): boolean {
  const imgs = imagesOf(el);
  return imgs.length === 1 && isQrLikeImage(el) && imageFacts(imgs[0]!).width <= QR_MAX_W;
}
/** A line that is only 关注 and a name (关注某某发布, 关注军旅 关注人生): a follow ask beside a QR code. */
const FOLLOW_NAME = /^关注[^，。！？,.!?：:；;]{1,14}$/;

/** Pictures all wider than three to one: a strip, wider than any panel, video or film's frame (a movie
 *  still or clip at 2.35:1 opens a film essay, right under the follow prompt as anywhere). */
function isStripImage(el: Element): boolean {
  return everyImage(el, (f) => f.ratio < WIDER_THAN_FILM);
}

/** A wide strip: a banner (03: the course banner above its last line). */
function isBannerImage(el: Element): boolean {
  return everyImage(el, (f) => f.ratio < BANNER || f.gif);
}

const isGif = (el: Element) => everyImage(el, (f) => f.gif);

/** The block has pictures, and every one passes the test. */
function everyImage(el: Element, test: (f: ImageFacts) => boolean): boolean {
  const imgs = imagesOf(el);
  return imgs.length > 0 && imgs.every((img) => test(imageFacts(img)));
}

/** Fewer pictures than this in a row are not yet a story: a banner and a divider stacked (06) are two. */
const RUN_MIN = 3;
/** Lines a banner's slogan takes at most (16: one). */
const SLOGAN_LINES = 2;

/**
 * Pictures in a run: RUN_MIN or more in a row (image-only blocks, nothing but empty ones between) of one
 * width and shape. A run of same-size pictures is a story (a strip comic, a photo story), whatever their shape and
 * wherever they stand; a banner or a divider is one picture.
 */
function picturesInRuns(units: readonly Element[], texts: readonly string[], mediaAt: (i: number) => boolean): Set<Element> {
  const out = new Set<Element>();
  let run: Element[] = [];
  let key: string | null = null;
  const flush = () => {
    if (run.length >= RUN_MIN) for (const img of run) out.add(img);
    run = [];
    key = null;
  };
  units.forEach((u, i) => {
    // Text ends a run; an empty block does not.
    if ((texts[i] ?? '') !== '') return flush();
    if (!mediaAt(i)) return;
    for (const img of imagesOf(u)) {
      const f = imageFacts(img);
      // One width and one kind of shape, strip or not: a banner above a comic's panels is no panel (35).
      const k = !Number.isFinite(f.ratio) ? null : Number.isFinite(f.width) ? `${f.width}:${f.ratio < BANNER}` : f.ratio.toFixed(2);
      if (k === null || k !== key) flush();
      key = k;
      if (k !== null) run.push(img);
    }
  });
  flush();
  return out;
}

const isEmpty = (el: Element) => !isMeaningful(el);
const isImageOnly = (el: Element) => !hasText(el) && hasMedia(el);
/** A slogan line: short and not a finished sentence. */
const isSlogan = (el: Element) => {
  const t = textOf(el);
  // Set in phrases, not sentences: no sentence end, no comma (分享网络安全知识 强化网络安全意识).
  return t !== '' && t.length <= 30 && !/[。！？!?~～]$/.test(t) && !/[，,]/.test(t);
};

function isLinkItem(el: Element): boolean {
  if (isEmpty(el)) return true;
  const t = textOf(el);
  const linkText = norm(Array.from(el.querySelectorAll('a')).map((a) => a.textContent).join(''));
  // A list of links is one item however long; a paragraph is an item while it is a title-sized link.
  const maxLen = el.matches('ul, ol') ? Infinity : 120;
  if (t !== '' && linkText.length >= t.length * 0.5 && t.length <= maxLen) return true;
  // A card: the linked picture, the title beside it unlinked.
  if (t !== '' && t.length <= CARD_TITLE_MAX && el.querySelector('a[href] img') !== null) return true;
  return isImageOnly(el) && el.querySelector('a[href]') !== null;
}
const CARD_TITLE_MAX = 60;

const HEADING = /^H[1-6]$/;
/** Numbered like a section title (一、 01 1. Part 2): never glued to promotion as a slogan. */
const NUMBERED = /^\s*([一二三四五六七八九十]+[、.．]|\d{1,2}(\s|[、.．]|$)|part\s*\d|step\s*\d|第.{1,3}[章节部分步])/i;
/** A slogan that belongs to the banner beside it, and is not a title, a credit or a list. */
const isSloganLine = (u: Element, t: string) => isSlogan(u) && !isHeading(u) && !NUMBERED.test(t) && !CREDIT_LINE.test(t) && !STRUCTURE.test(u.tagName);
const isHeading = (el: Element) => HEADING.test(el.tagName) || el.querySelector('h1, h2, h3, h4, h5, h6') !== null;

// The properties that make a block look unlike the body: colour, alignment, size, background, border.
const LOOK = /(?:^|;)\s*(color|text-align|font-size|background(?:-color)?|border(?:-\w+)?)\s*:\s*([^;]+)/gi;
/** The inline styles that set a block's look (its own and, the first few, its descendants'), as one key.
 *  A descendant's look is the block's when it holds at least half the block's text: one highlighted word
 *  does not set a line apart (35: 法规无错，但注意它[是]要人来执行的). */
export function lookOf(el: Element): string {
  const parts = new Set<string>();
  const add = (e: Element) => {
    const style = e.getAttribute('style');
    if (!style) return;
    for (const m of style.matchAll(LOOK)) parts.add(`${m[1]!.toLowerCase()}:${m[2]!.replace(/\s+/g, '').toLowerCase()}`);
  };
  add(el);
  const styled = el.querySelectorAll('[style]');
  if (styled.length === 0) return Array.from(parts).sort().join(';');
  const whole = norm(el.textContent).length;
  for (let i = 0; i < styled.length && i < 8; i++) if (norm(styled[i]!.textContent).length * 2 >= whole) add(styled[i]!);
  return Array.from(parts).sort().join(';');
}

/** What sets a block apart from running text: centred, on a background, in a box. */
function apartOf(look: string): Set<string> {
  const out = new Set<string>();
  if (/text-align:center/.test(look)) out.add('center');
  if (/background(-color)?:(?!transparent|#fff\b|#ffffff|rgb\(255,255,255\)|white|none|initial|inherit)/.test(look)) out.add('background');
  if (/border(-\w+)?:(?!none|0|medium none)/.test(look)) out.add('border');
  return out;
}

/** The set-apart features most of the article's prose has (by length): those do not set a block apart. */
function bodyApart(units: readonly Element[], texts: readonly string[], prompts: readonly (PromoFamily | null)[]): Set<string> {
  const weight = new Map<string, number>();
  let total = 0;
  units.forEach((u, i) => {
    const len = (texts[i] ?? '').length;
    if (len < 40 || prompts[i]) return;
    total += len;
    for (const f of apartOf(lookOf(u))) weight.set(f, (weight.get(f) ?? 0) + len);
  });
  return new Set(Array.from(weight).filter(([, w]) => w * 2 >= total).map(([f]) => f));
}

/** Lists, quotes, code and tables are the article's own structure, whatever their look. */
const STRUCTURE = /^(BLOCKQUOTE|UL|OL|LI|PRE|TABLE|FIGURE)$/;

/** Asks that only promotion makes beside an image of its own (a QR code to scan, a gift to claim, a course to buy). */
const IMAGE_ASKS: ReadonlySet<Ask> = new Set(['scan', 'claim', 'contact', 'group', 'follow', 'reply', 'buy']);
/** Asks a QR code answers: the code is what the reader scans to do them. */
const CODE_ASKS: ReadonlySet<Ask> = new Set(['scan', 'contact', 'group', 'reply', 'claim', 'buy', 'subscribe']);
/** 扫描上方图片二维码: the text says where its image is. */
const POINTS_UP = /上方|上图|以上|上面/;
const POINTS_DOWN = /下方|下图|以下|下面/;
/** A short bracketed label opening a section: 【福 利】. */
const SECTION_LABEL = /^[【\[][^】\]]{1,8}[】\]]$/;

function first<T>(from: number, step: number, n: number, pick: (i: number) => T | null | false): T | null {
  for (let i = from; i >= 0 && i < n; i += step) {
    const r = pick(i);
    if (r === false) return null;
    if (r !== null) return r;
  }
  return null;
}

/** The first and the last text node with something to read, in document order. */
function textEdges(root: Element): { firstText: Node | null; lastText: Node | null } {
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  const readable = (n: Node | null) => n !== null && /[^\s\u00a0\u200b]/.test(n.textContent ?? '') && !/^(SCRIPT|STYLE)$/.test(n.parentElement?.tagName ?? '');
  let firstText: Node | null = walker.nextNode();
  while (firstText && !readable(firstText)) firstText = walker.nextNode();
  let lastText: Node | null = null;
  if (firstText) {
    let n: Node | null = root.lastChild;
    // Deepest last descendant, then back through text nodes.
    while (n?.lastChild) n = n.lastChild;
    walker.currentNode = n ?? root;
    lastText = n && n.nodeType === 3 ? n : walker.previousNode();
    while (lastText && !readable(lastText)) lastText = walker.previousNode();
  }
  return { firstText, lastText };
}

const precedes = (a: Node, b: Node) => (a.compareDocumentPosition(b) & 4) /* b FOLLOWING a */ !== 0;

/** A mini-program card: an ad when it stands beside an ask, content elsewhere (handmade/miniprogram). */
const MINIPROGRAM = 'a[data-miniprogram-appid], .weapp_text_link, mp-miniprogram, .weapp_display_element';
const isMiniProgram = (el: Element) => el.matches(MINIPROGRAM) || el.querySelector(MINIPROGRAM) !== null;
/** Links to other WeChat articles. */
const ARTICLE_LINK = 'a[href*="mp.weixin.qq.com/s"]';

/** A list of other articles, whatever its header says or with none: two or more links to WeChat
 *  articles that make up most of the block's text. */
function isArticleList(el: Element, text: string): boolean {
  const links = el.querySelectorAll(ARTICLE_LINK);
  if (links.length < 2) return false;
  const linkText = Array.from(links, (a) => norm(a.textContent)).join('').length;
  return linkText * 2 >= text.replace(/\s/g, '').length;
}

/** The header of the article's sources: the links under it are its own (参考资料, References). */
const REFERENCE_HEADER = /^[\s【\[]*(参考|引用|资料来源|文献|出处|注释|References?\b|Sources?\b)/i;

/** A caption's opening: a mark pointing up at the picture, or 图 (图为…, 图：…, 图1). */
const CAPTION = /^\s*([▲△↑⬆☝👆]|图\s*(为|[:：|｜]|\d))/u;

/** A line that leads on to what follows: it ends in a colon (答案预览：) or points down (需要的朋友看这里👇). A
 *  question does not: the article asks its own (27: 32道面试题，都会回答吗？). */
const LEAD_LINE = /([：:]|[^\s▼▽↓⬇👇⇩][\s]*[▼▽↓⬇👇⇩]+)\s*$/u;

/**
 * Every promotion block in the content root, in document order. Blocks the detector is unsure of
 * (one weak signal) are not returned; pass `unsure` to collect them: they stay on the page.
 */
export function findPromotion(root: Element, unsure?: PromoBlock[]): PromoBlock[] {
  const found = new Map<Element, PromoFamily>();
  const why = new Map<Element, string[]>();
  const mark = (el: Element, family: PromoFamily, signal: string = family) => {
    if (ABLATED.size > 0 && ABLATED.has(signalName(signal))) return;
    if (!found.has(el)) found.set(el, family);
    const w = why.get(el) ?? why.set(el, []).get(el)!;
    if (!w.includes(signal)) w.push(signal);
  };
  const inFound = (el: Element) => {
    for (let e: Element | null = el; e && e !== root; e = e.parentElement) if (found.has(e)) return true;
    return false;
  };

  // Account cards are recognised by structure alone, wherever they are.
  for (const card of Array.from(root.querySelectorAll(ACCOUNT_CARD))) {
    mark(card.closest('.mp_profile_iframe_wrp') ?? card, 'account-card', 'an account card');
  }

  const units = contentUnits(root).filter((u) => !found.has(u));
  const texts = units.map(textOf);
  // What each unit asks, once: the prompt rule and the image rule below both read it.
  // In a notice, how to sign up, send or call is the news (NOTICE_TITLE): only its other asks count.
  const notice = NOTICE_TITLE.test(shownTitle(root.ownerDocument));
  const asks = texts.map((t) => (t !== '' && t.length <= LONG_PROMPT_MAX ? (notice ? asksOf(t).filter((a) => !NOTICE_ASKS.has(a)) : asksOf(t)) : []));
  const n = units.length;
  // Per unit, computed at most once: the tail rule asks them of the same units for every prompt it tries.
  const media = new Map<number, boolean>();
  const mediaAt = (i: number) => media.get(i) ?? media.set(i, hasMedia(units[i]!)).get(i)!;
  const emptyAt = (i: number) => texts[i] === '' && !mediaAt(i);
  const imageOnlyAt = (i: number) => texts[i] === '' && mediaAt(i);
  /** The next unit from i that is not empty, going by (1 or -1). */
  const step = (i: number, by: number) => first(i + by, by, n, (j) => (emptyAt(j) ? null : j));
  // 关注某某发布 / 关注军旅 关注人生 alone beside a QR code asks to follow the account it names.
  texts.forEach((t, i) => {
    if (asks[i]!.length > 0 || !FOLLOW_NAME.test(t) || isHeading(units[i]!)) return;
    const qrAt = (by: number) => {
      const j = step(i, by);
      return j !== null && imageOnlyAt(j) && isQrCode(units[j]!);
    };
    if (qrAt(-1) || qrAt(1)) asks[i] = ['follow'];
  });
  // A block with only weak asks is no prompt; at the end of the article it is unsure (below).
  const weakOnly = asks.map((a) => a.length > 0 && a.every((k) => WEAK_ASKS.has(k)));
  const prompts = texts.map((t, i) => (weakOnly[i] ? null : promptFamily(t, asks[i])));
  const links = new Map<number, boolean>();
  const linkItemAt = (i: number) => links.get(i) ?? links.set(i, isLinkItem(units[i]!)).get(i)!;
  /** A title-sized line: short, not a finished sentence. */
  const isTitleLine = (i: number) => (texts[i] ?? '') !== '' && texts[i]!.length <= 50 && !/[。！!]$/.test(texts[i]!) && !CREDIT_LINE.test(texts[i]!);
  // The header alone on its line, or with the one article it recommends as a link (17: 推荐阅读：<a>…</a>);
  // 推荐阅读：《人类简史》 followed by a paragraph on the book is the article recommending a book.
  const isHeader = (i: number) => {
    const t = texts[i] ?? '';
    if (t.length > PROMPT_MAX || !testWords('header', RECOMMEND_HEADER, t)) return false;
    return !/[\p{L}\p{N}]/u.test(t.replace(RECOMMEND_HEADER, '')) || linkItemAt(i);
  };
  let inRuns: Set<Element> | null = null;
  const runs = () => (inRuns ??= picturesInRuns(units, texts, mediaAt));
  const inRun = (u: Element) => imagesOf(u).some((img) => runs().has(img));
  let body: Set<string> | null = null;
  const setApart = (u: Element) => {
    body ??= bodyApart(units, texts, prompts);
    for (const f of apartOf(lookOf(u))) if (!body.has(f)) return !STRUCTURE.test(u.tagName);
    return false;
  };

  // Head: prompts before the first paragraph of prose, the images among them, and the slogan lines
  // of the same banner after them (16: 分享最实用的利器 | 探索解决问题的简单方案).
  // A numbered step is the article's own (第一步，扫描下方二维码…: a tutorial's first step), not the account's ask.
  const headPrompt = (i: number) => {
    if (!prompts[i] || NUMBERED.test(texts[i]!)) return null;
    return asks[i]!.some((a) => TAIL_ASKS.has(a)) ? promptFamily(texts[i]!, asks[i]!.filter((a) => !TAIL_ASKS.has(a))) : prompts[i];
  };
  let firstProse = units.findIndex((_, i) => (texts[i] ?? '').length >= 40 && !headPrompt(i));
  if (firstProse < 0) firstProse = n;
  const headEnd = Math.min(firstProse, HEAD_UNITS);
  let lastHead = -1;
  for (let i = 0; i < headEnd; i++) if (headPrompt(i)) lastHead = i;
  for (let i = 0; i <= lastHead; i++) {
    const fam = headPrompt(i);
    if (fam) mark(units[i]!, fam, `asks (${asks[i]!.join(', ')}) before the first paragraph`);
    // An image among the head's asks, when it looks like one: a QR code, a banner, a GIF. A comic's
    // panels before a follow prompt are the article (handmade/comic).
    else if (imageOnlyAt(i) && (isQrLikeImage(units[i]!) || isBannerImage(units[i]!))) mark(units[i]!, 'ad', 'a QR code, banner or GIF among the asks before the first paragraph');
  }
  if (lastHead >= 0) {
    const rightUnder = step(lastHead, 1);
    const slogans: Element[] = [];
    for (let j = lastHead + 1; j < firstProse; j++) {
      const u = units[j]!;
      if (emptyAt(j)) continue;
      // The code an ask to scan points at, right under it (长按识别下方二维码，关注我们): square, and alone. A
      // comic's square first panel under 点击上方蓝字关注 asks no scan, and stays.
      if (j === rightUnder && imageOnlyAt(j) && asks[lastHead]!.includes('scan') && isQrLikeImage(u) && !inRun(u)) {
        mark(u, headPrompt(lastHead)!, 'the code under an ask to scan, before the first paragraph');
        continue;
      }
      // A strip right under the asks is their banner (a follow GIF). Only a strip: a comic's or a photo
      // story's first panel, or a film's clip, may come right after a follow prompt (handmade/comic,
      // handmade/gif-first, handmade/film-clip-first).
      if (imageOnlyAt(j) && isStripImage(u) && !inRun(u)) {
        mark(u, headPrompt(lastHead)!, 'a strip right under the asks before the first paragraph');
        continue;
      }
      if (!isSloganLine(u, texts[j] ?? '') || !setApart(u)) {
        // Short lines over a numbered item or a title head them: the article's (本期内容, then 一、…).
        if (NUMBERED.test(texts[j] ?? '') || isHeading(u)) slogans.length = 0;
        break;
      }
      slogans.push(u);
    }
    // A banner's slogan is a line or two, in a look of its own, over the article's prose or pictures. More
    // short lines are the article's own (a poem); one in the body's look is its own too (导读, a first line).
    if (slogans.length <= SLOGAN_LINES) for (const u of slogans) mark(u, headPrompt(lastHead)!, 'a slogan line after the asks before the first paragraph');
  }

  // Head: the account's slogan over a pointer at the very top (32: 关注军旅 关注人生 | ▼), nothing but
  // the slogan above it, saying follow. A line that leads on (先看一段视频：) is no slogan; a contents
  // heading over a pointer says no follow (25).
  for (let i = 0; i < Math.min(firstProse, HEAD_UNITS); i++) {
    if (!POINTER_LINE.test(texts[i] ?? '') || (texts[i] ?? '') === '') continue;
    const slogans: number[] = [];
    let top = true;
    for (let j = i - 1; j >= 0 && top; j--) {
      const t = texts[j] ?? '';
      if (emptyAt(j) || found.has(units[j]!)) continue;
      if (isSloganLine(units[j]!, t) && !LEAD_LINE.test(t) && !POINTER_LINE.test(t)) slogans.push(j);
      else top = false;
    }
    if (top && slogans.length > 0 && slogans.some((j) => testWords(HEAD_SLOGAN.name, HEAD_SLOGAN.re, texts[j]!))) {
      for (const j of slogans) mark(units[j]!, 'follow', HEAD_SLOGAN.name);
      mark(units[i]!, 'follow', 'a pointer under the slogan at the top');
    }
    break;
  }

  /** Blocks that may be promotion, with why: they stay on the page, counted apart. */
  const doubt = new Map<Element, string>();

  // Tail: from the first prompt on, when no prose follows it. A list of other articles counts as a
  // prompt whatever its header says (or with none).
  const tailStart = Math.max(lastHead + 1, Math.floor(n / 2), n - TAIL_UNITS);
  // A list of other articles: links in one block, or a run of title-sized links one per block (no header
  // needed). Not when the links are the article (a catalogue: they hold half its text) or its sources
  // (under 参考资料).
  const articleItemAt = (i: number) => (texts[i] ?? '') !== '' && texts[i]!.length <= 120 && linkItemAt(i) && units[i]!.querySelector(ARTICLE_LINK) !== null;
  const blockListAt = (i: number) => (texts[i] ?? '') !== '' && isArticleList(units[i]!, texts[i]!);
  let linkShare: boolean | null = null;
  const linksAreArticle = () => {
    if (linkShare !== null) return linkShare;
    let links = 0;
    let all = 0;
    texts.forEach((t, i) => {
      all += t.length;
      if (articleItemAt(i) || blockListAt(i)) links += t.length;
    });
    return (linkShare = links * 2 >= all);
  };
  const underReferences = (i: number) => {
    let k = step(i, -1);
    while (k !== null && (articleItemAt(k) || blockListAt(k))) k = step(k, -1);
    return k !== null && REFERENCE_HEADER.test(texts[k] ?? '');
  };
  const lists = new Map<number, boolean>();
  const listAt = (i: number) => {
    const cached = lists.get(i);
    if (cached !== undefined) return cached;
    const next = articleItemAt(i) ? step(i, 1) : null;
    const is = (blockListAt(i) || (next !== null && articleItemAt(next))) && !linksAreArticle() && !underReferences(i);
    lists.set(i, is);
    return is;
  };
  // More prose after a prompt (one paragraph, or short ones adding up) means it was not the start of a tail.
  const proseAfter = (i: number) => {
    let after = 0;
    for (let j = i + 1; j < n; j++) {
      const len = (texts[j] ?? '').length;
      if (prompts[j] !== null || len === 0 || linkItemAt(j) || listAt(j)) continue;
      after += len;
      if (len >= PROSE_PARAGRAPH || after >= PROSE_MIN) return true;
    }
    return false;
  };
  // A read-more header over links to other articles is one anywhere, in the first half of a long article
  // as at its end (相关阅读 after the third paragraph): with two links at least under it, and not in a
  // digest whose text is its links. A sentence that leads to links (本文参考了以下几篇报道：) is no header.
  for (let i = lastHead + 1; i < tailStart; i++) {
    if (!isHeader(i) || linksAreArticle()) continue;
    const items: number[] = [];
    for (let j = step(i, 1); j !== null && articleItemAt(j); j = step(j, 1)) items.push(j);
    if (items.length < 2) continue;
    mark(units[i]!, 'recommend', 'a read-more header over links to other articles, before the tail');
    for (const j of items) mark(units[j]!, 'recommend', 'a link under a read-more header');
  }
  for (let i = tailStart; i < n; i++) {
    const header = isHeader(i);
    const list = !header && !prompts[i] && listAt(i);
    const fam = prompts[i] ?? (list ? 'recommend' : null);
    if (!fam && !header) continue;
    if (header) {
      // A list header: it and the link items right after it.
      mark(units[i]!, 'recommend', 'a read-more header');
      // Its items are links; or titles whose links the page lost, when nothing but such lines follows.
      const titlesToEnd = units.every((_, j) => j <= i || emptyAt(j) || imageOnlyAt(j) || linkItemAt(j) || prompts[j] !== null || isTitleLine(j));
      for (let j = i + 1; j < n; j++) {
        if (!linkItemAt(j) && !(prompts[j] === 'recommend') && !(titlesToEnd && isTitleLine(j))) break;
        if (!emptyAt(j)) mark(units[j]!, 'recommend', linkItemAt(j) || prompts[j] ? 'a link under a read-more header' : 'a title under a read-more header');
      }
      continue;
    }
    if (proseAfter(i)) continue;
    const start = list ? 'a list of links to other articles after the last paragraph' : `asks (${asks[i]!.join(', ')}) after the last paragraph`;
    // What leads up to the prompt belongs to it: a slogan, a QR code or banner, the short lines set in
    // a look of their own (03: a course advertisement with no keyword until its last line), lines that
    // ask or lead on (答案预览：), an END mark or divider, a mini-program card, a list of articles.
    // Pictures with nothing to say what they are belong to it only up to a divider (31: a picture
    // between <hr> and the ask); else they stay.
    let pending: number[] = [];
    // The END mark at most four short lines above unit j: none a heading, none over 80 characters or
    // more than one sentence (a bio is a line or two; an afterword is paragraphs).
    const endAbove = (j: number) => {
      let lines = 0;
      for (let k = j; k > lastHead; k--) {
        if (emptyAt(k)) continue;
        const t = texts[k] ?? '';
        if (t !== '' && END_MARK.test(t)) return k;
        if (++lines > 4 || t.length > 80 || (t.match(/[。！？!?]/g)?.length ?? 0) > 1 || isHeading(units[k]!)) return null;
      }
      return null;
    };
    // A line set apart by its look alone is the tail's when an ad is in the run (03: the course's lines),
    // when it is an END mark (26: - EOF -), or when the text closed above it by a credit, an END mark or
    // an ask (seed: （来源：环球网）, then the account's slogan). Right under the prose it may be the
    // author's own last lines, a poem or a summary set in the centre: it stays, counted apart.
    const closedAbove = (j: number) => {
      for (let k = j - 1; k > lastHead; k--) {
        const t = texts[k] ?? '';
        if (emptyAt(k) || (t !== '' && t.length <= PROMPT_MAX && setApart(units[k]!))) continue;
        return found.has(units[k]!) || (t !== '' && (END_MARK.test(t) || CREDIT_LINE.test(t) || (asks[k]!.length > 0 && t.length <= PROMPT_MAX)));
      }
      return false;
    };
    // A banner's shape alone does not make a picture right above the closing asks theirs: the article may
    // lead on to it (最后附上一张全景图：), and a still picture above a call to like or share is as often the
    // article's last figure, a panorama or a wide chart, as a banner (a like animation is a GIF). A QR code's
    // shape beside the asks still does (27: the code under 答案预览：).
    const ledTo = (j: number) => {
      const k = step(j, -1);
      return k !== null && !found.has(units[k]!) && LEAD_LINE.test(texts[k] ?? '');
    };
    const underLike = (j: number) => {
      const k = step(j, 1);
      return k !== null && prompts[k] === 'like-tail' && !POINTS_UP.test(texts[k] ?? '');
    };
    // A square picture is a QR code by its shape when it is drawn as small as one, or when the run asks for
    // something a code gives (scan, add, join, reply, claim, buy: 27's 792 px code above 【直接获取】); above
    // 点击上方蓝字关注 alone, a 1080 px square is as likely the article's last photo.
    let codeAsked: boolean | undefined;
    const qrHere = (u: Element) => isQrLikeImage(u) && (isQrCode(u) || (codeAsked ??= asks.slice(i).some((a) => a.some((k) => CODE_ASKS.has(k)))));
    // 33: 1.主题… 2.题材… 3.稿件发至邮箱：…: the items before the numbered ask are the same call.
    const series = NUMBERED.test(texts[i] ?? '');
    // The short line right above a list of articles is its header, whatever it says (30: 往期精彩回顾).
    let headerSlot = true;
    // An ad in the run (an ask to claim or buy, a mini-program card): the lines that lead to it are its own.
    // Any ask of the ad family counts, first or not (扫码添加助理，回复【资料】免费领取 is a giveaway as much as a scan);
    // a prompt's family is its first ask's, so a prompt of the ad family is one of these.
    const adAsk = (k: number) => prompts[k] !== null && asks[k]!.some((a) => familyOf(a) === 'ad');
    let adBelow = adAsk(i);
    for (let j = i - 1; j > lastHead; j--) {
      const u = units[j]!;
      // An <hr> is empty, and a divider.
      if (emptyAt(j) && u.tagName !== 'HR') continue;
      const t = texts[j] ?? '';
      if (found.has(u)) {
        // A read-more header already taken is the list's header: the line above it is not.
        if (isHeader(j)) headerSlot = false;
        continue;
      }
      const short = t !== '' && t.length <= PROMPT_MAX && !isHeading(u) && !CREDIT_LINE.test(t);
      const divider = u.tagName === 'HR' || (t !== '' && END_MARK.test(t));
      let signal: string | null = null;
      let lead: (typeof AD_LEAD_RULES)[number] | undefined;
      if (imageOnlyAt(j) && (u.querySelector(ARTICLE_LINK) || qrHere(u) || (isBannerImage(u) && !ledTo(j) && !(underLike(j) && !isGif(u))))) signal = 'a QR code, banner, GIF or linked picture before the closing asks';
      // Here a line that only addresses the reader (欢迎向我的公众号投稿, 记得…) counts: alone at the end it is
      // unsure, in the run of the closing asks it is one of them.
      // A line that leads on without asking (资料预览：) is the run's when an ad is in it or the text closed above
      // it, as a line set apart is: right under the prose, 最后放一张合影： introduces the article's own picture.
      else if (short && (asks[j]!.length > 0 || (t.length <= 30 && LEAD_LINE.test(t) && (adBelow || closedAbove(j))))) signal = 'a line that asks or leads on, before the closing asks';
      // ▼ over the closing asks points at them; with them gone it points at nothing.
      else if (t !== '' && POINTER_LINE.test(t)) signal = 'a pointer at the closing asks';
      else if (short && adBelow && (lead = AD_LEAD_RULES.find((r) => testWords(r.name, r.re, t)))) signal = `${lead.name}, above an ad after the last paragraph`;
      else if (short && series && NUMBERED.test(t)) signal = 'an item of the numbered list the closing ask is in';
      else if (list && headerSlot && t.length <= 20 && !/[。！？!?]$/.test(t)) signal = 'the header of a list of other articles';
      else if (short && setApart(u) && (adBelow || divider || closedAbove(j))) signal = 'a short line set apart from the body, before the closing asks';
      else if (divider) signal = 'an END mark or divider before the closing asks';
      else if (isMiniProgram(u)) signal = 'a mini-program card before the closing asks';
      else if (listAt(j)) signal = 'a list of links to other articles';
      else if (imageOnlyAt(j)) {
        pending.push(j);
        continue;
      }
      headerSlot = false;
      // A picture's caption right under it (▲ 山顶的全景) is the figure's, and no doubt.
      const above = CAPTION.test(t) ? step(j, -1) : null;
      const caption = above !== null && imageOnlyAt(above);
      if (signal === null && short && !divider && !caption && setApart(u)) doubt.set(u, 'a short line set apart from the body, right under the prose, above the closing asks');
      if (signal === null) {
        // An END mark above says the article ended there: the few short lines between it and the asks
        // (an author's bio, a sign-off) are the tail's. Credit lines stay (编辑：张三, a name; not
        // 作者简介：老王，十年…, a bio in sentences); a long afterword is prose.
        const end = endAbove(j);
        if (end === null) {
          // Pictures between the prose and an ad (37: a picture above 点击【阅读原文】，马上报名吧！) may be its
          // poster or the article's last figure: nothing about them tells, so they stay, counted apart.
          if (adBelow) for (const k of pending) doubt.set(units[k]!, 'a picture between the prose and a closing ad, nothing else to tell');
          break;
        }
        for (let k = j; k >= end; k--) if (!emptyAt(k) && !found.has(units[k]!) && !(CREDIT_LINE.test(texts[k] ?? '') && !/[，。,]/.test(texts[k]!))) mark(units[k]!, fam!, k === end ? 'an END mark or divider before the closing asks' : 'between an END mark and the closing asks');
        for (const k of pending) mark(units[k]!, fam!, 'between an END mark and the closing asks');
        pending = [];
        j = end;
        continue;
      }
      if (divider) for (const k of pending) mark(units[k]!, fam!, 'a picture between a divider and the closing asks');
      // The pictures a line of the run leads on to are what it introduces (资料预览： then the preview).
      else if (t.length <= 30 && LEAD_LINE.test(t)) for (const k of pending) mark(units[k]!, fam!, 'a picture a line of the closing asks leads on to');
      pending = [];
      mark(u, fam!, signal);
      if (adAsk(j) || isMiniProgram(u)) adBelow = true;
    }
    for (let j = i; j < n; j++) if (!emptyAt(j)) mark(units[j]!, prompts[j] ?? fam!, j === i ? start : 'after the closing asks');
    break;
  }

  // Anywhere: an ad the publisher labels as one between marks (— 广告 —, 【推广】): the label and the ad's
  // blocks under it, its pictures and its short lines that ask, up to the prose that resumes. A section
  // titled 广告 with no marks, in an article about advertising, is a title.
  for (let i = 0; i < n; i++) {
    const t = texts[i] ?? '';
    if (found.has(units[i]!) || t === '' || t.length > 20 || !AD_LABEL.test(t) || !AD_LABEL_MARK.test(t)) continue;
    const ad: number[] = [];
    for (let j = i + 1; j < n; j++) {
      if (emptyAt(j)) continue;
      const short = (texts[j] ?? '').length <= PROMPT_MAX;
      if (imageOnlyAt(j) || (short && asks[j]!.length > 0 && !weakOnly[j]) || isMiniProgram(units[j]!)) ad.push(j);
      else break;
    }
    if (ad.length === 0) continue;
    mark(units[i]!, 'ad', 'the label of an ad');
    for (const j of ad) mark(units[j]!, 'ad', 'under the label of an ad');
  }

  // Anywhere: an ask to scan or claim beside its own image (21: 【福 利】, the QR code, 扫描上方图片二维码领取…).
  for (let i = 0; i < n; i++) {
    const t = texts[i] ?? '';
    if (found.has(units[i]!) || t === '' || t.length > PROMPT_MAX) continue;
    const imageAsks = asks[i]!.filter((a) => IMAGE_ASKS.has(a));
    if (imageAsks.length < 2) continue;
    const imageAt = (by: number) => {
      const j = step(i, by);
      return j !== null && imageOnlyAt(j) ? j : null;
    };
    const img = POINTS_UP.test(t) ? imageAt(-1) : POINTS_DOWN.test(t) ? imageAt(1) : (imageAt(-1) ?? imageAt(1));
    if (img === null) continue;
    const fam = familyOf(imageAsks[0]!);
    mark(units[i]!, fam, 'asks to scan or claim beside its image');
    mark(units[img]!, fam, 'the image of an ask to scan or claim');
    const label = first(Math.min(i, img) - 1, -1, n, (j) => (emptyAt(j) ? null : SECTION_LABEL.test(texts[j] ?? '') ? j : false));
    if (label !== null) mark(units[label]!, fam, 'the label of an ask beside its image');
  }

  // Anywhere: an editor widget's reading instructions (23: 向上滑动阅览), as small as they are.
  // Looked for in the text nodes of the blocks that have a hint's word only: a walk over every text
  // node was a seventh of the detector's first pass on a page (0.4 of 3 ms, Chromium).
  units.forEach((u, i) => {
    if (!UI_HINT_WORD.test(texts[i] ?? '')) return;
    const walker = root.ownerDocument.createTreeWalker(u, 4 /* NodeFilter.SHOW_TEXT */);
    for (let t = walker.nextNode(); t; t = walker.nextNode()) {
      const raw = t.textContent ?? '';
      if (raw.length > 40 || !UI_HINT.test(norm(raw)) || norm(raw) === '') continue;
      let el = t.parentElement;
      while (el && el.parentElement && el.parentElement !== root && textOf(el.parentElement) === textOf(el)) el = el.parentElement;
      if (el && el !== root) mark(el, 'hint', "an editor widget's reading hint");
    }
  });

  // A closing run of images that link to other articles (banners of 往期 articles, page 06).
  let runStart = n;
  while (runStart > 0 && texts[runStart - 1] === '') runStart--; // image-only or empty
  const from = Math.max(runStart, tailStart);
  const run = units.slice(from);
  if (run.some((u) => u.querySelector('a[href*="mp.weixin.qq.com/s"]') !== null)) {
    for (let j = from; j < n; j++) if (!emptyAt(j)) mark(units[j]!, 'recommend', 'closing pictures that link to other articles');
  }

  // An account card after the last paragraph, with the short lines that label it: the line right above
  // (↓↓↓ 推荐关注 ↓↓↓) and a slogan right below, whatever they say. Not a sentence that introduces the
  // card mid-article (prose follows it), nor a title.
  for (const card of Array.from(found.keys()).filter((el) => found.get(el) === 'account-card')) {
    const after = units.findIndex((u) => precedes(card, u) && !card.contains(u));
    const at = after < 0 ? n : after;
    if (at < tailStart || (at < n && proseAfter(at - 1))) continue;
    const label = (j: number | null) => j !== null && !found.has(units[j]!) && isSlogan(units[j]!) && !isHeading(units[j]!) && !NUMBERED.test(texts[j] ?? '') && !CREDIT_LINE.test(texts[j] ?? '');
    const above = step(at, -1);
    if (label(above) && (above ?? 0) >= tailStart) mark(units[above!]!, 'account-card', 'the line that labels an account card after the last paragraph');
    const below = at < n ? (emptyAt(at) ? step(at, 1) : at) : null;
    if (label(below)) mark(units[below!]!, 'account-card', 'the line that labels an account card after the last paragraph');
  }

  // A call to comment or a line that addresses the reader, at the end and alone: may be promotion.
  for (let i = tailStart; i < n; i++) if (weakOnly[i] && (texts[i] ?? '').length <= PROMPT_MAX && !inFound(units[i]!) && !proseAfter(i)) doubt.set(units[i]!, `only addresses the reader (${asks[i]!.join(', ')}) after the last paragraph`);
  markDecoration(root, units, texts, mediaAt, runs, found, inFound, why, doubt);
  if (unsure) for (const [el, signal] of doubt) if (!inFound(el)) unsure.push({ el, family: el.tagName === 'IMG' ? 'decoration' : 'like-tail', signals: [signal] });

  return Array.from(found, ([el, family]) => ({ el, family, signals: why.get(el) ?? [family] })).sort((a, b) => (a.el === b.el ? 0 : precedes(a.el, b.el) ? -1 : 1));
}

/** Share of the article's text a block must hold to be the one the article was written in. */
const COMPOSED_SHARE = 0.9;

/**
 * The article's text was written in one block (an editor's section, 19's mdnice, 22's 135editor) and the
 * picture stands after it, outside: the largest block that ends with the last line and does not hold the
 * picture holds nearly all the text, in more than one paragraph. On the corpus every picture after such a
 * block is the account's (19, 22, 26, 35); in a page of flat paragraphs (handmade/gif-clips), or with the
 * picture inside the block, nothing is told.
 */
function outsideComposedBlock(root: Element, lastText: Node, img: Element): boolean {
  let block: Element | null = null;
  for (let el = lastText.parentElement; el !== null && el !== root && !el.contains(img); el = el.parentElement) block = el;
  if (block === null) return false;
  // More than one paragraph, under any number of one-child wrappers: not a lone line in a box.
  const written = (el: Element) => Array.from(el.children).filter(hasText);
  let kids = written(block);
  while (kids.length === 1) kids = written(kids[0]!);
  if (kids.length < 2) return false;
  const size = (el: Element) => (el.textContent ?? '').replace(SPACES, '').length;
  return size(block) >= COMPOSED_SHARE * size(root);
}

/** Decoration: by the image's own look anywhere, and by its place at the edges of the text. */
function markDecoration(
  root: Element,
  units: readonly Element[],
  texts: readonly string[],
  mediaAt: (i: number) => boolean,
  runs: () => Set<Element>,
  found: Map<Element, PromoFamily>,
  inFound: (el: Element) => boolean,
  why: Map<Element, string[]>,
  doubt: Map<Element, string>,
): void {
  // Each image's facts once: the rules below and the decoration rules read the same attributes.
  const facts = Array.from(root.querySelectorAll('img'), imageFacts);
  const decor = decorativeImages(root, facts);
  units.forEach((u, i) => {
    if (isOrnamentPair(u, texts[i] ?? '')) for (const img of Array.from(u.querySelectorAll('img'))) decor.set(img, 'an ornament pair');
    else if (isTitleAvatar(u, texts[i] ?? '')) decor.set(u.getElementsByTagName('img')[0]!, 'an avatar beside a short title');
  });
  const { firstText, lastText } = textEdges(root);
  const lastBlock = lastText?.parentElement?.closest('p, section, h1, h2, h3, h4, h5, h6, li, blockquote, div') ?? null;
  const lastLine = lastBlock ? textOf(lastBlock) : '';
  // The article's text closes with promotion, an END mark or a credit line: the images after it are not the
  // article's. Only after a paragraph's worth of text: a comic whose only words are its credit or a follow prompt above
  // the panels has closed nothing; nor has a credit for the pictures that follow it (图 | 张三).
  // The text of the blocks not taken, the last line's aside.
  let bodyText = lastBlock === null || inFound(lastBlock) ? 0 : -lastLine.length;
  units.forEach((u, i) => {
    if (!inFound(u)) bodyText += (texts[i] ?? '').length;
  });
  const closed = lastBlock !== null && bodyText >= PROSE_PARAGRAPH && (inFound(lastBlock) || END_MARK.test(lastLine) || (CREDIT_LINE.test(lastLine) && !PICTURE_CREDIT.test(lastLine)));
  // A last line that leads on to what is below (下图是…： / 如下图) introduces the pictures after it.
  const leads = lastBlock !== null && !inFound(lastBlock) && (LEAD_LINE.test(lastLine) || POINTS_DOWN.test(lastLine));
  for (const f of facts) {
    const img = f.img;
    if (decor.has(img) || inFound(img)) continue;
    if (f.src === '' || /res\.wx\.qq\.com/.test(f.src)) continue;
    const beforeText = firstText === null || precedes(img, firstText);
    const afterText = lastText === null || precedes(lastText, img);
    // A GIF above the text is a decoration when it is a strip (a follow banner); any other may be the
    // article's first picture, small ones too (handmade/gif-first: a 240 px clip opens a pet story), and a
    // clip in a film's wide frame (handmade/film-clip-first: 2.35:1); a follow animation beside its ask is
    // the head rule's, an icon the decoration rules'.
    // One strip or GIF banner, not a run of them: a strip comic's panels are as wide.
    const banner = (f.ratio < THIN || (f.gif && f.ratio < WIDER_THAN_FILM)) && !runs().has(img);
    if (beforeText && banner) decor.set(img, 'a strip or GIF banner above the text');
    // After the last line, as above it: a strip, or a GIF banner. A still picture wider than two to one may
    // be a panorama or a chart, and stays.
    else if (afterText && (img.closest(ARTICLE_LINK) || (!leads && (closed || banner)))) decor.set(img, 'after the closing line');
    // A GIF after the last line may be the account's closing animation (19) or a clip that illustrates
    // the line (handmade/gif-clips). Outside the block the article was written in, it was added after the
    // article (19: after the mdnice section); otherwise nothing about it tells, so it stays, counted apart.
    // A run of them is a story.
    else if (afterText && f.gif && !leads && !runs().has(img)) {
      if (lastText !== null && outsideComposedBlock(root, lastText, img)) decor.set(img, 'a GIF added after the block the article was written in');
      else doubt.set(img, 'a GIF after the last line, nothing else to tell');
    }
  }
  // A strip stacked on a decoration is part of it (06: two dividers under the summary). The units' texts
  // are known: image-only is "no text, some media", without reading each unit's text again.
  if (decor.size > 0) {
    const imageOnly = units.map((_, i) => (texts[i] ?? '') === '' && mediaAt(i));
    const empty = units.map((u, i) => (texts[i] ?? '') === '' && !imageOnly[i]);
    const decorated = units.map((u, i) => imageOnly[i]! && imagesOf(u).some((img) => decor.has(img)));
    const near = (i: number, step: number) => first(i + step, step, units.length, (j) => (empty[j] ? null : decorated[j]!));
    units.forEach((u, i) => {
      if (!imageOnly[i] || decorated[i]) return;
      const imgs = imagesOf(u);
      if (!imgs.every((img) => imageFacts(img).ratio < THIN && !runs().has(img))) return;
      if (near(i, -1) || near(i, 1)) for (const img of imgs) decor.set(img, 'stacked on a decoration');
    });
  }
  for (const [img, rule] of decor) {
    if (inFound(img) || (ABLATED.size > 0 && ABLATED.has(rule))) continue;
    found.set(img, 'decoration');
    why.set(img, [rule]);
    doubt.delete(img);
  }
}

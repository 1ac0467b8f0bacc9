/**
 * Promotion inside the article: the publisher's ads, follow prompts, "往期推荐" lists, "点个在看"
 * tails and account cards. Decided by structure and text together: a keyword counts only in a
 * short block at the start or the end of the content, never by text alone in the middle.
 * The same detector hides blocks on the page and leaves them out of the export.
 */

export type PromoFamily = 'ad' | 'follow' | 'recommend' | 'like-tail' | 'account-card';
export const PROMO_FAMILIES: readonly PromoFamily[] = ['ad', 'follow', 'recommend', 'like-tail', 'account-card'];

export interface PromoBlock {
  el: Element;
  family: PromoFamily;
}

/** Keyword patterns, each with the family it signals and an example from the corpus or seed. */
const TRIGGERS: readonly { family: PromoFamily; re: RegExp; example: string }[] = [
  { family: 'ad', re: /扫码订阅|邮发代号|征订热线|订阅热线|订阅电话|点击下图\s*了解详情/, example: 'seed: 扫码订阅《中国信息安全》' },
  {
    family: 'follow',
    re: /长按(识别|扫描)?(图中)?二维码|扫码关注|扫描(下方)?二维码|点击(上方|下方)?(蓝字|卡片)?\s*关注|关注我们|欢迎关注|关注(本|该)?(公众号|本号)|设为星标|星标(公众号|我们)|抖音号|视频号/,
    example: 'seed: 欢迎关注《中国信息安全》杂志官方抖音号; 16: 点击上方蓝字关注维客笔记',
  },
  { family: 'like-tail', re: /点个?(赞|在看)|记得点个?赞|点赞.{0,4}(在看|分享|转发)|(在看|分享|转发).{0,4}点赞|一键三连|感谢关注\s*\/\s*点赞/, example: '04: 如果觉得还不错，记得点个赞' },
];

/** Headers of "recommended reading" lists; the list items that follow are links or images. */
const RECOMMEND_HEADER = /^[\s▼▲•·\-—|【\[]*(往期推荐|推荐阅读|往期回顾|往年回顾|往期精选|精彩回顾|相关阅读|相关文章|历史文章|热文推荐|近期热文|更多阅读|精彩推荐)[\s:：】\]]*/;

const ACCOUNT_CARD = '.mp_profile_iframe_wrp, mp-common-profile';

/** A block is "short" enough to be a prompt rather than prose. */
const PROMPT_MAX = 60;
/** Text that long after a tail trigger means the trigger was not the start of a tail. */
const PROSE_MIN = 100;
/** How far from the start or end a keyword is looked for. */
const HEAD_UNITS = 10;
const TAIL_UNITS = 25;

const norm = (s: string | null) => (s ?? '').replace(/[\s\u00a0\u200b]+/g, ' ').trim();
const textOf = (el: Element) => norm(el.textContent);
/** textOf(el) !== '', without building the normalized text. */
const hasText = (el: Element) => /[^\s\u00a0\u200b]/.test(el.textContent ?? '');
const CONTAINERS = new Set(['SECTION', 'DIV', 'SPAN', 'CENTER', 'ARTICLE']);

function hasMedia(el: Element): boolean {
  return el.matches('img, svg, iframe, video, mpvoice, qqmusic, mp-common-mpaudio') || el.querySelector('img, iframe, video, mpvoice, qqmusic, mp-common-mpaudio, mp-common-profile') !== null;
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
    if (!CONTAINERS.has(el.tagName)) return false;
    const raw = el.textContent ?? '';
    if (raw.length <= 200 || norm(raw).length <= 200) return false;
    let meaningful = 0;
    for (const kid of Array.from(el.children)) if (isMeaningful(kid) && ++meaningful >= 2) return true;
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

function trigger(text: string): PromoFamily | null {
  if (text === '' || text.length > PROMPT_MAX) return null;
  for (const t of TRIGGERS) if (t.re.test(text)) return t.family;
  return null;
}

function isQrLikeImage(el: Element): boolean {
  const imgs = el.matches('img') ? [el] : Array.from(el.querySelectorAll('img'));
  return imgs.some((img) => {
    const ratio = Number(img.getAttribute('data-ratio'));
    return Number.isFinite(ratio) && ratio >= 0.8 && ratio <= 1.25;
  });
}

const isEmpty = (el: Element) => !isMeaningful(el);
const isImageOnly = (el: Element) => !hasText(el) && hasMedia(el);
/** A slogan line: short and not a finished sentence. */
const isSlogan = (el: Element) => {
  const t = textOf(el);
  return t !== '' && t.length <= 30 && !/[。！？!?]$/.test(t);
};

function isLinkItem(el: Element): boolean {
  if (isEmpty(el)) return true;
  const t = textOf(el);
  const linkText = norm(Array.from(el.querySelectorAll('a')).map((a) => a.textContent).join(''));
  // A list of links is one item however long; a paragraph is an item while it is a title-sized link.
  const maxLen = el.matches('ul, ol') ? Infinity : 120;
  if (t !== '' && linkText.length >= t.length * 0.5 && t.length <= maxLen) return true;
  return isImageOnly(el) && el.querySelector('a[href]') !== null;
}

/** Every promotion block in the content root, in document order. */
export function findPromotion(root: Element): PromoBlock[] {
  const found = new Map<Element, PromoFamily>();
  const mark = (el: Element, family: PromoFamily) => {
    if (!found.has(el)) found.set(el, family);
  };

  // Account cards are recognised by structure alone, wherever they are.
  for (const card of Array.from(root.querySelectorAll(ACCOUNT_CARD))) {
    mark(card.closest('.mp_profile_iframe_wrp') ?? card, 'account-card');
  }

  const units = contentUnits(root).filter((u) => !found.has(u));
  const texts = units.map(textOf);
  const n = units.length;

  // Head: keyword blocks before the first paragraph of prose, and the images among them.
  let firstProse = units.findIndex((_, i) => (texts[i] ?? '').length >= 40 && trigger(texts[i] ?? '') === null);
  if (firstProse < 0) firstProse = n;
  const headEnd = Math.min(firstProse, HEAD_UNITS);
  let lastHeadTrigger = -1;
  for (let i = 0; i < headEnd; i++) if (trigger(texts[i] ?? '')) lastHeadTrigger = i;
  for (let i = 0; i <= lastHeadTrigger; i++) {
    const u = units[i]!;
    const fam = trigger(texts[i] ?? '');
    if (fam) mark(u, fam);
    else if (isImageOnly(u)) mark(u, 'ad');
  }

  // Tail: from the first keyword block on, when nothing after it reads as prose.
  const tailStart = Math.max(lastHeadTrigger + 1, Math.floor(n / 2), n - TAIL_UNITS);
  for (let i = tailStart; i < n; i++) {
    const fam = trigger(texts[i] ?? '');
    const header = RECOMMEND_HEADER.test(texts[i] ?? '') && (texts[i] ?? '').length <= PROMPT_MAX;
    if (!fam && !header) continue;
    const rest = units.slice(i + 1);
    if (header) {
      // A list header: it and the link items right after it.
      mark(units[i]!, 'recommend');
      for (const u of rest) {
        if (!isLinkItem(u)) break;
        if (!isEmpty(u)) mark(u, 'recommend');
      }
      continue;
    }
    if (texts.slice(i + 1).some((t) => t.length >= PROSE_MIN)) continue;
    // Short blocks glued to the first keyword block (a slogan, a QR image) belong to it.
    for (let j = i - 1; j > lastHeadTrigger; j--) {
      const u = units[j]!;
      if (isEmpty(u) || !(isSlogan(u) || (isImageOnly(u) && isQrLikeImage(u)))) break;
      mark(u, fam!);
    }
    for (let j = i; j < n; j++) if (!isEmpty(units[j]!)) mark(units[j]!, trigger(texts[j] ?? '') ?? fam!);
    break;
  }

  // A closing run of images that link to other articles (banners of 往期 articles, page 06).
  let runStart = n;
  while (runStart > 0 && (isImageOnly(units[runStart - 1]!) || isEmpty(units[runStart - 1]!))) runStart--;
  const run = units.slice(Math.max(runStart, tailStart));
  if (run.some((u) => u.querySelector('a[href*="mp.weixin.qq.com/s"]') !== null)) {
    for (const u of run) if (!isEmpty(u)) mark(u, 'recommend');
  }

  return Array.from(found, ([el, family]) => ({ el, family })).sort((a, b) =>
    a.el === b.el ? 0 : a.el.compareDocumentPosition(b.el) & 4 /* FOLLOWING */ ? -1 : 1,
  );
}

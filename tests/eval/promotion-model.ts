/**
 * A small learned model over the detector's own signals, measured the honest way: leave one account
 * out (LOAO). Each labelled page's content is cut into the detector's units (contentUnits); a unit is a
 * promotion example when it holds a label's promotion string or is a picture the label names, a content
 * example when it holds a content string or a picture the label does not name. Its features are what
 * the detector already computes: the signals that hid it or left it unsure (data-wac-signals), the asks
 * of its text (promotion-signals.ts), where it stands (before the first paragraph of prose, after the
 * last), its length, pictures, links and look. A logistic regression (L2, full-batch gradient descent)
 * is fit on every account but one and scores that one's units; summed over the accounts.
 *
 * Printed next to it, on the same strings and pictures: the rules alone, and the rules with the model
 * deciding the blocks the rules are unsure of. The model ships only if it matches or beats the rules
 * with no content hidden; see tests/README.md for the last figures.
 *
 * Usage: npx tsx tests/eval/promotion.ts --loao   (or this file directly)
 */
import { JSDOM, VirtualConsole } from 'jsdom';
import { contentUnits, findPromotion, lookOf, type PromoBlock } from '../../utils/clean/promotion';
import { ASK_RULES, asksOf } from '../../utils/clean/promotion-signals';
import { readAccount } from '../../utils/page/account';
import { scriptVars } from '../../utils/page/script-vars';
import { handmadeHtml, pageHtml, pageUrl } from '../fixtures';
import type { Label } from '../label-check';

/** Signal words → feature: the rule families of promotion.ts, by what their signals say. */
const SIGNAL_FEATURES: readonly [string, RegExp][] = [
  ['rule:head', /before the first paragraph|at the top|above everything/],
  ['rule:tail-start', /after the last paragraph/],
  ['rule:before-closing', /before the closing asks|header of a list|numbered list|list of links|above an ad/],
  ['rule:after-closing', /after the closing asks|between a divider/],
  ['rule:read-more', /read-more header/],
  ['rule:image-ask', /beside its image|image of an ask|label of an ask/],
  ['rule:card', /account card|mini-program/],
  ['rule:decoration', /strip|GIF|icon|divider|ornament|decoration|closing line|closing pictures/],
  ['rule:hint', /reading hint/],
  ['rule:unsure-reader', /only addresses the reader/],
  ['rule:unsure-gif', /a GIF after the last line/],
];

export const FEATURES: readonly string[] = [
  'bias',
  ...SIGNAL_FEATURES.map(([n]) => n),
  ...ASK_RULES.map((r) => `ask:${r.ask}`),
  'pos:head',
  'pos:tail',
  'pos:relative',
  'len:log',
  'len:short',
  'len:prompt',
  'len:long',
  'media',
  'image-only',
  'link:article',
  'link:dense',
  'look:center',
  'look:background',
  'punct:sentence-end',
  'punct:question',
  'punct:none',
];

/** Whitespace runs as one space, trimmed: how the eval scripts read a block's text. */
export const norm = (s: string | null) => (s ?? '').replace(/[\s\u00a0\u200b]+/g, ' ').trim();

interface Unit {
  x: number[];
  /** 1 promotion, 0 content, null unlabelled. */
  y: 0 | 1 | null;
  rulesHidden: boolean;
  unsure: boolean;
}

/** The units of one page with their features, and which of them hold which label string or picture. */
export interface PageUnits {
  name: string;
  account: string;
  units: Unit[];
  /** Per label string or picture: the unit it is in (-1: in none, or across several), promotion or not, hidden by the rules. */
  items: { unit: number; promo: boolean; image: boolean; rulesHidden: boolean }[];
}

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA']);
function textOf(el: Element): string {
  if (SKIP.has(el.tagName)) return '';
  let s = '';
  for (const c of Array.from(el.childNodes)) s += c.nodeType === 3 ? (c as Text).data : c.nodeType === 1 ? textOf(c as Element) : '';
  return s;
}
/** page-check.mjs's holder (the scoreboard's): the smallest element whose text holds the string; null when it is not there. */
export function holder(root: Element, str: string): Element | null {
  const t = norm(str);
  if (!norm(textOf(root)).includes(t)) return null;
  let el = root;
  for (;;) {
    const next = Array.from(el.children).find((c) => norm(textOf(c)).includes(t));
    if (!next) return el;
    el = next;
  }
}

export function pageUnits(name: string, l: Label): PageUnits | null {
  const html = pageHtml(name);
  return unitsOf(name, html, pageUrl(html, name), l);
}

// The pages' own style sheets: jsdom cannot parse some, and says so per page; no rule here reads them.
const quiet = new VirtualConsole();
/** A saved page as a document at its address, for the eval scripts. */
export const loadPage = (html: string, url: string) => new JSDOM(html, { url, virtualConsole: quiet }).window.document;
/** The account a page belongs to, as leave-one-account-out groups pages: its __biz, else its user name. */
export function accountOf(doc: Document, url: string, fallback: string): string {
  const id = readAccount(doc, scriptVars(doc), url);
  return id.biz || id.user || fallback;
}

function unitsOf(name: string, html: string, url: string, l: Pick<Label, 'must' | 'must_not' | 'promo_images'>): PageUnits | null {
  const doc = loadPage(html, url);
  const root = doc.getElementById('js_content');
  if (!root) return null;
  const unsure: PromoBlock[] = [];
  const found = findPromotion(root, unsure);
  const units = contentUnits(root);
  const texts = units.map((u) => norm(u.textContent));
  const prose = texts.map((t) => t.length >= 40);
  const firstProse = prose.indexOf(true);
  const lastProse = prose.lastIndexOf(true);
  const touches = (u: Element, b: PromoBlock) => b.el === u || u.contains(b.el) || b.el.contains(u);
  const out: Unit[] = units.map((u, i) => {
    const t = texts[i]!;
    const mine = found.filter((b) => touches(u, b));
    const doubts = unsure.filter((b) => touches(u, b));
    const signals = [...mine, ...doubts].flatMap((b) => b.signals).join(' | ');
    const asks = t && t.length <= 300 ? asksOf(t) : [];
    const imgs = u.matches('img') ? [u] : Array.from(u.querySelectorAll('img'));
    const links = Array.from(u.querySelectorAll('a[href*="mp.weixin.qq.com/s"]'));
    const linkText = links.map((a) => norm(a.textContent)).join('').length;
    const look = lookOf(u);
    const f: Record<string, number> = {
      bias: 1,
      'pos:head': firstProse >= 0 && i < firstProse ? 1 : 0,
      'pos:tail': lastProse >= 0 && i > lastProse ? 1 : 0,
      'pos:relative': units.length > 1 ? i / (units.length - 1) : 0,
      'len:log': Math.log1p(t.length) / 6,
      'len:short': t !== '' && t.length <= 30 ? 1 : 0,
      'len:prompt': t !== '' && t.length <= 60 ? 1 : 0,
      'len:long': t.length > 300 ? 1 : 0,
      media: imgs.length > 0 || u.querySelector('iframe, video, mpvoice, mp-common-mpaudio') ? 1 : 0,
      'image-only': t === '' && imgs.length > 0 ? 1 : 0,
      'link:article': links.length > 0 ? 1 : 0,
      'link:dense': t !== '' && linkText * 2 >= t.length ? 1 : 0,
      'look:center': /text-align:center/.test(look) ? 1 : 0,
      'look:background': /background(-color)?:(?!transparent|#fff\b|#ffffff|rgb\(255,255,255\)|white|none)/.test(look) ? 1 : 0,
      'punct:sentence-end': /[。！!]$/.test(t) ? 1 : 0,
      'punct:question': /[？?]$/.test(t) ? 1 : 0,
      'punct:none': t !== '' && !/[。！？!?，,；;：:]/.test(t) ? 1 : 0,
    };
    for (const [n, re] of SIGNAL_FEATURES) f[n] = re.test(signals) ? 1 : 0;
    for (const r of ASK_RULES) f[`ask:${r.ask}`] = asks.includes(r.ask) ? 1 : 0;
    return { x: FEATURES.map((n) => f[n] ?? 0), y: null, rulesHidden: mine.length > 0, unsure: doubts.length > 0 && mine.length === 0 };
  });
  const unitOf = (el: Element) => units.findIndex((u) => u === el || u.contains(el));
  const items: PageUnits['items'] = [];
  const hiddenByRules = (el: Element) => found.some((b) => b.el === el || b.el.contains(el));
  const add = (el: Element | null, promo: boolean, image: boolean) => {
    if (!el || el === root) return;
    const unit = unitOf(el);
    items.push({ unit, promo, image, rulesHidden: hiddenByRules(el) });
    if (unit < 0) return;
    const u = out[unit]!;
    // A unit with both kinds of item is no clean example.
    u.y = u.y === null ? (promo ? 1 : 0) : u.y === (promo ? 1 : 0) ? u.y : null;
    if (u.y === null) (u as { mixed?: boolean }).mixed = true;
  };
  for (const s of l.must) add(holder(root, s), false, false);
  for (const s of l.must_not) add(holder(root, s), true, false);
  for (const img of Array.from(root.querySelectorAll('img'))) {
    const src = img.getAttribute('data-src') || img.getAttribute('src') || '';
    add(img, l.promo_images.some((p) => p && src.includes(p)), true);
  }
  for (const u of out) if ((u as { mixed?: boolean }).mixed) u.y = null;
  return { name, account: accountOf(doc, url, name), units: out, items };
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
const dot = (w: readonly number[], x: readonly number[]) => w.reduce((s, wi, i) => s + wi * x[i]!, 0);

/** Logistic regression, L2 on all but the bias; classes weighted equally (content outnumbers promotion). */
export function fit(rows: readonly { x: number[]; y: 0 | 1 }[], lambda = 0.01, steps = 600, rate = 0.5): number[] {
  const d = rows[0]?.x.length ?? FEATURES.length;
  const w = new Array<number>(d).fill(0);
  const pos = rows.filter((r) => r.y === 1).length;
  const neg = rows.length - pos;
  const weight = (y: number) => (y === 1 ? rows.length / (2 * Math.max(pos, 1)) : rows.length / (2 * Math.max(neg, 1)));
  for (let s = 0; s < steps; s++) {
    const g = new Array<number>(d).fill(0);
    for (const r of rows) {
      const e = (sigmoid(dot(w, r.x)) - r.y) * weight(r.y);
      for (let i = 0; i < d; i++) g[i]! += e * r.x[i]!;
    }
    for (let i = 0; i < d; i++) w[i]! -= rate * (g[i]! / rows.length + (i === 0 ? 0 : lambda * w[i]!));
  }
  return w;
}

interface Tally {
  promo: number;
  promoHidden: number;
  content: number;
  contentHidden: number;
  promoImg: number;
  promoImgHidden: number;
  img: number;
  imgHidden: number;
}
const tally = (): Tally => ({ promo: 0, promoHidden: 0, content: 0, contentHidden: 0, promoImg: 0, promoImgHidden: 0, img: 0, imgHidden: 0 });
function count(t: Tally, item: { promo: boolean; image: boolean }, hidden: boolean): void {
  if (item.image && item.promo) (t.promoImg++, hidden && t.promoImgHidden++);
  else if (item.image) (t.img++, hidden && t.imgHidden++);
  else if (item.promo) (t.promo++, hidden && t.promoHidden++);
  else (t.content++, hidden && t.contentHidden++);
}
const line = (title: string, t: Tally) =>
  `${title.padEnd(44)} promotion strings hidden ${t.promoHidden}/${t.promo} (${((100 * t.promoHidden) / Math.max(t.promo, 1)).toFixed(1)}%) · content strings hidden ${t.contentHidden}/${t.content} · promotion images hidden ${t.promoImgHidden}/${t.promoImg} · content images hidden ${t.imgHidden}/${t.img}`;

/** LOAO: every account's pages scored by a model fit on the others; the rules on the same items. */
export function loao(pages: readonly PageUnits[], threshold = 0.5): string[] {
  const rules = tally();
  const model = tally();
  const decider = tally();
  const accounts = [...new Set(pages.map((p) => p.account))];
  for (const account of accounts) {
    const train = pages.filter((p) => p.account !== account).flatMap((p) => p.units.filter((u) => u.y !== null) as { x: number[]; y: 0 | 1 }[]);
    const w = fit(train);
    for (const p of pages.filter((q) => q.account === account)) {
      const says = p.units.map((u) => sigmoid(dot(w, u.x)) >= threshold);
      for (const item of p.items) {
        const m = item.unit >= 0 && says[item.unit]!;
        count(rules, item, item.rulesHidden);
        count(model, item, m);
        count(decider, item, item.rulesHidden || (item.unit >= 0 && p.units[item.unit]!.unsure && m));
      }
    }
  }
  return [
    `leave-one-account-out over ${accounts.length} accounts, ${pages.length} pages (threshold ${threshold}):`,
    line('  rules alone (hand-written, fit to no data)', rules),
    line('  model alone (LOAO)', model),
    line('  rules + model deciding unsure blocks (LOAO)', decider),
  ];
}

/** The weights fit on every page, by feature, for reading. */
export function weights(pages: readonly PageUnits[]): string {
  const w = fit(pages.flatMap((p) => p.units.filter((u) => u.y !== null) as { x: number[]; y: 0 | 1 }[]));
  return FEATURES.map((n, i) => [n, w[i]!] as const)
    .sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]))
    .map(([n, v]) => `${n} ${v.toFixed(2)}`)
    .join(' · ');
}

/** Hand-made pages of the kinds of article that must stay whole: every picture and every sentence shown
 *  (tests/unit/promotion-content.test.ts); `promo` is the one line on them that is promotion. */
export const MUST_STAY: { name: string; what: string; promo?: string }[] = [
  { name: 'comic', what: 'a comic: 8 panels of one size in one block before any prose, one panel repeated', promo: '点击上方蓝字关注我们' },
  { name: 'photo-story', what: 'a photo story opening with an animated photo (__bg_gif) and a run of same-size photos' },
  { name: 'chart-strips', what: 'a run of thin charts of one size among prose' },
  { name: 'picture-first-essay', what: 'an essay that opens with a wide picture and a panorama strip' },
  { name: 'gif-clips', what: 'a gossip article whose GIF clips (__bg_gif) illustrate the sentence before them, one after the last line' },
  { name: 'gif-first', what: 'a pet article that opens with two small GIF clips (240 and 280 px) before any text, and shows the first again' },
  { name: 'film-clip-first', what: 'a film essay that opens with a GIF clip in the film\'s own wide frame (2.35:1), before any text' },
  { name: 'emoji-inline', what: 'an emoji and a small sticker inside sentences' },
  { name: 'strip-comic', what: 'a strip comic: six GIF strips of one size under a follow prompt, no prose at all', promo: '点击上方蓝字关注我们' },
  { name: 'credit-comic', what: 'a comic whose only words are its title and its credit (文/图), above the panels' },
  { name: 'credited-photos', what: 'a photo story: a wide picture after the line that leads to it, then a credit for the photos (摄影｜) and the photos after it' },
];

/** The model fit on every labelled page, as the decider of unsure blocks, on the must-stay pages: pictures it would hide. */
export function mustStay(pages: readonly PageUnits[], threshold = 0.5): string {
  const w = fit(pages.flatMap((p) => p.units.filter((u) => u.y !== null) as { x: number[]; y: 0 | 1 }[]));
  const lost: string[] = [];
  let total = 0;
  for (const { name } of MUST_STAY) {
    const p = unitsOf(name, handmadeHtml(name), 'https://mp.weixin.qq.com/s/handmade', { must: [], must_not: [], promo_images: [] });
    if (!p) continue;
    for (const item of p.items) {
      total++;
      const u = item.unit >= 0 ? p.units[item.unit]! : null;
      if (item.rulesHidden || (u?.unsure && sigmoid(dot(w, u.x)) >= threshold)) lost.push(name);
    }
  }
  return `hand-made pages that must stay whole (${MUST_STAY.map((k) => k.name).join(', ')}): rules + model deciding unsure blocks hide ${lost.length}/${total} of their pictures${lost.length ? ` (${lost.join(', ')})` : ''}`;
}

/**
 * A held-out figure for hand-written rules: leave one account out by taking away what only that
 * account's pages support.
 *
 * The detector's rules were written while reading these pages, so scoring them on the same pages says
 * how well they fit, not how they do on a page never seen. A rule that hides promotion on the pages of
 * two or more accounts would have been written without any one of them; a rule, or one alternative of
 * a word list (ASK_RULES' `关注我们|欢迎关注|…`, the read-more headers, the ad-lead lines), that hides
 * promotion on one account's pages only is taken to be fit to that account. So each account's pages are
 * scored by the detector without the rules only it supports (promotion-signals.ts ABLATED), summed over
 * the accounts, strings and pictures, on the page and in the note.
 *
 * Support: a labelled promotion string or picture hidden by a marked block supports that block's
 * signals (data-wac-signals, by name) and, when one of its signals is not merely inherited ("after the
 * closing asks", "a link under a read-more header"), every word alternative its text matches.
 * Two grains: a word list's alternatives one by one (a list of words grows by them: the figure we hold
 * ourselves to), and each kind of ask whole (kinder: a synonym the corpus never showed still counts).
 * An estimate either way: over-counted support makes it kinder than the truth; a word every account
 * uses (阅读原文 is WeChat's own button) that only one account shows here makes it harsher.
 *
 * Usage: npx tsx tests/eval/rule-ablation.ts   (npm run eval:promotion -- --held-out)
 */
import { PROMO_ATTR, PROMO_SIGNALS_ATTR } from '../../utils/clean/chrome-rules';
import { ABLATED, AD_LEAD_RULES, ASK_RULES, HEAD_SLOGAN, RECOMMEND_HEADER, signalName, wordAlternatives } from '../../utils/clean/promotion-signals';
import { pageHtml, pageUrl } from '../fixtures';
import type { Label } from '../label-check';
import { accountOf, holder, loadPage, norm } from './promotion-model';
import { markPage, scorePage, type PageScore } from './promotion';

/** Every word list the detector reads, by the name testWords() knows it under. */
const WORD_RULES: readonly [string, RegExp][] = [
  ...ASK_RULES.map((r): [string, RegExp] => [`ask:${r.ask}`, r.re]),
  ['header', RECOMMEND_HEADER],
  ...AD_LEAD_RULES.map((r): [string, RegExp] => [r.name, r.re]),
  [HEAD_SLOGAN.name, HEAD_SLOGAN.re],
];
const ALTERNATIVES = WORD_RULES.flatMap(([name, re]) => wordAlternatives(re).map((alt, i) => ({ unit: `${name}#${i}`, alt })));
const KINDS = WORD_RULES.map(([unit, alt]) => ({ unit, alt }));
/** Signals a block gets from the block that decided the run it is in: they add no words of their own. */
const INHERITED = new Set(['after the closing asks', 'a link under a read-more header']);

interface PageSupport {
  name: string;
  account: string;
  /** Rule units that hid this page's labelled promotion. */
  units: Set<string>;
}

/** What a word rule counts as: each alternative of a list, or each kind of ask whole. */
export type Grain = 'alternative' | 'kind';

export function pageSupport(name: string, l: Label, grain: Grain): PageSupport {
  const words = grain === 'kind' ? KINDS : ALTERNATIVES;
  const html = pageHtml(name);
  const url = pageUrl(html, name);
  const doc = loadPage(html, url);
  const account = accountOf(doc, url, name);
  markPage(doc);
  const units = new Set<string>();
  const root = doc.getElementById('js_content');
  const support = (el: Element | null) => {
    const block = el?.closest(`[${PROMO_ATTR}]`);
    if (!block) return;
    const signals = (block.getAttribute(PROMO_SIGNALS_ATTR) ?? '').split('; ').filter(Boolean).map(signalName);
    for (const s of signals) units.add(s);
    if (signals.every((s) => INHERITED.has(s))) return;
    const text = norm(block.textContent);
    for (const w of words) if (w.alt.test(text)) units.add(w.unit);
  };
  if (root) {
    for (const s of l.must_not) support(holder(root, s));
    for (const img of Array.from(root.querySelectorAll('img'))) {
      const src = img.getAttribute('data-src') || img.getAttribute('src') || '';
      if (l.promo_images.some((p) => p && src.includes(p))) support(img);
    }
  }
  return { name, account, units };
}

export interface HeldOut {
  rows: PageScore[];
  /** Per account: the units taken away for it. */
  ablated: Map<string, string[]>;
}

/** Each account's pages scored without the rule units only that account supports. */
export function heldOut(pages: readonly { name: string; label: Label }[], grain: Grain): HeldOut {
  const support = pages.map(({ name, label }) => pageSupport(name, label, grain));
  const accountsOf = new Map<string, Set<string>>();
  for (const p of support) for (const u of p.units) (accountsOf.get(u) ?? accountsOf.set(u, new Set()).get(u)!).add(p.account);
  const rows: PageScore[] = [];
  const ablated = new Map<string, string[]>();
  for (const account of new Set(support.map((p) => p.account))) {
    const only = [...accountsOf].filter(([, a]) => a.size === 1 && a.has(account)).map(([u]) => u);
    ablated.set(account, only);
    ABLATED.clear();
    for (const u of only) ABLATED.add(u);
    try {
      for (const p of support.filter((s) => s.account === account)) rows.push(scorePage(p.name, pages.find((q) => q.name === p.name)!.label));
    } finally {
      ABLATED.clear();
    }
  }
  return { rows, ablated };
}

import TurndownService from 'turndown';
import { strikethrough, tables } from '@joplin/turndown-plugin-gfm';
import type { ConvertContext } from './context';
import { emphasisRules } from './emphasis';
import { linkRules } from './links';
import { tableRules } from './tables';
import { attachCaptions, blockRules } from './blocks';
import { codeBlock } from './code';
import { formula } from './formula';
import { blankMarkdown, mediaRules, mediaSteps } from './media';
import { complexTable, unwrapLayoutTables } from './tables';
import { wholeRule } from './whole';
import { highlightRule } from '../annotate/markdown';
import { linkBareAddresses, referencesToFootnotes } from './references';
import { unescapeIntraword } from './escape';
import { KNOWN_MEDIA } from '../page/media';

// Turndown's escapes (13 regex passes over every text run) and ours act only on these characters, or
// on these at the start of a run. Most runs of Chinese prose have none: they are returned as they are.
export const MAY_NEED_ESCAPE = /[\\*`[\]_<$]|^(?:[-+=#~>]|\d+\. )/;

/** Ours, after Turndown's: `<` before a tag's first character, and `$`. */
export const escapeTagsAndMath = (text: string) => text.replace(/<(?=[A-Za-z/!?])/g, '\\<').replace(/\$/g, '\\$');


/** Turndown with the GFM plugin and WeChat's rules. Rules added later take precedence. */
function createTurndown(ctx: ConvertContext, root: Element): TurndownService {
  const whole = [...mediaSteps(ctx, root), formula, codeBlock, complexTable(ctx.imageTarget)];
  const td = new TurndownService({
    headingStyle: 'atx',
    codeBlockStyle: 'fenced',
    bulletListMarker: '-',
    emDelimiter: '*',
    strongDelimiter: '**',
    hr: '---',
    blankReplacement: (_content, node) =>
      blankMarkdown(node, whole, ctx) ?? ((node as unknown as { isBlock?: boolean }).isBlock ? '\n\n' : ''),
  });
  td.use([strikethrough, tables]);
  // Turndown leaves `<` alone: article text such as "<script>" or "<img onerror=…>" would become raw
  // HTML in the note. `$` would start math in Obsidian and Typora. Both are escaped as text.
  const escapeText = td.escape.bind(td);
  td.escape = (text: string) => (MAY_NEED_ESCAPE.test(text) ? unescapeIntraword(escapeTagsAndMath(escapeText(text))) : text);
  emphasisRules(td);
  linkRules(td);
  tableRules(td);
  blockRules(td, ctx);
  mediaRules(td, ctx);
  wholeRule(td, whole);
  highlightRule(td, ctx.highlightMarkup);
  byTagRuleLookup(td.rules);
  return td;
}

/** Turndown's rule lists, which its typings leave out: rules, then kept, then removed elements. */
type RuleLists = Omit<TurndownService.Rules, 'blankRule' | 'defaultRule'> & { blankRule: TurndownService.Rule; defaultRule: TurndownService.Rule; _keep: TurndownService.Rule[]; _remove: TurndownService.Rule[] };

/**
 * Turndown's rule lookup with the same answer, in fewer steps: for every element it asks every rule in
 * turn and lower-cases the element's name once per rule that names tags (its own steps, filters aside,
 * were 2.5 % of an export in Chromium's profile; 1.4 % this way). Here the rules that name tags are
 * sorted out once per tag name; filter functions are still asked, in Turndown's order. Set up after
 * the last rule is added.
 */
function byTagRuleLookup(rules: TurndownService.Rules): void {
  const lists = rules as unknown as RuleLists;
  const all = [...lists.array, ...lists._keep, ...lists._remove];
  const byTag = new Map<string, TurndownService.Rule[]>();
  const forTag = (name: string) => {
    const tag = name.toLowerCase();
    const list = all.filter(({ filter: f }) => typeof f === 'function' || (typeof f === 'string' ? f === tag : (f as string[]).includes(tag)));
    byTag.set(name, list);
    return list;
  };
  rules.forNode = (node) => {
    if ((node as { isBlank?: boolean }).isBlank) return lists.blankRule;
    for (const rule of byTag.get(node.nodeName) ?? forTag(node.nodeName)) {
      if (typeof rule.filter !== 'function' || rule.filter.call(rule, node, rules.options)) return rule;
    }
    return lists.defaultRule;
  };
}

/** Blank-looking lines (nbsp, zero-width) and runs of blank lines are editor debris. */
export function tidyMarkdown(md: string): string {
  return md
    .replace(/[\u200b\u200c\u200d\ufeff]/g, '')
    .split('\n')
    .map((line) => (/^[\s\u00a0]*$/.test(line) ? '' : line.replace(/[ \t]+$/, (m) => (m.length >= 2 ? '  ' : ''))))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    // A break at the end of a paragraph (`<p>text<br></p>`) breaks nothing: no trailing spaces.
    .replace(/ {2}\n(?=\n)/g, '\n')
    .trim();
}

/**
 * Two bold runs side by side (`<b>恐怖</b><b>怪谈</b>`, common in WeChat's editor) would print as
 * `**恐怖****怪谈**`, which CommonMark shows with literal asterisks: join them. Not inside code.
 */
export function joinAdjacentEmphasis(md: string): string {
  if (!md.includes('****')) return md;
  return md
    .split(/(^```[\s\S]*?^```)/m)
    .map((part, i) => (i % 2 ? part : part.replace(/(?<!\\)\*\*\*\*(?!\*)/g, '')))
    .join('');
}

/** Plain containers: empty, they say nothing. Anything else (media, embeds, breaks, cells) is left to the rules. */
const PLAIN = new Set(['SPAN', 'FONT', 'SECTION', 'P', 'DIV', 'STRONG', 'B', 'EM', 'I', 'U', 'CENTER', 'LABEL', 'SMALL']);
const BLOCKS = new Set(['SECTION', 'P', 'DIV', 'CENTER', 'BLOCKQUOTE', 'UL', 'OL', 'LI', 'PRE', 'TABLE', 'FIGURE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HR']);
const isBlock = (n: Node | null) => n === null || BLOCKS.has(n.nodeName);
/** The nearest sibling in that direction that is not whitespace. */
function shown(n: Node, dir: 'previousSibling' | 'nextSibling'): Node | null {
  let s = n[dir];
  while (s && s.nodeType === 3 && !/[^ \t\r\n]/.test(s.textContent ?? '')) s = s[dir];
  return s;
}

/**
 * Plain containers with nothing in them at all, removed before the converter sees them. Turndown tests
 * every node for blankness, and a blank one with up to 27 element lookups (its void and
 * meaningful-when-blank tags, one query each): WeChat's editor leaves hundreds of empty wrappers, and
 * that test was an eighth of an export. Removed only where the note is the same: an empty inline
 * element writes nothing; an empty block writes a paragraph break, which matters only between two runs
 * of inline text, so it stays there. Bottom up: a wrapper of empty wrappers goes too.
 */
export function dropEmptyWrappers(root: Element): void {
  // A static list: a live one is re-indexed after every removal.
  const all = root.querySelectorAll('*');
  for (let i = all.length - 1; i >= 0; i--) {
    const el = all[i]!;
    if (el.firstChild !== null || !PLAIN.has(el.nodeName) || el.matches(KNOWN_MEDIA)) continue;
    if (BLOCKS.has(el.nodeName) && !(isBlock(el.parentNode === root ? null : el.parentNode) && (isBlock(shown(el, 'previousSibling')) || isBlock(shown(el, 'nextSibling'))))) continue;
    el.remove();
  }
  // A section or div whose one child is a block (section > section > p > img, the editor's usual
  // nesting) writes what the child writes: each level cost the blank test again (8 lookups over an image).
  const wrappers = root.querySelectorAll('section, div');
  for (let i = wrappers.length - 1; i >= 0; i--) {
    const el = wrappers[i]!;
    const only = el.firstElementChild;
    if (only === null || only !== el.lastElementChild || !BLOCKS.has(only.nodeName) || el.matches(`${KNOWN_MEDIA}, [class*="code"], [data-formula]`) || hasOwnMarks(el)) continue;
    let text = false;
    for (let c = el.firstChild; c && !text; c = c.nextSibling) text = c.nodeType === 3 && /[^ \t\r\n]/.test(c.textContent ?? '');
    if (!text) el.replaceWith(only);
  }
}

/** Our own marks (data-wac-*: section titles, highlights) are read by the rules: such a wrapper stays. */
function hasOwnMarks(el: Element): boolean {
  // Names, not el.attributes: Blink makes an Attr object for each attribute read that way.
  for (const name of el.getAttributeNames()) if (name.startsWith('data-wac')) return true;
  return false;
}

const converted = new WeakSet<Element>();

/**
 * The content root → Markdown. The root is converted in place, not copied: it is already a private
 * copy (extractArticle), and Turndown's own copy of it was a tenth of an export's time. Turndown
 * collapses its whitespace and whole-element rules empty what they convert, so a root is converted
 * once; a second conversion is refused rather than giving a wrong note.
 */
export function convertContent(root: Element, ctx: ConvertContext): string {
  if (converted.has(root)) throw new Error('This article was already converted; extract it again.');
  converted.add(root);
  Object.defineProperty(root, 'cloneNode', { value: () => root, configurable: true });
  unwrapLayoutTables(root);
  attachCaptions(root);
  linkBareAddresses(root);
  dropEmptyWrappers(root);
  return referencesToFootnotes(tidyMarkdown(joinAdjacentEmphasis(createTurndown(ctx, root).turndown(root as HTMLElement))));
}

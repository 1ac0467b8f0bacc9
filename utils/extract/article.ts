import { detectPage, type PageInfo, type PageKind } from '../page/kind';
import { canonicalArticleUrl, readMeta, type ArticleMeta } from '../page/metadata';
import { cutAtSentence } from '../page/sentence';
import { decodeEntities, decodeJsString, scriptVars, type ScriptVars } from '../page/script-vars';
import { PROMO_FAMILIES, type PromoFamily } from '../clean/promotion';
import { passKey, promotionWithMemory, OWN_UI_TAG, type AccountMemory } from '../clean/memory';
import { CHROME_RULES, PASS_ATTR, PROMO_ATTR } from '../clean/chrome-rules';
import { imageSource, isEmojiImage } from '../page/images';
import { markSectionTitles } from '../page/headings';
import { BOLD_STYLE, ITALIC_STYLE } from '../page/styles';
import { KNOWN_MEDIA } from '../page/media';
import { articleIdentity } from '../page/identity';
import type { Highlight } from '../annotate/store';
import { matchingBracket, ownLevel, topLevelObjects } from '../page/script-literal';

export interface Article {
  kind: Exclude<PageKind, 'unavailable'>;
  meta: ArticleMeta;
  /** A detached, cleaned copy of the content: the page itself is never changed. Conversion writes
   *  into this copy, so an Article is converted once (convertContent refuses a second time). */
  root: Element;
  /** Image addresses in article order, each once. */
  images: string[];
  /** Which article this is (page/identity.ts), written into every note; null when the page does not say. */
  id: string | null;
  /** The reader's highlights of this article (annotate/), marked in the note; set by the export. */
  highlights?: Highlight[];
}

export type Extraction = { ok: true; article: Article } | { ok: false; reason: 'unavailable' | 'empty'; message: string };

export interface ExtractOptions {
  families?: ReadonlySet<PromoFamily>;
  /** The account's remembered decisions and learned boilerplate (the page applies the same). */
  memory?: AccountMemory | null;
  /** Whether learned boilerplate is left out (the reader can turn learning off). */
  learn?: boolean;
}

const ALL_FAMILIES: ReadonlySet<PromoFamily> = new Set(PROMO_FAMILIES);

/** Plain text with blank-line paragraphs (image and text posts) as DOM paragraphs. */
function paragraphs(doc: Document, text: string, into: Element): void {
  for (const para of text.replace(/\r\n?/g, '\n').split(/\n{2,}/)) {
    if (!para.trim()) continue;
    const p = doc.createElement('p');
    para.split('\n').forEach((line, i) => {
      if (i > 0) p.appendChild(doc.createElement('br'));
      p.appendChild(doc.createTextNode(line));
    });
    into.appendChild(p);
  }
}

/** picture_page_info_list = [{ cdn_url: '…', watermark_info: { cdn_url }, … }, …] of an image post
 *  (DOM-NOTES §6): every picture, in order, by its own cdn_url (not a nested watermark's or crop's). */
function pictureList(vars: ScriptVars): string[] {
  const found = vars.find('picture_page_info_list', /\s*[:=]\s*\[/y);
  if (!found) return [];
  const { text, match } = found;
  const open = match.index + match[0].length - 1;
  const end = matchingBracket(text, open);
  if (end < 0) return [];
  const urls = topLevelObjects(text.slice(open, end)).map((obj) => {
    const m = /(?:^|[\s,])cdn_url\s*:\s*(?:JsDecode\()?'((?:[^'\\]|\\.)*)'/.exec(ownLevel(obj));
    return m ? decodeEntities(decodeJsString(m[1] ?? '')) : '';
  });
  return urls.filter(Boolean);
}

/** The first line, cut at a sentence or clause when long (it names the note's file). */
function firstLine(text: string, max = 60): string {
  return cutAtSentence(text.trim().split('\n')[0] ?? '', max);
}

/** A text post's own title: window.msg_title when text_page_info.is_user_title (or
 *  window.is_user_title) says the author wrote one. */
function userTitle(vars: ScriptVars): string {
  const flagged = vars.get('is_user_title') === '1' || vars.key('is_user_title') === '1';
  return flagged ? vars.get('msg_title').replace(/\s+/g, ' ').trim() : '';
}

/** The share note, which an inline script writes into #js_share_notice. */
function shareNote(doc: Document, vars: ScriptVars): string {
  const fromDom = doc.querySelector('#js_share_notice')?.textContent?.trim();
  if (fromDom && !/document\.getElementById/.test(fromDom)) return fromDom;
  const m = vars.find("js_share_notice')", /\.innerHTML\s*=\s*"((?:[^"\\]|\\.)*)"/y)?.match;
  return m ? decodeEntities(decodeJsString(m[1] ?? '')) : vars.get('msg_desc');
}

/** A text post's text lives only in script variables (DOM-NOTES §6). */
const postText = (vars: ScriptVars) => vars.get('TextContentNoEncode') || vars.key('content_noencode');

/**
 * A copy of the content in a document of its own, with the page's base address. A copy in the page's
 * document is a live one: the browser starts loading every image of it (a fifth of an export's time
 * on a 2025 page, Chromium) and upgrades its custom elements. A document that shows nothing does neither.
 */
function inertCopy(doc: Document, content: Element): Element {
  const inert = doc.implementation.createHTMLDocument('');
  const base = inert.createElement('base');
  base.href = doc.baseURI;
  inert.head.appendChild(base);
  return inert.importNode(content, true);
}

function buildRoot(doc: Document, kind: Article['kind'], vars: ScriptVars, meta: ArticleMeta): Element | null {
  if (kind === 'article') {
    const content = doc.querySelector('#js_content');
    return content ? inertCopy(doc, content) : null;
  }
  const root = doc.createElement('div');
  if (kind === 'image-post') {
    paragraphs(doc, vars.key('content_noencode'), root);
    for (const src of pictureList(vars)) {
      const img = doc.createElement('img');
      img.setAttribute('data-src', src);
      const p = doc.createElement('p');
      p.appendChild(img);
      root.appendChild(p);
    }
  } else if (kind === 'text-post') {
    paragraphs(doc, postText(vars), root);
  } else {
    paragraphs(doc, shareNote(doc, vars), root);
    const url = doc.querySelector('#js_share_source')?.getAttribute('data-url') ?? '';
    const p = doc.createElement('p');
    const a = doc.createElement('a');
    a.href = canonicalArticleUrl(decodeEntities(url));
    a.textContent = `阅读全文：${meta.title}`;
    p.appendChild(a);
    if (url) root.appendChild(p);
  }
  return root;
}

/** What WeChat's video player injects into the content (DOM-NOTES §5): a second #page-content, the
 *  player wrapper and its tail panel. The video itself stays as its outermost .video_iframe. */
const INJECTED_PLAYER = ['#page-content', '[id^="js_mpvedio_wrapper_"]', '.video_tail_module', '.video_iframe .video_iframe'];

// Chrome rules that can match inside the content. Most are a bare #id: those are found by one look
// at the elements that have an id, because a 50-selector list costs every element 50 tests.
const CHROME_SELECTORS = CHROME_RULES.map((r) => r.selector.replace(/^#js_content\s+/, ''))
  .filter((sel) => !sel.startsWith('body'))
  .concat(INJECTED_PLAYER);
const BARE_ID = /^#[\w-]+$/;
const CHROME_IDS = new Set(CHROME_SELECTORS.filter((sel) => BARE_ID.test(sel)).map((sel) => sel.slice(1)));
const CHROME_OTHER = CHROME_SELECTORS.filter((sel) => !BARE_ID.test(sel)).join(', ');
// Not content at all (and our own "not promotion" buttons, when the reader left promotion shown).
const NOT_CONTENT = `script, style, noscript, template, ${OWN_UI_TAG}`;
// Hidden by the editor. Tested in JS: the selector `[style*="display:none" i]` alone took 3–5 ms
// on a 2025 page (Blink's case-insensitive substring match), this takes a tenth of that.
const DISPLAY_NONE = /display\s*:\s*none/i;

// A span or font that only carries editor styling (`<span leaf>`, colours, fonts), and Word's
// `<o:p>`, add nothing to Markdown, but every node costs the converter a pass over all its rules
// (an element no rule takes, the most): 2024+ pages wrap almost every run of text in one or two,
// older ones in <font>. A wrapper stays only when a rule reads it: a span the converter takes for
// bold or italic (not `font-weight: normal`, which 2025 pages write on every run), formulas, media, code.
const STYLING_TAGS = ['span', 'font', 'o:p'];
const KEEP_WRAPPER = `[data-formula], .video_iframe, .vote_area, [class*="code-snippet"], ${KNOWN_MEDIA}`;

function readAsEmphasis(el: Element): boolean {
  const style = el.nodeName === 'SPAN' ? el.getAttribute('style') : null;
  return !!style && (BOLD_STYLE.test(style) || ITALIC_STYLE.test(style));
}

// A span the editor set to display:block is a line of its own on the page (02: three "•" lines in
// one quote paragraph). Unwrapped, or read as inline, its text would run into its neighbours'.
const DISPLAY_BLOCK = /display\s*:\s*block/i;
const isBlockSpan = (n: Node | null) => n?.nodeName === 'SPAN' && DISPLAY_BLOCK.test((n as Element).getAttribute('style') ?? '');
/** The nearest sibling that shows something (text, a picture, a break), skipping blank text. */
function shownSibling(el: Node, dir: 'previousSibling' | 'nextSibling'): Node | null {
  let n = el[dir];
  while (n && n.nodeType === 3 && !n.textContent!.trim()) n = n[dir];
  return n;
}

/** A line break on each side of a block span that has something shown beside it. */
function keepBlockSpanLines(span: Element): void {
  const before = shownSibling(span, 'previousSibling');
  if (before && before.nodeName !== 'BR') span.before(span.ownerDocument.createElement('br'));
  const after = shownSibling(span, 'nextSibling');
  // The next block span breaks before itself.
  if (after && after.nodeName !== 'BR' && !isBlockSpan(after)) span.after(span.ownerDocument.createElement('br'));
}

function unwrapStylingOnly(root: Element): void {
  for (const tag of STYLING_TAGS) {
    for (const el of Array.from(root.getElementsByTagName(tag))) {
      if (tag === 'span' && isBlockSpan(el)) keepBlockSpanLines(el);
      if (readAsEmphasis(el) || el.matches(KEEP_WRAPPER)) continue;
      // insertBefore one by one: a third faster than replaceWith(...children) here. A lone child (the
      // `<span leaf>` round a text run, the usual) takes the wrapper's place in one call.
      const parent = el.parentNode!;
      if (el.firstChild !== null && el.firstChild === el.lastChild) {
        parent.replaceChild(el.firstChild, el);
        continue;
      }
      while (el.firstChild) parent.insertBefore(el.firstChild, el);
      parent.removeChild(el);
    }
  }
  // The unwrapped text runs are now siblings: one text node each, one converter pass each.
  root.normalize();
}

/** Clean the detached copy: no promotion, no chrome injected into the content, nothing hidden. */
function cleanRoot(root: Element, options: ExtractOptions, promotion: boolean): void {
  for (const el of Array.from(root.getElementsByTagName(OWN_UI_TAG))) el.remove();
  if (promotion) {
    const memory = options.memory ?? null;
    const given = { families: options.families ?? ALL_FAMILIES, learn: options.learn ?? true };
    // A copy of a cleaned page carries the cleaning's marks: when they were made for the same families
    // and memory, and the content has not changed since, they are the blocks the detector would find.
    const marked = root.getAttribute(PASS_ATTR) === passKey(memory, given);
    const hidden = marked ? Array.from(root.querySelectorAll(`[${PROMO_ATTR}]`)) : promotionWithMemory(root, memory, given).map((b) => b.el);
    for (const el of hidden) el.remove();
  }
  // Indexed, not through Array.from, whose iteration of a NodeList is the slower path in Chromium (the
  // [style] loop: 140 µs instead of 200 on page 31, 80 instead of 140 on 35, where most elements have a style).
  const withId = root.querySelectorAll('[id]');
  for (let i = 0; i < withId.length; i++) if (CHROME_IDS.has(withId[i]!.id)) withId[i]!.remove();
  root.querySelectorAll(`${CHROME_OTHER}, ${NOT_CONTENT}`).forEach((el) => el.remove());
  const styled = root.querySelectorAll('[style]');
  for (let i = 0; i < styled.length; i++) if (DISPLAY_NONE.test(styled[i]!.getAttribute('style')!)) styled[i]!.remove();
  // Before the styling is unwrapped: section titles are found by their style.
  markSectionTitles(root);
  unwrapStylingOnly(root);
}

function imageList(root: Element): string[] {
  const seen = new Set<string>();
  for (const img of Array.from(root.querySelectorAll('img'))) {
    if (isEmojiImage(img) && img.getAttribute('alt')) continue;
    const src = imageSource(img);
    if (src) seen.add(src);
  }
  return Array.from(seen);
}

/** What the detect step found (page/kind.ts), with the script variables it read: the extraction reads them too. */
export interface Detected {
  page: PageInfo;
  vars: ScriptVars;
}

/** Page → Article, or a clear reason why there is none. Pure: the page is only read. `detected`: the
 *  pipeline's detect step, done already (else done here). */
export function extractArticle(doc: Document, pageUrl: string, options: ExtractOptions = {}, detected?: Detected): Extraction {
  const vars = detected?.vars ?? scriptVars(doc);
  const page = detected?.page ?? detectPage(doc, vars);
  if (page.kind === 'unavailable') return { ok: false, reason: 'unavailable', message: page.message ?? '' };
  const meta = readMeta(doc, vars, pageUrl);
  // A text post has a title only when its author gave it one (is_user_title); else msg_title and
  // og:title are the whole text, and the first line stands in for a title.
  // Image posts have one; when it is the whole text (over-long), its first line is used.
  if (page.kind === 'text-post') meta.title = userTitle(vars) || firstLine(postText(vars) || meta.title);
  else if (page.kind === 'image-post' && meta.title.length > 80) meta.title = firstLine(meta.title);
  const root = buildRoot(doc, page.kind, vars, meta);
  if (!root) return { ok: false, reason: 'empty', message: 'No article content was found on this page.' };
  // Image, text and share posts are the author's own few lines, without an editor's layout: what they
  // announce is their subject (10: a post about the author's training camp), so nothing is promotion.
  cleanRoot(root, options, page.kind === 'article');
  if (!root.textContent?.trim() && !root.querySelector('img')) {
    return { ok: false, reason: 'empty', message: 'The article content is empty.' };
  }
  return { ok: true, article: { kind: page.kind, meta, root, images: imageList(root), id: articleIdentity(meta.source, vars) } };
}

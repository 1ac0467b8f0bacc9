/**
 * An extracted article as an EPUB chapter: the same cleaned content the notes are made from
 * (utils/extract: promotion and WeChat's chrome already gone), sanitized with DOMPurify down to
 * structure, text formatting, links and images, its nesting made valid for XHTML, serialized as XML.
 * Made from the DOM, not from the note's Markdown: nothing the Markdown cannot say (merged table
 * cells, a caption's line breaks) is lost on the way, and no Markdown renderer joins the bundle.
 */
import type { Article } from '../extract/article';
import { imageSource, isEmojiImage } from '../page/images';
import { purifierFor } from '../markdown/tables';
import type { Chapter } from './epub';

const TAGS = ['p', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'code', 'ul', 'ol', 'li', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'caption', 'strong', 'b', 'em', 'i', 'u', 's', 'del', 'ins', 'sub', 'sup', 'small', 'mark', 'a', 'img', 'section', 'div', 'span'];
const ATTRS = ['href', 'src', 'alt', 'colspan', 'rowspan'];

// XHTML's content model, as far as the allowed tags need it: these hold phrasing content only.
const BLOCK = 'p, div, section, h1, h2, h3, h4, h5, h6, ul, ol, li, table, blockquote, pre, hr';
const PHRASING_ONLY = 'p, h1, h2, h3, h4, h5, h6, pre, span, strong, b, em, i, u, s, del, ins, sub, sup, small, mark, code, a, caption';
const STAYS_A_BLOCK = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'PRE', 'CAPTION']);

function rename(el: Element, tag: string): Element {
  const to = el.ownerDocument.createElement(tag);
  for (const a of Array.from(el.attributes)) to.setAttribute(a.name, a.value);
  while (el.firstChild) to.appendChild(el.firstChild);
  el.replaceWith(to);
  return to;
}

function unwrap(el: Element): void {
  const parent = el.parentNode!;
  while (el.firstChild) parent.insertBefore(el.firstChild, el);
  el.remove();
}

/** What the HTML parser allows and XHTML does not: blocks inside paragraphs and inline elements, stray list items. */
function validNesting(root: Element): void {
  for (const el of Array.from(root.querySelectorAll(PHRASING_ONLY))) {
    if (!root.contains(el) || !el.querySelector(BLOCK)) continue;
    // A caption with blocks is not a caption any more; a paragraph or heading becomes a plain block.
    if (el.nodeName === 'CAPTION') unwrap(el);
    else if (STAYS_A_BLOCK.has(el.nodeName)) rename(el, 'div');
    else unwrap(el);
  }
  for (const li of Array.from(root.querySelectorAll('li'))) if (!/^(UL|OL)$/.test(li.parentElement?.nodeName ?? '')) rename(li, 'div');
  for (const list of Array.from(root.querySelectorAll('ul, ol'))) {
    for (const child of Array.from(list.childNodes)) {
      if (child.nodeName === 'LI' || (child.nodeType === 3 && !child.textContent!.trim())) continue;
      const li = list.ownerDocument.createElement('li');
      list.insertBefore(li, child);
      li.appendChild(child);
    }
  }
  for (const cell of Array.from(root.querySelectorAll('[colspan], [rowspan]'))) {
    for (const a of ['colspan', 'rowspan']) if (cell.hasAttribute(a) && !/^[1-9]\d{0,2}$/.test(cell.getAttribute(a)!.trim())) cell.removeAttribute(a);
  }
  for (const a of Array.from(root.querySelectorAll('a[href]'))) {
    try {
      a.setAttribute('href', new URL(a.getAttribute('href')!).href);
    } catch {
      a.removeAttribute('href');
    }
  }
}

/** The article as a chapter. Reads a copy: the article's own content is left for the note's conversion. */
export function chapterOf(article: Article): Chapter {
  const root = article.root.cloneNode(true) as Element;
  for (const img of Array.from(root.querySelectorAll('img'))) {
    const alt = img.getAttribute('alt') ?? '';
    if (isEmojiImage(img) && alt) {
      img.replaceWith(img.ownerDocument.createTextNode(alt));
      continue;
    }
    // Lazy images carry their address in data-src: the only one that stays is src, absolute.
    const src = imageSource(img);
    if (!src) {
      img.remove();
      continue;
    }
    img.setAttribute('src', src);
    img.setAttribute('alt', alt);
  }
  purifierFor(root).sanitize(root, {
    IN_PLACE: true,
    ALLOWED_TAGS: TAGS,
    ALLOWED_ATTR: ATTRS,
    ALLOW_DATA_ATTR: false,
    // An aria-* attribute would point at ids the chapter does not keep.
    ALLOW_ARIA_ATTR: false,
    ALLOWED_URI_REGEXP: /^(?:https?:|mailto:)/i,
    ADD_URI_SAFE_ATTR: ['colspan', 'rowspan', 'alt'],
  });
  validNesting(root);
  const xml = new XMLSerializer();
  // Each child on its own: the root's xmlns is the chapter's, declared once in its <html>.
  const body = Array.from(root.childNodes, (n) => xml.serializeToString(n))
    .join('')
    .replace(/ xmlns="http:\/\/www\.w3\.org\/1999\/xhtml"/g, '')
    .trim();
  const { title, author, account, published, source, cover } = article.meta;
  return { title, author, account, published, source, cover, body };
}

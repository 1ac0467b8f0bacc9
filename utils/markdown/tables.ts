import type TurndownService from 'turndown';
import DOMPurify from 'dompurify';
import type { WholeStep } from './whole';

/**
 * Tables: simple ones become GFM tables (the GFM plugin); tables with merged cells or block content
 * cannot, so they are kept as HTML, sanitized down to table structure and plain text formatting.
 * This is the only raw HTML the export ever contains.
 */

const TABLE_TAGS = ['table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'caption', 'br', 'b', 'strong', 'i', 'em', 'code', 'sub', 'sup', 'a', 'img'];
const TABLE_ATTRS = ['colspan', 'rowspan', 'href', 'src', 'alt'];

// Asked for every cell paragraph as well as for the table: remember the answer per table.
const verdicts = new WeakMap<Element, boolean>();

export function needsHtml(table: Element): boolean {
  let v = verdicts.get(table);
  if (v === undefined) verdicts.set(table, (v = tableNeedsHtml(table)));
  return v;
}

function tableNeedsHtml(table: Element): boolean {
  for (const cell of Array.from(table.querySelectorAll('td, th'))) {
    if (Number(cell.getAttribute('colspan') ?? 1) > 1 || Number(cell.getAttribute('rowspan') ?? 1) > 1) return true;
    if (cell.querySelector('table, ul, ol, pre, blockquote, h1, h2, h3, h4, h5, h6')) return true;
  }
  return false;
}

// One DOMPurify per window, bound to the table's own window so the same code runs in a page and
// under jsdom. Creating one per table was most of the time of a page with tables (25).
const purifiers = new WeakMap<object, ReturnType<typeof DOMPurify>>();
export function purifierFor(el: Element): ReturnType<typeof DOMPurify> {
  const view = el.ownerDocument.defaultView;
  if (!view) return DOMPurify;
  let p = purifiers.get(view);
  if (!p) purifiers.set(view, (p = DOMPurify(view as unknown as Window & typeof globalThis)));
  return p;
}

/** Sanitized HTML of a table: structure and text only; no styles, scripts or event handlers. */
export function sanitizedTableHtml(table: Element, imageTarget: (src: string) => string): string {
  const clone = table.cloneNode(true) as Element;
  for (const img of Array.from(clone.querySelectorAll('img'))) {
    const src = img.getAttribute('data-src') || img.getAttribute('src') || '';
    img.setAttribute('src', /^https?:/.test(src) ? imageTarget(src) : '');
  }
  const html = purifierFor(table).sanitize(clone.outerHTML, {
    ALLOWED_TAGS: TABLE_TAGS,
    ALLOWED_ATTR: TABLE_ATTRS,
    ALLOWED_URI_REGEXP: /^(?:https?:|assets\/|data:image\/(?:png|jpe?g|gif|webp);base64,)/i,
    // Without this, DOMPurify tests every attribute value against the URI pattern and drops colspan="2".
    ADD_URI_SAFE_ATTR: ['colspan', 'rowspan', 'alt'],
  });
  // One line per row keeps the Markdown readable; blank lines inside would end the HTML block.
  return html.replace(/\s*\n\s*/g, ' ').replace(/<\/tr>\s*/g, '</tr>\n');
}

export const complexTable = (imageTarget: (src: string) => string): WholeStep => ({
  test: (el) => el.nodeName === 'TABLE' && needsHtml(el),
  markdown: (el) => `\n\n${sanitizedTableHtml(el, imageTarget)}\n\n`,
});

export function tableRules(td: TurndownService): void {
  // Inside a GFM table a cell is one line: paragraphs and breaks inside it become spaces.
  td.addRule('wechatCellBlock', {
    filter: (n) => /^(P|SECTION|DIV|BR)$/.test(n.nodeName) && n.parentNode !== null && !!(n as Element).closest?.('td, th') && !needsHtml((n as Element).closest('table')!),
    replacement: (content) => ` ${content.trim()} `,
  });
}

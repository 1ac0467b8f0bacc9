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

/** How a draft writes an image's address until a destination fills it in (pipeline/export.ts, slots.ts): `wac-img-<nonce>-<n>`. */
export const IMAGE_SLOT_PREFIX = 'wac-img-';
// What an image in a table may point at: the remote image, a ZIP's assets/, a data URI, or a draft's
// slot (without it a table's images lost their address in every draft: folder, Joplin, downloads).
const TABLE_URI = new RegExp(`^(?:https?:|assets\\/|data:image\\/(?:png|jpe?g|gif|webp);base64,|${IMAGE_SLOT_PREFIX}[a-z0-9]+-\\d+$)`, 'i');

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
    ALLOWED_URI_REGEXP: TABLE_URI,
    // data-src would carry the remote address beside the local one; no data-* is table structure.
    ALLOW_DATA_ATTR: false,
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
  // Inside a GFM table a cell is one line: its paragraphs and breaks become line breaks, which the
  // GFM plugin writes as <br> (blank paragraphs none: Turndown joins separators, it does not add them).
  td.addRule('wechatCellBlock', {
    filter: (n) => /^(P|SECTION|DIV|BR)$/.test(n.nodeName) && n.parentNode !== null && !!(n as Element).closest?.('td, th') && !needsHtml((n as Element).closest('table')!),
    replacement: (content, node) => (node.nodeName === 'BR' ? '\n' : content.trim() ? `\n${content.trim()}\n` : ''),
  });
}

/**
 * Whether a table only lays its blocks out: fewer than two of its rows show cells side by side (a
 * cell reaching down from a row above counts). 25's FAQ tables: a "目录 | contents" row, then one row
 * per question spanning both columns. A one-column table is a box around its content.
 */
export function isLayoutTable(table: HTMLTableElement): boolean {
  let sideBySide = 0;
  let reaching: number[] = [];
  for (const row of Array.from(table.rows)) {
    const cells = Array.from(row.cells);
    if (cells.length + reaching.length >= 2 && ++sideBySide >= 2) return false;
    reaching = reaching.map((n) => n - 1).filter((n) => n > 0).concat(cells.map((c) => c.rowSpan - 1).filter((n) => n > 0));
  }
  return true;
}

/** A layout table becomes the blocks its cells hold, in reading order; inner tables first. */
export function unwrapLayoutTables(root: Element): void {
  for (const table of Array.from(root.querySelectorAll('table')).reverse()) {
    if (!isLayoutTable(table as HTMLTableElement)) continue;
    const doc = table.ownerDocument;
    const blocks: Element[] = Array.from((table as HTMLTableElement).rows).flatMap((row) => Array.from(row.cells));
    const caption = (table as HTMLTableElement).caption;
    if (caption) blocks.unshift(caption);
    table.replaceWith(
      ...blocks.map((cell) => {
        const div = doc.createElement('div');
        while (cell.firstChild) div.appendChild(cell.firstChild);
        return div;
      }),
    );
  }
}

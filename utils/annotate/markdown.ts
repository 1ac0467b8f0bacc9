/**
 * The reader's highlights in the note: each passage wrapped in <mark> in the export's private copy of
 * the content (never the page), written `==…==` (Obsidian, Typora) or, as the reader chooses, `<mark>…</mark>`
 * (any app that renders HTML), and a section that lists every passage as a quote with the reader's note under it.
 */
import type TurndownService from 'turndown';
import { anchorRange, textIndex } from './anchor';
import type { Highlight } from './store';
import { escapeLabel } from '../markdown/escape';

export const MARK_ATTR = 'data-wac-hl';
export const SECTION_HEADING = '## 划线与批注 / Highlights';

/**
 * Wraps each highlight's text in `root` in <mark> elements (one per text node it covers, so the
 * content's structure stays as it was); returns those placed, in the article's order.
 */
export function markHighlights(root: Element, highlights: readonly Highlight[]): Highlight[] {
  const index = textIndex(root);
  const placed: { h: Highlight; range: Range; start: number }[] = [];
  for (const h of highlights) {
    const range = anchorRange(root, h, index);
    if (range) placed.push({ h, range, start: index.starts[index.nodes.indexOf(range.startContainer as Text)]! + range.startOffset });
  }
  placed.sort((a, b) => a.start - b.start);
  // Each range's text nodes are found before any is split: splitting moves what later ranges point at.
  const pieces = placed.map(({ range }) => {
    const nodes = index.nodes.filter((n) => range.intersectsNode(n) && n.data.length);
    return nodes.map((n) => ({ n, from: n === range.startContainer ? range.startOffset : 0, to: n === range.endContainer ? range.endOffset : n.data.length }));
  });
  // From the last piece backwards, so a split never moves one still to come.
  const flat = pieces.flat().filter((p) => p.to > p.from);
  flat.sort((a, b) => (a.n === b.n ? b.from - a.from : index.nodes.indexOf(b.n) - index.nodes.indexOf(a.n)));
  for (const { n, from, to } of flat) {
    let text = n;
    if (to < text.data.length) text.splitText(to);
    if (from > 0) text = text.splitText(from);
    if (!text.data.trim()) continue;
    const mark = text.ownerDocument.createElement('mark');
    mark.setAttribute(MARK_ATTR, '');
    text.parentNode!.insertBefore(mark, text);
    mark.appendChild(text);
  }
  return placed.map((p) => p.h);
}

/** Opening and closing markers of each form; the `<mark>` tags carry no attribute (nothing for a note app to run). */
/** How a highlighted passage is written in the note's body. */
export type HighlightMarkup = 'equals' | 'mark';
export const HIGHLIGHT_MARKUPS: readonly HighlightMarkup[] = ['equals', 'mark'];

const MARKERS: Record<HighlightMarkup, readonly [string, string]> = { equals: ['==', '=='], mark: ['<mark>', '</mark>'] };

/** <mark> → `==passage==` or `<mark>passage</mark>`; white space at its edges stays outside, where the markers render. */
export function highlightRule(td: TurndownService, markup: HighlightMarkup = 'equals'): void {
  const [open, close] = MARKERS[markup];
  td.addRule('wacHighlight', {
    // Ours only: an author's own <mark> is not the reader's highlight.
    filter: (n) => n.nodeName === 'MARK' && (n as Element).hasAttribute(MARK_ATTR),
    replacement: (content) => {
      const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(content)!;
      return m[2] ? `${m[1]}${open}${m[2]}${close}${m[3]}` : content;
    },
  });
}

/** `==a====b==` (one passage over two text runs) reads as one: `==ab==`; likewise `</mark><mark>`. */
export const joinAdjacentMarks = (md: string, markup: HighlightMarkup = 'equals') =>
  markup === 'mark' ? md.replace(/<\/mark><mark>/g, '') : md.replace(/(?<!=)====(?!=)/g, '');

/** A passage as a Markdown quote, paragraph by paragraph. */
const quote = (text: string) =>
  text
    .split(/\n+/)
    .map((line) => escapeLabel(line))
    .filter(Boolean)
    .map((line) => `> ${line}`)
    .join('\n>\n');

/** The note as written, each line kept. */
const noteText = (note: string) => note.replace(/\r\n?/g, '\n').trim();

/** "## 划线与批注 / Highlights": each passage quoted, its note under it. */
export function highlightsSection(highlights: readonly Highlight[]): string {
  return `${SECTION_HEADING}\n\n${highlightsList(highlights)}`;
}

/** The passages with their notes, as the section lists them ({{highlights}}). */
export function highlightsList(highlights: readonly Highlight[]): string {
  return highlights.map((h) => [quote(h.exact), noteText(h.note)].filter(Boolean).join('\n\n')).join('\n\n');
}

/** Only the notes, each after its passage's first words ({{notes}}). */
export function notesList(highlights: readonly Highlight[]): string {
  return highlights
    .filter((h) => h.note.trim())
    .map((h) => `- ${escapeLabel(h.exact.slice(0, 40))}${h.exact.length > 40 ? '…' : ''}: ${noteText(h.note).replace(/\n+/g, ' ')}`)
    .join('\n');
}

import type TurndownService from 'turndown';
import type { ConvertContext } from './context';
import { escapeLabel } from './escape';
import { imageSource, isEmojiImage } from '../page/images';
import { markdownDestination } from './links';

/** Headings, images and the other block-level WeChat rules. */

// WeChat gives every image the same alt text; it says nothing about the picture.
const MEANINGLESS_ALT = /^(图片|image|img|photo|picture|\s*)$/i;

// Where attachCaptions leaves a picture's caption for the image rule.
const CAPTION_ATTR = 'data-wac-caption';
/** A short line right under a picture that is its caption: a figure number, or "图 N …". */
export const CAPTION_LINE = { pattern: /^(?:\d{1,3}|(?:图|fig\.?|figure)\s*[\d一二三四五六七八九十]+.{0,40})$/i, examples: ['3', '图 2 架构总览'] };
const MAX_CAPTION = 80;
const lineOf = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Whether an element holds any text: lineOf's answer without collapsing the text of a whole section. */
const holdsText = (el: Element) => /\S/.test(el.textContent ?? '');

/** The block a picture stands in alone: its ancestors up to the first that holds text or another picture. */
function pictureBlock(img: Element, root: Element): Element {
  let block = img;
  for (let up = block.parentElement; up && up !== root && !holdsText(up) && up.getElementsByTagName('img').length === 1; up = up.parentElement) block = up;
  return block;
}

/**
 * A caption goes with its picture: a <figure>'s <figcaption> (05's "1", "2"…, 16's "图一：初见"), or
 * a short number or "图 N" line right under a picture's block. Left as an attribute for the image rule.
 */
export function attachCaptions(root: Element): void {
  for (const img of Array.from(root.getElementsByTagName('img'))) {
    const figure = img.closest('figure');
    let caption: Element | null = figure && figure.getElementsByTagName('img').length === 1 ? figure.querySelector('figcaption') : null;
    if (!caption) {
      const next = pictureBlock(img, root).nextElementSibling;
      caption = next && !next.querySelector('img') && CAPTION_LINE.pattern.test(lineOf(next)) ? next : null;
    }
    const text = caption ? lineOf(caption) : '';
    if (!caption || !text || text.length > MAX_CAPTION) continue;
    img.setAttribute(CAPTION_ATTR, text);
    caption.remove();
  }
}

/** ![caption](src) with the caption in italics right under it, on the next line of the same paragraph
 *  (a hard break, as a <br>): Obsidian and Typora show it under the picture, and it stays the alt text
 *  when the picture cannot load. A bare number is not the alt: Obsidian reads `![300](…)` as a width. */
function captioned(target: string, caption: string): string {
  const alt = /^\d+$/.test(caption) ? `图 ${caption}` : caption;
  return `![${escapeLabel(alt)}](${target})  \n*${escapeLabel(caption)}*`;
}

export function blockRules(td: TurndownService, ctx: ConvertContext): void {
  td.addRule('wechatHeading', {
    filter: ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'],
    replacement: (content, node) => {
      const text = content.replace(/\s*\n+\s*/g, ' ').trim();
      if (!text) return '';
      const level = Math.min(6, Number(node.nodeName[1]) + ctx.headingShift);
      return `\n\n${'#'.repeat(level)} ${text}\n\n`;
    },
  });
  // Turndown writes `-   item` and, because WeChat wraps every item in a <section> or <p>, a blank
  // line after each: a loose list. Here an item of one paragraph stays tight (`- item`); an item of
  // several paragraphs keeps its blank lines, indented under the marker as CommonMark wants.
  td.addRule('wechatListItem', {
    filter: 'li',
    replacement: (content, node, options) => {
      const list = node.parentNode as Element | null;
      let marker = `${options.bulletListMarker ?? '-'} `;
      if (list?.nodeName === 'OL') {
        const start = Number(list.getAttribute('start'));
        marker = `${(Number.isFinite(start) && list.hasAttribute('start') ? start : 1) + Array.prototype.indexOf.call(list.children, node)}. `;
      }
      // A paragraph then a nested list is still one tight item: no blank line before the sub-list.
      const body = content.replace(/^\n+|\s+$/g, '').replace(/\n\n(?=(?:[-+*]|\d+\.) )/g, '\n');
      const indented = body.replace(/\n/g, `\n${' '.repeat(marker.length)}`);
      return marker + indented + (node.nextSibling ? (body.includes('\n\n') ? '\n\n' : '\n') : '');
    },
  });
  td.addRule('wechatImage', {
    filter: 'img',
    replacement: (_c, node) => {
      const img = node as Element;
      const alt = img.getAttribute('alt') ?? '';
      if (isEmojiImage(img) && alt) return alt;
      const src = imageSource(img);
      if (!src) return '';
      const caption = img.getAttribute(CAPTION_ATTR);
      if (caption) return captioned(markdownDestination(ctx.imageTarget(src)), caption);
      return `![${MEANINGLESS_ALT.test(alt) ? '' : escapeLabel(alt)}](${markdownDestination(ctx.imageTarget(src))})`;
    },
  });
}

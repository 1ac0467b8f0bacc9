import type TurndownService from 'turndown';
import type { ConvertContext } from './context';
import { escapeLabel } from './escape';
import { imageSource, isEmojiImage } from '../page/images';
import { markdownDestination } from './links';

/** Headings, images and the other block-level WeChat rules. */

// WeChat gives every image the same alt text; it says nothing about the picture.
const MEANINGLESS_ALT = /^(图片|image|img|photo|picture|\s*)$/i;

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
      return `![${MEANINGLESS_ALT.test(alt) ? '' : escapeLabel(alt)}](${markdownDestination(ctx.imageTarget(src))})`;
    },
  });
}

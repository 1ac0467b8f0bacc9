import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import MarkdownIt from 'markdown-it';
import { buildPage } from '../page-builder';
import { exportMarkdown } from '../../utils/markdown/note';
import { expectedMarkdown } from '../fixtures';

const URL = 'https://mp.weixin.qq.com/s/lines';
/** The note's body for a content fragment. */
function body(fragment: string): string {
  const doc = new JSDOM(buildPage({ title: '行', content: fragment }), { url: URL }).window.document;
  const r = exportMarkdown(doc, URL);
  if (!r.ok) throw new Error(r.message);
  return r.markdown.slice(r.markdown.indexOf('# 行') + 4).trim();
}
const render = (md: string) => new MarkdownIt('commonmark', { html: true }).enable('table').render(md).replace(/\n/g, '');

describe('lines keep their breaks', () => {
  it('block-level spans in a quote are lines of their own (02)', () => {
    expect(expectedMarkdown('02-2025-weekly-readmore-original-manyimg')).toContain('> •为什么要放弃 Handbrake 的强大功能？  \n> •如果有人想要不同的设置呢？  \n> •你考虑过特殊需求和极端情况吗？\n');
    const line = (t: string) => `<span style="display: block; text-indent: -20px"><span>•</span><span>${t}</span></span>`;
    const md = body(`<blockquote><p>${line('甲？')}${line('乙？')}${line('丙？')}</p></blockquote>`);
    expect(render(md)).toBe('<blockquote><p>•甲？<br />•乙？<br />•丙？</p></blockquote>');
  });
  it('a block span between inline text, and a bold one, break too', () => {
    expect(render(body('<p>前文<span style="display:block">中间一行</span>后文</p>'))).toBe('<p>前文<br />中间一行<br />后文</p>');
    expect(render(body('<p><span style="display:block;font-weight:bold">标题行</span><span style="display:block">正文行</span></p>'))).toBe('<p><strong>标题行</strong><br />正文行</p>');
  });
  it('<br> in quotes and list items keeps its line break', () => {
    expect(render(body('<blockquote><p>第一行<br>第二行</p></blockquote>'))).toBe('<blockquote><p>第一行<br />第二行</p></blockquote>');
    expect(render(body('<ul><li><p>第一行<br>第二行</p></li><li>下一项</li></ul>'))).toBe('<ul><li>第一行<br />第二行</li><li>下一项</li></ul>');
  });
});

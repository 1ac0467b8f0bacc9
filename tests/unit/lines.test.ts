import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import MarkdownIt from 'markdown-it';
import { buildPage } from '../page-builder';
import { exportMarkdown } from '../../utils/pipeline/export';
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

describe('table cells keep their paragraphs; layout tables become their blocks', () => {
  it('25: the FAQ tables are the questions and answers, one paragraph each', () => {
    const md = expectedMarkdown('25-2017-preview-tables');
    expect(md).not.toContain('<table');
    expect(md).toContain('❶ 试听课要不要布置作业？\n\n❷ 试听课学生未到怎么办？\n\n❸ 试听课学生请假怎么办？');
    expect(md).toContain('**❶** **试听课学生要不要布置作业**？\n\n答：试听课不需要布置作业。');
  });
  it('a data table keeps the paragraphs of a cell as <br> (handmade)', () => {
    expect(expectedMarkdown('table')).toContain('| Go  | 2009 | 并发<br>简洁 |');
    expect(render(body('<table><tr><th>甲</th><th>乙</th></tr><tr><td><p>一</p><p><br></p><p>二<br>三</p></td><td>四</td></tr></table>'))).toContain('<td>一<br>二<br>三</td>');
  });
  it('one cell per row, or rows spanning every column: the blocks it holds; a grid with merged cells stays', () => {
    expect(body('<table><tr><td><p>第一段</p></td></tr><tr><td><p>第二段</p></td></tr></table>')).toBe('第一段\n\n第二段');
    expect(body('<table><tr><td>目录</td><td>甲</td></tr><tr><td colspan="2"><p><strong>问</strong></p><p>答</p></td></tr></table>')).toBe('目录\n\n甲\n\n**问**\n\n答');
    expect(body('<table><tr><td rowspan="2">Q1</td><td>一月</td></tr><tr><td>二月</td></tr></table>')).toContain('<td rowspan="2">Q1</td>');
  });
});

describe('a caption goes with its picture', () => {
  const IMG = 'https://mmbiz.qpic.cn/mmbiz_png/abc/640?wx_fmt=png';
  it('05: figure numbers are the captions of their pictures, not lone paragraphs', () => {
    const md = expectedMarkdown('05-2025-reprint-codeblocks');
    expect(md).not.toMatch(/^\d{1,2}$/m);
    expect(md).toMatch(/^!\[图 1\]\(https:\/\/mmbiz\.qpic\.cn\/[^)]+\) {2}\n\*1\*$/m);
    expect(expectedMarkdown('16-2023-afterjs-video-tags')).toMatch(/^!\[图一：初见\]\([^)]+\) {2}\n\*图一：初见\*$/m);
  });
  it('renders as the picture with its caption right under it, in the same paragraph', () => {
    const md = body(`<figure><img data-src="${IMG}"><figcaption> 图二：稍详细的介绍 </figcaption></figure><p>正文</p>`);
    expect(render(md)).toBe(`<p><img src="${IMG}" alt="图二：稍详细的介绍" /><br /><em>图二：稍详细的介绍</em></p><p>正文</p>`);
  });
  it('a short number or "图 N" line under a picture is its caption; other lines are not', () => {
    expect(render(body(`<section><img data-src="${IMG}"></section><p>3</p><p>正文</p>`))).toBe(`<p><img src="${IMG}" alt="图 3" /><br /><em>3</em></p><p>正文</p>`);
    expect(body(`<p><img data-src="${IMG}"></p><p><span>图 2 架构总览</span></p>`)).toContain('*图 2 架构总览*');
    expect(body(`<p><img data-src="${IMG}"></p><p>下面这段是正文，不是图的说明。</p>`)).toBe(`![](${IMG})\n\n下面这段是正文，不是图的说明。`);
  });
});

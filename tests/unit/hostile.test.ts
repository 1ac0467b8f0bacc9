import { describe, expect, it } from 'vitest';
import MarkdownIt from 'markdown-it';
import { JSDOM } from 'jsdom';
import { parse as parseYaml } from 'yaml';
import { exportMarkdown } from '../../utils/markdown/note';
import { buildPage } from '../page-builder';
import { loadDocument } from '../golden-cases';

// What a note app does with the file: CommonMark + GFM with raw HTML allowed (Obsidian, Typora).
const md = new MarkdownIt('commonmark', { html: true }).enable(['table', 'strikethrough']);
const URL_ = 'https://mp.weixin.qq.com/s/hostile';

function exportOf(content: string, title?: string) {
  const r = exportMarkdown(loadDocument(buildPage({ content, title }), URL_), URL_);
  if (!r.ok) throw new Error(r.message);
  return r.markdown;
}

/** Everything in the rendered note that could run: scripts, handlers, script URLs, active embeds. */
function activeParts(markdown: string): string[] {
  const body = markdown.replace(/^---\n[\s\S]*?\n---\n/, '');
  const doc = new JSDOM(md.render(body)).window.document;
  const found: string[] = [];
  for (const el of Array.from(doc.querySelectorAll('*'))) {
    if (/^(SCRIPT|IFRAME|OBJECT|EMBED|STYLE|FORM|BASE|META|LINK|SVG|MATH)$/i.test(el.tagName)) found.push(`<${el.tagName.toLowerCase()}>`);
    for (const a of Array.from(el.attributes)) {
      if (/^on/i.test(a.name) || a.name === 'srcdoc' || a.name === 'style') found.push(`${el.tagName.toLowerCase()}[${a.name}]`);
      if (/^(href|src|action|formaction|xlink:href|data)$/i.test(a.name) && /^\s*(javascript|vbscript|data:(?!image\/(png|jpe?g|gif|webp);))/i.test(a.value)) found.push(`${el.tagName.toLowerCase()}[${a.name}=${a.value.slice(0, 30)}]`);
    }
  }
  return found;
}

const CASES: Record<string, string> = {
  'text that looks like a tag': '<p>&lt;script&gt;alert(1)&lt;/script&gt; and &lt;img src=x onerror=alert(1)&gt;</p>',
  'a real script and style': '<p>a</p><script>alert(1)</script><style>body{display:none}</style><p>b</p>',
  'event handlers on images': '<p><img src="x" onerror="alert(1)" data-src="https://mmbiz.qpic.cn/a/640?wx_fmt=png"></p>',
  'script URLs in images': '<p><img data-src="javascript:alert(1)"><img src="data:text/html,<script>alert(1)</script>"></p>',
  'script URLs in links': '<p><a href="javascript:alert(1)">one</a> <a href=" JaVaScRiPt:alert(1)">two</a> <a href="vbscript:msgbox(1)">three</a> <a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">four</a></p>',
  'iframes with srcdoc and script src': '<iframe srcdoc="<script>alert(1)</script>"></iframe><iframe src="javascript:alert(1)"></iframe><p>after</p>',
  'svg and math with handlers': '<svg onload="alert(1)"><script>alert(1)</script></svg><math><mi xlink:href="javascript:alert(1)">x</mi></math><p>after</p>',
  'a merged-cell table full of tricks': '<table><tr><td colspan="2" onclick="alert(1)" style="x"><img src="x" onerror="alert(1)"><a href="javascript:alert(1)">a</a><script>alert(1)</script></td></tr><tr><td>1</td><td>2<iframe src="javascript:alert(1)"></iframe></td></tr></table>',
  'media labels with markup': '<mp-common-mpaudio voice_encode_fileid="x" name="&lt;img src=x onerror=alert(1)&gt;](javascript:alert(1))"></mp-common-mpaudio><p>after</p>',
  'formula with markup': '<p>x <span data-formula="a&lt;/span&gt;&lt;script&gt;alert(1)&lt;/script&gt;" data-formula-type="inline-equation"></span></p>',
  'alt text with markup': '<p><img alt="&lt;script&gt;alert(1)&lt;/script&gt;](javascript:alert(1))" data-src="https://mmbiz.qpic.cn/a/640?wx_fmt=png"></p>',
  'link href that breaks out of the destination': '<p><a href="https://example.com/a) [x](javascript:alert(1)">link</a></p>',
  'html comments and cdata': '<p>a<!-- <script>alert(1)</script> --></p><p>&lt;!-- x --&gt; &lt;![CDATA[ y ]]&gt;</p>',
  'code that contains markup': '<pre><code>&lt;/code&gt;&lt;/pre&gt;&lt;script&gt;alert(1)&lt;/script&gt;\n```\n&lt;script&gt;</code></pre><p>after</p>',
};

describe('hostile pages: the export never carries anything that runs', () => {
  for (const [name, content] of Object.entries(CASES)) {
    it(name, () => {
      const note = exportOf(content);
      expect(activeParts(note)).toEqual([]);
    });
  }

  it('the text itself survives as text', () => {
    const note = exportOf(CASES['text that looks like a tag']!);
    const text = new JSDOM(md.render(note.replace(/^---\n[\s\S]*?\n---\n/, ''))).window.document.body.textContent;
    expect(text).toContain('<script>alert(1)</script> and <img src=x onerror=alert(1)>');
  });

  it('a title that tries to end the front matter stays one YAML string', () => {
    const title = 'a"\n---\n<script>alert(1)</script>: b # c';
    const note = exportOf('<p>x</p>', title);
    const front = /^---\n([\s\S]*?)\n---\n/.exec(note)![1]!;
    expect(parseYaml(front).title).toBe(title);
    expect(activeParts(note)).toEqual([]);
  });
});

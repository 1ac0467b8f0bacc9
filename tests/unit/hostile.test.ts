import { describe, expect, it } from 'vitest';
import MarkdownIt from 'markdown-it';
import { JSDOM } from 'jsdom';
import { parse as parseYaml } from 'yaml';
import { exportMarkdown } from '../../utils/pipeline/export';
import { buildPage } from '../page-builder';
import { loadDocument } from '../golden-cases';
import { indexMarkdown } from '../../utils/batch/output';
import { newBatch } from '../../utils/batch/state';

// What a note app does with the file: CommonMark + GFM with raw HTML allowed (Obsidian, Typora).
const md = new MarkdownIt('commonmark', { html: true }).enable(['table', 'strikethrough']);
// markdown-it refuses javascript: links itself; not every note app does. This one takes every link as
// written, so a script address in the note is found.
md.validateLink = () => true;
const URL_ = 'https://mp.weixin.qq.com/s/hostile';

function exportOf(content: string, title?: string, page: (html: string) => string = (h) => h) {
  const r = exportMarkdown(loadDocument(page(buildPage({ content, title })), URL_), URL_);
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
 // #26.4: addresses and names from page attributes.
  'a music card whose address is a script or markup': '<qqmusic audiourl="javascript:alert(1)" music_name="one"></qqmusic><qqmusic audiourl="https://e.com/a b&gt;&lt;img src=x onerror=alert(1)&gt;" music_name="two"></qqmusic><p>after</p>',
  'an unknown embed whose src is markup': '<mp-common-weird src="https://e.com/x&gt;&lt;img src=x onerror=alert(1)&gt; (y)"></mp-common-weird><iframe src="https://e.com/a b&lt;img src=x onerror=alert(1)&gt;"></iframe><p>after</p>',
  'a code block whose language ends the fence': '<section class="code-snippet__fix"><pre data-lang="js`&lt;img src=x onerror=alert(1)&gt;"><code>&lt;img src=x onerror=alert(1)&gt;</code></pre></section><p>after</p>',
  'an image address with a parenthesis': '<p><img data-src="https://mmbiz.qpic.cn/a/640)[x](javascript:alert(1))"></p><p>after</p>',
  'code that contains markup': '<pre><code>&lt;/code&gt;&lt;/pre&gt;&lt;script&gt;alert(1)&lt;/script&gt;\n```\n&lt;script&gt;</code></pre><p>after</p>',
};

describe('hostile pages: the export never carries anything that runs', () => {
  for (const [name, content] of Object.entries(CASES)) {
    it(name, () => {
      const note = exportOf(content);
      expect(activeParts(note)).toEqual([]);
    });
  }

  it('a page whose msg_link and og:url are script addresses: no script link in the note or its properties (#26.4)', () => {
    const note = exportOf('<p>x</p><mp-common-vote></mp-common-vote><iframe class="video_iframe" data-src="https://mp.weixin.qq.com/mp/readtemplate"></iframe>', undefined, (html) =>
      html.replace(/var msg_link = "[^"]*";/, 'var msg_link = "javascript:alert(1)"; var msg_source_url = \'javascript:alert(2)\'; var msg_cdn_url = "javascript:alert(3)";').replace('</head>', '<meta property="og:url" content="javascript:alert(4)"></head>'),
    );
    expect(note).not.toMatch(/javascript:/i);
    expect(note).toMatch(/^source: "https:\/\/mp\.weixin\.qq\.com\/s\/hostile"$/m);
    expect(activeParts(note)).toEqual([]);
  });

  it('a code block keeps its language when it is one, and is still a fence when it is not (#26.4)', () => {
    const note = exportOf('<section class="code-snippet__fix"><pre data-lang="c++"><code>int x;</code></pre></section><section class="code-snippet__fix"><pre data-lang="js`x"><code>a</code></pre></section>');
    expect(note).toContain('```c++\nint x;\n```');
    expect(note).toContain('```js\na\n```');
  });

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

describe("the album's index.md (#26.5)", () => {
  it('titles, reasons and addresses from the album are text, never markup or script links', () => {
    const state = newBatch('<img src=x onerror=alert(1)>', [
      { url: 'https://mp.weixin.qq.com/s/a', title: '<img src=x onerror=alert(1)>', date: '' },
      { url: 'javascript:alert(1)', title: '', date: '' },
      { url: 'https://mp.weixin.qq.com/s/c><img src=x onerror=alert(3)>', title: '<script>alert(1)</script>', date: '' },
    ]);
    state.items[0] = { ...state.items[0]!, status: 'done', name: 'a', failedImages: [{ url: 'https://e.com/i><img src=x onerror=alert(4)>', error: '<img src=x onerror=alert(5)>' }] };
    state.items[2] = { ...state.items[2]!, status: 'failed', reason: '<img src=x onerror=alert(2)>' };
    const index = indexMarkdown(state);
    expect(activeParts(index)).toEqual([]);
    const text = new JSDOM(md.render(index)).window.document.body.textContent;
    expect(text).toContain('<img src=x onerror=alert(1)>');
    expect(text).toContain('<script>alert(1)</script>');
  });
});

import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import MarkdownIt from 'markdown-it';
import TurndownService from 'turndown';
import { convertContent, dropEmptyWrappers, escapeTagsAndMath, MAY_NEED_ESCAPE } from '../../utils/markdown/convert';
import { INTRAWORD_UNDERSCORE } from '../../utils/markdown/escape';

// Lists as WeChat's editors write them: every item wrapped in a <section> or <p>.
const contentRoot = (html: string) => new JSDOM(`<div id="js_content">${html}</div>`).window.document.getElementById('js_content')!;
function convert(html: string): string {
  return convertContent(contentRoot(html), { source: 'https://mp.weixin.qq.com/s/x', headingShift: 0, imageTarget: (u) => u });
}
const render = (md: string) => new MarkdownIt('commonmark').render(md).replace(/\n/g, '');

describe('lists', () => {
  it('items of one paragraph make a tight list with a single space after the marker', () => {
    const md = convert('<ul><li><section>免费</section></li><li><section>开源</section></li></ul><p>之后</p>');
    expect(md).toBe('- 免费\n- 开源\n\n之后');
    expect(render(md)).toBe('<ul><li>免费</li><li>开源</li></ul><p>之后</p>');
  });

  it('ordered lists keep their start; nested lists are indented under the marker', () => {
    const md = convert('<ol start="3"><li><p>三</p></li><li><p>四</p><ul><li>甲</li><li>乙</li></ul></li></ol>');
    expect(md).toBe('3. 三\n4. 四\n   - 甲\n   - 乙');
    expect(render(md)).toBe('<ol start="3"><li>三</li><li>四<ul><li>甲</li><li>乙</li></ul></li></ol>');
  });

  it('an item of several paragraphs keeps them, inside the item', () => {
    const md = convert('<ul><li><p>第一段</p><p>第二段</p></li><li><p>下一项</p></li></ul>');
    expect(render(md)).toBe('<ul><li><p>第一段</p><p>第二段</p></li><li><p>下一项</p></li></ul>');
  });
});

describe('elements converted whole', () => {
  it('a wrapper holding only a formula or a card keeps it; one holding only decoration still separates blocks', () => {
    expect(convert('<section><span data-formula="x^2" data-formula-type="block-equation"><svg></svg></span></section>')).toBe('$$\nx^2\n$$');
    expect(convert('<section><mpvoice name="早安" voice_encode_fileid="abc"></mpvoice></section>')).toBe('[音频：早安](https://res.wx.qq.com/voice/getvoice?mediaid=abc)');
    expect(convert('第一句<section><svg><rect></rect></svg></section>第二句')).toBe('第一句\n\n第二句');
  });

  it('a code block is converted once from its own text; its spans and breaks are not converted as Markdown', () => {
    const md = convert('<pre><code><span>a</span> <span>*</span> b<br><span>_c_</span></code></pre><p>后</p>');
    expect(md).toBe('```\na * b\n_c_\n```\n\n后');
  });
});

describe('the player WeChat draws beside an audio card (33)', () => {
  const frame = (id: string) =>
    `<span class="js_audio_frame db"><span id="voice_main_${id}_0" class="share_audio_context"><strong class="share_audio_title">0623</strong><span class="share_audio_tips">来自军渡</span><em>00:00</em><em>18:37</em></span></span>`;
  it('after its card, the player is chrome: one audio line, no "来自… 00:00"', () => {
    const md = convert(`<p><mpvoice name="0623" play_length="1117000" voice_encode_fileid="MzUx_1"></mpvoice>${frame('MzUx_1')}</p><p>正文</p>`);
    // Its length is the card's play_length (ms): 1117000 → 18:37.
    expect(md).toBe('[音频：0623（18:37）](https://res.wx.qq.com/voice/getvoice?mediaid=MzUx_1)\n\n正文');
  });
  it('alone (its card gone), the player is the audio: its line, never lost', () => {
    expect(convert(`<p>${frame('MzUx_2')}</p>`)).toBe('[音频：0623](https://res.wx.qq.com/voice/getvoice?mediaid=MzUx_2)');
  });
});

describe('escaping text', () => {
  // The converter skips the escape for text the precheck finds nothing in. Every text that Turndown's
  // escape (or ours, `<` and `$`) would change must be caught by it, or Markdown syntax leaks.
  const plain = new TurndownService();
  const full = (s: string) => escapeTagsAndMath(plain.escape(s));
  const ascii = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i));
  const samples = ascii.flatMap((c) => [c, `${c} 文`, `${c}${c}${c}${c}`, `文${c}字`, `文 ${c} `]);
  samples.push('1. 一', '12. 十二', '## 标题', '###### 六', '~~~ 代码', '+ 项', '=== 线', '> 引', '<b>', '价格 $5');

  it('the precheck finds every text the escape would change', () => {
    const missed = samples.filter((s) => full(s) !== s && !MAY_NEED_ESCAPE.test(s));
    expect(missed).toEqual([]);
  });

  it('the note has every escape, at a run start and inside', () => {
    const md = convert('<p>1. 一</p><p>- 减</p><p>+ 加</p><p># 井</p><p>> 引</p><p>~~~ 浪</p><p>==</p><p>a*b_c`d[e]f\\g &lt;h $i</p>');
    expect(md).toBe('1\\. 一\n\n\\- 减\n\n\\+ 加\n\n\\# 井\n\n\\> 引\n\n\\~~~ 浪\n\n\\==\n\na\\*b_c\\`d\\[e\\]f\\\\g \\<h \\$i');
  });

  it('an underscore inside a word is written plain; every other one stays escaped; each renders as the text it was', () => {
    const texts = [INTRAWORD_UNDERSCORE.example, 'SYSTEM_UI_FLAG_LAYOUT_FULLSCREEN和SYSTEM_UI_FLAG_LAYOUT_STABLE', '设置成match_parent，让图片', '_开头和结尾_', '__init__ 方法', 'a _b_ c', 'snake_case_ 后', '文字\\_反斜杠'];
    for (const t of texts) {
      const md = convert(`<p>${t}</p>`);
      // What a notes app shows is the article's text: no emphasis, nothing lost.
      expect(render(md), t).toBe(`<p>${t}</p>`);
    }
    expect(convert('<p>SYSTEM_UI_FLAG和match_parent</p>')).toBe('SYSTEM_UI_FLAG和match_parent');
    expect(convert('<p>__init__</p>')).toBe('\\_\\_init\\_\\_');
  });
});

describe('empty wrappers and one-child wrappers are gone before the converter, the note the same', () => {
  const after = (html: string) => {
    const root = contentRoot(html);
    dropEmptyWrappers(root);
    return root.innerHTML;
  };
  it('removes what writes nothing, keeps what writes a break or is read by a rule', () => {
    expect(after('<p>甲</p><section></section><p>乙</p>')).toBe('<p>甲</p><p>乙</p>');
    expect(after('<p>甲<span></span><strong><font></font></strong>乙</p>')).toBe('<p>甲乙</p>');
    // Between two runs of inline text an empty block is a paragraph break: it stays, and so does the break.
    expect(after('<div><span>甲</span><section></section><span>乙</span></div>')).toBe('<div><span>甲</span><section></section><span>乙</span></div>');
    expect(convert('<div><span>甲</span><section></section><span>乙</span></div>')).toBe('甲\n\n乙');
    expect(after('<section><section><p><img src="a.png"></p></section></section>')).toBe('<p><img src="a.png"></p>');
    expect(after('<section class="code-snippet__fix"><pre>x</pre></section>')).toBe('<section class="code-snippet__fix"><pre>x</pre></section>');
    expect(after('<section data-wac-title="2"><p>标题</p></section>')).toBe('<section data-wac-title="2"><p>标题</p></section>');
    expect(after('<p><br></p><span class="video_iframe" data-src="v"></span>')).toBe('<p><br></p><span class="video_iframe" data-src="v"></span>');
  });
});

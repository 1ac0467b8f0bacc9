import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { buildPage } from '../page-builder';
import { exportMarkdown } from '../../utils/pipeline/export';
import { BOLD_SET, NOT_A_TITLE, NUMBERING, REFERENCE_MARKER, TITLE_RULES, sectionTitles } from '../../utils/page/headings';
import { expectedMarkdown, pageHtml } from '../fixtures';
import { GOLDEN_PAGES } from '../golden-cases';
import { label } from '../label-check';

const PROSE = '<p style="font-size: 15px">这是一段足够长的正文，用来说明正文的字号和颜色是什么样子的，读者会一直读下去。</p>';
const URL = 'https://mp.weixin.qq.com/s/headings';
/** The note's body lines for a content fragment, prose around it. */
function note(fragment: string): string {
  const doc = new JSDOM(buildPage({ title: '标题测试', content: `${PROSE}${fragment}${PROSE}` }), { url: URL }).window.document;
  const r = exportMarkdown(doc, URL);
  if (!r.ok) throw new Error(r.message);
  return r.markdown.slice(r.markdown.indexOf('# 标题测试'));
}
const headings = (md: string) => md.split('\n').filter((l) => /^#{2,6} /.test(l));

describe('section titles: the rules, each with its example', () => {
  it('every numbering rule matches its example', () => {
    for (const n of NUMBERING) expect(n.pattern.test(n.example), n.name).toBe(true);
    for (const r of NOT_A_TITLE) expect(r.test(r.example), r.name).toBe(true);
  });
  for (const rule of TITLE_RULES) {
    it(`${rule.name}: ${rule.example}`, () => {
      expect(headings(note(`${rule.example}${PROSE}`))).toHaveLength(1);
    });
  }
  it('bold-only lines are titles when the article has a set of them', () => {
    const set = ['课堂问题', '学生问题', '讲义问题'].map((t) => `<p><strong>${t}</strong></p>${PROSE}`).join('');
    expect(headings(note(set))).toEqual(['## 课堂问题', '## 学生问题', '## 讲义问题']);
    expect(BOLD_SET.min).toBe(3);
  });
  it('levels by style: larger titles are ##, numbered bold ones under them ###; the own headings lead', () => {
    const big = (t: string) => `<p><span style="font-size: 22px"><strong>${t}</strong></span></p>${PROSE}`;
    const small = (t: string) => `<p><strong>${t}</strong></p>${PROSE}`;
    expect(headings(note(`${big('一、缘起')}${small('1. 背景')}${small('2. 目标')}${big('二、做法')}${small('1. 准备')}`))).toEqual([
      '## 一、缘起', '### 1\\. 背景', '### 2\\. 目标', '## 二、做法', '### 1\\. 准备',
    ]);
    expect(headings(note(`<h1>总览</h1>${PROSE}<h3>细节</h3>${PROSE}<p><strong>一、小节</strong></p>${PROSE}`))).toEqual(['## 总览', '### 细节', '#### 一、小节']);
  });
  it('a title broken over two lines is one heading', () => {
    const line = (t: string) => `<p><span style="font-size: 20px; color: rgb(0, 52, 198)"><strong>${t}</strong></span></p>`;
    expect(headings(note(`${line('语言贫瘠的背后，')}${line('是思考能力的危机')}${PROSE}`))).toEqual(['## 语言贫瘠的背后，是思考能力的危机']);
  });
});

describe('section titles: what never is one', () => {
  const numbered = (t: string) => `<p><strong>${t}</strong></p>`;
  const cases: [string, string][] = [
    ['a sentence, even bold and numbered', `${numbered('一、这就是互联网架构中的“页面静态化”优化技术。')}${PROSE}`],
    ['a question', `${numbered('1. 那为啥代码里面执行就会失败呢？')}${PROSE}`],
    ['a long line', `${numbered('一、静态页面是指互联网架构中几乎不变的页面或者变化频率很低的页面和资源')}${PROSE}`],
    ['a bold run inside a paragraph', `<p>正文里有<strong>一、加粗的短语</strong>然后继续说下去</p>${PROSE}`],
    ['a caption: small and grey, next to an image', `<p><img data-src="https://mmbiz.qpic.cn/a/640?wx_fmt=png"></p><p><span style="font-size: 12px; color: rgb(136, 136, 136)"><strong>1. 示意图</strong></span></p>${PROSE}`],
    ['a short line in a list', `<ul><li><strong>一、列表项</strong></li><li>另一项</li></ul>${PROSE}`],
    ['a short line in a quote', `<blockquote><p><strong>一、引用里</strong></p></blockquote>${PROSE}`],
    ['lines styled alike one after another (verse)', ['新时代', '新气象', '新作为'].map((t) => `<p><span style="color: #C00000"><strong>一、${t}</strong></span></p>`).join('') + PROSE],
    ['one bold line with no set and no other sign', `<p><strong>定积分的核心</strong></p>${PROSE}`],
    ['a coloured line with no other sign', `<p><span style="color: rgb(0, 52, 198)">蓝色的一行字</span></p>${PROSE}`],
    ['the last line of the article', `<p><strong>一、结尾</strong></p>`],
  ];
  for (const [name, fragment] of cases) {
    it(name, () => {
      const doc = new JSDOM(buildPage({ content: `${PROSE}${fragment}` }), { url: URL }).window.document;
      expect(sectionTitles(doc.querySelector('#js_content')!).map((t) => t.text)).toEqual([]);
    });
  }
});

describe('same look, same level; no reference markers (02, the note and the outline)', () => {
  const page02 = () => new JSDOM(pageHtml('02-2025-weekly-readmore-original-manyimg')).window.document.querySelector('#js_content')!;
  it('the outline lists every tool of a numbered series at one level, without its marker', () => {
    const titles = sectionTitles(page02());
    const level = (text: string) => titles.find((t) => t.text === text)?.level;
    // "1、" plain, "Jta[49]" coloured: the number does not decide the look of the words.
    expect(level('1、Jta')).toBe(level('2、Smart Excalidraw'));
    expect(level('1、Jta')).toBeDefined();
    // "9、QiLuo[45]（祺洛）" is in the series of "8、中国节假日[41]", so it is a title like it.
    expect(level('9、QiLuo（祺洛）')).toBe(level('8、中国节假日'));
    expect(titles.filter((t) => /\[\d+\]/.test(t.text)).map((t) => t.text)).toEqual([]);
    expect(REFERENCE_MARKER.example.replace(REFERENCE_MARKER.pattern, '')).toBe('2、Smart Excalidraw');
    // "1、婚礼赞助" heads news items that are sentences ("2、…近日宣判。"): none of them is a title.
    expect(titles.map((t) => t.text)).not.toContain('1、婚礼赞助');
  });
  it('the note says the same', () => {
    const lines = headingLines('02-2025-weekly-readmore-original-manyimg');
    expect(lines).toEqual(expect.arrayContaining(['### 1、Jta', '### 2、Smart Excalidraw', '### 9、QiLuo（祺洛）']));
    expect(lines.filter((l) => /\\\[\d+\\\]/.test(l))).toEqual([]);
    // A sentence series stays paragraphs; its marker is a footnote reference (#28.4).
    expect(expectedMarkdown('02-2025-weekly-readmore-original-manyimg')).toMatch(/^1、婚礼赞助\[\^15\]$/m);
  });
  it('a series of numbered lines is titles or not as a whole (hand-made)', () => {
    const plain = (t: string) => `<p>${t}</p>${PROSE}`;
    const styled = (n: string, t: string) => `<p><span>${n}</span><span style="color: rgb(255, 53, 2)">${t}</span><sup>[1]</sup></p>${PROSE}`;
    expect(headings(note(`${styled('1、', '甲工具')}${styled('2、', '乙工具')}${plain('3、丙工具（试用）')}`))).toEqual(['## 1、甲工具', '## 2、乙工具', '## 3、丙工具（试用）']);
    expect(headings(note(`${styled('1、', '一条新闻')}${plain('2、另一条新闻说了一件事。')}${plain('3、第三条新闻也是一句话。')}`))).toEqual([]);
  });
  it('a short question on a band is a title; bold alone, a long one, or a marker-pen phrase is not (31, hand-made)', () => {
    const band = (t: string) => `<section style="background-color: rgb(105, 135, 166)"><span style="color: rgb(255, 255, 255); font-size: 18px">${t}</span></section>${PROSE}`;
    expect(headings(note(`${band('什么是沉浸式？')}${band('隐藏状态栏')}`))).toEqual(['## 什么是沉浸式？', '## 隐藏状态栏']);
    expect(headings(note(`<p><strong>你考虑过吗？</strong></p>${PROSE}`))).toEqual([]);
    expect(headings(note(band('比如之前就有一个群友问过我，这样的效果该如何实现？')))).toEqual([]);
    expect(headings(note(`<p>正文里<span style="background-color: rgb(255, 235, 59)">荧光笔标出</span>的一句话，写完了。</p>${PROSE}`))).toEqual([]);
  });
  it('a padded series goes on past 09, and a question styled like its titles is one of them (29, hand-made)', () => {
    const title = (t: string) => `<p><span style="color: rgb(255, 169, 0); font-size: 17px"><strong>${t}</strong></span></p>${PROSE}`;
    const lines = ['01.缘起', '02.经过', '03.结果', '04.反思', '05.追问', '06.旁证', '07.余波', '08.关系', '09.重点：什么是违法？', '10.最后'];
    expect(headings(note(lines.map(title).join('')))).toEqual(lines.map((l) => `## ${l}`));
    // Counter-examples: a statement in the series, and a question that does not look like the titles.
    const statement = [...lines.slice(0, 8), '09.重点：这是一句陈述。', '10.最后'];
    expect(headings(note(statement.map(title).join('')))).not.toContain('## 09.重点：这是一句陈述。');
    const plainQuestion = lines.map((l, i) => (i === 8 ? `<p>09.什么是违法？</p>${PROSE}` : title(l))).join('');
    expect(headings(note(plainQuestion)).some((h) => h.includes('什么是违法'))).toBe(false);
  });
});

const headingLines = (name: string) => headings(expectedMarkdown(name).replace(/^```[\s\S]*?^```/gm, ''));

describe('section titles on corpus pages', () => {
  it('six pages with styled titles get them as headings', () => {
    expect(headingLines('04-2025-paid-article')).toEqual(['## 一、小众仙草', '## 二、分类仙草']);
    expect(headingLines('20-2018-raw-readmore-original')).toEqual(['## 一、静态页面', '## 二、动态页面', '## 三、互联网动静分离架构', '## 四、页面静态化', '## 五、页面静态化的适用场景', '## 六、总结']);
    expect(headingLines('06-2025-reprint-magazine-36kr')).toEqual(['## 网络热梗，互联网时代的 “方言”', '## 当作文只剩应试模版，请重修语文', '## 语言贫瘠的背后，是思考能力的 危机']);
    expect(headingLines('21-2018-raw-mpvoice-vote').slice(0, 3)).toEqual(['## 【全国两会】', '## 【武 汉】', '## 【天 气】']);
    expect(headingLines('25-2017-preview-tables')).toEqual(['## 课堂问题', '### 试听课问题', '### 学生问题', '### 讲义问题']);
    expect(headingLines('02-2025-weekly-readmore-original-manyimg')).toContain('### 1、Zensical');
    expect(headingLines('23-2018-raw-bgimage-qqmusic-news')).toContain('## 华商新闻');
  });
  it('no label string that is a sentence ends up in a heading line', () => {
    const offenders: string[] = [];
    for (const name of GOLDEN_PAGES) {
      const l = label(name);
      if (!l) continue;
      const lines = headings(expectedMarkdown(name)).map((h) => h.replace(/\\(.)/g, '$1').replace(/\s+/g, ''));
      for (const must of l.must.filter((s) => /[。！？!?]["”’）)]*$/.test(s.trim()))) {
        const m = must.replace(/\s+/g, '');
        // A question may head a numbered section ("09.重点：什么样的爬虫是违法？"); a statement never does.
        const asNumberedQuestion = (h: string) => /[？?]$/.test(m) && /^#+\S*?\d+[.、．]/.test(h);
        if (lines.some((h) => h.includes(m) && !asNumberedQuestion(h))) offenders.push(`${name}: ${must}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});

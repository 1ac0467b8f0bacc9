import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expectedMarkdown, FIXTURES, handmadeHtml } from '../fixtures';
import { exportFixture, GOLDEN_CLOCK, GOLDEN_PAGES, HANDMADE, loadDocument, prepareFixture } from '../golden-cases';
import { articleMarkdown } from '../../utils/markdown/note';
import { exportMarkdown } from '../../utils/pipeline/export';
import { imageExtension } from '../../utils/page/images';
import { DEFAULT_SETTINGS } from '../../utils/settings/settings';
import { checkAgainstLabel, label } from '../label-check';


/**
 * Promotion the notes still keep, kept in view (a fix shows here as well as a regression). 37: a picture
 * never loaded right above the closing ask, which nothing about the picture tells from the article's last
 * figure: it stays, counted apart (the toolbar offers to hide it). 19's closing GIF, added after the
 * article's mdnice section, no longer leaks.
 */
const KNOWN_LEAKS: Record<string, { text: string[]; images: number }> = {
  '37': { text: [], images: 1 },
};

// Each case: the real pipeline on a saved page equals the expected note, read through by eye.
describe('golden exports', () => {
  for (const name of [...GOLDEN_PAGES, ...HANDMADE]) {
    it(name, () => {
      const r = exportFixture(name);
      if (!r.ok) throw new Error(r.message);
      expect(r.markdown).toBe(expectedMarkdown(name));
      // The expected file was written from the code's output: the page's label says what it must hold.
      const l = label(name);
      if (!l) return;
      const c = checkAgainstLabel(r.markdown, l);
      expect(c.missing, 'label strings missing from the note').toEqual([]);
      expect({ images: c.images, extra: c.extraImages }, 'content images').toEqual({ images: l.content_images ?? 0, extra: 0 });
      const known = KNOWN_LEAKS[name.slice(0, 2)] ?? { text: [], images: 0 };
      expect(c.leaks, 'promotion text in the note').toEqual(known.text);
      expect(c.promoLeaks.length, 'promotion images in the note').toBe(known.images);
    });
  }

  it('every corpus page with an article has a label, copied into the repository', () => {
    const unlabelled = GOLDEN_PAGES.filter((n) => !label(n));
    expect(unlabelled).toEqual([]);
    // A label check that cannot fail proves nothing: a note without its last paragraph misses it.
    const l = label('17-2022-raw-local-news')!;
    const md = expectedMarkdown('17-2022-raw-local-news');
    const cut = md.slice(0, md.lastIndexOf(l.must.at(-1)!));
    expect(checkAgainstLabel(cut, l).missing.length).toBeGreaterThan(0);
    // Markdown escapes do not hide a string: `\*` in the note reads as `*`.
    expect(checkAgainstLabel('a \\*b\\* **c**', { ...l, must: ['*b* c'], content_images: 0 }).missing).toEqual([]);
  });

  it('the seed article: expected file is the shared golden, verbatim but for the article identity it predates; file name is Windows-safe', () => {
    const r = exportFixture('seed-article');
    if (!r.ok) throw new Error(r.message);
    const shared = join(FIXTURES, '..', '..', '..', 'shared', 'golden', 'seed-article.md');
    // The shared golden predates the note's identity and the default `created` and `tags` properties
    // (#28.9); otherwise verbatim.
    const expected = expectedMarkdown('seed-article');
    expect(expected).toContain('\nwechat_id: "MzA5MzE5MDAzOA==/2664237172/5"\n---\n');
    const withoutNew = expected.replace(/^created: .*\ntags: \[\]\n/m, '').replace(/^wechat_id: .*\n/m, '');
    if (existsSync(shared)) expect(withoutNew).toBe(readFileSync(shared, 'utf8'));
    expect(r.markdown).toBe(expectedMarkdown('seed-article'));
    expect(r.fileName).toBe('国际 ｜ 中缅泰打击电诈，从清剿转向治理');
  });

  it('an article is converted in place, once: a second conversion is refused, not written wrong', () => {
    const r = prepareFixture('05');
    if (!r.ok) throw new Error(r.message);
    expect(articleMarkdown(r.article, DEFAULT_SETTINGS, undefined, GOLDEN_CLOCK)).toBe(expectedMarkdown('05-2025-reprint-codeblocks'));
    expect(() => articleMarkdown(r.article, DEFAULT_SETTINGS)).toThrow(/already converted/);
  });

  it('covers every page kind', () => {
    const kinds = new Set(GOLDEN_PAGES.map((n) => exportFixture(n)).map((r) => (r.ok ? r.article.kind : 'failed')));
    expect([...kinds].sort()).toEqual(['article', 'image-post', 'share', 'text-post']);
  }, 300_000);
});

describe('element families in the goldens', () => {
  const md = (name: string) => expectedMarkdown(name);
  it('mdnice code blocks keep their line breaks (05, 19)', () => {
    expect(md('19-2020-afterjs-code-mdnice')).toMatch(/```\nimport json\nimport redis\nimport pymongo\n/);
    expect(md('05-2025-reprint-codeblocks').match(/^```/gm)?.length).toBeGreaterThanOrEqual(100);
  });
  it('native code snippet: language kept, line numbers dropped', () => {
    expect(md('code-snippet')).toContain('```python\ndef greet(name):\n    s = "**hi** `x` _y_"\n    return s < 3 && name\n```');
    expect(md('code-snippet')).toContain('```javascript\nconst a = 1;\nif (a) {\n  console.log(`a=${a}`);\n}\n```');
  });
  it('formulas from data-formula, inline and block, without \\small', () => {
    expect(md('formula')).toContain('质能方程 $E=mc^2$ 人人皆知。');
    expect(md('formula')).toContain('$$\n\\int_0^1 x^2\\,dx = \\frac{1}{3}\n$$');
  });
  it('tables: GFM for simple ones, sanitized HTML for merged cells, their blocks for layout tables (handmade, 25)', () => {
    expect(md('table')).toContain('| 语言  | 年份  | 说明  |');
    expect(md('table')).toContain('<td colspan="2"><strong>季度</strong></td>');
    expect(md('table')).not.toMatch(/onclick|<script|style=|javascript:/);
    // 25's FAQ tables lay questions out: every row but one spans both columns.
    expect(md('25-2017-preview-tables')).not.toContain('<table>');
  });
  it('media cards become labelled links', () => {
    expect(md('21-2018-raw-mpvoice-vote')).toContain('[音频：早安武汉3月19日（4:43）](https://res.wx.qq.com/voice/getvoice?mediaid=');
    expect(md('21-2018-raw-mpvoice-vote')).toContain('[投票](');
    expect(md('22-2018-raw-video-iframe')).toContain('[视频：v.qq.com](https://v.qq.com/x/page/o0608305r9k.html)');
    expect(md('23-2018-raw-bgimage-qqmusic-news')).toContain('[音乐：柔如彩虹');
    expect(md('03-2025-math-svg-audio')).toContain('[音频：【Day 15】大题给分点在过程与步骤！保证步骤清晰（1:06）]');
    expect(md('miniprogram')).toContain('[小程序：每日一题](');
    expect(md('miniprogram')).toContain('[未能转换的内容：mp-common-weird](');
  });
  it('the injected video player appears once per video, as a link, with none of its UI', () => {
    const v = md('16-2023-afterjs-video-tags');
    expect(v.match(/\[视频：在原文中播放\]/g)).toHaveLength(1);
    // No line that is only a player label (视频, Replay, Share): the scoreboard's chrome words.
    expect(v).not.toMatch(/^(\[?视频\]?|Replay|Share|Like)$/m);
    expect(v).not.toMatch(/视频加载失败|已关注|Subscribed/);
  });
  it('every content image is kept, even with repeated alt text (02: 51 images)', () => {
    expect(md('02-2025-weekly-readmore-original-manyimg').match(/!\[[^\]]*\]\(https:\/\/mmbiz\.qpic\.cn/g)?.length).toBeGreaterThanOrEqual(50);
    for (const name of GOLDEN_PAGES) expect(md(name)).not.toMatch(/\]\(data:/);
  });
  it('an image post keeps every picture of picture_page_info_list, in order, and not their watermarks (08)', () => {
    const pics = Array.from(md('08-2025-image-post-type8').matchAll(/!\[\]\((https:\/\/mmbiz\.qpic\.cn\/[^)]+)\)/g), (m) => m[1]);
    expect(pics).toHaveLength(4);
    expect(pics[0]).toContain('QicyPhNHD5vZR18V1mp20xVIsYhNwqG4wdiaj1rqYFwibB3ZOsnsOydzic8RQ3Y3hNiczCCcvoCakTbxcsLq9qRqtYg');
    expect(pics.join(' ')).not.toMatch(/gdIUWfHDhUCDt4XfY8HlMHVasfx4koIRNqiazF40u9dyGuwn1ic0gOzg|wnreulibDGFCia/);
  });
  it('a text post with its own title (is_user_title 1) is titled with it; without, by its first line', () => {
    expect(md('text-post-titled')).toMatch(/^title: "周末读书笔记"$/m);
    expect(md('text-post-titled')).toContain('\n# 周末读书笔记\n\n这周读完了《长安的荔枝》');
    expect(md('text-post-untitled')).toMatch(/^title: "今天路过公园，银杏全黄了。"$/m);
    expect(md('09-2025-text-post-short-type10')).toMatch(/^title: "明天是十一假期/m);
  });
  it('descriptions are text and short: entities decoded, cut at a sentence (#28.3: 08, 07, 17)', () => {
    const description = (name: string) => JSON.parse(/^description: (".*")$/m.exec(md(name))![1]!) as string;
    expect(md('08-2025-image-post-type8')).not.toMatch(/&quot;|&amp;|&#/);
    // 08's msg_desc is the whole post (476 characters): its first sentences, ending at one.
    expect(description('08-2025-image-post-type8')).toBe('今年，中国汽车行业价格战，寒气越发深入。 2025年9月，新能源汽车销售均价下滑至15.8万元，为2019年后首次跌破16万元价位线。');
    // WeChat's own digests, cut mid-word, go back to a sentence or clause.
    expect(description('07-2025-share-readfull-link')).toMatch(/我再次读依然感动。$/);
    expect(description('17-2022-raw-local-news')).toBe('绥德县举行庆“八一”双拥文艺汇演暨首届“最美退役军人”表彰大会7月29日上午…');
    // An author's digest without a full stop stays as written.
    expect(description('21-2018-raw-mpvoice-vote')).toMatch(/◇周三开始放晴$/);
  });
  it("a text post's title and file name end at a sentence, not mid-word (#28.6: 09)", () => {
    const r = exportFixture('09-2025-text-post-short-type10');
    if (!r.ok) throw new Error(r.message);
    expect(r.fileName).toBe('明天是十一假期，《科技爱好者周刊》暂停一期。上周说，提前到今天发，后来想想，还是暂停吧，我也休息一周。');
  });
  it('references are links: addresses whole, markers linked to their entry as footnotes (#28.4: 02, 01)', () => {
    const weekly = md('02-2025-weekly-readmore-original-manyimg');
    expect(weekly).toContain('\n[^52]: 在线试用: <https://smart-excalidraw.aizhi.site/>\n');
    expect(weekly).toContain('<https://www.reddit.com/r/ArtificialInteligence/comments/1oj52xx/tech_companies_are_firing_everyone_to_fund_ai_but/>');
    expect(weekly).toContain('\n[^4]: 邮件联系: <mailto:yifeng.ruan@gmail.com>\n');
    expect(weekly).toContain('本杂志开源[^1]，欢迎投稿[^2]。');
    expect(weekly).not.toMatch(/\\\[\d+\\\]|`\[\d+\]`/);
    // Every marker has its entry: 77 entries, 52 markers. 74–77 marked the 往年回顾 links, which are
    // the account's promotion and not in the note; 21 stood in numbered titles, and a marker does not
    // enter a heading (#28.7).
    const defined = new Set(Array.from(weekly.matchAll(/^\[\^(\d+)\]: /gm), (m) => m[1]));
    const used = new Set(Array.from(weekly.matchAll(/\[\^(\d+)\](?!:)/g), (m) => m[1]));
    expect(defined.size).toBe(77);
    expect(used.size).toBe(52);
    expect([...used].filter((n) => !defined.has(n))).toEqual([]);
    // An address in the text is a link, whole, its underscores not escaped.
    expect(md('01-2025-normal-tech-profilecard')).toContain('**<https://articles.zsxq.com/id_zfi4z67dv4ip.html>**');
    expect(md('09-2025-text-post-short-type10')).toContain('翻翻以前的周刊。<https://www.ruanyifeng.com/blog/weekly/>');
  });
  it("WeChat's page of July 2026 (hand-made): its account, and every image whatever its parameters, in its real format (#28.8)", () => {
    const note = md('wechat-2026');
    expect(note).toMatch(/^account: "图&文研究所"$/m);
    const pics = Array.from(note.matchAll(/!\[\]\((https:\/\/mmbiz\.qpic\.cn\/[^)]+)\)/g), (m) => m[1]!);
    expect(pics).toHaveLength(4);
    // The loader's parameters (tp=webp: WebP instead of the real format) and the #imgIndex go; the image's own stay.
    expect(pics.join(' ')).not.toMatch(/tp=|wxfrom|wx_lazy|wx_co|#/);
    expect(pics[0]).toMatch(/\?wx_fmt=png&from=appmsg&watermark=1$/);
    expect(pics.map((u) => imageExtension(u))).toEqual(['png', 'jpg', 'png', 'gif']);
    // The account with no script variable: from the profile card (the 2026 page has no .wx_follow_nickname).
    const html = handmadeHtml('wechat-2026').replace(/^ *var nickname = .*\n/m, '');
    const r = exportMarkdown(loadDocument(html, 'https://mp.weixin.qq.com/s/x'), 'https://mp.weixin.qq.com/s/x');
    expect(r.ok && r.article.meta.account).toBe('图&文研究所');
  });
  it('javascript: links are dropped, links to other articles kept', () => {
    expect(md('table')).not.toContain('javascript:');
    expect(md('20-2018-raw-readmore-original')).not.toContain('javascript:');
  });
});

import { describe, expect, it } from 'vitest';
import { exportFixture, loadDocument, UNAVAILABLE } from '../golden-cases';
import { pageHtml, pageName } from '../fixtures';
import { exportMarkdown } from '../../utils/pipeline/export';
import { canonicalArticleUrl, isoChinaTime } from '../../utils/page/metadata';
import { detectPage } from '../../utils/page/kind';

const meta = (p: string) => {
  const r = exportFixture(pageName(p));
  if (!r.ok) throw new Error(r.message);
  return r.article.meta;
};

describe('metadata', () => {
  it('seed: every front-matter field', () => {
    expect(meta('seed-article')).toMatchObject({
      title: '国际 | 中缅泰打击电诈，从清剿转向治理',
      author: '郭永良',
      account: '中国信息安全',
      published: '2025-02-22T18:01:00+08:00',
      source: 'https://mp.weixin.qq.com/s?__biz=MzA5MzE5MDAzOA==&mid=2664237172&idx=5&sn=ad9fb446f073c21912871087a98568c5',
      description: '从“危机驱动”升级为“制度驱动”',
    });
  });
  it('published comes from ct, never from the viewer-dependent #publish_time text', () => {
    // 15 shows "2024年12月18日 18:08"; 18 and 19 show the relative "昨天" / "前天".
    expect(meta('15').published).toBe('2024-12-18T18:08:11+08:00');
    expect(meta('18').published).toMatch(/^2020-02-1\dT/);
    expect(meta('25').published).toBe('2017-05-18T15:46:42+08:00');
    expect(isoChinaTime('0')).toBe('');
  });
  it('2017/2018 account and byline', () => {
    expect(meta('20').account).toBe('架构师之路');
    expect(meta('20').author).toBe('58沈剑');
  });
  it('a publish time is no byline: 18 and 26 show 昨天, 27 and 30 a date where 2017/2018 had the byline; 30 names its author in the reward box', () => {
    for (const p of ['17', '18', '26', '27']) expect(meta(p).author, p).toBe('');
    expect(meta('30').author).toBe('邻云');
    // Counter: the 2017/2018 byline in the same place stays (20, 21 as their labels have it).
    expect(meta('21').author).toBe('读武汉关注☞');
  });
  it('paid article title without the 已付费 badge', () => {
    expect(meta('04').title).toBe('来聊聊我心目中近三年的仙草（2022-2025）');
  });
  it('阅读原文 target and reprint source', () => {
    expect(meta('02').originalUrl).toBe('https://www.ruanyifeng.com/blog/2025/11/weekly-issue-372.html');
    // 阅读原文 pointing at another WeChat article: canonical, without chksm and #rd.
    expect(meta('20').originalUrl).toBe('https://mp.weixin.qq.com/s?__biz=MjM5ODYxMDA5OQ==&mid=2651960791&idx=1&sn=7b070e53b5890e08082ebf1bc2e65626');
    expect(meta('06')).toMatchObject({ reprintAccount: '新周刊', reprintAuthor: '何驰' });
  });
  it('canonical source drops chksm, scene, subscene and #rd', () => {
    expect(canonicalArticleUrl('http://mp.weixin.qq.com/s?__biz=MzA==&amp;mid=1&amp;idx=2&amp;sn=abc&amp;chksm=ff&amp;scene=58&amp;subscene=0#rd')).toBe('https://mp.weixin.qq.com/s?__biz=MzA==&mid=1&idx=2&sn=abc');
    expect(canonicalArticleUrl('https://mp.weixin.qq.com/s/AbC-12?scene=1#rd')).toBe('https://mp.weixin.qq.com/s/AbC-12');
  });
  it('text posts: the first line stands in for the title', () => {
    expect(meta('09').title.startsWith('明天是十一假期')).toBe(true);
    expect(meta('09').account).toBe('阮一峰的网络日志');
  });
});

describe('pages that are not articles', () => {
  const messages: Record<string, RegExp> = { '11': /该内容已被发布者删除/, '12': /deleted by the author/, '13': /此内容因违规无法查看/, '14': /该内容暂时无法查看/, '24': /链接已过期/ };
  for (const p of UNAVAILABLE) {
    it(`${p}: a clear message and no file`, () => {
      const html = pageHtml(p);
      const doc = loadDocument(html, 'https://mp.weixin.qq.com/s/x');
      expect(detectPage(doc).kind).toBe('unavailable');
      const r = exportMarkdown(doc, 'https://mp.weixin.qq.com/s/x');
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message).toMatch(messages[p]!);
    });
  }
});

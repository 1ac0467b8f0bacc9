import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { findPromotion, type PromoBlock } from '../../utils/clean/promotion';
import { ASK_RULES, AD_LEAD_RULES, asksOf, UI_HINT, UI_HINT_WORD, CREDIT_LINE, WEAK_ASKS, END_MARK } from '../../utils/clean/promotion-signals';
import { DECORATION_RULES, decorativeImages } from '../../utils/clean/decoration';
import { buildPage } from '../page-builder';
import { FIXTURES, pageHtml, pageUrl, PAGE_NAMES } from '../fixtures';

/** The content root of a page built around the given content. */
function content(html: string): Element {
  const doc = new JSDOM(buildPage({ content: html }), { url: 'https://mp.weixin.qq.com/s/test' }).window.document;
  return doc.getElementById('js_content')!;
}
const hiddenText = (root: Element) => findPromotion(root).map((b) => (b.el.textContent ?? '').replace(/\s+/g, ' ')).join('\n');
const isHidden = (root: Element, text: string) => hiddenText(root).includes(text);
const unsureText = (root: Element) => {
  const unsure: ReturnType<typeof findPromotion> = [];
  findPromotion(root, unsure);
  return unsure.map((b) => (b.el.textContent ?? '').replace(/\s+/g, ' ')).join('\n');
};

/** Prose long enough to be the article's own paragraphs. */
const PROSE = (n: number) =>
  Array.from({ length: n }, (_, i) => `<p>第${i + 1}段：这是一段足够长的正文，讲述文章自己的内容，包含完整的句子和标点，读者会从头读到尾，长度超过四十个字。</p>`).join('');

describe('asks: each signal with its example, and its counter-example alone decides nothing', () => {
  for (const rule of ASK_RULES) {
    const example = rule.example.split(' · ')[0]!.replace(/^[\w-]+: /, '');
    const weak = WEAK_ASKS.has(rule.ask);
    it(`${rule.ask}: "${example}" asks; at the end of an article it is ${weak ? 'unsure: it stays, counted apart' : 'hidden'}`, () => {
      expect(asksOf(example)).toContain(rule.ask);
      const root = content(`${PROSE(6)}<p>${example}</p>`);
      expect(isHidden(root, example)).toBe(!weak);
      expect(unsureText(root).includes(example)).toBe(weak);
    });
    it(`${rule.ask}: "${rule.counter}" stays, in the middle or as the last paragraph of prose`, () => {
      expect(asksOf(rule.counter)).not.toContain(rule.ask);
      const middle = content(`${PROSE(4)}<p>${rule.counter}</p>${PROSE(4)}`);
      expect(hiddenText(middle)).toBe('');
      const last = content(`${PROSE(6)}<p>${rule.counter}</p>`);
      expect(hiddenText(last)).toBe('');
    });
  }

  it('a line that only addresses the reader is one of the closing asks when it stands in their run; alone at the end it stays, unsure', () => {
    const qr = '<p><img data-src="https://mmbiz.qpic.cn/mmbiz_jpg/qr/640" data-ratio="1" data-w="430"></p>';
    const run = content(`${PROSE(6)}<p>如果你有好文章想和大家分享，欢迎向我们的公众号来信</p><p>长按识别二维码关注我们</p>${qr}`);
    expect(isHidden(run, '欢迎向我们的公众号来信')).toBe(true);
    const alone = content(`${PROSE(6)}<p>如果你有好文章想和大家分享，欢迎向我们的公众号来信</p>`);
    expect(hiddenText(alone)).toBe('');
    expect(unsureText(alone)).toContain('欢迎向我们的公众号来信');
    // Counter: with a paragraph of prose between it and the asks it is the article's (prose ends the run).
    const apart = content(`${PROSE(5)}<p>记得当时我们都还年轻。</p>${PROSE(1)}<p>长按识别二维码关注我们</p>${qr}`);
    expect(isHidden(apart, '记得当时')).toBe(false);
  });
  it('phrasings of the same asks no corpus page has, each hidden as the last line; the same words in prose stay', () => {
    // Written from how accounts word these asks, not from a labelled page: the grammar, not a list.
    const asks: [string, string][] = [
      ['你的每个赞和在看，我都喜欢！', 'like'],
      ['戳原文，了解更多', 'open'],
      ['想了解更多，请点击下方小程序', 'open'],
      ['一键关注，精彩不断', 'follow'],
      ['↓↓↓ 推荐关注 ↓↓↓', 'follow'],
      ['喜欢就点个关注吧', 'follow'],
      ['求关注，求转发~', 'follow'],
      ['记得关注哦~', 'follow'],
      ['请关注我们', 'follow'],
      ['请关注本号，每天一篇干货', 'follow'],
      ['关注我们获取更多干货', 'follow'],
      ['长按图片识别二维码', 'scan'],
      ['更多精彩视频，请移步B站搜索“某某”', 'follow'],
      ['微信搜索“某某”关注我们', 'follow'],
      ['我在知识星球里分享了更多实战经验，目前已有5000+同学加入：', 'group'],
      // An account that writes in English asks the same things (no corpus page does).
      ['Scan the QR code below to follow us', 'scan'],
      ['Follow us for more stories', 'follow'],
      ['If you like this article, please share it with your friends', 'share'],
      ['Give us a "Wow" if you enjoyed it!', 'like'],
      ['Leave a comment and let us know what you think.', 'comment'],
      ['Click "Read more" to see the full programme.', 'open'],
      ['赞助商：某某科技', 'sponsor'],
      ['— 广告 —', 'sponsor'],
    ];
    for (const [t, ask] of asks) {
      expect(asksOf(t), t).toContain(ask);
      expect(hiddenText(content(`${PROSE(6)}<p>${t}</p>`)), t).toBe(t);
    }
    const prose = ['这段话的重点在原文第三段。', '专家推荐关注三个指标：血压、血糖和血脂。', '用户点击链接后会跳转到支付页面。', '网友的称赞和在看台上的欢呼一样热烈。', '这条广告后来被投诉下架了。', '他在网上寻求关注，却没有得到回应。', '请关注孩子们的心理健康。', '记得关注孩子的情绪变化。', '请关注我们身边的每一个孤独老人。', '请关注本地的天气预报，及时做好防范。', '长按图片可以保存到手机相册。', 'Doctors follow up with patients every week.', 'We scanned the archive for old photos.', 'She shared the prize with her team.'];
    for (const t of prose) {
      expect(hiddenText(content(`${PROSE(6)}<p>${t}</p>`)), t).toBe('');
      expect(hiddenText(content(`${PROSE(3)}<p>${t}</p>${PROSE(3)}`)), t).toBe('');
    }
  });
  it('prose about asks as the last paragraph stays: finished sentences that speak to no one and state something; the asks themselves are still read', () => {
    const prose = [
      '所以，扫码关注仍是公众号最常见的涨粉手段。',
      '很多人在文末放一个二维码，引导读者关注公众号。',
      '我们建议商家在店里放置二维码，方便顾客扫码领取优惠券。',
      '最后，这门课程的报名人数超过了一万人。',
      '点赞和转发的数据说明了一切。',
      '分享到朋友圈的内容，往往比私聊传播得更远。',
      '很多读者留言问我怎么关注公众号。我的回答是：搜索名字就行。',
      '他在看台上给选手点赞，也在看手机。',
      '网友纷纷转发到朋友圈。',
    ];
    for (const t of prose) expect(hiddenText(content(`${PROSE(6)}<p>${t}</p>`)), t).toBe('');
    const asks = ['扫码关注，了解更多。', '帮转哈。', '长按识别二维码关注。每天都有干货。', '你怎么看？欢迎留言告诉我们。', '长按二维码关注，每天都有干货。', '觉得有用的话，点个在看吧。', '扫码关注我们。'];
    for (const t of asks) expect(hiddenText(content(`${PROSE(6)}<p>${t}</p>`)), t).toBe(t);
  });
  it('a news or notice sentence that ends the article with an ask word stays: someone else is its subject, a thing is pointed at, the verb is a noun, or it reports what was got; an offer or thanks to the reader is still an ask', () => {
    const prose = [
      '这条视频获得大量点赞和转发。',
      '本次活动共有3000人报名参加。',
      '活动结束后，参与者可领取纪念品一份。',
      '老师们纷纷点赞。',
      '该药品需凭处方购买。',
      '门票可在现场购买，也可在网上预订。',
      '报名截止日期为5月20日。',
      '市民可扫码预约。',
      '关注我们的读者都知道，这个系列每周更新。',
    ];
    for (const t of prose) expect(hiddenText(content(`${PROSE(6)}<p>${t}</p>`)), t).toBe('');
    const asks = [
      '转发本文到朋友圈，即可获得一份资料。',
      '本期福利：留言点赞前三名可获得赠书一本。',
      '读者可在后台回复“资料”领取。',
      '点赞转发是对我们最大的支持。',
      '欢迎关注我们的公众号。',
      '本次活动扫码即可报名。',
    ];
    for (const t of asks) expect(hiddenText(content(`${PROSE(6)}<p>${t}</p>`)), t).toBe(t);
  });
  it('a short ask in the middle of the article stays: position decides, not the word', () => {
    const root = content(`${PROSE(4)}<p>欢迎关注</p>${PROSE(4)}`);
    expect(hiddenText(root)).toBe('');
  });

  it('a prompt followed by more prose is not a tail', () => {
    const root = content(`${PROSE(6)}<p>记得点个赞</p>${PROSE(2)}`);
    expect(hiddenText(root)).toBe('');
  });

  it('a longer block that asks two different things is a prompt (05: add a WeChat, join the group, follow)', () => {
    const text = '长按图片加作者微信，拉你进高质量的源码交流群，群里还有不少面试官和资深工程师，大家平时会讨论各种问题。关注公众号，发送消息：666，领取作者整理的全部源码资料和面试题。';
    expect(text.length).toBeGreaterThan(60);
    const root = content(`${PROSE(6)}<section><p>${text}</p></section>`);
    expect(isHidden(root, '拉你进高质量的源码交流群')).toBe(true);
  });
});

describe('position: before the first paragraph of prose and after the last', () => {
  it('a follow prompt and the slogan of its banner at the top are hidden; the greeting after them stays', () => {
    const root = content(`<section>点击上方蓝字关注测试号</section><section style="text-align:center;color:#888">分享最实用的利器 | 探索简单方案</section><section>大家好，我是本文的作者！</section>${PROSE(5)}`);
    expect(isHidden(root, '点击上方蓝字关注测试号')).toBe(true);
    expect(isHidden(root, '分享最实用的利器')).toBe(true);
    expect(isHidden(root, '大家好，我是本文的作者！')).toBe(false);
  });
  it('counter: short lines under the follow prompt that are the article\'s stay: in the body\'s look (导读), a poem, a header over a numbered list', () => {
    const prompt = '<p>点击上方蓝字关注我们</p>';
    const centred = (t: string) => `<p style="text-align:center;color:#888">${t}</p>`;
    const cases = [
      `${prompt}<p>导读</p><p>本文约3000字，阅读需要8分钟</p>${PROSE(5)}`,
      `${prompt}<p>春天来了</p>${PROSE(5)}`,
      `${prompt}${['床前明月光', '疑是地上霜', '举头望明月', '低头思故乡'].map(centred).join('')}${PROSE(5)}`,
      `${prompt}${['本期内容', '一、行业动态', '二、产品更新'].map(centred).join('')}${PROSE(5)}`,
    ];
    for (const html of cases) expect(hiddenText(content(html)), html).toBe('点击上方蓝字关注我们');
    // The same lines, two in a look of their own over the prose: the banner's slogan.
    expect(hiddenText(content(`${prompt}${centred('每天一篇好文章')}${centred('陪你读懂这个世界')}${PROSE(5)}`))).toBe('点击上方蓝字关注我们\n每天一篇好文章\n陪你读懂这个世界');
  });

  it('a byline after a subscription ad at the top stays (seed: 文 | 郭永良)', () => {
    const root = content(`<p>扫码订阅《测试杂志》</p><p>邮发代号 2-786</p><p>文 | 某某大学教授 张三</p>${PROSE(5)}`);
    expect(isHidden(root, '扫码订阅')).toBe(true);
    expect(isHidden(root, '张三')).toBe(false);
  });

  it('a source line before a closing follow prompt stays (seed: （来源：环球网）)', () => {
    const root = content(`${PROSE(6)}<p>（来源：环球网）</p><p style="text-align:center">欢迎关注我们的抖音号</p>`);
    expect(isHidden(root, '欢迎关注')).toBe(true);
    expect(isHidden(root, '来源')).toBe(false);
  });

  it('a quote before a closing prompt stays, though its look differs (16: 都是十分优秀的产品)', () => {
    const root = content(`${PROSE(6)}<blockquote style="background:rgb(251,249,253);border-left:3px solid green">都是十分优秀的产品！</blockquote><p>获取方式：请关注测试号公众号，在后台回复「工具」</p>`);
    expect(isHidden(root, '后台回复')).toBe(true);
    expect(isHidden(root, '都是十分优秀的产品')).toBe(false);
  });
});

describe('a change of style from the body', () => {
  const ad = ['还有一个好消息！', '考前临时抱佛脚，想逆袭过线？', '急救班 21号 正式上线！！！'].map((t) => `<p style="text-align:center;background-color:rgb(254,250,237)"><span style="color:rgb(217,33,66)">${t}</span></p>`).join('');
  it('the set-apart lines leading to a closing sign-up prompt are the ad (03: a course ad with no keyword until its last line)', () => {
    const root = content(`${PROSE(6)}<p>PS.同学们有问题可以评论区留言哦~</p>${ad}<p style="text-align:center">（已报名的同学无需购买此课程）</p>`);
    for (const t of ['还有一个好消息', '逆袭过线', '正式上线', '无需购买']) expect(isHidden(root, t)).toBe(true);
    // The call to comment above the ad is the account's sign-off: it goes with the tail.
    expect(isHidden(root, 'PS.同学们')).toBe(true);
    // Prose above it stays.
    expect(isHidden(root, '第6段')).toBe(false);
  });
  it('lines in the body\'s own look before a closing prompt stay (20: 一分钟不长，希望大伙有收获。)', () => {
    const root = content(`${PROSE(6)}<p>总结：这是最后一段。</p><p>希望大伙有收获。</p><p>帮转哈。</p>`);
    expect(isHidden(root, '帮转哈')).toBe(true);
    expect(isHidden(root, '希望大伙有收获')).toBe(false);
    expect(isHidden(root, '这是最后一段')).toBe(false);
  });
  it('an article whose body is centred everywhere keeps its centred last lines', () => {
    const centred = (t: string) => `<p style="text-align:center">${t}</p>`;
    const body = Array.from({ length: 6 }, (_, i) => centred(`第${i + 1}节：居中排版的正文同样是文章自己的内容，每段都有完整的句子，读者从头读到尾，长度足够。`)).join('');
    const root = content(`${body}${centred('新时代')}${centred('新气象')}${centred('欢迎分享到朋友圈~')}`);
    expect(isHidden(root, '欢迎分享到朋友圈')).toBe(true);
    expect(isHidden(root, '新时代')).toBe(false);
  });
});

describe('the tail, by signals that name no header', () => {
  const links = (n: number) => Array.from({ length: n }, (_, i) => `<p><a href="https://mp.weixin.qq.com/s/x${i}">第${i + 1}篇：另一篇文章的标题</a></p>`).join('');
  it('a list of links to other WeChat articles after the last paragraph is hidden, under an unknown header or none', () => {
    for (const header of ['<p>看点别的</p>', '']) {
      const root = content(`${PROSE(6)}${header}<section>${links(3)}</section>`);
      expect(isHidden(root, '第2篇：另一篇文章的标题')).toBe(true);
      if (header) expect(isHidden(root, '看点别的')).toBe(true);
    }
  });
  it('counter: links to other articles inside the prose, and a references list of outside links, stay', () => {
    const inProse = content(`${PROSE(3)}<section>${links(3)}</section>${PROSE(3)}`);
    expect(hiddenText(inProse)).toBe('');
    const refs = content(`${PROSE(6)}<p>参考资料：</p><section><p><a href="https://example.org/a">一篇外部论文的标题</a></p><p><a href="https://example.org/b">另一篇外部论文</a></p></section>`);
    expect(hiddenText(refs)).toBe('');
  });
  it('a read-more header over links to other articles is hidden in the first half of the article too; its prose stays', () => {
    const root = content(`${PROSE(3)}<p>相关阅读</p>${links(3)}${PROSE(6)}`);
    expect(hiddenText(root)).toBe(['相关阅读', '第1篇：另一篇文章的标题', '第2篇：另一篇文章的标题', '第3篇：另一篇文章的标题'].join('\n'));
  });
  it('counter: in the first half, links under a sentence that leads to them, or under no header, stay; so does a digest whose text is its links', () => {
    expect(hiddenText(content(`${PROSE(3)}<p>本文参考了以下几篇报道：</p>${links(3)}${PROSE(6)}`))).toBe('');
    expect(hiddenText(content(`${PROSE(3)}${links(3)}${PROSE(6)}`))).toBe('');
    expect(hiddenText(content(`<p>相关阅读</p>${links(8)}<p>本周就到这里。</p>`))).toBe('');
  });
  it('an author bio with a WeChat ID and an invitation after the last paragraph is hidden (29)', () => {
    const bio = '作者简介：一个有故事的程序员，现为一名自由职业者，和你一起用技术的角度去看这个世界。我的微信号puresmile2，欢迎大家找我聊天。';
    expect(isHidden(content(`${PROSE(6)}<section>${bio}</section>`), '我的微信号puresmile2')).toBe(true);
  });
  it('counter: an author bio that asks nothing stays', () => {
    const bio = '作者简介：一个有故事的程序员，曾在互联网金融公司工作，现为一名自由职业者，喜欢用技术的角度去看这个世界。';
    expect(hiddenText(content(`${PROSE(6)}<section>${bio}</section>`))).toBe('');
  });
  it('contact lines after the last paragraph are hidden, and a slogan set apart above them once the text has closed (32, 33; seed: after （来源：…）)', () => {
    const slogan = '<p style="text-align: center; color: #999;">摆渡人的最高境界就是感同身受</p>';
    const contacts = '<p>投稿邮箱： someone@example.com</p><p>小编微信：editor2018</p>';
    const closed = content(`${PROSE(6)}<p>（来源：军渡）</p>${slogan}${contacts}`);
    expect(isHidden(closed, '投稿邮箱')).toBe(true);
    expect(isHidden(closed, '小编微信')).toBe(true);
    expect(isHidden(closed, '摆渡人的最高境界')).toBe(true);
    // Right under the prose the same line may be the author's own last words: it stays, counted apart.
    const open = content(`${PROSE(6)}${slogan}${contacts}`);
    expect(isHidden(open, '投稿邮箱')).toBe(true);
    expect(isHidden(open, '摆渡人的最高境界')).toBe(false);
    expect(unsureText(open)).toContain('摆渡人的最高境界');
  });
  it("counter: the author's closing lines set in the centre right under the prose stay (a poem above the follow ask, a summary above a share ask); the ad's own lines go (03)", () => {
    const c = (t: string) => `<p style="text-align: center;"><span style="color: #888;">${t}</span></p>`;
    const poem = content(`${PROSE(6)}${c('愿你出走半生')}${c('归来仍是少年')}${c('点击上方蓝字关注我们')}`);
    expect(hiddenText(poem)).toBe('点击上方蓝字关注我们');
    const summary = content(`${PROSE(6)}${c('一句话总结：慢即是快')}${c('觉得有用就转发给朋友吧')}`);
    expect(hiddenText(summary)).toBe('觉得有用就转发给朋友吧');
    const ad = content(`${PROSE(6)}${c('还有一个好消息！')}${c('考前冲刺班')}${c('21号 正式上线啦！！！')}`);
    expect(hiddenText(ad)).toBe('还有一个好消息！\n考前冲刺班\n21号 正式上线啦！！！');
  });
  it('counter: an address in the middle of the article, and an e-mail at the top of a column, stay', () => {
    expect(hiddenText(content(`${PROSE(3)}<p>他给编辑部写信，地址是 someone@example.com，三天后收到了回复。</p>${PROSE(3)}`))).toBe('');
    const masthead = '这里记录每周值得分享的科技内容，周五发布。本杂志开源，欢迎投稿。合作请邮件联系（someone@example.com）。';
    expect(hiddenText(content(`<p>${masthead}</p>${PROSE(6)}`))).toBe('');
  });
  it('a funnel worded unlike 27: a line pointing down at the offer, the preview line and the picture it introduces, the ask and its QR all go', () => {
    const pic = (id: string, ratio: string) => `<p><img data-src="https://mmbiz.qpic.cn/mmbiz_png/${id}/640" data-ratio="${ratio}" data-w="1080"></p>`;
    const root = content(`${PROSE(6)}<p>资料已经整理好了，需要的朋友看这里👇</p><p>资料预览：</p>${pic('preview', '0.66')}<p>扫码添加助理，回复【资料】免费领取</p>${pic('qr', '1')}`);
    const hidden = findPromotion(root);
    expect(hidden.length).toBe(5);
    expect(hidden.map((b) => b.el.textContent).join('|')).toContain('需要的朋友看这里👇');
    // Counter: the author's own line that leads to a photo right under the prose, above a follow ask, stays with its photo.
    const own = content(`${PROSE(6)}<p>最后放一张合影：</p>${pic('group', '0.66')}<p style="text-align:center">点击上方蓝字关注我们</p>`);
    expect(hiddenText(own)).toBe('点击上方蓝字关注我们');
    expect(findPromotion(own).length).toBe(1);
  });
  it('a lead-generation funnel after the last paragraph: the preview line, its screenshot, the ask, the group QR (27)', () => {
    const qr = '<p><img data-src="https://mmbiz.qpic.cn/mmbiz_png/qr/640" data-ratio="1" data-w="546"></p>';
    const shot = '<p><img data-src="https://mmbiz.qpic.cn/mmbiz_png/shot/640" data-ratio="1.01" data-w="792"></p>';
    const root = content(`${PROSE(6)}<p>答案预览：</p>${shot}<p>需要完整答案，看下文：【直接获取】</p>${qr}<p>技术交流群</p>`);
    for (const t of ['答案预览', '直接获取', '技术交流群']) expect(isHidden(root, t)).toBe(true);
    expect(findPromotion(root).filter((b) => b.el.querySelector('img')).length).toBe(2);
  });
  it('the funnel\'s question that offers the reader something goes with the funnel; a quiz question above it stays (27)', () => {
    const shot = '<p><img data-src="https://mmbiz.qpic.cn/mmbiz_png/shot/640" data-ratio="1.01" data-w="792"></p>';
    const root = content(`${PROSE(6)}<p>32道面试题，都会回答吗？</p><p>现在是不是想要一份答案，参考一下？</p><p>答案预览：</p>${shot}<p>需要完整答案，看下文：【直接获取】</p>`);
    expect(isHidden(root, '想要一份答案')).toBe(true);
    expect(isHidden(root, '都会回答吗')).toBe(false);
  });
  it('counter: the same offer question in the body, or above a call to like rather than an ad, stays', () => {
    expect(hiddenText(content(`${PROSE(3)}<p>你想要一份怎样的人生？</p>${PROSE(3)}`))).toBe('');
    const like = content(`${PROSE(6)}<p>你想要一份怎样的人生？</p><p>记得点个赞</p>`);
    expect(isHidden(like, '记得点个赞')).toBe(true);
    expect(isHidden(like, '怎样的人生')).toBe(false);
  });
  it('the author\'s line that names the ad goes with the mini-program ad below it, even deep in the closing section (35)', () => {
    const card = '<p><a class="weapp_text_link" data-miniprogram-appid="wx1">多多购物吧 省钱有套路</a></p>';
    // The closing commentary: three one-child wrappers around its paragraphs and the PS line.
    // Its last line of prose has one highlighted word: that does not set the line apart from the body.
    const highlighted = '<p>法规无错，但注意它<span style="background-color: rgb(239, 239, 23);">是</span>要人来执行的</p>';
    const wrapped = `<section><section><section>${PROSE(4)}${highlighted}<p>PS：支持小槽，就摸一下今天的第二条广告呗，一下就好……</p></section></section></section>`;
    const root = content(`${PROSE(6)}${wrapped}${card}<section>点“阅读原文”，更多精彩漫画</section>`);
    expect(isHidden(root, '第二条广告')).toBe(true);
    expect(isHidden(root, '法规无错')).toBe(false);
    expect(isHidden(root, '多多购物吧')).toBe(true);
    expect(isHidden(root, '第1段')).toBe(false);
  });
  it('counter: prose that names an ad stays, in the body and as the last line above a call to like (34: 最好的征兵宣传广告)', () => {
    expect(hiddenText(content(`${PROSE(3)}<p>这条广告后来被投诉下架了。</p>${PROSE(3)}`))).toBe('');
    const like = content(`${PROSE(6)}<p>这条广告后来被投诉下架了。</p><p>记得点个赞</p>`);
    expect(isHidden(like, '被投诉下架')).toBe(false);
  });
  for (const rule of AD_LEAD_RULES) {
    it(`ad lead-in rule "${rule.name}": its example matches`, () => {
      expect(rule.re.test(rule.example.replace(/^\w+: /, '').replace(/ \(.*$/, ''))).toBe(true);
    });
  }
  it('a strip right under the follow ask at the top is its banner; a comic\'s square panel, a clip or a film\'s wide frame there is the article', () => {
    const img = (ratio: number, gif = false) => `<p><img data-src="https://mmbiz.qpic.cn/mmbiz_${gif ? 'gif' : 'jpg'}/p${ratio}/640" ${gif ? 'data-type="gif"' : ''} data-ratio="${ratio}" data-w="640"></p>`;
    const strip = findPromotion(content(`<p>↑ 点击上方“某某”关注我们</p>${img(0.3, true)}${PROSE(6)}`));
    expect(strip.map((b) => b.el.tagName)).toEqual(['P', 'P']);
    const bare = '<img data-src="https://mmbiz.qpic.cn/mmbiz_jpg/bare/640" data-ratio="1" data-w="640">';
    const video = '<iframe class="video_iframe" data-src="https://v.qq.com/x/page/abc.html"></iframe>';
    // A film's clip or still in its wide frame (2.35:1) is no strip.
    for (const first of [img(1), img(0.56, true), img(1.4), img(0.4255, true), img(0.4255), bare, video]) {
      const found = findPromotion(content(`<p>↑ 点击上方“某某”关注我们</p>${first}${PROSE(6)}`));
      expect(found.length, first).toBe(1);
    }
  });
  it("a numbered step at the top is the tutorial's own, whatever it asks (第一步，扫描下方二维码…); the account's ask there goes", () => {
    const qr = '<p><img data-src="https://mmbiz.qpic.cn/mmbiz_jpg/qr/640" data-ratio="1" data-w="430"></p>';
    expect(findPromotion(content(`<p>第一步，打开微信，扫描下方二维码，进入小程序：</p>${qr}<p>第二步，点击“登录”。</p>${PROSE(4)}`))).toEqual([]);
    expect(findPromotion(content(`<p>Step 1：长按识别下方二维码</p>${qr}${PROSE(4)}`))).toEqual([]);
  });
  it('the code right under an ask to scan at the top goes with it; a square panel under a follow prompt that asks no scan stays', () => {
    const qr = '<p><img data-src="https://mmbiz.qpic.cn/mmbiz_jpg/qr/640" data-ratio="1" data-w="430"></p>';
    expect(findPromotion(content(`<p>长按识别下方二维码，关注我们</p>${qr}${PROSE(4)}`)).map((b) => b.signals[0])).toEqual([
      'asks (follow, scan) before the first paragraph',
      'the code under an ask to scan, before the first paragraph',
    ]);
    const panel = '<p><img data-src="https://mmbiz.qpic.cn/mmbiz_jpg/panel/640" data-ratio="1" data-w="1080"></p>';
    expect(findPromotion(content(`<p>点击上方蓝字关注我们</p>${panel}${panel.replace('panel/', 'panel2/')}${PROSE(4)}`)).length).toBe(1);
  });
  it('titles under a read-more header whose links the page lost are its items when nothing else follows; before prose they stay', () => {
    const titles = '<p>标题一：这是一篇文章</p><p>标题二：另一篇文章</p>';
    expect(hiddenText(content(`${PROSE(6)}<p>- 推荐阅读 -</p>${titles}`))).toBe('- 推荐阅读 -\n标题一：这是一篇文章\n标题二：另一篇文章');
    const more = content(`${PROSE(6)}<p>- 推荐阅读 -</p>${titles}${PROSE(2)}`);
    expect(isHidden(more, '标题一')).toBe(false);
  });
  it('a read-more header with a title after it is one when the title is a link (17); 推荐阅读：《人类简史》 above a paragraph on the book stays', () => {
    const book = content(`${PROSE(5)}<p>推荐阅读：《人类简史》</p><p>这本书从认知革命讲到科学革命，作者用一条清晰的线索串起了七万年的历史，读起来毫不费力，值得一读再读。</p>`);
    expect(findPromotion(book)).toEqual([]);
    const linked = content(`${PROSE(5)}<p><strong>推荐阅读</strong>：<a href="https://mp.weixin.qq.com/s/x">绥德交警：8月1日起，专项整治电动车违法行为</a></p>`);
    expect(isHidden(linked, '推荐阅读')).toBe(true);
  });
  it('the account\'s slogan over a pointer at the very top is hidden, the title card under it stays (32-34)', () => {
    const card = '<p><img data-src="https://mmbiz.qpic.cn/mmbiz_jpg/card/640" data-ratio="0.5555" data-w="900"></p>';
    const root = content(`<p>关注军旅 关注人生</p><p>▼</p>${card}${PROSE(6)}`);
    expect(isHidden(root, '关注军旅 关注人生')).toBe(true);
    expect(isHidden(root, '▼')).toBe(true);
    expect(findPromotion(root).some((b) => b.el.querySelector('img'))).toBe(false);
  });
  it('counter: a line that leads on to a video, a slogan-like line in the body, and a slogan with no pointer stay', () => {
    expect(hiddenText(content(`<p>先看一段视频：</p><p>▼</p>${PROSE(6)}`))).toBe('');
    expect(hiddenText(content(`${PROSE(3)}<p>关注军旅 关注人生</p><p>▼</p>${PROSE(3)}`))).toBe('');
    expect(hiddenText(content(`<p>春风十里 不如你</p>${PROSE(6)}`))).toBe('');
    // 25: the article's contents heading over a pointer says no follow.
    expect(hiddenText(content(`<p>课堂问题</p><p>试听课问题／学生问题／讲义问题</p><p>▼</p>${PROSE(6)}`))).toBe('');
    // A pointer under the article's first sentence: not a banner at the top.
    expect(hiddenText(content(`<p>今天讲一个真实的故事。</p><p>▼</p>${PROSE(6)}`))).toBe('');
  });
  it('a call to comment after the last paragraph is the sign-off: hidden, alone or with the tail; in the middle, about comments, or asking for corrections it stays', () => {
    for (const ask of ['PS.同学们有什么想问的可以评论区留言哦~', '你怎么看？欢迎在留言区聊聊你的看法。', '留言告诉我们，你最喜欢哪一个']) {
      expect(hiddenText(content(`${PROSE(6)}<p>${ask}</p>`)), ask).toBe(ask);
    }
    const withTail = content(`${PROSE(6)}<p>点击上方蓝字关注我们</p><p>评论区见</p>`);
    expect(isHidden(withTail, '评论区见')).toBe(true);
    // A question to the reader in the middle: prose follows it.
    expect(hiddenText(content(`${PROSE(3)}<p>你怎么看？欢迎在留言区聊聊你的看法。</p>${PROSE(3)}`))).toBe('');
    // The comments as what the article is about, and a request for corrections (28: 烦请在回复或留言中指出).
    for (const last of ['有网友在评论区说，这个价格太高了。', '这条新闻的评论区吵了三天，大部分人支持涨价。', '本人水平有限，如有错误，欢迎在评论区指出，十分感谢！', '本人水平有限，文章如有错误之处，烦请在回复或留言中指出，十分感谢！']) {
      expect(hiddenText(content(`${PROSE(6)}<p>${last}</p>`)), last).toBe('');
    }
  });
  it('a pointer (▼) over the closing QR code goes with it; a pointer over a picture of the article stays', () => {
    const qr = '<p><img data-src="https://mmbiz.qpic.cn/mmbiz_jpg/qr1/640" data-ratio="1" data-w="430"></p>';
    const root = content(`${PROSE(6)}<p>今天的分享就到这里，我们下期见。</p><p>▼</p>${qr}<p>扫码关注，获取更多精彩</p>`);
    expect(isHidden(root, '▼')).toBe(true);
    expect(isHidden(root, '我们下期见')).toBe(false);
    const photo = '<p><img data-src="https://mmbiz.qpic.cn/mmbiz_jpg/p1/640" data-ratio="0.66" data-w="1080"></p>';
    expect(hiddenText(content(`${PROSE(3)}<p>▼</p>${photo}${PROSE(3)}`))).toBe('');
  });
  it('the line above a read-more header is not the list\'s header: the END rule decides it, and a credit line there stays', () => {
    const link = (t: string) => `<p><a href="https://mp.weixin.qq.com/s/${encodeURIComponent(t)}">${t}</a></p>`;
    const root = content(`${PROSE(6)}<p>作者：张三</p><p>推荐阅读：</p>${link('标题一：这是一篇文章')}${link('标题二：另一篇文章')}`);
    expect(isHidden(root, '推荐阅读')).toBe(true);
    expect(isHidden(root, '作者：张三')).toBe(false);
    const signals = findPromotion(root).flatMap((b) => b.signals);
    expect(signals).not.toContain('the header of a list of other articles');
  });
  it('an END mark of any word closes the article: - EOF -, < END >, —— 完 ——; a short sentence is none', () => {
    for (const t of ['- EOF -', '< END >', '—— 完 ——', '— END —', '（完）', '【END】']) expect(END_MARK.test(t), t).toBe(true);
    for (const t of ['EOF', '全文到此为止。', '- 第一部分结束了 -']) expect(END_MARK.test(t), t).toBe(false);
  });
  it('the signals that hid a block come with it', () => {
    const root = content(`${PROSE(6)}<p>点击上方蓝字关注我们</p>`);
    expect(findPromotion(root)[0]!.signals.join()).toMatch(/asks \(follow\) after the last paragraph/);
  });
});

describe('images', () => {
  const img = (attrs: string) => `<p><img data-src="https://mmbiz.qpic.cn/mmbiz_png/${Math.random().toString(36).slice(2)}/640" ${attrs}></p>`;
  it('a scan-and-claim ask beside its QR code is hidden anywhere, with its section label (21: 【福 利】)', () => {
    const root = content(`${PROSE(3)}<section>【福 利】</section>${img('data-ratio="0.52" data-w="800"')}<p>扫描上方图片二维码领取骑行礼包！</p><section>【生 活】</section>${PROSE(3)}`);
    const hidden = findPromotion(root);
    expect(hidden.some((b) => b.el.querySelector('img'))).toBe(true);
    expect(isHidden(root, '扫描上方图片二维码')).toBe(true);
    expect(isHidden(root, '福 利')).toBe(true);
    expect(isHidden(root, '生 活')).toBe(false);
  });
  it('an unlabelled ad in the middle, an ask to scan and buy beside its QR code, is hidden with its label; a product photo under a sentence about buying, and a notice\'s sign-up QR code, stay', () => {
    const qr = '<p><img data-src="https://mmbiz.qpic.cn/mmbiz_jpg/qr1/640" data-ratio="1" data-w="430"></p>';
    const ad = '《前端实战课》限时特惠，原价299，现价99，扫码立即购买！';
    const root = content(`${PROSE(4)}<p>【推荐】</p><p>${ad}</p>${qr}${PROSE(4)}`);
    expect(isHidden(root, ad)).toBe(true);
    expect(isHidden(root, '推荐')).toBe(true);
    expect(findPromotion(root).some((b) => b.el.querySelector('img'))).toBe(true);
    expect(isHidden(root, '第1段')).toBe(false);
    const photo = img('data-ratio="0.66" data-w="1080"');
    expect(hiddenText(content(`${PROSE(4)}<p>这款相机在官网的购买价格为2999元。</p>${photo}${PROSE(4)}`))).toBe('');
    const notice = content(`${PROSE(4)}<p>扫描下方二维码即可报名：</p>${qr}${PROSE(4)}`);
    notice.ownerDocument.getElementById('activity-name')!.textContent = '关于举办第十届编程大赛的通知';
    expect(findPromotion(notice)).toEqual([]);
  });
  it("a 视频号 card under the ask to follow the account's 视频号 goes with it; a 视频号 card the article introduces, in the middle or last, stays", () => {
    const card = '<section><mp-common-videosnap class="js_uneditable custom_select_card" data-pluginname="mpvideosnap" data-nickname="测试号" data-desc="一段视频"></mp-common-videosnap></section>';
    const tail = content(`${PROSE(5)}<p>关注我们的视频号，看更多精彩</p>${card}`);
    expect(findPromotion(tail).some((b) => b.el.querySelector('mp-common-videosnap') || b.el.matches('mp-common-videosnap'))).toBe(true);
    expect(findPromotion(content(`${PROSE(3)}<p>下面这段视频记录了整个过程：</p>${card}${PROSE(3)}`))).toEqual([]);
    expect(findPromotion(content(`${PROSE(5)}<p>最后，看看现场的视频：</p>${card}`))).toEqual([]);
  });
  it("the account's contact lines over their QR codes after the last paragraph are hidden (商务合作请联系：, 读者交流群：); the same words in a closing sentence stay", () => {
    const qr = (k: string) => `<p><img data-src="https://mmbiz.qpic.cn/mmbiz_jpg/${k}/640" data-ratio="1" data-w="430"></p>`;
    const root = content(`${PROSE(5)}<p>商务合作请联系：</p>${qr('q1')}<p>读者交流群：</p>${qr('q2')}`);
    expect(isHidden(root, '商务合作请联系')).toBe(true);
    expect(isHidden(root, '读者交流群')).toBe(true);
    expect(findPromotion(root).filter((b) => b.el.querySelector('img')).length).toBe(2);
    for (const t of ['这次商务合作很成功，双方都很满意。', '他在读者交流群里分享了这篇文章。', '后来他联系我们说，问题已经解决了。']) {
      expect(asksOf(t), t).toEqual([]);
      expect(hiddenText(content(`${PROSE(6)}<p>${t}</p>`)), t).toBe('');
    }
  });
  it('an ad labelled between marks is hidden anywhere, its pictures and asks with it; the prose after it stays (— 广告 —)', () => {
    const qr = '<p><img data-src="https://mmbiz.qpic.cn/mmbiz_jpg/qr1/640" data-ratio="1" data-w="430"></p>';
    const banner = '<p><img data-src="https://mmbiz.qpic.cn/ad/1" data-ratio="0.6" data-w="1080"></p>';
    for (const label of ['— 广告 —', '【推广】', '- AD -']) {
      const root = content(`${PROSE(3)}<p>${label}</p>${banner}<p>某某课程限时优惠，扫码立即报名</p>${qr}${PROSE(3)}`);
      const found = findPromotion(root);
      expect(found.length, label).toBe(4);
      expect(isHidden(root, '第1段'), label).toBe(false);
    }
  });
  it('counter: a section titled 广告 in an article about advertising keeps its example picture; a label with nothing ad-like below hides nothing', () => {
    const picture = '<p><img data-src="https://mmbiz.qpic.cn/ad/1" data-ratio="0.6" data-w="1080"></p>';
    expect(hiddenText(content(`${PROSE(3)}<p>广告</p>${picture}${PROSE(3)}`))).toBe('');
    expect(hiddenText(content(`${PROSE(3)}<p>— 广告 —</p>${PROSE(3)}`))).toBe('');
  });
  it('a notice keeps its closing instructions (报名方式, the QR code to sign up, the phone); the same lines close an ordinary article as an ad', () => {
    const qr = '<p><img data-src="https://mmbiz.qpic.cn/mmbiz_jpg/qr1/640" data-ratio="1" data-w="430"></p>';
    const html = `<p>某某大学第十届编程大赛将于5月20日举行，欢迎全校同学参加。</p>${PROSE(4)}<p>报名方式</p><p>扫描下方二维码填写报名表，报名截止时间为5月15日。</p>${qr}<p>咨询电话：010-12345678</p>`;
    const titled = (title: string) => {
      const root = content(html);
      root.ownerDocument.getElementById('activity-name')!.textContent = title;
      return root;
    };
    expect(hiddenText(titled('关于举办第十届编程大赛的通知'))).toBe('');
    expect(findPromotion(titled('关于举办第十届编程大赛的通知')).length).toBe(0);
    // Its asks to follow or like are still the account's.
    const follow = content(`${html}<p>点击上方蓝字关注我们</p>`);
    follow.ownerDocument.getElementById('activity-name')!.textContent = '编程大赛报名启事';
    expect(hiddenText(follow)).toBe('点击上方蓝字关注我们');
    // Without a notice's title, the same closing lines are an ad after the article.
    expect(isHidden(titled('我在编程大赛学到的五件事'), '扫描下方二维码')).toBe(true);
  });
  it('a screenshot with a caption that only mentions scanning stays (a tutorial)', () => {
    const root = content(`${PROSE(3)}${img('data-ratio="1.7" data-w="1080"')}<p>扫描二维码即可登录</p>${PROSE(3)}`);
    expect(hiddenText(root)).toBe('');
    expect(findPromotion(root)).toEqual([]);
  });
  for (const rule of DECORATION_RULES) {
    it(`decoration, ${rule.name}: ${rule.example}`, () => {
      const attrs: Record<string, string> = {
        'a repeated GIF': 'data-ratio="0.457" data-w="232" data-type="gif"',
        'an icon': 'data-ratio="1" data-w="55"',
        'a hairline divider': 'data-ratio="0.024" data-w="1080"',
        'a thin GIF': 'data-ratio="0.086" data-w="640" data-type="gif"',
        'a repeated strip above a title': 'data-ratio="0.114" data-w="700"',
      };
      const a = attrs[rule.name]!;
      // One address for the repeated GIF, each other picture its own; each stands above a short title.
      const same = `<p><img data-src="https://mmbiz.qpic.cn/mmbiz_gif/divider/640" ${a}></p>`;
      const pic = rule.name === 'a repeated GIF' ? same : img(a);
      // The repeated GIF three times, as on 03 (twice may be a clip shown again: handmade/gif-first).
      const third = rule.name === 'a repeated GIF' ? `${same}<p>三、小标题</p>${PROSE(1)}` : '';
      const root = content(`${PROSE(3)}${pic}<p>一、小标题</p>${PROSE(1)}${rule.name === 'a repeated GIF' ? same : img(a)}<p>二、小标题</p>${PROSE(1)}${third}${PROSE(2)}`);
      expect(decorativeImages(root).size).toBe(rule.name === 'a repeated GIF' ? 3 : 2);
    });
  }
  it('content images stay: a thin screenshot of one log line, a demo GIF, thin screenshots of their own sizes (01, 05)', () => {
    const root = content(`${PROSE(2)}${img('data-ratio="0.0926" data-w="1080" data-type="png"')}${PROSE(1)}${img('data-ratio="0.8" data-w="385" data-type="gif"')}${PROSE(1)}${img('data-ratio="0.116" data-w="844"')}${img('data-ratio="0.199" data-w="1041"')}${PROSE(2)}`);
    expect(findPromotion(root)).toEqual([]);
  });
  it('a small square avatar beside a short title is decoration; the title stays (35: the mascot beside “多”说两句)', () => {
    const avatar = '<img data-src="https://mmbiz.qpic.cn/mmbiz_png/mascot/640" data-ratio="1.028" data-w="141">';
    const root = content(`${PROSE(4)}<section><section>${avatar}</section><section>“多”说两句</section></section>${PROSE(4)}`);
    const hid = findPromotion(root);
    expect(hid.map((b) => b.el.tagName)).toEqual(['IMG']);
    expect(hid[0]!.signals).toEqual(['an avatar beside a short title']);
  });
  it('counter: a small captioned figure, a photo with a short title, a small picture beside a sentence stay (05: a 140 px screenshot captioned 16)', () => {
    const small = (id: string) => `<img data-src="https://mmbiz.qpic.cn/mmbiz_png/${id}/640" data-ratio="1.06" data-w="140">`;
    expect(hiddenText(content(`${PROSE(3)}<figure>${small('a')}<figcaption>图 16</figcaption></figure>${PROSE(3)}`))).toBe('');
    expect(findPromotion(content(`${PROSE(3)}<figure>${small('a')}<figcaption>图 16</figcaption></figure>${PROSE(3)}`))).toEqual([]);
    expect(findPromotion(content(`${PROSE(3)}<section><img data-src="https://mmbiz.qpic.cn/mmbiz_jpg/p/640" data-ratio="1" data-w="640"><p>湖边的早晨</p></section>${PROSE(3)}`))).toEqual([]);
    expect(findPromotion(content(`${PROSE(3)}<section>${small('b')}<p>这是我们在湖边拍到的一只鸟，很少见。</p></section>${PROSE(3)}`))).toEqual([]);
    expect(findPromotion(content(`${PROSE(3)}<p>明天见${small('c')}</p>${PROSE(3)}`))).toEqual([]);
  });
  it('the same picture on both sides of a short title is an ornament pair; the title stays (03)', () => {
    const g = 'data-src="https://mmbiz.qpic.cn/mmbiz_gif/same/640" data-ratio="1.37" data-w="1500" data-type="gif"';
    const root = content(`${PROSE(3)}<section><img ${g}><span>定积分的核心公式</span><img ${g}></section>${PROSE(3)}`);
    const hidden = findPromotion(root);
    expect(hidden.map((b) => b.el.tagName)).toEqual(['IMG', 'IMG']);
  });
  it('images after a closing credit line are not the article\'s (22); a last photo after prose stays', () => {
    const closed = content(`${PROSE(4)}<p>（来源：新华社）</p>${img('data-ratio="0.56" data-w="640"')}`);
    expect(findPromotion(closed).map((b) => b.family)).toEqual(['decoration']);
    const open = content(`${PROSE(4)}${img('data-ratio="0.66" data-w="1280"')}`);
    expect(findPromotion(open)).toEqual([]);
  });
  it('a comic whose only words are its credit or a follow prompt above the panels keeps every panel (a credit closes nothing without text before it)', () => {
    const panels = Array.from({ length: 8 }, () => img('data-ratio="1.4" data-w="1080"')).join('');
    expect(findPromotion(content(`<p>文/图：某某</p>${panels}`))).toEqual([]);
    expect(findPromotion(content(`<p>第十二话：回家</p><p>作者：某某</p>${panels}`))).toEqual([]);
    // The prompt goes; the panels under it stay.
    expect(findPromotion(content(`<p style="text-align:center">点击上方蓝字关注我们</p>${panels}`)).map((b) => b.el.tagName)).toEqual(['P']);
    // Counter: the same credit after a paragraph of text closes it (22).
    expect(findPromotion(content(`${PROSE(1)}<p>（来源：新华社）</p>${img('data-ratio="0.56" data-w="640"')}`)).map((b) => b.family)).toEqual(['decoration']);
  });
  it('pictures after a credit for pictures (摄影：张三) or after a line that leads to them (下图是…：) are the article\'s; after a source line they are not', () => {
    const photos = Array.from({ length: 4 }, () => img('data-ratio="0.66" data-w="1080"')).join('');
    expect(findPromotion(content(`${PROSE(4)}<p>（摄影：张三）</p>${photos}`))).toEqual([]);
    expect(findPromotion(content(`${PROSE(4)}<p>图 | 张三</p>${photos}`))).toEqual([]);
    expect(findPromotion(content(`${PROSE(4)}<p>下图是过去十年的变化：</p>${img('data-ratio="0.35" data-w="1080"')}`))).toEqual([]);
    expect(findPromotion(content(`${PROSE(4)}<p>最后看看它们玩耍的样子：</p>${img('data-ratio="0.56" data-w="640" data-type="gif"')}`), [])).toEqual([]);
    const unsure: PromoBlock[] = [];
    findPromotion(content(`${PROSE(4)}<p>最后看看它们玩耍的样子：</p>${img('data-ratio="0.56" data-w="640" data-type="gif"')}`), unsure);
    expect(unsure).toEqual([]);
    // Counter: a source line (图片来源 too) closes the text, and the pictures after it go.
    expect(findPromotion(content(`${PROSE(4)}<p>图片来源：网络</p>${img('data-ratio="0.56" data-w="640"')}`)).map((b) => b.family)).toEqual(['decoration']);
  });
  it('after the last line a still picture wider than two to one stays (a panorama); a strip or a GIF banner goes', () => {
    expect(findPromotion(content(`${PROSE(4)}${img('data-ratio="0.3" data-w="1080"')}`))).toEqual([]);
    expect(findPromotion(content(`${PROSE(4)}${img('data-ratio="0.15" data-w="495"')}`)).map((b) => b.family)).toEqual(['decoration']);
    expect(findPromotion(content(`${PROSE(4)}${img('data-ratio="0.3" data-w="640" data-type="gif"')}`)).map((b) => b.family)).toEqual(['decoration']);
  });
  it('right above the closing asks, a panorama or a wide chart above a call to like stays, and so does a wide picture the article leads on to or a large square above a bare follow ask; a banner above a follow ask, a GIF above a call to share and a QR code go', () => {
    const like = '<p style="text-align:center">喜欢就点个在看吧</p>';
    const follow = '<p style="text-align:center">点击上方蓝字关注我们</p>';
    const wide = img('data-ratio="0.3" data-w="1080"');
    const hasImg = (html: string) => findPromotion(content(html)).some((b) => b.el.querySelector('img') !== null);
    expect(hasImg(`${PROSE(5)}${wide}${like}`)).toBe(false);
    expect(hasImg(`${PROSE(5)}${img('data-ratio="0.4" data-w="1080"')}${like}`)).toBe(false);
    expect(hasImg(`${PROSE(5)}<p>最后附上一张全景图：</p>${wide}${follow}`)).toBe(false);
    expect(hasImg(`${PROSE(5)}${wide}${follow}`)).toBe(true);
    expect(hasImg(`${PROSE(5)}${img('data-ratio="0.56" data-w="480" data-type="gif"')}<p style="text-align:center">觉得有用就转发给朋友吧</p>`)).toBe(true);
    expect(hasImg(`${PROSE(5)}${img('data-ratio="1" data-w="430"')}<p style="text-align:center">长按识别二维码关注我们</p>`)).toBe(true);
    // A square is a code when drawn as small as one, or when the asks want a code (scan, add, claim…); a 1080 px
    // square above 点击上方蓝字关注 alone is the article's last photo.
    expect(hasImg(`${PROSE(5)}${img('data-ratio="1" data-w="430"')}${follow}`)).toBe(true);
    expect(hasImg(`${PROSE(5)}${img('data-ratio="1" data-w="1080"')}${follow}`)).toBe(false);
    expect(hasImg(`${PROSE(5)}${img('data-ratio="1" data-w="792"')}<p style="text-align:center">扫码添加助理，回复【资料】免费领取</p>`)).toBe(true);
    // The picture's caption under it is the figure's: no doubt, where a line set apart alone would be one.
    const unsure: PromoBlock[] = [];
    expect(findPromotion(content(`${PROSE(5)}${wide}<p style="text-align:center;color:#888">▲ 山顶的全景</p>${like}`), unsure).length).toBe(1);
    expect(unsure).toEqual([]);
    expect(unsureText(content(`${PROSE(5)}<p style="text-align:center;color:#888">山顶的风很大</p>${like}`))).toBe('山顶的风很大');
  });
  it('a GIF after the block the article was written in is the account\'s (19: after its mdnice section); inside that block, among flat paragraphs or after a lone line it stays, unsure', () => {
    const gif = img('data-ratio="0.56" data-w="639" data-type="gif"');
    const written = (inner: string) => `<section data-tool="mdnice编辑器">${inner}</section>`;
    const families = (html: string) => findPromotion(content(html)).map((b) => b.family);
    const unsureCount = (html: string) => {
      const unsure: PromoBlock[] = [];
      expect(findPromotion(content(html), unsure)).toEqual([]);
      return unsure.length;
    };
    expect(families(`${written(PROSE(4))}${gif}`)).toEqual(['decoration']);
    expect(families(`<section><section>${written(PROSE(4))}</section></section>${gif}`)).toEqual(['decoration']);
    // Counter: the GIF is inside the block, or the paragraphs stand flat (handmade/gif-clips).
    expect(unsureCount(written(`${PROSE(4)}${gif}`))).toBe(1);
    expect(unsureCount(`${PROSE(4)}${gif}`)).toBe(1);
    // Counter: the block holds half the text; a lone line in a box is no article written in it.
    expect(unsureCount(`${PROSE(2)}${written(PROSE(2))}${gif}`)).toBe(1);
    expect(unsureCount(`<section><p>看看这只猫今天学会了什么，它终于自己打开了门。</p></section>${gif}`)).toBe(1);
    // Counter: the last line leads on to the GIF.
    expect(unsureCount(`${written(`${PROSE(4)}<p>最后看看它们玩耍的样子：</p>`)}${gif}`)).toBe(0);
  });
  it('a picture between the prose and a closing ad stays, counted apart (37: above 点击【阅读原文】，马上报名吧！); above a call to follow it is not counted', () => {
    const photo = img('data-ratio="0.72" data-w="567"');
    const unsure: PromoBlock[] = [];
    const hidden = findPromotion(content(`${PROSE(4)}${photo}<p>点击【阅读原文】，马上报名吧！</p>`), unsure);
    expect(hidden.map((b) => b.el.textContent)).toEqual(['点击【阅读原文】，马上报名吧！']);
    expect(unsure.map((b) => b.el.querySelector('img') !== null || b.el.tagName === 'IMG')).toEqual([true]);
    const none: PromoBlock[] = [];
    expect(findPromotion(content(`${PROSE(4)}${photo}<p>喜欢就点个关注吧</p>`), none).map((b) => b.el.textContent)).toEqual(['喜欢就点个关注吧']);
    expect(none).toEqual([]);
  });
  it('a run of same-size strips is a strip comic, kept whole: under a follow prompt, with no text at all, still or GIF', () => {
    const strips = (ratio: string, gif = false) => Array.from({ length: 6 }, () => img(`data-ratio="${ratio}" data-w="1080"${gif ? ' data-type="gif"' : ''}`)).join('');
    const prompt = '<p style="text-align:center">点击上方蓝字关注我们</p>';
    expect(findPromotion(content(`${prompt}${strips('0.33')}`)).map((b) => b.el.textContent)).toEqual(['点击上方蓝字关注我们']);
    expect(findPromotion(content(`${prompt}${strips('0.3', true)}`)).map((b) => b.el.textContent)).toEqual(['点击上方蓝字关注我们']);
    const unsure: PromoBlock[] = [];
    expect(findPromotion(content(strips('0.3', true)), unsure)).toEqual([]);
    expect(unsure).toEqual([]);
    expect(findPromotion(content(strips('0.18')))).toEqual([]);
    // Counter: one banner under the prompt goes, and so does a strip above a comic's panels of its width (35).
    expect(findPromotion(content(`${prompt}${img('data-ratio="0.3" data-w="1080"')}${PROSE(4)}`)).length).toBe(2);
    const panels = Array.from({ length: 6 }, () => img('data-ratio="1.4" data-w="640"')).join('');
    expect(findPromotion(content(`${img('data-ratio="0.119" data-w="640"')}${panels}`)).map((b) => b.family)).toEqual(['decoration']);
  });
  it('a strip above the text is decoration; an opening photo stays (19, 23)', () => {
    const root = content(`${img('data-ratio="0.16" data-w="720"')}${img('data-ratio="0.67" data-w="1370"')}${PROSE(4)}`);
    expect(findPromotion(root).length).toBe(1);
  });
});

describe("an editor widget's reading instructions", () => {
  it('向上滑动阅览 inside a scroll box is hidden, the text of the box stays (23)', () => {
    const root = content(`${PROSE(2)}<section><section><p><span>向上滑动阅览</span></p></section><section><p>祭文：岁在戊戌，节届清明，桥山之阳，春和景明，华夏儿女以笃恭笃敬之心告于黄帝。</p></section></section>${PROSE(2)}`);
    expect(isHidden(root, '向上滑动阅览')).toBe(true);
    expect(isHidden(root, '祭文')).toBe(false);
  });
  it('every hint has the word the detector looks for first: a block without it is not walked', () => {
    const hints = ['向上滑动阅览', '👆左右滑动查看更多', '滑动查看', '上下滑动浏览全文 ↓', '点击图片放大', '👇点击查看大图～'];
    for (const h of hints) {
      expect(UI_HINT.test(h)).toBe(true);
      expect(UI_HINT_WORD.test(h)).toBe(true);
    }
    expect(UI_HINT_WORD.test('今天的天气很好，我们去公园散步。')).toBe(false);
  });
  it('prose about sliding stays', () => {
    expect(UI_HINT.test('向上滑动可以查看更多内容，这是新版本的交互。')).toBe(false);
    expect(CREDIT_LINE.test('文章写得很好')).toBe(false);
  });
  it('credit lines in English are credits (Editor: …, Photo by …); a sentence that starts with the same word is not', () => {
    for (const t of ['Editor: Zhang San', 'Source: Xinhua', 'Written by Anna Li', 'Photo by Li Si', 'Photos | Wang Wu']) expect(CREDIT_LINE.test(t), t).toBe(true);
    for (const t of ['Text messages are still the main way people talk.', 'Photographs of the city hang in the hall.', 'Sources say the talks will resume.']) expect(CREDIT_LINE.test(t), t).toBe(false);
    // A credit for pictures closes nothing: the photos after it are the ones it credits.
    const photos = [1, 2, 3].map((k) => `<p><img data-src="https://mmbiz.qpic.cn/mmbiz_jpg/photo${k}/640" data-ratio="0.66" data-w="1080"></p>`).join('');
    expect(findPromotion(content(`${PROSE(4)}<p>Photo by Li Si</p>${photos}`))).toEqual([]);
    // The editor's credit under an English article stays, and is no doubt; the ask below it goes.
    const unsure: PromoBlock[] = [];
    const hidden = findPromotion(content(`${PROSE(5)}<p style="text-align:center;color:#888">Editor: Zhang San</p><p style="text-align:center;color:#888">Follow us for more stories</p>`), unsure);
    expect(hidden.map((b) => b.el.textContent)).toEqual(['Follow us for more stories']);
    expect(unsure).toEqual([]);
  });
});

/**
 * Promotion the detector misses on pages 26-37 (added after the rules were written), kept in view:
 * a fix shows here as well as a regression. None today (27's funnel question, 32-34's slogan at the
 * top and 35's line to the ad were the last, each handled as a kind).
 */
const KNOWN_MISSES: Record<string, string[]> = {};

describe('the corpus pages, against their hand-written labels', () => {
  const labelled = PAGE_NAMES.filter((n) => {
    try {
      readFileSync(join(FIXTURES, 'labels', `${n}.json`));
      return true;
    } catch {
      return false;
    }
  });
  for (const name of labelled) {
    const label = JSON.parse(readFileSync(join(FIXTURES, 'labels', `${name}.json`), 'utf8')) as { must: string[]; must_not: string[] };
    const misses = KNOWN_MISSES[name.slice(0, 2)] ?? [];
    it(`${name}: no content string is hidden; every promotion string inside the content is${misses.length ? `, but ${misses.length} known` : ''}`, () => {
      const html = pageHtml(name);
      const doc = new JSDOM(html, { url: pageUrl(html, name) }).window.document;
      const root = doc.getElementById('js_content');
      if (!root) return;
      const text = (root.textContent ?? '').replace(/\s+/g, ' ');
      const hidden = hiddenText(root);
      for (const m of label.must) expect(hidden, m).not.toContain(m);
      // Strings of WeChat's video player injected into the content are chrome, removed by other rules.
      const player = new Set(['视频加载失败，请刷新页面再试', '退出全屏', '观看更多', 'Video Details']);
      const shown = label.must_not.filter((m) => text.includes(m) && !player.has(m) && !hidden.includes(m));
      expect(shown).toEqual(misses);
    });
  }
});

/** Kinds no page of the corpus shows, written by hand; each with content of the same structure that stays. */
describe('kinds of promotion by structure, with what must stay', () => {
  const link = (t: string, k: string) => `<p><a href="http://mp.weixin.qq.com/s?__biz=MzA&amp;mid=${k}&amp;idx=1">${t}</a></p>`;
  const items = ['深入理解 JVM 内存模型', 'Redis 持久化的两种方式', '一文读懂 Kafka'].map((t, i) => link(t, String(i))).join('');
  const shows = (html: string) => {
    const root = content(html);
    return { hidden: hiddenText(root), all: (root.textContent ?? '').replace(/\s+/g, ' ') };
  };

  it('a run of links to other articles, one per paragraph, after the last paragraph: hidden with the line above it, whatever it says', () => {
    const { hidden } = shows(`${PROSE(6)}<p>好文回看</p>${items}`);
    for (const t of ['好文回看', '深入理解 JVM 内存模型', '一文读懂 Kafka']) expect(hidden).toContain(t);
    expect(shows(`${PROSE(6)}${items}`).hidden).toContain('Redis 持久化的两种方式');
    expect(hidden).not.toContain('第6段');
  });

  it('a run of cards after the last paragraph, each a picture linked to another article with its title beside it unlinked, is such a list; the same cards in the middle stay', () => {
    const card = (t: string, k: number) => `<section><a href="http://mp.weixin.qq.com/s?__biz=MzA&amp;mid=${k}&amp;idx=1"><img data-src="https://mmbiz.qpic.cn/mmbiz_jpg/card${k}/640" data-ratio="0.42" data-w="900"></a><p>${t}</p></section>`;
    const cards = ['深入理解 JVM 内存模型', 'Redis 持久化的两种方式', '一文读懂 Kafka'].map((t, i) => card(t, i)).join('');
    const tail = findPromotion(content(`${PROSE(6)}${cards}`));
    expect(tail.length).toBe(3);
    expect(tail.every((b) => b.el.querySelector('img'))).toBe(true);
    expect(shows(`${PROSE(3)}<p>这个系列的前三篇分别讲了：</p>${cards}${PROSE(3)}`).hidden).toBe('');
  });

  it("a line that is only 关注 and a name, beside a QR code after the last paragraph, asks to follow: hidden with the code and what follows; beside a photo, or with no picture, it stays", () => {
    const qr = '<p><img data-src="https://mmbiz.qpic.cn/mmbiz_jpg/qr/640" data-ratio="1" data-w="430"></p>';
    const credits = '<p>来源：新华社</p><p>编辑：张三</p>';
    const root = content(`${PROSE(5)}${credits}${qr}<p>关注某某发布</p><p>获取更多权威资讯</p>`);
    const found = findPromotion(root);
    expect(found.map((b) => (b.el.textContent ?? '').trim())).toEqual(['', '关注某某发布', '获取更多权威资讯']);
    expect(hiddenText(content(`${PROSE(5)}<p>关注军旅 关注人生</p>${qr}`))).toContain('关注军旅 关注人生');
    const photo = '<p><img data-src="https://mmbiz.qpic.cn/mmbiz_jpg/kids/640" data-ratio="1" data-w="1080"></p>';
    expect(hiddenText(content(`${PROSE(5)}${photo}<p>关注留守儿童</p>`))).toBe('');
    expect(hiddenText(content(`${PROSE(5)}<p>关注留守儿童</p>`))).toBe('');
  });

  it('stays: links that are the article (a catalogue), its sources (参考资料), and links between paragraphs', () => {
    const catalogue = `<p>这是本号创办三年来所有文章的目录，按主题整理，方便大家查找。</p><p>一、后端</p>${[1, 2, 3, 4, 5, 6].map((k) => link(`深入理解第${k}个主题：从原理到实践`, `c${k}`)).join('')}<p>二、前端</p>${[7, 8, 9, 10].map((k) => link(`前端第${k}篇：浏览器渲染`, `c${k}`)).join('')}`;
    expect(shows(catalogue).hidden).toBe('');
    expect(shows(`${PROSE(6)}<p>参考资料：</p>${link('张三：分布式一致性综述', 'r1')}${link('李四：Raft 论文解读', 'r2')}`).hidden).toBe('');
    expect(shows(`${PROSE(3)}${link('上一篇：JVM 内存模型', 'p')}${link('下一篇：垃圾回收', 'q')}${PROSE(3)}`).hidden).toBe('');
  });

  it('an END mark above the closing asks: the bio between them is the tail; a credit line and an afterword stay', () => {
    const bio = shows(`${PROSE(6)}<p>- END -</p><p>作者简介：老王，十年后端老兵，专注分布式系统。</p><p>微信：laowang_dev</p>`).hidden;
    for (const t of ['- END -', '作者简介：老王', '微信：laowang_dev']) expect(bio).toContain(t);
    const credits = shows(`${PROSE(6)}<p>- END -</p><p>编辑：张三</p><p>审核：李四</p><p>点个在看</p>`).hidden;
    expect(credits).toContain('点个在看');
    expect(credits).not.toContain('编辑：张三');
    expect(credits).not.toContain('审核：李四');
    const afterword = '后记：写这篇文章的时候我一直在想，技术到底改变了什么。也许答案并不重要，重要的是我们一直在追问。这几年我见过太多团队在同一个问题上反复摔倒，所以才有了这篇文章。';
    const after = shows(`${PROSE(6)}<p>— 完 —</p><p>${afterword}</p><p>欢迎关注本号</p>`).hidden;
    expect(after).toContain('欢迎关注本号');
    expect(after).not.toContain('后记');
  });

  it('an account card after the last paragraph takes the short line that labels it; a sentence introducing a card mid-article stays', () => {
    const card = '<section class="mp_profile_iframe_wrp"><mp-common-profile data-nickname="程序员小灰"></mp-common-profile></section>';
    expect(shows(`${PROSE(6)}<p style="text-align:center">↓↓↓ 推荐关注 ↓↓↓</p>${card}`).hidden).toContain('推荐关注');
    const intro = '下面这个公众号是我读研时最常看的，作者把操作系统讲得很透：';
    expect(shows(`${PROSE(3)}<p>${intro}</p>${card}${PROSE(3)}`).hidden).not.toContain(intro);
    expect(shows(`${PROSE(6)}<p>今天先聊到这里</p><p>作者：张三</p>${card}`).hidden).not.toContain('作者：张三');
  });

  it("WeChat's own buttons named in any phrasing: 在看, 赞, 阅读原文, 长按关注; the same words in a sentence stay", () => {
    for (const ask of ['好文章，我在看❤️', '你点的每个在看，我都认真当成了喜欢', '觉得有用就点亮“在看”吧', '长按关注，每天进步一点点', '点击【阅读原文】，马上报名吧！', '麻烦大家转发一下，谢谢！', '戳上方蓝字关注', '点击上方“程序员小灰”关注我', '关注我，每天一篇干货']) {
      expect(shows(`${PROSE(6)}<p>${ask}</p>`).hidden, ask).toContain(ask);
    }
    for (const stays of ['周末我在看书，也在想下一篇写什么。', '写综述之前，他坚持逐篇阅读原文献。', '这条消息被转发了十万次，请转告家里的老人注意。', '文章的点击率受到广泛关注。', '我们要关注我国的粮食安全。']) {
      expect(asksOf(stays), stays).toEqual([]);
      expect(shows(`${PROSE(6)}<p>${stays}</p>`).hidden, stays).toBe('');
    }
  });
});

/**
 * What a block of an article asks the reader to do, as data. Promotion speaks to the reader: it asks
 * them to follow, scan, add a contact, join a group, reply a keyword, claim, buy, share, like, star or
 * read more. Prose about these things does not ask; so an ask decides nothing alone: the detector
 * (promotion.ts) also wants a short block, a position at the edge of the article, or an image beside it.
 *
 * Each row: the kind of ask, the promotion family it belongs to, the pattern, an example of promotion
 * it catches, and a counter-example of content it must not catch by itself.
 */

export type PromoFamily = 'ad' | 'follow' | 'recommend' | 'like-tail' | 'account-card' | 'decoration' | 'hint';
export const PROMO_FAMILIES: readonly PromoFamily[] = ['ad', 'follow', 'recommend', 'like-tail', 'account-card', 'decoration', 'hint'];

export type Ask = 'subscribe' | 'follow' | 'scan' | 'contact' | 'group' | 'reply' | 'claim' | 'buy' | 'sponsor' | 'share' | 'like' | 'star' | 'details' | 'submit' | 'comment' | 'invite' | 'open';

export interface AskRule {
  ask: Ask;
  family: PromoFamily;
  re: RegExp;
  example: string;
  /** Content that uses the same words and must stay (the detector's other signals keep it). */
  counter: string;
}

/** An ad's label, alone on its line (— 广告 —, 【推广】, 广告). */
export const AD_LABEL = /^[\s\-—–_~·|【\[]*(广告|推广|赞助|AD)[\s\-—–_~·|】\]]*$/;
/** A mark a label is set between (— 广告 —, 【推广】): without one, 广告 alone may be a section's title. */
export const AD_LABEL_MARK = /[\-—–_~·|【\[]/;

export const ASK_RULES: readonly AskRule[] = [
  {
    ask: 'subscribe',
    family: 'ad',
    re: /扫码订阅|邮发代号|征订热线|订阅热线|订阅电话|点击下图\s*了解详情|杂志.{0,6}倾力推荐/,
    example: 'seed: 扫码订阅《中国信息安全》 · 邮发代号 2-786',
    counter: '本刊的订阅量去年翻了一番。',
  },
  {
    ask: 'follow',
    family: 'follow',
    // A touch verb, a place and the account's name (in quotes or as 蓝字 / 卡片), then 关注: any account's
    // wording of the same ask (戳上方蓝字关注, 点击上方“程序员小灰”关注我); 点击率受到广泛关注 is no ask, and
    // 请关注孩子们的心理健康 asks for care: 请/记得关注 is a follow only before the account (我们, 本号, a name in
    // quotes) or a particle; 请关注我们身边的老人 and 请关注本地天气 are no follow either.
    re: /(点击|点|戳|轻触)\s*(上方|下方|顶部|底部|上面|下面|这里)?\s*([“"「『【][^”"」』】]{1,20}[”"」』】]|蓝字|卡片|名片|头像)?\s*(并|一键|即可|可)?\s*关注|关注我(?=[，,。！!~～]|$)|关注我们(?!的(?!公众号|视频号|账号|微博|抖音|号)|身边|周围|国家|社会|城市|生活|自己|这个)|欢迎关注|一键关注|^[\s↓↑▼▲👇👆·\-—]*推荐关注[\s↓↑▼▲👇👆·\-—:：]*$|(请|记得)关注(?=(我们?|本号|本公众号|本账号)(?![\u4e00-\u9fa5])|(我们?|本)的?(公众号|视频号|账号|号)|[“"「『【]|哦|呀|吧|一下|[，,。！!~～]|$)|(点|加)个关注|(?<![寻追谋])求关注|关注.{0,12}(公众号|本号|视频号|抖音号)|(微信|B站|抖音|小红书|微博|知乎|视频号)?搜索\s*[“"「『【][^”"」』】]{1,20}[”"」』】]\s*(关注|即可|就能|$|[，,。！!])|设为星标|星标(公众号|我们|本号)|点击上方(蓝字)?$|\b[Ff]ollow\s+(us|me)\b|\b[Ss]ubscribe\s+to\s+(us|our)\b/,
    example: '16: 点击上方蓝字关注维客笔记 · 插件&软件获取方式：请关注维客笔记微信公众号',
    counter: '这家公司的公众号粉丝去年增长了三成，视频号也在追赶。',
  },
  {
    ask: 'scan',
    family: 'follow',
    re: /扫码(?!支付|付款|点餐|乘车|登录|开门)|扫描.{0,10}二维码|长按.{0,8}(识别|扫描|二维码|关注)|长按.{0,8}图片(?!\s*(可以?|即可|就能)?\s*(保存|下载|放大|复制))|识别.{0,6}二维码|二维码.{0,6}(关注|领取|加入|添加|获取)|关注.{0,4}二维码|\b[Ss]can\s+(the\s+|this\s+|our\s+)?(QR|code)|\b[Ll]ong[-\s]press\s+(the|to)\b/,
    example: '21: 扫描上方图片二维码领取ofo小黄车骑行礼包！ · 05: 长按图片加欧阳微信',
    counter: '扫码支付在小商户中已经很普及，二维码几乎随处可见。',
  },
  {
    ask: 'contact',
    family: 'follow',
    // Asked to add someone on WeChat, or the account's own line for business (商务合作请联系：, 联系我们：)
    // over its QR code; 这次商务合作很成功 and 他联系我们说… are no ask.
    re: /加(我|作者|小编|助理|小助手|客服|[\u4e00-\u9fa5]{1,4})?的?(微信|vx|VX|v信)|添加(我|作者|小编|助理|小助手|客服)的?(微信|好友)?|备注[「“\"：:]|(商务|广告|品牌|业务)合作\s*(请|欢迎)?(联系|对接|洽谈)?\s*([:：]|$)|(请|欢迎)?联系(我们|小编|作者)\s*([:：]|$)/,
    example: '05: 长按图片加欧阳微信，拉你进…交流群',
    counter: '用户可以在设置里添加好友，也可以把微信号分享给同事。',
  },
  {
    // Contact details are an ask by themselves: an e-mail address, a WeChat ID (latin, after 微信/微信号/
    // WeChat ID), a phone number after its label.
    ask: 'details',
    family: 'follow',
    re: /[\w.+-]+@[\w-]+(\.[\w-]+)+|(微信号?|[vV][xX]|WeChat\s*ID)\s*[:：]?\s*[A-Za-z][-\w]{4,19}|(电话|热线|手机|联系方式|Tel)\s*[:：]?\s*\+?\d[\d\s-]{6,}/,
    example: '32: 投稿邮箱： dax163@126.com · 29: 我的微信号puresmile2',
    counter: '微信号一旦注册就不能随意修改，这是平台的规定。',
  },
  {
    ask: 'group',
    family: 'follow',
    // 读者交流群： alone over its QR code names the group it asks the reader into; 知识星球 is a paid group.
    re: /拉你进|进群|入群|加群|加入.{0,10}(群|社群|知识星球)|知识星球|(交流|读者|粉丝|技术|学习|用户|微信|福利)群\s*([:：]|$)/,
    example: '05: 拉你进欧阳的高质量vue源码交流群',
    counter: '这个社群最早是一群程序员自发组织的。',
  },
  {
    ask: 'reply',
    family: 'follow',
    re: /后台.{0,8}回复|回复.{0,3}[「“"【].{1,12}[」”"】]|发送消息|私信.{0,6}(获取|领取)|留言.{0,4}(获取|领取)/,
    example: '16: 在公众号后台聊天窗口回复20230110 · 05: 关注公众号，发送消息：666',
    counter: '他回复说，这个问题下周再讨论。',
  },
  {
    ask: 'claim',
    family: 'ad',
    re: /领取|免费领|抽奖|送书|赠送|直接获取|免费获取|获取方式|^[【\[]?\s*福\s*利\s*([】\]：:]|$)/,
    example: '21: 【福 利】 · 扫描上方图片二维码领取…骑行礼包',
    counter: '去年公司给员工的福利里多了一项体检。',
  },
  {
    ask: 'buy',
    family: 'ad',
    re: /报名|购买|下单|抢购|立即抢|上线啦|开课啦|原价|现价|特价|限时(优惠|特惠|折扣)|优惠券|团购价/,
    example: '03: （已报名【数学保命班】的同学无需购买此课程） · 21号 正式上线啦！！！',
    counter: '这门课程在大学里一直是必修课。',
  },
  {
    // The publisher saying a block is paid for: a sponsor's credit, or the ad label set between marks
    // (— 广告 —). A study's funding (资助) is no sponsor; 广告 in a sentence is a word.
    ask: 'sponsor',
    family: 'ad',
    re: new RegExp(String.raw`本文由.{1,20}(赞助|冠名|独家支持)|(赞助|冠名)(商|单位|品牌|方)?\s*[:：|｜]|` + AD_LABEL.source),
    example: '本文由某某品牌赞助播出 · — 广告 — · 赞助商：某某科技',
    counter: '这家公司去年在广告上花了三亿元，本研究由国家自然科学基金资助。',
  },
  {
    ask: 'share',
    family: 'like-tail',
    // By its grammar, not a list of phrasings: someone asking (帮, 请, 欢迎, 记得, 麻烦, 求) for a share or
    // forward, or a share sent somewhere (给/到 friends, 朋友圈); 请转告 / 请转向 are no share.
    re: /(帮忙?|请|欢迎|记得|麻烦|求)(大家|你|您|各位)?(转发|分享|转载|转)(?![告向身入换变达])|(转发|分享|转)(给|到|至)(朋友|好友|身边|更多|你的|朋友圈)|转发支持|转发.{0,4}朋友圈|一键三连|\b[Pp]lease\s+share\b|\b[Ss]hare\s+(this|it)\s+with\s+(your\s+)?friends/,
    example: '20: 帮转哈。 · 23: 欢迎分享到朋友圈~',
    counter: '这条消息被转发了十万次，请转告家里的老人注意。',
  },
  {
    ask: 'like',
    family: 'like-tail',
    // 赞 and 在看 are WeChat's own buttons: asked for with a verb in any phrasing (点个赞, 点亮“在看”, 你点的
    // 每个在看, 给个在看), or in the button's own words (好文章，我在看); 我在看书 is someone reading.
    re: /(点|给|按|戳|求)[^，。！？,.!?\s]{0,6}?[“"「]?(赞|在看)|我在看(?![\u4e00-\u9fa5])|(?<![称夸盛礼])赞\s*[和与、或/]\s*在看|在看\s*[和与、或/]\s*赞|点赞.{0,4}(在看|分享|转发)|(在看|分享|转发).{0,4}点赞|感谢关注\s*\/\s*点赞|\b([Gg]ive|[Hh]it)\s+(us\s+|it\s+)?an?\s+["“']?(like|wow|Like|Wow)\b/,
    example: '04: 如果觉得还不错，记得点个赞 · 16: 感谢关注/点赞/分享',
    counter: '这条视频获得了十万个赞。',
  },
  {
    ask: 'star',
    family: 'follow',
    re: /标星|星标|置顶公众号|设为星标/,
    example: '05: 如果不标星或点在看，你可能会收不到我公众号文章的推送',
    counter: '这颗星的亮度在过去一年里变化很大。',
  },
  {
    ask: 'submit',
    family: 'follow',
    re: /投稿|来稿|征稿|约稿/,
    example: '31: 如果你有好的技术文章想和大家分享，欢迎向我的公众号投稿',
    counter: '他的稿子被退回了三次，第四次才刊登出来。',
  },
  {
    ask: 'comment',
    family: 'like-tail',
    // Asked for, not talked about: someone inviting comments (欢迎/请/记得 … 留言), the comment box as the
    // place to do something (评论区见, 评论区留言), 留言告诉…. 评论区 as a place things happen is no ask, nor a
    // request for corrections (欢迎在评论区指出, 28: 烦请在回复或留言中指出: the author's own word).
    re: /(欢迎|请|快来|一起)[^，。！？!?]{0,8}(留言|评论)(?![^，。！？!?]{0,8}(指出|指正|批评))|记得(来|在|去)?(评论区|留言区)?(留言|评论)|(评论区|留言区)(见|留言|聊聊|告诉|分享|讨论|交流|打卡|回复)|留言告诉|留下你的(看法|想法|观点|评论|故事)|\b[Ll]eave\s+(us\s+)?(a\s+)?(comment|message)|\b[Ll]et\s+us\s+know\s+in\s+the\s+comments/,
    example: '留言告诉我们你的看法 · 评论区见 · 03: PS.同学们有什么想问硕哥的可以评论区留言哦~',
    counter: '这条新闻的评论区吵了三天，大部分人支持涨价。',
  },
  {
    // Addressing the reader at the start of a clause: 欢迎大家…, 记得…, 别忘了…
    ask: 'invite',
    family: 'like-tail',
    re: /(^|[，。！？；,!?\s])(欢迎(大家|你|您|各位|向|来)|记得|别忘了|快来)/,
    example: '29: 欢迎大家找我聊天，记录你我的故事',
    counter: '这个方案很受欢迎，大家都记住了它的名字。',
  },
  {
    ask: 'open',
    family: 'recommend',
    // 阅读原文 is WeChat's own button: pointed at in any brackets or quotes (点击【阅读原文】, 戳“阅读原文”,
    // 点击左下角阅读原文); 阅读原文献 is reading a source.
    re: /(点击?|戳|轻触)[^，。！？,.!?]{0,6}?[“"「【\[]?阅读原文(?![献章著件稿])|(点击|戳|轻触)[“"「【\[]?原文(?![献章著件稿])|点击(下方|上方|文末|左下角)的?(小程序|链接)|点击(标题|图片|下图|上图|卡片)?.{0,3}(即可|可)?(阅读|跳转)|\b([Cc]lick|[Tt]ap)\s+(on\s+)?["“'\[]?[Rr]ead\s+[Mm]ore\b/,
    example: '35: 点“阅读原文”，更多精彩漫画 · 37: 点击【阅读原文】，马上报名吧！ · 26: 点击标题可跳转 · 32: （点击图片即可阅读）',
    counter: '写综述之前，他坚持逐篇阅读原文献，读过的人不多。',
  },
];

/**
 * A notice: the title says the article announces something (an event, a call, a job). Its closing
 * instructions, how to sign up, where to send, whom to call, are the news, not an ad for it.
 * Example: 关于举办第十届编程大赛的通知 ending in 报名方式 + a QR code; counter: a lesson whose last lines
 * sell a course (03) has no such title.
 */
export const NOTICE_TITLE = /通知|公告|启事|通告|招募|招聘|招生|征集|征稿|征文|报名|邀请函|议程|简章/;
/** What a notice's own instructions ask: these alone do not make its closing lines promotion. */
export const NOTICE_ASKS: ReadonlySet<Ask> = new Set(['buy', 'submit', 'details', 'scan', 'contact', 'group', 'claim']);

/** Headers of "recommended reading" lists; the list items that follow are links or images. */
export const RECOMMEND_HEADER =
  /^[\s▼▲•·\-—|【\[]*(往期推荐|推荐阅读|往期回顾|往年回顾|往期精选|精彩回顾|相关阅读|相关文章|历史文章|热文推荐|近期热文|更多阅读|精彩推荐|延伸阅读推荐|点击阅读)[\s:：】\]]*/;

/** Closing marks: what follows them is not the article's prose (seed: — END —). */
export const END_MARK = /^[\s\-—–_=~·*•.。（(【\[]*(END|End|end|THE END|The End|完|全文完|结束)[\s\-—–_=~·*•.。）)】\]]*$|^[\s\-—–_=~·*•<>|#]*[\-—–_=~·*•<>|#]\s*([A-Za-z]{2,6}|[\u4e00-\u9fa5])\s*[\-—–_=~·*•<>|#][\s\-—–_=~·*•<>|#]*$/;
// The second form: any short word set between marks (- EOF -, < END >, —— 完 ——): the words vary, the marks say it.

/** Source, byline and credit lines (22: （来源：新华社）, seed: 文 | 郭永良): they stay, and close the article's text. */
export const CREDIT_LINE =
  /^[\s（(【\[]*((来源|图片来源|文字来源|资料来源|信息来源|素材来源|本文来源|编辑|责编|责任编辑|审核|审校|校对|排版|美编|撰文|文字|图片|摄影|出品|监制|策划|统筹|转载|作者)\s*[|｜:：丨/]?|(文|图|编|审)\s*[|｜:：丨/]|(Source|Editor|Author|Text|Photos?|Images?|Proofreader|Translator)\s*[|｜:：丨/]|(Edited|Written|Translated|Photos?|Illustrations?)\s+by\s)/;

/** A credit for pictures by their maker (图 | 张三, 摄影：李四): the pictures after it are the ones it credits,
 *  not the tail. 图片来源 names where pictures came from, under them, and closes like any source line. */
export const PICTURE_CREDIT = /^[\s（(【\[]*((图片|摄影|插画|漫画|绘图|绘画|图文|图|绘|画)\s*[|｜:：丨/]|(Photos?|Images?|Illustrations?)(\s*[|｜:：丨/]|\s+by\s))/;

/** Reading instructions of an editor's widget, not content (23: 向上滑动阅览 in a scroll box). */
export const UI_HINT = /^[\s↑↓←→▲▼👆👇]*(向上|向下|向左|向右|左右|上下)?(滑动|滑)(查看|阅览|阅读|浏览)(更多|全文)?[\s↑↓←→▲▼👆👇~～>》]*$|^[\s👆👇]*点击(图片|下图|上图)?(放大|查看大图)[\s~～]*$/;
/** A word every UI_HINT has (滑, 放大, 大图): blocks without one hold no hint, and need no look at their text nodes. */
export const UI_HINT_WORD = /滑|放大|大图/;

/**
 * Rules taken away, for the held-out figure only (tests/eval/rule-ablation.ts): a word rule whole by
 * its name, one alternative of it by `<rule>#<index>` (wordAlternatives), a signal by its name with what its parentheses
 * say left out (signalName). Empty on every page a reader opens: then each test below is the rule's
 * own regex, as written.
 */
export const ABLATED = new Set<string>();

/** A regex's top-level alternatives (a|b|c), each a regex of its own: the unit a word list grows by. */
export function wordAlternatives(re: RegExp): RegExp[] {
  const src = re.source;
  const out: string[] = [];
  let depth = 0;
  let cls = false;
  let start = 0;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') i++;
    else if (cls) cls = c !== ']';
    else if (c === '[') cls = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      out.push(src.slice(start, i));
      start = i + 1;
    }
  }
  out.push(src.slice(start));
  return out.map((a) => new RegExp(a, re.flags));
}

const alternatives = new Map<RegExp, RegExp[]>();
/** re.test(text), without the alternatives the held-out figure took away. */
export function testWords(rule: string, re: RegExp, text: string): boolean {
  if (ABLATED.size === 0) return re.test(text);
  if (ABLATED.has(rule)) return false;
  const alts = alternatives.get(re) ?? alternatives.set(re, wordAlternatives(re)).get(re)!;
  return alts.some((a, i) => !ABLATED.has(`${rule}#${i}`) && a.test(text));
}

/** A signal's name: its text without what its parentheses list (asks (follow, scan) … → asks … ). */
export const signalName = (signal: string) => signal.replace(/\s*\([^)]*\)/g, '');

/** Any ask at all, in one pass: most blocks ask nothing, and one scan is cheaper than a scan per rule. */
const ANY_ASK = new RegExp(ASK_RULES.map((r) => `(?:${r.re.source})`).join('|'));
const NO_ASKS: readonly Ask[] = [];

/** Who an ask speaks to: the reader (你, 大家, 请, 记得…), an offer made to them (转发…即可获得), the
 *  account thanking them (是对我们最大的支持), or a spoken ending (吧, 哦, ~, ！). */
const ADDRESS = /你|您|大家|各位|朋友们|同学们|小伙伴|请|欢迎|记得|别忘|快来|一起|即可|就能|就可以|对(我|我们|小编|本号|作者)(最大|莫大)?的?(支持|鼓励|肯定)|[吧哦呀啦哈呗嘛噢~～！!]/;
/**
 * What prose says of a thing, by the sentence's grammar rather than its ask words:
 * - it is, it usually does, it rose past, it got or drew (是, 往往, 超过, 获得, 共有, 被…; 了 but not 了解);
 * - its subject is someone or something else: a third person (他, 网友), people named by their part (参与者,
 *   老师们, 市民, 家长) doing or able to do it (纷纷, 可, 需), or a thing pointed at (该药品, 本次活动, 这条视频);
 * - the ask's verb is a noun: a deadline, a count, a fee (报名截止, 报名人数).
 */
const STATES = new RegExp([
  String.raw`是|往往|已经|说明|超过|越来越|常见|很多|大多|通常|一般|建议|据|了(?!解)`,
  String.raw`(?<![可能])获得|收到|得到|引发|引起|共有|共计|累计|纷纷|被`,
  String.raw`^(他|她|它|他们|她们|网友|用户|有人|不少人)`,
  String.raw`(^|[，,])[\u4e00-\u9fa5]{0,6}(?<!读)(者|们|民|长|员|方)(可以?|需要?|须|也|都|将|会)`,
  String.raw`^(该|本次|此次|这[条篇项次场位家款个]|那[条篇项次场位家款个])`,
  String.raw`^(?!读者|粉丝|用户)[\u4e00-\u9fa5]{1,6}(可以?|需要?|须)(在|凭|于|通过|到)`,
  String.raw`(报名|购买|领取|投稿)(截止|人数|费用?|日期|时间|名额)`,
].join('|'));
/**
 * Prose about an ask, not the ask: finished sentences (。, none exclaimed or asked) that speak to no one and state something.
 * 扫码关注仍是公众号最常见的涨粉手段。 / 分享到朋友圈的内容，往往比私聊传播得更远。 talk about asks; 扫码关注，了解
 * 更多。 and 帮转哈。 make them.
 */
export function talksAbout(text: string): boolean {
  return /。$/.test(text) && !/[？?]/.test(text) && !ADDRESS.test(text) && STATES.test(text);
}

/** The asks a text makes, each kind once. */
export function asksOf(text: string): readonly Ask[] {
  if (!ANY_ASK.test(text) || talksAbout(text)) return NO_ASKS;
  const out: Ask[] = [];
  for (const r of ASK_RULES) if (testWords(`ask:${r.ask}`, r.re, text)) out.push(r.ask);
  return out;
}

export function familyOf(ask: Ask): PromoFamily {
  return ASK_RULES.find((r) => r.ask === ask)!.family;
}

/** Asks too weak to hide a block by themselves: a clause that addresses the reader (欢迎大家…, 记得…) is
 *  as often the author's own last word. A block with only these stays, counted apart as unsure. */
export const WEAK_ASKS: ReadonlySet<Ask> = new Set(['invite']);

/** Asks that hide a block only after the article's last paragraph: at the top, an account's contact
 *  lines and call for submissions are the masthead of a column (02: 本杂志开源，欢迎投稿…邮件联系); a call to
 *  comment is the account's sign-off after the text (评论区见), a question to the reader in the middle. */
export const TAIL_ASKS: ReadonlySet<Ask> = new Set(['details', 'submit', 'comment']);

/** A short block is a prompt when it asks anything; a longer one when it asks two different things. */
export const PROMPT_MAX = 60;
export const LONG_PROMPT_MAX = 300;

export function promptFamily(text: string, asks: readonly Ask[] = asksOf(text)): PromoFamily | null {
  if (text === '' || text.length > LONG_PROMPT_MAX) return null;
  if (asks.length === 0) return null;
  if (text.length > PROMPT_MAX && asks.length < 2) return null;
  return familyOf(asks[0]!);
}

/** A line judged by its words only where the detector already stands in promotion: each row says where. */
export interface LineRule {
  name: string;
  re: RegExp;
  example: string;
  /** Content with the same words that must stay, and what keeps it. */
  counter: string;
}

/**
 * Lines that belong to the ad right below them, read back from the closing asks once an ad (an ask to
 * claim or buy, a mini-program card) is in that run. Above a call to like or follow they stay.
 */
export const AD_LEAD_RULES: readonly LineRule[] = [
  {
    // Offering the reader something to have: the funnel's opening question.
    name: 'a question that offers the reader something',
    re: /(想要|需要|想不想|要不要|想获取|想领取|想拿到|想得到)[^。！!]{0,24}[？?]\s*$/,
    example: '27: 现在是不是想要一份答案，参考一下？ (then 答案预览：, 【直接获取】, the group QR code)',
    counter: '27: 32道面试题，都会回答吗？ offers nothing and stays; mid-article 你想要一份怎样的人生？ is in no closing run',
  },
  {
    // The author pointing at the ad: only the ad itself is named so (广告, 赞助, 推广, 恰饭).
    name: 'a line that names the ad below it',
    re: /广告|赞助|推广|恰饭|金主/,
    example: '35: PS：支持小槽，就摸一下今天的第二条广告呗，一下就好…… (above a mini-program ad)',
    counter: '这条广告后来被投诉下架了。 stays mid-article, and as the last line above a call to like',
  },
];

/** A line that is only an arrow pointing down (▼): a banner's pointer, with the slogan above it. */
export const POINTER_LINE = /^[\s▼▽↓⬇👇⇩]+$/;

/** The slogan of an account's banner at the very top, over a pointer: it says follow (关注) in a phrase. */
export const HEAD_SLOGAN: LineRule = {
  name: "the account's slogan over a pointer, above everything",
  re: /关注|订阅|星标|置顶/,
  example: '32-34: 关注军旅 关注人生 | ▼ (then the title card)',
  counter: "25: 课堂问题 | 试听课问题／学生问题／讲义问题 | ▼ is the article's own contents heading and stays",
};

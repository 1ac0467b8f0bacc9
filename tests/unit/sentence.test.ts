import { describe, expect, it } from 'vitest';
import { cutAtSentence, shortDescription } from '../../utils/page/sentence';

describe('short text cut where a reader stops (#28.3, #28.6)', () => {
  it('whole when it fits; else after the last sentence; else at a clause; else between characters', () => {
    expect(cutAtSentence('短句。', 10)).toBe('短句。');
    expect(cutAtSentence('第一句话在这里。第二句话很长很长很长很长', 12)).toBe('第一句话在这里。');
    expect(cutAtSentence('一个很长的分句在这里，另一个分句也很长很长', 14)).toBe('一个很长的分句在这里…');
    expect(cutAtSentence('没有任何标点的一长串文字没有任何标点', 8)).toBe('没有任何标点的一…');
    expect(cutAtSentence('He said hi. Then he left the room and never came back', 30)).toBe('He said hi.');
    expect(cutAtSentence('“引号里的话。”后面还有很多很多很多字', 12)).toBe('“引号里的话。”');
  });
  it('never cuts an emoji in two, never keeps a sliver', () => {
    expect(cutAtSentence('😀😀😀😀😀😀', 3)).toBe('😀😀😀…');
    expect(cutAtSentence('好。后面是很长很长很长很长很长很长很长的一句', 20)).toBe('好。后面是很长很长很长很长很长很长很长的…');
  });
  it("descriptions: long ones cut; WeChat's own cut digests go back to a sentence; an author's stays", () => {
    expect(shortDescription(`${'一二三四五六七八九十。'.repeat(15)}`)).toBe('一二三四五六七八九十。'.repeat(10).slice(0, 110));
    const auto = '今天凌晨，三星在美国旧金山举行发布会，正式发布旗下新一代旗舰手机 Galaxy S20 系列机型，包括 S2';
    expect(shortDescription(auto)).toBe('今天凌晨，三星在美国旧金山举行发布会，正式发布旗下新一代旗舰手机 Galaxy S20 系列机型…');
    expect(shortDescription('十分优秀！')).toBe('十分优秀！');
    expect(shortDescription('◇“老赖”将被限制不动产交易 ◇近5万游客周末逛东湖樱园 ◇东湖和武大周边周末限行 ◇卓尔一波三折两连胜 ◇周三开始放晴')).toMatch(/放晴$/);
  });
});

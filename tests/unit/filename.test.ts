import { describe, expect, it } from 'vitest';
import { safeFileName } from '../../utils/deliver/filename';

const utf8 = (s: string) => new TextEncoder().encode(s).length;

describe('file names every desktop OS accepts', () => {
  it('reserved characters become full-width look-alikes; control characters go', () => {
    expect(safeFileName('国际 | 中缅泰: "打击"/电诈\\? *\u0007')).toBe('国际 ｜ 中缅泰： ＂打击＂／电诈＼？ ＊');
  });

  it('reserved device names are prefixed; leading and trailing dots and spaces go', () => {
    expect(safeFileName('CON')).toBe('_CON');
    expect(safeFileName('lpt1.txt')).toBe('_lpt1.txt');
    expect(safeFileName(' ..标题.. ')).toBe('标题');
    expect(safeFileName('...')).toBe('wechat-article');
  });

  it('at most 180 bytes of UTF-8, cut between characters, never inside one', () => {
    const cjk = safeFileName('中'.repeat(100)); // 3 bytes each
    expect(cjk).toBe('中'.repeat(60));
    const emoji = safeFileName(`a${'😀'.repeat(60)}`); // 1 + 4 bytes each
    expect(utf8(emoji)).toBeLessThanOrEqual(180);
    expect(emoji).toBe(`a${'😀'.repeat(44)}`);
    expect(safeFileName('x'.repeat(300))).toBe('x'.repeat(180));
  });
});

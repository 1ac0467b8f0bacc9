import { describe, expect, it } from 'vitest';
import { safeFileName } from '../../utils/markdown/filename';

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

describe('names a file list cannot misread (#26.16)', () => {
  it('bidi controls go: a name cannot show reversed', () => {
    expect(safeFileName('photo\u202Egpj.exe')).toBe('photogpj.exe');
    for (const c of ['\u202A', '\u202B', '\u202C', '\u202D', '\u2066', '\u2067', '\u2068', '\u2069', '\u061C']) expect(safeFileName(`a${c}b`)).toBe('ab');
  });
  it("the console's devices and COM/LPT with superscript digits are reserved too", () => {
    for (const n of ['CONIN$', 'conout$', 'CONIN$.md', 'COM¹', 'com².txt', 'LPT³', 'lpt¹.md']) expect(safeFileName(n)).toBe(`_${n}`);
    expect(safeFileName('COM10')).toBe('COM10');
    expect(safeFileName('CONINS')).toBe('CONINS');
  });
});

import { describe, expect, it } from 'vitest';
import { actualRelative, takenPattern } from '../../utils/deliver/downloads/save-file';

// The parts of the Downloads-subfolder writer that are plain logic; the writing itself is tested in
// real Chromium and Firefox (tests/e2e/downloads-folder.test.ts).
describe('where a download really went (actualRelative)', () => {
  it('the name asked for, on Linux and on Windows', () => {
    expect(actualRelative('笔记/assets/标题 (1)/001.png', '/home/r/Downloads/笔记/assets/标题 (1)/001.png')).toBe('笔记/assets/标题 (1)/001.png');
    expect(actualRelative('笔记/标题.md', 'C:\\Users\\r\\Downloads\\笔记\\标题.md')).toBe('笔记/标题.md');
    expect(actualRelative('标题.md', '/home/r/Downloads/标题.md')).toBe('标题.md');
  });

  it('a unique name the browser gave (Chromium "x (1)", Firefox "x(1)") is followed', () => {
    expect(actualRelative('assets/标题/001.png', '/d/assets/标题/001 (1).png')).toBe('assets/标题/001 (1).png');
    expect(actualRelative('assets/标题/001.png', 'C:\\d\\assets\\标题\\001(1).png')).toBe('assets/标题/001(1).png');
  });

  it('a file that landed in another folder is not taken for this one', () => {
    expect(actualRelative('assets/标题/001.png', '/d/assets/别的/001.png')).toBeNull();
    expect(actualRelative('a/assets/标题/001.png', '/d/b/assets/标题/001.png')).toBeNull();
    // "xassets/…" is not "assets/…": the match is on whole segments.
    expect(actualRelative('assets/标题/001.png', '/d/xassets/标题/001.png')).toBeNull();
  });
});

describe('what makes a name taken (takenPattern)', () => {
  const taken = (notePath: string, assets: string, file: string) => new RegExp(takenPattern(notePath, assets)).test(file);

  it('the note itself, or any file in its attachments folder, under any root and either separator', () => {
    expect(taken('标题.md', 'assets/标题', '/home/r/Downloads/标题.md')).toBe(true);
    expect(taken('标题.md', 'assets/标题', 'C:\\Users\\r\\Downloads\\assets\\标题\\003.jpg')).toBe(true);
    expect(taken('a/标题.md', 'a/assets/标题', '/d/a/assets/标题/001.png')).toBe(true);
  });

  it('not another note whose name only starts or ends the same, nor another folder', () => {
    expect(taken('标题.md', 'assets/标题', '/d/标题 (1).md')).toBe(false);
    expect(taken('标题.md', 'assets/标题', '/d/旧标题.md')).toBe(false);
    expect(taken('标题.md', 'assets/标题', '/d/assets/标题 (1)/001.png')).toBe(false);
    expect(taken('a/标题.md', 'a/assets/标题', '/d/标题.md')).toBe(false);
  });

  it('characters a regular expression would read are taken literally: (1), dots, brackets', () => {
    expect(taken('标题 (1).md', 'assets/标题 (1)', '/d/标题 (1).md')).toBe(true);
    expect(taken('标题 (1).md', 'assets/标题 (1)', '/d/标题 1.md')).toBe(false);
    expect(taken('a.b[1].md', 'assets/a.b[1]', '/d/aXb[1].md')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { isReadingOff, READING_OFF, readingCss, stepReading, validReading } from '../../utils/settings/reading';
import { withDefaults } from '../../utils/settings/settings';

describe('reading comfort settings', () => {
  it('are off by default: no style at all', () => {
    expect(withDefaults({}).reading).toEqual(READING_OFF);
    expect(isReadingOff(READING_OFF)).toBe(true);
    expect(readingCss(READING_OFF)).toBe('');
  });

  it('read back only values of their steps; anything else is "as the page"', () => {
    expect(validReading({ size: 1.2, lineHeight: 2, width: 800, face: 'serif' })).toEqual({ size: 1.2, lineHeight: 2, width: 800, face: 'serif' });
    expect(validReading({ size: 40, lineHeight: '2; color: red', width: -1, face: 'comic' })).toEqual(READING_OFF);
    expect(validReading('x')).toEqual(READING_OFF);
  });

  it('step up and down within their ends', () => {
    let r = READING_OFF;
    for (let i = 0; i < 20; i++) r = stepReading(r, 'size', 1);
    expect(r.size).toBe(1.8);
    expect(stepReading(READING_OFF, 'size', -1).size).toBe(0.93);
    expect(stepReading(READING_OFF, 'width', -1).width).toBe(0);
  });

  it("write only what the reader changed, and leave code in its face", () => {
    expect(readingCss({ ...READING_OFF, size: 1.2 })).toBe('#js_content { zoom: 1.2 !important; }');
    const serif = readingCss({ ...READING_OFF, face: 'serif' });
    expect(serif).toContain(':not(pre, code, pre *, code *)');
    expect(serif).not.toContain('zoom');
    expect(readingCss({ ...READING_OFF, width: 960 })).toContain('max-width: 960px !important');
  });
});

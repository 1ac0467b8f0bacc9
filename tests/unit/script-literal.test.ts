import { describe, expect, it } from 'vitest';
import { matchingBracket, ownLevel, topLevelObjects } from '../../utils/page/script-literal';

describe('array and object literals in inline scripts', () => {
  it('matches brackets past nested lists, brackets inside strings and comments', () => {
    const text = `x = [ { a: ']', b: "[", c: [ ], // ] here\n d: /* ] */ 1 }, { e: '\\']' } ]; y = 1`;
    const end = matchingBracket(text, text.indexOf('['));
    expect(text.slice(end)).toBe('; y = 1');
    expect(topLevelObjects(text.slice(text.indexOf('['), end))).toHaveLength(2);
  });
  it('an unclosed or mismatched literal is -1, not a guess', () => {
    expect(matchingBracket('[ { a: 1 ', 0)).toBe(-1);
    expect(matchingBracket('[ { a: 1 ] }', 0)).toBe(-1);
  });
  it("an object's own level leaves out its nested objects", () => {
    const own = ownLevel(`{ cdn_url: 'one', watermark_info: { cdn_url: 'two' }, list: [ { cdn_url: 'three' } ] }`);
    expect(own).toContain("cdn_url: 'one'");
    expect(own).not.toMatch(/two|three/);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { ABLATED, ASK_RULES, asksOf, testWords, wordAlternatives } from '../../utils/clean/promotion-signals';
import { heldOut } from '../eval/rule-ablation';
import { label } from '../label-check';

/** The held-out figure takes rules away one alternative at a time; that must take away exactly that. */
describe('rule ablation (the held-out figure for hand-written rules)', () => {
  afterEach(() => ABLATED.clear());

  it('splits a word list at its top-level bars only', () => {
    expect(wordAlternatives(/a(b|c)|[|x]|d\|e/).map((r) => r.source)).toEqual(['a(b|c)', '[|x]', 'd\\|e']);
    // Every alternative of every ask compiles and, together, they say what the whole says.
    for (const r of ASK_RULES) {
      const alts = wordAlternatives(r.re);
      const example = r.example.split(' · ')[0]!.replace(/^[\w-]+: /, '');
      expect(alts.some((a) => a.test(example)), r.ask).toBe(r.re.test(example));
    }
  });

  it('takes away one alternative, a whole rule, and nothing when empty', () => {
    const share = ASK_RULES.find((r) => r.ask === 'share')!;
    expect(asksOf('帮转哈。')).toContain('share');
    const i = wordAlternatives(share.re).findIndex((a) => a.test('帮转哈。'));
    ABLATED.add(`ask:share#${i}`);
    expect(asksOf('帮转哈。')).not.toContain('share');
    // Another alternative of the same rule still counts.
    expect(testWords('ask:share', share.re, '一键三连')).toBe(true);
    ABLATED.clear();
    ABLATED.add('ask:share');
    expect(testWords('ask:share', share.re, '一键三连')).toBe(false);
    ABLATED.clear();
    expect(asksOf('帮转哈。')).toContain('share');
  });

  it('scores an account without what only it supports, and puts everything back', () => {
    const page = (name: string) => ({ name, label: label(name)! });
    const shown = (r: ReturnType<typeof heldOut>, name: string) => r.rows.find((x) => x.name === name)!.promoShown;
    // 帮转哈。 (20) and 欢迎分享到朋友圈~ (23) are one request to share, from two accounts: it stays in.
    const both = heldOut([page('20-2018-raw-readmore-original'), page('23-2018-raw-bgimage-qqmusic-news')], 'alternative');
    expect(ABLATED.size).toBe(0);
    expect(shown(both, '20-2018-raw-readmore-original')).not.toContain('帮转哈。');
    // Alone, 20 supports it by itself: taken away, its line shows.
    const alone = heldOut([page('20-2018-raw-readmore-original')], 'alternative');
    expect(alone.ablated.get([...alone.ablated.keys()][0]!)).toContain(`ask:share#0`);
    expect(shown(alone, '20-2018-raw-readmore-original')).toContain('帮转哈。');
    expect(ABLATED.size).toBe(0);
  }, 60_000);
});

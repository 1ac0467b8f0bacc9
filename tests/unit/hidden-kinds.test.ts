import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { findPromotion, PROMO_FAMILIES } from '../../utils/clean/promotion';
import { KIND_RULES, kindOf, tally } from '../../utils/clean/hidden-kinds';
import { PageCleaner } from '../../utils/clean/cleaner';
import type { HiddenBlock } from '../../utils/clean/memory';
import { pageHtml, pageUrl } from '../fixtures';

const page = (id: string) => {
  const html = pageHtml(id);
  return new JSDOM(html, { url: pageUrl(html, id) }).window.document;
};
const hiddenOf = (id: string): HiddenBlock[] => findPromotion(page(id).getElementById('js_content')!).map((b) => ({ el: b.el, reason: b.family, signals: b.signals }));

describe('promotion is counted apart from decoration (issue 27, item 4)', () => {
  it('06: 7 blocks of recommended articles and 6 dividers and title ornaments, not "13 promotions"', () => {
    expect(tally(hiddenOf('06'))).toEqual({ promotion: 7, decoration: 6 });
  });

  it("23: the editor's reading hint (向上滑动阅览) is the editor's furniture, counted with decoration", () => {
    const hidden = hiddenOf('23');
    expect(hidden.filter((b) => b.reason === 'hint')).toHaveLength(1);
    expect(tally(hidden)).toEqual({ promotion: 3, decoration: 4 });
  });

  it("the page cleaner's counts say the same, with the unsure blocks apart", () => {
    const doc = page('06');
    const cleaner = new PageCleaner(doc, new Set(PROMO_FAMILIES));
    expect(cleaner.markPromotion()).toBe(true);
    expect(cleaner.counts()).toEqual({ promotion: 7, decoration: 6, unsure: 0 });
  });
});

describe('each hidden block has a kind to name (issue 27, item 5)', () => {
  it('the kind is the family that hid it unless a rule says more', () => {
    const kinds = hiddenOf('06').map(kindOf);
    expect(kinds).toEqual([...Array(6).fill('decoration'), ...Array(7).fill('recommend')]);
  });

  it(`qr-code: ${KIND_RULES.find((r) => r.kind === 'qr-code')!.example}`, () => {
    const hidden = hiddenOf('31');
    const qr = hidden.filter((b) => kindOf(b) === 'qr-code');
    expect(qr).toHaveLength(1);
    expect(qr[0]!.el.textContent?.trim()).toBe('');
    expect(qr[0]!.el.querySelector('img')).not.toBeNull();
    const before = qr[0]!.el.previousElementSibling?.textContent ?? '';
    expect(before).toMatch(/识别图中二维码/);
  });

  it(`qr-code, counter: ${KIND_RULES.find((r) => r.kind === 'qr-code')!.counter}`, () => {
    const hidden = hiddenOf('30');
    const list = hidden.filter((b) => b.reason === 'recommend' && !(b.el.textContent ?? '').trim() && b.el.querySelector('img'));
    expect(list.length).toBeGreaterThan(0);
    for (const b of list) expect(kindOf(b)).toBe('recommend');
  });
});

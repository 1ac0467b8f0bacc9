import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { handmadeHtml } from '../fixtures';
import { hidden, markPage } from '../eval/promotion';
import { MUST_STAY as KINDS } from '../eval/promotion-model';

describe('the article stays whole: pictures are the article unless the picture itself says otherwise', () => {
  for (const k of KINDS) {
    it(`${k.name}: ${k.what}`, () => {
      const doc = new JSDOM(handmadeHtml(k.name), { url: 'https://mp.weixin.qq.com/s/handmade' }).window.document;
      markPage(doc);
      const root = doc.getElementById('js_content')!;
      const imgs = Array.from(root.querySelectorAll('img'));
      expect(imgs.length).toBeGreaterThan(0);
      expect(imgs.filter(hidden).map((i) => i.getAttribute('data-src'))).toEqual([]);
      const lines = Array.from(root.querySelectorAll('p, section')).filter((el) => el.children.length === 0 || el.tagName === 'P');
      const hiddenText = lines.filter((el) => (el.textContent ?? '').trim() !== '' && hidden(el)).map((el) => el.textContent!.trim());
      expect(hiddenText).toEqual(k.promo ? [k.promo] : []);
    });
  }
});

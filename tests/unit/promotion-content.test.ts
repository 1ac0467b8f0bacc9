import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { handmadeHtml } from '../fixtures';
import { hidden, markPage } from '../eval/promotion';

/** Hand-made pages of the kinds of article that must stay whole: every picture and every sentence shown. */
const KINDS: { name: string; what: string; promo?: string }[] = [
  { name: 'comic', what: 'a comic: 8 panels of one size in one block before any prose, one panel repeated', promo: '点击上方蓝字关注我们' },
  { name: 'photo-story', what: 'a photo story opening with an animated photo (__bg_gif) and a run of same-size photos' },
  { name: 'chart-strips', what: 'a run of thin charts of one size among prose' },
  { name: 'picture-first-essay', what: 'an essay that opens with a wide picture and a panorama strip' },
  { name: 'gif-clips', what: 'a gossip article whose GIF clips (__bg_gif) illustrate the sentence before them, one after the last line' },
  { name: 'gif-first', what: 'a pet article that opens with two small GIF clips (240 and 280 px) before any text, and shows the first again' },
  { name: 'emoji-inline', what: 'an emoji and a small sticker inside sentences' },
];

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

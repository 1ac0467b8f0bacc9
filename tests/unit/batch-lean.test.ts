import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { albumFixture, clockless, expectedMarkdown, pageHtml, pageUrl, PAGE_NAMES } from '../fixtures';
import { GOLDEN_PAGES } from '../golden-cases';
import { leanHtml, parsePage } from '../../utils/batch/article';
import { exportMarkdown } from '../../utils/markdown/note';

const album = ['2247483846', '2247484420', '2247484584'].map((mid) => ({ name: `album-${mid}`, html: albumFixture(`article-${mid}.html.gz`), url: `https://mp.weixin.qq.com/s?__biz=Mzg4NTc2OTYxMQ==&mid=${mid}&idx=1` }));
const pages = [...PAGE_NAMES.map((name) => ({ name, html: pageHtml(name), url: pageUrl(pageHtml(name), name) })), ...album];

describe('the batch reads a lean copy of each page', () => {
  // Leaving out script bundles and style sheets must change nothing in any note: the whole corpus.
  for (const p of pages) {
    it(`${p.name}: the same note (or the same message) as from the whole page`, () => {
      const lean0 = exportMarkdown(parsePage(p.html, p.url), p.url);
      // Pages with a golden note: the lean copy must give exactly it (the golden test checks the whole page).
      if (GOLDEN_PAGES.includes(p.name)) return void expect(lean0.ok && clockless(lean0.markdown)).toBe(clockless(expectedMarkdown(p.name)));
      const whole = exportMarkdown(new JSDOM(p.html, { url: p.url }).window.document, p.url);
      const lean = exportMarkdown(parsePage(p.html, p.url), p.url);
      expect(lean.ok).toBe(whole.ok);
      if (whole.ok && lean.ok) expect(clockless(lean.markdown)).toBe(clockless(whole.markdown));
      else expect(lean).toEqual(whole);
    });
  }
  it('keeps small scripts, drops bundles and styles, leaves the rest byte for byte', () => {
    const big = 'x'.repeat(70 * 1024);
    const html = `<head><style>p{}</style><script>var a = "1";</script><SCRIPT type="text/javascript">${big}</SCRIPT ></head><body><p>t</p></body>`;
    expect(leanHtml(html)).toBe('<head><script>var a = "1";</script></head><body><p>t</p></body>');
  });
});

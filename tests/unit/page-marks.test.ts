import { describe, expect, it } from 'vitest';
import { clockless, expectedMarkdown, pageHtml, pageUrl } from '../fixtures';
import { GOLDEN_PAGES, loadDocument } from '../golden-cases';
import { PageCleaner } from '../../utils/clean/cleaner';
import { PROMO_FAMILIES } from '../../utils/clean/promotion';
import { PASS_ATTR, PROMO_ATTR } from '../../utils/clean/chrome-rules';
import { exportMarkdown } from '../../utils/pipeline/export';
import { DEFAULT_SETTINGS, withDefaults } from '../../utils/settings/settings';

function cleaned(name: string) {
  const html = pageHtml(name);
  const url = pageUrl(html, name);
  const doc = loadDocument(html, url);
  const cleaner = new PageCleaner(doc, new Set(PROMO_FAMILIES));
  cleaner.enable();
  return { doc, url, cleaner };
}
const note = (doc: Document, url: string, settings = DEFAULT_SETTINGS) => {
  const r = exportMarkdown(doc, url, settings);
  if (!r.ok) throw new Error(r.message);
  return r.markdown;
};

// The export of a cleaned page reads the cleaning's marks instead of finding the promotion again.
describe('the export and the page marks', () => {
  // One case a page: 38 pages in one case outran the time limit on a loaded machine.
  for (const name of GOLDEN_PAGES) {
    it(`${name}: on the cleaned page, the note from the marks is the golden note`, () => {
      const { doc, url } = cleaned(name);
      expect(clockless(note(doc, url)), name).toBe(clockless(expectedMarkdown(name)));
    });
  }

  it('uses the marks: a block marked after the pass is left out of the note', () => {
    const { doc, url } = cleaned('seed');
    const para = Array.from(doc.querySelectorAll('#js_content p')).find((p) => (p.textContent ?? '').includes('首先'))!;
    expect(note(doc, url)).toContain('首先');
    para.setAttribute(PROMO_ATTR, 'ad'); // an attribute change is not a content change: the pass stays current
    expect(note(doc, url)).not.toContain('首先');
  });

  it('does not use marks made for other families: it finds promotion itself', () => {
    const { doc, url } = cleaned('seed');
    const para = Array.from(doc.querySelectorAll('#js_content p')).find((p) => (p.textContent ?? '').includes('首先'))!;
    para.setAttribute(PROMO_ATTR, 'ad');
    const fewer = withDefaults({ hidePromotion: { ...DEFAULT_SETTINGS.hidePromotion, hint: false } });
    expect(note(doc, url, fewer)).toContain('首先');
  });

  it('does not use marks once the content changed after the pass, until the next pass', async () => {
    const { doc, url } = cleaned('seed');
    const root = doc.getElementById('js_content')!;
    expect(root.hasAttribute(PASS_ATTR)).toBe(true);
    const para = Array.from(root.querySelectorAll('p')).find((p) => (p.textContent ?? '').includes('首先'))!;
    para.setAttribute(PROMO_ATTR, 'ad');
    root.appendChild(doc.createElement('p')).textContent = '新的一段正文。';
    // The observer's callback comes at the next microtask; the next pass waits for a frame, which a
    // timer could let in first (the image reveal asks for frames too).
    await Promise.resolve();
    expect(root.hasAttribute(PASS_ATTR)).toBe(false);
    expect(note(doc, url)).toContain('首先');
  });

  it('a page whose cleaning is off has no marks to read', () => {
    const { doc, url, cleaner } = cleaned('seed');
    cleaner.disable();
    expect(doc.getElementById('js_content')!.hasAttribute(PASS_ATTR)).toBe(false);
    expect(clockless(note(doc, url))).toBe(clockless(expectedMarkdown('seed-article')));
  });
});

import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { anchorRange, describeRange, findQuote, textIndex, type TextAnchor } from '../../utils/annotate/anchor';
import { highlightsSection, markHighlights } from '../../utils/annotate/markdown';
import { validRecord, type Highlight } from '../../utils/annotate/store';
import { exportMarkdown, makeDraft } from '../../utils/pipeline/export';
import { DEFAULT_SETTINGS, withDefaults } from '../../utils/settings/settings';
import MarkdownIt from 'markdown-it';
import { clockless, pageHtml, pageUrl } from '../fixtures';

const load = (prefix: string) => {
  const html = pageHtml(prefix);
  const url = pageUrl(html, prefix);
  return { dom: new JSDOM(html, { url }), url };
};
const content = (doc: Document) => doc.getElementById('js_content')!;

/** A range over [start, end) of the content's text. */
function rangeOf(root: Element, start: number, end: number): Range {
  const index = textIndex(root);
  const r = anchorRange(root, { exact: index.text.slice(start, end), prefix: '', suffix: '', start, end }, index)!;
  return r;
}

/** Where, from `from` on, a run of `n` characters without white space starts (the prose, not the markup's line breaks). */
const proseAt = (text: string, from: number, n: number) => {
  const m = new RegExp(`\\S{${n}}`, 'g');
  m.lastIndex = from;
  return m.exec(text)!.index;
};

const highlight = (a: TextAnchor, note = ''): Highlight => ({ ...a, id: `h${a.start}`, note, created: 1 });

describe('anchoring on corpus pages', () => {
  it('describes a selection and finds the same text again, in a fresh copy of the page', () => {
    const { dom } = load('01');
    const root = content(dom.window.document);
    const text = textIndex(root).text;
    const at = proseAt(text, 400, 30);
    const range = rangeOf(root, at, at + 30);
    const anchor = describeRange(root, range)!;
    expect(anchor.exact).toBe(text.slice(at, at + 30).trim());
    expect(anchor.prefix.length).toBeGreaterThan(0);
    const again = load('01').dom.window.document;
    const found = anchorRange(content(again), anchor)!;
    expect(found.toString()).toBe(anchor.exact);
  });

  it('of a quote that occurs twice, chooses the one its prefix and suffix name, whatever the position says', () => {
    const { dom } = load('01');
    const root = content(dom.window.document);
    const { text } = textIndex(root);
    // A short quote that the page repeats.
    let quote = '';
    let first = -1;
    let second = -1;
    for (let i = 200; i < text.length - 4 && second < 0; i++) {
      const q = text.slice(i, i + 4);
      if (/\s/.test(q)) continue;
      const j = text.indexOf(q, i + 50);
      if (j > 0) [quote, first, second] = [q, i, j];
    }
    expect(second).toBeGreaterThan(first);
    const anchor = describeRange(root, rangeOf(root, second, second + 4))!;
    expect(anchor.exact).toBe(quote);
    // A wrong position hint (the first repeat's): the context still wins.
    expect(findQuote(text, { ...anchor, start: first, end: first + 4 })?.start).toBe(second);
    const firstAnchor = describeRange(root, rangeOf(root, first, first + 4))!;
    expect(findQuote(text, { ...firstAnchor, start: second })?.start).toBe(first);
  });

  it('finds a passage whose surroundings changed (a paragraph inserted before it, words changed beside it)', () => {
    const { dom } = load('02');
    const doc = dom.window.document;
    const root = content(doc);
    const text = textIndex(root).text;
    const at = proseAt(text, Math.floor(text.length / 2), 20);
    const anchor = describeRange(root, rangeOf(root, at, at + 20))!;
    // A re-render: a new paragraph at the top, the character just before the passage changed.
    const p = doc.createElement('p');
    p.textContent = '新插入的一段文字。'.repeat(20);
    root.prepend(p);
    const changed = { ...anchor, prefix: `改${anchor.prefix.slice(1)}` };
    const found = anchorRange(root, changed)!;
    expect(found.toString()).toBe(anchor.exact);
    expect(textIndex(root).text.indexOf(anchor.exact)).toBeGreaterThan(anchor.start);
  });

  it('keeps a highlight whose text is gone unplaced (null), not somewhere else', () => {
    const { dom } = load('01');
    expect(anchorRange(content(dom.window.document), { exact: '这段文字不在页面上的任何地方', prefix: '', suffix: '', start: 0, end: 14 })).toBeNull();
  });
});

describe('highlights in the note', () => {
  it("are marked ==…== in the export's cleaned copy and listed with their notes; the page is untouched", () => {
    const { dom, url } = load('01');
    const doc = dom.window.document;
    const root = content(doc);
    const text = textIndex(root).text;
    const at = proseAt(text, 600, 24);
    const a = describeRange(root, rangeOf(root, at, at + 24))!;
    const before = root.innerHTML;
    const made = makeDraft(doc, url, DEFAULT_SETTINGS, null, [highlight(a, '我的想法\n第二行')]);
    expect(made.ok).toBe(true);
    if (!made.ok) return;
    expect(root.innerHTML).toBe(before);
    const md = made.draft.markdown;
    expect(md).toContain(`==${a.exact}==`);
    expect(md).toContain('## 划线与批注 / Highlights');
    const section = md.slice(md.indexOf('## 划线与批注'));
    expect(section).toContain(`> ${a.exact.trim().split('\n')[0]!.slice(0, 10)}`);
    expect(section).toContain('我的想法\n第二行');
    // Without highlights the note is as before.
    const plain = exportMarkdown(load('01').dom.window.document, url, DEFAULT_SETTINGS);
    expect(plain.ok && plain.markdown).not.toContain('划线与批注');
    expect(plain.ok && plain.markdown.split('==').length).toBe(md.slice(0, md.indexOf('## 划线与批注')).split('==').length - 2);
  });

  it('marks a passage that crosses elements, one <mark> per text run, in article order', () => {
    const doc = new JSDOM('<div id="c"><p>第一段 <b>加粗的</b> 文字。</p><p>第二段文字。</p></div>').window.document;
    const root = doc.getElementById('c')!;
    const text = textIndex(root).text;
    const late = describeRange(root, rangeOf(root, text.indexOf('第二'), text.indexOf('第二') + 3))!;
    const crossing = describeRange(root, rangeOf(root, text.indexOf('段 '), text.indexOf(' 文字') + 3))!;
    const placed = markHighlights(root, [highlight(late), highlight(crossing)]);
    expect(placed.map((h) => h.exact)).toEqual([crossing.exact, late.exact]);
    expect(root.innerHTML).toBe('<p>第一<mark data-wac-hl="">段 </mark><b><mark data-wac-hl="">加粗的</mark></b><mark data-wac-hl=""> 文字</mark>。</p><p><mark data-wac-hl="">第二段</mark>文字。</p>');
    expect(highlightsSection(placed)).toBe('## 划线与批注 / Highlights\n\n> 段 加粗的 文字\n\n> 第二段');
  });
});

describe('the <mark> option for highlighted passages', () => {
  // The scoreboard's rule (measure/render-check.mjs): every raw-HTML token a CommonMark renderer with HTML
  // on finds, other than table markup, counts against the note.
  const md = new MarkdownIt({ html: true, linkify: false });
  const rawHtml = (note: string): string[] => {
    const found: string[] = [];
    const walk = (ts: ReturnType<typeof md.parse>) => {
      for (const t of ts) {
        if ((t.type === 'html_block' || t.type === 'html_inline') && !/^\s*<\/?(table|thead|tbody|tr|td|th|br|sup|sub)\b/i.test(t.content)) found.push(t.content.trim());
        if (t.children) walk(t.children);
      }
    };
    walk(md.parse(note.replace(/^---\n[\s\S]*?\n---\n/, ''), {}));
    return found;
  };
  const exportWith = (markup: 'equals' | 'mark', extra = '') => {
    const { dom, url } = load('01');
    const doc = dom.window.document;
    const root = content(doc);
    // The author's own words and element that look like the option's tags: never written as raw HTML.
    if (extra) root.insertAdjacentHTML('afterbegin', extra);
    const text = textIndex(root).text;
    const at = proseAt(text, 600, 24);
    const a = describeRange(root, rangeOf(root, at, at + 24))!;
    const made = makeDraft(doc, url, { ...DEFAULT_SETTINGS, highlightMarkup: markup }, null, [highlight(a, '想法')]);
    if (!made.ok) throw new Error(made.message);
    const note = made.draft.markdown;
    const at2 = note.indexOf('## 划线与批注');
    return { exact: a.exact, body: note.slice(0, at2), section: note.slice(at2), note };
  };

  it('writes the passages <mark>…</mark> instead of ==…== when chosen; the Highlights section is the same', () => {
    const equals = exportWith('equals');
    const mark = exportWith('mark');
    expect(equals.body).toContain(`==${equals.exact}==`);
    expect(equals.body).not.toContain('<mark>');
    expect(mark.body).toContain(`<mark>${mark.exact}</mark>`);
    expect(mark.body).not.toContain(`==${mark.exact}`);
    expect(mark.section).toBe(equals.section);
    // Apart from the markers (and each draft's own image-slot nonce) the body is the same.
    const slots = (md: string) => clockless(md).replace(/wac-img-[a-z0-9]+-/g, 'wac-img-');
    expect(slots(mark.body.replace(/<\/?mark>/g, ''))).toBe(slots(equals.body.replace(`==${equals.exact}==`, equals.exact)));
  });

  it("gives the scoreboard no raw HTML by default; with <mark> only the passage's <mark> pair, never the author's look-alikes", () => {
    const lookAlikes = '<p>写作 &lt;mark&gt;要点&lt;/mark&gt; 与 <mark>作者自己的标记</mark></p>';
    expect(rawHtml(exportWith('equals', lookAlikes).note)).toEqual([]);
    const mark = exportWith('mark', lookAlikes);
    expect(rawHtml(mark.note)).toEqual(['<mark>', '</mark>']);
    // The author's text stays text, their own <mark> element stays plain words.
    expect(mark.body).toContain('\\<mark>要点');
    expect(mark.body).toContain('作者自己的标记');
    expect(mark.body).not.toContain('<mark>作者');
  });

  it('is read from settings as one of its two values; anything else falls back to ==…==', () => {
    expect(withDefaults({ highlightMarkup: 'mark' }).highlightMarkup).toBe('mark');
    expect(withDefaults({ highlightMarkup: '<script>' as never }).highlightMarkup).toBe('equals');
    expect(withDefaults({}).highlightMarkup).toBe('equals');
  });
});

describe('the template variables {{highlights}} and {{notes}}', () => {
  it('give the passages with their notes, and the notes alone, to the properties; a passage not found is still listed', () => {
    const { dom, url } = load('01');
    const doc = dom.window.document;
    const root = content(doc);
    const text = textIndex(root).text;
    const at = proseAt(text, 900, 10);
    const a = describeRange(root, rangeOf(root, at, at + 10))!;
    const gone = highlight({ exact: '不在页面上的话', prefix: '', suffix: '', start: 1, end: 8 }, '仍然保留');
    const settings = { ...DEFAULT_SETTINGS, properties: [{ name: 'my_highlights', type: 'text' as const, value: '{{highlights}}' }, { name: 'my_notes', type: 'text' as const, value: '{{notes}}' }] };
    const made = makeDraft(doc, url, settings, null, [highlight(a, '想法'), gone]);
    expect(made.ok).toBe(true);
    if (!made.ok) return;
    const md = made.draft.markdown;
    expect(md).toContain(`my_highlights: ${JSON.stringify(`> ${a.exact}\n\n想法\n\n> 不在页面上的话\n\n仍然保留`)}`);
    expect(md).toContain(`my_notes: ${JSON.stringify(`- ${a.exact}: 想法\n- 不在页面上的话: 仍然保留`)}`);
    expect(md.slice(md.indexOf('## 划线与批注'))).toContain('> 不在页面上的话\n\n仍然保留');
  });
});

describe('stored highlights', () => {
  it('are read back field by field; what is not a highlight, or beyond the bounds, is left out', () => {
    const good = { id: 'a', exact: '文字', prefix: '', suffix: '', start: 1, end: 3, note: '', created: 5 };
    const rec = validRecord({ v: 1, id: 'X/1/1', title: 't', url: 'u', updated: 1, items: [good, { ...good, exact: '' }, { ...good, note: 'x'.repeat(6000) }, null] }, 'X/1/1');
    expect(rec?.items).toEqual([good]);
    expect(validRecord({ v: 1, id: 'other', items: [] }, 'X/1/1')).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { exportMarkdown, type ExportResult } from '../../utils/pipeline/export';
import { pageHtml, pageUrl } from '../fixtures';
import { loadDocument } from '../golden-cases';

/**
 * Bounded fuzzing: corpus pages mutated the ways real pages break (subtrees gone or doubled,
 * garbage attributes, broken scripts, missing metadata, huge or deep content). Every case must end
 * in Markdown or a clear message: never an exception.
 */

// Small, seeded PRNG (mulberry32): the same cases on every run, so a failure can be replayed.
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Mutation = (doc: Document, r: () => number) => void;
const pick = <T>(xs: T[], r: () => number): T | undefined => xs[Math.floor(r() * xs.length)];
const elementsIn = (doc: Document) => Array.from(doc.querySelectorAll('#js_content *, body *'));

const GARBAGE_ATTRS: [string, string][] = [
  ['data-src', '%%%not a url'],
  ['data-src', 'javascript:alert(1)'],
  ['src', 'data:text/html,<b>x</b>'],
  ['style', 'display:none'],
  ['data-formula', '%E0%A4%A'],
  ['data-formula-type', 'block-equation'],
  ['colspan', '-1'],
  ['rowspan', '99999999'],
  ['data-lang', '"><script>'],
  ['class', 'code-snippet__fix js_editor_audio video_iframe'],
  ['data-ratio', 'NaN'],
  ['href', '\u0000javascript:alert(1)'],
  ['voice_encode_fileid', '\u202e'],
];

const MUTATIONS: Record<string, Mutation> = {
  'delete subtrees': (doc, r) => {
    for (let i = 0; i < 20; i++) pick(elementsIn(doc), r)?.remove();
  },
  'duplicate subtrees': (doc, r) => {
    for (let i = 0; i < 10; i++) {
      const el = pick(elementsIn(doc), r);
      if (el?.parentNode) el.parentNode.insertBefore(el.cloneNode(true), el);
    }
  },
  'garbage attributes': (doc, r) => {
    for (let i = 0; i < 60; i++) {
      const [name, value] = pick(GARBAGE_ATTRS, r)!;
      pick(elementsIn(doc), r)?.setAttribute(name, value);
    }
  },
  'broken scripts': (doc, r) => {
    for (const s of Array.from(doc.scripts)) if (r() < 0.7) s.text = s.text.slice(0, Math.floor(s.text.length * r())) + (r() < 0.5 ? "var ct = 'abc" : '\\x');
  },
  'empty metadata': (doc) => {
    for (const s of Array.from(doc.scripts)) s.remove();
    for (const el of Array.from(doc.querySelectorAll('#activity-name, #js_name, #post-user, #js_author_name, meta'))) el.remove();
  },
  'content replaced by element soup': (doc, r) => {
    const root = doc.querySelector('#js_content');
    if (!root) return;
    const tags = ['p', 'section', 'span', 'strong', 'em', 'a', 'img', 'table', 'tr', 'td', 'pre', 'code', 'br', 'ul', 'li', 'mpvoice', 'mp-common-profile', 'iframe', 'h2', 'blockquote'];
    let parent: Element = root;
    for (let i = 0; i < 300; i++) {
      const el = doc.createElement(pick(tags, r)!);
      if (r() < 0.5) el.textContent = '**_`[x](y)<b>' + String.fromCharCode(0x4e00 + Math.floor(r() * 500));
      parent.appendChild(el);
      parent = r() < 0.6 ? el : root;
    }
  },
};

const PAGES = ['20', '21', '25', '17', '22'];

function check(r: ExportResult): void {
  if (r.ok) {
    expect(r.markdown.startsWith('---\n')).toBe(true);
    expect(typeof r.fileName).toBe('string');
    expect(r.fileName.length).toBeGreaterThan(0);
  } else {
    expect(r.message.length).toBeGreaterThan(10);
  }
}

describe('fuzzed corpus pages end in Markdown or a clear message', () => {
  for (const page of PAGES) {
    const html = pageHtml(page);
    const url = pageUrl(html, page);
    const base = loadDocument(html, url);
    for (const [name, mutate] of Object.entries(MUTATIONS)) {
      it(`${page}: ${name}`, () => {
        for (let seed = 1; seed <= 4; seed++) {
          const doc = base.cloneNode(true) as Document;
          mutate(doc, rng(seed * 7919 + page.charCodeAt(0)));
          let result: ExportResult | undefined;
          expect(() => (result = exportMarkdown(doc, url))).not.toThrow();
          check(result!);
        }
      });
    }
  }

  it('10 MB of content', () => {
    const html = pageHtml('20');
    const doc = loadDocument(html, pageUrl(html, '20'));
    const root = doc.querySelector('#js_content')!;
    const para = `<p>${'这是一段很长的正文，用来测试十兆字节的内容。'.repeat(40)}</p>`;
    root.innerHTML += para.repeat(Math.ceil((10 * 1024 * 1024) / (para.length * 3)));
    expect(root.textContent!.length * 3).toBeGreaterThan(10 * 1024 * 1024 * 0.9);
    const r = exportMarkdown(doc, 'https://mp.weixin.qq.com/s/big');
    check(r);
    expect(r.ok).toBe(true);
  });

  it('content nested 5000 levels deep', () => {
    const doc = loadDocument('<div id="js_content"></div>', 'https://mp.weixin.qq.com/s/deep');
    let el = doc.querySelector('#js_content')!;
    for (let i = 0; i < 5000; i++) el = el.appendChild(doc.createElement(i % 2 ? 'section' : 'span'));
    el.textContent = 'deep text';
    const r = exportMarkdown(doc, 'https://mp.weixin.qq.com/s/deep');
    check(r);
    // Building 5000 levels in jsdom is slow on a loaded 2-core machine; the export itself takes a second.
  }, 240_000);
});

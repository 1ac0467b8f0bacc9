import { describe, expect, it } from 'vitest';
import MarkdownIt from 'markdown-it';
import { JSDOM } from 'jsdom';
import { expectedMarkdown } from '../fixtures';
import { GOLDEN_PAGES, HANDMADE, prepareFixture } from '../golden-cases';

// CommonMark with GFM tables and strikethrough, raw HTML allowed so we can see what gets through.
const md = new MarkdownIt('commonmark', { html: true }).enable(['table', 'strikethrough']);

function renderedText(markdown: string): { text: string; html: string } {
  // Front matter is not Markdown; formulas ($…$, $$…$$) hold LaTeX, like code.
  const body = markdown
    .replace(/^---\n[\s\S]*?\n---\n/, '')
    .replace(/\$\$\n[\s\S]*?\n\$\$/g, '')
    .replace(/\$[^$\n]+\$/g, '');
  const html = md.render(body);
  const doc = new JSDOM(html).window.document;
  for (const c of Array.from(doc.querySelectorAll('code, pre'))) c.remove(); // code may hold any character
  return { text: doc.body.textContent ?? '', html };
}

const count = (s: string, ch: string) => s.split(ch).length - 1;

describe('goldens render cleanly in CommonMark + GFM', () => {
  for (const name of [...GOLDEN_PAGES, ...HANDMADE]) {
    it(name, () => {
      const markdown = expectedMarkdown(name);
      const { text, html } = renderedText(markdown);
      const r = prepareFixture(name);
      if (!r.ok) throw new Error(r.message);
      const source = r.article.root.textContent ?? ''; // the article's text, before conversion
      // No stray emphasis or code markers: the rendered text has no more of them than the article.
      for (const ch of ['*', '_', '`']) expect(count(text, ch), `stray ${ch}`).toBeLessThanOrEqual(count(source, ch));
      if (!source.includes('**')) expect(text).not.toContain('**');
      // Raw HTML only as the sanitized table fallback.
      // Autolinks (`<https://…>`, `<mailto:…>`) are links, not HTML.
      const codeFree = markdown.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '').replace(/<(?:https?|mailto):[^\s<>]*>/g, '');
      const htmlTags = new Set(Array.from(codeFree.matchAll(/<\/?([a-zA-Z][\w-]*)[^>]*>/g), (m) => m[1]!.toLowerCase()));
      for (const t of htmlTags) expect(['table', 'thead', 'tbody', 'tr', 'td', 'th', 'strong', 'b', 'em', 'i', 'br', 'a', 'img', 'code', 'sub', 'sup', 'caption']).toContain(t);
      if (htmlTags.size) expect(codeFree).toMatch(/<table>/);
      expect(html.replace(/<pre>[\s\S]*?<\/pre>|<code>[\s\S]*?<\/code>/g, '')).not.toMatch(/<script|\son\w+=|javascript:/i);
    });
  }
});

// What MarkDownload does: Readability on a copy of the document, then Turndown with the GFM plugin.
import { Readability } from '@mozilla/readability';
import TurndownService from 'turndown';
// @ts-expect-error: the original GFM plugin ships no types
import { gfm } from 'turndown-plugin-gfm';

(globalThis as Record<string, unknown>).__bench_markdownload = () => {
  const article = new Readability(document.cloneNode(true) as Document).parse();
  const td = new TurndownService({ headingStyle: 'atx', hr: '___', bulletListMarker: '-', codeBlockStyle: 'fenced', fence: '```', emDelimiter: '_', strongDelimiter: '**', linkStyle: 'inlined' });
  td.use(gfm);
  return td.turndown(article?.content ?? '');
};

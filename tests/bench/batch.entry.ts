// Browser bundle for the batch row: an article from its HTML text, as the batch page reads it
// (DOMParser, no network), ours against Readability + Turndown on the same text.
import { Readability } from '@mozilla/readability';
import TurndownService from 'turndown';
// @ts-expect-error: the original GFM plugin ships no types
import { gfm } from 'turndown-plugin-gfm';
import { exportMarkdown } from '../../utils/markdown/note';
import { parsePage } from '../../utils/batch/article';
import { ZipDestination } from '../../utils/batch/output';

const g = globalThis as Record<string, unknown>;

const ours = (html: string, url: string) => {
  const r = exportMarkdown(parsePage(html, url), url);
  return r.ok ? r.markdown : r.message;
};
g.__bench_batch_ours = ours;

g.__bench_batch_markdownload = (html: string) => {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const article = new Readability(doc).parse();
  const td = new TurndownService({ headingStyle: 'atx', hr: '___', bulletListMarker: '-', codeBlockStyle: 'fenced', fence: '```', emDelimiter: '_', strongDelimiter: '**', linkStyle: 'inlined' });
  td.use(gfm);
  return td.turndown(article?.content ?? '');
};

/** `n` articles through the batch's export and its streamed ZIP (no images: no network); the JS heap's peak. */
g.__bench_batch_run = async (pages: { html: string; url: string }[], n: number) => {
  const heap = () => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0;
  const dest = new ZipDestination('bench');
  const start = heap();
  let peak = start;
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    const p = pages[i % pages.length]!;
    await dest.addNote(`note-${i}`, ours(p.html, p.url), []);
    peak = Math.max(peak, heap());
  }
  await dest.finish('# bench\n');
  return { start, peak, ms: performance.now() - t0, zipBytes: dest.blob!.size };
};

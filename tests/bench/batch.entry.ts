// Browser bundle for the batch row: an article from its HTML text, as the batch page reads it
// (DOMParser, no network), ours against Readability + Turndown on the same text.
import { Readability } from '@mozilla/readability';
import TurndownService from 'turndown';
// @ts-expect-error: the original GFM plugin ships no types
import { gfm } from 'turndown-plugin-gfm';
import { exportMarkdown } from '../../utils/pipeline/export';
import { exportFetchedArticle, parsePage } from '../../utils/batch/article';
import { EpubDestination, ZipDestination } from '../../utils/batch/output';
import { newBatch } from '../../utils/batch/state';
import { bytesToBase64 } from '../../utils/deliver/encoding';
import type { FetchImages } from '../../utils/deliver/zip';
import { DEFAULT_SETTINGS } from '../../utils/settings/settings';

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

/**
 * `n` articles through the batch's own step (exportFetchedArticle) into the ZIP of notes or the
 * EPUB, every image answered with the same `imageKB` KB of PNG-signed bytes (no network); the
 * JS heap's peak (performance.memory, Chromium's precise memory info) sampled after each article.
 */
g.__bench_book_run = async (pages: { html: string; url: string }[], n: number, output: 'zip' | 'epub', imageKB: number) => {
  const heap = () => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0;
  const png = new Uint8Array(imageKB * 1024).map((_, i) => (i * 7919) & 255);
  png.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const data = bytesToBase64(png);
  const fetchImages: FetchImages = async (urls, onEach) => urls.forEach((_, index) => onEach({ index, ok: true, data, type: 'image/png' }));
  const dest = output === 'epub' ? new EpubDestination('bench', fetchImages) : new ZipDestination('bench');
  const state = newBatch('bench', Array.from({ length: n }, (_, i) => ({ url: pages[i % pages.length]!.url, title: `${i}`, date: '' })));
  (globalThis as unknown as { gc?: () => void }).gc?.();
  const start = heap();
  let peak = start;
  let images = 0;
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    const p = pages[i % pages.length]!;
    const out = await exportFetchedArticle(p.html, p.url, DEFAULT_SETTINGS, fetchImages, `assets/${i}`, output === 'epub');
    const item = state.items[i]!;
    if (out.ok) {
      await dest.addNote(`note-${i}`, out.markdown, out.files, out.chapter);
      Object.assign(item, { status: 'done', name: `note-${i}`, title: out.title });
      images += out.files.length;
    } else Object.assign(item, { status: 'failed', reason: out.reason });
    peak = Math.max(peak, heap());
  }
  await dest.finish('# bench\n', state);
  return { start, peak, ms: performance.now() - t0, bytes: dest.blob!.size, images };
};

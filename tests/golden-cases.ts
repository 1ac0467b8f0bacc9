import { JSDOM } from 'jsdom';
import { exportMarkdown, prepareExport, type ExportResult, type PreparedExport } from '../utils/pipeline/export';
import { handmadeHtml, pageHtml, pageUrl, PAGE_NAMES } from './fixtures';
import { DEFAULT_SETTINGS } from '../utils/settings/settings';

/** Every page the golden tests cover: corpus pages with an article, the seed, and hand-made pages. */
export const HANDMADE = ['code-snippet', 'formula', 'table', 'miniprogram', 'text-post-titled', 'text-post-untitled', 'wechat-2026'];
export const UNAVAILABLE = ['11', '12', '13', '14', '24'];
export const GOLDEN_PAGES = PAGE_NAMES.filter((n) => !UNAVAILABLE.some((u) => n.startsWith(`${u}-`)));

export function loadDocument(html: string, url: string): Document {
  return new JSDOM(html, { url }).window.document;
}

function fixtureDocument(name: string): { doc: Document; url: string } {
  const html = HANDMADE.includes(name) ? handmadeHtml(name) : pageHtml(name);
  const url = pageUrl(html, name);
  return { doc: loadDocument(html, url), url };
}

/** The export's clock in the goldens: `created` is the time of the export, which would change every
 *  run. Written in China time whatever the machine's zone (TZ is read when a date is formatted). */
export const GOLDEN_CLOCK = new Date('2026-07-01T09:30:00+08:00');
process.env.TZ = 'Asia/Shanghai';

/** Runs the real pipeline on a fixture, as the content script does on the page, at GOLDEN_CLOCK. */
export function exportFixture(name: string): ExportResult {
  const { doc, url } = fixtureDocument(name);
  return exportMarkdown(doc, url, DEFAULT_SETTINGS, null, GOLDEN_CLOCK);
}

/** The pipeline up to conversion: the extracted article, not yet converted. */
export function prepareFixture(name: string): PreparedExport {
  const { doc, url } = fixtureDocument(name);
  return prepareExport(doc, url);
}

/**
 * One fetched article through the same pipeline as a single export: read with DOMParser (its
 * inline scripts never run), promotion removed, the file-name template, images fetched for the ZIP.
 */
import { prepareExport } from '../markdown/note';
import { resolveImages, type FetchImages, type ImageFailure, type ImagesResult } from '../deliver/zip';
import type { Settings } from '../settings/settings';

export type ArticleOutcome =
  | { ok: true; fileName: string; title: string; published: string; markdown: string; files: ImagesResult['files']; images: { path: string; url: string }[]; failedImages: ImageFailure[] }
  | { ok: false; reason: string };

/** A parsed copy of the page that resolves relative and protocol-relative addresses against the page's own address. */
export function parsePage(html: string, url: string): Document {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const base = doc.createElement('base');
  base.href = url;
  doc.head.prepend(base);
  return doc;
}

export async function exportFetchedArticle(html: string, url: string, settings: Settings, fetchImages: FetchImages, assetDir: string): Promise<ArticleOutcome> {
  const prepared = prepareExport(parsePage(html, url), url, settings);
  if (!prepared.ok) return { ok: false, reason: prepared.message };
  const { article, fileName } = prepared;
  try {
    const r = await resolveImages(article, settings, 'zip', fetchImages, undefined, assetDir);
    const images = r.files.map((f) => ({ path: f.path, url: f.url }));
    return { ok: true, fileName, title: article.meta.title, published: article.meta.published, markdown: r.markdown, files: r.files, images, failedImages: r.failed };
  } catch (e) {
    return { ok: false, reason: `导出失败 / Export failed: ${(e as Error).message}` };
  }
}

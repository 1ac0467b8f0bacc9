/**
 * One fetched article through the same pipeline as a single export: read with DOMParser (its
 * inline scripts never run), promotion removed, the file-name template, images fetched for the ZIP.
 */
import { t } from '../ui/i18n';
import { draftFromArticle, prepareExport } from '../pipeline/export';
import { loadHighlights } from '../annotate/store';
import type { FetchImages, ImageFailure, ImagesResult } from '../deliver/zip';
import { fetchDraftImages, fillSlots } from '../deliver/destinations/slots';
import { imageExtension } from '../page/images';
import type { Settings } from '../settings/settings';
import { albumsInScripts, bizOf } from './album-info';
import { chapterOf } from '../deliver/epub-chapter';
import type { Chapter } from '../deliver/epub';

export type ArticleOutcome =
  | { ok: true; fileName: string; title: string; published: string; markdown: string; files: ImagesResult['files']; images: { path: string; url: string }[]; failedImages: ImageFailure[]; chapter?: Chapter }
  | { ok: false; reason: string };

// An inline script this long is one of WeChat's bundles, never where the server writes its variables
// (page/script-vars.ts reads small scripts first for the same reason). A 2025 page is 3 MB, 2.5 MB
// of it such bundles: parsing them is most of a batch's time per article.
const BUNDLE = 64 * 1024;
const OPEN_TAG = /<(script|style)\b/gi;
const CLOSE_TAG = { script: /<\/script\s*>/gi, style: /<\/style\s*>/gi };

/**
 * The page's HTML without what the export never reads: inline script bundles and style sheets.
 * The tokenizer ends a script or style at the first `</script` / `</style`, and so does this; one
 * never closed (or a tag never ended by `>`) runs to the end of the page, for the tokenizer as here,
 * so the rest is kept as it is. One pass: each search starts where the last one ended (a lazy
 * expression per tag re-read an unclosed script to the end for every `<script` in it).
 */
export function leanHtml(html: string): string {
  const out: string[] = [];
  let kept = 0;
  OPEN_TAG.lastIndex = 0;
  for (let m = OPEN_TAG.exec(html); m; m = OPEN_TAG.exec(html)) {
    const tagEnd = html.indexOf('>', OPEN_TAG.lastIndex);
    if (tagEnd < 0) break;
    const tag = m[1]!.toLowerCase() as keyof typeof CLOSE_TAG;
    const close = CLOSE_TAG[tag];
    close.lastIndex = tagEnd + 1;
    if (!close.exec(html)) break;
    if (tag === 'style' || close.lastIndex - m.index > BUNDLE) {
      out.push(html.slice(kept, m.index));
      kept = close.lastIndex;
    }
    OPEN_TAG.lastIndex = close.lastIndex;
  }
  out.push(html.slice(kept));
  return out.join('');
}

/** A parsed copy of the page that resolves relative and protocol-relative addresses against the page's own address. */
export function parsePage(html: string, url: string): Document {
  const doc = new DOMParser().parseFromString(leanHtml(html), 'text/html');
  const base = doc.createElement('base');
  base.href = url;
  doc.head.prepend(base);
  return doc;
}

/** `withChapter`: also the article as an e-book chapter, from the same extraction (before conversion uses it up). */
export async function exportFetchedArticle(html: string, url: string, settings: Settings, fetchImages: FetchImages, assetDir: string, withChapter = false): Promise<ArticleOutcome> {
  // The lean copy drops the data script (~100 KB) that names the album: it is read from the whole text.
  const album = () => albumsInScripts([html], bizOf(url))[0]?.title ?? '';
  const prepared = prepareExport(parsePage(html, url), url, settings, null, { album });
  if (!prepared.ok) return { ok: false, reason: prepared.message };
  const { article, fileName } = prepared;
  // The reader's highlights of this article, as on the page: the batch's copy carries them too.
  article.highlights = await loadHighlights(article.id);
  try {
    const chapter = withChapter ? chapterOf(article) : undefined;
    const draft = draftFromArticle(article, settings, fileName);
    const fetched = await fetchDraftImages(draft, { settings, fetchImages, progress: () => {} });
    const files = fetched.files.map((f) => ({ path: `${assetDir}/${String(f.index + 1).padStart(3, '0')}.${imageExtension(f.url, f.type)}`, bytes: f.bytes, url: f.url }));
    const paths = new Map(fetched.files.map((f, i) => [f.index, files[i]!.path]));
    const markdown = fillSlots(draft, (i) => paths.get(i) ?? null);
    const images = files.map((f) => ({ path: f.path, url: f.url }));
    return { ok: true, fileName, title: article.meta.title, published: article.meta.published, markdown, files, images, failedImages: fetched.failed, chapter };
  } catch (e) {
    return { ok: false, reason: `${t('errExport')}: ${(e as Error).message}` };
  }
}

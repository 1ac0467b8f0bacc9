import { extractArticle, type Article } from '../extract/article';
import { frontMatter } from './front-matter';
import { convertContent } from './convert';
import { escapeLabel } from './escape';
import { fileNameFromTemplate } from '../deliver/filename';
import { DEFAULT_SETTINGS, enabledFamilies, type Settings } from '../settings/settings';
import type { AccountMemory } from '../clean/memory';

export interface MarkdownExport {
  ok: true;
  markdown: string;
  /** Without extension. */
  fileName: string;
  article: Article;
}
export type ExportResult = MarkdownExport | { ok: false; message: string };

/** The smallest heading level in the content becomes ##: the title alone is #. An empty heading
 *  (editor debris) is written as nothing, so it does not count. */
function headingShift(root: Element): number {
  const levels = Array.from(root.querySelectorAll('h1, h2, h3, h4, h5, h6'))
    .filter((h) => h.textContent?.trim())
    .map((h) => Number(h.nodeName[1]));
  return levels.length ? 2 - Math.min(...levels) : 0;
}

/** Article → the note's text. `imageTarget` says where each image is written (remote, ZIP path, data URI). */
export function articleMarkdown(article: Article, settings: Settings, imageTarget: (remote: string) => string = (u) => u): string {
  const body = convertContent(article.root, { source: article.meta.source, headingShift: headingShift(article.root), imageTarget });
  // The title is page text like any other: one line, with Markdown and HTML characters escaped.
  const heading = article.meta.title.trim() ? `# ${escapeLabel(article.meta.title)}\n\n` : '';
  return `${frontMatter(article.meta, settings.frontMatterFields)}\n\n${heading}${body}\n`;
}

/** Messages that explain why there is no file, in the UI's language where we know it. */
export function unavailableMessage(wechatMessage: string): string {
  return `此页面没有可导出的文章 / This page has no article to export: ${wechatMessage || '—'}`;
}

export type PreparedExport = { ok: true; article: Article; fileName: string } | { ok: false; message: string };

const failure = (e: unknown) => ({ ok: false as const, message: `导出失败 / Export failed: ${(e as Error)?.message ?? String(e)}` });

/** Detect → extract, and the file name: everything before conversion. Never throws on bad pages.
 *  `memory` is the account's remembered promotion, which the page hides too. */
export function prepareExport(doc: Document, pageUrl: string, settings: Settings = DEFAULT_SETTINGS, memory: AccountMemory | null = null): PreparedExport {
  // A page can be anything (truncated, hostile, absurdly deep): every failure becomes a message.
  try {
    const extraction = extractArticle(doc, pageUrl, { families: enabledFamilies(settings), memory, learn: settings.learnPromotion });
    if (!extraction.ok) return { ok: false, message: unavailableMessage(extraction.message) };
    const { article } = extraction;
    return { ok: true, article, fileName: fileNameFromTemplate(settings.fileNameTemplate, article.meta) };
  } catch (e) {
    return failure(e);
  }
}

/** The whole pipeline on a page: detect → extract → convert, images left as remote links. */
export function exportMarkdown(doc: Document, pageUrl: string, settings: Settings = DEFAULT_SETTINGS, memory: AccountMemory | null = null): ExportResult {
  const prepared = prepareExport(doc, pageUrl, settings, memory);
  if (!prepared.ok) return prepared;
  try {
    return { ...prepared, markdown: articleMarkdown(prepared.article, settings) };
  } catch (e) {
    return failure(e);
  }
}

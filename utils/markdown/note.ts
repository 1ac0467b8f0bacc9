import { extractArticle, type Article } from '../extract/article';
import { compileNoteTemplates, noteFolder, noteFrontMatter, noteHeading, noteName, usesVariable, type TemplateField } from './templates/note-templates';
import { albumsOfPage } from '../batch/album-info';
import { templateContext } from './templates/variables';
import { convertContent } from './convert';
import { DEFAULT_SETTINGS, enabledFamilies, type Settings } from '../settings/settings';
import type { AccountMemory } from '../clean/memory';
import { t } from '../ui/i18n';
import type { Highlight } from '../annotate/store';
import { highlightsSection, joinAdjacentMarks, markHighlights } from '../annotate/markdown';
import { propertyValues, withValues, type PropertyValue } from './templates/properties';
import { IDENTITY_PROPERTY } from '../page/identity';

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

/** What the popup's preview changed for this one export: the note's name and folder (already checked,
 *  see deliver/overrides.ts) and property values taken as text. Absent: as the templates say. */
export interface NoteOverrides {
  name?: string;
  folder?: string;
  properties?: Record<string, string>;
}

/** The note, and the parts the preview shows: its text below the front matter (the heading line, the
 *  body, the highlights) and its properties. */
export interface NoteParts {
  text: string;
  /** The properties as the front matter has them (the identity line aside), for the preview. */
  properties: PropertyValue[];
  /** The title the note ends up with: the article's, or the one edited for this export. */
  title: string;
  /** The whole note: front matter, a blank line, the text. */
  markdown: string;
}

/** Article → the note's parts. `imageTarget` says where each image is written (remote, ZIP path, data URI). */
export function noteParts(article: Article, settings: Settings, imageTarget: (remote: string) => string = (u) => u, now: Date = new Date(), edits: NoteOverrides = {}): NoteParts {
  // The reader's highlights are marked in the private copy, never on the page.
  const all = article.highlights ?? [];
  const placed = all.length ? markHighlights(article.root, all) : [];
  // Those not found in the content are still listed, after the others: never dropped.
  const marked = [...placed, ...all.filter((h) => !placed.includes(h))];
  const highlightMarkup = settings.highlightMarkup;
  const converted = convertContent(article.root, { source: article.meta.source, headingShift: headingShift(article.root), imageTarget, highlightMarkup });
  const body = marked.length ? `${joinAdjacentMarks(converted, highlightMarkup)}\n\n${highlightsSection(marked)}` : converted;
  const compiled = compileNoteTemplates(settings);
  const templates = edits.properties ? { ...compiled, properties: withValues(compiled.properties, edits.properties) } : compiled;
  const ctx = templateContext(article.meta, now, marked);
  // An edited title is the note's title everywhere: its heading follows the property (a cleared one
  // leaves the property out and the heading as it was).
  const edited = templates.properties.some((p) => p.name === 'title') ? edits.properties?.title?.trim() : undefined;
  const title = edited || article.meta.title;
  // The first line is the heading template's ("# {{title}}" unless the reader changed or cleared it).
  const heading = noteHeading(templates, { ...ctx, title });
  const frontMatter = noteFrontMatter(templates, ctx, article.id);
  const text = `${heading ? `${heading}\n\n` : ''}${body}\n`;
  const properties = propertyValues(templates.properties.filter((p) => p.name !== IDENTITY_PROPERTY), ctx);
  return { text, properties, title, markdown: `${frontMatter}\n\n${text}` };
}

/** Article → the note's text. */
export function articleMarkdown(article: Article, settings: Settings, imageTarget?: (remote: string) => string, now?: Date, edits?: NoteOverrides): string {
  return noteParts(article, settings, imageTarget, now, edits).markdown;
}

/** Messages that explain why there is no file, in the UI's language where we know it. */
export function unavailableMessage(wechatMessage: string): string {
  return `${t('noArticle')}: ${wechatMessage || '—'}`;
}

export interface Prepared {
  ok: true;
  article: Article;
  /** From the note-name template, safe, without extension. */
  fileName: string;
  /** From the folder template: '' or 'a/b', each folder's name safe. */
  folder: string;
  /** Said with the export's result when a stored template was broken and its default was used; else ''. */
  templateNotice: string;
}
export type PreparedExport = Prepared | { ok: false; message: string };

const FIELD_KEYS = { name: 'tplFieldName', folder: 'tplFieldFolder', heading: 'tplFieldHeading', properties: 'tplFieldProperties' } as const;

/** "A saved template was broken; the default was used for: note name", or '' when none was. */
export const fellBackNotice = (fields: readonly TemplateField[]): string => (fields.length ? t('tplFellBack', fields.map((f) => t(FIELD_KEYS[f])).join(', ')) : '');

const failure = (e: unknown) => ({ ok: false as const, message: `${t('errExport')}: ${(e as Error)?.message ?? String(e)}` });

/** Detect → extract, and the file name: everything before conversion. Never throws on bad pages.
 *  `memory` is the account's remembered promotion, which the page hides too. `known` fills
 *  metadata the caller read elsewhere (the batch's lean copy of a page lacks the album's script). */
export function prepareExport(doc: Document, pageUrl: string, settings: Settings = DEFAULT_SETTINGS, memory: AccountMemory | null = null, known: { album?: () => string; highlights?: readonly Highlight[] } = {}): PreparedExport {
  // A page can be anything (truncated, hostile, absurdly deep): every failure becomes a message.
  try {
    const extraction = extractArticle(doc, pageUrl, { families: enabledFamilies(settings), memory, learn: settings.learnPromotion });
    if (!extraction.ok) return { ok: false, message: unavailableMessage(extraction.message) };
    const { article } = extraction;
    if (known.highlights?.length) article.highlights = [...known.highlights];
    const templates = compileNoteTemplates(settings);
    // The album is found by a search of the page's scripts (megabytes on a 2025 page): only when asked for.
    if (usesVariable(templates, 'album')) article.meta.album = known.album ? known.album() : (albumsOfPage(doc, pageUrl)[0]?.title ?? '');
    const ctx = templateContext(article.meta);
    const templateNotice = fellBackNotice(templates.fellBack);
    return { ok: true, article, fileName: noteName(templates, ctx), folder: noteFolder(templates, ctx), templateNotice };
  } catch (e) {
    return failure(e);
  }
}

/** The whole pipeline on a page: detect → extract → convert, images left as remote links. */
export function exportMarkdown(doc: Document, pageUrl: string, settings: Settings = DEFAULT_SETTINGS, memory: AccountMemory | null = null, now: Date = new Date(), edits: NoteOverrides = {}): ExportResult {
  const prepared = prepareExport(doc, pageUrl, settings, memory);
  if (!prepared.ok) return prepared;
  try {
    return { ...prepared, markdown: articleMarkdown(prepared.article, settings, undefined, now, edits) };
  } catch (e) {
    return failure(e);
  }
}

/** What the popup shows before a save: the note's name, folder, properties and its first lines. */
export interface NotePreview {
  ok: true;
  name: string;
  folder: string;
  properties: PropertyValue[];
  /** The first non-empty lines of the note below its front matter. */
  lines: string[];
  /** As an export's: a broken stored template was replaced by its default; else ''. */
  notice: string;
}

const PREVIEW_LINES = 6;
const PREVIEW_LINE_CHARS = 300;

export function previewNote(doc: Document, pageUrl: string, settings: Settings, memory: AccountMemory | null = null, highlights: readonly Highlight[] = []): NotePreview | { ok: false; message: string } {
  const prepared = prepareExport(doc, pageUrl, settings, memory, { highlights });
  if (!prepared.ok) return prepared;
  try {
    const { text, properties } = noteParts(prepared.article, settings);
    const lines = text
      .split('\n')
      .filter((l) => l.trim())
      .slice(0, PREVIEW_LINES)
      .map((l) => (l.length > PREVIEW_LINE_CHARS ? `${l.slice(0, PREVIEW_LINE_CHARS)}…` : l));
    return { ok: true, name: prepared.fileName, folder: prepared.folder, properties, lines, notice: prepared.templateNotice };
  } catch (e) {
    return failure(e);
  }
}

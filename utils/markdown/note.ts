import type { Article } from '../extract/article';
import { compileNoteTemplates, noteFrontMatter, noteHeading, type NoteTemplates, type TemplateField } from './templates/note-templates';
import { templateContext } from './templates/variables';
import { convertContent } from './convert';
import { t } from '../ui/i18n';
import { highlightsSection, joinAdjacentMarks, markHighlights, type HighlightMarkup } from '../annotate/markdown';
import { propertyValues, withValues, type PropertyValue } from './templates/properties';
import { IDENTITY_PROPERTY } from '../page/identity';

/** The smallest heading level in the content becomes ##: the title alone is #. An empty heading
 *  (editor debris) is written as nothing, so it does not count. */
function headingShift(root: Element): number {
  const levels = Array.from(root.querySelectorAll('h1, h2, h3, h4, h5, h6'))
    .filter((h) => h.textContent?.trim())
    .map((h) => Number(h.nodeName[1]));
  return levels.length ? 2 - Math.min(...levels) : 0;
}

/** The reader's options the note reads: its templates and how highlights are written (settings/settings.ts holds them all). */
export interface NoteSettings extends NoteTemplates {
  highlightMarkup: HighlightMarkup;
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
export function noteParts(article: Article, settings: NoteSettings, imageTarget: (remote: string) => string = (u) => u, now: Date = new Date(), edits: NoteOverrides = {}): NoteParts {
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
export function articleMarkdown(article: Article, settings: NoteSettings, imageTarget?: (remote: string) => string, now?: Date, edits?: NoteOverrides): string {
  return noteParts(article, settings, imageTarget, now, edits).markdown;
}

/** Messages that explain why there is no file, in the UI's language where we know it. */
export function unavailableMessage(wechatMessage: string): string {
  return `${t('noArticle')}: ${wechatMessage || '—'}`;
}

const FIELD_KEYS = { name: 'tplFieldName', folder: 'tplFieldFolder', heading: 'tplFieldHeading', properties: 'tplFieldProperties' } as const;

/** "A saved template was broken; the default was used for: note name", or '' when none was. */
export const fellBackNotice = (fields: readonly TemplateField[]): string => (fields.length ? t('tplFellBack', fields.map((f) => t(FIELD_KEYS[f])).join(', ')) : '');

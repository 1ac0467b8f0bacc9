import { DEFAULT_NOTE_TEMPLATES, migrateFileNameTemplate, migrateFrontMatterFields } from '../markdown/templates/note-templates';
import type { NoteSettings } from '../markdown/note';
import { PROPERTY_TYPES, type PropertyTemplate } from '../markdown/templates/properties';
import { PROMO_FAMILIES, type PromoFamily } from '../clean/promotion';
import { DESTINATION_IDS, type DeliverSettings, type DestinationId } from '../deliver/destinations/types';
import { READING_OFF, validReading, type ReadingStyle } from './reading';
import { HIGHLIGHT_MARKUPS, type HighlightMarkup } from '../annotate/markdown';

export type { ImageMode } from '../deliver/destinations/types';
export { HIGHLIGHT_MARKUPS, type HighlightMarkup } from '../annotate/markdown';

/** Each step's own options (the templates', the destinations'), and the rest. */
export interface Settings extends NoteSettings, DeliverSettings {
  cleanByDefault: boolean;
  /** Promotion families to hide on the page and leave out of the export. */
  hidePromotion: Record<PromoFamily, boolean>;
  /** Learn each account's boilerplate (blocks repeated at the head or tail of its articles). */
  learnPromotion: boolean;
  /** A batch waits between articles, a random time in this range (ms): WeChat stops clients that hurry. */
  batchPauseMinMs: number;
  batchPauseMaxMs: number;
  /** A batch gives up on a request after this long, and waits this long before its first retry (doubled each time). */
  batchTimeoutMs: number;
  batchBackoffMs: number;
  /** Where the main export (toolbar button, shortcut, context menu) sends the note. */
  destination: DestinationId;
  /** Highlighted passages in the note's body: `==…==` (Obsidian, Typora) or `<mark>…</mark>` (HTML). */
  highlightMarkup: HighlightMarkup;
  /** Reading comfort on the article page (settings/reading.ts); all "as the page" by default. */
  reading: ReadingStyle;
}

export const DEFAULT_SETTINGS: Settings = {
  imageMode: 'remote',
  ...DEFAULT_NOTE_TEMPLATES,
  properties: DEFAULT_NOTE_TEMPLATES.properties.map((p) => ({ ...p })),
  cleanByDefault: true,
  hidePromotion: Object.fromEntries(PROMO_FAMILIES.map((f) => [f, true])) as Record<PromoFamily, boolean>,
  learnPromotion: true,
  batchPauseMinMs: 1000,
  batchPauseMaxMs: 3000,
  batchTimeoutMs: 30_000,
  batchBackoffMs: 2000,
  destination: 'download',
  attachments: { location: 'beside', folder: 'assets', embeds: false },
  onExisting: 'rename',
  obsidianVault: '',
  joplinNotebook: '',
  highlightMarkup: 'equals',
  reading: READING_OFF,
};

/** Settings stored before templates: a single-brace file name and switches per front-matter field. */
interface LegacySettings {
  fileNameTemplate?: unknown;
  frontMatterFields?: unknown;
}

const isProperty = (p: unknown): p is PropertyTemplate => {
  const o = p as PropertyTemplate | null;
  return typeof o?.name === 'string' && typeof o.value === 'string' && PROPERTY_TYPES.includes(o.type);
};

/** Settings read from storage may be old or partial: fill what is missing from the defaults, and
 *  turn the old file-name template and front-matter switches into their templates. */
export function withDefaults(stored: (Partial<Settings> & LegacySettings) | null | undefined): Settings {
  const { fileNameTemplate, frontMatterFields, ...s } = stored ?? {};
  const noteNameTemplate =
    typeof s.noteNameTemplate === 'string' ? s.noteNameTemplate : typeof fileNameTemplate === 'string' ? migrateFileNameTemplate(fileNameTemplate) : DEFAULT_SETTINGS.noteNameTemplate;
  const properties = Array.isArray(s.properties)
    ? s.properties.filter(isProperty).map((p) => ({ ...p }))
    : Array.isArray(frontMatterFields)
      ? migrateFrontMatterFields(frontMatterFields.filter((f): f is string => typeof f === 'string'))
      : DEFAULT_SETTINGS.properties.map((p) => ({ ...p }));
  return {
    ...DEFAULT_SETTINGS,
    ...s,
    noteNameTemplate,
    folderTemplate: typeof s.folderTemplate === 'string' ? s.folderTemplate : DEFAULT_SETTINGS.folderTemplate,
    headingTemplate: typeof s.headingTemplate === 'string' ? s.headingTemplate : DEFAULT_SETTINGS.headingTemplate,
    properties,
    hidePromotion: { ...DEFAULT_SETTINGS.hidePromotion, ...(s.hidePromotion ?? {}) },
    attachments: { ...DEFAULT_SETTINGS.attachments, ...(s.attachments ?? {}) },
    // A destination this version does not know (stored by a newer one) falls back to the download.
    destination: DESTINATION_IDS.includes(s.destination as DestinationId) ? (s.destination as DestinationId) : DEFAULT_SETTINGS.destination,
    reading: validReading(s.reading),
    highlightMarkup: HIGHLIGHT_MARKUPS.includes(s.highlightMarkup as HighlightMarkup) ? (s.highlightMarkup as HighlightMarkup) : DEFAULT_SETTINGS.highlightMarkup,
  };
}

export function enabledFamilies(settings: Settings): Set<PromoFamily> {
  return new Set(PROMO_FAMILIES.filter((f) => settings.hidePromotion[f]));
}

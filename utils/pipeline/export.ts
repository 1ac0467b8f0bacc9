/**
 * The export, composed in one place. Its steps, each called once, in this order, and from here only:
 * detect (page/kind: what the page is) → clean and extract (extract/article: the article as a detached
 * copy, cleaned by clean/'s promotion detector with the account's memory) → convert (markdown/note: the
 * note's text, its name from the templates) → deliver (deliver/: the destination, in the page or the
 * background). No step calls the next (tests/unit/layers.test.ts). The single export (runAction), a page's
 * Markdown (exportMarkdown) and a batch's articles (prepareExport, draftFromArticle) all start here.
 */
import { detectPage } from '../page/kind';
import { extractArticle, type Article } from '../extract/article';
import { compileNoteTemplates, noteFolder, noteName, usesVariable } from '../markdown/templates/note-templates';
import { templateContext } from '../markdown/templates/variables';
import { articleMarkdown, fellBackNotice, noteParts, unavailableMessage, type NoteOverrides, type NoteSettings } from '../markdown/note';
import type { PropertyValue } from '../markdown/templates/properties';
import { IMAGE_SLOT_PREFIX } from '../markdown/tables';
import { fallBack, fetchImagesViaBackground } from '../deliver/actions';
import { PAGE_DESTINATIONS } from '../deliver/destinations/page';
import { deliverInBackground } from '../deliver/destinations/in-background';
import type { DeliverContext, DeliveryResult, DestinationId, NoteDraft } from '../deliver/destinations/types';
import type { FetchImages } from '../deliver/zip';
import { albumsOfPage } from '../batch/album-info';
import { DEFAULT_SETTINGS, enabledFamilies, type Settings } from '../settings/settings';
import type { AccountMemory } from '../clean/memory';
import { loadHighlights, type Highlight } from '../annotate/store';
import { articleIdentity } from '../page/identity';
import { scriptVars } from '../page/script-vars';
import { recordExported } from '../follow/record';
import { t } from '../ui/i18n';

export type ExportAction = 'download-md' | 'copy-md' | 'download-zip';

export interface ActionResult {
  ok: boolean;
  message: string;
  markdown?: string;
  /** One follow-up click the popup offers too (see DeliveryResult). */
  followUp?: { label: string; request: unknown };
}

export interface MarkdownExport {
  ok: true;
  markdown: string;
  /** Without extension. */
  fileName: string;
  article: Article;
}
export type ExportResult = MarkdownExport | { ok: false; message: string };

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

const failure = (e: unknown) => ({ ok: false as const, message: `${t('errExport')}: ${(e as Error)?.message ?? String(e)}` });

/** Detect → extract, and the file name: everything before conversion. Never throws on bad pages.
 *  `memory` is the account's remembered promotion, which the page hides too. `known` fills
 *  metadata the caller read elsewhere (the batch's lean copy of a page lacks the album's script). */
export function prepareExport(doc: Document, pageUrl: string, settings: Settings = DEFAULT_SETTINGS, memory: AccountMemory | null = null, known: { album?: () => string; highlights?: readonly Highlight[] } = {}): PreparedExport {
  // A page can be anything (truncated, hostile, absurdly deep): every failure becomes a message.
  try {
    const vars = scriptVars(doc);
    const page = detectPage(doc, vars);
    if (page.kind === 'unavailable') return { ok: false, message: unavailableMessage(page.message ?? '') };
    // The extraction cleans its detached copy with the promotion detector (clean/), the account's memory and the reader's families.
    const extraction = extractArticle(doc, pageUrl, { families: enabledFamilies(settings), memory, learn: settings.learnPromotion }, { page, vars });
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

const nonce = () => Math.random().toString(36).slice(2, 10);

/**
 * The note as a draft: converted once, its images written as slots, named by the templates. Every
 * destination starts from it, in the page or in the background.
 */
/** `edits`: the popup's for this one export (checked already); the name and folder given here are the templates'. */
export function draftFromArticle(article: Article, settings: NoteSettings, name: string, folder = '', edits: NoteOverrides = {}): NoteDraft {
  const slot = `${IMAGE_SLOT_PREFIX}${nonce()}-`;
  const index = new Map(article.images.map((u, i) => [u, i]));
  const parts = noteParts(article, settings, (u) => (index.has(u) ? `${slot}${index.get(u)}` : u), undefined, edits);
  const { source, account, published } = article.meta;
  return {
    name: edits.name ?? name,
    folder: edits.folder ?? folder,
    markdown: parts.markdown,
    slot,
    images: [...article.images],
    title: parts.title,
    source,
    account,
    published,
    id: article.id,
  };
}

/** `notice`: said with the result when a broken stored template was replaced by its default; else ''. */
export type DraftResult = { ok: true; draft: NoteDraft; notice: string } | { ok: false; message: string };

/** The live (or fetched) page → its draft. Never throws: a page that is no article says so. */
export function makeDraft(doc: Document, pageUrl: string, settings: Settings, memory: AccountMemory | null = null, highlights: readonly Highlight[] = [], edits: NoteOverrides = {}): DraftResult {
  const prepared = prepareExport(doc, pageUrl, settings, memory, { highlights });
  if (!prepared.ok) return prepared;
  try {
    return { ok: true, draft: draftFromArticle(prepared.article, settings, prepared.fileName, prepared.folder, edits), notice: prepared.templateNotice };
  } catch (e) {
    return { ok: false, message: `${(e as Error).message}` };
  }
}

export interface ActionHooks {
  progress(text: string): void;
  /** The account's remembered promotion, left out of the note as it is hidden on the page. */
  memory?: AccountMemory | null;
  /** A destination for this one export (the popup's choice), instead of the reader's default. */
  destination?: DestinationId;
  /** The popup's edits for this one export (name, folder, properties), checked already. */
  edits?: NoteOverrides;
}

/** The toolbar's three actions: the main one goes where the reader chose; copy and ZIP are their own. */
export function destinationFor(action: ExportAction, settings: Settings, chosen?: DestinationId): DestinationId {
  if (action === 'copy-md') return 'clipboard';
  if (action === 'download-zip') return 'zip';
  return chosen ?? settings.destination;
}

/** The reader's highlights of this page, marked in the note (none: nothing changes). */
const pageHighlights = () => loadHighlights(articleIdentity(location.href, scriptVars(document)));

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

/** The preview of the note the next export of `doc` writes: detect → extract → convert, nothing delivered. */
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

/** The popup's preview of the note the next export writes, from the live page. */
export async function previewPage(settings: Settings, memory: AccountMemory | null): Promise<NotePreview | { ok: false; message: string }> {
  return previewNote(document, location.href, settings, memory, await pageHighlights());
}

/** Runs one export on the live page. Every outcome is a message; nothing throws. */
export async function runAction(
  action: ExportAction,
  settings: Settings,
  hooks: ActionHooks,
  fetchImages: FetchImages = fetchImagesViaBackground,
  toBackground: typeof deliverInBackground = deliverInBackground,
): Promise<ActionResult & { followUp?: DeliveryResult['followUp'] }> {
  const made = makeDraft(document, location.href, settings, hooks.memory ?? null, await pageHighlights(), hooks.edits);
  if (!made.ok) return { ok: false, message: made.message };
  const { draft } = made;
  const id = destinationFor(action, settings, hooks.destination);
  const ctx: DeliverContext = { settings, fetchImages, progress: hooks.progress };
  let result: DeliveryResult;
  let threw = false;
  try {
    const here = PAGE_DESTINATIONS[id];
    result = here ? await here.deliver(draft, ctx) : await toBackground(id, draft);
  } catch (e) {
    threw = true;
    result = { ok: false, message: `${t('errExport')}: ${(e as Error).message}`, fallback: id !== 'download' && id !== 'clipboard' };
  }
  if (result.fallback) result = fallBack(draft, result);
  // Saved where the reader wanted it (a copy is not a save): the article is no longer new in its album.
  else if (id !== 'clipboard' && !threw) await recordExported(draft.id);
  // A broken stored template was replaced by its default: the reader learns it with the result.
  const message = made.notice ? `${result.message}\n${made.notice}` : result.message;
  return { ok: result.ok, message, markdown: result.markdown, followUp: result.followUp };
}

/**
 * The note as a draft: converted once, its images written as slots, named by the templates. Every
 * destination starts from it, in the page or in the background.
 */
import { noteParts, prepareExport, type NoteOverrides } from '../markdown/note';
import type { Article } from '../extract/article';
import type { Settings } from '../settings/settings';
import type { AccountMemory } from '../clean/memory';
import type { NoteDraft } from './destinations/types';
import type { Highlight } from '../annotate/store';
import { IMAGE_SLOT_PREFIX } from '../markdown/tables';

const nonce = () => Math.random().toString(36).slice(2, 10);

/** `edits`: the popup's for this one export (checked already); the name and folder given here are the templates'. */
export function draftFromArticle(article: Article, settings: Settings, name: string, folder = '', edits: NoteOverrides = {}): NoteDraft {
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

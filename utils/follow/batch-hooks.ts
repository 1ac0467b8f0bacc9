/**
 * What the batch page does differently for "only what is new" and for the folder destination: the
 * listing narrowed to the new articles, the notes written into the reader's folder, the index kept
 * whole, and the record of exported articles updated once notes are really saved.
 */
import { downloadBlob } from '../deliver/download';
import { loadFolder } from '../deliver/folder/handle-store';
import { articleIdentity } from '../page/identity';
import type { Settings } from '../settings/settings';
import type { AlbumItem } from '../batch/listing';
import { EpubDestination, indexMarkdown, ZipDestination } from '../batch/output';
import type { FetchImages } from '../deliver/zip';
import type { BatchState } from '../batch/state';
import { FolderBatchDestination } from './folder-output';
import { indexWithEarlier, type EarlierItem } from './index-merge';
import { knownIdentities } from './known';
import { newItems } from './newness';
import { exportedRecord, goneRecord } from './record';
import { unavailableMessage } from '../markdown/note';

export type BatchOut = ZipDestination | EpubDestination | FolderBatchDestination;

/** The listing split into what is new (to export) and what was exported before (for the index). */
export async function splitNew(items: AlbumItem[], settings: Settings): Promise<{ fresh: AlbumItem[]; earlier: EarlierItem[] }> {
  const known = await knownIdentities(settings);
  const fresh = newItems(items, known);
  const isFresh = new Set(fresh);
  const earlier = items.filter((i) => !isFresh.has(i)).map((i) => ({ url: i.url, title: i.title, date: i.createTime }));
  return { fresh, earlier };
}

/**
 * The reader's folder when that is their destination and it may be written (asked again here: this
 * runs inside the Start or Resume click); else the ZIP. `folderDenied` says why the folder was not used.
 */
export async function batchDestination(settings: Settings, state: () => BatchState, fetchImages: FetchImages): Promise<{ out: BatchOut; folderDenied?: string }> {
  // An e-book is one file, whatever the destination of notes.
  if (state().output === 'epub') return { out: new EpubDestination(state().title, fetchImages) };
  const zip = () => new ZipDestination(state().title);
  if (settings.destination !== 'folder') return { out: zip() };
  const root = await loadFolder().catch(() => undefined);
  if (!root) return { out: zip() };
  const ok = (await root.queryPermission({ mode: 'readwrite' }).catch(() => 'denied')) === 'granted' || (await root.requestPermission({ mode: 'readwrite' }).catch(() => 'denied')) === 'granted';
  if (!ok) return { out: zip(), folderDenied: root.name };
  return {
    out: new FolderBatchDestination(root, state().title, exportedRecord, () => state().items.map((i) => i.url), () => state().earlier ?? []),
  };
}

/** Writes the index (and downloads the ZIP); the ZIP's articles are recorded once its download is started. */
/** WeChat's "no article here" (deleted, removed, empty): failing again would fail the same. */
const NO_ARTICLE = unavailableMessage('').split(':')[0]!;
export const isGone = (reason: string | undefined) => !!reason?.startsWith(NO_ARTICLE);

export async function finishBatch(out: BatchOut, state: BatchState, doc: Document): Promise<void> {
  const gone = state.items.filter((i) => i.status === 'failed' && isGone(i.reason)).map((i) => articleIdentity(i.url) ?? '');
  await goneRecord.add(gone).catch(() => undefined);
  if (out instanceof FolderBatchDestination) return out.finish(indexMarkdown(state));
  await out.finish(indexWithEarlier(indexMarkdown(state), state.earlier ?? []), state);
  downloadBlob(doc, out.fileName, out.blob!);
  const ids = state.items.filter((i) => i.status === 'done').map((i) => articleIdentity(i.url) ?? '');
  await exportedRecord.add(ids).catch(() => undefined);
}

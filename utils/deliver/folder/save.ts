/**
 * One note into a folder the reader gave us (or any directory handle): the note at
 * `<folder template>/<name>.md`, its images where the attachment setting says, links relative.
 * Nothing of the reader's is ever overwritten or removed: 'rename' finds a free name; 'update'
 * replaces `<name>.md` only when it is the same article (its front matter's wechat_id is ours),
 * else the new note gets a free name too. An image path that holds another file is passed by (the
 * image gets the next free name), unless that file holds the very same bytes. An update removes
 * only the images the previous save recorded as written (written.ts) and that still hold those
 * bytes, one file at a time, after the new note is in place. Whatever fails is said; a note that
 * cannot be written is handed back for a download (fallback).
 */
import { attachmentPlan, imageDirOf, imagesFolderProblem, notePath, plannedAt } from '../destinations/attachments';
import { fetchDraftImages, fillSlots, imageSummary } from '../destinations/slots';
import type { DeliverContext, DeliveryResult, NoteDraft } from '../destinations/types';
import type { ImageFailure } from '../zip';
import { t } from '../../ui/i18n';
import { identityFromNote } from '../../page/identity';
import { obsidianOpenUrl } from '../obsidian/uri';
import { folderError } from './errors';
import { entryAt, isVault, removeFile, uniqueName, writeFile } from './writer';
import { idbWrittenStore, sha256, type WrittenFile, type WrittenStore } from './written';
import { findNoteById } from '../../annotate/find-note';
import { mergeNote, updateSummary, withFingerprint } from '../../annotate/merge';
import { SECTION_HEADING } from '../../annotate/markdown';

/** A follow-up the toolbar and the popup carry out: open this address (an obsidian:// one). */
export interface OpenUrlRequest {
  type: 'open-url';
  url: string;
}

/** Throws (NotFoundError) when the folder itself is gone: moved, renamed or deleted. */
async function reachable(root: FileSystemDirectoryHandle): Promise<void> {
  await root.keys().next();
}

const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);

/** `001.jpg` → `001-2.jpg`: the k-th name for an image whose own path holds another file. */
const variant = (path: string, k: number) => (k === 1 ? path : path.replace(/(\.[^./]*)?$/, (ext) => `-${k}${ext}`));

/**
 * The first of `path`, `path-2` … that is free, that holds these very bytes, or that holds a file
 * this note's previous save wrote (`ours`: path → its SHA-256) unchanged since.
 */
async function writablePath(root: FileSystemDirectoryHandle, path: string, bytes: Uint8Array, ours: ReadonlyMap<string, string>): Promise<string> {
  for (let k = 1; k < 1000; k++) {
    const candidate = variant(path, k);
    const there = await entryAt(root, candidate);
    if (there === null) return candidate;
    if (there === 'directory') continue;
    if (sameBytes(there, bytes)) return candidate;
    const hash = ours.get(candidate);
    if (hash !== undefined && (await sha256(there)) === hash) return candidate;
  }
  throw new DOMException(`999 files named like "${path}" already`, 'InvalidModificationError');
}

/** Removes what the previous save wrote and this one did not, where it still holds what was written; what stays is returned. */
async function removeOld(root: FileSystemDirectoryHandle, old: readonly WrittenFile[], kept: ReadonlySet<string>): Promise<WrittenFile[]> {
  const left: WrittenFile[] = [];
  for (const f of old) {
    if (kept.has(f.path)) continue;
    try {
      const there = await entryAt(root, f.path);
      // Changed or replaced by the reader: theirs now, and no longer ours to track.
      if (there === null || there === 'directory' || (await sha256(there)) !== f.sha256) continue;
      await removeFile(root, f.path);
    } catch {
      left.push(f);
    }
  }
  return left;
}

export async function saveIntoFolder(root: FileSystemDirectoryHandle, draft: NoteDraft, ctx: DeliverContext, records: WrittenStore = idbWrittenStore): Promise<DeliveryResult> {
  const folder = root.name;
  const { settings } = ctx;
  const bad = imagesFolderProblem(settings);
  if (bad) return { ok: false, message: t(bad), fallback: true };
  const id = draft.id ?? null;
  const pathsFor = (name: string) => [notePath({ ...draft, name }), imageDirOf({ ...draft, name }, settings)];
  let name = draft.name;
  let replacing = false;
  let notSame = false;
  // The note being replaced (its text), and where it is when the reader moved or renamed it (annotate/find-note.ts).
  let oldText = '';
  let at: { name: string; folder: string } | null = null;
  try {
    await reachable(root);
    const existing = await entryAt(root, notePath(draft));
    if (settings.onExisting === 'update' && existing !== null) {
      oldText = existing === 'directory' ? '' : new TextDecoder().decode(existing);
      replacing = existing !== 'directory' && id !== null && identityFromNote(oldText) === id;
      notSame = !replacing;
    }
    if (settings.onExisting === 'update' && !replacing && id !== null) {
      const found = await findNoteById(root, id, notePath(draft));
      const there = found ? await entryAt(root, found) : null;
      if (found && there instanceof Uint8Array) {
        const slash = found.lastIndexOf('/');
        at = { folder: slash < 0 ? '' : found.slice(0, slash), name: found.slice(slash + 1).replace(/\.md$/, '') };
        [replacing, notSame, oldText, name] = [true, false, new TextDecoder().decode(there), at.name];
      }
    }
    if (settings.onExisting !== 'update' || notSame) name = await uniqueName(root, draft.name, pathsFor);
  } catch (e) {
    return { ok: false, message: folderError(e, folder), fallback: true };
  }
  const note = { ...draft, name, folder: at ? at.folder : draft.folder };
  const path = notePath(note);
  // The record of the note being replaced: trusted only for the same article.
  const previous = replacing ? await records.get(folder, path).catch(() => undefined) : undefined;
  const old = previous && previous.id === id ? previous.files : [];
  const ours = new Map(old.map((f) => [f.path, f.sha256]));

  const { files, failed } = await fetchDraftImages(note, ctx);
  // A note the reader renamed or moved keeps using the images where its first save put them (by the template's name).
  const plan = attachmentPlan(at ? draft : note, settings, files);
  const target = new Map<number, string>();
  const unwritten: ImageFailure[] = [];
  const written: WrittenFile[] = [];
  ctx.progress(t('folderWriting', folder));
  for (const [i, f] of files.entries()) {
    try {
      const p = plannedAt(note, f.index, await writablePath(root, plan[i]!.path, f.bytes, ours));
      await writeFile(root, p.path, f.bytes);
      written.push({ path: p.path, sha256: await sha256(f.bytes) });
      target.set(f.index, settings.attachments.embeds ? p.relative : p.link);
    } catch (e) {
      unwritten.push({ url: f.url, error: folderError(e, folder) });
    }
  }
  const allFailed = [...failed, ...unwritten];
  const filled = fillSlots(note, (i) => target.get(i) ?? null, settings.attachments.embeds);
  // Saved again in place: the reader's part kept byte for byte; the old note kept beside when the reader changed the article's part.
  const merged = replacing ? mergeNote(oldText, filled, SECTION_HEADING) : null;
  const markdown = merged ? merged.markdown : settings.onExisting === 'update' ? withFingerprint(filled) : filled;
  const record = (files: WrittenFile[]) => records.set(folder, path, { id, files }).catch(() => {});
  let previousPath = '';
  try {
    if (merged?.keepPrevious) {
      const base = `${note.name}.previous-${new Date().toISOString().slice(0, 10)}`;
      const free = await uniqueName(root, base, (n) => [notePath({ ...note, name: n })]);
      previousPath = notePath({ ...note, name: free });
      await writeFile(root, previousPath, oldText);
    }
    await writeFile(root, path, markdown);
  } catch (e) {
    // The previous note stays, and with it what it wrote; what this save wrote is recorded too.
    if (written.length) await record([...old.filter((f) => !written.some((w) => w.path === f.path)), ...written]);
    return { ok: false, message: folderError(e, folder), fallback: true };
  }
  const left = await removeOld(root, old, new Set(written.map((w) => w.path)));
  await record([...written, ...left]);

  const lines = [t(replacing ? 'folderUpdated' : 'folderSaved', folder, path)];
  if (notSame) lines.push(t('folderNotSameArticle', `${draft.name}.md`));
  else if (name !== draft.name) lines.push(t('folderRenamed', `${draft.name}.md`));
  if (merged) lines.push(updateSummary(merged.newHighlights, previousPath));
  if (draft.images.length) lines.push(imageSummary(draft, allFailed));
  const result: DeliveryResult = { ok: allFailed.length === 0, message: lines.join('\n'), markdown };
  if (await isVault(root)) result.followUp = { label: t('obsidianOpen'), request: { type: 'open-url', url: obsidianOpenUrl(folder, path) } satisfies OpenUrlRequest };
  return result;
}

/**
 * One note into a folder the reader gave us (or any directory handle): the note at
 * `<folder template>/<name>.md`, its images where the attachment setting says, links relative.
 * An existing note is never overwritten silently: 'rename' finds a free name, 'update' rewrites
 * that note and its own image folder. Whatever fails is said; a note that cannot be written is
 * handed back for a download (fallback).
 */
import { attachmentPlan, imageDirOf, notePath } from '../destinations/attachments';
import { fetchDraftImages, fillSlots, imageSummary } from '../destinations/slots';
import type { DeliverContext, DeliveryResult, NoteDraft } from '../destinations/types';
import type { ImageFailure } from '../zip';
import { t } from '../../ui/i18n';
import { obsidianOpenUrl } from '../obsidian/uri';
import { folderError } from './errors';
import { entryExists, isVault, removeDir, uniqueName, writeFile } from './writer';

/** A follow-up the toolbar and the popup carry out: open this address (an obsidian:// one). */
export interface OpenUrlRequest {
  type: 'open-url';
  url: string;
}

/** Throws (NotFoundError) when the folder itself is gone: moved, renamed or deleted. */
async function reachable(root: FileSystemDirectoryHandle): Promise<void> {
  await root.keys().next();
}

export async function saveIntoFolder(root: FileSystemDirectoryHandle, draft: NoteDraft, ctx: DeliverContext): Promise<DeliveryResult> {
  const folder = root.name;
  const { settings } = ctx;
  const pathsFor = (name: string) => [notePath({ ...draft, name }), imageDirOf({ ...draft, name }, settings)];
  let name = draft.name;
  let updating = false;
  try {
    await reachable(root);
    if (settings.onExisting === 'update') {
      updating = await entryExists(root, notePath(draft));
      // The old version's images go: the new one may have fewer, and none may be left behind.
      await removeDir(root, imageDirOf(draft, settings));
    } else name = await uniqueName(root, draft.name, pathsFor);
  } catch (e) {
    return { ok: false, message: folderError(e, folder), fallback: true };
  }
  const note = { ...draft, name };

  const { files, failed } = await fetchDraftImages(note, ctx);
  const plan = attachmentPlan(note, settings, files);
  const target = new Map<number, string>();
  const unwritten: ImageFailure[] = [];
  ctx.progress(t('folderWriting', folder));
  for (const [i, f] of files.entries()) {
    const p = plan[i]!;
    try {
      await writeFile(root, p.path, f.bytes);
      target.set(f.index, settings.attachments.embeds ? p.relative : p.link);
    } catch (e) {
      unwritten.push({ url: f.url, error: folderError(e, folder) });
    }
  }
  const allFailed = [...failed, ...unwritten];
  const markdown = fillSlots(note, (i) => target.get(i) ?? null, settings.attachments.embeds);
  const path = notePath(note);
  try {
    await writeFile(root, path, markdown);
  } catch (e) {
    return { ok: false, message: folderError(e, folder), fallback: true };
  }

  const lines = [t(updating ? 'folderUpdated' : 'folderSaved', folder, path)];
  if (name !== draft.name) lines.push(t('folderRenamed', `${draft.name}.md`));
  if (draft.images.length) lines.push(imageSummary(draft, allFailed));
  const result: DeliveryResult = { ok: allFailed.length === 0, message: lines.join('\n'), markdown };
  if (await isVault(root)) result.followUp = { label: t('obsidianOpen'), request: { type: 'open-url', url: obsidianOpenUrl(folder, path) } satisfies OpenUrlRequest };
  return result;
}

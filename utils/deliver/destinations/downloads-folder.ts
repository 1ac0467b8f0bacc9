/**
 * Into a subfolder of Downloads (Chrome and Firefox; Firefox has no folder picker): the note and its
 * images, unpacked, with the downloads API: `<Downloads>/<folder>/<name>.md` and its images where the
 * attachments setting says, the same layout as the folder destination. Nothing is overwritten.
 */
import { browser } from 'wxt/browser';
import { t } from '../../ui/i18n';
import { hasDownloadsPermission } from '../downloads/permission';
import { actualRelative, saveFile, taken, type DownloadsApi } from '../downloads/save-file';
import { attachmentPlan, imageDirOf, imagesFolderProblem, linkPath, notePath, relativeTo } from './attachments';
import { fetchDraftImages, fillSlots, imageSummary } from './slots';
import type { Destination, DeliverContext, DeliveryResult, NoteDraft } from './types';
import type { ImageFailure } from '../zip';

/** The downloads API when the reader granted it; null otherwise (it is an optional permission). */
async function downloadsApi(): Promise<DownloadsApi | null> {
  const granted = await hasDownloadsPermission();
  const api = (browser as unknown as { downloads?: DownloadsApi }).downloads;
  return granted && api ? api : null;
}

const MAX_TRIES = 100;

/**
 * A name no earlier download took, for the note and its attachments folder together: "name",
 * "name (1)", "name (2)" … so a second export of an article never mixes its images with the first's.
 */
async function freeName(api: DownloadsApi, draft: NoteDraft, ctx: DeliverContext): Promise<NoteDraft> {
  for (let n = 0; n < MAX_TRIES; n++) {
    const named = { ...draft, name: n === 0 ? draft.name : `${draft.name} (${n})` };
    if (!(await taken(api, notePath(named), imageDirOf(named, ctx.settings)))) return named;
  }
  return { ...draft, name: `${draft.name} (${Date.now()})` };
}

export const downloadsFolder: Destination = {
  id: 'downloads-folder',
  runsIn: 'background',
  async deliver(original, ctx): Promise<DeliveryResult> {
    const api = await downloadsApi();
    if (!api) return { ok: false, fallback: true, message: t('dlfNoPermission') };
    const bad = imagesFolderProblem(ctx.settings);
    if (bad) return { ok: false, fallback: true, message: t(bad) };
    const draft = await freeName(api, original, ctx);
    const { files, failed } = await fetchDraftImages(draft, ctx);
    const plan = attachmentPlan(draft, ctx.settings, files);
    const failures: ImageFailure[] = [...failed];
    // Images first: the note links each one where the browser really wrote it. Should a file the
    // history does not know still have taken a name, the link follows the unique name it got.
    // Markdown links are percent-encoded; an Obsidian embed names the plain relative path.
    const embeds = ctx.settings.attachments.embeds;
    const links = new Map<number, string>();
    for (const p of plan) {
      const file = files.find((f) => f.index === p.index)!;
      const saved = await saveFile(api, p.path, file.bytes, file.type || 'application/octet-stream');
      const actual = saved.ok ? actualRelative(p.path, saved.filename) : null;
      if (actual === null) failures.push({ url: file.url, error: saved.ok ? `${t('dlfSavedElsewhere')} ${saved.filename}` : `${t('dlfWriteFailed')}: ${saved.error}` });
      else links.set(p.index, embeds ? relativeTo(draft.folder, actual) : linkPath(relativeTo(draft.folder, actual)));
    }
    const markdown = fillSlots(draft, (i) => links.get(i) ?? null, embeds);
    const note = await saveFile(api, notePath(draft), new TextEncoder().encode(markdown), 'text/markdown');
    const summary = draft.images.length > 0 ? `\n${imageSummary(draft, failures)}` : '';
    if (!note.ok) return { ok: false, fallback: true, message: t('dlfNoteFailed', note.error) + summary };
    const where = actualRelative(notePath(draft), note.filename) ?? note.filename;
    return { ok: true, message: t('dlfSaved', where) + summary, markdown };
  },
};


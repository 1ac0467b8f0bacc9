/**
 * A draft writes each image as a slot; a destination fills the slots with what it has: a relative
 * path, a data URI, a Joplin resource, or the remote address when the image could not be fetched.
 */
import { base64ToBytes } from '../encoding';
import { NO_HOST_PERMISSION } from '../image-fetch';
import type { ImageFailure } from '../zip';
import { t } from '../../ui/i18n';
import type { DeliverContext, NoteDraft } from './types';

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The note with images where `target(i)` says; null keeps the remote address. With `embed`, Markdown
 * images become Obsidian embeds `![[target]]` (images in HTML tables keep their `src`).
 */
export function fillSlots(draft: NoteDraft, target: (index: number) => string | null, embed = false): string {
  const slot = escapeRe(draft.slot);
  const resolve = (i: number) => target(i) ?? draft.images[i] ?? '';
  let md = draft.markdown;
  if (embed) {
    md = md.replace(new RegExp(`!\\[(?:[^\\]\\\\]|\\\\.)*\\]\\(${slot}(\\d+)\\)`, 'g'), (whole, n: string) => {
      const to = target(Number(n));
      return to === null ? `![](${draft.images[Number(n)] ?? ''})` : `![[${to}]]`;
    });
  }
  return md.replace(new RegExp(`${slot}(\\d+)`, 'g'), (_, n: string) => resolve(Number(n)));
}

/** The note with every image at its remote address: what a download without images writes. */
export const remoteNote = (draft: NoteDraft): string => fillSlots(draft, () => null);

export interface FetchedImage {
  index: number;
  url: string;
  bytes: Uint8Array;
  /** The same bytes in base64, as the fetch answered: what a data URI writes, without encoding them again. */
  data: string;
  /** The Content-Type the host sent ('' when none). */
  type: string;
}

export interface FetchedImages {
  files: FetchedImage[];
  failed: ImageFailure[];
}

/** The draft's images through ctx.fetchImages, in the note's order whatever order the replies come in. */
export async function fetchDraftImages(draft: NoteDraft, ctx: DeliverContext): Promise<FetchedImages> {
  const urls = draft.images;
  const files: FetchedImage[] = [];
  const failed = new Map<number, string>();
  let done = 0;
  ctx.progress(t('imageProgress', 0, urls.length));
  await ctx.fetchImages(urls, (reply) => {
    if (urls[reply.index] === undefined) return;
    if (reply.ok) files.push({ index: reply.index, url: urls[reply.index]!, bytes: base64ToBytes(reply.data), data: reply.data, type: reply.type });
    else failed.set(reply.index, reply.error);
    ctx.progress(t('imageProgress', ++done, urls.length));
  });
  urls.forEach((_, i) => {
    if (!failed.has(i) && !files.some((f) => f.index === i)) failed.set(i, 'no reply');
  });
  files.sort((a, b) => a.index - b.index);
  return { files, failed: [...failed].sort(([a], [b]) => a - b).map(([i, error]) => ({ url: urls[i]!, error })) };
}

/** "N of M images saved", and the ones that failed with why, in the note's order: they stay remote links in the note. */
export function imageSummary(draft: NoteDraft, failed: readonly ImageFailure[]): string {
  const total = draft.images.length;
  const inOrder = [...failed].sort((a, b) => draft.images.indexOf(a.url) - draft.images.indexOf(b.url));
  const list = inOrder.map((f) => `${f.url} (${f.error === NO_HOST_PERMISSION ? t('zipHostNotAllowed') : f.error})`).join('\n');
  return t('imageSummary', total - failed.length, total, failed.length) + (list ? `\n${t('imagesFailed')}\n${list}` : '');
}

/** The note with its images inline as data URIs (one self-contained file); the failed ones stay remote. */
export async function inlineImagesNote(draft: NoteDraft, ctx: DeliverContext): Promise<{ markdown: string; failed: ImageFailure[] }> {
  const { files, failed } = await fetchDraftImages(draft, ctx);
  const uri = new Map(files.map((f) => [f.index, `data:${f.type || 'image/jpeg'};base64,${f.data}`]));
  return { markdown: fillSlots(draft, (i) => uri.get(i) ?? null), failed };
}

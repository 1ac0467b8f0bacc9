/**
 * Where a note's images go in a folder, and the link the note writes to each. Two layouts, as
 * Obsidian's "default location for new attachments" allows: beside the note
 * (`<folder>/assets/<note>/001.jpg`) or one fixed folder (`<fixed>/<note>/001.jpg`).
 */
import { imageExtension } from '../../page/images';
import type { DeliverSettings, NoteDraft } from './types';

const pad = (n: number) => String(n).padStart(3, '0');
const segments = (p: string) => p.split('/').filter(Boolean);
const join = (...parts: string[]) => parts.flatMap(segments).join('/');

/** A relative link that Obsidian, Typora and Logseq all open: each segment percent-encoded where Markdown needs it. */
export const linkPath = (relative: string): string =>
  relative
    .split('/')
    .map((s) => s.replace(/[ ()<>%#?[\]]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
    .join('/');

/** `to` relative to the folder `from` (both relative to the same root). */
export function relativeTo(from: string, to: string): string {
  const a = segments(from);
  const b = segments(to);
  let common = 0;
  while (common < a.length && common < b.length - 1 && a[common] === b[common]) common++;
  return [...a.slice(common).map(() => '..'), ...b.slice(common)].join('/');
}

export interface PlannedFile {
  index: number;
  /** From the root of the folder (vault) written to. */
  path: string;
  /** From the note's folder, encoded for a Markdown link. */
  link: string;
  /** From the note's folder, not encoded: what an Obsidian embed names. */
  relative: string;
}

/** The note's own path from the root: `<folder>/<name>.md`. */
export const notePath = (draft: NoteDraft): string => join(draft.folder, `${draft.name}.md`);

/**
 * Why the fixed images folder cannot be used ('' when it can, or when images go beside the note):
 * it must name a folder inside the chosen one. Empty or "/" would put images at the folder's root
 * (`<vault>/<title>/`), ".." outside it. Checked in the options and again at save time, since
 * settings also come from sync.
 */
export function imagesFolderProblem(settings: DeliverSettings): '' | 'folderImagesFolderBad' {
  return settings.attachments.location === 'fixed' && !validImagesFolder(settings.attachments.folder) ? 'folderImagesFolderBad' : '';
}

/** A folder as written: "a/b", "a\\b", "/a/b/" all name the same names; "" names none. */
export const folderSegments = (folder: string): string[] =>
  folder
    .split(/[/\\]/)
    .map((s) => s.trim())
    .filter(Boolean);

/** "." and ".." (and "…", " . "): a segment that leaves the chosen folder or names nothing. */
export const onlyDots = (segment: string): boolean => /^[\s.]+$/.test(segment);

/** A folder inside the chosen one: at least one name, none of them only dots. */
export function validImagesFolder(folder: string): boolean {
  const segs = folderSegments(folder);
  return segs.length > 0 && !segs.some(onlyDots);
}

/** The folder that holds this note's images: `<folder>/assets/<name>` or `<fixed>/<name>`. */
export function imageDirOf(draft: NoteDraft, settings: DeliverSettings): string {
  const one = attachmentPlan(draft, settings, [{ index: 0, type: '' }])[0]!.path;
  return one.slice(0, one.lastIndexOf('/'));
}

/** Image `index` of the note written at `path`: its links from the note's folder. */
export function plannedAt(draft: NoteDraft, index: number, path: string): PlannedFile {
  const relative = relativeTo(draft.folder, path);
  return { index, path, link: linkPath(relative), relative };
}

export function attachmentPlan(draft: NoteDraft, settings: DeliverSettings, files: readonly { index: number; type: string }[]): PlannedFile[] {
  const dir = settings.attachments.location === 'fixed' ? join(settings.attachments.folder || 'assets', draft.name) : join(draft.folder, 'assets', draft.name);
  return files.map((f) => plannedAt(draft, f.index, join(dir, `${pad(f.index + 1)}.${imageExtension(draft.images[f.index] ?? '', f.type)}`)));
}

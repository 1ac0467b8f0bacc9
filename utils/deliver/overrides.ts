/**
 * The popup's edits for one export (name, folder, property values), checked where they are typed, to
 * say what is wrong at once, and again in the content script, which takes them from a message.
 * The rules are the file names' (filename.ts) and the options' for folders (attachments.ts): a folder
 * is a path inside the chosen one, no part of it only dots.
 */
import { safeFileName } from '../markdown/filename';
import { folderSegments, onlyDots } from './destinations/attachments';
import type { NoteOverrides } from '../markdown/note';
import { t } from '../ui/i18n';

/** '' when the name can be used as it is; else the message key (the bad one takes the safe name as $1). */
export function nameProblem(name: string): '' | 'previewNameEmpty' | 'previewNameBad' {
  const n = name.trim();
  if (!n) return 'previewNameEmpty';
  return safeFileName(n, '') === n ? '' : 'previewNameBad';
}

/** A folder as written, as one path: empty is the chosen folder itself. */
export const folderPath = (folder: string): string => folderSegments(folder).join('/');

/** '' when every part of the folder is a usable name; no "." or "..", nothing a file name may not hold. */
export function folderProblem(folder: string): '' | 'previewFolderBad' {
  return folderSegments(folder).every((s) => !onlyDots(s) && safeFileName(s, '') === s) ? '' : 'previewFolderBad';
}

/** The message for a name or folder as typed, in the UI's language; '' when both are fine. */
export function editProblem(edits: Pick<NoteOverrides, 'name' | 'folder'>): string {
  const name = edits.name === undefined ? '' : nameProblem(edits.name);
  if (name) return t(name, safeFileName(edits.name!.trim()));
  return edits.folder !== undefined && folderProblem(edits.folder) ? t('previewFolderBad', edits.folder) : '';
}

const MAX_VALUE = 10_000;

/** The edits a message carries, checked: anything else than text where text belongs is refused with a message. */
export function checkOverrides(raw: unknown): { ok: true; edits: NoteOverrides } | { ok: false; message: string } {
  if (raw === undefined) return { ok: true, edits: {} };
  const bad = { ok: false as const, message: t('previewEditsBad') };
  if (!raw || typeof raw !== 'object') return bad;
  const { name, folder, properties } = raw as Record<string, unknown>;
  if ((name !== undefined && typeof name !== 'string') || (folder !== undefined && typeof folder !== 'string')) return bad;
  const problem = editProblem({ name, folder });
  if (problem) return { ok: false, message: problem };
  const edits: NoteOverrides = {};
  if (name !== undefined) edits.name = name.trim();
  if (folder !== undefined) edits.folder = folderPath(folder);
  if (properties !== undefined) {
    if (!properties || typeof properties !== 'object' || Array.isArray(properties)) return bad;
    const entries = Object.entries(properties);
    if (!entries.every(([, v]) => typeof v === 'string' && v.length <= MAX_VALUE)) return bad;
    edits.properties = Object.fromEntries(entries) as Record<string, string>;
  }
  return { ok: true, edits };
}

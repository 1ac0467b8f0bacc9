/**
 * Who may ask the background for something. runtime.onMessage hears only this extension's own
 * scripts, but a message's shape is still the sender's word: the background checks who sent it
 * and validates what it is given again, as it would for input from the page itself.
 */
import { safeFileName } from '../markdown/filename';
import type { NoteDraft } from '../deliver/destinations/types';

/** The two fields of a runtime.MessageSender (or a Port's sender) that say who it is. */
export interface SenderLike {
  id?: string;
  url?: string;
  tab?: unknown;
}

/** This extension: its id, and its pages' origin (`chrome-extension://<id>/`, `moz-extension://<uuid>/`). */
export interface Self {
  id: string;
  pagesUrl: string;
}

/** Our content script on a WeChat page, or one of our own extension pages (popup, options, batch). */
export function isOurSender(sender: SenderLike | undefined, self: Self): boolean {
  if (!sender || sender.id !== self.id || !sender.url) return false;
  if (sender.url.startsWith(self.pagesUrl)) return true;
  return sender.tab !== undefined && sender.url.startsWith('https://mp.weixin.qq.com/');
}

const DRAFT_STRINGS = ['name', 'folder', 'markdown', 'slot', 'title', 'source', 'account', 'published'] as const;

/**
 * A draft as the background accepts it: every field of its type, a note name that is already a safe
 * file name and a folder of safe segments (the page side made them so; here they are checked, not trusted).
 */
export function validDraft(raw: unknown): NoteDraft | null {
  if (!raw || typeof raw !== 'object') return null;
  const d = raw as Record<string, unknown>;
  if (!DRAFT_STRINGS.every((k) => typeof d[k] === 'string')) return null;
  if (!Array.isArray(d.images) || !d.images.every((i) => typeof i === 'string')) return null;
  const draft = d as unknown as NoteDraft;
  if (safeFileName(draft.name) !== draft.name) return null;
  if (draft.folder !== '' && !draft.folder.split('/').every((seg) => seg !== '' && safeFileName(seg) === seg)) return null;
  return draft;
}

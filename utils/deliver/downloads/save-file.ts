/**
 * One file into the browser's Downloads folder with the `downloads` API, waited for until it is on
 * disk, and the name the browser really gave it (a taken name is made unique, never overwritten).
 */
import { bytesToBase64 } from '../encoding';

/** The part of `browser.downloads` used here (Chrome MV3 and Firefox both answer with promises). */
export interface DownloadsApi {
  download(options: { url: string; filename: string; conflictAction: 'uniquify'; saveAs: false }): Promise<number>;
  search(query: { id?: number; filenameRegex?: string; exists?: boolean; limit?: number }): Promise<{ id: number; filename: string; state: string; error?: string; exists?: boolean }[]>;
  onChanged: {
    addListener(fn: (delta: { id: number; state?: { current?: string }; error?: { current?: string } }) => void): void;
    removeListener(fn: (delta: { id: number; state?: { current?: string }; error?: { current?: string } }) => void): void;
  };
}

export type Saved = { ok: true; filename: string } | { ok: false; error: string };

const TIMEOUT_MS = 60_000;

/**
 * An address the downloads API can read the bytes from. Firefox's background page makes a Blob URL;
 * Chrome's service worker has no URL.createObjectURL, and its downloads API takes a data: URL.
 */
export function fileUrl(bytes: Uint8Array, type: string): { url: string; release(): void } {
  const make = (globalThis.URL as { createObjectURL?: (b: Blob) => string }).createObjectURL;
  if (typeof make === 'function') {
    const url = make(new Blob([bytes as BlobPart], { type }));
    // Released once the file is written (or given up on): the browser has read it by then.
    return { url, release: () => URL.revokeObjectURL(url) };
  }
  return { url: `data:${type};base64,${bytesToBase64(bytes)}`, release: () => undefined };
}

/** Until the download ends: complete, interrupted (with the browser's reason) or timed out. */
function ended(api: DownloadsApi, id: number): Promise<{ state: string; error?: string }> {
  return new Promise((resolve) => {
    const done = (r: { state: string; error?: string }) => {
      clearTimeout(timer);
      api.onChanged.removeListener(listen);
      resolve(r);
    };
    const listen = (delta: { id: number; state?: { current?: string }; error?: { current?: string } }) => {
      if (delta.id !== id) return;
      if (delta.state?.current === 'complete') done({ state: 'complete' });
      else if (delta.state?.current === 'interrupted') done({ state: 'interrupted', error: delta.error?.current });
    };
    const timer = setTimeout(() => done({ state: 'timeout', error: 'timed out' }), TIMEOUT_MS);
    api.onChanged.addListener(listen);
    // It may have ended before the listener was there.
    void api.search({ id }).then(([item]) => {
      if (item?.state === 'complete' || item?.state === 'interrupted') done({ state: item.state, error: item.error });
    });
  });
}

/** Saves `bytes` at `relativePath` under Downloads; answers the absolute path the browser wrote. */
export async function saveFile(api: DownloadsApi, relativePath: string, bytes: Uint8Array, type: string): Promise<Saved> {
  const { url, release } = fileUrl(bytes, type);
  try {
    const id = await api.download({ url, filename: relativePath, conflictAction: 'uniquify', saveAs: false });
    const end = await ended(api, id);
    if (end.state !== 'complete') return { ok: false, error: end.error || end.state };
    const [item] = await api.search({ id });
    return item?.filename ? { ok: true, filename: item.filename } : { ok: false, error: 'no file name' };
  } catch (e) {
    return { ok: false, error: (e as Error).message || String(e) };
  } finally {
    release();
  }
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Matches a relative path at the end of an absolute one, with either separator (Windows writes `\`). */
const tail = (relative: string) => relative.split('/').filter(Boolean).map(escapeRe).join('[/\\\\]');

/** An absolute path that is this note, or a file in this attachments folder (RE2 and JS read it alike). */
export const takenPattern = (notePath: string, assetsDir: string): string => `(^|[/\\\\])(${tail(notePath)}|${tail(assetsDir)}[/\\\\].+)$`;

/**
 * Whether Downloads already has this note or anything in this attachments folder, as far as the
 * browser's download history knows (files saved otherwise are caught later: see downloads-folder.ts).
 */
export async function taken(api: DownloadsApi, notePath: string, assetsDir: string): Promise<boolean> {
  const found = await api.search({ filenameRegex: takenPattern(notePath, assetsDir), exists: true, limit: 1 });
  return found.some((d) => d.exists !== false);
}

/** Forward slashes, whatever the OS wrote. */
export const slashes = (path: string): string => path.replace(/\\/g, '/');

/**
 * Where a file that was asked to go to `requested` (relative) really went, relative to the same root:
 * the browser may only have changed the last segment (a unique name). Null when it changed more.
 */
export function actualRelative(requested: string, absolute: string): string | null {
  const abs = slashes(absolute);
  const dir = requested.split('/').slice(0, -1).join('/');
  const absDir = abs.slice(0, abs.lastIndexOf('/'));
  if (dir && !(absDir === dir || absDir.endsWith(`/${dir}`))) return null;
  return [dir, abs.slice(abs.lastIndexOf('/') + 1)].filter(Boolean).join('/');
}

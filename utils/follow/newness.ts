/**
 * What is new in an album: an article that is neither in the extension's record of exported
 * articles nor a note (by its front matter's wechat_id) in the reader's folder.
 */
import { articleIdentity, identityFromNote } from '../page/identity';
import type { AlbumItem } from '../batch/listing';

export const itemIdentity = (item: Pick<AlbumItem, 'url'>): string | null => articleIdentity(item.url);

/** The listing's new items, in the listing's order. An item without an identity counts as new. */
export function newItems<T extends Pick<AlbumItem, 'url'>>(items: readonly T[], known: { has(id: string): boolean }): T[] {
  return items.filter((i) => {
    const id = itemIdentity(i);
    return !id || !known.has(id);
  });
}

/** Bounds of a folder scan: a vault of notes is read only so far. */
export const SCAN_LIMITS = { files: 5000, depth: 6, headBytes: 4096 };

/** Folders never scanned: the vault's settings, version control, the notes' images. */
const SKIPPED = /^(\.|assets$|attachments$|node_modules$)/;

/**
 * Every wechat_id named in the front matter of the folder's .md files (the first few kB of each,
 * at most SCAN_LIMITS.files files, SCAN_LIMITS.depth folders deep). `complete` is false when a
 * bound was met: what was not read may hold more.
 */
export async function folderIdentities(root: FileSystemDirectoryHandle, limits = SCAN_LIMITS): Promise<{ ids: Set<string>; files: number; complete: boolean }> {
  const ids = new Set<string>();
  let files = 0;
  let complete = true;
  const walk = async (dir: FileSystemDirectoryHandle, depth: number): Promise<void> => {
    for await (const [name, handle] of dir as unknown as AsyncIterable<[string, FileSystemHandle]>) {
      if (files >= limits.files) {
        complete = false;
        return;
      }
      if (handle.kind === 'directory') {
        if (SKIPPED.test(name)) continue;
        if (depth >= limits.depth) complete = false;
        else await walk(handle as FileSystemDirectoryHandle, depth + 1);
      } else if (/\.md$/i.test(name)) {
        files++;
        const file = await (handle as FileSystemFileHandle).getFile();
        const id = identityFromNote(await file.slice(0, limits.headBytes).text());
        if (id) ids.add(id);
      }
    }
  };
  await walk(root, 0);
  return { ids, files, complete };
}

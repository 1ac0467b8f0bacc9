/**
 * The note of an article in the reader's folder, wherever it is now: the reader may have renamed it
 * or moved it to another folder inside. Found by the identity in its front matter (`wechat_id`).
 * Bounded: so many files read, so deep, each only its first bytes; the app's own folders skipped.
 */
import { identityFromNote } from '../page/identity';

export const FIND_LIMITS = { files: 2000, depth: 8, headBytes: 4096 } as const;
const SKIP_DIRS = new Set(['.obsidian', '.trash', '.git', 'node_modules']);

type Dir = FileSystemDirectoryHandle & { entries(): AsyncIterable<[string, FileSystemHandle]> };

/** The path (from the root) of the first note naming `id`, or null. `prefer` is looked at first. */
export async function findNoteById(root: FileSystemDirectoryHandle, id: string, prefer?: string): Promise<string | null> {
  let read = 0;
  const matches = async (file: FileSystemFileHandle): Promise<boolean> => {
    read++;
    const blob = await file.getFile();
    const part = typeof blob.slice === 'function' ? blob.slice(0, FIND_LIMITS.headBytes) : blob;
    const head = new TextDecoder().decode(new Uint8Array(await part.arrayBuffer()).subarray(0, FIND_LIMITS.headBytes));
    return identityFromNote(head) === id;
  };
  const walk = async (dir: Dir, prefix: string, depth: number): Promise<string | null> => {
    const subdirs: [string, Dir][] = [];
    for await (const [name, handle] of dir.entries()) {
      if (read >= FIND_LIMITS.files) return null;
      const path = prefix ? `${prefix}/${name}` : name;
      if (handle.kind === 'directory') {
        if (!SKIP_DIRS.has(name) && depth < FIND_LIMITS.depth) subdirs.push([path, handle as Dir]);
      } else if (name.endsWith('.md') && !/\.previous-[^/]*\.md$/.test(name) && path !== prefer) {
        if (await matches(handle as FileSystemFileHandle).catch(() => false)) return path;
      }
    }
    for (const [path, sub] of subdirs) {
      const found = await walk(sub, path, depth + 1);
      if (found) return found;
    }
    return null;
  };
  return walk(root as Dir, '', 0);
}

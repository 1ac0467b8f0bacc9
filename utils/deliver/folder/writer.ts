/**
 * Writing into a directory handle (a folder the reader picked, or the origin-private file system in
 * tests): paths are '/'-separated and relative to the handle; directories are made as needed.
 */

const parts = (path: string) => path.split('/').filter(Boolean);

/** The directory at `path` under `root`; with `create`, made (with its parents) where missing. */
export async function dirAt(root: FileSystemDirectoryHandle, path: string, create: boolean): Promise<FileSystemDirectoryHandle> {
  let dir = root;
  for (const p of parts(path)) dir = await dir.getDirectoryHandle(p, { create });
  return dir;
}

const split = (path: string): [string, string] => {
  const ps = parts(path);
  return [ps.slice(0, -1).join('/'), ps[ps.length - 1] ?? ''];
};

const isNotFound = (e: unknown) => e instanceof DOMException && (e.name === 'NotFoundError' || e.name === 'TypeMismatchError');

/** Whether a file or directory is at `path`. A missing parent is "no"; any other error is thrown. */
export async function entryExists(root: FileSystemDirectoryHandle, path: string): Promise<boolean> {
  const [dirPath, name] = split(path);
  try {
    const dir = await dirAt(root, dirPath, false);
    for await (const key of dir.keys()) if (key === name) return true;
    return false;
  } catch (e) {
    if (isNotFound(e)) return false;
    throw e;
  }
}

/**
 * Writes the whole file. createWritable writes to a temporary file that replaces the old one only
 * on close(), so an update that fails half-way leaves the previous note as it was.
 */
export async function writeFile(root: FileSystemDirectoryHandle, path: string, data: Uint8Array | string): Promise<void> {
  const [dirPath, name] = split(path);
  const dir = await dirAt(root, dirPath, true);
  const file = await dir.getFileHandle(name, { create: true });
  const out = await file.createWritable();
  try {
    await out.write(typeof data === 'string' ? data : new Blob([data as Uint8Array<ArrayBuffer>]));
    await out.close();
  } catch (e) {
    await out.abort().catch(() => {});
    throw e;
  }
}

/** What is at `path`: null when nothing, 'directory', or the file's bytes. */
export async function entryAt(root: FileSystemDirectoryHandle, path: string): Promise<Uint8Array | 'directory' | null> {
  const [dirPath, name] = split(path);
  try {
    const dir = await dirAt(root, dirPath, false);
    for await (const [key, h] of dir as unknown as AsyncIterable<[string, FileSystemHandle]>) {
      if (key !== name) continue;
      if (h.kind === 'directory') return 'directory';
      return new Uint8Array(await (await (h as FileSystemFileHandle).getFile()).arrayBuffer());
    }
    return null;
  } catch (e) {
    if (isNotFound(e)) return null;
    throw e;
  }
}

/** Removes one file (never a directory, never recursively); nothing there is fine. */
export async function removeFile(root: FileSystemDirectoryHandle, path: string): Promise<void> {
  const [dirPath, name] = split(path);
  try {
    const dir = await dirAt(root, dirPath, false);
    await dir.getFileHandle(name);
    await dir.removeEntry(name);
  } catch (e) {
    if (!isNotFound(e)) throw e;
  }
}

/**
 * The first of `name`, `name (2)`, `name (3)` … whose paths (what `pathsFor` says that name would
 * write: the note and its image folder) are all free.
 */
export async function uniqueName(root: FileSystemDirectoryHandle, name: string, pathsFor: (name: string) => string[]): Promise<string> {
  for (let n = 1; n < 1000; n++) {
    const candidate = n === 1 ? name : `${name} (${n})`;
    let free = true;
    for (const p of pathsFor(candidate)) if (await entryExists(root, p)) free = false;
    if (free) return candidate;
  }
  throw new DOMException(`999 notes named "${name}" already`, 'InvalidModificationError');
}

/** Whether the folder is an Obsidian vault: Obsidian keeps its settings in `.obsidian/` at the root. */
export async function isVault(root: FileSystemDirectoryHandle): Promise<boolean> {
  try {
    await root.getDirectoryHandle('.obsidian');
    return true;
  } catch {
    return false;
  }
}

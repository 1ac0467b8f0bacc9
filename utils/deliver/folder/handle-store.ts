/**
 * The folder the reader picked, kept in the extension's IndexedDB: a directory handle can be stored
 * there (it is structured-cloneable) but not in storage.*, and it never leaves this computer.
 * The options page writes it; the background reads it for each export.
 */
import { del, get, set } from 'idb-keyval';

const KEY = 'wac-folder';

export const loadFolder = async (): Promise<FileSystemDirectoryHandle | undefined> => {
  const h = await get<unknown>(KEY);
  return h && typeof h === 'object' && (h as FileSystemHandle).kind === 'directory' ? (h as FileSystemDirectoryHandle) : undefined;
};
export const saveFolder = (handle: FileSystemDirectoryHandle): Promise<void> => set(KEY, handle);
export const forgetFolder = (): Promise<void> => del(KEY);

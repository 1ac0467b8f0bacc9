/**
 * What each save into a folder wrote: the image files, each with the SHA-256 of the bytes written.
 * Kept in the extension's IndexedDB (idb-keyval, a store of its own), not in storage.local: the batch
 * and the promotion memory need that space, and this is local bookkeeping that never syncs.
 * An update removes a recorded file only while it still holds those bytes: a file the reader replaced
 * or added is never the extension's to remove, even should a record be stale or of another folder
 * with the same name.
 */
import { createStore, get, set, type UseStore } from 'idb-keyval';

export interface WrittenFile {
  /** From the root of the folder. */
  path: string;
  sha256: string;
}
export interface WrittenRecord {
  /** The article identity of the note the files belong to. */
  id: string | null;
  files: WrittenFile[];
}

/** Where records live; tests give an in-memory one. */
export interface WrittenStore {
  get(folder: string, note: string): Promise<WrittenRecord | undefined>;
  set(folder: string, note: string, record: WrittenRecord): Promise<void>;
}

// The folder's name and the note's path: a handle cannot be a key, and its name is all the background knows.
const key = (folder: string, note: string) => `${folder}\n${note}`;

let store: UseStore | undefined;
const idb = () => (store ??= createStore('wac-written', 'notes'));

export const idbWrittenStore: WrittenStore = {
  get: async (folder, note) => {
    const r = await get<WrittenRecord>(key(folder, note), idb());
    return r && Array.isArray(r.files) ? r : undefined;
  },
  set: (folder, note, record) => set(key(folder, note), record, idb()),
};

/** An in-memory store: the unit tests', where there is no IndexedDB. */
export function memoryWrittenStore(): WrittenStore & { records: Map<string, WrittenRecord> } {
  const records = new Map<string, WrittenRecord>();
  return {
    records,
    get: async (folder, note) => records.get(key(folder, note)),
    set: async (folder, note, record) => void records.set(key(folder, note), record),
  };
}

export async function sha256(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

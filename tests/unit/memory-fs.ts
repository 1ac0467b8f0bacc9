/**
 * A directory handle in memory, answering as Chromium's File System Access API does for what the
 * folder destination calls (getDirectoryHandle, getFileHandle, createWritable, getFile, keys,
 * entries, removeEntry): NotFoundError for a missing entry, TypeMismatchError for the wrong kind,
 * InvalidModificationError for a directory removed non-recursively while it holds anything.
 * The real thing is tested in Chromium (tests/e2e/folder.test.ts); this runs the same logic in jsdom.
 */
type Node = Map<string, Node> | Uint8Array;

const fail = (name: string, message = name) => Promise.reject(new DOMException(message, name));

function dirHandle(name: string, node: Map<string, Node>): FileSystemDirectoryHandle {
  const handleOf = (key: string, n: Node): FileSystemHandle => (n instanceof Map ? dirHandle(key, n) : fileHandle(key, node));
  const h = {
    kind: 'directory',
    name,
    queryPermission: async () => 'granted',
    async getDirectoryHandle(key: string, o?: { create?: boolean }) {
      const n = node.get(key);
      if (n instanceof Map) return dirHandle(key, n);
      if (n) return fail('TypeMismatchError');
      if (!o?.create) return fail('NotFoundError');
      const made = new Map<string, Node>();
      node.set(key, made);
      return dirHandle(key, made);
    },
    async getFileHandle(key: string, o?: { create?: boolean }) {
      const n = node.get(key);
      if (n instanceof Map) return fail('TypeMismatchError');
      if (!n && !o?.create) return fail('NotFoundError');
      return fileHandle(key, node);
    },
    async removeEntry(key: string, o?: { recursive?: boolean }) {
      // The folder destination must never ask for it: fail loudly if it does.
      if (o?.recursive) throw new Error(`recursive removal of ${key}`);
      const n = node.get(key);
      if (!n) return fail('NotFoundError');
      if (n instanceof Map && n.size) return fail('InvalidModificationError');
      node.delete(key);
    },
    async *keys() {
      yield* [...node.keys()];
    },
    async *entries() {
      for (const [k, n] of [...node]) yield [k, handleOf(k, n)] as const;
    },
    [Symbol.asyncIterator]() {
      return h.entries();
    },
  };
  return h as unknown as FileSystemDirectoryHandle;
}

function fileHandle(name: string, parent: Map<string, Node>): FileSystemFileHandle {
  return {
    kind: 'file',
    name,
    async getFile() {
      const bytes = (parent.get(name) as Uint8Array | undefined) ?? new Uint8Array();
      // As a Blob: its slice is a Blob too (text and arrayBuffer both).
      const blob = (b: Uint8Array): { size: number; arrayBuffer(): Promise<ArrayBuffer>; text(): Promise<string>; slice(from?: number, to?: number): unknown } => ({
        size: b.length,
        arrayBuffer: async () => new Uint8Array(b).buffer,
        text: async () => new TextDecoder().decode(b),
        slice: (from?: number, to?: number) => blob(b.slice(from, to)),
      });
      return blob(bytes);
    },
    async createWritable() {
      if (!parent.has(name)) parent.set(name, new Uint8Array());
      let data: Uint8Array = new Uint8Array();
      return {
        async write(d: string | Blob) {
          data = typeof d === 'string' ? new TextEncoder().encode(d) : new Uint8Array(await d.arrayBuffer());
        },
        // As in Chromium: the file takes the new bytes only on close.
        async close() {
          parent.set(name, data);
        },
        async abort() {},
      };
    },
  } as unknown as FileSystemFileHandle;
}

/** A folder named `name` holding these files (text, or bytes), and a way to read every file back. */
export function memoryFolder(name: string, files: Record<string, string | Uint8Array> = {}) {
  const root = new Map<string, Node>();
  const put = (path: string, content: string | Uint8Array) => {
    const parts = path.split('/');
    let dir = root;
    for (const p of parts.slice(0, -1)) {
      if (!dir.has(p)) dir.set(p, new Map());
      dir = dir.get(p) as Map<string, Node>;
    }
    dir.set(parts[parts.length - 1]!, typeof content === 'string' ? new TextEncoder().encode(content) : content);
  };
  for (const [p, c] of Object.entries(files)) put(p, c);
  const tree = (): Record<string, string> => {
    const out: Record<string, string> = {};
    const walk = (dir: Map<string, Node>, prefix: string) => {
      for (const [k, n] of dir) {
        const path = prefix ? `${prefix}/${k}` : k;
        if (n instanceof Map) walk(n, path);
        else out[path] = path.endsWith('.md') || path.endsWith('.txt') ? new TextDecoder().decode(n) : `bytes:${Buffer.from(n).toString('base64')}`;
      }
    };
    walk(root, '');
    return out;
  };
  return { handle: dirHandle(name, root), put, tree };
}

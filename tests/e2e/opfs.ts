/**
 * A picked folder, stood in by the origin-private file system of the extension's origin: a
 * directory handle from navigator.storage.getDirectory() is a FileSystemDirectoryHandle like the one
 * showDirectoryPicker() returns, stored where the options page stores the picked one (idb-keyval's
 * default store, key 'wac-folder'). Its files are read back in an extension page.
 */
import type { Page } from 'playwright-core';
import type { Session } from './harness';

export const extensionPage = async (session: Session, path = 'options.html'): Promise<Page> => {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/${path}`);
  return page;
};

/**
 * Makes `/<name>` in the extension's OPFS afresh (a vault when asked) and stores it as the picked
 * folder, in idb-keyval's default store (what the extension reads); without a name, no folder is
 * picked, as after "Forget this folder". One function: the extension page's CSP runs no added script.
 */
async function pick(page: Page, name: string | null, vault: boolean): Promise<void> {
  await page.evaluate(
    async ({ name, vault }) => {
      let dir: FileSystemDirectoryHandle | null = null;
      if (name !== null) {
        const root = await navigator.storage.getDirectory();
        await root.removeEntry(name, { recursive: true }).catch(() => undefined);
        dir = await root.getDirectoryHandle(name, { create: true });
        if (vault) await (await dir.getDirectoryHandle('.obsidian', { create: true })).getFileHandle('app.json', { create: true });
      }
      await new Promise<void>((res, rej) => {
        const r = indexedDB.open('keyval-store');
        r.onupgradeneeded = () => r.result.createObjectStore('keyval');
        r.onerror = () => rej(r.error);
        r.onsuccess = () => {
          const db = r.result;
          const tx = db.transaction('keyval', 'readwrite');
          if (dir) tx.objectStore('keyval').put(dir, 'wac-folder');
          else tx.objectStore('keyval').delete('wac-folder');
          tx.oncomplete = () => (db.close(), res());
          tx.onerror = () => rej(tx.error);
        };
      });
    },
    { name, vault },
  );
}

export const useOpfsFolder = (page: Page, name: string, options: { vault?: boolean } = {}) => pick(page, name, options.vault ?? false);
export const forgetOpfsFolder = (page: Page) => pick(page, null, false);

/** Removes the stand-in folder itself, as a reader deleting or moving the folder would. */
export const removeOpfsFolder = (page: Page, name: string): Promise<void> =>
  page.evaluate(async (name) => (await navigator.storage.getDirectory()).removeEntry(name, { recursive: true }), name);

export interface TreeFile {
  size: number;
  /** Text of .md files; base64 of anything else. */
  text?: string;
  base64?: string;
}

/** Every file under `/<name>` (paths relative to it), read back through the file system API. */
export async function readOpfsTree(page: Page, name: string): Promise<Record<string, TreeFile>> {
  return page.evaluate(async (name) => {
    const out: Record<string, { size: number; text?: string; base64?: string }> = {};
    const walk = async (dir: FileSystemDirectoryHandle, prefix: string): Promise<void> => {
      for await (const [key, h] of (dir as unknown as AsyncIterable<[string, FileSystemHandle]>)) {
        const path = prefix ? `${prefix}/${key}` : key;
        if (h.kind === 'directory') await walk(h as FileSystemDirectoryHandle, path);
        else {
          const file = await (h as FileSystemFileHandle).getFile();
          if (key.endsWith('.md')) out[path] = { size: file.size, text: await file.text() };
          else {
            const bytes = new Uint8Array(await file.arrayBuffer());
            let s = '';
            for (const b of bytes) s += String.fromCharCode(b);
            out[path] = { size: file.size, base64: btoa(s) };
          }
        }
      }
    };
    await walk(await (await navigator.storage.getDirectory()).getDirectoryHandle(name), '');
    return out;
  }, name);
}

/** Changes stored settings the way the options page does (sync storage, key 'settings'). */
export async function setSettings(page: Page, patch: Record<string, unknown>): Promise<void> {
  await page.evaluate(async (patch) => {
    const { settings } = await chrome.storage.sync.get('settings');
    await chrome.storage.sync.set({ settings: { ...(settings ?? {}), ...patch } });
  }, patch);
}

/** Writes files under `/<name>` as a reader would (folders made as needed): text, or bytes given in base64. */
export async function putFiles(page: Page, name: string, files: Record<string, string | { base64: string }>): Promise<void> {
  await page.evaluate(
    async ({ name, files }) => {
      const root = await (await navigator.storage.getDirectory()).getDirectoryHandle(name, { create: true });
      for (const [path, content] of Object.entries(files)) {
        const parts = path.split('/');
        let dir = root;
        for (const p of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(p, { create: true });
        const w = await (await dir.getFileHandle(parts[parts.length - 1]!, { create: true })).createWritable();
        await w.write(typeof content === 'string' ? content : Uint8Array.from(atob(content.base64), (c) => c.charCodeAt(0)));
        await w.close();
      }
    },
    { name, files },
  );
}

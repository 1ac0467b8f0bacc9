import { describe, expect, it } from 'vitest';
import { deliverToFolder } from '../../utils/deliver/destinations/folder';
import { obsidianNewUrl, obsidianOpenUrl } from '../../utils/deliver/obsidian/uri';
import { DEFAULT_SETTINGS } from '../../utils/settings/settings';
import type { NoteDraft } from '../../utils/deliver/destinations/types';
import type { FetchImages } from '../../utils/deliver/zip';

/**
 * What real Chromium cannot be made to do in a test: a handle whose permission the browser wants to
 * ask for again, and a disk that is full. The handle here is a stand-in that answers as Chromium
 * does in those cases (the writing itself is tested in Chromium, tests/e2e/folder.test.ts).
 */
const draft: NoteDraft = { name: 'n', folder: '', markdown: '# n\n\n![](s-0)\n', slot: 's-', images: ['https://mmbiz.qpic.cn/a.png'], title: 'n', source: '', account: '', published: '' };
const png: FetchImages = async (urls, onEach) => urls.forEach((_, index) => onEach({ index, ok: true, data: 'iVBORw0KGgo=', type: 'image/png' }));
const ctx = { settings: DEFAULT_SETTINGS, fetchImages: png, progress: () => {} };

function standIn(permission: PermissionState, write: () => Promise<void> = async () => {}): FileSystemDirectoryHandle {
  const dir: Record<string, unknown> = {
    name: 'vault',
    kind: 'directory',
    queryPermission: async () => permission,
    keys: async function* () {},
    getDirectoryHandle: async (n: string, o?: { create?: boolean }) => {
      if (!o?.create) throw new DOMException('no such entry', 'NotFoundError');
      return dir;
    },
    getFileHandle: async () => ({ createWritable: async () => ({ write, close: async () => {}, abort: async () => {} }) }),
    removeEntry: async () => {
      throw new DOMException('no such entry', 'NotFoundError');
    },
  };
  return dir as unknown as FileSystemDirectoryHandle;
}

describe('the folder destination', () => {
  it("when the browser wants to ask again ('prompt'): nothing written, the draft kept, one follow-up that grants", async () => {
    const kept: NoteDraft[] = [];
    const r = await deliverToFolder(standIn('prompt'), draft, ctx, async (d) => void kept.push(d));
    expect(r).toEqual({ ok: false, message: 'folderAskAgain', followUp: { label: 'folderGrant', request: { type: 'folder-grant' } } });
    expect(kept).toEqual([draft]);
  });

  it('refused, or no folder: falls back to a download, with the reason', async () => {
    expect(await deliverToFolder(standIn('denied'), draft, ctx)).toMatchObject({ ok: false, message: 'folderDenied', fallback: true });
    // No picked folder: in Chromium (handles that take permissions) "pick one"; elsewhere "not in this browser".
    expect(await deliverToFolder(undefined, draft, ctx)).toMatchObject({ ok: false, message: 'folderUnsupported', fallback: true });
    const g = globalThis as { FileSystemHandle?: unknown };
    g.FileSystemHandle = class {
      queryPermission() {}
    };
    try {
      expect(await deliverToFolder(undefined, draft, ctx)).toMatchObject({ ok: false, message: 'folderNone', fallback: true });
    } finally {
      delete g.FileSystemHandle;
    }
  });

  it('a full disk: the note falls back to a download, and the message says the disk is full', async () => {
    const full = async () => {
      throw new DOMException('The operation failed because it would cause the application to exceed its storage quota.', 'QuotaExceededError');
    };
    const r = await deliverToFolder(standIn('granted', full), draft, ctx);
    expect(r).toMatchObject({ ok: false, message: 'folderFull', fallback: true });
  });
});

describe('Obsidian addresses', () => {
  it('encode every value as Obsidian asks (/ as %2F, spaces as %20), without .md', () => {
    expect(obsidianOpenUrl('My Vault', '收件箱/a b (2).md')).toBe('obsidian://open?vault=My%20Vault&file=%E6%94%B6%E4%BB%B6%E7%AE%B1%2Fa%20b%20(2)');
    expect(obsidianNewUrl('', 'x&y.md')).toBe('obsidian://new?file=x%26y&clipboard');
    expect(obsidianNewUrl('v', 'n.md')).toBe('obsidian://new?vault=v&file=n&clipboard');
  });
});

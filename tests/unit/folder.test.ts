import { describe, expect, it } from 'vitest';
import { deliverToFolder } from '../../utils/deliver/destinations/folder';
import { obsidianNewUrl, obsidianOpenUrl } from '../../utils/deliver/obsidian/uri';
import { DEFAULT_SETTINGS } from '../../utils/settings/settings';
import type { NoteDraft } from '../../utils/deliver/destinations/types';
import type { FetchImages } from '../../utils/deliver/zip';
import { saveIntoFolder } from '../../utils/deliver/folder/save';
import { memoryWrittenStore } from '../../utils/deliver/folder/written';
import { imagesFolderProblem, validImagesFolder } from '../../utils/deliver/destinations/attachments';
import { memoryFolder } from './memory-fs';

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
    [Symbol.asyncIterator]: async function* () {},
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

describe('saving into a folder never touches what the extension did not write (issue 26, finding 1)', () => {
  const ID = 'MzAwMA==/1/1';
  const noteOf = (name: string, images: number, id: string | null = ID): NoteDraft => ({
    name,
    folder: '',
    markdown: `---\ntitle: "${name}"${id ? `\nwechat_id: "${id}"` : ''}\n---\n\n# ${name}\n${Array.from({ length: images }, (_, i) => `\n![](s-${i})\n`).join('')}`,
    slot: 's-',
    images: Array.from({ length: images }, (_, i) => `https://mmbiz.qpic.cn/${name}/${i}.png`),
    title: name,
    source: '',
    account: '',
    published: '',
    id,
  });
  // Each image its own bytes (its address), so a test can tell which file is which.
  const served: FetchImages = async (urls, onEach) => urls.forEach((u, index) => onEach({ index, ok: true, data: btoa(u), type: 'image/png' }));
  const ctxWith = (patch: Partial<typeof DEFAULT_SETTINGS> = {}) => ({ settings: { ...DEFAULT_SETTINGS, onExisting: 'update' as const, ...patch }, fetchImages: served, progress: () => {} });
  const bytes = (s: string) => new TextEncoder().encode(s);
  const img = (name: string, i: number) => `bytes:${btoa(`https://mmbiz.qpic.cn/${name}/${i}.png`)}`;
  const PDF = bytes('%PDF the reader');

  it('"Inbox" with no Inbox.md: nothing of the reader\'s assets/Inbox/ is removed or overwritten', async () => {
    const f = memoryFolder('vault', { 'assets/Inbox/contract.pdf': PDF, 'assets/Inbox/photos/cat.jpg': bytes('cat') });
    const r = await saveIntoFolder(f.handle, noteOf('Inbox', 1), ctxWith(), memoryWrittenStore());
    expect(r).toMatchObject({ ok: true, message: expect.stringContaining('folderSaved') });
    const tree = f.tree();
    expect(tree['assets/Inbox/contract.pdf']).toBe(`bytes:${Buffer.from(PDF).toString('base64')}`);
    expect(tree['assets/Inbox/photos/cat.jpg']).toBe(`bytes:${btoa('cat')}`);
    expect(tree['Inbox.md']).toContain('![](assets/Inbox/001.png)');
  });

  it('an existing note of another article, or of none, is left as it was; the new one gets a free name and the message says why', async () => {
    for (const theirs of ['---\nwechat_id: "MzAwMA==/9/1"\n---\n\nTheirs.\n', 'My own note.\n', '---\ntitle: "x"\n---\n']) {
      const f = memoryFolder('vault', { 'Inbox.md': theirs });
      const r = await saveIntoFolder(f.handle, noteOf('Inbox', 0), ctxWith(), memoryWrittenStore());
      expect(f.tree()['Inbox.md']).toBe(theirs);
      expect(f.tree()['Inbox (2).md']).toContain(`wechat_id: "${ID}"`);
      expect(r.message).toContain('folderNotSameArticle');
    }
    // A note with no identity of its own never replaces anything, not even another note without one.
    const f = memoryFolder('vault', { 'Inbox.md': '---\ntitle: "x"\n---\n' });
    await saveIntoFolder(f.handle, noteOf('Inbox', 0, null), ctxWith(), memoryWrittenStore());
    expect(Object.keys(f.tree()).sort()).toEqual(['Inbox (2).md', 'Inbox.md']);
  });

  it('the same article again: replaced; the images it wrote and no longer needs removed, one by one; the reader\'s and the changed ones kept', async () => {
    const f = memoryFolder('vault');
    const records = memoryWrittenStore();
    await saveIntoFolder(f.handle, noteOf('Inbox', 3), ctxWith(), records);
    expect(records.records.get('vault\nInbox.md')?.files.map((x) => x.path)).toEqual(['assets/Inbox/001.png', 'assets/Inbox/002.png', 'assets/Inbox/003.png']);
    f.put('assets/Inbox/mine.txt', 'mine');
    f.put('assets/Inbox/003.png', bytes('the reader replaced it'));
    const again = noteOf('Inbox', 1);
    const r = await saveIntoFolder(f.handle, { ...again, images: ['https://mmbiz.qpic.cn/Inbox/9.png'] }, ctxWith(), records);
    expect(r.message).toContain('folderUpdated');
    const tree = f.tree();
    expect(Object.keys(tree).sort()).toEqual(['Inbox.md', 'assets/Inbox/001.png', 'assets/Inbox/003.png', 'assets/Inbox/mine.txt']);
    expect(tree['assets/Inbox/001.png']).toBe(img('Inbox', 9));
    expect(tree['assets/Inbox/003.png']).toBe(`bytes:${btoa('the reader replaced it')}`);
    expect(tree['assets/Inbox/mine.txt']).toBe('mine');
    expect(records.records.get('vault\nInbox.md')?.files.map((x) => x.path)).toEqual(['assets/Inbox/001.png']);
  });

  it('a record of another article at that path is not trusted; without a record nothing is removed', async () => {
    const f = memoryFolder('vault');
    const records = memoryWrittenStore();
    await saveIntoFolder(f.handle, noteOf('Inbox', 2), ctxWith(), records);
    records.records.get('vault\nInbox.md')!.id = 'MzAwMA==/9/1';
    await saveIntoFolder(f.handle, noteOf('Inbox', 0), ctxWith(), records);
    expect(Object.keys(f.tree()).sort()).toEqual(['Inbox.md', 'assets/Inbox/001.png', 'assets/Inbox/002.png']);
    await saveIntoFolder(f.handle, noteOf('Inbox', 0), ctxWith(), memoryWrittenStore());
    expect(Object.keys(f.tree()).sort()).toEqual(['Inbox.md', 'assets/Inbox/001.png', 'assets/Inbox/002.png']);
  });

  it("an image path holding another file: that file stays, the image takes the next free name; the very same bytes are reused", async () => {
    const f = memoryFolder('vault', { 'Attachments/Work/contract.pdf': PDF, 'Attachments/Work/001.png': bytes('theirs') });
    const fixed = ctxWith({ attachments: { location: 'fixed', folder: 'Attachments', embeds: false } });
    await saveIntoFolder(f.handle, noteOf('Work', 2), fixed, memoryWrittenStore());
    let tree = f.tree();
    expect(tree['Attachments/Work/001.png']).toBe(`bytes:${btoa('theirs')}`);
    expect(tree['Attachments/Work/001-2.png']).toBe(img('Work', 0));
    expect(tree['Attachments/Work/002.png']).toBe(img('Work', 1));
    expect(tree['Work.md']).toContain('![](Attachments/Work/001-2.png)');
    // No note there and a file with the very bytes at the image path: it is reused, nothing else made.
    const g = memoryFolder('vault', { 'Attachments/Work/001.png': Buffer.from(img('Work', 0).slice(6), 'base64') });
    await saveIntoFolder(g.handle, noteOf('Work', 1), fixed, memoryWrittenStore());
    tree = g.tree();
    expect(Object.keys(tree).sort()).toEqual(['Attachments/Work/001.png', 'Work.md']);
  });

  it('an empty, "/", "." or ".." fixed images folder is refused at save time: nothing written, the note downloaded instead', async () => {
    for (const folder of ['', '/', '//', './.', '..', 'a/../b', ' / ']) {
      expect(validImagesFolder(folder), folder).toBe(false);
      const f = memoryFolder('vault', { 'Inbox/keep.pdf': PDF });
      const r = await saveIntoFolder(f.handle, noteOf('Inbox', 1), ctxWith({ attachments: { location: 'fixed', folder, embeds: false } }), memoryWrittenStore());
      expect(r).toEqual({ ok: false, fallback: true, message: 'folderImagesFolderBad' });
      expect(Object.keys(f.tree())).toEqual(['Inbox/keep.pdf']);
    }
    for (const folder of ['Attachments', 'a/b', '附件 (图)', '.hidden', 'a.b']) expect(validImagesFolder(folder), folder).toBe(true);
    // Beside the note, the fixed folder's name does not matter.
    expect(imagesFolderProblem({ ...DEFAULT_SETTINGS, attachments: { location: 'beside', folder: '/', embeds: false } })).toBe('');
  });
});

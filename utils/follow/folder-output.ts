/**
 * A batch into the reader's folder (the folder destination): `<album>/<note>.md` with its images in
 * `<album>/assets/NNN/`, and `<album>/index.md` merged with the one already there. Nothing of the
 * reader's is overwritten: a note or image folder whose name is taken gets the next free name, and
 * the note's links follow. Each note written is added to the record of exported articles.
 */
import { safeFileName } from '../markdown/filename';
import type { ImagesResult } from '../deliver/zip';
import { entryAt, entryExists, uniqueName, writeFile } from '../deliver/folder/writer';
import { identityFromNote } from '../page/identity';
import type { BatchDestination } from '../batch/output';
import { indexWithEarlier, mergeIndex, type EarlierItem } from './index-merge';
import type { ExportedRecord } from './record';

export class FolderBatchDestination implements BatchDestination {
  readonly folder: string;

  constructor(
    private readonly root: FileSystemDirectoryHandle,
    title: string,
    private readonly record: ExportedRecord,
    /** The addresses of the batch's articles: their old index entries give way to the new ones. */
    private readonly batchUrls: () => readonly string[],
    /** Written into a new index.md (none there yet), marked as exported before. */
    private readonly earlier: () => readonly EarlierItem[] = () => [],
  ) {
    this.folder = safeFileName(title, 'album');
  }

  private at = (path: string) => `${this.folder}/${path}`;

  async addNote(name: string, markdown: string, files: ImagesResult['files']): Promise<string> {
    let text = markdown;
    // Each note's images are in one folder, assets/NNN, numbered in this batch: taken by an earlier one, the next free.
    const dirs = [...new Set(files.map((f) => f.path.slice(0, f.path.lastIndexOf('/'))))];
    const moved = new Map<string, string>();
    for (const dir of dirs) {
      let free = dir;
      for (let k = 2; await entryExists(this.root, this.at(free)); k++) free = `${dir}-${k}`;
      if (free === dir) continue;
      moved.set(dir, free);
      text = text.split(`](${dir}/`).join(`](${free}/`).split(`src="${dir}/`).join(`src="${free}/`);
    }
    const written = await uniqueName(this.root, name, (n) => [this.at(`${n}.md`)]);
    for (const f of files) {
      const dir = f.path.slice(0, f.path.lastIndexOf('/'));
      const path = moved.has(dir) ? `${moved.get(dir)}${f.path.slice(dir.length)}` : f.path;
      await writeFile(this.root, this.at(path), f.bytes);
    }
    await writeFile(this.root, this.at(`${written}.md`), text);
    await this.record.add([identityFromNote(text) ?? '']).catch(() => undefined);
    return written;
  }

  async finish(indexMarkdown: string): Promise<void> {
    const there = await entryAt(this.root, this.at('index.md'));
    const old = there instanceof Uint8Array ? new TextDecoder().decode(there) : '';
    await writeFile(this.root, this.at('index.md'), old ? mergeIndex(old, indexMarkdown, this.batchUrls()) : indexWithEarlier(indexMarkdown, this.earlier()));
  }
}

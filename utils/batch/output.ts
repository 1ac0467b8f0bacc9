/**
 * Where a batch's notes go. The queue hands each finished note to a destination as soon as it is
 * written (its images leave memory with it) and, at the end, the index. The ZIP is the default
 * destination; a folder or a Joplin notebook is another implementation of BatchDestination.
 */
import { ZipStream, type ImagesResult } from '../deliver/zip';
import { safeFileName } from '../deliver/filename';
import type { BatchState } from './state';
import { escapeLabel } from '../markdown/escape';
import { safeHref } from '../markdown/links';

export interface BatchDestination {
  addNote(name: string, markdown: string, files: ImagesResult['files']): Promise<void>;
  /** Writes index.md and closes the destination. */
  finish(indexMarkdown: string): Promise<void>;
}

/** Bytes gathered in memory before they are moved into a Blob (which the browser may keep on disk). */
const BLOB_STEP = 4 * 1024 * 1024;

/**
 * `<album>/index.md`, `<album>/<note>.md`, `<album>/assets/NNN/MMM.ext`, streamed: the ZIP's bytes
 * are moved into Blobs every few MB, so a 300-article album never has all its images in the JS heap.
 */
export class ZipDestination implements BatchDestination {
  readonly folder: string;
  private readonly parts: Blob[] = [];
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;
  private readonly zip: ZipStream;
  /** The finished ZIP, once finish() is done. */
  blob: Blob | null = null;

  constructor(title: string) {
    this.folder = safeFileName(title, 'album');
    this.zip = new ZipStream((chunk) => {
      this.pending.push(chunk);
      this.pendingBytes += chunk.length;
      if (this.pendingBytes >= BLOB_STEP) this.flush();
    });
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    this.parts.push(new Blob(this.pending as BlobPart[]));
    this.pending = [];
    this.pendingBytes = 0;
  }

  async addNote(name: string, markdown: string, files: ImagesResult['files']): Promise<void> {
    this.zip.addText(`${this.folder}/${name}.md`, markdown);
    for (const f of files) this.zip.addFile(`${this.folder}/${f.path}`, f.bytes);
  }

  async finish(indexMarkdown: string): Promise<void> {
    this.zip.addText(`${this.folder}/index.md`, indexMarkdown);
    await this.zip.end();
    this.flush();
    this.blob = new Blob(this.parts, { type: 'application/zip' });
  }
}

/** A Markdown link destination that survives spaces and parentheses in a file name. */
const linkTo = (file: string) => `<${file.replace(/[<>]/g, (c) => encodeURIComponent(c))}>`;
/** Titles, addresses and reasons come from the album's pages: text, never markup (`<img onerror>`). */
const label = escapeLabel;
/** An address as an autolink when it is a web address; anything else (`javascript:`) as text. */
const address = (url: string) => {
  const href = safeHref(url);
  return href ? `<${href.replace(/[<>\s]/g, encodeURIComponent)}>` : label(url);
};

/** YYYY-MM-DD from the note's ISO date or the listing's unix seconds. */
export function dayOf(date: string): string {
  if (/^\d{4}-\d{2}-\d{2}/.test(date)) return date.slice(0, 10);
  const n = Number(date);
  return Number.isFinite(n) && n > 0 ? new Date((n + 8 * 3600) * 1000).toISOString().slice(0, 10) : '';
}

/** index.md: every article in the batch's order, its date and a link to its note; failures with their reason. */
export function indexMarkdown(state: BatchState): string {
  const lines = [`# ${label(state.title)}`, ''];
  state.items.forEach((item, i) => {
    const day = dayOf(item.date);
    const when = day ? ` — ${day}` : '';
    if (item.status === 'done' && item.name) lines.push(`${i + 1}. [${label(item.title)}](${linkTo(`${item.name}.md`)})${when}`);
    else if (item.status === 'failed') lines.push(`${i + 1}. ${label(item.title || item.url)}${when} — 未导出 / not exported: ${label(item.reason ?? '')} — ${address(item.url)}`);
    else lines.push(`${i + 1}. ${label(item.title || item.url)}${when} — 尚未导出 / not exported yet — ${address(item.url)}`);
  });
  const failedImages = state.items.filter((i) => i.status === 'done' && i.failedImages?.length);
  if (failedImages.length) {
    lines.push('', '## 未保存的图片 / Images not saved', '', '这些图片在笔记中保留为网络链接。 / These images stay remote links in their notes.', '');
    for (const item of failedImages) for (const f of item.failedImages!) lines.push(`- [${label(item.title)}](${linkTo(`${item.name}.md`)}): ${address(f.url)} (${label(f.error)})`);
  }
  return `${lines.join('\n')}\n`;
}

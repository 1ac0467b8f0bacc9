/**
 * Where a batch's notes go. The queue hands each finished note to a destination as soon as it is
 * written (its images leave memory with it) and, at the end, the index. The ZIP is the default
 * destination, the e-book (EPUB) another; a folder or a Joplin notebook is another implementation
 * of BatchDestination.
 */
import { ZipStream, type FetchImages, type ImagesResult } from '../deliver/zip';
import { EpubWriter, newBookId, type Chapter, type ContentsEntry } from '../deliver/epub';
import { base64ToBytes } from '../deliver/encoding';
import { safeFileName } from '../markdown/filename';
import type { BatchState } from './state';
import { escapeLabel } from '../markdown/escape';
import { safeHref } from '../markdown/links';
import { t } from '../ui/i18n';

export interface BatchDestination {
  /** Whether each note should come with its article as an e-book chapter. */
  readonly wantsChapters?: boolean;
  /** Resolves with the name the note got when the destination had to choose another (a folder that has one). */
  addNote(name: string, markdown: string, files: ImagesResult['files'], chapter?: Chapter): Promise<string | void>;
  /** Writes index.md (or the book's contents, from the state) and closes the destination. */
  finish(indexMarkdown: string, state?: BatchState): Promise<void>;
}

/** Bytes gathered in memory before they are moved into a Blob (which the browser may keep on disk). */
const BLOB_STEP = 4 * 1024 * 1024;

/** A streamed file's bytes, moved into Blobs every few MB, so a 300-article album never has all its images in the JS heap. */
class BlobSink {
  private readonly parts: Blob[] = [];
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;

  readonly push = (chunk: Uint8Array): void => {
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    if (this.pendingBytes >= BLOB_STEP) this.flush();
  };

  private flush(): void {
    if (this.pending.length === 0) return;
    this.parts.push(new Blob(this.pending as BlobPart[]));
    this.pending = [];
    this.pendingBytes = 0;
  }

  blob(type: string): Blob {
    this.flush();
    return new Blob(this.parts, { type });
  }
}

/** `<album>/index.md`, `<album>/<note>.md`, `<album>/assets/NNN/MMM.ext`, streamed. */
export class ZipDestination implements BatchDestination {
  readonly folder: string;
  readonly fileName: string;
  private readonly sink = new BlobSink();
  private readonly zip = new ZipStream(this.sink.push);
  /** The finished ZIP, once finish() is done. */
  blob: Blob | null = null;

  constructor(title: string) {
    this.folder = safeFileName(title, 'album');
    this.fileName = `${this.folder}.zip`;
  }

  async addNote(name: string, markdown: string, files: ImagesResult['files']): Promise<void> {
    this.zip.addText(`${this.folder}/${name}.md`, markdown);
    for (const f of files) this.zip.addFile(`${this.folder}/${f.path}`, f.bytes);
  }

  async finish(indexMarkdown: string): Promise<void> {
    this.zip.addText(`${this.folder}/index.md`, indexMarkdown);
    await this.zip.end();
    this.blob = this.sink.blob('application/zip');
  }
}

/**
 * The album as one EPUB: each finished article a chapter (made from the cleaned content, see
 * deliver/epub-chapter.ts) with the images the batch fetched for its note, streamed like the ZIP.
 * The cover is the first article's that can be fetched; the contents list every article of the
 * batch in its order, those not in the book with the reason.
 */
export class EpubDestination implements BatchDestination {
  readonly wantsChapters = true;
  readonly fileName: string;
  private readonly sink = new BlobSink();
  private readonly book: EpubWriter;
  private readonly hrefs = new Map<string, string>();
  private coverTries = 0;
  blob: Blob | null = null;

  constructor(
    private readonly title: string,
    private readonly fetchImages: FetchImages,
    now = new Date(),
  ) {
    this.fileName = `${safeFileName(title, 'album')}.epub`;
    this.book = new EpubWriter({ title, language: 'zh', identifier: newBookId(), modified: now }, this.sink.push);
  }

  private async cover(url: string): Promise<void> {
    // A few tries, not one per article: a cover that keeps failing is not worth a request per chapter.
    if (this.book.hasCover || !url || this.coverTries++ >= 3) return;
    let bytes: Uint8Array | null = null;
    await this.fetchImages([url], (r) => void (r.ok && (bytes = base64ToBytes(r.data))));
    if (bytes) this.book.setCover(bytes);
  }

  async addNote(name: string, _markdown: string, files: ImagesResult['files'], chapter?: Chapter): Promise<void> {
    if (!chapter) return; // a note stored before without its chapter: listed as missing at the end
    await this.cover(chapter.cover);
    this.hrefs.set(name, this.book.addChapter(chapter, files));
  }

  async finish(_indexMarkdown: string, state?: BatchState): Promise<void> {
    const contents: ContentsEntry[] = (state?.items ?? []).map((item) => {
      const title = item.title || item.url;
      const href = item.status === 'done' && item.name ? this.hrefs.get(item.name) : undefined;
      if (href) return { title, href };
      if (item.status === 'failed') return { title, missing: item.reason ?? '', source: item.url };
      return { title, missing: item.status === 'done' ? '已导出为笔记 / exported as a note only' : '尚未导出 / not exported yet', source: item.url };
    });
    await this.book.end(contents);
    this.blob = this.sink.blob('application/epub+zip');
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
    else if (item.status === 'failed') lines.push(`${i + 1}. ${label(item.title || item.url)}${when} — ${t('indexNotExported')}: ${label(item.reason ?? '')} — ${address(item.url)}`);
    else lines.push(`${i + 1}. ${label(item.title || item.url)}${when} — ${t('indexNotYet')} — ${address(item.url)}`);
  });
  const failedImages = state.items.filter((i) => i.status === 'done' && i.failedImages?.length);
  if (failedImages.length) {
    lines.push('', `## ${escapeLabel(t('indexImagesNotSaved'))}`, '', t('indexImagesNotSavedHint'), '');
    for (const item of failedImages) for (const f of item.failedImages!) lines.push(`- [${label(item.title)}](${linkTo(`${item.name}.md`)}): ${address(f.url)} (${label(f.error)})`);
  }
  return `${lines.join('\n')}\n`;
}

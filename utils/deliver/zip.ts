import { Zip, ZipDeflate, ZipPassThrough, strToU8 } from 'fflate';
import type { Article } from '../extract/article';
import { articleMarkdown } from '../markdown/note';
import { imageExtension } from '../page/images';
import { base64ToBytes } from './encoding';
import type { ImageReply } from '../messages/types';
import type { Settings } from '../settings/settings';

export interface ImageFailure {
  url: string;
  error: string;
}

export interface ImagesResult {
  markdown: string;
  /** Files for the ZIP: path inside the article folder → bytes. */
  files: { path: string; bytes: Uint8Array; url: string }[];
  failed: ImageFailure[];
}

export type FetchImages = (urls: string[], onEach: (reply: ImageReply) => void) => Promise<void>;

const pad = (n: number) => String(n).padStart(3, '0');

/**
 * Fetches the article's images and writes the note against them: `assets/NNN.ext` for the ZIP, or
 * data URIs for one self-contained file. An image that fails keeps its remote address and is listed.
 */
export async function resolveImages(
  article: Article,
  settings: Settings,
  mode: 'zip' | 'base64',
  fetchImages: FetchImages,
  onProgress: (done: number, total: number) => void = () => {},
  /** The folder the note's images go in, relative to the note (a batch gives each note its own). */
  assetDir = 'assets',
): Promise<ImagesResult> {
  const urls = article.images;
  const target = new Map<string, string>();
  const files: ImagesResult['files'] = [];
  const failed: ImageFailure[] = [];
  let done = 0;
  onProgress(0, urls.length);
  await fetchImages(urls, (reply) => {
    const url = urls[reply.index];
    if (url === undefined) return;
    if (reply.ok) {
      if (mode === 'zip') {
        const path = `${assetDir}/${pad(reply.index + 1)}.${imageExtension(url, reply.type)}`;
        files.push({ path, bytes: base64ToBytes(reply.data), url });
        target.set(url, path);
      } else {
        target.set(url, `data:${reply.type || 'image/jpeg'};base64,${reply.data}`);
      }
    } else failed.push({ url, error: reply.error });
    onProgress(++done, urls.length);
  });
  // Replies may come back in any order; the note must not depend on that.
  for (const url of urls) if (!target.has(url) && !failed.some((f) => f.url === url)) failed.push({ url, error: 'no reply' });
  files.sort((a, b) => a.path.localeCompare(b.path));
  failed.sort((a, b) => urls.indexOf(a.url) - urls.indexOf(b.url));
  return { markdown: articleMarkdown(article, settings, (u) => target.get(u) ?? u), files, failed };
}

const tick = () => new Promise<void>((r) => setTimeout(r, 0));

/**
 * A ZIP written file by file through fflate; its bytes go to `onChunk` as they are made, so the
 * caller decides whether they pile up (one article) or leave memory (a whole album). Text is
 * deflated; images are stored, not deflated: they are compressed already.
 */
export class ZipStream {
  private readonly zip: Zip;
  private readonly done: Promise<void>;
  private failure: Error | null = null;

  constructor(onChunk: (chunk: Uint8Array) => void) {
    let finished!: () => void;
    let failed!: (e: Error) => void;
    this.done = new Promise<void>((res, rej) => {
      finished = res;
      failed = rej;
    });
    this.zip = new Zip((err, chunk, final) => {
      if (err) {
        this.failure = err;
        return failed(err);
      }
      onChunk(chunk);
      if (final) finished();
    });
  }

  private check(): void {
    if (this.failure) throw this.failure;
  }

  addText(path: string, text: string): void {
    this.check();
    const entry = new ZipDeflate(path, { level: 6 });
    this.zip.add(entry);
    entry.push(strToU8(text), true);
  }

  addFile(path: string, bytes: Uint8Array): void {
    this.check();
    const entry = new ZipPassThrough(path);
    this.zip.add(entry);
    entry.push(bytes, true);
  }

  end(): Promise<void> {
    this.zip.end();
    return this.done;
  }
}

/** Chunks → one array. */
export function concatBytes(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/**
 * `<name>/<name>.md` plus `<name>/assets/NNN.ext`, one file at a time with a pause between files,
 * so a 300-image article does not freeze the page.
 */
export async function buildZip(name: string, markdown: string, files: ImagesResult['files']): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  const zip = new ZipStream((c) => chunks.push(c));
  zip.addText(`${name}/${name}.md`, markdown);
  for (const f of files) {
    await tick();
    zip.addFile(`${name}/${f.path}`, f.bytes);
  }
  await zip.end();
  return concatBytes(chunks);
}

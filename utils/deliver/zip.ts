import { Zip, ZipDeflate, ZipPassThrough, strToU8 } from 'fflate';

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

/** One image, fetched by the background for the ZIP or for inline base64. */
export type ImageReply = { index: number; ok: true; data: string; type: string } | { index: number; ok: false; error: string };

export type FetchImages = (urls: string[], onEach: (reply: ImageReply) => void) => Promise<void>;

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

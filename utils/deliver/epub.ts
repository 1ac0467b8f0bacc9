/**
 * An EPUB 3 written chapter by chapter into the project's streamed ZIP (fflate, zip.ts): each
 * chapter and its images leave for `onChunk` as they are added; what stays is the manifest (a few
 * strings per file). The table of contents, the NCX (for EPUB 2 readers) and the package document
 * are written last, when the book's order and its missing articles are known.
 */
import { strToU8 } from 'fflate';
import { ZipStream } from './zip';
import type { ArticleMeta } from '../page/metadata';

/** An article as a chapter: its front-matter facts (as the notes have them) and its cleaned content as well-formed XHTML. */
export interface Chapter extends Pick<ArticleMeta, 'title' | 'author' | 'account' | 'published' | 'source' | 'cover'> {
  /** Body content, well-formed XHTML without a namespace declaration; images at their remote addresses. */
  body: string;
}

/** An image the batch fetched: where it came from and its bytes. */
export interface BookImage {
  url: string;
  bytes: Uint8Array;
}

/** One line of the book's contents, in album order: a chapter, or an article that is not in the book and why. */
export type ContentsEntry = { title: string; href: string } | { title: string; missing: string; source?: string };

export interface BookInfo {
  title: string;
  /** BCP 47. */
  language: string;
  /** A URN, unique per book. */
  identifier: string;
  /** When the book was made. */
  modified: Date;
}

/** A new book's identifier: a random (version 4) UUID URN. getRandomValues, not randomUUID: that one needs a secure context. */
export function newBookId(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const escapeXml = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
const unescapeXml = (s: string) => s.replace(/&(amp|lt|gt|quot|apos|#39);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'" })[e]!);
/** Characters XML 1.0 forbids (a page's stray control characters would make a chapter unreadable). */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
export const xmlText = (s: string) => escapeXml(s.replace(NOT_XML, ''));

/** EPUB 3.2's core image types, told by their first bytes (the address's wx_fmt is not always right). */
export function imageType(bytes: Uint8Array): { type: string; ext: string } | null {
  const b = (i: number) => bytes[i] ?? -1;
  if (b(0) === 0x89 && b(1) === 0x50 && b(2) === 0x4e && b(3) === 0x47) return { type: 'image/png', ext: 'png' };
  if (b(0) === 0xff && b(1) === 0xd8 && b(2) === 0xff) return { type: 'image/jpeg', ext: 'jpg' };
  if (b(0) === 0x47 && b(1) === 0x49 && b(2) === 0x46) return { type: 'image/gif', ext: 'gif' };
  // WebP is not a core type before EPUB 3.3 (Debian's epubcheck is 4.2): it stays a link, like a failed image.
  return null;
}

const MISSING_IMAGE = '图片未能保存 / Image not saved';
const SOURCE_LINK = '原文 / Source';
const NOT_IN_BOOK = '未收入 / Not in this book';
const CONTENTS = '目录 / Contents';

const XHTML_HEAD = (title: string, css: string, lang: string) =>
  `<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" xml:lang="${lang}" lang="${lang}">\n<head>\n<meta charset="utf-8"/>\n<title>${xmlText(title)}</title>\n<link rel="stylesheet" type="text/css" href="${css}"/>\n</head>\n`;

const STYLE = `body { font-family: serif; line-height: 1.7; margin: 0 5%; }
h1 { font-size: 1.5em; line-height: 1.3; margin: 1em 0 0.3em; }
.facts { color: #666; font-size: 0.9em; margin: 0.2em 0; }
.content img { max-width: 100%; height: auto; }
.content table { border-collapse: collapse; }
.content td, .content th { border: 1px solid #999; padding: 0.2em 0.4em; }
.content blockquote { border-left: 3px solid #ccc; margin-left: 0; padding-left: 1em; color: #444; }
.content pre { white-space: pre-wrap; font-family: monospace; }
.missing-image { display: inline-block; border: 1px dashed #999; color: #666; font-size: 0.85em; padding: 0.2em 0.5em; word-break: break-all; }
.missing { color: #999; }
.cover { text-align: center; }
.cover img { max-width: 100%; max-height: 90vh; }
nav ol { list-style: decimal; }
`;

const day = (iso: string) => (/^\d{4}-\d{2}-\d{2}/.test(iso) ? iso.slice(0, 10) : '');
const IMG = /<img\b((?:\s+[\w:-]+="[^"]*")*)\s*\/>/g;
const ATTR = (name: string) => new RegExp(`\\s${name}="([^"]*)"`);

interface ManifestItem {
  id: string;
  href: string;
  type: string;
  properties?: string;
}

export class EpubWriter {
  private readonly zip: ZipStream;
  private readonly manifest: ManifestItem[] = [];
  private readonly spine: string[] = [];
  private chapters = 0;
  private coverHref = '';
  private account = '';

  constructor(
    private readonly book: BookInfo,
    onChunk: (chunk: Uint8Array) => void,
  ) {
    this.zip = new ZipStream(onChunk);
    // The OCF rules: `mimetype` first, stored, so a reader can tell the file by its first bytes.
    this.zip.addFile('mimetype', strToU8('application/epub+zip'));
    this.zip.addText(
      'META-INF/container.xml',
      '<?xml version="1.0" encoding="utf-8"?>\n<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">\n<rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles>\n</container>\n',
    );
    this.add({ id: 'style', href: 'style.css', type: 'text/css' }, STYLE);
  }

  private add(item: ManifestItem, text: string): void {
    this.manifest.push(item);
    this.zip.addText(`OEBPS/${item.href}`, text);
  }

  get hasCover(): boolean {
    return this.coverHref !== '';
  }

  /** The cover image and a cover page; false (and nothing written) when the bytes are not a core image type. */
  setCover(bytes: Uint8Array): boolean {
    const kind = imageType(bytes);
    if (this.hasCover || !kind) return false;
    this.coverHref = `images/cover.${kind.ext}`;
    this.manifest.push({ id: 'cover-image', href: this.coverHref, type: kind.type, properties: 'cover-image' });
    this.zip.addFile(`OEBPS/${this.coverHref}`, bytes);
    const page = `${XHTML_HEAD(this.book.title, 'style.css', this.book.language)}<body>\n<section epub:type="cover" class="cover">\n<img src="${this.coverHref}" alt="${xmlText(this.book.title)}"/>\n</section>\n</body>\n</html>\n`;
    this.add({ id: 'cover', href: 'cover.xhtml', type: 'application/xhtml+xml' }, page);
    return true;
  }

  /**
   * Writes the chapter and the images it shows that were fetched; an image that was not (or is not
   * a core type) becomes a labelled placeholder with its address, never a remote reference.
   * Returns the chapter's address in the book.
   */
  addChapter(chapter: Chapter, images: readonly BookImage[]): string {
    const n = String(++this.chapters).padStart(3, '0');
    const id = `c${n}`;
    const href = `text/${n}.xhtml`;
    this.account ||= chapter.account;
    const byUrl = new Map(images.map((i) => [i.url, i]));
    const written = new Map<string, string>();
    const body = chapter.body.replace(IMG, (_, attrs: string) => {
      const url = unescapeXml(ATTR('src').exec(attrs)?.[1] ?? '');
      let local = written.get(url);
      const image = byUrl.get(url);
      const kind = image && imageType(image.bytes);
      if (!local && image && kind) {
        local = `images/${n}-${String(written.size + 1).padStart(3, '0')}.${kind.ext}`;
        written.set(url, local);
        this.manifest.push({ id: `i${n}-${written.size}`, href: local, type: kind.type });
        this.zip.addFile(`OEBPS/${local}`, image.bytes);
      }
      if (local) return `<img src="../${local}" alt="${ATTR('alt').exec(attrs)?.[1] ?? ''}"/>`;
      return `<span class="missing-image">[${MISSING_IMAGE}] ${xmlText(url)}</span>`;
    });
    const facts = [chapter.author, chapter.account, day(chapter.published)].filter(Boolean).map(xmlText).join(' · ');
    const page = [
      XHTML_HEAD(chapter.title, '../style.css', this.book.language),
      '<body>\n<section epub:type="chapter">\n<header>\n',
      `<h1>${xmlText(chapter.title)}</h1>\n`,
      facts ? `<p class="facts">${facts}</p>\n` : '',
      chapter.source ? `<p class="facts"><a href="${xmlText(chapter.source)}">${SOURCE_LINK}</a></p>\n` : '',
      '</header>\n<div class="content">\n',
      body.replace(NOT_XML, ''),
      '\n</div>\n</section>\n</body>\n</html>\n',
    ].join('');
    this.add({ id, href, type: 'application/xhtml+xml' }, page);
    this.spine.push(id);
    return href;
  }

  /**
   * The contents (nav.xhtml and toc.ncx) and the package document; then the ZIP's end. An article
   * not in the book links to its line on a last page that says why and where it is online (a
   * contents entry must link somewhere in the book).
   */
  async end(contents: readonly ContentsEntry[]): Promise<void> {
    const { title, language, identifier, modified } = this.book;
    const missing = contents.filter((c): c is Extract<ContentsEntry, { missing: string }> => 'missing' in c);
    if (missing.length) {
      const lines = missing.map((m, i) => `<li id="m${i + 1}">${xmlText(m.title)} — ${xmlText(m.missing)}${m.source ? ` <a href="${xmlText(m.source)}">${SOURCE_LINK}</a>` : ''}</li>`);
      const page = `${XHTML_HEAD(NOT_IN_BOOK, 'style.css', language)}<body>\n<section epub:type="appendix">\n<h1>${NOT_IN_BOOK}</h1>\n<ol>\n${lines.join('\n')}\n</ol>\n</section>\n</body>\n</html>\n`;
      this.add({ id: 'missing', href: 'missing.xhtml', type: 'application/xhtml+xml' }, page);
      this.spine.push('missing');
    }
    let m = 0;
    const points = contents.map((c) => ('href' in c ? c : { title: `${c.title} — ${NOT_IN_BOOK}`, href: `missing.xhtml#m${++m}`, missing: true }));
    const items = points.map((p) => `<li><a href="${xmlText(p.href)}"${'missing' in p ? ' class="missing"' : ''}>${xmlText(p.title)}</a></li>`);
    const nav = `${XHTML_HEAD(title, 'style.css', language)}<body>\n<p class="facts">${xmlText(title)}</p>\n<nav epub:type="toc" id="toc">\n<h1>${CONTENTS}</h1>\n<ol>\n${items.length ? items.join('\n') : `<li><a href="nav.xhtml">${CONTENTS}</a></li>`}\n</ol>\n</nav>\n</body>\n</html>\n`;
    this.add({ id: 'nav', href: 'nav.xhtml', type: 'application/xhtml+xml', properties: 'nav' }, nav);
    // An NCX must have at least one navPoint: an empty book points at its contents page.
    const ncxPoints = points.length ? points : [{ title: CONTENTS, href: 'nav.xhtml' }];
    const ncx = `<?xml version="1.0" encoding="utf-8"?>\n<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1" xml:lang="${language}">\n<head><meta name="dtb:uid" content="${xmlText(identifier)}"/><meta name="dtb:depth" content="1"/><meta name="dtb:totalPageCount" content="0"/><meta name="dtb:maxPageNumber" content="0"/></head>\n<docTitle><text>${xmlText(title)}</text></docTitle>\n<navMap>\n${ncxPoints
      .map((p, i) => `<navPoint id="p${i + 1}" playOrder="${i + 1}"><navLabel><text>${xmlText(p.title)}</text></navLabel><content src="${xmlText(p.href)}"/></navPoint>`)
      .join('\n')}\n</navMap>\n</ncx>\n`;
    this.add({ id: 'ncx', href: 'toc.ncx', type: 'application/x-dtbncx+xml' }, ncx);
    const stamp = modified.toISOString().replace(/\.\d{3}Z$/, 'Z');
    const spine = [...(this.hasCover ? ['cover'] : []), 'nav', ...this.spine];
    const opf = `<?xml version="1.0" encoding="utf-8"?>\n<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="book-id" xml:lang="${language}">\n<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">\n<dc:identifier id="book-id">${xmlText(identifier)}</dc:identifier>\n<dc:title>${xmlText(title)}</dc:title>\n<dc:language>${language}</dc:language>\n${this.account ? `<dc:creator>${xmlText(this.account)}</dc:creator>\n` : ''}<meta property="dcterms:modified">${stamp}</meta>\n${this.hasCover ? '<meta name="cover" content="cover-image"/>\n' : ''}</metadata>\n<manifest>\n${this.manifest
      .map((m) => `<item id="${m.id}" href="${m.href}" media-type="${m.type}"${m.properties ? ` properties="${m.properties}"` : ''}/>`)
      .join('\n')}\n</manifest>\n<spine toc="ncx">\n${spine.map((id) => `<itemref idref="${id}"/>`).join('\n')}\n</spine>\n</package>\n`;
    this.zip.addText('OEBPS/content.opf', opf);
    await this.zip.end();
  }
}

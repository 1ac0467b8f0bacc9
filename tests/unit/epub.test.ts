import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { albumFixture, handmadeHtml, pageHtml, pageUrl, testImage } from '../fixtures';
import { GOLDEN_PAGES, HANDMADE } from '../golden-cases';
import { buildPage } from '../page-builder';
import { EpubWriter, newBookId, type ContentsEntry } from '../../utils/deliver/epub';
import { chapterOf } from '../../utils/deliver/epub-chapter';
import { concatBytes } from '../../utils/deliver/zip';
import { epubcheck } from '../epubcheck';
import { newBatch, type BatchState, type BatchStore, type StoredNote } from '../../utils/batch/state';
import { replayFinished, runQueue, type QueueDeps } from '../../utils/batch/queue';
import { EpubDestination } from '../../utils/batch/output';
import { parsePage } from '../../utils/batch/article';
import { extractArticle } from '../../utils/extract/article';
import { bytesToBase64 } from '../../utils/deliver/encoding';
import type { FetchImages } from '../../utils/deliver/zip';
import { DEFAULT_SETTINGS } from '../../utils/settings/settings';

// The album's three real articles, in album order, with a corpus page with 5 images and promotion between them and
// an article its author deleted (a real page of the corpus) after them.
const album = (mid: string) => ({ url: `https://mp.weixin.qq.com/s?__biz=Mzg4NTc2OTYxMQ==&mid=${mid}&idx=1`, html: albumFixture(`article-${mid}.html.gz`) });
const ARTICLES = [album('2247483846'), { url: pageUrl(pageHtml('20'), '20'), html: pageHtml('20') }, album('2247484420'), album('2247484584'), { url: 'https://mp.weixin.qq.com/s/deleted', html: pageHtml('11') }];

const png = bytesToBase64(new Uint8Array(testImage()));
/** Image hosts: every image is the test PNG, except those `fail` names (HTTP 404). */
const images = (fail: (url: string, index: number, all: readonly string[]) => boolean): FetchImages => async (urls, onEach) => {
  urls.forEach((url, index) => onEach(fail(url, index, urls) ? { index, ok: false, error: 'HTTP 404' } : { index, ok: true, data: png, type: 'image/png' }));
};
/** The second image of an article fails (a cover is asked for alone). */
const secondFails = (_: string, index: number, all: readonly string[]) => all.length > 1 && index === 1;

function memoryStore(): BatchStore & { notes: Map<string, StoredNote> } {
  let state: BatchState | null = null;
  const notes = new Map<string, StoredNote>();
  return {
    notes,
    load: async () => state && structuredClone(state),
    save: async (s) => void (state = structuredClone(s)),
    loadNote: async (id, i) => notes.get(`${id}:${i}`) ?? null,
    saveNote: async (id, i, n) => void notes.set(`${id}:${i}`, structuredClone(n)),
    clearNotes: async () => void notes.clear(),
    clear: async () => void notes.clear(),
  };
}

function deps(store: BatchStore, destination: EpubDestination, fetchImages: FetchImages, control: QueueDeps['control'] = () => 'run'): QueueDeps {
  const pages = new Map(ARTICLES.map((a) => [a.url, a.html]));
  return {
    store,
    settings: DEFAULT_SETTINGS,
    fetchPage: async (url) => ({ ok: true, text: pages.get(url)! }),
    fetchImages,
    destination,
    wait: async () => {},
    pause: () => 0,
    control,
    onChange: () => {},
  };
}

/** The finished book: its files, and epubcheck's verdict on it. */
async function finished(dest: EpubDestination, state: BatchState) {
  await dest.finish('', state);
  // jsdom's Blob has no arrayBuffer(): read it as a page would, with a FileReader.
  const bytes = new Uint8Array(
    await new Promise<ArrayBuffer>((resolve) => {
      const r = new FileReader();
      r.onload = () => resolve(r.result as ArrayBuffer);
      r.readAsArrayBuffer(dest.blob!);
    }),
  );
  const file = join(mkdtempSync(join(tmpdir(), 'wac-epub-')), dest.fileName);
  writeFileSync(file, bytes);
  const files = unzipSync(bytes);
  return { bytes, files, text: (p: string) => strFromU8(files[p]!), check: epubcheck(file) };
}

describe('the album as an e-book (EPUB 3), from the real album corpus', () => {
  it('every finished article a chapter in album order, its images inside, a failed image a placeholder, the deleted article listed; epubcheck: no errors, no warnings', async () => {
    const store = memoryStore();
    const fetchImages = images(secondFails);
    const dest = new EpubDestination('微型小说', fetchImages, new Date('2026-12-07T05:00:00Z'));
    const state = await runQueue(newBatch('微型小说', ARTICLES.map((a, i) => ({ url: a.url, title: `listed ${i}`, date: '' })), 1), deps(store, dest, fetchImages));
    expect(state.items.map((i) => i.status)).toEqual(['done', 'done', 'done', 'done', 'failed']);
    const book = await finished(dest, state);
    expect(book.check.errors).toEqual([]);
    expect(book.check.warnings).toEqual([]);
    const names = Object.keys(book.files);
    // The OCF's first entry, stored: a reader tells the file by its first bytes.
    expect(names[0]).toBe('mimetype');
    expect(strFromU8(book.bytes.subarray(30, 38))).toBe('mimetype');
    expect(strFromU8(book.bytes.subarray(38, 58))).toBe('application/epub+zip');
    const chapters = names.filter((n) => /^OEBPS\/text\/\d+\.xhtml$/.test(n));
    expect(chapters).toHaveLength(4);
    // Contents in album order: chapter titles as the notes have them, the deleted article with its reason.
    const nav = book.text('OEBPS/nav.xhtml');
    const entries = Array.from(nav.matchAll(/<li>(.*?)<\/li>/g), (m) => m[1]!);
    expect(entries).toHaveLength(5);
    expect(entries[0]).toBe('<a href="text/001.xhtml">微型小说《燃烟》</a>');
    expect(entries[3]).toBe('<a href="text/004.xhtml">107 | 微型小说《贴地飞行》</a>');
    expect(entries[4]).toBe('<a href="missing.xhtml#m1" class="missing">listed 4 — 未收入 / Not in this book</a>');
    expect(book.text('OEBPS/missing.xhtml')).toMatch(/<li id="m1">listed 4 — (?:此页面没有可导出的文章|noArticle)[:：]? ?.*该内容已被发布者删除.* <a href="https:\/\/mp\.weixin\.qq\.com\/s\/deleted">/); // Node has no browser.i18n: the message's key
    expect(book.text('OEBPS/toc.ncx').match(/<navPoint /g)).toHaveLength(5);
    // A chapter: its front-matter facts and its text, nothing of WeChat's page around it.
    const first = book.text('OEBPS/text/001.xhtml');
    expect(first).toContain('<h1>微型小说《燃烟》</h1>');
    expect(first).toContain('<p class="facts">陈标 · 你的鸟儿会唱歌 · 2024-02-15</p>');
    expect(first).toContain('<a href="https://mp.weixin.qq.com/s?__biz=Mzg4NTc2OTYxMQ==&amp;mid=2247483846&amp;idx=1&amp;sn=d4a66508af9d575f7b5019a92fee0e71">原文 / Source</a>');
    expect(first).not.toMatch(/<script|style=|data-src|class="rich_media/);
    // The images of page 17 are inside the book, each a manifest item; the one that failed is a labelled placeholder.
    const second = book.text('OEBPS/text/002.xhtml');
    const inside = Array.from(second.matchAll(/<img src="\.\.\/(images\/[^"]+)"/g), (m) => m[1]!);
    expect(inside).toHaveLength(4);
    const opf = book.text('OEBPS/content.opf');
    for (const img of inside) {
      expect(book.files[`OEBPS/${img}`]).toBeDefined();
      expect(opf).toContain(`href="${img}" media-type="image/png"`);
    }
    expect(second).not.toMatch(/src="https?:/);
    expect(second.match(/<span class="missing-image">\[图片未能保存 \/ Image not saved\] https:\/\/mmbiz\.qpic\.cn\//g)).toHaveLength(1);
    // The cover is the first article's cover image (fetched like the others).
    expect(opf).toContain('properties="cover-image"');
    expect(book.files['OEBPS/images/cover.png']).toBeDefined();
    // The chapter's text is the notes' extraction's, promotion left out as there.
    const text = (s: string) => s.replace(/<span class="missing-image">.*?<\/span>|<[^>]+>|\s+/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
    const extracted = (families?: Set<never>) => {
      const r = extractArticle(parsePage(ARTICLES[1]!.html, ARTICLES[1]!.url), ARTICLES[1]!.url, { families });
      return r.ok ? text(r.article.root.textContent!) : '';
    };
    const content = text(/<div class="content">([\s\S]*)<\/div>/.exec(second)![1]!);
    expect(content).toBe(extracted());
    expect(extracted(new Set()).length).toBeGreaterThan(content.length + 20);
  }, 240_000);

  it('a failed image becomes a labelled placeholder, never a remote reference', async () => {
    const fetchImages = images((_, __, all) => all.length > 1);
    const dest = new EpubDestination('微型小说', fetchImages, new Date('2026-12-07T05:00:00Z'));
    const state = await runQueue(newBatch('微型小说', [ARTICLES[1]!].map((a) => ({ url: a.url, title: '', date: '' })), 1), deps(memoryStore(), dest, fetchImages));
    const book = await finished(dest, state);
    expect(book.check.errors).toEqual([]);
    const chapter = book.text('OEBPS/text/001.xhtml');
    expect(chapter.match(/<span class="missing-image">\[图片未能保存 \/ Image not saved\] https:\/\/mmbiz\.qpic\.cn\//g)!.length).toBeGreaterThanOrEqual(5);
    expect(chapter).not.toMatch(/<img /);
    expect(Object.keys(book.files).filter((n) => n.startsWith('OEBPS/images/') && n !== 'OEBPS/images/cover.png')).toEqual([]);
  }, 240_000);

  it('a stopped export keeps what it finished: the EPUB of the finished articles, the rest listed; resumed in a new page, the stored chapters make the same book', async () => {
    const store = memoryStore();
    const fetchImages = images(() => false);
    let asked = 0;
    const dest = new EpubDestination('微型小说', fetchImages, new Date('2026-12-07T05:00:00Z'));
    const state = await runQueue(
      newBatch('微型小说', ARTICLES.map((a, i) => ({ url: a.url, title: `listed ${i}`, date: '' })), 1),
      deps(store, dest, fetchImages, () => (++asked > 2 ? 'cancel' : 'run')),
    );
    expect(state.items.map((i) => i.status)).toEqual(['done', 'done', 'pending', 'pending', 'pending']);
    const stopped = await finished(dest, state);
    expect(stopped.check.errors).toEqual([]);
    expect(Object.keys(stopped.files).filter((n) => n.startsWith('OEBPS/text/'))).toHaveLength(2);
    expect(stopped.text('OEBPS/nav.xhtml')).toContain('<a href="missing.xhtml#m1" class="missing">listed 2 — 未收入 / Not in this book</a>');
    expect(stopped.text('OEBPS/missing.xhtml')).toContain('<li id="m1">listed 2 — 尚未导出 / not exported yet');
    // A new page: a new, empty book, given the finished chapters again from storage.
    const again = new EpubDestination('微型小说', fetchImages, new Date('2026-12-07T05:00:00Z'));
    expect(await replayFinished(state, store, again, fetchImages)).toBe(0);
    const replayed = await finished(again, state);
    expect(replayed.check.errors).toEqual([]);
    for (const n of ['OEBPS/text/001.xhtml', 'OEBPS/text/002.xhtml', 'OEBPS/nav.xhtml']) expect(replayed.text(n)).toBe(stopped.text(n));
  }, 240_000);
});

describe('every corpus page as a chapter', () => {
  it('every article page of the corpus and the hand-made ones (tables, code, formulas) in one book: epubcheck finds no error', async () => {
    const names = [...GOLDEN_PAGES, ...HANDMADE];
    const chunks: Uint8Array[] = [];
    const book = new EpubWriter({ title: '语料 / Corpus', language: 'zh', identifier: newBookId(), modified: new Date('2026-12-07T05:00:00Z') }, (c) => chunks.push(c));
    const contents: ContentsEntry[] = [];
    const png = new Uint8Array(testImage());
    for (const name of names) {
      const html = HANDMADE.includes(name) ? handmadeHtml(name) : pageHtml(name);
      const url = pageUrl(html, name);
      const r = extractArticle(parsePage(html, url), url);
      if (!r.ok) throw new Error(`${name}: ${r.message}`);
      // Every other image inside the book, the rest placeholders.
      const images = r.article.images.filter((_, i) => i % 2 === 0).map((u) => ({ url: u, bytes: png }));
      contents.push({ title: r.article.meta.title, href: book.addChapter(chapterOf(r.article), images) });
    }
    await book.end(contents);
    const file = join(mkdtempSync(join(tmpdir(), 'wac-epub-')), 'corpus.epub');
    writeFileSync(file, concatBytes(chunks));
    const check = epubcheck(file);
    expect(check.errors).toEqual([]);
    expect(Object.keys(unzipSync(concatBytes(chunks))).filter((n) => n.startsWith('OEBPS/text/'))).toHaveLength(names.length);
  }, 400_000);

  it('what the HTML parser allows and XHTML does not is made valid: blocks in paragraphs and inline elements, stray list items, text in a list, bad spans and links, control characters', async () => {
    const content = '<p>一<section>段</section></p><h2>标题<div>块</div></h2><strong><p>粗体段落</p></strong><div><li>散项</li></div><ul>文字<li>项</li></ul><table><tbody><tr><td colspan="0">格</td></tr></tbody></table><p><a href="https://example.com/a b">链接</a>\u0008</p>';
    const html = buildPage({ title: '嵌套', account: '手工样例', author: '测试', content });
    const url = 'https://mp.weixin.qq.com/s/nesting';
    const r = extractArticle(parsePage(html, url), url);
    if (!r.ok) throw new Error(r.message);
    const chapter = chapterOf(r.article);
    expect(chapter.body).toContain('<div><div>散项</div></div><ul><li>文字</li><li>项</li></ul>');
    expect(chapter.body).toContain('<div>标题<div>块</div></div><p>粗体段落</p>');
    expect(chapter.body).toContain('<td>格</td>');
    expect(chapter.body).toContain('<a href="https://example.com/a%20b">链接</a>');
    const chunks: Uint8Array[] = [];
    const book = new EpubWriter({ title: '嵌套', language: 'zh', identifier: newBookId(), modified: new Date() }, (c) => chunks.push(c));
    const href = book.addChapter(chapter, []);
    await book.end([{ title: '嵌套', href }]);
    const file = join(mkdtempSync(join(tmpdir(), 'wac-epub-')), 'nesting.epub');
    writeFileSync(file, concatBytes(chunks));
    expect(epubcheck(file).errors).toEqual([]);
  }, 120_000);
});

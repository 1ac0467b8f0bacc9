/**
 * Issue 26, finding 6: a long batch of big notes. The notes were kept in storage.local (10 MB for
 * the whole extension, the promotion memory included): 40 notes of ~300 kB stopped at 26 with a
 * quota error, resume failed the same way, and the notes stayed after the ZIP was saved.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { unzipSync, strFromU8 } from 'fflate';
import type { Page } from 'playwright-core';
import { launch, type Session } from './harness';
import { articleUrl, fastSettings, htmlFor, serveAlbum, threeArticleAlbum } from './album-server';

let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

const COUNT = 40;
const mids = Array.from({ length: COUNT }, (_, i) => String(2247490000 + i));
const STOP_AT = 30;

/** A real album article (text only) with ~300 kB of its own paragraphs added to its content. */
function bigArticle(mid: string): string {
  const base = htmlFor('2247483846');
  const open = base.indexOf('>', base.indexOf('id="js_content"')) + 1;
  const paragraphs = Array.from({ length: 3000 }, (_, i) => `<p>${mid} 第${i}段 The quick brown fox jumps over the lazy dog, paragraph ${i} of article ${mid}.</p>`).join('');
  return base.slice(0, open) + paragraphs + base.slice(open);
}

const worker = (s: Session) => s.context.serviceWorkers()[0]!;
const localBytes = (s: Session) => worker(s).evaluate(() => chrome.storage.local.getBytesInUse(null));
const localKeys = (s: Session) => worker(s).evaluate(async () => Object.keys(await chrome.storage.local.get(null)));
/** How many notes the batch keeps in the extension's IndexedDB (0 when the database was never made). */
const storedNotes = (page: Page) =>
  page.evaluate(async () => {
    if (!(await indexedDB.databases()).some((d) => d.name === 'wac-batch-notes')) return 0;
    const db = await new Promise<IDBDatabase>((ok, no) => Object.assign(indexedDB.open('wac-batch-notes'), { onsuccess: (e: Event) => ok((e.target as IDBOpenDBRequest).result), onerror: no }));
    const n = await new Promise<number>((ok) => (db.transaction('notes').objectStore('notes').count().onsuccess = (e) => ok((e.target as IDBRequest<number>).result)));
    db.close();
    return n;
  });

async function openBatchPage(s: Session): Promise<Page> {
  const page = await s.context.newPage();
  await page.goto(`chrome-extension://${s.extensionId}/batch.html`);
  return page;
}

describe('a long batch of big notes, in real Chromium', () => {
  it('40 articles of ~300 kB: stopped at 30 it keeps them, resumes in a new page, the ZIP has all 40; storage.local stays small and the notes are gone once saved', async () => {
    session = await launch();
    await fastSettings(session, { batchTimeoutMs: 5000, batchBackoffMs: 100 });
    let verify = true;
    const verifyPage = '<html><body><div class="weui-msg"><p class="weui-msg__desc">当前环境异常，完成验证后即可继续访问。</p><a>去验证</a></div></body></html>';
    serveAlbum(session, threeArticleAlbum(), (mid) => (mid === mids[STOP_AT] && verify ? { body: verifyPage } : undefined), new Map(mids.map((m) => [m, bigArticle(m)])));
    await worker(session).evaluate((urls) => chrome.storage.local.set({ batchRequest: { kind: 'links', title: '长合集', urls } }), mids.map(articleUrl));
    let batch = await openBatchPage(session);
    await expect.poll(() => batch.locator('#setup-info').textContent(), { timeout: 30_000 }).toContain(String(COUNT));
    await batch.getByRole('button', { name: /开始导出|Start export/ }).click();
    await expect.poll(() => batch.locator('#state-note').textContent(), { timeout: 240_000, interval: 1000 }).toMatch(/已停止.*验证|Stopped: .*verification/);
    expect(await batch.locator('#count').textContent()).toBe(`${STOP_AT} / ${COUNT}`);
    // 30 notes of ~300 kB are kept, not in storage.local: it holds the batch's list alone.
    expect(await localBytes(session)).toBeLessThan(100_000);
    expect(await storedNotes(batch)).toBe(STOP_AT);
    await batch.close();

    verify = false;
    batch = await openBatchPage(session);
    await expect.poll(() => batch.locator('#count').textContent()).toBe(`${STOP_AT} / ${COUNT}`);
    const download = batch.waitForEvent('download', { timeout: 240_000 });
    await batch.getByRole('button', { name: /^(继续|Resume)$/ }).click();
    const files = unzipSync(new Uint8Array(readFileSync((await (await download).path())!)));
    const notes = Object.keys(files).filter((f) => /^长合集\/[^/]+\.md$/.test(f) && f !== '长合集/index.md');
    expect(notes).toHaveLength(COUNT);
    // Each note whole: its own 3000 paragraphs, the first and the last of them.
    const texts = notes.map((f) => strFromU8(files[f]!));
    expect(Math.min(...texts.map((t) => t.length))).toBeGreaterThan(250_000);
    for (const mid of mids) expect(texts.filter((t) => t.includes(`${mid} 第0段`) && t.includes(`paragraph 2999 of article ${mid}.`)), mid).toHaveLength(1);
    await expect.poll(() => batch.locator('#state-note').textContent()).toMatch(/完成|Done/);
    // Saved: the notes and the batch are gone from storage; nothing is offered to download again.
    await expect.poll(() => storedNotes(batch)).toBe(0);
    expect((await localKeys(session)).filter((k) => k === 'batch' || k.startsWith('batchNote'))).toEqual([]);
    expect(await localBytes(session)).toBeLessThan(10_000);
    expect(await batch.locator('#download').isHidden()).toBe(true);
    expect(session.served.leaks).toEqual([]);
  }, 600_000);
});

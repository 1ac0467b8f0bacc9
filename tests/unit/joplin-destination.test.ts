// @vitest-environment node
// Node's fetch, FormData and Blob, as the background has them (jsdom's FormData is not one fetch can send).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import { JSDOM } from 'jsdom';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { useJoplin } from '../joplin-server/use-joplin';
import { freePort } from '../joplin-server/server';
import { pageHtml, pageUrl, testImage } from '../fixtures';
import type { Settings } from '../../utils/settings/settings';
import type { DeliverContext, NoteDraft } from '../../utils/deliver/destinations/types';
import type { FetchImages } from '../../utils/deliver/zip';

// The real storage module over WXT's in-memory browser.storage (read when wxt/browser is first
// imported, hence every module of the extension imported after this line).
(globalThis as { chrome?: unknown }).chrome = fakeBrowser;
const { makeDraft } = await import('../../utils/pipeline/export');
const { fetchImagesWith } = await import('../../utils/deliver/image-fetch');
const { DEFAULT_SETTINGS } = await import('../../utils/settings/settings');
const { joplin: destination } = await import('../../utils/deliver/destinations/joplin');
const { saveJoplinAccess } = await import('../../utils/deliver/joplin/access');

const joplin = useJoplin();

// A real corpus page through the real pipeline: 6 images (三星 Galaxy S20, 2020).
const html = pageHtml('18');
const url = pageUrl(html, '18');
const made = makeDraft(new JSDOM(html, { url }).window.document, url, DEFAULT_SETTINGS);
if (!made.ok) throw new Error(made.message);
const draft: NoteDraft = made.draft;
const FAILING = 2;

// Each image's bytes, told apart (a PNG ignores what follows its end chunk), served from this machine
// in place of WeChat's host; image 2 answers 404.
const bytesOf = (i: number) => Buffer.concat([testImage(), Buffer.from(`image ${i}`)]);
let images: Server;
let imageBase = '';
beforeAll(async () => {
  images = createServer((req, res) => {
    const i = Number(/\/img\/(\d+)/.exec(req.url ?? '')?.[1]);
    if (i === FAILING || !Number.isInteger(i)) return res.writeHead(404).end('not found');
    res.writeHead(200, { 'content-type': 'image/png' }).end(bytesOf(i));
  });
  await new Promise<void>((r) => images.listen(0, '127.0.0.1', r));
  imageBase = `http://127.0.0.1:${(images.address() as { port: number }).port}`;
});
afterAll(() => images?.close());

// The background's own fetcher over the draft's own addresses. The network is routed, as the browser
// tests route it: WeChat's image host (unreachable from here) is answered from this machine; every other
// request (Joplin's) goes out as it is.
const nodeFetch = globalThis.fetch;
globalThis.fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
  const address = input instanceof Request ? input.url : String(input);
  const i = draft.images.indexOf(address);
  return i >= 0 && new URL(address).hostname.endsWith('.qpic.cn') ? nodeFetch(`${imageBase}/img/${i}`, init) : nodeFetch(input, init);
}) as typeof fetch;
afterAll(() => void (globalThis.fetch = nodeFetch));
const fetchImages: FetchImages = fetchImagesWith(async () => true);
const progress: string[] = [];
const ctx = (settings: Partial<Settings>): DeliverContext => ({ settings: { ...DEFAULT_SETTINGS, ...settings }, fetchImages, progress: (p) => progress.push(p) });

type Note = { id: string; title: string; body: string; source_url: string; author: string; user_created_time: number };
const notesIn = async (folder: string) =>
  (await joplin().api<{ items: Note[] }>('GET', `/folders/${folder}/notes?fields=id,title,body,source_url,author,user_created_time`)).items;
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

let notebook = '';
beforeEach(async () => {
  fakeBrowser.reset();
  // The reader allowed 127.0.0.1 when turning Joplin on (the browser's prompt is tested in the browser test).
  fakeBrowser.permissions.contains = async () => true;
  const j = joplin();
  await saveJoplinAccess({ port: j.port, token: j.token });
  notebook = (await j.api<{ id: string }>('POST', '/folders', { title: `公众号 ${Date.now()}` })).id;
});

describe('the Joplin destination, against a real Joplin', () => {
  it('sends the note with its images as resources (the same bytes); a failed image keeps its remote link and is listed', async () => {
    expect(draft.images).toHaveLength(6);
    const result = await destination.deliver(draft, ctx({ joplinNotebook: notebook }));
    expect(result.fallback).toBeFalsy();
    expect(result.ok).toBe(false); // one image failed
    expect(result.message).toContain(draft.images[FAILING]!);
    expect(result.message).toContain('HTTP 404');

    const notes = await notesIn(notebook);
    expect(notes).toHaveLength(1);
    const note = notes[0]!;
    expect(note).toMatchObject({ title: draft.title, source_url: draft.source, author: draft.account, user_created_time: Date.parse(draft.published) });
    // The body is the draft without its front matter, every slot filled: `:/<resource id>`, or the
    // remote address for the image that failed.
    const body = draft.markdown.replace(/^---\n[\s\S]*?\n---\n+/, '');
    expect(body.startsWith(`# `)).toBe(true);
    const pattern = escapeRe(body).replace(new RegExp(`${escapeRe(escapeRe(draft.slot))}(\\d+)`, 'g'), (_, n: string) =>
      Number(n) === FAILING ? escapeRe(draft.images[FAILING]!) : ':/([0-9a-f]{32})',
    );
    const m = new RegExp(`^${pattern}$`).exec(note.body);
    expect(m, 'note body').not.toBeNull();
    const ids = m!.slice(1);
    expect(ids).toHaveLength(5);
    const indexes = [0, 1, 3, 4, 5];
    for (const [k, id] of ids.entries()) expect(Buffer.from(await joplin().resourceBytes(id!)).equals(bytesOf(indexes[k]!)), `image ${indexes[k]}`).toBe(true);
    const linked = await joplin().api<{ items: { id: string }[] }>('GET', `/notes/${note.id}/resources`);
    expect(linked.items.map((r) => r.id).sort()).toEqual([...ids].sort());
    expect(progress.some((p) => p.startsWith('joplinUploading'))).toBe(true);
  });

  it('falls back to a download, saying why, when the token is wrong, no notebook is chosen or it is gone; nothing is written', async () => {
    const j = joplin();
    await saveJoplinAccess({ token: 'wrong' });
    expect(await destination.deliver(draft, ctx({ joplinNotebook: notebook }))).toMatchObject({ ok: false, fallback: true, message: 'joplinBadToken' });
    await saveJoplinAccess({ token: '' });
    expect(await destination.deliver(draft, ctx({ joplinNotebook: notebook }))).toMatchObject({ fallback: true, message: 'joplinNoToken' });
    await saveJoplinAccess({ token: j.token });
    expect(await destination.deliver(draft, ctx({ joplinNotebook: '' }))).toMatchObject({ fallback: true, message: 'joplinNoNotebook' });
    expect(await destination.deliver(draft, ctx({ joplinNotebook: '0123456789abcdef0123456789abcdef' }))).toMatchObject({ fallback: true, message: 'joplinNoNotebook' });
    expect(await notesIn(notebook)).toEqual([]);
  });

  it('falls back when Joplin is not running, or was never allowed; nothing is written', async () => {
    const j = joplin();
    const nobody = await freePort();
    // Joplin not on the saved port nor on any of 41184…41194 (nothing runs Joplin there on a test machine).
    await saveJoplinAccess({ port: nobody });
    expect(await destination.deliver(draft, ctx({ joplinNotebook: notebook }))).toMatchObject({ fallback: true, message: 'joplinNotRunning' });
    fakeBrowser.permissions.contains = async () => false;
    await saveJoplinAccess({ port: j.port });
    expect(await destination.deliver(draft, ctx({ joplinNotebook: notebook }))).toMatchObject({ fallback: true, message: 'joplinNoPermission' });
    expect(await notesIn(notebook)).toEqual([]);
  });
});

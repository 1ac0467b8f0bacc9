import { describe, expect, it } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import { albumFixture, pageHtml, pageUrl, PAGE_NAMES, testImage } from '../fixtures';
import { blockReason, BLOCK_SIGNS, fetchPage, pauseMs, redirectReason, VERIFY_PATHS, type FetchPolicy } from '../../utils/batch/fetch-page';
import { newBatch, parseLinkList, uniqueName, timeLeftMs, type BatchState, type BatchStore, type StoredNote } from '../../utils/batch/state';
import { runQueue, replayFinished, type QueueDeps } from '../../utils/batch/queue';
import { indexMarkdown, ZipDestination } from '../../utils/batch/output';
import { bytesToBase64 } from '../../utils/deliver/encoding';
import type { FetchImages } from '../../utils/deliver/zip';
import { DEFAULT_SETTINGS } from '../../utils/settings/settings';

// Two of the album's articles (text only) and, between them, a corpus page with 6 images.
const ARTICLES = [
  { url: 'https://mp.weixin.qq.com/s?__biz=Mzg4NTc2OTYxMQ==&mid=2247483846&idx=1', html: albumFixture('article-2247483846.html.gz') },
  { url: pageUrl(pageHtml('17'), '17'), html: pageHtml('17') },
  { url: 'https://mp.weixin.qq.com/s?__biz=Mzg4NTc2OTYxMQ==&mid=2247484584&idx=1', html: albumFixture('article-2247484584.html.gz') },
];

class MemoryStore implements BatchStore {
  state: BatchState | null = null;
  notes = new Map<string, StoredNote>();
  saves = 0;
  async load() {
    return this.state && structuredClone(this.state);
  }
  async save(s: BatchState) {
    this.saves++;
    this.state = structuredClone(s);
  }
  async loadNote(id: string, i: number) {
    return this.notes.get(`${id}:${i}`) ?? null;
  }
  async saveNote(id: string, i: number, n: StoredNote) {
    this.notes.set(`${id}:${i}`, n);
  }
  async clearNotes() {
    this.notes.clear();
  }
  async clear() {
    this.state = null;
    this.notes.clear();
  }
}

/** The network: pages by address, each answer chosen by a function of how often it was asked. */
type Answer = { status?: number; body?: string; hang?: boolean };
function network(answers: Map<string, (n: number) => Answer>) {
  const asked: string[] = [];
  const fetchFn = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    asked.push(url);
    const a = answers.get(url)?.(asked.filter((u) => u === url).length) ?? { status: 404, body: 'no' };
    if (a.hang)
      return new Promise((_, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    return new Response(a.body ?? '', { status: a.status ?? 200, headers: { 'content-type': 'text/html' } });
  }) as typeof fetch;
  return { asked, fetchFn };
}

const image = bytesToBase64(new Uint8Array(testImage()));
/** Image hosts: every image is the test PNG, except those `fail` names. */
const images = (fail: (url: string) => boolean = () => false): FetchImages => async (urls, onEach) => {
  urls.forEach((url, index) => onEach(fail(url) ? { index, ok: false, error: 'HTTP 404' } : { index, ok: true, data: image, type: 'image/png' }));
};

const POLICY: FetchPolicy = { retries: 2, backoffMs: 100, timeoutMs: 50 };

function deps(store: MemoryStore, net: ReturnType<typeof network>, over: Partial<QueueDeps> = {}) {
  const waits: number[] = [];
  const destination = new ZipDestination('微型小说');
  const d: QueueDeps = {
    store,
    settings: DEFAULT_SETTINGS,
    fetchPage: (url) => fetchPage(url, POLICY, async (ms) => void waits.push(ms), net.fetchFn),
    fetchImages: images(),
    destination,
    wait: async (ms) => void waits.push(ms),
    pause: () => 0,
    control: () => 'run',
    onChange: () => {},
    ...over,
  };
  return { d, waits, destination };
}

async function zipFiles(dest: ZipDestination, state: BatchState) {
  await dest.finish(indexMarkdown(state));
  // jsdom's Blob has no arrayBuffer(): read it as a page would, with a FileReader.
  const buffer = await new Promise<ArrayBuffer>((resolve) => {
    const r = new FileReader();
    r.onload = () => resolve(r.result as ArrayBuffer);
    r.readAsArrayBuffer(dest.blob!);
  });
  const bytes = new Uint8Array(buffer);
  return unzipSync(bytes);
}

const albumBatch = () => newBatch('微型小说', ARTICLES.map((a, i) => ({ url: a.url, title: `listed ${i}`, date: '1708008138' })), 1);
const ok = (html: string) => () => ({ body: html });

describe('the batch queue on the album\'s real articles', () => {
  it('three articles: every note, its images and index.md in one ZIP', async () => {
    const store = new MemoryStore();
    const net = network(new Map(ARTICLES.map((a) => [a.url, ok(a.html)])));
    const { d, destination } = deps(store, net);
    const state = await runQueue(albumBatch(), d);
    expect(state.status).toBe('done');
    expect(state.items.map((i) => i.status)).toEqual(['done', 'done', 'done']);
    expect(state.items.map((i) => i.title)).toEqual(['微型小说《燃烟》', expect.not.stringMatching(/^listed/), '107 | 微型小说《贴地飞行》']);
    const files = await zipFiles(destination, state);
    const names = Object.keys(files);
    expect(names).toContain('微型小说/index.md');
    for (const item of state.items) expect(names).toContain(`微型小说/${item.name}.md`);
    const novel = strFromU8(files[`微型小说/${state.items[0]!.name}.md`]!);
    expect(novel).toMatch(/^---\ntitle: /);
    expect(novel).toContain('# 微型小说《燃烟》');
    // Each note's images in its own folder, linked from the note.
    const note = strFromU8(files[`微型小说/${state.items[1]!.name}.md`]!);
    const imgs = names.filter((n) => n.startsWith('微型小说/assets/002/'));
    expect(imgs).toHaveLength(6);
    for (const img of imgs) expect(note).toContain(`](${img.slice('微型小说/'.length)})`);
    expect(note).not.toContain('](https://mmbiz');
    const index = strFromU8(files['微型小说/index.md']!);
    expect(index).toMatch(/^# 微型小说\n\n1\. \[微型小说《燃烟》\]\(<微型小说《燃烟》\.md>\) — 2024-02-1\d\n2\. /);
    expect(index.split('\n').filter((l) => /^\d+\. /.test(l))).toHaveLength(3);
    // The single export's pipeline: the same front matter and body as exportMarkdown would give.
    expect(store.notes.size).toBe(3);
  });

  it('storage full at the second note: the batch stops saying so, keeps the first, and resumes once there is room (#26.6)', async () => {
    const store = new MemoryStore();
    let full = true;
    const save = store.saveNote.bind(store);
    store.saveNote = async (id, i, n) => {
      if (i === 1 && full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return save(id, i, n);
    };
    const net = network(new Map(ARTICLES.map((a) => [a.url, ok(a.html)])));
    const { d } = deps(store, net, { writeFailed: (e) => `no space: ${(e as Error).name}` });
    let state = await runQueue(albumBatch(), d);
    expect(state.status).toBe('stopped');
    expect(state.stopReason).toBe('no space: QuotaExceededError');
    expect(state.items.map((i) => i.status)).toEqual(['done', 'pending', 'pending']);
    expect(store.state).toEqual(state);
    expect([...store.notes.keys()]).toEqual([`${state.id}:0`]);
    full = false;
    state = await runQueue((await store.load())!, deps(store, net).d);
    expect(state.status).toBe('done');
    expect(store.notes.size).toBe(3);
  });

  it('a verification page midway stops the batch, keeps what is done, and resuming (in a new page) finishes the rest', async () => {
    const store = new MemoryStore();
    const verify = '<html><body><p class="weui-msg__desc">当前环境异常，完成验证后即可继续访问。</p><a>去验证</a></body></html>';
    let blocking = true;
    const net = network(new Map(ARTICLES.map((a, i) => [a.url, () => (i === 2 && blocking ? { body: verify } : { body: a.html })])));
    const first = deps(store, net);
    const stopped = await runQueue(albumBatch(), first.d);
    expect(stopped.status).toBe('stopped');
    expect(stopped.stopReason).toMatch(/验证|verification/);
    expect(stopped.items.map((i) => i.status)).toEqual(['done', 'done', 'pending']);
    expect(store.state!.items.map((i) => i.status)).toEqual(['done', 'done', 'pending']);
    // Asked once, not retried: a verification page is no network error.
    expect(net.asked.filter((u) => u === ARTICLES[2]!.url)).toHaveLength(1);

    blocking = false;
    const resumed = (await store.load())!;
    const second = deps(store, net);
    await replayFinished(resumed, store, second.destination, second.d.fetchImages);
    const done = await runQueue(resumed, second.d);
    expect(done.status).toBe('done');
    const files = await zipFiles(second.destination, done);
    for (const item of done.items) expect(Object.keys(files)).toContain(`微型小说/${item.name}.md`);
    // The images of the article finished before the stop are in the new ZIP too.
    expect(Object.keys(files).filter((n) => n.startsWith('微型小说/assets/002/'))).toHaveLength(6);
    // The finished articles were not fetched again.
    expect(net.asked.filter((u) => u === ARTICLES[0]!.url)).toHaveLength(1);
    expect(net.asked.filter((u) => u === ARTICLES[1]!.url)).toHaveLength(1);
  });

  it('HTTP 500s are retried with back-off; a page that keeps failing is listed with its reason, and the batch goes on', async () => {
    const store = new MemoryStore();
    const net = network(
      new Map<string, (n: number) => Answer>([
        [ARTICLES[0]!.url, (n: number) => (n <= 2 ? { status: 500, body: 'oops' } : { body: ARTICLES[0]!.html })],
        [ARTICLES[1]!.url, () => ({ status: 503 })],
        [ARTICLES[2]!.url, ok(ARTICLES[2]!.html)],
      ]),
    );
    const { d, waits, destination } = deps(store, net);
    const state = await runQueue(albumBatch(), d);
    expect(state.items.map((i) => i.status)).toEqual(['done', 'failed', 'done']);
    expect(state.items[1]!.reason).toBe('HTTP 503 (3 attempts)');
    expect(waits.filter((w) => w > 0)).toEqual([100, 200, 100, 200]);
    const index = strFromU8((await zipFiles(destination, state))['微型小说/index.md']!);
    expect(index).toContain(`2. listed 1 — 2024-02-15 — indexNotExported: HTTP 503 (3 attempts) — <${ARTICLES[1]!.url}>`);
  });

  it('a request that hangs times out, is retried, and fails alone', async () => {
    const store = new MemoryStore();
    const net = network(new Map<string, (n: number) => Answer>([[ARTICLES[0]!.url, () => ({ hang: true })], [ARTICLES[1]!.url, ok(ARTICLES[1]!.html)], [ARTICLES[2]!.url, ok(ARTICLES[2]!.html)]]));
    const { d } = deps(store, net);
    const state = await runQueue(albumBatch(), d);
    expect(state.items.map((i) => i.status)).toEqual(['failed', 'done', 'done']);
    expect(state.items[0]!.reason).toMatch(/^timed out .*\(3 attempts\)$/);
  });

  it('a deleted article and failed images are reported, not lost', async () => {
    const store = new MemoryStore();
    const deleted = pageHtml('11');
    const net = network(new Map([[ARTICLES[0]!.url, ok(deleted)], [ARTICLES[1]!.url, ok(ARTICLES[1]!.html)], [ARTICLES[2]!.url, ok(ARTICLES[2]!.html)]]));
    let failedOne = '';
    const { d, destination } = deps(store, net, {
      fetchImages: images((u) => (failedOne ? u === failedOne : ((failedOne = u), true))),
    });
    const state = await runQueue(albumBatch(), d);
    expect(state.items[0]).toMatchObject({ status: 'failed', reason: expect.stringContaining('该内容已被发布者删除') });
    const files = await zipFiles(destination, state);
    const index = strFromU8(files['微型小说/index.md']!);
    expect(index).toContain('## indexImagesNotSaved'); // the key: no browser i18n in Node
    expect(index).toContain(`<${failedOne}> (HTTP 404)`);
    const withFailed = state.items.find((i) => i.failedImages?.length)!;
    expect(strFromU8(files[`微型小说/${withFailed.name}.md`]!)).toContain(`](${failedOne})`);
  });

  it('pause and cancel are honoured between articles; a paused batch resumes', async () => {
    const store = new MemoryStore();
    const net = network(new Map(ARTICLES.map((a) => [a.url, ok(a.html)])));
    let calls = 0;
    const { d } = deps(store, net, { control: () => (++calls === 2 ? 'pause' : 'run') });
    const paused = await runQueue(albumBatch(), d);
    expect(paused.status).toBe('paused');
    expect(paused.items.map((i) => i.status)).toEqual(['done', 'pending', 'pending']);
    const cancelled = await runQueue(paused, { ...d, control: () => 'cancel' });
    expect(cancelled.status).toBe('cancelled');
    const done = await runQueue(cancelled, { ...d, control: () => 'run' });
    expect(done.status).toBe('done');
  });

  it('the same title twice gets two notes', async () => {
    const store = new MemoryStore();
    const urls = ['a', 'b'].map((x) => `https://mp.weixin.qq.com/s/${x}`);
    const net = network(new Map(urls.map((u) => [u, ok(ARTICLES[0]!.html)])));
    const { d } = deps(store, net);
    const state = await runQueue(newBatch('t', urls.map((url) => ({ url, title: '', date: '' }))), d);
    expect(state.items.map((i) => i.name)).toEqual(['微型小说《燃烟》', '微型小说《燃烟》 (2)']);
  });
});

describe('block signs, pauses, names, link lists', () => {
  it('each sign reads its example; no corpus page reads as a block', () => {
    for (const s of BLOCK_SIGNS) expect(blockReason(s.example)).toBe(s.reason);
    for (const name of PAGE_NAMES) expect(blockReason(pageHtml(name)), name).toBeNull();
    for (const a of ARTICLES) expect(blockReason(a.html)).toBeNull();
    expect(blockReason(albumFixture('album-2026-03-09.html.gz'))).toBeNull();
  });
  it('a redirect to a verification path (each row its example) or another host is WeChat turning us away; one within its pages is not', () => {
    const article = 'https://mp.weixin.qq.com/s?__biz=x&mid=1&idx=1';
    for (const p of VERIFY_PATHS) expect(redirectReason(article, p.example), p.example).toMatch(/verification/);
    expect(redirectReason(article, 'https://weixin110.qq.com/security/readtemplate?t=x')).toMatch(/weixin110\.qq\.com/);
    expect(redirectReason(article, 'https://mp.weixin.qq.com/s/abcdef')).toBeNull();
  });
  it('the pause is jittered within its range; 0 stays 0', () => {
    expect(pauseMs(1000, 3000, () => 0)).toBe(1000);
    expect(pauseMs(1000, 3000, () => 0.999999)).toBe(3000);
    expect(pauseMs(1000, 3000, () => 0.5)).toBe(2000);
    expect(pauseMs(0, 0)).toBe(0);
    expect(pauseMs(3000, 1000, () => 0)).toBe(1000);
  });
  it('unique names, "index" kept for the index', () => {
    expect(uniqueName('a', [])).toBe('a');
    expect(uniqueName('A', ['a', 'a (2)'])).toBe('A (3)');
    expect(uniqueName('index', [])).toBe('index (2)');
  });
  it('a pasted list: article links kept canonical and once, the rest named', () => {
    const { urls, rejected } = parseLinkList(
      `http://mp.weixin.qq.com/s?__biz=Mzg4NTc2OTYxMQ==&amp;mid=2247484584&amp;idx=1&amp;sn=6d87&amp;chksm=cf#rd\n\n  https://mp.weixin.qq.com/s/AbC-12  \nhttps://mp.weixin.qq.com/s/AbC-12\nhttps://example.com/s/x\nnot a link`,
    );
    expect(urls).toEqual(['https://mp.weixin.qq.com/s?__biz=Mzg4NTc2OTYxMQ==&mid=2247484584&idx=1&sn=6d87', 'https://mp.weixin.qq.com/s/AbC-12']);
    expect(rejected).toEqual(['https://example.com/s/x', 'not a link']);
  });
  it('time left from the pace so far', () => {
    const s = newBatch('t', [1, 2, 3, 4].map((n) => ({ url: `u${n}`, title: '', date: '' })));
    expect(timeLeftMs(s, 2000)).toBeNull();
    s.items[0]!.status = 'done';
    s.spentMs = 500;
    expect(timeLeftMs(s, 2000)).toBe(3 * 2500);
  });
});

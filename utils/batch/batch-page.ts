/**
 * The batch page (entrypoints/batch): where a batch is set up, runs and is watched. The work runs
 * here, never in the reader's tab: articles are fetched with the extension's host permission and
 * read with DOMParser.
 */
import { browser } from 'wxt/browser';
import { localizePage, t } from '../ui/i18n';
import { isQuotaError, loadSettings } from '../settings/store';
import { fellBackNotice } from '../markdown/note';
import { compileNoteTemplates } from '../markdown/templates/note-templates';
import { fetchImagesHere } from '../deliver/image-fetch';
import { DEFAULT_FETCH_POLICY, fetchPage, pauseMs, sleep } from './fetch-page';
import { listAlbum, ListingError, selectRange, type AlbumItem } from './listing';
import { counts, newBatch, timeLeftMs, type BatchState } from './state';
import { runQueue, replayFinished } from './queue';
import { FolderBatchDestination } from '../follow/folder-output';
import { batchDestination, finishBatch, splitNew, type BatchOut } from '../follow/batch-hooks';
import { BATCH_PING, beat, localBatchStore as store, takeRequest, type BatchPing, type BatchRequest } from './store';
import type { Settings } from '../settings/settings';

const minutes = (ms: number) => (ms < 60_000 ? t('albumSeconds', Math.max(1, Math.round(ms / 1000))) : t('albumMinutes', Math.round(ms / 60_000)));

export async function startBatchPage(doc: Document): Promise<void> {
  localizePage(doc);
  const $ = <T extends HTMLElement = HTMLElement>(id: string) => doc.getElementById(id) as T;
  const settings: Settings = await loadSettings();
  let state: BatchState | null = await store.load();
  let destination: BatchOut | null = null;
  let control: 'run' | 'pause' | 'cancel' = 'run';
  let running = false;
  /** The finished batch's ZIP is saved and its notes are gone from storage: nothing left to download again. */
  let saved = false;
  let current = '';
  /** The pause before each request to WeChat: articles and the album's listing pages alike. */
  const articlePause = () => pauseMs(settings.batchPauseMinMs, settings.batchPauseMaxMs);
  const policy = { ...DEFAULT_FETCH_POLICY, timeoutMs: settings.batchTimeoutMs, backoffMs: settings.batchBackoffMs };

  /** A failed write in the reader's words: for want of space, said so. */
  const writeFailed = (e: unknown) => (isQuotaError(e) ? t('albumNoSpace', (e as Error).message) : `${t('errExport')}: ${(e as Error).message}`);

  const message = (text: string, kind: 'info' | 'error' = 'info') => {
    $('message').textContent = text;
    $('message').className = kind;
  };

  function render(): void {
    $('setup').hidden = true;
    const runBox = $('run');
    if (!state) {
      runBox.hidden = true;
      if (!$('setup').dataset.active) message(t('albumNothing'));
      return;
    }
    runBox.hidden = false;
    $('batch-title').textContent = state.title;
    const c = counts(state);
    const bar = $<HTMLProgressElement>('bar');
    bar.max = c.total || 1;
    bar.value = c.done + c.failed;
    $('count').textContent = t('albumCount', c.done + c.failed, c.total);
    $('current').textContent = running && current ? t('albumCurrent', current) : '';
    const left = running ? timeLeftMs(state, (settings.batchPauseMinMs + settings.batchPauseMaxMs) / 2) : null;
    $('eta').textContent = left !== null && c.pending > 0 ? t('albumEta', minutes(left)) : '';
    const status = running ? 'running' : state.status === 'running' ? 'interrupted' : state.status;
    doc.body.dataset.status = status;
    $('pause').hidden = !running;
    $('cancel').hidden = !running;
    $('resume').hidden = running || c.pending === 0 || status === 'done' || saved;
    $('download').hidden = running || c.done === 0 || saved;
    const epub = state.output === 'epub';
    // Once the batch is done its file was saved: the button gives it again, it is no "part" any more.
    $('download').textContent = t(epub ? 'albumDownloadDoneEpub' : status === 'done' ? 'albumDownloadAgain' : 'albumDownloadDone');
    const note: Record<string, string> = {
      stopped: t('albumStopped', state.stopReason ?? ''),
      paused: t('albumPaused'),
      cancelled: t('albumCancelled', c.done),
      interrupted: t('albumInterrupted', c.done + c.failed, c.total),
      done: t(epub ? 'albumDoneEpub' : 'albumDone', c.done, c.failed),
    };
    $('state-note').textContent = note[status] ?? '';
    $('state-note').className = status === 'stopped' ? 'error' : '';
    const list = $('failures');
    list.replaceChildren();
    state.items.forEach((item) => {
      if (item.status !== 'failed') return;
      const li = doc.createElement('li');
      const a = doc.createElement('a');
      a.href = item.url;
      a.textContent = item.title || item.url;
      a.target = '_blank';
      const retry = doc.createElement('button');
      retry.type = 'button';
      retry.textContent = t('albumRetry');
      retry.setAttribute('aria-label', `${t('albumRetry')}: ${item.title || item.url}`);
      retry.addEventListener('click', () => {
        item.status = 'pending';
        item.reason = undefined;
        void store.save(state!).then(() => (running ? render() : run()));
      });
      // A page with no article (deleted, blocked, expired) stays so: nothing to retry.
      const gone = item.reason?.startsWith(t('noArticle')) ?? false;
      li.append(a, ` — ${item.reason ?? ''} `, ...(gone ? [] : [retry]));
      list.appendChild(li);
    });
    $('failures-box').hidden = list.children.length === 0;
  }

  async function deliver(): Promise<void> {
    if (!state || !destination) return;
    await finishBatch(destination, state, doc);
    // That file is closed: a later run or download starts a new one from what is stored.
    destination = null;
    // Every article in it: the notes have nowhere else to go, and would hold the reader's storage.
    // With failures they stay (a retry rebuilds the ZIP from them) until the next batch replaces them.
    const c = counts(state);
    if (c.pending === 0 && c.failed === 0) {
      await store.clear(state);
      saved = true;
    }
  }

  async function ensureDestination(): Promise<BatchOut> {
    if (!destination) {
      const chosen = await batchDestination(settings, () => state!, fetchImagesHere);
      if (chosen.folderDenied) message(t('followFolderDenied', chosen.folderDenied), 'error');
      destination = chosen.out;
      // A folder already holds the notes finished before; a new ZIP or book is given them again.
      if (!(destination instanceof FolderBatchDestination)) await replayFinished(state!, store, destination, fetchImagesHere);
    }
    return destination;
  }

  async function run(): Promise<void> {
    if (running || !state) return;
    running = true;
    control = 'run';
    render();
    const heartbeat = setInterval(() => void beat(), 5000);
    void beat();
    try {
      const dest = await ensureDestination();
      state = await runQueue(state, {
        store,
        settings,
        fetchPage: (url) => fetchPage(url, policy),
        fetchImages: fetchImagesHere,
        destination: dest,
        wait: sleep,
        pause: articlePause,
        writeFailed,
        control: () => control,
        onChange: (s, title) => {
          state = s;
          current = title ?? current;
          render();
        },
      });
      running = false;
      if (state.status === 'done') await deliver();
    } catch (e) {
      // Storage full, a ZIP error: say so; what is stored stays stored.
      message(writeFailed(e), 'error');
    } finally {
      running = false;
      clearInterval(heartbeat);
      render();
    }
  }

  async function prepare(req: BatchRequest): Promise<void> {
    const setup = $('setup');
    setup.dataset.active = '1';
    $('run').hidden = true;
    let title: string;
    let items: AlbumItem[];
    let earlier: BatchState['earlier'];
    if (req.kind === 'album') {
      title = req.album.title;
      message(t('albumListing', 0));
      try {
        items = await listAlbum(
          req.album,
          async (url) => {
            const r = await fetchPage(url, policy);
            if (!r.ok) throw new ListingError(r.reason);
            return r.text;
          },
          req.first,
          (n) => message(t('albumListing', n)),
          { wait: sleep, pause: articlePause },
        );
      } catch (e) {
        // Rendered first: with no batch, render() says there is none, over the reason.
        delete setup.dataset.active;
        render();
        message(t('albumListFailed', (e as Error).message), 'error');
        return;
      }
      if (req.onlyNew) {
        ({ fresh: items, earlier } = await splitNew(items, settings));
        if (items.length === 0) {
          delete setup.dataset.active;
          render();
          message(t('followNothingNew', title));
          return;
        }
      }
    } else {
      title = req.title;
      items = req.urls.map((url, i) => ({ msgid: String(req.urls.length - i), itemidx: '1', title: url, url, createTime: '' })).reverse();
    }
    // A broken stored template: every note of the batch uses the default instead; say so before it starts.
    message(fellBackNotice(compileNoteTemplates(settings).fellBack), 'error');
    setup.hidden = false;
    $('setup-info').textContent = t('albumSetupInfo', title, items.length);
    // The range is picked by title: "n. title", n counted from the oldest as selectRange counts.
    const from = $<HTMLSelectElement>('from');
    const to = $<HTMLSelectElement>('to');
    const oldestFirst = [...items].reverse();
    for (const select of [from, to]) {
      select.replaceChildren(
        ...oldestFirst.map((item, i) => {
          const o = doc.createElement('option');
          o.value = String(i + 1);
          o.textContent = `${i + 1}. ${item.title || item.url}`;
          return o;
        }),
      );
    }
    from.value = '1';
    to.value = String(items.length);
    $('range').hidden = req.kind !== 'album';
    const c = state ? counts(state) : null;
    $('replaces').textContent = state && c && c.pending > 0 ? t('albumReplaces', state.title, c.done, c.total) : '';
    const begin = async (output: 'zip' | 'epub') => {
      const order = $<HTMLSelectElement>('order').value === 'newest-first' ? 'newest-first' : 'oldest-first';
      const chosen = selectRange(items, { from: Number(from.value) || 1, to: Number(to.value) || items.length, order: req.kind === 'album' ? order : 'oldest-first' });
      if (chosen.length === 0) return message(t('albumEmptyRange'), 'error');
      if (state) await store.clear(state);
      state = { ...newBatch(title, chosen.map((i) => ({ url: i.url, title: i.title, date: i.createTime }))), output };
      if (earlier) state.earlier = earlier;
      saved = false;
      destination = null;
      delete setup.dataset.active;
      void run();
    };
    $('start').onclick = () => begin('zip');
    $('start-epub').onclick = () => begin('epub');
  }

  $('pause').addEventListener('click', () => (control = 'pause'));
  $('cancel').addEventListener('click', () => (control = 'cancel'));
  $('resume').addEventListener('click', () => void run());
  $('download').addEventListener('click', async () => {
    if (!state) return;
    await ensureDestination();
    await deliver();
  });

  browser.runtime.onMessage.addListener((raw: unknown) => {
    const msg = raw as BatchPing;
    if (msg?.type !== BATCH_PING) return undefined;
    if (msg.newRequest && running) message(t('albumBusy'));
    else if (msg.newRequest) void takeRequest().then((r) => r && prepare(r));
    return browser.tabs.getCurrent().then((tab) => ({ tabId: tab?.id, windowId: tab?.windowId }));
  });

  const request = await takeRequest();
  if (request) await prepare(request);
  else render();
}

/**
 * The batch queue: one article at a time, a jittered pause between requests, and a stop (keeping
 * everything finished) when WeChat answers with a verification page or 操作频繁. The state is
 * saved after every article, so the batch resumes where it stopped.
 */
import { exportFetchedArticle } from './article';
import { uniqueName, type BatchState, type BatchStore } from './state';
import type { BatchDestination } from './output';
import type { FetchOutcome, Sleep } from './fetch-page';
import type { FetchImages } from '../deliver/zip';
import { base64ToBytes } from '../deliver/encoding';
import type { Settings } from '../settings/settings';

export interface QueueDeps {
  store: BatchStore;
  settings: Settings;
  fetchPage(url: string): Promise<FetchOutcome>;
  fetchImages: FetchImages;
  destination: BatchDestination;
  wait: Sleep;
  /** The pause before the next article, in ms. */
  pause(): number;
  /** Asked between articles. */
  control(): 'run' | 'pause' | 'cancel';
  /** After every change; `current` is the article being fetched. */
  onChange(state: BatchState, current?: string): void;
  now?: () => number;
  /** Why a note could not be kept (storage full, …), in the reader's words; the error's message when absent. */
  writeFailed?: (e: unknown) => string;
}

const pad = (n: number) => String(n).padStart(3, '0');

/** Runs the batch's pending articles in order. Resolves with the state it leaves (done, paused, stopped, cancelled). */
export async function runQueue(state: BatchState, deps: QueueDeps): Promise<BatchState> {
  const now = deps.now ?? Date.now;
  state.status = 'running';
  state.stopReason = undefined;
  await deps.store.save(state);
  deps.onChange(state);
  let first = true;
  for (let index = 0; index < state.items.length; index++) {
    const item = state.items[index]!;
    if (item.status !== 'pending') continue;
    if (!first) await deps.wait(deps.pause());
    first = false;
    const control = deps.control();
    if (control !== 'run') {
      state.status = control === 'pause' ? 'paused' : 'cancelled';
      await deps.store.save(state);
      deps.onChange(state);
      return state;
    }
    deps.onChange(state, item.title || item.url);
    const started = now();
    const page = await deps.fetchPage(item.url);
    if (!page.ok && page.blocked) {
      // The article stays pending: it is the first one a resumed batch asks for.
      state.status = 'stopped';
      state.stopReason = page.reason;
      await deps.store.save(state);
      deps.onChange(state);
      return state;
    }
    if (!page.ok) {
      item.status = 'failed';
      item.reason = page.reason;
    } else {
      const out = await exportFetchedArticle(page.text, item.url, deps.settings, deps.fetchImages, `assets/${pad(index + 1)}`, !!deps.destination.wantsChapters);
      if (!out.ok) {
        item.status = 'failed';
        item.reason = out.reason;
      } else {
        let name = uniqueName(out.fileName, state.items.filter((i) => i.status === 'done' && i.name).map((i) => i.name!));
        try {
          await deps.store.saveNote(state.id, index, { markdown: out.markdown, images: out.images, chapter: out.chapter });
          name = (await deps.destination.addNote(name, out.markdown, out.files, out.chapter)) || name;
        } catch (e) {
          // No room for the note (or the destination refused it): stop; the article stays pending
          // and everything finished stays stored, for a resume once there is room.
          state.status = 'stopped';
          state.stopReason = deps.writeFailed?.(e) ?? (e as Error).message;
          await deps.store.save(state);
          deps.onChange(state);
          return state;
        }
        Object.assign(item, { status: 'done', name, title: out.title || item.title, date: out.published || item.date, failedImages: out.failedImages, reason: undefined });
      }
    }
    state.spentMs += now() - started;
    await deps.store.save(state);
    deps.onChange(state);
  }
  state.status = 'done';
  await deps.store.save(state);
  deps.onChange(state);
  return state;
}

/**
 * A batch resumed in a new page has a new, empty destination: the notes finished before are given
 * to it again from storage, their images fetched again. Returns the images that failed this time.
 */
export async function replayFinished(state: BatchState, store: BatchStore, destination: BatchDestination, fetchImages: FetchImages): Promise<number> {
  let missing = 0;
  for (let index = 0; index < state.items.length; index++) {
    const item = state.items[index]!;
    if (item.status !== 'done' || !item.name) continue;
    const note = await store.loadNote(state.id, index);
    if (!note) {
      item.status = 'pending'; // its note was lost: export it again
      continue;
    }
    const files: { path: string; bytes: Uint8Array; url: string }[] = [];
    let markdown = note.markdown;
    await fetchImages(
      note.images.map((i) => i.url),
      (reply) => {
        const img = note.images[reply.index];
        if (!img) return;
        if (reply.ok) files.push({ path: img.path, bytes: base64ToBytes(reply.data), url: img.url });
        else {
          missing++;
          // The note pointed at the file this ZIP will not have: back to the remote address.
          markdown = markdown.split(`](${img.path})`).join(`](${img.url})`).split(`src="${img.path}"`).join(`src="${img.url}"`);
          item.failedImages = [...(item.failedImages ?? []), { url: img.url, error: `${reply.error} (fetched again on resume)` }];
        }
      },
    );
    files.sort((a, b) => a.path.localeCompare(b.path));
    await destination.addNote(item.name, markdown, files, note.chapter);
  }
  await store.save(state);
  return missing;
}

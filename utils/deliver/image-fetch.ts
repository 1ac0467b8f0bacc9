import { bytesToBase64 } from './encoding';
import { isPublicImageAddress, isWeChatImageHost } from './image-hosts';
import type { FetchImages, ImageReply } from './zip';

/** How many image requests run at once: enough to be quick, few enough not to look like a flood. */
export const IMAGE_CONCURRENCY = 6;
const TIMEOUT_MS = 30_000;

/** Runs `task` over `items` with at most `limit` at a time, in any completion order. */
export async function mapLimited<T>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      await task(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** Says whether the user granted the host permission for an image outside WeChat's hosts. */
export type HostGranted = (url: string) => Promise<boolean>;

export const NO_HOST_PERMISSION = 'no permission for this host';
export const NOT_AN_IMAGE_ADDRESS = 'not an image address';

/**
 * Fetches one image from the background. No Referer (WeChat's hotlink protection answers a foreign
 * Referer with a placeholder picture), no cookies.
 */
export async function fetchImage(url: string, index: number, granted: HostGranted = async () => false): Promise<ImageReply> {
  // WeChat's image hosts, and other public hosts only where the user allowed them: the background
  // must not become a fetcher for any address a page names (a local service above all).
  const allowed = (u: string) => isWeChatImageHost(u) || isPublicImageAddress(u);
  if (!allowed(url)) return { index, ok: false, error: NOT_AN_IMAGE_ADDRESS };
  const approved = async (u: string) => isWeChatImageHost(u) || (await granted(u));
  if (!(await approved(url))) return { index, ok: false, error: NO_HOST_PERMISSION };
  const ctrl = new AbortController();
  const timer = setTimeout(() => ctrl.abort(), TIMEOUT_MS);
  try {
    const res = await fetch(url, { referrerPolicy: 'no-referrer', credentials: 'omit', signal: ctrl.signal });
    // A public name may redirect anywhere: what came back from a local address, over http, or from a
    // host the reader did not approve is dropped unread (the request itself has been made by then).
    if (res.redirected && !(allowed(res.url) && (await approved(res.url)))) return { index, ok: false, error: NOT_AN_IMAGE_ADDRESS };
    if (!res.ok) return { index, ok: false, error: `HTTP ${res.status}` };
    const type = res.headers.get('content-type') ?? '';
    if (!/^image\//i.test(type)) return { index, ok: false, error: `not an image (${type || 'no type'})` };
    const bytes = new Uint8Array(await res.arrayBuffer());
    if (bytes.length === 0) return { index, ok: false, error: 'empty response' };
    return { index, ok: true, data: bytesToBase64(bytes), type };
  } catch (e) {
    return { index, ok: false, error: ctrl.signal.aborted ? 'timed out' : (e as Error).message || 'network error' };
  } finally {
    clearTimeout(timer);
  }
}

/** Fetches the images right here (the background, or an extension page with the image hosts' permission). */
export const fetchImagesWith =
  (granted: HostGranted): FetchImages =>
  (urls, onEach) =>
    mapLimited(urls, IMAGE_CONCURRENCY, async (url, index) => onEach(await fetchImage(url, index, granted)));
/** Only WeChat's image hosts: where no host permission can be checked (a batch page lists the others). */
export const fetchImagesHere: FetchImages = fetchImagesWith(async () => false);

/** The real album served offline for the browser tests and the batch screenshot. */
import type { Answer, Session } from './harness';
import { albumFixture, albumJson, pageHtml, PAGE_NAMES } from '../fixtures';

// The real album: its page and its JSON pages at their real addresses; its three saved articles
// at theirs, every other article address answered with a corpus page.
export const BIZ = 'Mzg4NTc2OTYxMQ==';
export const ALBUM = { id: '3329839945947119618', biz: BIZ };
export const ALBUM_PAGE = `https://mp.weixin.qq.com/mp/appmsgalbum?__biz=${BIZ}&action=getalbum&album_id=${ALBUM.id}`;
export const REAL = ['2247483846', '2247484420', '2247484584'];
export const articleUrl = (mid: string) => `https://mp.weixin.qq.com/s?__biz=${BIZ}&mid=${mid}&idx=1`;
export const realHtml = new Map(REAL.map((mid) => [mid, albumFixture(`article-${mid}.html.gz`)]));
/** The corpus page an article address of the album gets (the same one every time). */
export const corpusFor = (mid: string) => PAGE_NAMES[Number(mid) % PAGE_NAMES.length]!;
export const htmlFor = (mid: string) => realHtml.get(mid) ?? pageHtml(corpusFor(mid));

/** The real JSON pages, by the begin_msgid they answer (each one's last item asks for the next). */
export const chainAfter: Record<string, string> = { '2247484534': '2247484420', '2247484420': '2247484310', '2247484310': '2247484179', '2247484179': '2247484063', '2247484063': '2247483853' };

/** The three saved articles as a one-page album (items taken from the real pages, continue_flag "0"). */
export function threeArticleAlbum(): string {
  const items = [...JSON.parse(albumJson('first-page')).getalbum_resp.article_list, ...JSON.parse(albumJson('2247484420')).getalbum_resp.article_list, ...JSON.parse(albumJson('2247483853')).getalbum_resp.article_list];
  const chosen = REAL.slice().reverse().map((mid) => items.find((i: { msgid: string }) => i.msgid === mid));
  return JSON.stringify({ base_resp: { ret: 0 }, getalbum_resp: { article_list: chosen, base_info: { is_first_screen: '1' }, continue_flag: '0', reverse_continue_flag: '0' } });
}

const json = (body: string): Answer => ({ body, contentType: 'application/json' });

/** Serves the album: JSON pages by begin_msgid, articles by mid (with optional faults per mid). */
export function serveAlbum(session: Pick<Session, 'respond'>, firstPage: string, fault: (mid: string, n: number) => Answer | undefined = () => undefined, pages = new Map<string, string>()) {
  const asked = new Map<string, number>();
  session.respond((url, kind) => {
    if (url.pathname === '/mp/appmsgalbum' && url.searchParams.get('f') === 'json') {
      const begin = url.searchParams.get('begin_msgid');
      if (!begin) return json(firstPage);
      const next = chainAfter[begin];
      return next ? json(albumJson(next)) : { status: 404, body: 'no such page' };
    }
    // The batch's fetches only: an article opened in a tab is served by session.page().
    const mid = url.pathname === '/s' && kind === 'fetch' ? url.searchParams.get('mid') : null;
    if (!mid) return undefined;
    const n = (asked.get(mid) ?? 0) + 1;
    asked.set(mid, n);
    return fault(mid, n) ?? { body: pages.get(mid) ?? htmlFor(mid) };
  });
  return asked;
}

export async function fastSettings(session: Session, extra: Record<string, number> = {}) {
  const worker = session.context.serviceWorkers()[0]!;
  await worker.evaluate((s) => chrome.storage.sync.set({ settings: s }), { batchPauseMinMs: 0, batchPauseMaxMs: 0, ...extra });
}


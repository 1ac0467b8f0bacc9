import { testImage } from '../../fixtures';

/**
 * How every browser under test answers a request: fixture pages at their mp.weixin.qq.com address,
 * a test image for WeChat's image hosts, nothing else. Shared by the Chromium and Firefox drivers so
 * both browsers see the same "internet".
 */

/** Hosts a WeChat page itself talks to (scripts, reports); their requests are aborted, not leaks. */
export const WECHAT_OWN = /(^|\.)(qq\.com|qpic\.cn|qlogo\.cn|weixinbridge\.com|gtimg\.(cn|com)|wechat\.com)$/;
// WeChat's image hosts, and `.example` hosts (reserved, never real) standing in for the own CDNs
// some older articles keep images on.
const IMAGE_HOST = /(^|\.)(qpic|qlogo)\.cn$|\.example$/;

export interface Answer {
  status: number;
  type: string;
  body: Buffer;
  headers?: Record<string, string>;
}

/** A test's own answer for an mp.weixin.qq.com request (album JSON pages, faults, redirects); `hang` never answers. */
export type Reply = { status?: number; body: string; contentType?: string; headers?: Record<string, string> } | { hang: true };
/** `kind`: 'document' for a tab's navigation, 'fetch' for a page's or the extension's own request. */
export type Responder = (url: URL, kind: string) => Reply | undefined;

export interface Served {
  /** Requests that tried to leave the machine (anything not routed to a fixture). */
  leaks: string[];
  /** Image requests seen, in order. */
  imageRequests: string[];
}

export class Routes {
  readonly served: Served = { leaks: [], imageRequests: [] };
  private readonly pages = new Map<string, string>();
  private failing: (url: string) => boolean = () => false;
  private readonly image = testImage();

  /** Serve this HTML at this mp.weixin.qq.com address. */
  page(url: string, html: string): void {
    const u = new URL(url);
    this.pages.set(`${u.origin}${u.pathname}${u.search}`, html);
  }

  private readonly responders: Responder[] = [];

  /** Answer mp.weixin.qq.com requests before the served pages: the first responder that answers wins. */
  respond(handler: Responder): void {
    this.responders.push(handler);
  }

  /**
   * The whole answer as a driver without Playwright's routing gives it: a responder's, else the
   * served one's; 'hang' answers never; null refuses.
   */
  full(raw: string, fromExtension: boolean, kind: string): Answer | 'hang' | null {
    const r = this.reply(raw, kind);
    if (r && 'hang' in r) return 'hang';
    if (r) return { status: r.status ?? 200, type: r.contentType ?? 'text/html; charset=utf-8', body: Buffer.from(r.body), headers: r.headers };
    return this.answer(raw, fromExtension);
  }

  /** A responder's answer for this request, if one answers it. */
  reply(raw: string, kind: string): Reply | undefined {
    const url = new URL(raw);
    if (url.hostname !== 'mp.weixin.qq.com') return undefined;
    for (const h of this.responders) {
      const a = h(url, kind);
      if (a) return a;
    }
    return undefined;
  }

  /** Make some image requests fail (HTTP 404). */
  failImages(pred: (url: string) => boolean): void {
    this.failing = pred;
  }

  /**
   * The answer for an http(s) request, or null: refuse it. A refused request counts as a leak unless
   * it is WeChat's own page traffic (aborted as a script blocker would) and not from the extension:
   * the extension itself may ask for nothing beyond WeChat's image hosts.
   */
  answer(raw: string, fromExtension: boolean): Answer | null {
    const url = new URL(raw);
    if (url.hostname === 'mp.weixin.qq.com' && (url.pathname.startsWith('/s') || url.pathname === '/mp/appmsgalbum')) {
      const html = this.pages.get(`${url.origin}${url.pathname}${url.search}`) ?? this.pages.get(`${url.origin}${url.pathname}`);
      if (html !== undefined) return { status: 200, type: 'text/html; charset=utf-8', body: Buffer.from(html) };
    }
    if (IMAGE_HOST.test(url.hostname)) {
      this.served.imageRequests.push(raw);
      if (this.failing(raw)) return { status: 404, type: 'text/plain', body: Buffer.from('not found') };
      return { status: 200, type: 'image/png', body: this.image };
    }
    if (fromExtension || !WECHAT_OWN.test(url.hostname)) this.served.leaks.push(raw);
    return null;
  }
}

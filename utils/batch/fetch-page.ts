/**
 * Fetching one WeChat page for a batch, politely: a timeout, retries with back-off on network
 * errors and 5xx, and WeChat's "slow down" answers recognised so the batch stops instead of
 * hammering on.
 */

/** Answers that mean WeChat wants us to stop (a human check, or too many requests). */
export const BLOCK_SIGNS: readonly { test: RegExp; reason: string; example: string }[] = [
  {
    test: /当前环境异常[\s\S]{0,200}验证/,
    reason: 'WeChat asks for a verification (当前环境异常，完成验证后即可继续访问)',
    example: '<p class="weui-msg__desc">当前环境异常，完成验证后即可继续访问。</p><a>去验证</a>',
  },
  {
    test: /操作频繁/,
    reason: 'WeChat says there were too many requests (操作频繁)',
    example: '<div class="weui-msg__title">操作频繁，请稍后再试</div>',
  },
];

/**
 * Where WeChat sends a client it wants to check, on its own host: a redirect there stops the batch or
 * the check whatever the page says (it may be drawn by script, without the words above).
 */
export const VERIFY_PATHS: readonly { test: RegExp; example: string }[] = [
  { test: /^\/mp\/wappoc_appmsgcaptcha\b/, example: 'https://mp.weixin.qq.com/mp/wappoc_appmsgcaptcha?poc_token=x&target_url=https%3A%2F%2Fmp.weixin.qq.com%2Fs%2Fabc' },
];

const REDIRECTED = 'WeChat redirected the request instead of answering it (to a verification page, 验证?)';

/**
 * Why a request that ended at `finalUrl` is WeChat turning us away; null when it is not. Another host
 * is never where an article or an album page lives.
 */
export function redirectReason(url: string, finalUrl: string): string | null {
  const from = new URL(url);
  const to = new URL(finalUrl);
  if (to.host !== from.host) return `${REDIRECTED}: ${to.host}`;
  return VERIFY_PATHS.some((p) => p.test.test(to.pathname)) ? `${REDIRECTED}: ${to.pathname}` : null;
}

/**
 * The album's JSON pages are an API: WeChat answers them or sends the client away. They are asked
 * with redirects not followed, so a redirect to a host the extension may not read (a network error
 * that would be retried) is seen as what it is.
 */
const isAlbumJson = (url: string) => {
  const u = new URL(url);
  return u.pathname === '/mp/appmsgalbum' && u.searchParams.get('f') === 'json';
};

/** Why a fetched page is WeChat telling us to stop; null when it is not. */
export function blockReason(text: string): string | null {
  // The signs are short pages; a real article quoting them is long and has its content in #js_content.
  if (text.includes('id="js_content"')) return null;
  return BLOCK_SIGNS.find((s) => s.test.test(text))?.reason ?? null;
}

export type FetchOutcome = { ok: true; text: string } | { ok: false; blocked: boolean; reason: string };

export interface FetchPolicy {
  /** Attempts after the first. */
  retries: number;
  /** The first back-off; doubled each retry. */
  backoffMs: number;
  timeoutMs: number;
}

export const DEFAULT_FETCH_POLICY: FetchPolicy = { retries: 3, backoffMs: 2000, timeoutMs: 30_000 };

export type Sleep = (ms: number) => Promise<void>;
export const sleep: Sleep = (ms) => new Promise((r) => setTimeout(r, ms));

class Retryable extends Error {}
class TurnedAway extends Error {}

async function fetchOnce(url: string, timeoutMs: number, fetchFn: typeof fetch): Promise<string> {
  const ctrl = new AbortController();
  const timer = setTimeout(() => ctrl.abort(), timeoutMs);
  try {
    // No cookies: a batch reads what anyone can read, and must not act as the reader's account.
    const res = await fetchFn(url, { credentials: 'omit', signal: ctrl.signal, redirect: isAlbumJson(url) ? 'manual' : 'follow' });
    if (res.type === 'opaqueredirect') throw new TurnedAway(REDIRECTED);
    const away = res.redirected ? redirectReason(url, res.url) : null;
    if (away) throw new TurnedAway(away);
    if (res.status >= 500) throw new Retryable(`HTTP ${res.status}`);
    if (res.status === 429) throw new Retryable('HTTP 429');
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    return await res.text();
  } catch (e) {
    if (ctrl.signal.aborted) throw new Retryable(`timed out after ${Math.round(timeoutMs / 1000)} s`);
    if (e instanceof Retryable || e instanceof TurnedAway || (e instanceof Error && /^HTTP /.test(e.message))) throw e;
    throw new Retryable((e as Error)?.message || 'network error');
  } finally {
    clearTimeout(timer);
  }
}

/** One page, retried on network errors, timeouts, 429 and 5xx. Never throws. */
export async function fetchPage(url: string, policy: FetchPolicy = DEFAULT_FETCH_POLICY, wait: Sleep = sleep, fetchFn: typeof fetch = fetch): Promise<FetchOutcome> {
  let last = '';
  for (let attempt = 0; attempt <= policy.retries; attempt++) {
    if (attempt > 0) await wait(policy.backoffMs * 2 ** (attempt - 1));
    try {
      const text = await fetchOnce(url, policy.timeoutMs, fetchFn);
      const blocked = blockReason(text);
      return blocked ? { ok: false, blocked: true, reason: blocked } : { ok: true, text };
    } catch (e) {
      last = (e as Error).message;
      if (e instanceof TurnedAway) return { ok: false, blocked: true, reason: last };
      if (!(e instanceof Retryable)) return { ok: false, blocked: false, reason: last };
    }
  }
  return { ok: false, blocked: false, reason: `${last} (${policy.retries + 1} attempts)` };
}

/** The pause before the next article: uniform between min and max (jitter, so requests have no beat). */
export function pauseMs(minMs: number, maxMs: number, random: () => number = Math.random): number {
  const lo = Math.max(0, Math.min(minMs, maxMs));
  const hi = Math.max(0, minMs, maxMs);
  return Math.round(lo + (hi - lo) * random());
}

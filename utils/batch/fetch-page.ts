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

async function fetchOnce(url: string, timeoutMs: number, fetchFn: typeof fetch): Promise<string> {
  const ctrl = new AbortController();
  const timer = setTimeout(() => ctrl.abort(), timeoutMs);
  try {
    // No cookies: a batch reads what anyone can read, and must not act as the reader's account.
    const res = await fetchFn(url, { credentials: 'omit', signal: ctrl.signal, redirect: 'follow' });
    if (res.status >= 500) throw new Retryable(`HTTP ${res.status}`);
    if (res.status === 429) throw new Retryable('HTTP 429');
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    return await res.text();
  } catch (e) {
    if (ctrl.signal.aborted) throw new Retryable(`timed out after ${Math.round(timeoutMs / 1000)} s`);
    if (e instanceof Retryable || (e instanceof Error && /^HTTP /.test(e.message))) throw e;
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

/**
 * Getting the token the way Joplin's own clipper does: POST /auth gives a one-time auth_token, Joplin
 * shows the reader a dialog, and GET /auth/check?auth_token=… answers 'waiting' until they choose;
 * the 'accepted' answer carries the token.
 */
import { joplinFetch, JoplinError } from './client';

export type AuthCheck = { status: 'waiting' } | { status: 'accepted'; token: string } | { status: 'rejected' };

export async function requestAuthorization(port: number): Promise<string> {
  const r = (await (await joplinFetch(port, '/auth', { method: 'POST' })).json()) as { auth_token?: string };
  if (!r.auth_token) throw new JoplinError('server', 'no auth_token in the answer');
  return r.auth_token;
}

export async function checkAuthorization(port: number, authToken: string): Promise<AuthCheck> {
  const r = (await (await joplinFetch(port, `/auth/check?auth_token=${encodeURIComponent(authToken)}`)).json()) as { status?: string; token?: string };
  if (r.status === 'accepted' && r.token) return { status: 'accepted', token: r.token };
  if (r.status === 'rejected') return { status: 'rejected' };
  return { status: 'waiting' };
}

export interface AuthOptions {
  intervalMs?: number;
  /** The reader may be away from the app: give up after this long. */
  timeoutMs?: number;
  signal?: AbortSignal;
}

export const JOPLIN_AUTH_TIMEOUT = 'not approved in time';

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });

/** The whole handshake: resolves with the token once the reader approves in Joplin. */
export async function authorize(port: number, { intervalMs = 1000, timeoutMs = 180_000, signal }: AuthOptions = {}): Promise<string> {
  const authToken = await requestAuthorization(port);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (signal?.aborted) throw new JoplinError('token', 'cancelled');
    const check = await checkAuthorization(port, authToken);
    if (check.status === 'accepted') return check.token;
    if (check.status === 'rejected') throw new JoplinError('token', 'refused in Joplin');
    if (Date.now() >= deadline) throw new JoplinError('token', JOPLIN_AUTH_TIMEOUT);
    await sleep(intervalMs, signal);
  }
}

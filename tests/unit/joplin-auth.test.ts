// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import { authorize, JOPLIN_AUTH_TIMEOUT } from '../../utils/deliver/joplin/auth';
import { JoplinError } from '../../utils/deliver/joplin/client';

/**
 * The one stub in the Joplin tests: the approval handshake waits for a person to click in the app,
 * which Joplin's terminal client cannot show. It answers as @joplin/lib's routes/auth.ts does (3.5.1):
 * POST /auth → {auth_token}; GET /auth/check?auth_token=… → {status} while waiting, {status, token} once
 * accepted; an unknown auth_token is an error (HTTP 500).
 */
function stubJoplin(decisions: ('waiting' | 'accepted' | 'rejected')[]): Promise<{ port: number; server: Server; checks: string[] }> {
  const checks: string[] = [];
  let issued = '';
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const send = (status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (req.method === 'POST' && url.pathname === '/auth') {
      issued = `auth-${checks.length}-${Date.now()}`;
      return send(200, { auth_token: issued });
    }
    if (req.method === 'GET' && url.pathname === '/auth/check') {
      const given = url.searchParams.get('auth_token') ?? '';
      checks.push(given);
      if (given !== issued) return send(500, { error: `Invalid auth token: ${given}` });
      const status = decisions.shift() ?? 'waiting';
      return send(200, status === 'accepted' ? { status, token: 'the-real-token' } : { status });
    }
    send(404, { error: 'Not Found' });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ port: (server.address() as { port: number }).port, server, checks })));
}

let open: Server | undefined;
afterEach(() => open?.close());

describe("getting the token the way Joplin's clipper does", () => {
  it('asks for an auth token, polls while the reader has not decided, and returns the token once accepted', async () => {
    const stub = await stubJoplin(['waiting', 'waiting', 'accepted']);
    open = stub.server;
    expect(await authorize(stub.port, { intervalMs: 10 })).toBe('the-real-token');
    expect(stub.checks).toHaveLength(3);
    expect(new Set(stub.checks).size).toBe(1); // always the auth token POST /auth gave
  });

  it('says so when the reader refuses in Joplin, or does not answer in time', async () => {
    const refused = await stubJoplin(['waiting', 'rejected']);
    open = refused.server;
    await expect(authorize(refused.port, { intervalMs: 10 })).rejects.toMatchObject({ kind: 'token', message: 'refused in Joplin' });
    refused.server.close();
    const away = await stubJoplin([]);
    open = away.server;
    await expect(authorize(away.port, { intervalMs: 10, timeoutMs: 60 })).rejects.toMatchObject({ kind: 'token', message: JOPLIN_AUTH_TIMEOUT });
  });

  it('stops polling when cancelled, and Joplin not running is "unreachable"', async () => {
    const stub = await stubJoplin([]);
    open = stub.server;
    const ctrl = new AbortController();
    const waiting = authorize(stub.port, { intervalMs: 10, signal: ctrl.signal });
    setTimeout(() => ctrl.abort(), 50);
    await expect(waiting).rejects.toMatchObject({ kind: 'token', message: 'cancelled' });
    const seen = stub.checks.length;
    await new Promise((r) => setTimeout(r, 50));
    expect(stub.checks.length).toBe(seen);
    stub.server.close();
    const err = await authorize(stub.port, { intervalMs: 10 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(JoplinError);
    expect((err as JoplinError).kind).toBe('unreachable');
  });
});

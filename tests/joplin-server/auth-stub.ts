import { createServer, type Server } from 'node:http';

export type Decision = 'waiting' | 'accepted' | 'rejected';

export interface AuthStub {
  port: number;
  base: string;
  /** The auth_token of every /auth/check poll, in order. */
  checks: string[];
  /** The token an 'accepted' answer carries. */
  token: string;
  close(): void;
}

/**
 * The one stub in the Joplin tests: the approval handshake waits for a person to click in the app,
 * which Joplin's terminal client cannot show. It answers as @joplin/lib's routes/auth.ts does (3.5.1):
 * POST /auth → {auth_token}; GET /auth/check?auth_token=… → {status} while waiting, {status, token}
 * once accepted; an unknown auth_token is an error (HTTP 500). /ping, /auth/check?token= and /folders (none)
 * answer too, so a page that goes on to check the token it got finds the service there.
 */
export function stubJoplinAuth(decisions: Decision[]): Promise<AuthStub> {
  const checks: string[] = [];
  const token = 'token-from-the-approval';
  let issued = '';
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const send = (status: number, body: unknown) =>
      res.writeHead(status, { 'content-type': 'application/json', 'access-control-allow-origin': '*' }).end(typeof body === 'string' ? body : JSON.stringify(body));
    if (url.pathname === '/ping') return send(200, 'JoplinClipperServer');
    if (url.pathname === '/folders') return send(200, []);
    if (req.method === 'POST' && url.pathname === '/auth') {
      issued = `auth-${checks.length}-${Date.now()}`;
      return send(200, { auth_token: issued });
    }
    if (req.method === 'GET' && url.pathname === '/auth/check') {
      if (url.searchParams.has('token')) return send(200, { valid: url.searchParams.get('token') === token });
      const given = url.searchParams.get('auth_token') ?? '';
      checks.push(given);
      if (given !== issued) return send(500, { error: `Invalid auth token: ${given}` });
      const status = decisions.shift() ?? 'waiting';
      return send(200, status === 'accepted' ? { status, token } : { status });
    }
    send(404, { error: 'Not Found' });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      resolve({ port, base: `http://127.0.0.1:${port}`, checks, token, close: () => server.close() });
    }),
  );
}

import { createServer as createHttp, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttps } from 'node:https';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo, Socket } from 'node:net';
import type { Answer } from './routing';

/**
 * A local HTTP(S) proxy for what WebDriver BiDi cannot intercept: the Firefox add-on's background page
 * (its image downloads for the ZIP) and Firefox's own service traffic. HTTPS is answered with a
 * self-signed certificate made here (the browser runs with acceptInsecureCerts).
 */
export interface Proxy {
  port: number;
  close(): Promise<void>;
}

/** Firefox's own services (remote settings, add-on blocklists...): answered 404, not counted as the extension's. */
export const BROWSER_OWN = /(^|\.)(mozilla\.(com|org|net)|mozaws\.net|firefox\.com)$/;

export async function startProxy(answer: (url: string) => Answer | 'hang' | null): Promise<Proxy> {
  const dir = mkdtempSync(join(tmpdir(), 'wac-proxy-'));
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  const made = spawnSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2', '-subj', '/CN=test-proxy', '-keyout', key, '-out', cert], { stdio: 'ignore' });
  if (made.status !== 0) throw new Error('The test proxy needs `openssl` to make its certificate (apt-get install -y openssl).');

  const respond = (url: string, res: ServerResponse) => {
    const host = new URL(url).hostname;
    const a = BROWSER_OWN.test(host) ? null : answer(url);
    if (a === 'hang') return; // never answered: the requester's own timeout has to end it
    if (!a) {
      res.writeHead(BROWSER_OWN.test(host) ? 404 : 502, { 'content-type': 'text/plain' }).end('refused by the test proxy');
      return;
    }
    res.writeHead(a.status, { ...a.headers, 'content-type': a.type, 'content-length': a.body.length, 'access-control-allow-origin': '*' }).end(a.body);
  };
  const tls = createHttps({ key: readFileSync(key), cert: readFileSync(cert) }, (req: IncomingMessage, res) => respond(`https://${req.headers.host}${req.url}`, res));
  const plain = createHttp((req, res) => respond(req.url ?? '', res)); // proxied http: absolute URL
  plain.on('connect', (_req: IncomingMessage, socket: Socket) => {
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    tls.emit('connection', socket);
  });
  await new Promise<void>((r) => plain.listen(0, '127.0.0.1', r));
  return {
    port: (plain.address() as AddressInfo).port,
    async close() {
      plain.closeAllConnections();
      tls.closeAllConnections();
      await Promise.all([new Promise((r) => plain.close(r)), new Promise((r) => tls.close(r))]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A real Joplin Web Clipper service for the tests: Joplin's terminal client (npm `joplin`, kept in
 * this folder with its own package.json and lock file, not in the extension's dependencies), run
 * headless with a fresh profile, a known token and a free port. See ../../../shared/docs/joplin-testing.md.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const JOPLIN_DIR = dirname(fileURLToPath(import.meta.url));
export const JOPLIN_MAIN = join(JOPLIN_DIR, 'node_modules', 'joplin', 'main.js');
// Where node-pre-gyp puts the compiled sqlite3 (napi-v6-linux-glibc-x64/ …): without it Joplin cannot start.
const SQLITE_BINDINGS = join(JOPLIN_DIR, 'node_modules', 'sqlite3', 'lib', 'binding');

export const joplinInstalled = () => existsSync(JOPLIN_MAIN) && existsSync(SQLITE_BINDINGS) && readdirSync(SQLITE_BINDINGS).length > 0;

/**
 * Installs the folder's lock file when it is missing, saying so. Install scripts are skipped (keytar's
 * fails without libsecret and Joplin runs without it); sqlite3 alone is built (no prebuilt binary here).
 * Throws a message that says what to run when it cannot.
 */
export function ensureJoplin(log: (line: string) => void = (l) => console.error(l)): void {
  if (joplinInstalled()) return;
  // Test files run in parallel workers: one installs, the others wait for it.
  if (!takeLock()) {
    const until = Date.now() + 15 * 60_000;
    while (existsSync(LOCK) && Date.now() < until) sleepSync(1000);
    if (joplinInstalled()) return;
    throw new Error(`Another process was installing the Joplin test server and it is still missing (${JOPLIN_MAIN}). Run \`npm run joplin:install\`.`);
  }
  try {
    log(`Joplin's terminal client is not installed in ${JOPLIN_DIR}: installing it for the Joplin tests (about 2 minutes, 280 MB)…`);
    const started = Date.now();
    for (const args of [['ci', '--ignore-scripts', '--no-audit', '--no-fund'], ['rebuild', 'sqlite3']]) {
      const r = spawnSync('npm', ['--prefix', JOPLIN_DIR, ...args], { stdio: ['ignore', 'inherit', 'inherit'] });
      if (r.status !== 0) {
        throw new Error(`Could not install the Joplin test server (npm ${args.join(' ')} exited ${r.status ?? r.error?.message}). ` +
          `Run \`npm run joplin:install\` (needs the npm registry, build-essential and python3 for sqlite3).`);
      }
    }
    if (!joplinInstalled()) throw new Error(`The Joplin test server is still missing after installing (${JOPLIN_MAIN}).`);
    log(`Joplin's terminal client installed in ${Math.round((Date.now() - started) / 1000)} s.`);
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

// Outside node_modules, which npm ci empties first.
const LOCK = join(tmpdir(), 'wac-joplin-install.lock');
const sleepSync = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
function takeLock(): boolean {
  try {
    // A lock left by an install that was killed is stale after 15 minutes.
    if (existsSync(LOCK) && Date.now() - statSync(LOCK).mtimeMs > 15 * 60_000) rmSync(LOCK, { recursive: true, force: true });
    mkdirSync(LOCK);
    return true;
  } catch {
    return false;
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

export interface JoplinServer {
  port: number;
  token: string;
  /** `http://127.0.0.1:<port>` */
  base: string;
  /** A Data API call with the token; the parsed JSON answer (throws on an HTTP error). */
  api<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
  /** The raw bytes of a resource. */
  resourceBytes(id: string): Promise<Uint8Array>;
  stop(): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Starts a fresh Joplin on a free port; resolves once /ping answers and the token is the one given. */
export async function startJoplin(): Promise<JoplinServer> {
  ensureJoplin();
  const port = await freePort();
  const token = `wac-test-${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`;
  const profile = mkdtempSync(join(tmpdir(), 'wac-joplin-'));
  writeFileSync(join(profile, 'settings.json'), JSON.stringify({ 'api.token': token, 'api.port': port }));
  // Spawned directly (not through npx) so the pid is the server's; --quiet keeps the token out of the log.
  const child: ChildProcess = spawn(process.execPath, [JOPLIN_MAIN, '--profile', profile, 'server', 'start', '--quiet'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  let exited: number | null = null;
  const gone = new Promise<void>((r) => child.once('exit', (code) => ((exited = code ?? -1), r())));
  const base = `http://127.0.0.1:${port}`;

  const stop = async () => {
    if (exited === null) {
      child.kill('SIGTERM');
      await Promise.race([gone, sleep(5000)]);
      if (exited === null) child.kill('SIGKILL');
    }
    rmSync(profile, { recursive: true, force: true });
  };

  const deadline = Date.now() + 30_000;
  for (;;) {
    if (exited !== null) {
      await stop();
      throw new Error(`Joplin exited (${exited}) before answering on port ${port}:\n${output}`);
    }
    const text = await fetch(`${base}/ping`).then((r) => r.text(), () => '');
    if (text === 'JoplinClipperServer') break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`Joplin did not answer /ping on port ${port} within 30 s:\n${output}`);
    }
    await sleep(150);
  }
  // A stale server on this port would have another token (pitfall 2 in the notes).
  const check = (await fetch(`${base}/auth/check?token=${token}`).then((r) => r.json())) as { valid?: boolean };
  if (!check.valid) {
    await stop();
    throw new Error(`The Joplin answering on port ${port} does not know the test's token`);
  }

  async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
    const sep = path.includes('?') ? '&' : '?';
    const res = await fetch(`${base}${path}${sep}token=${token}`, {
      method,
      ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`Joplin ${method} ${path}: HTTP ${res.status} ${text}`);
    return JSON.parse(text) as T;
  }
  const resourceBytes = async (id: string) => new Uint8Array(await (await fetch(`${base}/resources/${id}/file?token=${token}`)).arrayBuffer());
  return { port, token, base, api, resourceBytes, stop };
}

import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Routes, type Reply, type Responder, type Served } from './browsers/routing';
import { EXPOSED, registerToolbarEngine, watchToolbar } from './browsers/closed-root';

/** The Chromium to drive: CHROME_PATH, else the system's. Never downloads one. */
export function findChromium(): string {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].filter(Boolean) as string[];
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    throw new Error('No Chromium found. Install it with `apt-get install -y chromium fonts-wqy-microhei`, or set CHROME_PATH to a Chromium/Chrome binary.');
  }
  return found;
}

export const EXTENSION_DIR = resolve('.output/chrome-mv3');

export type { Served };

export interface Session {
  context: BrowserContext;
  extensionId: string;
  served: Served;
  /** Serve this HTML at this mp.weixin.qq.com address. */
  page(url: string, html: string): void;
  /** Make some image requests fail (HTTP 404). */
  failImages(pred: (url: string) => boolean): void;
  /**
   * Answer mp.weixin.qq.com requests (album JSON pages, faults) before the served pages: the first
   * handler that returns an answer wins; `hang` never answers (until the requester gives up).
   */
  respond(handler: Responder): void;
  /** Every mp.weixin.qq.com address asked for, in order. */
  wechatRequests: string[];
  close(): Promise<void>;
}

export type Answer = Reply;

/** Chrome's id for an unpacked extension: SHA-256 of its absolute path, the first 32 hex digits written a–p. */
export const unpackedExtensionId = (dir: string): string =>
  [...createHash('sha256').update(dir).digest('hex').slice(0, 32)].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');

export interface LaunchChromium {
  headless?: boolean;
  lang?: string;
  args?: string[];
  /** The profile remembers that the reader approved the manifest's optional API permissions before (see browsers/types.ts). */
  approveOptionalPermissions?: boolean;
  /** Downloads go here under the names Chrome gives them, not to Playwright's (which renames every file). */
  downloadsDir?: string;
  /** prefers-color-scheme for every page (default light). */
  colorScheme?: 'light' | 'dark';
  /** The unpacked extension to load (default: the Chrome build). */
  extensionDir?: string;
  /** Origins (`http://127.0.0.1:PORT`) whose requests go out for real: a local app the test runs, like Joplin. */
  passThrough?: string[];
  /** Leave the toolbar's closed root where the tests' selectors find it (browsers/closed-root.ts); default true. */
  exposeToolbar?: boolean;
  /** Ignore the pages' Content-Security-Policy (header and <meta>): only for the bench, which injects its
   * peers' bundles as page scripts; the tests keep the CSP a saved page carries. */
  bypassCSP?: boolean;
}
/** Kept under its first name for the tests that use it. */
export type LaunchOptions = LaunchChromium;

/** A new profile's Preferences: what a reader's profile would hold for these options. */
function seedProfile(userDataDir: string, options: LaunchChromium): void {
  const prefs: Record<string, unknown> = {};
  if (options.downloadsDir) prefs.download = { default_directory: options.downloadsDir, prompt_for_download: false };
  if (options.approveOptionalPermissions) {
    const dir = options.extensionDir ?? EXTENSION_DIR;
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { optional_permissions?: string[] };
    const api = (manifest.optional_permissions ?? []).filter((p) => !p.includes('://'));
    // Granted before, not active now: permissions.request then grants them again without asking.
    prefs.extensions = { settings: { [unpackedExtensionId(dir)]: { granted_permissions: { api }, runtime_granted_permissions: { api } } } };
  }
  if (Object.keys(prefs).length === 0) return;
  mkdirSync(join(userDataDir, 'Default'));
  writeFileSync(join(userDataDir, 'Default', 'Preferences'), JSON.stringify(prefs));
}

export async function launch(options: LaunchChromium = {}): Promise<Session> {
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  if (!existsSync(join(extensionDir, 'manifest.json'))) throw new Error(`No built extension at ${extensionDir}: run \`npm run build\` first.`);
  const userDataDir = mkdtempSync(join(tmpdir(), 'wac-chromium-'));
  seedProfile(userDataDir, options);
  await registerToolbarEngine();
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findChromium(),
    headless: options.headless ?? true,
    acceptDownloads: true,
    bypassCSP: options.bypassCSP ?? false,
    viewport: { width: 1100, height: 900 },
    locale: options.lang ?? 'zh-CN',
    colorScheme: options.colorScheme ?? 'light',
    // Chromium takes its UI language (and so chrome.i18n's) from LANGUAGE on Linux. LANG stays a
    // UTF-8 locale the machine has: with a missing one, downloads lose their Chinese file names.
    env: { ...process.env, LANGUAGE: (options.lang ?? 'zh-CN').replace('-', '_'), LANG: 'C.UTF-8' },
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      `--lang=${options.lang ?? 'zh-CN'}`,
      ...(options.args ?? []),
    ],
  });
  if (options.downloadsDir) {
    // Playwright saves downloads itself under random names; the browser's own behaviour keeps
    // subfolders and unique names, and the folder in the profile's preferences.
    const cdp = await context.browser()!.newBrowserCDPSession();
    await cdp.send('Browser.setDownloadBehavior', { behavior: 'default' });
  }
  const routes = new Routes();
  const wechatRequests: string[] = [];
  await context.route('**/*', (route) => {
    const raw = route.request().url();
    const url = new URL(raw);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return route.continue();
    if (options.passThrough?.includes(url.origin)) return route.continue();
    if (url.hostname === 'mp.weixin.qq.com') {
      wechatRequests.push(raw);
      const a = routes.reply(raw, route.request().resourceType());
      if (a && 'hang' in a) return; // never fulfilled: the page's own timeout has to end it
      if (a) return route.fulfill({ status: a.status ?? 200, contentType: a.contentType ?? 'text/html; charset=utf-8', body: a.body, headers: a.headers });
    }
    // Requests from the extension's service worker count as leaks unless they are for WeChat's images.
    const a = routes.answer(raw, route.request().serviceWorker() !== null);
    if (!a) return route.abort('internetdisconnected');
    return route.fulfill({ status: a.status, contentType: a.type, body: a.body });
  });
  if (options.exposeToolbar !== false) {
    context.pages().forEach(watchToolbar);
    context.on('page', watchToolbar);
  }
  let worker = context.serviceWorkers()[0];
  if (!worker) worker = await context.waitForEvent('serviceworker', { timeout: 15_000 });
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    served: routes.served,
    page: (url, html) => routes.page(url, html),
    failImages: (pred) => routes.failImages(pred),
    respond: (handler) => routes.respond(handler),
    wechatRequests,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Opens a fixture at its address and waits until our toolbar is there (the content script ran). */
export async function openArticle(session: Session, url: string, html: string): Promise<Page> {
  session.page(url, html);
  const page = await session.context.newPage();
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  // The toolbar host gets data-state once settings are read and the cleaner has run.
  await page.locator('wac-toolbar[data-state]').waitFor({ state: 'attached', timeout: 15_000 });
  await page.waitForFunction((name) => !!(document.querySelector('wac-toolbar') as unknown as Record<string, unknown>)[name], EXPOSED, { timeout: 15_000 });
  return page;
}

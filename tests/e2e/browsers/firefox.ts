import puppeteer, { type Browser, type ElementHandle, type KeyInput, type Page } from 'puppeteer-core';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Routes } from './routing';
import { startProxy } from './proxy';
import { accessibleNameOf, TOOLBAR_MORE } from './toolbar-names';
import { EXPOSED } from './closed-root';
import type { DownloadedFile, LaunchOptions, TestBrowser, TestPage } from './types';

/**
 * Real Firefox ESR with the Firefox build installed as a temporary add-on, driven by puppeteer-core
 * over WebDriver BiDi (../../../../shared/docs/firefox-testing.md has the recipe and its pitfalls).
 */
export const FIREFOX_EXTENSION_DIR = resolve('.output/firefox-mv2');
/** A fixed moz-extension://<uuid>/ so tests can open the popup and options pages. */
const EXTENSION_UUID = '0b6f3c1e-5a52-4d2e-9f0c-77a1d2c3e4f5';

/** The Firefox to drive: FIREFOX_PATH, else the system's ESR. Never downloads one. */
export function findFirefox(): string {
  const candidates = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'].filter(Boolean) as string[];
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error('No Firefox found. Install it with `apt-get install -y firefox-esr firefox-esr-l10n-zh-cn`, or set FIREFOX_PATH to a Firefox binary.');
  return found;
}

interface BidiConnection {
  send(method: string, params: unknown): Promise<unknown>;
  on(event: string, fn: (ev: never) => void): void;
}
interface BeforeRequestSent {
  isBlocked: boolean;
  /** Set for a tab's navigation, null for a fetch. */
  navigation: string | null;
  request: { request: string; url: string };
}

const files = (dir: string) => readdirSync(dir).filter((f) => !f.startsWith('.'));

/** `wac-toolbar >>> x`: x inside the toolbar, whose shadow root is closed (see ./closed-root.ts). */
const IN_TOOLBAR = /^\s*wac-toolbar\s*>>>\s*/;

/** A BiDi command's answer, with or without the message's { type, id, result } around it. */
type Answer<T> = T | { result: T };
const unwrap = <T extends object>(a: Answer<T>, key: keyof T): T => (key in a ? (a as T) : (a as { result: T }).result);
interface EvaluateResult {
  realm: string;
  result?: { value?: { shadowRoot?: { sharedId?: string } | null } };
}

export async function launchFirefox(options: LaunchOptions = {}): Promise<TestBrowser> {
  const manifestPath = join(FIREFOX_EXTENSION_DIR, 'manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`No Firefox build at ${FIREFOX_EXTENSION_DIR}: run \`npx wxt build -b firefox\` first.`);
  const geckoId = (JSON.parse(readFileSync(manifestPath, 'utf8')) as { browser_specific_settings: { gecko: { id: string } } }).browser_specific_settings.gecko.id;
  const lang = options.lang ?? 'zh-CN';
  const routes = new Routes();
  // The proxy sees the add-on's own requests only (tabs go through BiDi): all of them fetches.
  const proxy = await startProxy((url) => routes.full(url, true, 'fetch'));
  const downloads = mkdtempSync(join(tmpdir(), 'wac-firefox-downloads-'));
  let taken = 0;
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: findFirefox(),
      headless: true,
      protocol: 'webDriverBiDi',
      acceptInsecureCerts: true,
      defaultViewport: { width: 1100, height: 900 },
      args: ['--remote-allow-system-access'], // lets tests open moz-extension:// pages
      extraPrefsFirefox: {
        // The add-on's background requests are invisible to BiDi: they go to the local proxy.
        'network.proxy.type': 1,
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': proxy.port,
        'network.proxy.ssl': '127.0.0.1',
        'network.proxy.ssl_port': proxy.port,
        'network.proxy.no_proxies_on': '',
        'network.proxy.allow_hijacking_localhost': true,
        'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: EXTENSION_UUID }),
        // The UI language (the zh-CN language pack is firefox-esr-l10n-zh-cn) and the pages' language.
        'intl.locale.requested': lang,
        'intl.accept_languages': lang,
        // prefers-color-scheme in every page, extension pages too: 0 dark, 1 light.
        'layout.css.prefers-color-scheme.content-override': options.colorScheme === 'dark' ? 0 : 1,
        'ui.systemUsesDarkTheme': options.colorScheme === 'dark' ? 1 : 0,
        'browser.download.folderList': 2,
        'browser.download.dir': downloads,
        'browser.download.useDownloadDir': true,
        'browser.download.always_ask_before_handling_new_types': false,
        'browser.download.start_downloads_in_tmp_dir': false,
        'dom.events.testing.asyncClipboard': true, // clipboard.readText() without the paste prompt
        // permissions.request for an optional permission is granted without the prompt.
        ...(options.approveOptionalPermissions ? { 'extensions.webextOptionalPermissionPrompts': false } : {}),
      },
    });
  } catch (e) {
    await proxy.close();
    throw e;
  }
  const conn = (browser as unknown as { connection: BidiConnection }).connection;
  conn.on('network.beforeRequestSent', (ev: BeforeRequestSent) => {
    if (!ev.isBlocked) return;
    const a = routes.full(ev.request.url, false, ev.navigation ? 'document' : 'fetch');
    if (a === 'hang') return; // never answered: the requester's own timeout has to end it
    const header = (name: string, value: string) => ({ name, value: { type: 'string', value } });
    const done = a
      ? conn.send('network.provideResponse', {
          request: ev.request.request,
          statusCode: a.status,
          reasonPhrase: a.status === 200 ? 'OK' : a.status === 302 ? 'Found' : 'Not Found',
          headers: [header('content-type', a.type), ...Object.entries(a.headers ?? {}).map(([n, v]) => header(n, v))],
          // Text as a string: a 4 MB page is a third smaller than in base64 over the socket.
          body: a.type.startsWith('text/') ? { type: 'string', value: a.body.toString('utf8') } : { type: 'base64', value: a.body.toString('base64') },
        })
      : conn.send('network.failRequest', { request: ev.request.request });
    done.catch(() => undefined); // the tab may be gone by now
  });
  await conn.send('network.addIntercept', {
    phases: ['beforeRequestSent'],
    urlPatterns: [
      { type: 'pattern', protocol: 'http' },
      { type: 'pattern', protocol: 'https' },
    ],
  });
  await browser.installExtension(FIREFOX_EXTENSION_DIR); // temporary add-on: unsigned is fine

  const contextOf = (page: Page) => (page.mainFrame() as unknown as { _id: string })._id;
  const navigate = (page: Page, url: string) =>
    // page.goto never resolves for moz-extension:// (pitfall 4): navigate over BiDi directly.
    conn.send('browsingContext.navigate', { context: contextOf(page), url, wait: 'complete' });
  const extensionUrl = (path: string) => `moz-extension://${EXTENSION_UUID}/${path}`;

  /**
   * Leaves the toolbar's closed root on its host (EXPOSED), in the page's own realm: BiDi serializes
   * closed roots with includeShadowTree 'all'. False while there is none yet.
   */
  const exposeToolbar = async (page: Page): Promise<boolean> => {
    const target = { context: contextOf(page) };
    const got = unwrap(
      (await conn.send('script.evaluate', {
        expression: "document.querySelector('wac-toolbar')",
        target,
        awaitPromise: false,
        serializationOptions: { includeShadowTree: 'all', maxDomDepth: 1 },
      })) as Answer<EvaluateResult>,
      'realm',
    );
    const sharedId = got.result?.value?.shadowRoot?.sharedId;
    if (!sharedId) return false;
    await conn.send('script.callFunction', {
      functionDeclaration: `(root) => { root.host.${EXPOSED} = root; }`,
      arguments: [{ sharedId }],
      target,
      awaitPromise: false,
    });
    return true;
  };
  /** Every match, the toolbar's insides included (`wac-toolbar >>> x`: its light DOM and its root). */
  const queryAll = async (page: Page, selector: string): Promise<ElementHandle<Element>[]> => {
    const inner = selector.replace(IN_TOOLBAR, '');
    if (inner === selector) return page.$$(selector);
    if (!(await exposeToolbar(page))) return [];
    const list = await page.evaluateHandle(
      (sel, name) => {
        const host = document.querySelector('wac-toolbar')!;
        const root = (host as unknown as Record<string, ShadowRoot | undefined>)[name];
        return [...host.querySelectorAll(sel), ...(root?.querySelectorAll(sel) ?? [])];
      },
      inner,
      EXPOSED,
    );
    const found = [...(await list.getProperties()).values()].map((h) => h.asElement() as ElementHandle<Element> | null);
    return found.filter((h): h is ElementHandle<Element> => h !== null);
  };
  const waitFor = async (page: Page, selector: string, timeoutMs = 10_000): Promise<ElementHandle<Element>> => {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const [h] = await queryAll(page, selector);
      if (h) return h;
      if (Date.now() > end) throw new Error(`nothing matches ${selector} within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  const wrap = (page: Page): TestPage => {
    const first = async (selector: string) => (await queryAll(page, selector))[0] ?? null;
    return {
      evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
      async clickToolbar(name) {
        const pick = async (selector: string) => {
          for (const h of await queryAll(page, selector)) {
            const [label, visible] = await h.evaluate((el) => [el.getAttribute('aria-label') ?? el.textContent ?? '', el.checkVisibility()] as const);
            if (visible && name.test(accessibleNameOf(label))) return h;
          }
          return null;
        };
        const direct = await pick('wac-toolbar >>> button');
        if (direct) return direct.click();
        const more = await queryAll(page, 'wac-toolbar >>> button');
        for (const h of more) {
          if (TOOLBAR_MORE.test(accessibleNameOf(await h.evaluate((el) => el.getAttribute('aria-label') ?? el.textContent ?? '')))) {
            await h.click();
            const item = await pick('wac-toolbar >>> [role="menuitem"]');
            if (item) return item.click();
          }
        }
        throw new Error(`no toolbar action named ${name}`);
      },
      async click(selector) {
        await (await waitFor(page, selector)).click();
      },
      async fill(selector, text) {
        const h = await waitFor(page, selector);
        await h.evaluate((el, v) => {
          const input = el as HTMLInputElement;
          input.focus();
          input.value = v;
          input.dispatchEvent(new InputEvent('input', { bubbles: true }));
        }, text);
      },
      async press(key) {
        // Puppeteer names a chord's keys one by one: down, press, up; its space bar is ' '.
        const keys = key.split('+').map((k) => (k === 'Space' ? ' ' : k)) as KeyInput[];
        const last = keys.pop()!;
        for (const k of keys) await page.keyboard.down(k);
        await page.keyboard.press(last);
        for (const k of keys.reverse()) await page.keyboard.up(k);
      },
      async setChecked(selector, on) {
        const h = await waitFor(page, selector);
        if ((await h.evaluate((el) => (el as HTMLInputElement).checked)) !== on) await h.click();
      },
      async isChecked(selector) {
        const h = await first(selector);
        return h ? h.evaluate((el) => (el as HTMLInputElement).checked) : false;
      },
      async text(selector) {
        const h = await first(selector);
        return h ? h.evaluate((el) => el.textContent) : null;
      },
      count: async (selector) => (await queryAll(page, selector)).length,
      async download(action, timeoutMs = 30_000) {
        const before = new Set(files(downloads));
        await action();
        const end = Date.now() + timeoutMs;
        // A download first appears as an empty file plus a .part (pitfall 6): wait until it is whole.
        for (;;) {
          const now = files(downloads);
          const fresh = now.filter((f) => !before.has(f) && !f.endsWith('.part'));
          if (fresh.length > 0 && !now.some((f) => f.endsWith('.part'))) {
            const name = fresh[0]!;
            const size = statSync(join(downloads, name)).size;
            await new Promise((r) => setTimeout(r, 100));
            if (size > 0 && statSync(join(downloads, name)).size === size) {
              const file: DownloadedFile = { name, bytes: readFileSync(join(downloads, name)) };
              // Taken away, so the next download of the same note keeps its name (no "(1)").
              rmSync(join(downloads, name));
              taken++;
              return file;
            }
          }
          if (Date.now() > end) throw new Error(`no download within ${timeoutMs} ms (files: ${now.join(', ')})`);
          await new Promise((r) => setTimeout(r, 100));
        }
      },
      readClipboard: () => page.evaluate(() => navigator.clipboard.readText()),
      bringToFront: () => page.bringToFront(),
      async screenshot(path, selector) {
        const target = selector ? await waitFor(page, selector) : page;
        await target.screenshot({ path: path as `${string}.png` });
      },
      close: () => page.close(),
    };
  };

  /** Runs the action and finds the extension page at `path` it opened in a tab of its own. */
  async function tabOpened(path: string, action: () => Promise<unknown>, within = 45_000): Promise<TestPage> {
    const url = extensionUrl(path);
    const contexts = async () => {
      const tree = (await conn.send('browsingContext.getTree', {})) as { result?: { contexts: { context: string; url: string }[] }; contexts?: { context: string; url: string }[] };
      return (tree.result?.contexts ?? tree.contexts ?? []).filter((c) => c.url === url).map((c) => c.context);
    };
    const before = new Set(await contexts());
    await action();
    // Puppeteer keeps about:blank as the URL of moz-extension:// pages: find the new context over BiDi.
    // A deadline, not a measure: a loaded machine took over 15 s to open the popup once.
    const end = Date.now() + within;
    while (Date.now() < end) {
      const ctx = (await contexts()).find((c) => !before.has(c));
      const page = ctx && (await browser.pages()).find((p) => contextOf(p) === ctx);
      if (page) {
        await page.waitForFunction(() => document.readyState === 'complete');
        return wrap(page);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`no tab opened at ${path}`);
  }

  return {
    name: 'firefox',
    respond: (handler) => routes.respond(handler),
    served: routes.served,
    async openArticle(url, html) {
      routes.page(url, html);
      const page = await browser.newPage(); // not the first tab: it ignores defaultViewport (pitfall 5)
      await page.goto(url, { waitUntil: 'domcontentloaded' });
      await page.waitForSelector('wac-toolbar[data-state]', { timeout: 15_000 });
      return wrap(page);
    },
    async openExtensionPage(path) {
      const page = await browser.newPage();
      await navigate(page, extensionUrl(path));
      return wrap(page);
    },
    async openPopup(article) {
      const opener = await browser.newPage();
      await navigate(opener, extensionUrl('options.html'));
      // The popup acts on the active tab of the last focused window: the article, with the popup in a
      // background tab beside it (a focused popup window would be the last focused one itself).
      await article.bringToFront();
      const create = () => opener.evaluate((url) => (globalThis as unknown as { browser: typeof chrome }).browser.tabs.create({ url, active: false }).then(() => undefined), extensionUrl('popup.html'));
      // The harness's own step, not the extension's: a background tab Firefox never listed (twice in
      // full runs under load) is asked for once more.
      const page = await tabOpened('popup.html', create, 20_000).catch(() => tabOpened('popup.html', create));
      await opener.close();
      return page;
    },
    extensionPageOpened: tabOpened,
    failImages: (pred) => routes.failImages(pred),
    downloadCount: async () => taken + files(downloads).filter((f) => !f.endsWith('.part')).length,
    downloadsDir: downloads,
    async close() {
      const profile = (browser.process()?.spawnargs ?? []).find((a) => a.includes('puppeteer_dev_firefox_profile'));
      await browser.close();
      await proxy.close();
      rmSync(downloads, { recursive: true, force: true });
      // A crashed run leaves its profile behind (pitfall 7).
      if (profile) rmSync(profile, { recursive: true, force: true });
    },
  };
}

import type { Responder, Served } from './routing';

/**
 * The one small interface the cross-browser tests drive: Chromium (playwright-core) and real Firefox
 * ESR (puppeteer-core over WebDriver BiDi) each implement it. The toolbar's shadow root is closed:
 * `wac-toolbar >>> x` is x inside it, reached over each browser's protocol (./closed-root.ts).
 */
export type BrowserName = 'chromium' | 'firefox';

export interface LaunchOptions {
  /** The browser's UI language, and so the extension's (browser.i18n): 'zh-CN' (default) or 'en'. */
  lang?: string;
  /**
   * The reader says yes to the browser's prompt for the manifest's optional API permissions. None is
   * granted at launch: the extension's own permissions.request (in a click) grants it. Chromium: its
   * profile remembers that the reader approved them before, so Chrome grants them again without a
   * dialog (headless Chromium shows one that nothing can click). Firefox: its pref for no prompt.
   */
  approveOptionalPermissions?: boolean;
  /**
   * Downloads are saved under `downloadsDir` with the names the browser gives them (subfolders, "(1)"
   * for a taken name), as a reader's are. Chromium: then `download()` is not available (Playwright
   * no longer sees them); Firefox saves there anyway.
   */
  downloadsFolder?: boolean;
  /** The system theme pages see (prefers-color-scheme); default light. */
  colorScheme?: 'light' | 'dark';
}

export interface DownloadedFile {
  name: string;
  bytes: Buffer;
}

export interface TestPage {
  /** Runs in the page (an article: the page's own world; an extension page: with the extension API). */
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /** A toolbar action by accessible name, wherever the toolbar keeps it (see toolbar-actions.ts). */
  clickToolbar(name: RegExp): Promise<void>;
  /** A real click (a user gesture) on the first element matching the selector. */
  click(selector: string): Promise<void>;
  /** Clicks a checkbox until it has this state. */
  setChecked(selector: string, on: boolean): Promise<void>;
  isChecked(selector: string): Promise<boolean>;
  /** textContent of the first match, or null when none. */
  text(selector: string): Promise<string | null>;
  count(selector: string): Promise<number>;
  /** Runs the action and returns the file it made the browser download. */
  download(action: () => Promise<void>, timeoutMs?: number): Promise<DownloadedFile>;
  /** The clipboard's text, read in this page. */
  readClipboard(): Promise<string>;
  bringToFront(): Promise<void>;
  /** The window, or just the first element matching `selector`. */
  screenshot(path: string, selector?: string): Promise<void>;
  close(): Promise<void>;
}

export interface TestBrowser {
  readonly name: BrowserName;
  readonly served: Served;
  /** Serve this HTML at this mp.weixin.qq.com address, open it, wait for the toolbar. */
  openArticle(url: string, html: string): Promise<TestPage>;
  /** An extension page ('popup.html', 'options.html') opened in a tab. */
  openExtensionPage(path: string): Promise<TestPage>;
  /** The popup in a window of its own, acting on the article tab as the toolbar button's popup does. */
  openPopup(article: TestPage): Promise<TestPage>;
  failImages(pred: (url: string) => boolean): void;
  /** Answer mp.weixin.qq.com requests (album JSON pages, the batch's article fetches, faults) before the served pages. */
  respond(handler: Responder): void;
  /** Runs the action and returns the extension page at `path` (e.g. 'batch.html') it opened in a new tab. */
  extensionPageOpened(path: string, action: () => Promise<unknown>): Promise<TestPage>;
  /** Downloads finished so far in this browser. */
  downloadCount(): Promise<number>;
  /** The browser's own download folder (with `downloadsFolder`). */
  readonly downloadsDir: string;
  close(): Promise<void>;
}

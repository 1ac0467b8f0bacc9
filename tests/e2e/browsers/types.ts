import type { Served } from './routing';

/**
 * The one small interface the cross-browser tests drive: Chromium (playwright-core) and real Firefox
 * ESR (puppeteer-core over WebDriver BiDi) each implement it. Selectors pierce open shadow roots, so
 * the toolbar's insides are reachable in both.
 */
export type BrowserName = 'chromium' | 'firefox';

export interface LaunchOptions {
  /** The browser's UI language, and so the extension's (browser.i18n): 'zh-CN' (default) or 'en'. */
  lang?: string;
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
  screenshot(path: string): Promise<void>;
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
  /** Downloads finished so far in this browser. */
  downloadCount(): Promise<number>;
  close(): Promise<void>;
}

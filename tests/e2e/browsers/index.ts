import { afterAll, beforeAll, describe } from 'vitest';
import { launchChromium } from './chromium';
import { launchFirefox } from './firefox';
import type { BrowserName, LaunchOptions, TestBrowser } from './types';

export type { BrowserName, TestBrowser, TestPage, DownloadedFile } from './types';

const LAUNCHERS: Record<BrowserName, (o?: LaunchOptions) => Promise<TestBrowser>> = { chromium: launchChromium, firefox: launchFirefox };

/** The browsers the cross-browser tests run in: all, or those named in E2E_BROWSERS (e.g. "firefox"). */
export const BROWSERS: BrowserName[] = (process.env.E2E_BROWSERS?.split(',').map((s) => s.trim()) ?? ['chromium', 'firefox']).filter(
  (b): b is BrowserName => b in LAUNCHERS,
);

export const launchBrowser = (name: BrowserName, options?: LaunchOptions) => LAUNCHERS[name](options);

/** The browser a describe block runs in; `browser` is there from its beforeAll on. */
export interface InBrowser {
  name: BrowserName;
  browser: TestBrowser;
}

/**
 * One describe block per browser, named `<browser> › <title>` so the report says what ran where. The
 * browser is launched before the block's tests and closed after them: one browser open at a time.
 */
export function eachBrowser(title: string, body: (b: InBrowser) => void, options?: LaunchOptions): void {
  for (const name of BROWSERS) {
    describe(`${name} › ${title}`, () => {
      const b = { name } as InBrowser;
      beforeAll(async () => {
        b.browser = await launchBrowser(name, options);
      });
      afterAll(async () => {
        await b.browser?.close();
      });
      body(b);
    });
  }
}

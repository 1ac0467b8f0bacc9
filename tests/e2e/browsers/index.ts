import { describe } from 'vitest';
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

/**
 * One describe block per browser, named `<browser> › <title>` so the report says what ran where; the
 * body gets the browser's name (launch it in beforeAll with launchBrowser).
 */
export function eachBrowser(title: string, body: (name: BrowserName) => void): void {
  for (const name of BROWSERS) describe(`${name} › ${title}`, () => body(name));
}

import { selectors, type Page } from 'playwright-core';

/**
 * The toolbar's shadow root is closed: no page script, and so no Playwright or puppeteer selector,
 * reaches it through the host. The tests reach it the way a debugger does, over the browser's
 * protocol (Chromium: CDP's DOM domain describes closed roots; Firefox: WebDriver BiDi serializes
 * them with includeShadowTree 'all'), and leave the root on the host under this name, in the page's
 * main world, for the selectors below. The attack test (page-attacks.test.ts) never does.
 */
export const EXPOSED = '__wacShadow';

/**
 * `wac=<css>`: the elements matching a CSS selector inside a host with a closed root (once exposed),
 * its light DOM and its root: from the document, the toolbar's (the slotted "Download Markdown"
 * included); chained from a host (`locator('wac-promo-tag').locator('wac=button')`), that host's.
 * A function Playwright runs in the page.
 */
const toolbarEngine = () => ({
  queryAll(root: Element | Document, selector: string): Element[] {
    const doc = (root as Element).ownerDocument ?? (root as Document);
    const host = (root === doc ? doc.querySelector('wac-toolbar') : root) as (Element & Record<string, ShadowRoot | undefined>) | null;
    if (!host) return [];
    const shadow = host['__wacShadow'];
    return [...host.querySelectorAll(selector), ...(shadow ? shadow.querySelectorAll(selector) : [])];
  },
  query(root: Element | Document, selector: string): Element | null {
    return this.queryAll(root, selector)[0] ?? null;
  },
});

let registered: Promise<void> | undefined;
/** Registers `wac=` once per process, before the first browser context. */
export const registerToolbarEngine = (): Promise<void> => (registered ??= selectors.register('wac', toolbarEngine));

/** The toolbar's controls for Playwright: `toolbar(page).getByRole(...)` finds them in the light DOM and the root. */
export const toolbar = (page: Page) => page.locator('wac-toolbar').or(page.locator('wac=html'));

/**
 * Chromium: leaves the closed roots of the hosts matching `hosts` on them (see EXPOSED); returns how
 * many. CDP's DOM.describeNode with pierce describes closed roots; DOM.resolveNode hands one to the page.
 */
export async function exposeClosedRoots(page: Page, hosts: string): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { result } = await cdp.send('Runtime.evaluate', { expression: `Array.from(document.querySelectorAll(${JSON.stringify(hosts)}))` });
    if (!result.objectId) return 0;
    const { result: items } = await cdp.send('Runtime.getProperties', { objectId: result.objectId, ownProperties: true });
    let exposed = 0;
    for (const item of items) {
      if (!/^\d+$/.test(item.name) || !item.value?.objectId) continue;
      const { node } = await cdp.send('DOM.describeNode', { objectId: item.value.objectId, depth: 1, pierce: true });
      const root = node.shadowRoots?.[0];
      if (!root) continue;
      const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: root.backendNodeId });
      await cdp.send('Runtime.callFunctionOn', { objectId: object.objectId!, functionDeclaration: `function () { this.host.${EXPOSED} = this; }` });
      exposed++;
    }
    return exposed;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** Chromium: the toolbar's closed root, on its host. False while there is no toolbar yet. */
export const exposeToolbarChromium = async (page: Page): Promise<boolean> => (await exposeClosedRoots(page, 'wac-toolbar')) > 0;

/** Chromium: exposes the toolbar of every WeChat page this tab loads, as soon as it is there. */
export function watchToolbar(page: Page): void {
  const run = async () => {
    const end = Date.now() + 20_000;
    while (Date.now() < end && !page.isClosed() && page.url().startsWith('https://mp.weixin.qq.com/')) {
      if (await exposeToolbarChromium(page).catch(() => false)) return;
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  page.on('domcontentloaded', () => void run());
}

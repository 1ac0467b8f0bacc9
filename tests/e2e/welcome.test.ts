import { beforeAll, expect, it } from 'vitest';
import { eachBrowser, type TestPage } from './browsers';
import { shotPath } from './shots';

// The first-run page (#27.21): opened on install, it asks where notes go and keeps images local.
type Api = { tabs: { query(q: object): Promise<{ url?: string }[]> }; storage: { sync: { get(k: string): Promise<Record<string, { destination?: string; imageMode?: string }>> } } };

for (const scheme of ['light', 'dark'] as const) {
  eachBrowser(
    `first run (${scheme})`,
    (b) => {
      let page: TestPage;
      beforeAll(async () => {
        page = await b.browser.openExtensionPage('welcome.html');
      });

      it('the install opened the welcome page by itself', async () => {
        const open = () => page.evaluate(async () => (await ((globalThis as unknown as { browser?: Api }).browser ?? (globalThis as unknown as { chrome: Api }).chrome).tabs.query({})).filter((t) => t.url?.endsWith('/welcome.html')).length, null);
        // One opened by the install, one by this test.
        await expect.poll(open).toBe(2);
      });

      it('asks where notes go, listing what this browser can do (a picked folder only in Chromium)', async () => {
        expect(await page.text('h2')).toBe('笔记保存到哪里？');
        const ids = await page.evaluate(() => Array.from(document.querySelectorAll<HTMLElement>('#choices button'), (b) => b.dataset.destination), null);
        expect(ids).toEqual([...(b.name === 'chromium' ? ['folder'] : []), 'downloads-folder', 'joplin', 'zip']);
        await page.screenshot(shotPath(`welcome-${scheme}-${b.name}.png`));
      });

      it('a choice is saved with local images', async () => {
        await page.click('#choices button[data-destination="zip"]');
        await expect.poll(() => page.text('#done')).toBe('好了：笔记将保存到“含图片的 ZIP”。');
        const stored = await page.evaluate(async () => (await ((globalThis as unknown as { browser?: Api }).browser ?? (globalThis as unknown as { chrome: Api }).chrome).storage.sync.get('settings')).settings, null);
        expect(stored).toMatchObject({ destination: 'zip', imageMode: 'zip' });
      });
    },
    { colorScheme: scheme },
  );
}

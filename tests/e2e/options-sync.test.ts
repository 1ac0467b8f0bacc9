/**
 * Issue 26, finding 8: every setting was one storage.sync item, and sync holds 8 KB per item: a
 * template near 8 KB made every other change fail, silently. Real Chromium enforces the quota.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, type Session } from './harness';

let s: Session | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});

const open = async (session: Session): Promise<Page> => {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/options.html`);
  await page.locator('#tpl-name').waitFor();
  return page;
};
const synced = (page: Page) => page.evaluate(() => chrome.storage.sync.get(null));

describe('options › settings in storage.sync (Chromium)', () => {
  it('a ~7.5 KB template and then another change: both saved; a template over the item quota: a visible error, the rest still saved', async () => {
    s = await launch({ lang: 'en' });
    let options = await open(s);
    const long = `{{title}} ${'长'.repeat(2500)}`; // 7.5 KB in UTF-8
    await options.locator('#tpl-name').fill(long);
    await expect.poll(() => options.locator('#saved').textContent(), { timeout: 10_000 }).toBe('Saved.');
    expect(await options.locator('#tpl-status').textContent()).toBe('');
    await options.locator('#saved').evaluate((e) => (e.textContent = ''));
    await options.locator('#cleanByDefault').setChecked(false);
    await expect.poll(() => options.locator('#saved').textContent()).toBe('Saved.');
    await options.close();

    options = await open(s);
    expect(await options.locator('#tpl-name').inputValue()).toBe(long);
    expect(await options.locator('#cleanByDefault').isChecked()).toBe(false);

    // Over the 8 KB an item may hold: said on the page, in the template's section and at the foot.
    await options.locator('#tpl-name').fill(`{{title}} ${'长'.repeat(3000)}`);
    await expect.poll(() => options.locator('#saved').textContent(), { timeout: 10_000 }).toMatch(/^Not saved: too large for the browser's synced settings .*quota/i);
    expect(await options.locator('#saved').getAttribute('class')).toBe('error');
    await expect.poll(() => options.locator('#tpl-status').textContent()).toMatch(/Not saved/);
    // The last good template stays, and other settings still save.
    await options.locator('#learnPromotion').setChecked(false);
    await expect.poll(() => options.locator('#saved').textContent()).toBe('Saved.');
    const stored = await synced(options);
    expect(stored['settings.noteNameTemplate']).toBe(long);
    expect(stored.settings).toMatchObject({ cleanByDefault: false, learnPromotion: false });
  });

  it('the single item of an older version is read, and its templates move to their own items on the next save', async () => {
    s = await launch({ lang: 'en' });
    const worker = s.context.serviceWorkers()[0]!;
    await worker.evaluate(() => chrome.storage.sync.set({ settings: { noteNameTemplate: 'old {{title}}', folderTemplate: '{{account}}', cleanByDefault: false, imageMode: 'base64' } }));
    const options = await open(s);
    expect(await options.locator('#tpl-name').inputValue()).toBe('old {{title}}');
    expect(await options.locator('#cleanByDefault').isChecked()).toBe(false);
    await options.locator('input[value="zip"]').setChecked(true);
    await expect.poll(() => options.locator('#saved').textContent()).toBe('Saved.');
    const stored = await synced(options);
    expect(stored['settings.noteNameTemplate']).toBe('old {{title}}');
    expect(stored['settings.folderTemplate']).toBe('{{account}}');
    expect(stored.settings).toMatchObject({ cleanByDefault: false, imageMode: 'zip' });
    expect(stored.settings).not.toHaveProperty('noteNameTemplate');
  });
});

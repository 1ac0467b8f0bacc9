import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { launch, openArticle, type Session } from './harness';
import { pageHtml, pageUrl } from '../fixtures';
import { toolbar } from './browsers/closed-root';

// The Templates section of the options page, typed into as a reader types, then an export that follows it.
describe('options › templates (Chromium)', () => {
  let s: Session;
  beforeAll(async () => {
    s = await launch({ lang: 'en' });
  });
  afterAll(() => s?.close());

  const stored = async () => {
    const page = await s.context.newPage();
    await page.goto(`chrome-extension://${s.extensionId}/popup.html`);
    const all = (await page.evaluate(() => chrome.storage.sync.get(null))) as Record<string, unknown>;
    await page.close();
    // Each template is its own item (`settings.<name>`); one still in `settings` wins (issue 26.8).
    const templates = Object.fromEntries(Object.entries(all).filter(([k]) => k.startsWith('settings.')).map(([k, v]) => [k.slice('settings.'.length), v]));
    return { ...templates, ...((all.settings as Record<string, unknown> | undefined) ?? {}) };
  };

  it('typing shows the preview, an error in place and "not saved"; a good template is saved and the export follows it', async () => {
    const opt = await s.context.newPage();
    await opt.goto(`chrome-extension://${s.extensionId}/options.html`);
    const preview = opt.locator('#tpl-preview');
    // The sample is corpus page 01; the default name is its title.
    await expect.poll(() => preview.textContent()).toContain('AI编程害死我了，给我的抓包软件埋了一个大雷！.md');

    const name = opt.locator('#tpl-name');
    await name.fill('');
    await name.pressSequentially('{{published|date:"YYYY-MM-DD"}} {{titel}}');
    const nameErrors = opt.locator('#tpl-name-errors');
    await expect.poll(() => nameErrors.textContent()).toMatch(/Column 35: Unknown variable "titel"/);
    expect(await name.getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => opt.locator('#tpl-status').textContent()).toMatch(/Not saved/);
    // Still the last good one, stored and previewed.
    await opt.waitForTimeout(600);
    expect((await stored()).noteNameTemplate ?? '{{title}}').toBe('{{title}}');
    expect(await preview.textContent()).toContain('\nAI编程害死我了，给我的抓包软件埋了一个大雷！.md'.slice(1));

    for (let i = 0; i < 4; i++) await name.press('Backspace');
    await name.pressSequentially('le}}');
    await expect.poll(() => nameErrors.textContent()).toBe('');
    await expect.poll(() => preview.textContent()).toContain('2025-11-10 AI编程害死我了，给我的抓包软件埋了一个大雷！.md');

    await opt.locator('#tpl-folder').pressSequentially('WeChat/{{account}}');
    await expect.poll(() => preview.textContent()).toContain('WeChat/轩辕的编程宇宙/2025-11-10 AI编程');

    // The default list property tags (last of the defaults, empty: `tags: []`) gets a value.
    const row = opt.locator('.tpl-prop').last();
    expect(await row.locator('.tpl-prop-name').inputValue()).toBe('tags');
    expect(await row.locator('.tpl-prop-type').inputValue()).toBe('list');
    await expect.poll(() => preview.textContent()).toContain('\ntags: []\n');
    await row.locator('.tpl-prop-value').pressSequentially('wechat, {{album|lower}}');
    await expect.poll(() => preview.textContent()).toContain('tags:\n  - "wechat"\n  - "ai技术与ai编程"');
    // A bad filter in a property: the error is under that property.
    const value = row.locator('.tpl-prop-value');
    await value.press('ArrowLeft');
    await value.press('ArrowLeft');
    await value.pressSequentially('|nope');
    await expect.poll(() => row.locator('.tpl-errors').textContent()).toMatch(/Unknown filter "nope"/);
    for (let i = 0; i < 5; i++) await value.press('Backspace');
    await expect.poll(() => row.locator('.tpl-errors').textContent()).toBe('');
    await expect.poll(async () => ((await stored()).properties as { name: string; value: string }[] | undefined)?.at(-1)).toMatchObject({ name: 'tags', value: 'wechat, {{album|lower}}' });
    expect(await stored()).toMatchObject({ noteNameTemplate: '{{published|date:"YYYY-MM-DD"}} {{title}}', folderTemplate: 'WeChat/{{account}}' });
    await opt.close();

    // The export uses what was saved: its name and its front matter.
    const html = pageHtml('01');
    const page = await openArticle(s, pageUrl(html, '01'), html);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download Markdown' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('2025-11-10 AI编程害死我了，给我的抓包软件埋了一个大雷！.md');
    const md = readFileSync((await file.path())!, 'utf8');
    expect(md).toMatch(/^---\ntitle: "AI编程害死我了，给我的抓包软件埋了一个大雷！"\n/);
    expect(md).toContain('\npublished: 2025-11-10T12:00:10+08:00\n');
    // The note's identity line (wechat_id) always closes the front matter, after the template's properties.
    expect(md).toMatch(/\ntags:\n {2}- "wechat"\n {2}- "ai技术与ai编程"\nwechat_id: "[^"\n]+"\n---\n\n# /);
    await page.close();
  });

  it('a broken template stored by hand: the options page says so, the export uses the default and says so', async () => {
    const ext = await s.context.newPage();
    await ext.goto(`chrome-extension://${s.extensionId}/options.html`);
    await ext.evaluate(() => chrome.storage.sync.set({ settings: { noteNameTemplate: '{{title|nope}}' } }));
    await ext.reload();
    await expect.poll(() => ext.locator('#tpl-name-errors').textContent()).toMatch(/Unknown filter "nope"/);
    await expect.poll(() => ext.locator('#tpl-status').textContent()).toMatch(/Not saved/);
    await ext.close();
    const html = pageHtml('seed-article');
    const page = await openArticle(s, pageUrl(html, 'seed'), html);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download Markdown' }).click();
    expect((await download).suggestedFilename()).toBe('国际 ｜ 中缅泰打击电诈，从清剿转向治理.md');
    await expect.poll(() => toolbar(page).locator('[role=status]').first().textContent()).toMatch(/the default was used for: note name/);
    await page.close();
  });
});

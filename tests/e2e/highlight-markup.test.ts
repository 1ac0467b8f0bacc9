import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { launch, openArticle, type Session } from './harness';
import { shotPath } from './shots';
import { toolbarAction } from './toolbar-actions';
import { extensionPage } from './opfs';
import { pageHtml, pageUrl } from '../fixtures';
import { asNoteText, selectWithMouse } from './select';

/** The options page's choice of <mark> for highlighted passages, carried into the note the toolbar saves (Chromium). */
let session: Session;
beforeAll(async () => {
  session = await launch();
});
afterAll(async () => {
  await session?.close();
});

describe('highlighted passages as <mark> (Chromium)', () => {
  it('chosen on the options page, the note writes the passage <mark>…</mark>; the Highlights section quotes it as before', async () => {
    const options = await extensionPage(session);
    await options.locator('input[name=highlightMarkup][value=equals]').waitFor();
    expect(await options.locator('input[name=highlightMarkup][value=equals]').isChecked()).toBe(true);
    await options.locator('input[name=highlightMarkup][value=mark]').check();
    await expect.poll(() => options.locator('#saved').textContent()).not.toBe('');
    await options.locator('#highlight-markup').screenshot({ path: shotPath('options-highlight-markup.png') });
    await options.reload();
    await expect.poll(() => options.locator('input[name=highlightMarkup][value=mark]').isChecked()).toBe(true);
    await options.close();

    const html = pageHtml('01');
    const page = await openArticle(session, pageUrl(html, '01'), html);
    const passage = (await selectWithMouse(page, 300, 12)).trim();
    await page.keyboard.press('Alt+Shift+KeyH');
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.wacHighlights)).toBe('1/1');
    const download = page.waitForEvent('download');
    await toolbarAction(page, /下载 Markdown|Download Markdown/);
    const md = readFileSync((await (await download).path())!, 'utf8');
    const text = asNoteText(passage);
    const at = md.indexOf('## 划线与批注 / Highlights');
    expect(md.slice(0, at)).toContain(`<mark>${text}</mark>`);
    expect(md.slice(0, at)).not.toContain(`==${text}==`);
    expect(md.slice(at)).toContain(`> ${text}`);
    await page.close();
  });
});

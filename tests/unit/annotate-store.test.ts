import { beforeEach, describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { describeRange, anchorRange, textIndex } from '../../utils/annotate/anchor';
import { DEFAULT_SETTINGS } from '../../utils/settings/settings';
import type { FetchImages } from '../../utils/deliver/zip';
import { pageHtml, pageUrl } from '../fixtures';

// The real store over WXT's in-memory stand-in for browser.storage (wxt/browser reads the global
// when it is first imported, hence the dynamic imports).
(globalThis as { chrome?: unknown }).chrome = fakeBrowser;
const store = await import('../../utils/annotate/store');
const { exportFetchedArticle } = await import('../../utils/batch/article');

beforeEach(() => fakeBrowser.reset());

const noImages: FetchImages = async (urls, onEach) => urls.forEach((_, index) => onEach({ index, ok: false, error: 'offline' }));

describe("the stored highlights in the batch's copy of an article", () => {
  it('are read by the article identity and marked in the note the batch writes', async () => {
    const html = pageHtml('01');
    const url = pageUrl(html, '01');
    const root = new JSDOM(html, { url }).window.document.getElementById('js_content')!;
    const index = textIndex(root);
    const at = /\S{16}/g;
    at.lastIndex = 1500;
    const start = at.exec(index.text)!.index;
    const probe = anchorRange(root, { exact: index.text.slice(start, start + 16), prefix: '', suffix: '', start, end: start + 16 }, index)!;
    const anchor = describeRange(root, probe)!;
    await store.saveHighlights('MzIyNjMxOTY0NA==/2247504179/1', [{ ...anchor, id: 'a', note: '批量导出里也在', created: 1 }], { title: 't', url });
    expect(await store.loadHighlights('MzIyNjMxOTY0NA==/2247504179/1')).toHaveLength(1);
    const out = await exportFetchedArticle(html, url, DEFAULT_SETTINGS, noImages, 'assets/001');
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.markdown).toContain(`==${anchor.exact}==`);
    expect(out.markdown).toContain(`> ${anchor.exact}\n\n批量导出里也在`);
  });

  it('none stored: the note is as before, and removing the last one removes the record', async () => {
    await store.saveHighlights('X/1/1', [{ id: 'a', exact: '字', prefix: '', suffix: '', start: 0, end: 1, note: '', created: 1 }], { title: '', url: '' });
    expect(Object.keys(await fakeBrowser.storage.local.get(null))).toEqual(['hl:X/1/1']);
    await store.saveHighlights('X/1/1', [], { title: '', url: '' });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });
});

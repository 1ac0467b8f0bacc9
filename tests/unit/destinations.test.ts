import { describe, expect, it } from 'vitest';
import MarkdownIt from 'markdown-it';
import { clockless, expectedMarkdown, testImage } from '../fixtures';
import { GOLDEN_PAGES, prepareFixture } from '../golden-cases';
import { draftFromArticle, makeDraft } from '../../utils/pipeline/export';
import { saveIntoFolder } from '../../utils/deliver/folder/save';
import { memoryWrittenStore } from '../../utils/deliver/folder/written';
import { buildPage } from '../page-builder';
import { memoryFolder } from './memory-fs';
import { fetchDraftImages, fillSlots, remoteNote } from '../../utils/deliver/destinations/slots';
import { attachmentPlan, linkPath, notePath, relativeTo } from '../../utils/deliver/destinations/attachments';
import { DEFAULT_SETTINGS, withDefaults, type Settings } from '../../utils/settings/settings';
import type { FetchImages } from '../../utils/deliver/zip';
import type { NoteDraft } from '../../utils/deliver/destinations/types';

function draftOf(name: string, settings: Settings = DEFAULT_SETTINGS): NoteDraft {
  const p = prepareFixture(name);
  if (!p.ok) throw new Error(p.message);
  return draftFromArticle(p.article, settings, p.fileName);
}

const png = testImage();
/** Serves the test image for every address except those `fails` names (a host that refuses). */
const serve =
  (fails: (url: string) => boolean = () => false): FetchImages =>
  async (urls, onEach) => {
    // Replies in reverse order: the note must not depend on the order they come back in.
    for (let i = urls.length - 1; i >= 0; i--) onEach(fails(urls[i]!) ? { index: i, ok: false, error: 'HTTP 404' } : { index: i, ok: true, data: png.toString('base64'), type: 'image/png' });
  };
const ctx = (fetchImages: FetchImages, settings = DEFAULT_SETTINGS) => ({ settings, fetchImages, progress: () => {} });

describe('a draft', () => {
  it('with its slots filled by the remote addresses is exactly the note every page exports today', () => {
    for (const name of GOLDEN_PAGES) expect(clockless(remoteNote(draftOf(name))), name).toBe(clockless(expectedMarkdown(name)));
  });

  it('carries one slot per image and no remote image address in its text', () => {
    const d = draftOf('02');
    expect(d.images.length).toBeGreaterThan(3);
    for (const url of d.images) expect(d.markdown).not.toContain(url);
    expect(d.markdown.match(new RegExp(d.slot, 'g'))?.length).toBeGreaterThanOrEqual(d.images.length);
    // Plain data: it survives the message to the background.
    expect(JSON.parse(JSON.stringify(d))).toEqual(d);
  });
});

describe('attachments', () => {
  const draft = { ...draftOf('02'), name: 'A note (2)', folder: 'WeChat/阮一峰' };
  const files = draft.images.slice(0, 2).map((_, index) => ({ index, type: 'image/png' }));

  it('beside the note: <folder>/assets/<note>/001.png, linked relative to the note, spaces and parentheses encoded', () => {
    const plan = attachmentPlan(draft, DEFAULT_SETTINGS, files);
    expect(plan[0]).toEqual({ index: 0, path: 'WeChat/阮一峰/assets/A note (2)/001.png', relative: 'assets/A note (2)/001.png', link: 'assets/A%20note%20%282%29/001.png' });
    expect(notePath(draft)).toBe('WeChat/阮一峰/A note (2).md');
  });

  it('in one fixed folder: <fixed>/<note>/001.png, linked with ../ from the note', () => {
    const s = withDefaults({ attachments: { location: 'fixed', folder: 'Attachments', embeds: false } });
    expect(attachmentPlan(draft, s, files)[1]).toMatchObject({ path: 'Attachments/A note (2)/002.png', relative: '../../Attachments/A note (2)/002.png' });
    expect(relativeTo('', 'a/b.png')).toBe('a/b.png');
    expect(relativeTo('a/b', 'a/c/d.png')).toBe('../c/d.png');
    expect(linkPath('x y/[1]#.png')).toBe('x%20y/%5B1%5D%23.png');
  });

  it('every image link of a note filled from the plan resolves to a planned file, as a Markdown reader parses it', async () => {
    const d = { ...draftOf('05'), folder: 'notes' };
    const fetched = await fetchDraftImages(d, ctx(serve((u) => u === d.images[1])));
    expect(fetched.failed.map((f) => f.url)).toEqual([d.images[1]]);
    const plan = attachmentPlan(d, DEFAULT_SETTINGS, fetched.files);
    const link = new Map(plan.map((p) => [p.index, p.link]));
    const md = fillSlots(d, (i) => link.get(i) ?? null);
    const srcs: string[] = [];
    const walk = (tokens: ReturnType<MarkdownIt['parse']>) => {
      for (const tok of tokens) {
        if (tok.type === 'image') srcs.push(tok.attrGet('src')!);
        if (tok.children) walk(tok.children);
      }
    };
    walk(new MarkdownIt().parse(md, {}));
    const planned = new Set(plan.map((p) => p.path));
    const local = srcs.filter((s) => !/^https?:/.test(s));
    expect(local.length).toBe(d.images.length - 1);
    for (const s of local) expect(planned.has(`notes/${decodeURIComponent(s)}`), s).toBe(true);
    // The failed one keeps its remote address.
    expect(srcs).toContain(d.images[1]);
  });

  it('Obsidian embeds: ![[path]] for fetched images, the remote link for a failed one', () => {
    const d = draftOf('05');
    const md = fillSlots(d, (i) => (i === 0 ? null : `assets/n/${i}.png`), true);
    expect(md).toContain('![[assets/n/1.png]]');
    expect(md).toContain(`](${d.images[0]})`);
    expect(md).not.toContain(d.slot);
  });
});

describe('images in merged-cell (HTML) tables (issue 26, finding 10)', () => {
  // Two rows side by side: a data table with a merged cell, kept as HTML (one such row would be a layout table).
  const TABLE = '<p>Before.</p><p><img data-src="https://mmbiz.qpic.cn/mmbiz_png/t/1/0?wx_fmt=png"></p><table><tbody><tr><td colspan="2">季度</td></tr><tr><td>图</td><td><img data-src="https://mmbiz.qpic.cn/mmbiz_png/t/2/0?wx_fmt=png"><a href="wac-img-zzzzzzzz-0">x</a></td></tr><tr><td>甲</td><td>乙</td></tr></tbody></table>';
  const draftOfPage = () => {
    const made = makeDraft(new DOMParser().parseFromString(buildPage({ title: '表中图', content: TABLE }), 'text/html'), 'https://mp.weixin.qq.com/s/x', DEFAULT_SETTINGS);
    if (!made.ok) throw new Error(made.message);
    return made.draft;
  };

  it("keep their slot in the draft: the table's <img> is written and linked like any image", async () => {
    const d = draftOfPage();
    expect(d.images).toHaveLength(2);
    expect(d.markdown).toContain(`<img src="${d.slot}1">`);
    expect(d.markdown).not.toContain("data-src");
    const { files } = await fetchDraftImages(d, ctx(serve()));
    const plan = attachmentPlan(d, DEFAULT_SETTINGS, files);
    const note = fillSlots(d, (i) => plan.find((p) => p.index === i)?.link ?? null);
    expect(note).toContain('<img src="assets/表中图/002.png">');
    expect(note).toContain('![](assets/表中图/001.png)');
  });

  it('through the folder destination: both files written, both linked, 2 of 2 saved', async () => {
    const f = memoryFolder('vault');
    const r = await saveIntoFolder(f.handle, draftOfPage(), ctx(serve()), memoryWrittenStore());
    const tree = f.tree();
    expect(Object.keys(tree).sort()).toEqual(['assets/表中图/001.png', 'assets/表中图/002.png', '表中图.md']);
    expect(tree['表中图.md']).toContain('<img src="assets/表中图/002.png">');
    expect(r.ok).toBe(true);
  });

  it('a page-made address in the slot form is no slot of ours: it stays a plain relative link, nothing filled', () => {
    expect(remoteNote(draftOfPage())).toContain('<a href="wac-img-zzzzzzzz-0">x</a>');
  });
});

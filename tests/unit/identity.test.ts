import { describe, expect, it } from 'vitest';
import { articleIdentity, identityFromNote } from '../../utils/page/identity';
import { ScriptVars } from '../../utils/page/script-vars';
import { compileNoteTemplates, DEFAULT_NOTE_TEMPLATES, noteFrontMatter } from '../../utils/markdown/templates/note-templates';
import { templateContext } from '../../utils/markdown/templates/variables';
import { DEFAULT_SETTINGS } from '../../utils/settings/settings';
import { exportFetchedArticle } from '../../utils/batch/article';
import { exportMarkdown } from '../../utils/pipeline/export';
import { SAMPLE_META } from '../../utils/ui/options-templates';
import type { FetchImages } from '../../utils/deliver/zip';
import { pageHtml, pageUrl } from '../fixtures';

const vars = (script: string) => new ScriptVars([script]);

describe('the article identity', () => {
  it('is __biz/mid/idx from the canonical address, else sn/<sn>, else null', () => {
    expect(articleIdentity('https://mp.weixin.qq.com/s?__biz=MzA5MzE5MDAzOA==&mid=2664237172&idx=5&sn=ad9fb446f073c21912871087a98568c5')).toBe('MzA5MzE5MDAzOA==/2664237172/5');
    expect(articleIdentity('https://mp.weixin.qq.com/s?__biz=MzAwMA==&amp;mid=1&amp;idx=2')).toBe('MzAwMA==/1/2');
    expect(articleIdentity('https://mp.weixin.qq.com/s?__biz=MzA5MzE5MDAzOA==&sn=ad9fb446f073c21912871087a98568c5')).toBe('sn/ad9fb446f073c21912871087a98568c5');
    expect(articleIdentity('https://mp.weixin.qq.com/s/KDWh_qGpFN5Vu1TR9t30Mw')).toBeNull();
    expect(articleIdentity('')).toBeNull();
  });

  it("reads what a short address lacks from the page's script variables, in every era's form", () => {
    // 2025: the value first; 2018/2022: after empty alternatives; `var biz = null` in a bundle is no value.
    const y2025 = 'var biz = null;\nvar biz = "MzIyNjMxOTY0NA==" || ""\nvar sn = "52c2c5acc9ff4567b10d1408a333693c" || "" || ""\nvar mid = "2247504179" || "" || ""\nvar idx = "1" || "" || ""';
    expect(articleIdentity('https://mp.weixin.qq.com/s/KDWh_qGpFN5Vu1TR9t30Mw', vars(y2025))).toBe('MzIyNjMxOTY0NA==/2247504179/1');
    const y2018 = 'var biz = "" || "ODUzMjkwMzYx"\nvar sn = "" || "" || ""\nvar mid = "" || "" || "2654593305"\nvar idx = "" || "" || "1"';
    expect(articleIdentity('https://mp.weixin.qq.com/s/x', vars(y2018))).toBe('ODUzMjkwMzYx/2654593305/1');
    expect(articleIdentity('https://mp.weixin.qq.com/s/x', vars("window.sn = '' || 'd625de357b53f96d710aca4e6ec7f57c';"))).toBe('sn/d625de357b53f96d710aca4e6ec7f57c');
  });

  it('takes no value that is not of its known form: a page cannot forge a path or a line', () => {
    expect(articleIdentity('https://mp.weixin.qq.com/s?__biz=../x&mid=1&idx=1')).toBeNull();
    expect(articleIdentity('https://mp.weixin.qq.com/s?__biz=MzA=&mid=1a&idx=1&sn=x%0Ay')).toBeNull();
    expect(articleIdentity('https://mp.weixin.qq.com/s/x', vars('var biz = "MzA=\\n/1";var mid = "1";var idx = "1";'))).toBeNull();
  });

  it('is read back from a note: as we write it, quoted otherwise, or not at all', () => {
    expect(identityFromNote('---\ntitle: "a"\nwechat_id: "MzA=/1/2"\n---\n\n# a\n')).toBe('MzA=/1/2');
    expect(identityFromNote('\uFEFF---\r\nwechat_id: sn/abc\r\n---\r\n')).toBe('sn/abc');
    expect(identityFromNote("---\nwechat_id: 'MzA=/1/2'\n---")).toBe('MzA=/1/2');
    expect(identityFromNote('---\ntitle: a\n---\n\nwechat_id: "MzA=/1/2"\n')).toBeNull(); // in the body, not the front matter
    expect(identityFromNote('# a note of the reader\n\nwechat_id: "MzA=/1/2"\n')).toBeNull();
    expect(identityFromNote('---\nwechat_id: ""\n---\n')).toBeNull();
    expect(identityFromNote('---\nwechat_id: "broken\n---\n')).toBeNull();
    expect(identityFromNote('')).toBeNull();
  });

  it("is the front matter's last property, always ours: a reader's own wechat_id is dropped", () => {
    const ctx = templateContext(SAMPLE_META);
    const theirs = compileNoteTemplates({ ...DEFAULT_NOTE_TEMPLATES, properties: [{ name: 'wechat_id', type: 'text', value: '{{title}}' }, { name: 'title', type: 'text', value: '{{title}}' }] });
    const front = noteFrontMatter(theirs, ctx, 'MzA=/1/2');
    expect(front).toBe(`---\ntitle: ${JSON.stringify(SAMPLE_META.title)}\nwechat_id: "MzA=/1/2"\n---`);
    expect(identityFromNote(front)).toBe('MzA=/1/2');
    // No properties at all: the identity still; no identity known: the reader's wechat_id is still dropped.
    expect(noteFrontMatter(compileNoteTemplates({ ...DEFAULT_NOTE_TEMPLATES, properties: [] }), ctx, 'sn/abc')).toBe('---\nwechat_id: "sn/abc"\n---');
    expect(noteFrontMatter(theirs, ctx, null)).not.toContain('wechat_id');
  });

  it('is in every note: a single export and a batch (lean page) write the same one', async () => {
    const html = pageHtml('01');
    const url = pageUrl(html, '01');
    const single = exportMarkdown(new DOMParser().parseFromString(html, 'text/html'), url, DEFAULT_SETTINGS);
    expect(single.ok && identityFromNote(single.markdown)).toBe('MzIyNjMxOTY0NA==/2247504179/1');
    const noImages: FetchImages = async (urls, onEach) => urls.forEach((_, index) => onEach({ index, ok: false, error: 'offline' }));
    const settings = { ...DEFAULT_SETTINGS, properties: [{ name: 'wechat_id', type: 'text' as const, value: 'mine' }] };
    const batch = await exportFetchedArticle(html, url, settings, noImages, 'assets/001');
    expect(batch.ok && identityFromNote(batch.markdown)).toBe('MzIyNjMxOTY0NA==/2247504179/1');
    expect(batch.ok && batch.markdown.match(/wechat_id/g)?.length).toBe(1);
  });
});

import { describe, expect, it } from 'vitest';
import { articleMarkdown } from '../../utils/markdown/note';
import { prepareExport } from '../../utils/pipeline/export';
import { DEFAULT_SETTINGS } from '../../utils/settings/settings';
import { buildPage } from '../page-builder';
import { loadDocument } from '../golden-cases';

const URL_ = 'https://mp.weixin.qq.com/s/styling';

function extracted(content: string) {
  const r = prepareExport(loadDocument(buildPage({ content }), URL_), URL_);
  if (!r.ok) throw new Error(r.message);
  return r.article;
}

// Before conversion, wrappers that only carry editor styling are taken out (each costs the converter a
// pass over its rules); a wrapper stays when a rule reads it.
describe('styling wrappers before conversion', () => {
  it('a span that says font-weight: normal (every run on a 2025 page) is unwrapped; a bold or italic span stays and is written so', () => {
    const article = extracted(
      '<p><span leaf="" style="font-style: normal;font-weight: normal;">平常的字</span><span textstyle="" style="font-weight: bold;">加粗的字</span>' +
        '<span style="font-style: italic">斜体的字</span><font style="font-weight: bold">字体</font></p>',
    );
    const spans = Array.from(article.root.querySelectorAll('span')).map((s) => s.textContent);
    expect(spans).toEqual(['加粗的字', '斜体的字']);
    expect(article.root.querySelector('font')).toBeNull();
    expect(articleMarkdown(article, DEFAULT_SETTINGS)).toContain('平常的字**加粗的字***斜体的字*字体');
  });
  it('a media card that is a span stays whatever its style (counter-example: unwrapped, it would lose its line)', () => {
    const article = extracted('<p>看这里：<span class="weapp_text_link" style="font-weight: normal" data-miniprogram-title="每日打卡">打开小程序</span></p><p>正文继续。</p>');
    expect(article.root.querySelector('span.weapp_text_link')).not.toBeNull();
    expect(articleMarkdown(article, DEFAULT_SETTINGS)).toContain('小程序：每日打卡');
  });
});

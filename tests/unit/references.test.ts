import { describe, expect, it } from 'vitest';
import { exportMarkdown } from '../../utils/pipeline/export';
import { buildPage } from '../page-builder';
import { loadDocument } from '../golden-cases';

const URL_ = 'https://mp.weixin.qq.com/s/refs';
const body = (content: string) => {
  const r = exportMarkdown(loadDocument(buildPage({ content }), URL_), URL_);
  if (!r.ok) throw new Error(r.message);
  return r.markdown.replace(/^---\n[\s\S]*?\n---\n\n# .*\n\n/, '');
};

describe('addresses and references in the text (#28.4)', () => {
  it("an address in text is a link, whole; the sentence's punctuation stays outside", () => {
    expect(body('<p>见 https://a.example/x_y_z.html。</p>')).toBe('见 <https://a.example/x_y_z.html>。\n');
    expect(body('<p>(see https://en.wikipedia.org/wiki/A_(b)), then https://a.example/c.</p>')).toBe('(see <https://en.wikipedia.org/wiki/A_(b)>), then <https://a.example/c>.\n');
    expect(body('<p><i>https://a.example/p/</i></p>')).toBe('*<https://a.example/p/>*\n');
  });
  it('not inside links or code; not a scheme alone', () => {
    expect(body('<p><a href="https://b.example/">https://b.example/</a> and <code>https://c.example/</code> and http://</p>')).toBe('<https://b.example/> and `https://c.example/` and http://\n');
  });
  it('a numbered reference list after its heading: footnotes, and the markers link to them', () => {
    const md = body('<p>正文<sup>[1]</sup>和<sup>[2]</sup>，还有<sup>[9]</sup>。</p><h3>参考资料</h3><p>[1] 甲: https://a.example/1<br>[2] 乙: https://a.example/2</p>');
    expect(md).toBe('正文[^1]和[^2]，还有\\[9\\]。\n\n## 参考资料\n\n[^1]: 甲: <https://a.example/1>\n\n[^2]: 乙: <https://a.example/2>\n');
  });
  it('without a reference list, bracketed numbers stay text', () => {
    expect(body('<p>数组 a[1] 和 [2]</p>')).toBe('数组 a\\[1\\] 和 \\[2\\]\n');
  });
});

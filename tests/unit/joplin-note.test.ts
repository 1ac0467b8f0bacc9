import { describe, expect, it } from 'vitest';
import { joplinNote, withoutFrontMatter } from '../../utils/deliver/joplin/note';
import { makeDraft } from '../../utils/pipeline/export';
import { remoteNote } from '../../utils/deliver/destinations/slots';
import { DEFAULT_SETTINGS } from '../../utils/settings/settings';
import { buildPage } from '../page-builder';

// A rule, then a code block whose text is YAML with its own `---` lines.
const CONTENT = '<p>Before the rule.</p><hr><p>After the rule.</p><pre><code>---\nkey: value\n---\nmore: yaml</code></pre><p>The end.</p>';

describe("Joplin's body: the front matter leaves it, nothing else does", () => {
  it('an empty front matter (no properties) ends at its own closing line', () => {
    const body = '# T\n\nBefore.\n\n---\n\n```yaml\n---\na: 1\n---\n```\n';
    expect(withoutFrontMatter(`---\n---\n\n${body}`)).toBe(body);
    expect(withoutFrontMatter(`---\ntitle: "a"\nlist:\n  - "x"\n---\n\n${body}`)).toBe(body);
    expect(withoutFrontMatter(body)).toBe(body);
    expect(withoutFrontMatter('---\n---')).toBe('');
  });

  it('a whole export with an empty property list and no identity: the rule and the YAML code block stay in the body', () => {
    // No msg_link and a short address: the page names no identity, so the front matter is empty.
    const html = buildPage({ title: 'Rule and YAML', content: CONTENT }).replace(/\s*var msg_link = .*\n/, '\n');
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const made = makeDraft(doc, 'https://mp.weixin.qq.com/s/abc', { ...DEFAULT_SETTINGS, properties: [] });
    if (!made.ok) throw new Error(made.message);
    const note = remoteNote(made.draft);
    expect(note.startsWith('---\n---\n\n# Rule and YAML\n')).toBe(true);
    const body = joplinNote(made.draft, note, 'nb').body;
    expect(body).toBe(note.slice('---\n---\n\n'.length));
    expect(body).toContain('Before the rule.');
    expect(body).toMatch(/After the rule\.[\s\S]*```\n---\nkey: value\n---\nmore: yaml\n```/);
  });
});

import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { checkOverrides, folderProblem, nameProblem } from '../../utils/deliver/overrides';
import { makeDraft, previewNote } from '../../utils/pipeline/export';
import { DEFAULT_SETTINGS } from '../../utils/settings/settings';
import { loadDocument } from '../golden-cases';
import { expectedMarkdown, pageHtml, pageUrl } from '../fixtures';
import en from '../../public/_locales/en/messages.json';
import zh from '../../public/_locales/zh_CN/messages.json';

// The popup's edits for one export (#27 item 15): checked as the page receives them, written by the
// typed front-matter writer whatever they hold.
const html = pageHtml('seed-article');
const url = pageUrl(html, 'seed');
const seed = () => loadDocument(html, url);
const split = (md: string) => /^---\n([\s\S]*?)\n---\n\n([\s\S]*)$/.exec(md)!.slice(1) as [string, string];

describe('the edits a message carries are checked (keys here: no browser i18n in Node)', () => {
  it.each([
    [undefined, {}],
    [{ name: '  我的笔记 ', folder: '/读书\\2026/' }, { name: '我的笔记', folder: '读书/2026' }],
    [{ properties: { title: 'x', tags: 'a, b' } }, { properties: { title: 'x', tags: 'a, b' } }],
    [{ folder: '' }, { folder: '' }],
  ])('%j is taken as %j', (raw, edits) => {
    expect(checkOverrides(raw)).toEqual({ ok: true, edits });
  });

  it.each([
    [{ name: 'a/b' }, 'previewNameBad'],
    [{ name: '   ' }, 'previewNameEmpty'],
    [{ name: 'CON' }, 'previewNameBad'],
    [{ name: 'note.' }, 'previewNameBad'],
    [{ folder: '读书/../外面' }, 'previewFolderBad'],
    [{ folder: './x' }, 'previewFolderBad'],
    [{ folder: 'a:b' }, 'previewFolderBad'],
    [{ name: 42 }, 'previewEditsBad'],
    [{ properties: { title: 1 } }, 'previewEditsBad'],
    [{ properties: ['title'] }, 'previewEditsBad'],
    [{ properties: { title: 'x'.repeat(10_001) } }, 'previewEditsBad'],
    ['name', 'previewEditsBad'],
  ])('%j is refused with a message (%s)', (raw, key) => {
    expect(checkOverrides(raw)).toEqual({ ok: false, message: key });
  });

  it('a name or folder is fine as it is, or says what is wrong', () => {
    expect(nameProblem('国际 ｜ 中缅泰')).toBe('');
    expect(nameProblem('a?')).toBe('previewNameBad');
    expect(folderProblem('')).toBe('');
    expect(folderProblem('Reading/2026')).toBe('');
    expect(folderProblem('..')).toBe('previewFolderBad');
  });
});

describe('a note made with edits', () => {
  const golden = expectedMarkdown('seed-article');
  const [goldenYaml, goldenText] = split(golden);
  const hostile = {
    title: 'a: b\n---\n# x',
    tags: '- x, "y"，#z',
    description: '"quoted" #hash: [not, a, list]',
    published: 'not a date',
    nope: 'a property the template does not have',
    wechat_id: 'forged',
  };

  it('writes every value as YAML the notes app reads back exactly, and nothing else changes', () => {
    const made = makeDraft(seed(), url, DEFAULT_SETTINGS, null, [], { name: '我的笔记', folder: '读书', properties: hostile });
    if (!made.ok) throw new Error(made.message);
    const { draft } = made;
    expect([draft.name, draft.folder, draft.title]).toEqual(['我的笔记', '读书', hostile.title]);
    const [yaml, text] = split(draft.markdown);
    const props = parseYaml(yaml) as Record<string, unknown>;
    const was = parseYaml(goldenYaml) as Record<string, unknown>;
    expect(props).toEqual({ ...was, created: props.created, title: hostile.title, tags: ['- x', '"y"', '#z'], description: hostile.description, published: 'not a date' });
    // The heading follows the edited title, on one line; the body is the golden's.
    expect(text.split('\n')[0]).toBe('# a: b --- # x');
    expect(text.slice(text.indexOf('\n'))).toBe(goldenText.slice(goldenText.indexOf('\n')));
  });

  it('a cleared title leaves the property out and the heading as it was', () => {
    const made = makeDraft(seed(), url, DEFAULT_SETTINGS, null, [], { properties: { title: ' ' } });
    if (!made.ok) throw new Error(made.message);
    const [yaml, text] = split(made.draft.markdown);
    expect(yaml).not.toMatch(/^title:/m);
    expect(text).toBe(goldenText);
    expect(made.draft.title).toBe('国际 | 中缅泰打击电诈，从清剿转向治理');
  });

  it('without edits, the draft is the templates’ note', () => {
    const made = makeDraft(seed(), url, DEFAULT_SETTINGS);
    if (!made.ok) throw new Error(made.message);
    expect(made.draft.name).toBe('国际 ｜ 中缅泰打击电诈，从清剿转向治理');
    expect(split(made.draft.markdown)[1]).toBe(goldenText);
  });

  it('the preview shows the name, the folder, the properties (not the identity) and the first lines', () => {
    const p = previewNote(seed(), url, { ...DEFAULT_SETTINGS, folderTemplate: '{{account}}' });
    if (!p.ok) throw new Error(p.message);
    expect([p.name, p.folder]).toEqual(['国际 ｜ 中缅泰打击电诈，从清剿转向治理', '中国信息安全']);
    expect(p.properties.map((x) => x.name)).toEqual(DEFAULT_SETTINGS.properties.map((x) => x.name));
    expect(p.properties.find((x) => x.name === 'tags')).toEqual({ name: 'tags', type: 'list', value: '' });
    expect(p.lines).toEqual(goldenText.split('\n').filter((l) => l.trim()).slice(0, 6));
  });
});

describe('the preview speaks both languages', () => {
  type Messages = Record<string, { message: string; placeholders?: object }>;
  const keys = (m: Messages) => Object.keys(m).filter((k) => k.startsWith('preview'));
  it('every preview message is in Chinese and in English, with the same placeholders', () => {
    expect(keys(en as Messages)).toEqual(keys(zh as Messages));
    expect(keys(zh as Messages).length).toBeGreaterThan(10);
    for (const k of keys(zh as Messages)) expect((en as Messages)[k]!.placeholders, k).toEqual((zh as Messages)[k]!.placeholders);
  });
});

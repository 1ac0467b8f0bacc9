import { describe, expect, it } from 'vitest';
import { parseTemplate, type TemplateError } from '../../utils/markdown/templates/parse';
import { renderTemplate } from '../../utils/markdown/templates/render';
import { templateContext, localIso } from '../../utils/markdown/templates/variables';
import { formatDate } from '../../utils/markdown/templates/date-format';
import { compileProperties, DEFAULT_PROPERTIES, frontMatterYaml, type PropertyTemplate } from '../../utils/markdown/templates/properties';
import { checkTemplates, compileNoteTemplates, DEFAULT_NOTE_TEMPLATES, noteFolder, noteFrontMatter, noteName } from '../../utils/markdown/templates/note-templates';
import { DEFAULT_SETTINGS, withDefaults } from '../../utils/settings/settings';
import { GOLDEN_CLOCK, prepareFixture } from '../golden-cases';
import { articleMarkdown } from '../../utils/markdown/note';
import { loadDocument } from '../golden-cases';
import { buildPage } from '../page-builder';
import { exportFetchedArticle, parsePage } from '../../utils/batch/article';
import type { FetchImages } from '../../utils/deliver/zip';
import { exportMarkdown, makeDraft, prepareExport } from '../../utils/pipeline/export';
import { expectedMarkdown, pageHtml, pageUrl } from '../fixtures';
import type { ArticleMeta } from '../../utils/page/metadata';
import { SAMPLE_META } from '../../utils/ui/options-templates';
import en from '../../public/_locales/en/messages.json';
import zh from '../../public/_locales/zh_CN/messages.json';

const META: ArticleMeta = {
  title: '国际 | 中缅泰: "打击"',
  author: '张三',
  account: '人民日报',
  published: '2025-02-22T18:01:09+08:00',
  source: 'https://mp.weixin.qq.com/s/abc',
  cover: 'https://mmbiz.qpic.cn/x.jpg',
  description: '一行描述',
  originalUrl: '',
  reprintAccount: '',
  reprintAuthor: '',
  album: '国际观察',
};
const NOW = new Date('2026-01-02T03:04:05Z');
const ctx = templateContext(META, NOW);

function render(src: string) {
  const p = parseTemplate(src);
  if (!p.ok) throw new Error(JSON.stringify(p.errors));
  return renderTemplate(p.template, ctx);
}
function errors(src: string): TemplateError[] {
  const p = parseTemplate(src);
  if (p.ok) throw new Error(`no error in ${src}`);
  return p.errors;
}

describe('template parser and filters', () => {
  it('variables, text around them, spaces inside the braces', () => {
    expect(render('{{account}} - {{ title }}')).toBe('人民日报 - 国际 | 中缅泰: "打击"');
    expect(render('{{album}}/{{author}}')).toBe('国际观察/张三');
    expect(render('no variables { at all }')).toBe('no variables { at all }');
    expect(render('')).toBe('');
  });

  it('date: the time as written (China time), tokens and [literal] text', () => {
    expect(render('{{published|date:"YYYY-MM-DD"}}')).toBe('2025-02-22');
    expect(render('{{published|date:"YYYY年MM月DD日 HH:mm:ss"}}')).toBe('2025年02月22日 18:01:09');
    expect(render('{{published|date}}')).toBe('2025-02-22');
    expect(render("{{published | date:'[Day] DD'}}")).toBe('Day 22');
    expect(formatDate('2025-02-22', 'YYYY/MM/DD HH:mm')).toBe('2025/02/22 00:00');
    expect(formatDate('', 'YYYY')).toBe('');
    expect(formatDate('not a date', 'YYYY')).toBe('not a date');
    expect(localIso(NOW)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
    expect(render('{{now|date:"YYYY"}}')).toMatch(/^202[56]$/);
  });

  it('lower, upper, trim, replace (with "," or ":" between arguments), slice, default, safe', () => {
    expect(render('{{source|upper}}')).toBe('HTTPS://MP.WEIXIN.QQ.COM/S/ABC');
    expect(render('{{source|upper|lower}}')).toBe('https://mp.weixin.qq.com/s/abc');
    expect(render('{{title|replace:"|","-"}}')).toBe('国际 - 中缅泰: "打击"');
    expect(render('{{title|replace:"国际":"World"|replace:" "}}')).toBe('World|中缅泰:"打击"');
    expect(render('{{title|replace:"\\"","\'"}}')).toBe('国际 | 中缅泰: \'打击\'');
    expect(render('{{title|slice:0,2}}')).toBe('国际');
    expect(render('{{title|slice:-4}}')).toBe('"打击"');
    expect(render('{{original_url|default:"无"}}')).toBe('无');
    expect(render('{{author|default:"无"}}')).toBe('张三');
    expect(render('{{title|safe}}')).toBe('国际 ｜ 中缅泰： ＂打击＂');
    expect(render('{{description|replace:"一行"," x "|trim}}')).toBe('x 描述');
  });

  it('split makes a list (kept as a list when it is the whole template), join writes it out', () => {
    expect(render('{{album|split:"观"}}')).toEqual(['国际', '察']);
    expect(render('{{source|split:"/"|slice:-2}}')).toEqual(['s', 'abc']);
    expect(render('{{source|split:"/"|join:" > "}}')).toBe('https: > mp.weixin.qq.com > s > abc');
    expect(render('x {{album|split:"观"}}')).toBe('x 国际, 察');
    expect(render('{{album|split:"观"|upper}}')).toEqual(['国际', '察']);
  });

  it('every kind of error, with its position and key', () => {
    const one = (src: string) => {
      const e = errors(src);
      expect(e).toHaveLength(1);
      return e[0]!;
    };
    expect(one('{{titel}}')).toEqual({ at: 2, end: 7, key: 'tplErrUnknownVariable', args: ['titel', expect.stringContaining('title')] });
    expect(one('a {{title|lowr}}')).toMatchObject({ at: 10, end: 14, key: 'tplErrUnknownFilter', args: ['lowr', expect.stringContaining('lower')] });
    expect(one('{{title')).toMatchObject({ at: 0, key: 'tplErrUnclosed' });
    expect(one('{{ }}')).toMatchObject({ key: 'tplErrEmpty' });
    expect(one('{{title|}}')).toMatchObject({ at: 8, key: 'tplErrNoFilter' });
    expect(one('{{|lower}}')).toMatchObject({ at: 2, key: 'tplErrNoVariable' });
    expect(one('{{title lower}}')).toMatchObject({ at: 8, key: 'tplErrUnexpected', args: ['l'] });
    expect(one('{{title|replace:"a}}')).toMatchObject({ at: 16, key: 'tplErrOpenQuote' });
    expect(one('{{title|slice:}}')).toMatchObject({ key: 'tplErrNoArgument' });
    expect(one('{{title|slice:a,b}}')).toMatchObject({ key: 'tplErrWholeNumbers', args: ['slice'] });
    expect(one('{{title|upper:"x"}}')).toMatchObject({ key: 'tplErrArgCount', args: ['upper', '0', '1'] });
    expect(one('{{title|default}}')).toMatchObject({ key: 'tplErrArgCount', args: ['default', '1', '0'] });
    expect(one('{{title|replace:"","x"}}')).toMatchObject({ key: 'tplErrEmptyArgument' });
    expect(one('{{title}} }}')).toMatchObject({ at: 10, end: 12, key: 'tplErrStrayClose' });
    // Every expression is checked: two mistakes, two errors.
    expect(errors('{{a}} {{title|b}}').map((e) => e.key)).toEqual(['tplErrUnknownVariable', 'tplErrUnknownFilter']);
  });

  it('no code runs: a template that looks like JavaScript is only an unknown variable', () => {
    expect(errors('{{constructor}}')[0]!.key).toBe('tplErrUnknownVariable');
    expect(errors('{{toString}}')[0]!.key).toBe('tplErrUnknownVariable');
    expect(errors('{{title|constructor}}')[0]!.key).toBe('tplErrUnknownFilter');
    expect(errors('{{ process.exit() }}')[0]!.key).toBe('tplErrUnknownVariable');
    expect(errors('{{ title.constructor }}')[0]!).toMatchObject({ key: 'tplErrUnexpected', args: ['.'] });
  });

  it('every message key is in both languages, with the placeholders it is given', () => {
    const keys = ['tplErrUnknownVariable', 'tplErrUnknownFilter', 'tplErrUnclosed', 'tplErrEmpty', 'tplErrNoFilter', 'tplErrNoVariable', 'tplErrUnexpected', 'tplErrOpenQuote', 'tplErrNoArgument', 'tplErrWholeNumbers', 'tplErrArgCount', 'tplErrEmptyArgument', 'tplErrStrayClose', 'tplErrPropName', 'tplErrPropDuplicate', 'tplErrPropType', 'tplFellBack'];
    for (const k of keys) {
      for (const m of [en, zh] as Record<string, { message: string }>[]) {
        expect(m[k]?.message, k).toBeTruthy();
      }
      expect(((zh as Record<string, { message: string }>)[k]!.message.match(/\$p\d\$/g) ?? []).sort(), k).toEqual(((en as Record<string, { message: string }>)[k]!.message.match(/\$p\d\$/g) ?? []).sort());
    }
  });
});

describe('typed properties', () => {
  const yaml = (props: PropertyTemplate[]) => {
    const c = compileProperties(props);
    if (!c.ok) throw new Error(JSON.stringify(c.problems));
    return frontMatterYaml(c.properties, ctx);
  };

  it('text as JSON strings, list as a YAML list, date and datetime bare, number, checkbox; empty left out', () => {
    expect(
      yaml([
        { name: 'title', type: 'text', value: '{{title}}' },
        { name: 'tags', type: 'list', value: 'wechat, {{account}}，{{album}}' },
        { name: 'aliases', type: 'list', value: '{{title|split:"|"}}' },
        { name: 'day', type: 'date', value: '{{published}}' },
        { name: 'published', type: 'datetime', value: '{{published}}' },
        { name: 'created', type: 'date', value: '{{published|date:"YYYY-MM-DD"}}' },
        { name: 'year', type: 'number', value: '{{published|date:"YYYY"}}' },
        { name: 'read', type: 'checkbox', value: 'false' },
        { name: 'clipped', type: 'checkbox', value: 'yes' },
        { name: 'original', type: 'text', value: '{{original_url}}' },
        { name: 'none', type: 'list', value: '{{original_url}}' },
        { name: 'not a number', type: 'number', value: 'x{{author}}' },
      ]),
    ).toBe(
      [
        '---',
        'title: "国际 | 中缅泰: \\"打击\\""',
        'tags:\n  - "wechat"\n  - "人民日报"\n  - "国际观察"',
        'aliases:\n  - "国际"\n  - "中缅泰: \\"打击\\""',
        'day: 2025-02-22',
        'published: 2025-02-22T18:01:09+08:00',
        'created: 2025-02-22',
        'year: 2025',
        'read: false',
        'clipped: true',
        'not a number: "x张三"',
        '---',
      ].join('\n'),
    );
  });

  it('names must be YAML keys, once each; types must be known; value errors point at the property', () => {
    const c = compileProperties([
      { name: 'a: b', type: 'text', value: '' },
      { name: 'x', type: 'text', value: '' },
      { name: 'x', type: 'text', value: '' },
      { name: 'y', type: 'tags' as never, value: '' },
      { name: 'z', type: 'text', value: '{{nope}}' },
    ]);
    expect(c.ok).toBe(false);
    if (c.ok) return;
    expect(c.problems.map((p) => [p.index, p.part, p.error.key])).toEqual([
      [0, 'name', 'tplErrPropName'],
      [2, 'name', 'tplErrPropDuplicate'],
      [3, 'name', 'tplErrPropType'],
      [4, 'value', 'tplErrUnknownVariable'],
    ]);
  });
});

describe('note templates: name, folder, properties', () => {
  it('the defaults write the front matter of the golden notes', () => {
    const r = prepareFixture('seed-article');
    if (!r.ok) throw new Error(r.message);
    const c = compileNoteTemplates(DEFAULT_NOTE_TEMPLATES);
    const front = noteFrontMatter(c, templateContext(r.article.meta, GOLDEN_CLOCK), r.article.id);
    expect(expectedMarkdown('seed-article').startsWith(`${front}\n\n# `)).toBe(true);
    expect(front).toMatch(/\npublished: 20\d\d-\d\d-\d\dT[\d:]+\+08:00\n/);
    expect(r.fileName).toBe('国际 ｜ 中缅泰打击电诈，从清剿转向治理');
    expect(r.folder).toBe('');
    expect(r.templateNotice).toBe('');
  });

  it('name and folder: safe names; "/" of the template makes folders, a "/" in a value does not', () => {
    const c = compileNoteTemplates({ ...DEFAULT_NOTE_TEMPLATES, noteNameTemplate: '{{published|date}} {{title}}', folderTemplate: 'WeChat/{{account}}/{{title|slice:0,6}}//..' });
    expect(noteName(c, ctx)).toBe('2025-02-22 国际 ｜ 中缅泰： ＂打击＂');
    expect(noteFolder(c, ctx)).toBe('WeChat/人民日报/国际 ｜ 中');
    const slash = templateContext({ ...META, account: 'a/b', author: '' }, NOW);
    expect(noteFolder(c, slash)).toBe('WeChat/a／b/国际 ｜ 中');
    const empty = compileNoteTemplates({ ...DEFAULT_NOTE_TEMPLATES, noteNameTemplate: '{{author}} - {{title}}' });
    expect(noteName(empty, slash)).toBe('国际 ｜ 中缅泰： ＂打击＂');
    expect(noteName(compileNoteTemplates({ ...DEFAULT_NOTE_TEMPLATES, noteNameTemplate: '{{author}}' }), slash)).toBe('wechat-article');
  });

  it('the first line is a template: "# {{title}}" by default, changed or removed by the reader (#28.9)', () => {
    const page = (title: string) => loadDocument(buildPage({ title, content: '<p>正文</p>' }), 'https://mp.weixin.qq.com/s/t');
    const body = (settings: typeof DEFAULT_SETTINGS, title = '标题 *重点* <b>') => {
      const r = exportMarkdown(page(title), 'https://mp.weixin.qq.com/s/t', settings, null, GOLDEN_CLOCK);
      if (!r.ok) throw new Error(r.message);
      return r.markdown.replace(/^---\n[\s\S]*?\n---\n\n/, '');
    };
    // The title's Markdown and HTML characters are text in the heading, as before.
    expect(body(DEFAULT_SETTINGS)).toBe('# 标题 \\*重点\\* \\<b\\>\n\n正文\n');
    expect(body({ ...DEFAULT_SETTINGS, headingTemplate: '' })).toBe('正文\n');
    expect(body({ ...DEFAULT_SETTINGS, headingTemplate: '## {{account}}：{{title}}' }, 'T')).toBe('## 测试号：T\n\n正文\n');
    // Settings stored before the heading template keep their heading; a broken one falls back and says so.
    expect(withDefaults({ noteNameTemplate: '{{title}}' } as never).headingTemplate).toBe('# {{title}}');
    const broken = compileNoteTemplates({ ...DEFAULT_NOTE_TEMPLATES, headingTemplate: '# {{titel}}' });
    expect(broken.fellBack).toEqual(['heading']);
    expect(checkTemplates({ ...DEFAULT_NOTE_TEMPLATES, headingTemplate: '# {{titel}}' }).map((p) => p.field)).toEqual(['heading']);
    // A converted article written with the template (the path every destination takes).
    const prepared = prepareFixture('05');
    if (!prepared.ok) throw new Error(prepared.message);
    expect(articleMarkdown(prepared.article, { ...DEFAULT_SETTINGS, headingTemplate: '' }, undefined, GOLDEN_CLOCK)).not.toMatch(/^# /m);
  });

  it('default properties end with created (the export\'s date-time) and tags (an empty list) (#28.9)', () => {
    expect(DEFAULT_PROPERTIES.slice(-2)).toEqual([
      { name: 'created', type: 'datetime', value: '{{now}}' },
      { name: 'tags', type: 'list', value: '' },
    ]);
    const front = noteFrontMatter(compileNoteTemplates(DEFAULT_NOTE_TEMPLATES), templateContext(META, new Date('2026-07-01T01:30:00Z')));
    expect(front).toContain(`\ncreated: ${localIso(new Date('2026-07-01T01:30:00Z'))}\ntags: []\n---`);
    // A list property with a template that comes out empty is still left out; only a list with no template is written empty.
    const c = compileProperties([{ name: 'kw', type: 'list', value: '{{author}}' }]);
    expect(c.ok && frontMatterYaml(c.properties, templateContext({ ...META, author: '' }))).toBe('---\n---');
  });

  it('a broken stored template falls back to its default, and says which', () => {
    const broken = { ...DEFAULT_NOTE_TEMPLATES, noteNameTemplate: '{{titel}}', properties: [{ name: 'x', type: 'text' as const, value: '{{' }] };
    expect(checkTemplates(broken).map((p) => p.field)).toEqual(['name', 'properties']);
    const c = compileNoteTemplates(broken);
    expect(c.fellBack).toEqual(['name', 'properties']);
    expect(noteName(c, ctx)).toBe('国际 ｜ 中缅泰： ＂打击＂');
    expect(c.properties.map((p) => p.name)).toEqual(DEFAULT_PROPERTIES.map((p) => p.name));
    // The export goes on with the defaults and carries the notice (a key here: no browser i18n in Node).
    const html = pageHtml('seed-article');
    const r = prepareExport(new DOMParser().parseFromString(html, 'text/html'), pageUrl(html, 'seed'), { ...DEFAULT_SETTINGS, ...broken });
    expect(r.ok && r.fileName).toBe('国际 ｜ 中缅泰打击电诈，从清剿转向治理');
    expect(r.ok && r.templateNotice).toBe('tplFellBack');
  });

  it('old settings keep working: the single-brace file name and the front-matter switches', () => {
    const s = withDefaults({ fileNameTemplate: '{date} {account}-{title}', frontMatterFields: ['title', 'published', 'source'] } as never);
    expect(s.noteNameTemplate).toBe('{{published|date:"YYYY-MM-DD"}} {{account}}-{{title}}');
    expect(s.properties).toEqual([
      { name: 'title', type: 'text', value: '{{title}}' },
      { name: 'published', type: 'datetime', value: '{{published}}' },
      { name: 'source', type: 'text', value: '{{source}}' },
    ]);
    expect('fileNameTemplate' in s || 'frontMatterFields' in s).toBe(false);
    expect(noteName(compileNoteTemplates(s), ctx)).toBe('2025-02-22 人民日报-国际 ｜ 中缅泰： ＂打击＂');
    expect(noteName(compileNoteTemplates(withDefaults({ fileNameTemplate: '{account}-{title}' } as never)), templateContext({ ...META, account: '' }))).toBe('国际 ｜ 中缅泰： ＂打击＂');
    expect(withDefaults({ fileNameTemplate: '' } as never).noteNameTemplate).toBe('{{title}}');
    // New settings win over old ones; malformed stored properties are dropped, not crashed on.
    expect(withDefaults({ fileNameTemplate: '{date}', noteNameTemplate: '{{title}}' } as never).noteNameTemplate).toBe('{{title}}');
    expect(withDefaults({ properties: [null, { name: 'a', type: 'text', value: 'v' }, { name: 'b', type: 'x', value: 1 }] } as never).properties).toEqual([{ name: 'a', type: 'text', value: 'v' }]);
    expect(withDefaults(undefined)).toEqual(DEFAULT_SETTINGS);
  });

  it("the options page's sample is corpus page 01's metadata, as read today", () => {
    const r = prepareFixture('01');
    if (!r.ok) throw new Error(r.message);
    // The album is searched for only when a template names it (the next test); the defaults do not.
    expect(r.article.meta.album).toBe('');
    expect({ ...r.article.meta, album: SAMPLE_META.album }).toEqual(SAMPLE_META);
  });

  it('album comes from the page, and the batch (lean page) reads it too', async () => {
    const html = pageHtml('01');
    const url = pageUrl(html, '01');
    const settings = { ...DEFAULT_SETTINGS, noteNameTemplate: '{{album}} - {{title}}', folderTemplate: '{{account}}/{{album}}' };
    const r = prepareExport(new DOMParser().parseFromString(html, 'text/html'), url, settings);
    if (!r.ok) throw new Error(r.message);
    expect(r.article.meta.album).toBe('AI技术与AI编程');
    expect(r.fileName).toBe('AI技术与AI编程 - AI编程害死我了，给我的抓包软件埋了一个大雷！');
    expect(r.folder).toBe(`${r.article.meta.account}/AI技术与AI编程`);
    // The draft every destination starts from carries the same name and folder.
    const made = makeDraft(new DOMParser().parseFromString(html, 'text/html'), url, settings);
    expect(made.ok && { name: made.draft.name, folder: made.draft.folder, notice: made.notice }).toEqual({ name: r.fileName, folder: r.folder, notice: '' });
    // The batch's lean copy has lost the album's script; the batch reads it from the page's text.
    const lean = prepareExport(parsePage(html, url), url, settings);
    expect(lean.ok && lean.article.meta.album).toBe('');
    const noImages: FetchImages = async (urls, onEach) => urls.forEach((_, index) => onEach({ index, ok: false, error: 'offline' }));
    const batch = await exportFetchedArticle(html, url, settings, noImages, 'assets/001');
    expect(batch.ok && batch.fileName).toBe(r.fileName);
    expect(batch.ok && batch.markdown.startsWith(`---\ntitle: "AI编程害死我了`)).toBe(true);
  });
});

/**
 * The note's three templates together: its name, its folder and its properties. Checked in the
 * options page before they are saved; at export a broken stored template (an old or hand-edited
 * setting) is replaced by the default, and the export's message says so.
 */
import { safeFileName } from '../filename';
import { parseTemplate, type Template, type TemplateError } from './parse';
import { compileProperties, DEFAULT_PROPERTIES, frontMatterYaml, type CompiledProperty, type PropertyProblem, type PropertyTemplate } from './properties';
import { asText, renderTemplate } from './render';
import { IDENTITY_PROPERTY } from '../../page/identity';
import { escapeLabel } from '../escape';
import type { TemplateContext } from './variables';

export interface NoteTemplates {
  noteNameTemplate: string;
  folderTemplate: string;
  /** The note's first line, above the article; '' for none. */
  headingTemplate: string;
  properties: PropertyTemplate[];
}
export const DEFAULT_NOTE_TEMPLATES: Readonly<NoteTemplates> = {
  noteNameTemplate: '{{title}}',
  folderTemplate: '',
  headingTemplate: '# {{title}}',
  properties: DEFAULT_PROPERTIES.map((p) => ({ ...p })),
};

/** The one-line templates, with the setting each is stored in. */
const LINE_FIELDS = [
  ['name', 'noteNameTemplate'],
  ['folder', 'folderTemplate'],
  ['heading', 'headingTemplate'],
] as const;
type LineField = (typeof LINE_FIELDS)[number][0];

export type TemplateField = LineField | 'properties';
export type TemplateProblem = { field: LineField; error: TemplateError } | ({ field: 'properties' } & PropertyProblem);

export interface CompiledNoteTemplates {
  name: Template;
  folder: Template;
  heading: Template;
  properties: CompiledProperty[];
  /** The fields whose stored template was broken and which use the default instead. */
  fellBack: TemplateField[];
}

/** Every problem in the three templates; none means they can be saved. */
export function checkTemplates(t: NoteTemplates): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  for (const [field, key] of LINE_FIELDS) {
    const p = parseTemplate(t[key]);
    if (!p.ok) problems.push(...p.errors.map((error) => ({ field, error })));
  }
  const props = compileProperties(t.properties);
  if (!props.ok) problems.push(...props.problems.map((p) => ({ field: 'properties' as const, ...p })));
  return problems;
}

/** The templates parsed; each broken one replaced by its default (listed in `fellBack`). */
export function compileNoteTemplates(t: NoteTemplates): CompiledNoteTemplates {
  const fellBack: TemplateField[] = [];
  const one = (field: LineField, key: (typeof LINE_FIELDS)[number][1]): Template => {
    // Settings stored before the heading template have none: the default, which is what they wrote.
    const p = parseTemplate(t[key] ?? DEFAULT_NOTE_TEMPLATES[key]);
    if (p.ok) return p.template;
    fellBack.push(field);
    const def = parseTemplate(DEFAULT_NOTE_TEMPLATES[key]);
    return def.ok ? def.template : { source: '', parts: [] };
  };
  const [name, folder, heading] = LINE_FIELDS.map(([field, key]) => one(field, key)) as [Template, Template, Template];
  let props = compileProperties(t.properties);
  if (!props.ok) {
    fellBack.push('properties');
    props = compileProperties(DEFAULT_PROPERTIES);
  }
  return { name, folder, heading, properties: props.ok ? props.properties : [], fellBack };
}

/** Whether any of the templates reads this variable: some (the album) cost a search of the page. */
export function usesVariable(c: CompiledNoteTemplates, variable: string): boolean {
  const reads = (t: Template) => t.parts.some((p) => 'variable' in p && p.variable === variable);
  return reads(c.name) || reads(c.folder) || reads(c.heading) || c.properties.some((p) => reads(p.template));
}

/** The note's file name, without extension: safe on every desktop OS. Separators left at either end
 *  by an empty variable ("{{account}} - {{title}}" without an account) go. */
export function noteName(c: CompiledNoteTemplates, ctx: TemplateContext): string {
  return safeFileName(asText(renderTemplate(c.name, ctx)).replace(/^[\s\-_]+|[\s\-_]+$/g, ''));
}

/** The note's folder, '' or 'a/b': "/" in the template makes folders, a "/" in a variable does not;
 *  each folder's name is made safe and empty ones ("a//b", "..") are dropped. */
export function noteFolder(c: CompiledNoteTemplates, ctx: TemplateContext): string {
  const path = asText(renderTemplate(c.folder, ctx, (s) => s.replace(/[/\\]/g, '／')));
  return path
    .split('/')
    .map((seg) => safeFileName(seg, ''))
    .filter(Boolean)
    .join('/');
}

/** The note's first line: the heading template with every value written as text (a title's `*`, `<`
 *  or `[` is not Markdown), on one line; '' when the template is empty or comes out blank. */
export function noteHeading(c: CompiledNoteTemplates, ctx: TemplateContext): string {
  return asText(renderTemplate(c.heading, ctx, escapeLabel)).replace(/\s+/g, ' ').trim();
}

/**
 * The front matter: the reader's properties, then the article's identity (`wechat_id`), always ours:
 * a property of the reader's by that name is left out, since "update that note" trusts it.
 */
export function noteFrontMatter(c: CompiledNoteTemplates, ctx: TemplateContext, id: string | null = null): string {
  const own = c.properties.filter((p) => p.name !== IDENTITY_PROPERTY);
  const identity: CompiledProperty[] = id ? [{ name: IDENTITY_PROPERTY, type: 'text', template: { source: id, parts: [{ text: id }] } }] : [];
  return frontMatterYaml([...own, ...identity], ctx);
}

/** The single-brace file-name template of old settings ({title}, {account}, {date}) in the new form. */
export function migrateFileNameTemplate(old: string): string {
  return (old.trim() || '{title}')
    .replace(/\{title\}/g, '{{title}}')
    .replace(/\{account\}/g, '{{account}}')
    .replace(/\{date\}/g, '{{published|date:"YYYY-MM-DD"}}');
}

/** Old settings' switched-on front-matter fields as properties: the same fields, in the same order. */
export function migrateFrontMatterFields(fields: readonly string[]): PropertyTemplate[] {
  return DEFAULT_PROPERTIES.filter((p) => fields.includes(p.name)).map((p) => ({ ...p }));
}

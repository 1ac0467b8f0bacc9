/**
 * Front-matter properties typed as Obsidian reads them: a list is a YAML list, a date a bare date,
 * a number a bare number, a checkbox true/false. Text is written as a JSON string, which is a valid
 * YAML double-quoted scalar: every colon, quote, '#', newline or leading '-' is safe.
 * A property whose value comes out empty is left out, except a list with no template at all (the
 * default `tags`): a list to fill in by hand, written `[]` so the notes app shows it.
 */
import { parseTemplate, type Template, type TemplateError } from './parse';
import { renderTemplate, asText } from './render';
import type { TemplateContext } from './variables';
import type { Value } from './filters';

export const PROPERTY_TYPES = ['text', 'list', 'date', 'datetime', 'number', 'checkbox'] as const;
export type PropertyType = (typeof PROPERTY_TYPES)[number];

export interface PropertyTemplate {
  name: string;
  type: PropertyType;
  /** A template. */
  value: string;
}
export interface CompiledProperty {
  name: string;
  type: PropertyType;
  template: Template;
}
export interface PropertyProblem {
  index: number;
  part: 'name' | 'value';
  error: TemplateError;
}

/** The default properties: the article's metadata, then `created` and `tags` as Obsidian Web Clipper
 *  users expect them. */
export const DEFAULT_PROPERTIES: readonly PropertyTemplate[] = [
  { name: 'title', type: 'text', value: '{{title}}' },
  { name: 'author', type: 'text', value: '{{author}}' },
  { name: 'account', type: 'text', value: '{{account}}' },
  { name: 'published', type: 'datetime', value: '{{published}}' },
  { name: 'source', type: 'text', value: '{{source}}' },
  { name: 'cover', type: 'text', value: '{{cover}}' },
  { name: 'description', type: 'text', value: '{{description}}' },
  { name: 'original_url', type: 'text', value: '{{original_url}}' },
  { name: 'reprinted_from', type: 'text', value: '{{reprinted_from}}' },
  { name: 'original_author', type: 'text', value: '{{original_author}}' },
  // What Obsidian Web Clipper's default template writes: when the note was made, and tags to fill in.
  { name: 'created', type: 'datetime', value: '{{now}}' },
  { name: 'tags', type: 'list', value: '' },
];

// A key YAML reads as plain text and Obsidian shows as typed: letters, digits, _ - . and inner spaces.
const NAME = /^[\p{L}\p{N}_][\p{L}\p{N}_\-. ]*$/u;

/** The properties parsed, or every problem in them (bad or repeated names, template errors). */
export function compileProperties(props: readonly PropertyTemplate[]): { ok: true; properties: CompiledProperty[] } | { ok: false; problems: PropertyProblem[] } {
  const problems: PropertyProblem[] = [];
  const properties: CompiledProperty[] = [];
  const seen = new Set<string>();
  props.forEach((p, index) => {
    const name = p.name.trim();
    const nameError = (key: string) => problems.push({ index, part: 'name', error: { at: 0, end: Math.max(1, p.name.length), key, args: [name] } });
    if (!NAME.test(name)) nameError('tplErrPropName');
    else if (seen.has(name)) nameError('tplErrPropDuplicate');
    seen.add(name);
    if (!PROPERTY_TYPES.includes(p.type)) problems.push({ index, part: 'name', error: { at: 0, end: 1, key: 'tplErrPropType', args: [String(p.type)] } });
    const parsed = parseTemplate(p.value);
    if (!parsed.ok) for (const error of parsed.errors) problems.push({ index, part: 'value', error });
    else properties.push({ name, type: p.type, template: parsed.template });
  });
  return problems.length ? { ok: false, problems } : { ok: true, properties };
}

const DATE = /^\d{4}-\d\d-\d\d$/;
const DATETIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d)?(Z|[+-]\d\d:\d\d)?$/;
const NUMBER = /^-?\d+(\.\d+)?$/;
const FALSE = /^(false|no|0|off|否)$/i;

/** The YAML of one property's value after `name:`, or null when it is empty and left out. */
function yamlValue(type: PropertyType, value: Value): string | null {
  if (type === 'list') {
    const items = (Array.isArray(value) ? value : value.split(/[,，]/)).map((s) => s.trim()).filter(Boolean);
    return items.length ? items.map((s) => `\n  - ${JSON.stringify(s)}`).join('') : null;
  }
  const v = asText(value).trim();
  if (!v) return null;
  const bare =
    (type === 'date' && (DATE.test(v) || DATETIME.test(v))) ||
    (type === 'datetime' && (DATE.test(v) || DATETIME.test(v))) ||
    (type === 'number' && NUMBER.test(v));
  if (type === 'date' && DATETIME.test(v)) return v.slice(0, 10);
  if (type === 'checkbox') return FALSE.test(v) ? 'false' : 'true';
  return bare ? v : JSON.stringify(v);
}

/** The front matter block, `---` to `---`. */
export function frontMatterYaml(properties: readonly CompiledProperty[], ctx: TemplateContext): string {
  const lines = ['---'];
  for (const p of properties) {
    const v = p.type === 'list' && !p.template.source.trim() ? ' []' : yamlValue(p.type, renderTemplate(p.template, ctx));
    if (v !== null) lines.push(`${p.name}:${/^[\n ]/.test(v) ? '' : ' '}${v}`);
  }
  lines.push('---');
  return lines.join('\n');
}

/** One property as the popup's preview shows it for editing: its rendered value as one line of text
 *  (a list's items joined by ", ", as a list is written back from text). */
export interface PropertyValue {
  name: string;
  type: PropertyType;
  value: string;
}

export function propertyValues(properties: readonly CompiledProperty[], ctx: TemplateContext): PropertyValue[] {
  return properties.map((p) => ({ name: p.name, type: p.type, value: asText(renderTemplate(p.template, ctx)).trim() }));
}

/** The properties with some values given for this one export: each is taken as text, never parsed as
 *  a template, and written by the same typed writer (a name no property has changes nothing). */
export function withValues(properties: readonly CompiledProperty[], values: Readonly<Record<string, string>>): CompiledProperty[] {
  return properties.map((p) => (Object.hasOwn(values, p.name) ? { ...p, template: { source: values[p.name]!, parts: [{ text: values[p.name]! }] } } : p));
}

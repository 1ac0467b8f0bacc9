import { FILTERS, type Value } from './filters';
import type { Template } from './parse';
import type { TemplateContext, VariableName } from './variables';

/**
 * A parsed template filled in. A template that is one expression keeps a list as a list (a list
 * property); anywhere else a list is written joined with ", ". `piece` changes what each expression
 * writes (the folder template keeps a "/" in a title from making a folder).
 */
export function renderTemplate(tpl: Template, ctx: TemplateContext, piece: (s: string) => string = (s) => s): Value {
  const values = tpl.parts.map((p): Value => {
    if ('text' in p) return p.text;
    let v: Value = ctx[p.variable as VariableName] ?? '';
    for (const f of p.filters) v = FILTERS[f.name]!.apply(v, f.args);
    return Array.isArray(v) ? v.map(piece) : piece(v);
  });
  if (values.length === 1 && Array.isArray(values[0])) return values[0];
  return values.map((v) => (Array.isArray(v) ? v.join(', ') : v)).join('');
}

export const asText = (v: Value): string => (Array.isArray(v) ? v.join(', ') : v);

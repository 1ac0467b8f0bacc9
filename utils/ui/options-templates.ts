/**
 * The options page's Templates section: the note name, the folder and the property list, a live
 * preview on a real corpus article (page 01's metadata), and every template error shown under its
 * field while typing. Only templates without errors are saved: exports never meet a broken one.
 */
import { t } from './i18n';
import { checkTemplates, compileNoteTemplates, DEFAULT_NOTE_TEMPLATES, noteFolder, noteFrontMatter, noteHeading, noteName, type NoteTemplates, type TemplateProblem } from '../markdown/templates/note-templates';
import { PROPERTY_TYPES, type PropertyTemplate } from '../markdown/templates/properties';
import { FILTERS } from '../markdown/templates/filters';
import { templateContext, VARIABLE_NAMES } from '../markdown/templates/variables';
import type { TemplateError } from '../markdown/templates/parse';
import type { ArticleMeta } from '../page/metadata';
import sample from './template-sample-01.json';

const TYPE_KEYS: Record<PropertyTemplate['type'], string> = {
  text: 'tplTypeText', list: 'tplTypeList', date: 'tplTypeDate', datetime: 'tplTypeDatetime', number: 'tplTypeNumber', checkbox: 'tplTypeCheckbox',
};
/** Typing saves after this pause: synced storage allows about two writes a second. */
const SAVE_PAUSE_MS = 400;

export const SAMPLE_META: ArticleMeta = sample;

/** "Column 9: Unknown variable …" */
export function errorText(e: TemplateError): string {
  return t('tplErrAt', e.at + 1, t(e.key, ...e.args));
}

export function renderTemplateOptions(host: HTMLElement, initial: NoteTemplates, save: (patch: NoteTemplates) => Promise<unknown>): void {
  const doc = host.ownerDocument;
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, props: Record<string, string | boolean> = {}, ...kids: (Node | string)[]): HTMLElementTagNameMap[K] => {
    const e = doc.createElement(tag);
    for (const [k, v] of Object.entries(props)) if (k === 'role') e.setAttribute(k, String(v));
    else Reflect.set(e, k, v);
    e.append(...kids);
    return e;
  };
  const draft: NoteTemplates = { ...initial, properties: initial.properties.map((p) => ({ ...p })) };
  let saved: NoteTemplates = draft;
  let timer: ReturnType<typeof setTimeout> | undefined;

  /** An input with its error box under it; the box lists each error and marks where it is. */
  const field = (id: string, label: string, value: string, onInput: (v: string) => void) => {
    const input = el('input', { type: 'text', id, value, spellcheck: false });
    const errors = el('div', { id: `${id}-errors`, className: 'tpl-errors' });
    input.setAttribute('aria-describedby', errors.id);
    input.addEventListener('input', () => {
      onInput(input.value);
      changed();
    });
    const row = el('label', { className: 'tpl-field' }, el('span', {}, label), input);
    return { row, input, errors };
  };
  const showErrors = (input: HTMLInputElement, box: HTMLElement, errors: TemplateError[]) => {
    input.setAttribute('aria-invalid', String(errors.length > 0));
    box.replaceChildren(
      ...errors.map((e) => {
        const mark = `${' '.repeat(e.at)}${'^'.repeat(Math.max(1, Math.min(e.end, input.value.length + 1) - e.at))}`;
        return el('div', { className: 'tpl-error', role: 'alert' }, el('span', {}, errorText(e)), el('pre', {}, `${input.value}\n${mark}`));
      }),
    );
  };

  const name = field('tpl-name', t('tplNoteName'), draft.noteNameTemplate, (v) => (draft.noteNameTemplate = v));
  const folder = field('tpl-folder', t('tplFolder'), draft.folderTemplate, (v) => (draft.folderTemplate = v));
  const heading = field('tpl-heading', t('tplHeading'), draft.headingTemplate, (v) => (draft.headingTemplate = v));
  const list = el('div', { className: 'tpl-props' });
  const rows: { name: HTMLInputElement; value: HTMLInputElement; errors: HTMLElement }[] = [];
  const status = el('p', { id: 'tpl-status', className: 'hint' });
  status.setAttribute('role', 'status');
  const preview = el('pre', { id: 'tpl-preview', className: 'tpl-preview' });

  function renderRows(): void {
    rows.length = 0;
    list.replaceChildren(
      ...draft.properties.map((p, i) => {
        const pname = el('input', { type: 'text', value: p.name, className: 'tpl-prop-name', spellcheck: false });
        pname.setAttribute('aria-label', `${t('tplPropName')} ${i + 1}`);
        const type = el('select', { className: 'tpl-prop-type' }, ...PROPERTY_TYPES.map((ty) => el('option', { value: ty, textContent: t(TYPE_KEYS[ty]), selected: ty === p.type })));
        type.setAttribute('aria-label', `${t('tplPropType')}: ${p.name}`);
        const value = el('input', { type: 'text', value: p.value, className: 'tpl-prop-value', spellcheck: false });
        value.setAttribute('aria-label', `${t('tplPropValue')}: ${p.name}`);
        const remove = el('button', { type: 'button', textContent: t('tplRemove') });
        remove.setAttribute('aria-label', t('tplRemoveNamed', p.name));
        const errors = el('div', { className: 'tpl-errors', id: `tpl-prop-${i}-errors` });
        value.setAttribute('aria-describedby', errors.id);
        pname.addEventListener('input', () => ((p.name = pname.value), changed()));
        type.addEventListener('change', () => ((p.type = type.value as PropertyTemplate['type']), changed()));
        value.addEventListener('input', () => ((p.value = value.value), changed()));
        remove.addEventListener('click', () => (draft.properties.splice(i, 1), renderRows(), changed()));
        rows.push({ name: pname, value, errors });
        return el('div', { className: 'tpl-prop' }, el('div', { className: 'tpl-prop-row' }, pname, type, value, remove), errors);
      }),
    );
  }

  const add = el('button', { type: 'button', textContent: t('tplAdd') });
  add.addEventListener('click', () => {
    draft.properties.push({ name: '', type: 'text', value: '' });
    renderRows();
    changed();
    rows.at(-1)?.name.focus();
  });
  const reset = el('button', { type: 'button', textContent: t('tplReset') });
  reset.addEventListener('click', () => {
    Object.assign(draft, { ...DEFAULT_NOTE_TEMPLATES, properties: DEFAULT_NOTE_TEMPLATES.properties.map((p) => ({ ...p })) });
    name.input.value = draft.noteNameTemplate;
    folder.input.value = draft.folderTemplate;
    heading.input.value = draft.headingTemplate;
    renderRows();
    changed();
  });

  function showPreview(tpl: NoteTemplates): void {
    const c = compileNoteTemplates(tpl);
    const ctx = templateContext(SAMPLE_META);
    const dir = noteFolder(c, ctx);
    const first = noteHeading(c, ctx);
    preview.textContent = `${dir ? `${dir}/` : ''}${noteName(c, ctx)}.md\n\n${noteFrontMatter(c, ctx)}\n\n${first ? `${first}\n\n` : ''}…`;
  }

  function changed(): void {
    const problems = checkTemplates(draft);
    const of = (f: TemplateProblem['field'], index?: number) => problems.filter((p) => p.field === f && (index === undefined || ('index' in p && p.index === index))).map((p) => p.error);
    showErrors(name.input, name.errors, of('name'));
    showErrors(folder.input, folder.errors, of('folder'));
    showErrors(heading.input, heading.errors, of('heading'));
    rows.forEach((r, i) => {
      const mine = problems.filter((p): p is Extract<TemplateProblem, { field: 'properties' }> => p.field === 'properties' && p.index === i);
      const nameErrors = mine.filter((p) => p.part === 'name').map((p) => p.error);
      r.name.setAttribute('aria-invalid', String(nameErrors.length > 0));
      showErrors(r.value, r.errors, mine.filter((p) => p.part === 'value').map((p) => p.error));
      r.errors.prepend(...nameErrors.map((e) => el('div', { className: 'tpl-error', role: 'alert' }, t(e.key, ...e.args))));
    });
    clearTimeout(timer);
    if (problems.length) {
      status.textContent = t('tplNotSaved');
      status.classList.add('tpl-bad');
      showPreview(saved);
      return;
    }
    status.textContent = '';
    status.classList.remove('tpl-bad');
    const next: NoteTemplates = { ...draft, properties: draft.properties.map((p) => ({ ...p, name: p.name.trim() })) };
    showPreview(next);
    timer = setTimeout(() => {
      save(next).then(
        () => (saved = next),
        (e: unknown) => ((status.textContent = `${t('tplNotSaved')} ${(e as Error)?.message ?? e}`), status.classList.add('tpl-bad')),
      );
    }, SAVE_PAUSE_MS);
  }

  host.append(
    name.row,
    name.errors,
    folder.row,
    folder.errors,
    heading.row,
    heading.errors,
    el('h3', { textContent: t('tplProperties') }),
    list,
    el('div', { className: 'tpl-buttons' }, add, reset),
    el('p', { className: 'hint' }, t('tplVariables', VARIABLE_NAMES.join(' '))),
    el('p', { className: 'hint' }, t('tplFilters', Object.keys(FILTERS).join(' '))),
    status,
    el('h3', { textContent: t('tplPreview', SAMPLE_META.title) }),
    preview,
  );
  renderRows();
  showPreview(draft);
  // What was stored may be broken (an old or hand-edited setting): say so at once.
  if (checkTemplates(draft).length) changed();
}

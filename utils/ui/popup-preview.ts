/**
 * The popup's preview before saving (as in Obsidian Web Clipper): the note's file name, its folder in
 * the chosen destination, its properties and its first lines, the first three editable for this one
 * save. Only what the reader changed is sent with the export; the settings are never written.
 */
import { t } from './i18n';
import { editProblem } from '../deliver/overrides';
import type { DestinationId } from '../deliver/destinations/types';
import type { NoteOverrides } from '../markdown/note';
import type { NotePreview } from '../pipeline/export';

/** Where the chosen destination puts the note, as the popup knows it. */
export interface PreviewPlaces {
  /** The picked folder's name, and whether it is an Obsidian vault. */
  folder?: { name: string; vault: boolean };
  obsidianVault: string;
  /** The plain download writes a ZIP (the image setting). */
  downloadIsZip: boolean;
  /** The Joplin notebook's title, once known. */
  joplinNotebook?: string;
}

/** One destination's rows: the name's extension (null: no name), where the folder starts, whether it can be edited. */
interface Place {
  ext: string | null;
  root: string;
  editable: boolean;
  /** The folder row's label key. */
  label: 'previewFolder' | 'previewNotebook';
}

function placeOf(id: DestinationId, p: PreviewPlaces): Place | null {
  const downloads: Place = { ext: '.md', root: t('previewInDownloads'), editable: false, label: 'previewFolder' };
  switch (id) {
    case 'clipboard':
      return null;
    case 'download':
      return { ...downloads, ext: p.downloadIsZip ? '.zip' : '.md' };
    case 'zip':
      return { ...downloads, ext: '.zip' };
    case 'folder':
      return { ext: '.md', root: `${p.folder?.name ?? '?'}/`, editable: true, label: 'previewFolder' };
    case 'downloads-folder':
      return { ext: '.md', root: `${t('previewDownloads')}/`, editable: true, label: 'previewFolder' };
    case 'obsidian':
      // A picked vault is written into; otherwise Obsidian's own vault gets the note by its path.
      return { ext: '.md', root: `${p.folder?.vault ? p.folder.name : p.obsidianVault || t('obsidianOpenVault')}/`, editable: true, label: 'previewFolder' };
    case 'joplin':
      // Joplin names the note by its title (a property) and files it in the chosen notebook.
      return { ext: null, root: p.joplinNotebook || t('previewJoplinChosen'), editable: false, label: 'previewNotebook' };
  }
}

const FIRST_PROPERTIES = ['title', 'tags'];

export interface PopupPreview {
  /** Shows the note the page would export (or hides the section when there is none). */
  show(preview: NotePreview | { ok: false; message: string } | null): void;
  /** The chosen destination (or what is known about the places) changed. */
  place(id: DestinationId, places: PreviewPlaces): void;
  /** What the reader changed, for the export; null (and the problem said) when an edit cannot be used. */
  edits(): NoteOverrides | null;
}

export function wirePreview(doc: Document): PopupPreview {
  const $ = <T extends HTMLElement>(id: string) => doc.getElementById(id) as T;
  const section = $('preview');
  const name = $<HTMLInputElement>('preview-name');
  const ext = $('preview-ext');
  const nameRow = $('preview-name-row');
  const folder = $<HTMLInputElement>('preview-folder');
  const folderLabel = $('preview-folder-label');
  const root = $('preview-root');
  const problem = $('preview-problem');
  const notice = $('preview-notice');
  const props = $('preview-properties');
  const more = $('preview-more-properties');
  const lines = $('preview-lines');
  let shown: NotePreview | null = null;
  let place: Place | null = null;

  const changed = (input: HTMLInputElement, was: string) => (input.value !== was ? input.value : undefined);

  /** The name and folder as typed, where this destination uses them. */
  const typed = (): Pick<NoteOverrides, 'name' | 'folder'> => ({
    name: shown && place?.ext ? changed(name, shown.name) : undefined,
    folder: shown && place?.editable ? changed(folder, shown.folder) : undefined,
  });

  /** Says what is wrong with the name or folder as typed ('' when nothing); marks the field. */
  const check = (): string => {
    const edits = typed();
    const text = editProblem(edits);
    const nameBad = !!text && edits.name !== undefined && !!editProblem({ name: edits.name });
    name.setAttribute('aria-invalid', String(nameBad));
    folder.setAttribute('aria-invalid', String(!!text && !nameBad));
    problem.textContent = text;
    return text;
  };
  name.addEventListener('input', check);
  folder.addEventListener('input', check);

  function property(p: NotePreview['properties'][number], i: number): HTMLElement {
    const row = doc.createElement('div');
    row.className = 'row';
    const label = doc.createElement('label');
    label.htmlFor = `preview-prop-${i}`;
    label.textContent = label.title = p.name;
    const input = doc.createElement('input');
    input.type = 'text';
    input.id = `preview-prop-${i}`;
    input.dataset.property = p.name;
    input.value = p.value;
    input.spellcheck = false;
    if (p.type === 'list') input.placeholder = t('previewListHint');
    row.append(label, input);
    return row;
  }

  const api: PopupPreview = {
    show(p) {
      shown = p?.ok ? p : null;
      section.hidden = !shown;
      if (!shown) return;
      name.value = shown.name;
      folder.value = shown.folder;
      notice.textContent = shown.notice;
      // Title and tags in sight, what a reader edits most; the template's other properties one click away.
      const rows = shown.properties.map(property);
      const first = (i: number) => FIRST_PROPERTIES.includes(shown!.properties[i]!.name);
      props.replaceChildren(...rows.filter((_, i) => first(i)));
      more.replaceChildren(...rows.filter((_, i) => !first(i)));
      $('preview-more').hidden = !more.children.length;
      $('preview-more-label').textContent = t('previewMoreProperties', more.children.length);
      lines.replaceChildren(
        ...shown.lines.map((l) => {
          const div = doc.createElement('div');
          div.textContent = div.title = l;
          return div;
        }),
      );
      lines.removeAttribute('aria-busy');
      check();
    },
    place(id, places) {
      place = placeOf(id, places);
      nameRow.hidden = !place?.ext;
      ext.textContent = place?.ext ?? '';
      $('preview-folder-row').hidden = !place;
      folderLabel.textContent = t(place?.label ?? 'previewFolder');
      root.textContent = place?.root ?? '';
      folder.hidden = !place?.editable;
      root.classList.toggle('alone', !place?.editable); // a place without a field: its name wraps, whole
      // Read-only places are text; the label then names the text rather than a missing field.
      if (place?.editable) folderLabel.setAttribute('for', 'preview-folder');
      else folderLabel.removeAttribute('for');
      check();
    },
    edits() {
      if (!shown) return {};
      if (check()) {
        (name.getAttribute('aria-invalid') === 'true' ? name : folder).focus();
        return null;
      }
      const edits: NoteOverrides = { ...typed() };
      const properties: Record<string, string> = {};
      for (const input of Array.from(section.querySelectorAll<HTMLInputElement>('input[data-property]'))) {
        const was = shown.properties.find((p) => p.name === input.dataset.property)?.value;
        if (was !== undefined && input.value !== was) properties[input.dataset.property!] = input.value;
      }
      if (Object.keys(properties).length) edits.properties = properties;
      return edits;
    },
  };
  return api;
}

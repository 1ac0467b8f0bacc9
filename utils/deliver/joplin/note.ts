import type { NewNote } from './client';
import type { NoteDraft } from '../destinations/types';

// Whole lines up to the first closing `---`: an empty front matter (`---` then `---`, no properties)
// ends at its own second line, not at a rule or a code block's `---` further down.
const FRONT_MATTER = /^---\n(?:[^\n]*\n)*?---(?:\n+|$)/;

/**
 * Joplin keeps title, source, author and date as the note's own fields and shows a body's YAML front
 * matter as plain text (a rule and a stray heading): the front matter leaves the body, its facts go to
 * the fields.
 */
export function withoutFrontMatter(markdown: string): string {
  const m = FRONT_MATTER.exec(markdown);
  return m ? markdown.slice(m[0].length) : markdown;
}

/** The note Joplin's POST /notes takes: `body` is the draft with its images' slots already filled. */
export function joplinNote(draft: NoteDraft, body: string, notebookId: string): NewNote {
  const note: NewNote = { title: draft.title || draft.name, body: withoutFrontMatter(body), source_url: draft.source, parent_id: notebookId };
  if (draft.account) note.author = draft.account;
  const published = Date.parse(draft.published);
  if (Number.isFinite(published)) note.user_created_time = published;
  return note;
}

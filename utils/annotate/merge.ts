/**
 * A note saved again in place: the article's part is written anew (text, images, highlights), the
 * reader's part is kept byte for byte: everything from a "## 我的笔记" / "## My notes" heading to the
 * end, and every block between `<!-- wac:keep -->` and `<!-- /wac:keep -->`. The article's part as
 * we wrote it is fingerprinted in a comment at its end; when the reader changed it since, the old
 * note is to be kept beside the new one (the caller writes `<name>.previous-<date>.md`).
 */

export const KEEP_OPEN = '<!-- wac:keep -->';
export const KEEP_CLOSE = '<!-- /wac:keep -->';
/** The reader's section: its heading line starts it, at any level from ## on. */
const READER_HEADING = /^#{2,6}[ \t]+(?:我的笔记|My notes)[ \t]*$/im;
const KEEP_BLOCK = /<!-- wac:keep -->[\s\S]*?<!-- \/wac:keep -->/g;
const FINGERPRINT = /\n?<!-- wac:article ([0-9a-f]{8}) -->\n?/;

/** FNV-1a, 32 bits: enough to tell "changed since we wrote it" (not a security check). */
function fnv(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}

/** The note's parts: the article's (before the reader's heading), the reader's section (from it on, '' when none), the keep blocks. */
export function noteParts(markdown: string): { article: string; reader: string; keeps: string[] } {
  const m = READER_HEADING.exec(markdown);
  const article = m ? markdown.slice(0, m.index) : markdown;
  const reader = m ? markdown.slice(m.index) : '';
  return { article, reader, keeps: article.match(KEEP_BLOCK) ?? [] };
}

/** The article's part as it is compared: without the keep blocks and the fingerprint, white space at its end ignored. */
const comparable = (article: string) => article.replace(KEEP_BLOCK, '').replace(FINGERPRINT, '\n').trimEnd();

/** A new note's text with the fingerprint of its article's part at the end. */
export function withFingerprint(markdown: string): string {
  const body = markdown.trimEnd();
  return `${body}\n\n<!-- wac:article ${fnv(comparable(body))} -->\n`;
}

export interface Merged {
  markdown: string;
  /** The reader changed the article's part since we wrote it (or we cannot tell): keep the old note beside. */
  keepPrevious: boolean;
  /** Passages of the new Highlights section that the old note did not have. */
  newHighlights: number;
}

/** Quotes of a note's Highlights section, one string each. */
function sectionQuotes(markdown: string, heading: string): string[] {
  const at = markdown.indexOf(heading);
  if (at < 0) return [];
  const rest = markdown.slice(at + heading.length);
  const end = rest.search(/^#{1,2} /m);
  const section = end < 0 ? rest : rest.slice(0, end);
  return section.split(/\n{2,}(?!>\n)/).filter((p) => p.startsWith('> '));
}

/**
 * `fresh`: the new note (article's part only, as the export made it); `old`: the note in the folder.
 * The result: the fresh article's part with its fingerprint, the old keep blocks, then the old reader's section as it was.
 */
export function mergeNote(old: string, fresh: string, highlightsHeading: string): Merged {
  const before = noteParts(old);
  const stamp = FINGERPRINT.exec(before.article)?.[1];
  const keepPrevious = stamp !== fnv(comparable(before.article));
  const oldQuotes = new Set(sectionQuotes(old, highlightsHeading));
  const newHighlights = sectionQuotes(fresh, highlightsHeading).filter((q) => !oldQuotes.has(q)).length;
  let markdown = withFingerprint(fresh);
  if (before.keeps.length) markdown = `${markdown}\n${before.keeps.join('\n\n')}\n`;
  if (before.reader) markdown = `${markdown}\n${before.reader}`;
  return { markdown, keepPrevious, newHighlights };
}

/** "已更新 / Updated": what changed, for the toolbar's message. */
export function updateSummary(newHighlights: number, previousPath: string): string {
  const parts = [`已更新 / Updated: ${newHighlights} 条新划线 / ${newHighlights} new highlights`];
  if (previousPath) parts.push(`原笔记的正文有改动，已保留为 / The old note's article part was edited, kept as: ${previousPath}`);
  return parts.join('\n');
}

import type { ArticleMeta } from '../page/metadata';

/** Front-matter fields in the order they are written; each can be switched off in the options. */
export const FRONT_MATTER_FIELDS = ['title', 'author', 'account', 'published', 'source', 'cover', 'description', 'original_url', 'reprinted_from', 'original_author'] as const;
export type FrontMatterField = (typeof FRONT_MATTER_FIELDS)[number];

const VALUE: Record<FrontMatterField, (m: ArticleMeta) => string> = {
  title: (m) => m.title,
  author: (m) => m.author,
  account: (m) => m.account,
  published: (m) => m.published,
  source: (m) => m.source,
  cover: (m) => m.cover,
  description: (m) => m.description,
  original_url: (m) => m.originalUrl,
  reprinted_from: (m) => m.reprintAccount,
  original_author: (m) => m.reprintAuthor,
};

/**
 * YAML front matter. Strings are written as JSON strings, which are valid YAML double-quoted
 * scalars: every colon, quote, '#', newline or leading '-' is safe. The date stays a bare
 * timestamp so note apps read it as a date.
 */
export function frontMatter(meta: ArticleMeta, fields: readonly FrontMatterField[] = FRONT_MATTER_FIELDS): string {
  const lines = ['---'];
  for (const f of FRONT_MATTER_FIELDS) {
    if (!fields.includes(f)) continue;
    const v = VALUE[f](meta).trim();
    if (!v) continue;
    lines.push(`${f}: ${f === 'published' && /^\d{4}-\d\d-\d\dT[\d:]+\+08:00$/.test(v) ? v : JSON.stringify(v)}`);
  }
  lines.push('---');
  return lines.join('\n');
}

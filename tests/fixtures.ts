import { readFileSync, readdirSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ScriptVars } from '../utils/page/script-vars';
import { canonicalArticleUrl } from '../utils/page/metadata';
import { buildPage, buildTextPost } from './page-builder';

/** Fixture pages and expected files; shared by the unit and browser tests. */
export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

export const PAGE_NAMES = readdirSync(join(FIXTURES, 'pages'))
  .filter((f) => f.endsWith('.html.gz'))
  .map((f) => f.replace(/\.html\.gz$/, ''))
  .sort();

/** e.g. '02' → '02-2025-weekly-readmore-original-manyimg' */
export function pageName(prefix: string): string {
  const name = PAGE_NAMES.find((n) => n === prefix || n.startsWith(`${prefix}-`));
  if (!name) throw new Error(`no fixture page ${prefix}`);
  return name;
}

export function pageHtml(nameOrPrefix: string): string {
  return gunzipSync(readFileSync(join(FIXTURES, 'pages', `${pageName(nameOrPrefix)}.html.gz`))).toString('utf8');
}

/**
 * A hand-made fixture: a content fragment (first line `<!-- title: … -->`) in a minimal article page,
 * or a text post's text (first line `<!-- text-post title: … user-title: 0|1 -->`, `\n` for a line
 * break in the title) in a minimal text post.
 */
export function handmadeHtml(name: string): string {
  const fragment = readFileSync(join(FIXTURES, 'handmade', `${name}.html`), 'utf8');
  // A whole hand-made page (the 2026 page): as it is.
  if (fragment.startsWith('<!DOCTYPE')) return fragment;
  const post = /^<!-- text-post title: (.*?) user-title: ([01]) -->\n/.exec(fragment);
  if (post) {
    const text = fragment.slice(post[0].length).trim();
    return buildTextPost({ title: post[1]!.replace(/\\n/g, '\n'), isUserTitle: post[2] as '0' | '1', account: '手工样例', text });
  }
  const title = /^<!-- title: (.*?) -->/.exec(fragment)?.[1] ?? name;
  return buildPage({ title, account: '手工样例', author: '测试', content: fragment.replace(/^<!--.*?-->\n/, '') });
}

/** A note with its `created` time (the export's clock) set aside: an export made now against a golden. */
export const clockless = (markdown: string) => markdown.replace(/^created: .*$/m, 'created: (time of the export)');

export function expectedMarkdown(name: string): string {
  return readFileSync(join(FIXTURES, 'expected', `${name}.md`), 'utf8');
}

export const testImage = () => readFileSync(join(FIXTURES, 'image.png'));

/** The page's real address: its msg_link when it has one, else a /s/<id> address. */
export function pageUrl(html: string, fallbackId: string): string {
  const scripts = Array.from(html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi), (m) => m[1]).join('\n');
  const link = canonicalArticleUrl(new ScriptVars([scripts]).get('msg_link'));
  return /^https:\/\/mp\.weixin\.qq\.com\/s[?/]/.test(link) ? link : `https://mp.weixin.qq.com/s/${fallbackId}`;
}


/** The three real articles of one account (你的鸟儿会唱歌) from the shared album corpus, by msgid. */
export const ALBUM_ARTICLES = ['2247483846', '2247484420', '2247484584'] as const;
export function albumArticleHtml(msgid: string): string {
  return gunzipSync(readFileSync(join(FIXTURES, 'album', `${msgid}.html.gz`))).toString('utf8');
}

/** Album samples (tests/fixtures/album, see SOURCES.md): a gzipped page, or a JSON page as text. */
export function albumFixture(name: string): string {
  const path = join(FIXTURES, 'album', name);
  return name.endsWith('.gz') ? gunzipSync(readFileSync(path)).toString('utf8') : readFileSync(path, 'utf8');
}

/** The album's JSON pages, by file name without .json (the last item's msgid; `first-page`). */
export const albumJson = (name: string) => albumFixture(`json/${name}.json`);

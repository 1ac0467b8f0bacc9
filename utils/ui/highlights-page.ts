/**
 * The highlights page: every article with highlights, the most recently changed first, searchable, each
 * with its passages and notes and a link back; export all as JSON, import it again (annotate/list.ts).
 * Everything shown is the reader's or an import's text: written as text, never as markup.
 */
import { browser } from 'wxt/browser';
import { articleLink, exportAll, importArticles, listArticles, matchesQuery, parseImport } from '../annotate/list';
import type { ArticleHighlights } from '../annotate/store';
import { t } from './i18n';
import { downloadJson } from './json-file';
import { formatDate } from '../markdown/templates/date-format';
import { localIso } from '../markdown/templates/variables';

export function startHighlightsPage(doc: Document): void {
  const $ = <T extends HTMLElement>(id: string) => doc.getElementById(id) as T;
  const search = $<HTMLInputElement>('hl-search');
  const list = $('hl-list');
  const count = $('hl-count');
  const status = $('hl-status');
  const file = $<HTMLInputElement>('hl-file');
  search.placeholder = t('hlListSearch');
  search.setAttribute('aria-label', t('hlListSearch'));
  let articles: ArticleHighlights[] = [];

  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, text = '', cls = '') => {
    const e = doc.createElement(tag);
    if (text) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  };
  const say = (text: string, error = false) => {
    status.textContent = text;
    status.className = error ? 'error' : '';
  };

  const articleView = (a: ArticleHighlights) => {
    const section = el('section', '', 'hl-article');
    section.dataset.id = a.id;
    const h = el('h2');
    const link = articleLink(a.url);
    const name = a.title || a.id;
    if (link) {
      const anchor = el('a', name);
      anchor.href = link;
      anchor.target = '_blank';
      anchor.rel = 'noopener noreferrer';
      h.append(anchor);
    } else h.textContent = name;
    // Local date and time as numbers, the same in both languages.
    const when = formatDate(localIso(new Date(a.updated)), 'YYYY-MM-DD HH:mm');
    const ul = el('ul');
    for (const item of a.items) {
      const li = el('li');
      li.append(el('blockquote', item.exact));
      if (item.note.trim()) li.append(el('p', item.note, 'hl-note'));
      ul.append(li);
    }
    section.append(h, el('p', t('hlListArticleLine', a.items.length, when), 'hint'), ul);
    return section;
  };

  const show = () => {
    const shown = articles.filter((a) => matchesQuery(a, search.value));
    list.replaceChildren(...shown.map(articleView));
    const passages = shown.reduce((n, a) => n + a.items.length, 0);
    count.textContent = !articles.length ? t('hlListEmpty') : shown.length ? t('hlListCount', shown.length, passages) : t('hlListNoMatch');
  };
  const load = async () => {
    articles = await listArticles();
    show();
  };

  search.addEventListener('input', show);
  $('hl-export').addEventListener('click', () => void listArticles().then((all) => downloadJson(doc, 'wechat-article-cleaner-highlights.json', exportAll(all))));
  $('hl-import').addEventListener('click', () => file.click());
  file.addEventListener('change', () => {
    const f = file.files?.[0];
    file.value = '';
    if (!f) return;
    void f.text().then(async (text) => {
      const parsed = parseImport(text);
      if (!parsed.ok) return say(t('hlImportBad', parsed.message), true);
      try {
        const r = await importArticles(parsed.articles);
        if (!r.ok) return say(t('hlImportBad', r.message), true);
        say(t('hlImported', r.added, r.articles));
      } catch (e) {
        // One storage write: when it fails (quota), nothing was written.
        return say(t('hlImportFailed', (e as Error).message), true);
      }
      await load();
    });
  });
  // Highlights made or removed in an article's tab while this page is open.
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && Object.keys(changes).some((k) => k.startsWith('hl:'))) void load();
  });
  void load();
}

/**
 * The options page's list of remembered promotion, per account (name and __biz or 原始ID), with
 * delete per entry and per account, and export / import as JSON (checked before anything is stored).
 */
import { exportMemories, forget, parseImport, type AccountMemory, type Entry } from '../clean/memory';
import { deleteAccount, importAccounts, listAccounts, saveAccount, type StoredAccount } from '../clean/memory-store';
import { t } from './i18n';
import { downloadJson } from './json-file';

const LISTS = [
  ['hide', 'promoMemHide'],
  ['keep', 'promoMemKeep'],
  ['learned', 'promoMemLearned'],
] as const;

export function renderPromoMemory(host: HTMLElement): void {
  const doc = host.ownerDocument;
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, text = '', cls = '') => {
    const e = doc.createElement(tag);
    if (text) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  };
  const list = el('div', '', 'promo-accounts');
  const status = el('p', '', 'hint');
  status.setAttribute('role', 'status');
  status.setAttribute('aria-live', 'polite');
  const bar = el('div', '', 'promo-io');
  const exportBtn = el('button', t('promoMemExport'));
  const importBtn = el('button', t('promoMemImport'));
  const file = el('input');
  file.type = 'file';
  file.accept = 'application/json,.json';
  file.hidden = true;
  file.setAttribute('aria-label', t('promoMemImport'));
  bar.append(exportBtn, importBtn, file);
  host.append(list, bar, status);

  const button = (label: string, name: string, onClick: () => Promise<void>) => {
    const b = el('button', label);
    b.type = 'button';
    b.setAttribute('aria-label', name);
    b.addEventListener('click', () =>
      void onClick().then(
        () => (status.textContent = t('promoMemDeleted')),
        (e: unknown) => (status.textContent = t('promoMemSaveFailed', (e as Error).message)),
      ),
    );
    return b;
  };

  const entryRow = (acct: StoredAccount, e: Entry) => {
    const li = el('li');
    const what = e.what === 'image' ? `${t('promoMemImage')}: ${e.preview}` : e.preview;
    li.append(el('span', what, 'promo-entry'), ' ');
    li.append(button(t('promoMemDelete'), `${t('promoMemDelete')}: ${what}`, () => saveAccount({ key: acct.key, memory: forget(acct.memory, e.fp) }).then(render)));
    return li;
  };

  async function render(): Promise<void> {
    const accounts = await listAccounts();
    list.replaceChildren();
    if (accounts.length === 0) list.append(el('p', t('promoMemEmpty'), 'hint'));
    for (const acct of accounts) {
      const m = acct.memory;
      const section = el('section', '', 'promo-account');
      const title = `${m.name || '—'} (${m.biz ? `__biz=${m.biz}` : m.user})`;
      const h = el('h3', title);
      section.append(h);
      for (const [key, label] of LISTS) {
        if (m[key].length === 0) continue;
        section.append(el('h4', `${t(label)} (${m[key].length})`));
        const ul = el('ul');
        for (const e of m[key]) ul.append(entryRow(acct, e));
        section.append(ul);
      }
      const once = Object.keys(m.cand).length;
      if (once) section.append(el('p', t('promoMemSeenOnce', once), 'hint'));
      section.append(button(t('promoMemDeleteAccount'), `${t('promoMemDeleteAccount')}: ${title}`, () => deleteAccount(acct.key).then(render)));
      list.append(section);
    }
  }

  exportBtn.type = 'button';
  importBtn.type = 'button';
  exportBtn.addEventListener('click', () => {
    void listAccounts().then((accounts) => downloadJson(doc, 'wechat-article-cleaner-promotion.json', exportMemories(accounts.map((a) => a.memory))));
  });
  importBtn.addEventListener('click', () => file.click());
  file.addEventListener('change', () => {
    const f = file.files?.[0];
    file.value = '';
    if (!f) return;
    void f.text().then(async (text) => {
      const r = parseImport(text);
      if (!r.ok) {
        status.textContent = t('promoMemImportBad', r.message);
        return;
      }
      try {
        await importAccounts(r.accounts as AccountMemory[]);
      } catch (e) {
        // Refused whole (too big for the memory, or storage failed): nothing changed; say why.
        status.textContent = t('promoMemImportFailed', (e as Error).message);
        return;
      }
      status.textContent = t('promoMemImported', r.accounts.length);
      await render();
    });
  });

  void render();
}

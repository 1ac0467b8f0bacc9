/**
 * The followed albums, in the popup and the options (one call each): title, size, the date last
 * checked and how many articles are new; "Check now", "Export new" and "Unfollow" per album; the
 * daily check (the optional `alarms` permission, asked for in the click that turns it on).
 */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { t } from './i18n';
import { loadFollowed, unfollow, watchFollowed, type FollowedAlbum } from '../follow/follows';
import { DAILY_KEY, LAST_CHECK_KEY, type FollowRequest, type LastCheck } from '../follow/background';
import type { BackgroundRequest } from '../messages/types';

const day = (ms: number) => new Date(ms).toLocaleString();

export function mountFollowList(doc: Document, parent: HTMLElement): HTMLElement {
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, text = '', attrs: Record<string, string> = {}) => {
    const e = doc.createElement(tag);
    if (text) e.textContent = text;
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    return e;
  };
  const section = el('section', '', { id: 'follow-list', 'aria-labelledby': 'follow-title' });
  const title = el('h2', t('followListTitle'), { id: 'follow-title' });
  title.style.fontSize = '14px';
  const list = el('ul');
  list.style.paddingLeft = '18px';
  const empty = el('p', t('followNone'));
  const check = el('button', t('followCheckNow'), { type: 'button', id: 'follow-check' });
  const status = el('p', '', { id: 'follow-status', role: 'status', 'aria-live': 'polite' });
  const dailyBox = el('input', '', { type: 'checkbox', id: 'follow-daily' }) as HTMLInputElement;
  const daily = el('label');
  daily.append(dailyBox, ` ${t('followDaily')}`);
  section.append(title, empty, list, check, daily, status);
  parent.appendChild(section);

  const send = (msg: FollowRequest | BackgroundRequest) => browser.runtime.sendMessage(msg);

  function row(a: FollowedAlbum): HTMLLIElement {
    const li = el('li', '', { 'data-album': a.id });
    const name = el('strong', a.title);
    const facts = [t('followSize', a.size), a.checkedAt ? t('followChecked', day(a.checkedAt)) : t('followNeverChecked')];
    if (a.newCount !== null) facts.push(t('followNew', a.newCount));
    const info = el('span', ` — ${facts.join(' · ')}`, { class: 'follow-facts' });
    li.append(name, info);
    if (a.problem) li.append(el('div', t('followProblem', a.problem), { class: 'error' }));
    const exportNew = el('button', t('followExportNew'), { type: 'button', 'aria-label': `${t('followExportNew')}: ${a.title}` });
    exportNew.addEventListener('click', () => void send({ type: 'open-batch', request: { kind: 'album', album: { id: a.id, biz: a.biz, title: a.title, size: a.size }, onlyNew: true } }));
    const drop = el('button', t('unfollowShort'), { type: 'button', 'aria-label': `${t('unfollowShort')}: ${a.title}` });
    drop.addEventListener('click', () => void unfollow(a.id));
    // Side by side, small: the popup's own buttons are full-width blocks.
    for (const b of [exportNew, drop]) b.style.cssText = 'display:inline-block;width:auto;margin:2px 6px 2px 0;padding:2px 8px';
    li.append(el('br'), exportNew, drop);
    return li;
  }

  const show = (albums: readonly FollowedAlbum[]) => {
    list.replaceChildren(...albums.map(row));
    empty.hidden = albums.length > 0;
    check.hidden = albums.length === 0;
  };
  const showCheck = (c: LastCheck | null) => {
    if (!c) return;
    check.disabled = !!c.running;
    status.textContent = c.running ? t('followChecking') : c.stopped ? t('followStopped', c.stopped) : t('followCheckedCount', c.checked);
    status.className = c.stopped ? 'error' : '';
  };
  void loadFollowed().then(show);
  watchFollowed(show);
  void storage.getItem<LastCheck>(LAST_CHECK_KEY).then(showCheck);
  storage.watch<LastCheck>(LAST_CHECK_KEY, showCheck);
  check.addEventListener('click', () => void send({ type: 'follow-check' }));

  void storage.getItem<boolean>(DAILY_KEY).then((on) => (dailyBox.checked = !!on));
  dailyBox.addEventListener('change', async () => {
    const on = dailyBox.checked;
    // Asked for in this click (the permission needs the reader's gesture), given back when turned off.
    // (Firefox has it from the install: it cannot be optional there, and removing it fails, harmlessly.)
    const granted = on ? await browser.permissions.request({ permissions: ['alarms'] }).catch(() => browser.permissions.contains({ permissions: ['alarms'] })) : true;
    const done = granted && (await send({ type: 'follow-daily', on }).catch(() => false));
    if (!on) await browser.permissions.remove({ permissions: ['alarms'] }).catch(() => false);
    if (!done) {
      dailyBox.checked = false;
      status.textContent = t('followDailyRefused');
    }
  });
  return section;
}

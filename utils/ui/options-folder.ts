/**
 * The options page's "Save into a folder" section: pick the folder (File System Access API), see
 * whether it is an Obsidian vault and whether the browser still lets us write there, grant access
 * again in one click (and send the note that waited for it), and the folder settings: where images
 * go, Obsidian embeds, what a second export of the same article does, the vault for obsidian://new.
 */
import { loadSettings, saveSettings } from '../settings/store';
import { saveFailedText } from './options-save';
import type { Settings } from '../settings/settings';
import { forgetFolder } from '../deliver/folder/handle-store';
import { canPickFolder, folderInfo, grantAndRetry, pickFolder } from '../deliver/folder/grant';
import { pendingDraft } from '../deliver/folder/pending';
import { validImagesFolder } from '../deliver/destinations/attachments';
import { t } from './i18n';

export function renderFolderOptions(host: HTMLElement): void {
  const doc = host.ownerDocument;
  const win = doc.defaultView!;
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, text = '', cls = '') => {
    const e = doc.createElement(tag);
    if (text) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  };
  const button = (label: string, id: string) => {
    const b = el('button', label);
    b.type = 'button';
    b.id = id;
    return b;
  };
  const radios = (name: string, options: [string, string][], value: string, onChange: (v: string) => void) => {
    const box = el('div');
    for (const [v, label] of options) {
      const l = el('label');
      const r = el('input');
      r.type = 'radio';
      r.name = name;
      r.value = v;
      r.checked = v === value;
      r.addEventListener('change', () => r.checked && onChange(v));
      l.append(r, ` ${label}`);
      box.append(l);
    }
    return box;
  };
  const text = (id: string, label: string, value: string, onChange: (v: string) => void) => {
    const l = el('label', `${label} `);
    const i = el('input');
    i.type = 'text';
    i.id = id;
    i.value = value;
    i.addEventListener('change', () => onChange(i.value.trim()));
    l.append(i);
    return l;
  };

  const current = el('p', '', 'folder-current');
  current.id = 'folder-current';
  const pick = button(t('folderPick'), 'folder-pick');
  const forget = button(t('folderForget'), 'folder-forget');
  const grant = button('', 'folder-grant');
  const status = el('p', '', 'hint folder-status');
  status.id = 'folder-status';
  status.setAttribute('role', 'status');
  status.setAttribute('aria-live', 'polite');
  const bar = el('div', '', 'promo-io');
  bar.append(pick, forget, grant);
  host.append(current, bar, status);
  const save = (patch: Partial<Settings>) =>
    void saveSettings(patch).then(
      () => (status.textContent = t('optSaved')),
      (e: unknown) => (status.textContent = saveFailedText(e)),
    );

  if (!canPickFolder(win)) {
    current.textContent = t('folderUnsupported');
    pick.disabled = forget.disabled = true;
  }

  async function show(): Promise<void> {
    const info = await folderInfo().catch(() => undefined);
    const waiting = await pendingDraft().catch(() => undefined);
    forget.hidden = !info;
    if (canPickFolder(win)) {
      current.textContent = info
        ? `${t('folderChosen', info.name)} · ${t(info.vault ? 'folderIsVault' : 'folderNotVault')} · ${t(`folderPerm_${info.permission}`)}`
        : t('folderNoneChosen');
    }
    grant.hidden = !info || (info.permission === 'granted' && !waiting);
    if (info) grant.textContent = waiting ? t('folderGrantAndSave', info.name, waiting.title || waiting.name) : t('folderGrant', info.name);
  }

  pick.addEventListener('click', () =>
    void pickFolder(win)
      .then(() => ((status.textContent = ''), show()))
      // The reader closing the picker is an AbortError: nothing to say.
      .catch((e: unknown) => (status.textContent = e instanceof DOMException && e.name === 'AbortError' ? '' : `${t('folderPickFailed')}: ${(e as Error).message}`)),
  );
  forget.addEventListener('click', () => void forgetFolder().then(show));
  // The first thing in the click: requestPermission needs the gesture, which anything slow before it spends.
  grant.addEventListener('click', () => void grantAndRetry(doc).then((message) => ((status.textContent = message), show())));

  void loadSettings().then((s) => {
    // One copy that every control changes: two changes in a row must not undo each other.
    const att = { ...s.attachments };
    const saveAtt = (patch: Partial<Settings['attachments']>) => save({ attachments: { ...Object.assign(att, patch) } });
    // The fixed folder's name matters only when images go to one fixed folder.
    // Empty, "/" or ".." would put images at the folder's root or outside it: refused, and said.
    const fixed = text('folderFixed', t('folderFixedName'), s.attachments.folder, (v) => {
      const ok = validImagesFolder(v);
      fixed.querySelector('input')!.setAttribute('aria-invalid', String(!ok));
      if (ok) saveAtt({ folder: v });
      else status.textContent = t('folderImagesFolderBad');
    });
    host.append(
      el('h3', t('folderImages')),
      radios('folderAttachments', [['beside', t('folderAttachBeside')], ['fixed', t('folderAttachFixed')]], s.attachments.location, (v) => {
        fixed.hidden = v !== 'fixed';
        saveAtt({ location: v as 'beside' | 'fixed' });
      }),
      fixed,
    );
    fixed.hidden = att.location !== 'fixed';
    const embeds = el('label');
    const box = el('input');
    box.type = 'checkbox';
    box.id = 'folderEmbeds';
    box.checked = s.attachments.embeds;
    box.addEventListener('change', () => saveAtt({ embeds: box.checked }));
    embeds.append(box, ` ${t('folderEmbeds')}`);
    host.append(
      embeds,
      el('h3', t('folderExisting')),
      radios('folderOnExisting', [['rename', t('folderExistingRename')], ['update', t('folderExistingUpdate')]], s.onExisting, (v) => save({ onExisting: v as 'rename' | 'update' })),
      el('h3', t('obsidianTitle')),
      text('obsidianVault', t('obsidianVault'), s.obsidianVault, (v) => save({ obsidianVault: v })),
      el('p', t('obsidianHint'), 'hint'),
    );
  });
  void show();
  // The page may be opened by a follow-up ("grant access"): show the grant button up front.
  win.addEventListener('focus', () => void show());
}

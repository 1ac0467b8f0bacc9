/**
 * The first-run page (opened once, on install): the one question that matters, where notes go.
 * Each choice asks for what it needs in the click itself (the folder picker, the downloads
 * permission) and keeps the images local: the folders and Joplin hold the files, the plain
 * download becomes a ZIP.
 */
import { browser } from 'wxt/browser';
import { localizePage, t } from './i18n';
import { saveSettings } from '../settings/store';
import type { Settings } from '../settings/settings';
import type { DestinationId } from '../deliver/destinations/types';
import { canPickFolder, pickFolder } from '../deliver/folder/grant';
import { DOWNLOADS_PERMISSION } from '../deliver/downloads/permission';

interface Choice {
  id: DestinationId;
  /** Here, in this browser. */
  shown: (win: Window) => boolean;
  /** Run in the click; the text to show on success (or throws). */
  take: (win: Window) => Promise<string>;
}

const LOCAL_IMAGES: Partial<Settings> = { imageMode: 'zip' };

const CHOICES: Choice[] = [
  {
    id: 'folder',
    shown: canPickFolder,
    take: async (win) => t('welcomeDoneFolder', (await pickFolder(win)).name),
  },
  {
    id: 'downloads-folder',
    shown: () => true,
    take: async () => {
      if (!(await browser.permissions.request(DOWNLOADS_PERMISSION))) throw new Error(t('dlfRefused'));
      return t('welcomeDone', t('dest_downloads_folder'));
    },
  },
  {
    id: 'joplin',
    shown: () => true,
    // Joplin needs its port and token: the options page's Joplin section does that.
    take: async () => {
      void browser.runtime.openOptionsPage();
      return t('welcomeDoneJoplin');
    },
  },
  { id: 'zip', shown: () => true, take: async () => t('welcomeDone', t('dest_zip')) },
];

export function startWelcome(doc: Document): void {
  localizePage(doc);
  const win = doc.defaultView!;
  const list = doc.getElementById('choices')!;
  const done = doc.getElementById('done')!;
  const buttons = CHOICES.filter((c) => c.shown(win)).map((c) => {
    const b = doc.createElement('button');
    b.type = 'button';
    b.dataset.destination = c.id;
    b.setAttribute('aria-pressed', 'false');
    const name = doc.createElement('strong');
    name.textContent = t(`dest_${c.id.replace('-', '_')}`);
    const what = doc.createElement('span');
    what.textContent = t(`welcomeAbout_${c.id.replace('-', '_')}`);
    b.append(name, what);
    b.addEventListener('click', () => {
      // take() first, synchronously in the click: the picker and the permission prompt need the gesture.
      void c.take(win).then(
        async (text) => {
          await saveSettings({ destination: c.id, ...LOCAL_IMAGES });
          for (const other of buttons) other.setAttribute('aria-pressed', String(other === b));
          done.className = '';
          done.textContent = text;
          done.hidden = false;
        },
        (e: Error) => {
          if (e.name === 'AbortError') return; // the reader closed the picker
          done.className = 'error';
          done.textContent = e.message;
          done.hidden = false;
        },
      );
    });
    return b;
  });
  list.replaceChildren(...buttons);
  doc.getElementById('open-options')!.addEventListener('click', (e) => {
    e.preventDefault();
    void browser.runtime.openOptionsPage();
  });
}

/**
 * The popup: the page's state, the export actions (the main one to the reader's destination or,
 * for this one export, another picked here), cleaning switches and the batch part.
 */
import { browser } from 'wxt/browser';
import { localizePage, t } from './i18n';
import { loadSettings, saveSettings } from '../settings/store';
import { copyText } from '../deliver/clipboard';
import { originsToAsk } from '../deliver/image-hosts';
import { wirePopupBatch } from '../batch/popup-batch';
import type { DestinationId } from '../deliver/destinations/types';
import { fillDestinations, workingDestinations } from './destination-choice';
import { folderInfo } from '../deliver/folder/grant';
import { wirePreview, type PreviewPlaces } from './popup-preview';
import { runFollowUpHere } from '../deliver/follow-up';
import type { ActionResult, ContentRequest, ExportAction, PageStatus } from '../messages/types';
import type { NoteOverrides } from '../markdown/note';
import type { NotePreview } from '../pipeline/export';
import { tallyText } from './hidden-labels';

export function startPopup(document: Document): void {
  localizePage(document);
  // The <title> is the manifest's __MSG_extName__ (WXT makes it the toolbar button's tooltip): named here for the page.
  document.title = t('extName');
  const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
  const statusEl = $('status');
  const messageEl = $('message');
  const cleanPage = $<HTMLInputElement>('clean-page');
  const cleanDefault = $<HTMLInputElement>('clean-default');
  const destination = $<HTMLSelectElement>('destination');

  // The tab the popup acts on, fixed when it opens: the active tab of the last focused browser window
  // (where the toolbar button was clicked), never the popup itself when it is open as a page.
  const targetTab: Promise<number | undefined> = browser.tabs
    .query({ active: true, lastFocusedWindow: true })
    .then((tabs) => tabs.find((t) => t.url !== location.href)?.id);

  async function ask<T>(msg: ContentRequest): Promise<T | null> {
    const id = await targetTab;
    if (id === undefined) return null;
    try {
      return (await browser.tabs.sendMessage(id, msg)) as T;
    } catch {
      return null; // no content script: not a WeChat article page
    }
  }

  function showStatus(s: PageStatus | null): void {
    const controls = document.getElementById('controls')!;
    if (!s) {
      statusEl.textContent = t('notArticlePage');
      statusEl.className = 'status';
      controls.hidden = true;
      return;
    }
    controls.hidden = false;
    imageOrigins = s.imageOrigins ?? [];
    cleanPage.checked = s.cleaned;
    statusEl.textContent = s.kind === 'unavailable' ? t('pageUnavailable') : s.cleaned ? t('statusCleaned', tallyText({ promotion: s.promotions, decoration: s.decorations })) : t('statusNotCleaned');
    statusEl.className = s.cleaned ? 'status on' : 'status';
  }

  // The page's images outside WeChat's hosts, from its status; and the image mode, for base64 files.
  let imageOrigins: string[] = [];
  let inlineImages = false;

  // Origins the reader had granted before this popup: those stay granted.
  let grantedBefore = new Set<string>();
  void browser.permissions.getAll().then((p) => (grantedBefore = new Set(p.origins ?? [])));
  // Asked for in the click itself: see originsToAsk for why only the popup can. What this one export
  // needed is given back once it has answered (its images are fetched by then).
  const askForImageHosts = (action: ExportAction): { asked: Promise<unknown>; giveBack: () => void } => {
    const origins = originsToAsk(action, imageOrigins, inlineImages);
    if (!origins.length) return { asked: Promise.resolve(), giveBack: () => undefined };
    const fresh = origins.filter((o) => !grantedBefore.has(o));
    return {
      asked: browser.permissions.request({ origins }).catch(() => false),
      giveBack: () => void (fresh.length && browser.permissions.remove({ origins: fresh }).catch(() => false)),
    };
  };

  // The note before saving: its name, folder and properties, editable for this one save.
  const preview = wirePreview(document);
  const places: PreviewPlaces = { obsidianVault: '', downloadIsZip: false };

  async function run(action: ExportAction): Promise<void> {
    const edits = preview.edits();
    if (!edits) return void (messageEl.textContent = t('previewFix'));
    const { asked, giveBack } = askForImageHosts(action);
    offerFollowUp(undefined);
    messageEl.textContent = t('working');
    await asked;
    try {
      await runAsked(action, edits);
    } finally {
      giveBack();
    }
  }

  async function runAsked(action: ExportAction, edits: NoteOverrides): Promise<void> {
    if (action === 'copy-md') {
      // The popup has the focus and the click: copy here rather than in the page.
      const r = await ask<ActionResult>({ type: 'get-markdown', edits });
      if (!r?.ok || !r.markdown) {
        messageEl.textContent = r?.message ?? t('notArticlePage');
        return;
      }
      try {
        await copyText(document, r.markdown);
        messageEl.textContent = t('copied');
      } catch (e) {
        messageEl.textContent = (e as Error).message;
      }
      return;
    }
    const r = await ask<ActionResult>({ type: 'export', action, destination: action === 'download-md' ? (destination.value as DestinationId) : undefined, edits });
    messageEl.textContent = r?.message ?? t('notArticlePage');
    offerFollowUp(r?.followUp);
  }

  // A delivery's follow-up (grant the folder again, open in Obsidian): one click, right here.
  const followUp = $<HTMLButtonElement>('follow-up');
  let request: unknown;
  function offerFollowUp(f: ActionResult['followUp']): void {
    followUp.hidden = !f;
    followUp.textContent = f?.label ?? '';
    request = f?.request;
  }
  followUp.addEventListener('click', () => {
    followUp.hidden = true;
    void runFollowUpHere(request, window).then((text) => text && (messageEl.textContent = text));
  });

  // The main button names where the note goes; with no folder picked yet it opens the options to pick one.
  const send = $<HTMLButtonElement>('send');
  let folderName: string | undefined;
  const needsFolder = () => destination.value === 'folder' && !folderName;
  const nameSend = () => {
    const id = destination.value as DestinationId;
    send.textContent = needsFolder() ? t('sendToFolderNone') : t(`sendTo_${id.replace('-', '_')}`, folderName ?? '');
    preview.place(id, places);
  };
  destination.addEventListener('change', nameSend);
  send.addEventListener('click', () => {
    if (!needsFolder()) return void run('download-md');
    messageEl.textContent = t('folderNone');
    void browser.runtime.openOptionsPage();
  });
  for (const b of Array.from(document.querySelectorAll<HTMLButtonElement>('button[data-action]'))) {
    if (b !== send) b.addEventListener('click', () => void run(b.dataset.action as ExportAction));
  }
  cleanPage.addEventListener('change', async () => showStatus(await ask<PageStatus>({ type: 'set-cleaning', on: cleanPage.checked })));
  cleanDefault.addEventListener('change', () => void saveSettings({ cleanByDefault: cleanDefault.checked }));
  $('open-options').addEventListener('click', (e) => {
    e.preventDefault();
    void browser.runtime.openOptionsPage();
  });

  void Promise.all([loadSettings(), workingDestinations(window), folderInfo().catch(() => undefined)]).then(([s, ids, folder]) => {
    cleanDefault.checked = s.cleanByDefault;
    inlineImages = s.imageMode === 'base64';
    folderName = folder?.name;
    Object.assign(places, { folder, obsidianVault: s.obsidianVault, downloadIsZip: s.imageMode === 'zip' });
    // The reader's default where it works here, else the plain download.
    fillDestinations(destination, ids.includes(s.destination) ? s.destination : 'download', ids);
    nameSend();
  });
  void ask<PageStatus>({ type: 'status' }).then((s) => {
    showStatus(s);
    // Converted after the status: the popup is usable at once, the preview follows.
    if (s && s.kind !== 'unavailable') void ask<NotePreview | { ok: false; message: string }>({ type: 'preview' }).then(preview.show);
  });
  wirePopupBatch(document);
}

/**
 * Obsidian. When the picked folder is a vault (it has `.obsidian/`), the note is written there with
 * its images and opened (`obsidian://open`). Otherwise it is handed over as Obsidian Web Clipper
 * does: onto the clipboard, then `obsidian://new?…&clipboard`, images as the image setting says
 * (remote links, or inline base64). Runs in the page: the clipboard needs the focused page.
 */
import { browser } from 'wxt/browser';
import { copyText } from '../clipboard';
import type { FolderInfo } from '../folder/grant';
import type { FolderRequest } from '../folder/requests';
import type { OpenUrlRequest } from '../folder/save';
import { obsidianNewUrl } from '../obsidian/uri';
import { t } from '../../ui/i18n';
import { notePath } from './attachments';
import { imageSummary, inlineImagesNote, remoteNote } from './slots';
import { deliverInBackground } from './in-background';
import type { DeliveryResult, Destination } from './types';

/** Asks the OS to open an obsidian:// address; the article stays (the browser hands it to the app). */
export const openObsidian = (url: string): void => location.assign(url);

const isOpenUrl = (r: unknown): r is OpenUrlRequest => (r as OpenUrlRequest | undefined)?.type === 'open-url';

export const obsidianDestination: Destination = {
  id: 'obsidian',
  runsIn: 'page',
  async deliver(draft, ctx): Promise<DeliveryResult> {
    const info = (await browser.runtime.sendMessage({ type: 'folder-info' } satisfies FolderRequest).catch(() => null)) as FolderInfo | null;
    // A vault we may not write to yet still goes there: the folder destination offers the grant.
    if (info?.vault || (info && info.permission === 'prompt')) {
      const r = await deliverInBackground('folder', draft);
      if (!isOpenUrl(r.followUp?.request)) return r;
      openObsidian(r.followUp.request.url);
      return { ...r, message: `${r.message}\n${t('obsidianOpening')}`, followUp: undefined };
    }
    let markdown = remoteNote(draft);
    let summary = '';
    if (ctx.settings.imageMode === 'base64' && draft.images.length) {
      const inline = await inlineImagesNote(draft, ctx);
      markdown = inline.markdown;
      summary = `\n${imageSummary(draft, inline.failed)}`;
    }
    try {
      await copyText(document, markdown);
    } catch (e) {
      return { ok: false, message: `${t('obsidianNoClipboard')}: ${(e as Error).message}`, fallback: true };
    }
    const url = obsidianNewUrl(ctx.settings.obsidianVault, notePath(draft));
    openObsidian(url);
    return { ok: true, message: t('obsidianHanded', ctx.settings.obsidianVault || t('obsidianOpenVault')) + summary, markdown };
  },
};

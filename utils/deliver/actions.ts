/** The page's side of a delivery: the images through the background's port, and the download a note falls back to. */
import { browser } from 'wxt/browser';
import { downloadText } from './download';
import { remoteNote } from './destinations/slots';
import { IMAGE_PORT, type DeliveryResult, type NoteDraft } from './destinations/types';
import type { FetchImages, ImageReply } from './zip';
import { t } from '../ui/i18n';

/** Asks the background for the images over one port; replies stream back one per image. */
export const fetchImagesViaBackground: FetchImages = (urls, onEach) =>
  new Promise((resolve, reject) => {
    if (urls.length === 0) return resolve();
    const port = browser.runtime.connect({ name: IMAGE_PORT });
    let received = 0;
    port.onMessage.addListener((msg: unknown) => {
      onEach(msg as ImageReply);
      if (++received === urls.length) {
        port.disconnect();
        resolve();
      }
    });
    port.onDisconnect.addListener(() => {
      if (received < urls.length) reject(new Error(t('errImagesInterrupted')));
    });
    port.postMessage({ urls });
  });

/** A note that could not be written where it was meant to go is downloaded instead, and the message says so. */
export function fallBack(draft: NoteDraft, result: DeliveryResult): DeliveryResult {
  const file = `${draft.name}.md`;
  const markdown = remoteNote(draft);
  downloadText(document, file, markdown);
  return { ...result, ok: false, message: `${result.message}\n${t('fellBackToDownload', file)}`, markdown };
}

import { browser } from 'wxt/browser';
import { articleMarkdown, prepareExport, type Prepared } from '../markdown/note';
import { downloadBlob, downloadText } from './download';
import { copyText } from './clipboard';
import { resolveImages, buildZip, type FetchImages } from './zip';
import { NO_HOST_PERMISSION } from './image-fetch';
import { IMAGE_PORT, type ActionResult, type ExportAction, type ImageReply } from '../messages/types';
import type { Settings } from '../settings/settings';
import type { AccountMemory } from '../clean/memory';
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

export interface ActionHooks {
  progress(text: string): void;
  /** The account's remembered promotion, left out of the note as it is hidden on the page. */
  memory?: AccountMemory | null;
}

/** Runs one export action on the live page. Every outcome is a message; nothing throws. */
export async function runAction(action: ExportAction, settings: Settings, hooks: ActionHooks, fetchImages: FetchImages = fetchImagesViaBackground): Promise<ActionResult> {
  const mode = action === 'download-zip' ? 'zip' : action === 'copy-md' ? 'remote' : settings.imageMode;
  // Converted once: with remote links here, or below against the downloaded images.
  const prepared = prepareExport(document, location.href, settings, hooks.memory ?? null);
  if (!prepared.ok) return { ok: false, message: prepared.message };
  const r = await runPrepared(action, mode, prepared, settings, hooks, fetchImages);
  // A broken stored template was replaced by its default: the reader learns it with the result.
  return prepared.templateNotice ? { ...r, message: `${r.message}\n${prepared.templateNotice}` } : r;
}

async function runPrepared(action: ExportAction, mode: Settings['imageMode'], prepared: Prepared, settings: Settings, hooks: ActionHooks, fetchImages: FetchImages): Promise<ActionResult> {
  const { article, fileName } = prepared;
  try {
    if (mode === 'remote' || (mode === 'base64' && article.images.length === 0)) {
      const markdown = articleMarkdown(article, settings);
      if (action === 'copy-md') {
        await copyText(document, markdown);
        return { ok: true, message: t('copied'), markdown };
      }
      downloadText(document, `${fileName}.md`, markdown);
      return { ok: true, message: t('downloaded', `${fileName}.md`), markdown };
    }
    const images = await resolveImages(article, settings, mode, fetchImages, (done, total) => hooks.progress(t('imageProgress', done, total)));
    const failedList = images.failed.map((f) => `${f.url} (${f.error === NO_HOST_PERMISSION ? t('zipHostNotAllowed') : f.error})`).join('\n');
    const saved = article.images.length - images.failed.length;
    const summary = t('imageSummary', saved, article.images.length, images.failed.length) + (failedList ? `\n${t('imagesFailed')}\n${failedList}` : '');
    if (mode === 'zip') {
      const zip = await buildZip(fileName, images.markdown, images.files);
      downloadBlob(document, `${fileName}.zip`, new Blob([zip as BlobPart], { type: 'application/zip' }));
      return { ok: images.failed.length === 0, message: `${t('downloaded', `${fileName}.zip`)}\n${summary}`, markdown: images.markdown };
    }
    downloadText(document, `${fileName}.md`, images.markdown);
    return { ok: images.failed.length === 0, message: `${t('downloaded', `${fileName}.md`)}\n${summary}`, markdown: images.markdown };
  } catch (e) {
    return { ok: false, message: `${t('errExport')}: ${(e as Error).message}` };
  }
}

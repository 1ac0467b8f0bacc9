import { browser } from 'wxt/browser';
import { downloadText } from './download';
import { makeDraft } from './draft';
import { previewNote, type NoteOverrides, type NotePreview } from '../markdown/note';
import { loadHighlights } from '../annotate/store';
import { articleIdentity } from '../page/identity';
import { scriptVars } from '../page/script-vars';
import { remoteNote } from './destinations/slots';
import { PAGE_DESTINATIONS } from './destinations/page';
import { deliverInBackground } from './destinations/in-background';
import type { DeliverContext, DeliveryResult, DestinationId, NoteDraft } from './destinations/types';
import type { FetchImages } from './zip';
import { IMAGE_PORT, type ActionResult, type ExportAction, type ImageReply } from '../messages/types';
import type { Settings } from '../settings/settings';
import type { AccountMemory } from '../clean/memory';
import { t } from '../ui/i18n';
import { recordExported } from '../follow/record';

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
  /** A destination for this one export (the popup's choice), instead of the reader's default. */
  destination?: DestinationId;
  /** The popup's edits for this one export (name, folder, properties), checked already. */
  edits?: NoteOverrides;
}

/** The toolbar's three actions: the main one goes where the reader chose; copy and ZIP are their own. */
export function destinationFor(action: ExportAction, settings: Settings, chosen?: DestinationId): DestinationId {
  if (action === 'copy-md') return 'clipboard';
  if (action === 'download-zip') return 'zip';
  return chosen ?? settings.destination;
}


/** A note that could not be written where it was meant to go is downloaded instead, and the message says so. */
function fallBack(draft: NoteDraft, result: DeliveryResult): DeliveryResult {
  const file = `${draft.name}.md`;
  const markdown = remoteNote(draft);
  downloadText(document, file, markdown);
  return { ...result, ok: false, message: `${result.message}\n${t('fellBackToDownload', file)}`, markdown };
}

/** The reader's highlights of this page, marked in the note (none: nothing changes). */
const pageHighlights = () => loadHighlights(articleIdentity(location.href, scriptVars(document)));

/** The popup's preview of the note the next export writes, from the live page. */
export async function previewPage(settings: Settings, memory: AccountMemory | null): Promise<NotePreview | { ok: false; message: string }> {
  return previewNote(document, location.href, settings, memory, await pageHighlights());
}

/** Runs one export on the live page. Every outcome is a message; nothing throws. */
export async function runAction(
  action: ExportAction,
  settings: Settings,
  hooks: ActionHooks,
  fetchImages: FetchImages = fetchImagesViaBackground,
  toBackground: typeof deliverInBackground = deliverInBackground,
): Promise<ActionResult & { followUp?: DeliveryResult['followUp'] }> {
  const made = makeDraft(document, location.href, settings, hooks.memory ?? null, await pageHighlights(), hooks.edits);
  if (!made.ok) return { ok: false, message: made.message };
  const { draft } = made;
  const id = destinationFor(action, settings, hooks.destination);
  const ctx: DeliverContext = { settings, fetchImages, progress: hooks.progress };
  let result: DeliveryResult;
  let threw = false;
  try {
    const here = PAGE_DESTINATIONS[id];
    result = here ? await here.deliver(draft, ctx) : await toBackground(id, draft);
  } catch (e) {
    threw = true;
    result = { ok: false, message: `${t('errExport')}: ${(e as Error).message}`, fallback: id !== 'download' && id !== 'clipboard' };
  }
  if (result.fallback) result = fallBack(draft, result);
  // Saved where the reader wanted it (a copy is not a save): the article is no longer new in its album.
  else if (id !== 'clipboard' && !threw) await recordExported(draft.id);
  // A broken stored template was replaced by its default: the reader learns it with the result.
  const message = made.notice ? `${result.message}\n${made.notice}` : result.message;
  return { ok: result.ok, message, markdown: result.markdown, followUp: result.followUp };
}

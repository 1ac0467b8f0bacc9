/**
 * The background's side of a delivery: a draft from a tab goes to its destination here, with the
 * background's image fetching (the extension's host permissions, no page Referer).
 */
import { BACKGROUND_DESTINATIONS } from '../deliver/destinations/background';
import type { DeliveryResult, DestinationId, NoteDraft } from '../deliver/destinations/types';
import type { FetchImages } from '../deliver/zip';
import { loadSettings } from '../settings/store';
import { t } from '../ui/i18n';

export async function deliverHere(destination: DestinationId, draft: NoteDraft, fetchImages: FetchImages, progress: (text: string) => void): Promise<DeliveryResult> {
  // Own keys only: a destination named 'constructor' is no destination.
  const target = Object.hasOwn(BACKGROUND_DESTINATIONS, destination) ? BACKGROUND_DESTINATIONS[destination] : undefined;
  if (!target) return { ok: false, message: t('errDestination'), fallback: true };
  try {
    return await target.deliver(draft, { settings: await loadSettings(), fetchImages, progress });
  } catch (e) {
    // A destination should say what went wrong itself; this is the net under it. The note is kept.
    return { ok: false, message: `${t('errExport')}: ${(e as Error).message}`, fallback: true };
  }
}

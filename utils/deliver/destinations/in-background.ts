/** From the page: a draft for a destination that runs in the background, and its answer. */
import { browser } from 'wxt/browser';
import { t } from '../../ui/i18n';
import type { DeliverRequest, DeliveryResult, DestinationId, NoteDraft } from './types';

/** No answer (the background was restarting) is a failure the caller falls back from. */
export const deliverInBackground = async (destination: DestinationId, draft: NoteDraft): Promise<DeliveryResult> =>
  ((await browser.runtime.sendMessage({ type: 'deliver', destination, draft } satisfies DeliverRequest)) as DeliveryResult | undefined) ?? {
    ok: false,
    message: t('errDestination'),
    fallback: true,
  };

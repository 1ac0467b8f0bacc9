import { t } from './i18n';
import { DESTINATION_IDS, type DestinationId } from '../deliver/destinations/types';

/** The destination names, in the UI's language, for the popup's and the options page's choosers. */
export function fillDestinations(select: HTMLSelectElement, chosen: DestinationId): void {
  select.replaceChildren(
    ...DESTINATION_IDS.map((id) => {
      const o = select.ownerDocument.createElement('option');
      o.value = id;
      o.textContent = t(`dest_${id.replace('-', '_')}`);
      o.selected = id === chosen;
      return o;
    }),
  );
}

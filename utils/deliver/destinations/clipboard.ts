/** The note on the clipboard, images as remote links (a clipboard holds text). */
import { copyText } from '../clipboard';
import { t } from '../../ui/i18n';
import { remoteNote } from './slots';
import type { Destination } from './types';

export const clipboardDestination: Destination = {
  id: 'clipboard',
  runsIn: 'page',
  async deliver(draft) {
    const markdown = remoteNote(draft);
    await copyText(document, markdown);
    return { ok: true, message: t('copied'), markdown };
  },
};

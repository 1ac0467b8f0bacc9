/** One .md in Downloads: remote image links, or images inline as data URIs (the reader's image setting). */
import { downloadText } from '../download';
import { t } from '../../ui/i18n';
import { imageSummary, inlineImagesNote, remoteNote } from './slots';
import { zipDestination } from './zip';
import type { Destination } from './types';

export const downloadDestination: Destination = {
  id: 'download',
  runsIn: 'page',
  async deliver(draft, ctx) {
    const mode = ctx.settings.imageMode;
    if (mode === 'zip') return zipDestination.deliver(draft, ctx);
    const file = `${draft.name}.md`;
    if (mode === 'remote' || draft.images.length === 0) {
      const markdown = remoteNote(draft);
      downloadText(document, file, markdown);
      return { ok: true, message: t('downloaded', file), markdown };
    }
    const { markdown, failed } = await inlineImagesNote(draft, ctx);
    downloadText(document, file, markdown);
    return { ok: failed.length === 0, message: `${t('downloaded', file)}\n${imageSummary(draft, failed)}`, markdown };
  },
};

/** One .md in Downloads: remote image links, or images inline as data URIs (the reader's image setting). */
import { downloadText } from '../download';
import { t } from '../../ui/i18n';
import { fetchDraftImages, fillSlots, imageSummary, remoteNote } from './slots';
import { zipDestination } from './zip';
import { bytesToBase64 } from '../encoding';
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
    const { files, failed } = await fetchDraftImages(draft, ctx);
    const uri = new Map(files.map((f) => [f.index, `data:${f.type || 'image/jpeg'};base64,${bytesToBase64(f.bytes)}`]));
    const markdown = fillSlots(draft, (i) => uri.get(i) ?? null);
    downloadText(document, file, markdown);
    return { ok: failed.length === 0, message: `${t('downloaded', file)}\n${imageSummary(draft.images.length, failed)}`, markdown };
  },
};

/** `<name>.zip` holding `<name>/<name>.md` and `<name>/assets/NNN.ext`: the note and its images, to unpack anywhere. */
import { buildZip } from '../zip';
import { downloadBlob } from '../download';
import { imageExtension } from '../../page/images';
import { t } from '../../ui/i18n';
import { fetchDraftImages, fillSlots, imageSummary } from './slots';
import type { Destination } from './types';

const pad = (n: number) => String(n).padStart(3, '0');

export const zipDestination: Destination = {
  id: 'zip',
  runsIn: 'page',
  async deliver(draft, ctx) {
    const { files, failed } = await fetchDraftImages(draft, ctx);
    const paths = new Map(files.map((f) => [f.index, `assets/${pad(f.index + 1)}.${imageExtension(f.url, f.type)}`]));
    const markdown = fillSlots(draft, (i) => paths.get(i) ?? null);
    const zip = await buildZip(draft.name, markdown, files.map((f) => ({ path: paths.get(f.index)!, bytes: f.bytes, url: f.url })));
    downloadBlob(document, `${draft.name}.zip`, new Blob([zip as BlobPart], { type: 'application/zip' }));
    return { ok: failed.length === 0, message: `${t('downloaded', `${draft.name}.zip`)}\n${imageSummary(draft, failed)}`, markdown };
  },
};

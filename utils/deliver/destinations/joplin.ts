/**
 * Joplin: the note goes to the desktop app's Web Clipper service, its images uploaded as resources from
 * the bytes the extension fetched (Joplin fetching WeChat's addresses itself would get the hotlink
 * placeholder). Joplin off, not running, a wrong token or no notebook: the caller downloads the note.
 */
import { browser } from 'wxt/browser';
import { createNote, findJoplin, JOPLIN_ORIGINS, notebookTitle, tokenValid, uploadResource, JoplinError } from '../joplin/client';
import { loadJoplinAccess, saveJoplinAccess } from '../joplin/access';
import { joplinProblem } from '../joplin/messages';
import { joplinNote } from '../joplin/note';
import { fetchDraftImages, fillSlots, imageSummary } from './slots';
import { imageExtension } from '../../page/images';
import { t } from '../../ui/i18n';
import type { Destination, DeliveryResult } from './types';
import type { ImageFailure } from '../zip';

const fallback = (message: string): DeliveryResult => ({ ok: false, fallback: true, message });

export const joplin: Destination = {
  id: 'joplin',
  runsIn: 'background',
  async deliver(draft, ctx) {
    const granted = await browser.permissions.contains({ origins: [JOPLIN_ORIGINS[0]!] }).catch(() => false);
    if (!granted) return fallback(t('joplinNoPermission'));
    let { port, token } = await loadJoplinAccess();
    try {
      // Joplin takes the next free port of 41184…41194 when its own is busy: follow it.
      const found = await findJoplin(port);
      if (found === null) return fallback(t('joplinNotRunning', port));
      if (found !== port) ({ port } = await saveJoplinAccess({ port: found }));
      if (!(await tokenValid(port, token))) return fallback(token ? t('joplinBadToken') : t('joplinNoToken'));
      const notebook = await notebookTitle(port, token, ctx.settings.joplinNotebook);

      const { files, failed } = await fetchDraftImages(draft, ctx);
      const failures: ImageFailure[] = [...failed];
      const ids = new Map<number, string>();
      let done = 0;
      for (const f of files) {
        ctx.progress(t('joplinUploading', ++done, files.length));
        const url = draft.images[f.index] ?? '';
        try {
          ids.set(f.index, await uploadResource(port, token, f.bytes, f.type, `${draft.name}-${String(f.index + 1).padStart(3, '0')}.${imageExtension(url, f.type)}`));
        } catch (e) {
          if (e instanceof JoplinError && e.kind !== 'server') throw e; // Joplin went away or the token changed: the note would fail too
          failures.push({ url, error: (e as Error).message });
        }
      }
      // An image that did not make it keeps its remote address, and is listed.
      const markdown = fillSlots(draft, (i) => (ids.has(i) ? `:/${ids.get(i)}` : null));
      await createNote(port, token, joplinNote(draft, markdown, ctx.settings.joplinNotebook));
      const summary = draft.images.length ? `\n${imageSummary(draft, failures)}` : '';
      return { ok: failures.length === 0, message: `${t('joplinSent', draft.title || draft.name, notebook)}${summary}` };
    } catch (e) {
      return fallback(joplinProblem(e, port));
    }
  },
};

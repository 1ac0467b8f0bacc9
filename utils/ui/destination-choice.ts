import { browser } from 'wxt/browser';
import { t } from './i18n';
import { DESTINATION_IDS, type DestinationId } from '../deliver/destinations/types';
import { JOPLIN_ORIGINS } from '../deliver/joplin/client';
import { hasDownloadsPermission } from '../deliver/downloads/permission';
import { canPickFolder } from '../deliver/folder/grant';

/** The destination names, in the UI's language, for the popup's and the options page's choosers. */
export function fillDestinations(select: HTMLSelectElement, chosen: DestinationId, ids: readonly DestinationId[] = DESTINATION_IDS): void {
  select.replaceChildren(
    ...ids.map((id) => {
      const o = select.ownerDocument.createElement('option');
      o.value = id;
      o.textContent = t(`dest_${id.replace('-', '_')}`);
      o.selected = id === chosen;
      return o;
    }),
  );
}

/**
 * The destinations that can deliver from here: a picked folder only where the browser has folder
 * handles, the Downloads subfolder and Joplin only once their optional permission is granted (what
 * turning them on in the options asks for).
 */
export async function workingDestinations(win: Window): Promise<DestinationId[]> {
  const [downloads, joplin] = await Promise.all([
    hasDownloadsPermission(),
    browser.permissions.contains({ origins: [JOPLIN_ORIGINS[0]!] }).catch(() => false),
  ]);
  const works: Record<DestinationId, boolean> = {
    download: true,
    clipboard: true,
    zip: true,
    folder: canPickFolder(win), // only where the File System Access picker is (Chromium; not Firefox)
    'downloads-folder': downloads,
    obsidian: true,
    joplin,
  };
  return DESTINATION_IDS.filter((id) => works[id]);
}

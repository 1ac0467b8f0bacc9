/** The identities not new: the records (exported, gone), and (for the folder destination) the picked folder's notes. */
import { loadFolder } from '../deliver/folder/handle-store';
import type { Settings } from '../settings/settings';
import { folderIdentities } from './newness';
import { exportedRecord, goneRecord } from './record';

export async function knownIdentities(settings: Pick<Settings, 'destination'>): Promise<Set<string>> {
  const ids = new Set([...Object.keys(await exportedRecord.load()), ...Object.keys(await goneRecord.load())]);
  if (settings.destination !== 'folder') return ids;
  const root = await loadFolder().catch(() => undefined);
  // Without the permission (asked again only inside a click) the folder is not read: the record alone counts.
  if (!root || (await root.queryPermission({ mode: 'read' }).catch(() => 'denied')) !== 'granted') return ids;
  const found = await folderIdentities(root).catch(() => null);
  for (const id of found?.ids ?? []) ids.add(id);
  return ids;
}

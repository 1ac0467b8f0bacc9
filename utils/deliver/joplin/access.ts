/**
 * The Joplin token and port: storage.local only. The token opens the reader's whole notebook
 * collection, so it never goes to sync; the port belongs to this computer's Joplin.
 */
import { storage } from 'wxt/utils/storage';
import { JOPLIN_DEFAULT_PORT } from './client';

export interface JoplinAccess {
  token: string;
  port: number;
}

const accessItem = storage.defineItem<JoplinAccess>('local:joplinAccess', { fallback: { token: '', port: JOPLIN_DEFAULT_PORT } });

const validPort = (p: unknown) => (typeof p === 'number' && Number.isInteger(p) && p > 0 && p < 65536 ? p : JOPLIN_DEFAULT_PORT);

export async function loadJoplinAccess(): Promise<JoplinAccess> {
  const v = await accessItem.getValue();
  return { token: typeof v?.token === 'string' ? v.token : '', port: validPort(v?.port) };
}

export async function saveJoplinAccess(patch: Partial<JoplinAccess>): Promise<JoplinAccess> {
  const next = { ...(await loadJoplinAccess()), ...patch };
  const clean = { token: next.token.trim(), port: validPort(next.port) };
  await accessItem.setValue(clean);
  return clean;
}

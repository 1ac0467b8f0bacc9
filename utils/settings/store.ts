/**
 * Settings live in synced storage, split so no item nears sync's 8 KB per item: each template is its
 * own item (`settings.noteNameTemplate`, …), everything else stays in `settings` (about 1 KB). One
 * item for all meant that templates near 8 KB made every other change fail.
 * The single item of older versions is read as it is: a template still in it (written there by an
 * older version, on this machine or synced from another) wins over the template's own item, and the
 * next save moves it out.
 */
import { storage } from 'wxt/utils/storage';
import { withDefaults, type Settings } from './settings';
import type { NoteTemplates } from '../markdown/templates/note-templates';

type TemplateKey = keyof NoteTemplates;
const TEMPLATE_KEYS: readonly TemplateKey[] = ['noteNameTemplate', 'folderTemplate', 'properties'];
const MAIN = 'sync:settings' as const;
const templateItem = (k: TemplateKey) => `sync:settings.${k}` as const;

type Stored = Partial<Settings> & Record<string, unknown>;

/** Whether a failed write failed for want of space (storage's "QUOTA_BYTES… quota exceeded", IndexedDB's QuotaExceededError). */
export const isQuotaError = (e: unknown): boolean => e instanceof Error && (e.name === 'QuotaExceededError' || /quota/i.test(e.message));

async function readStored(): Promise<{ main: Stored; merged: Stored }> {
  const values = await storage.getItems([MAIN, ...TEMPLATE_KEYS.map(templateItem)]);
  const main = (values[0]?.value as Stored | null) ?? {};
  const merged: Stored = { ...main };
  TEMPLATE_KEYS.forEach((k, i) => {
    const own = values[i + 1]?.value;
    if (!(k in main) && own !== null && own !== undefined) merged[k] = own;
  });
  return { main, merged };
}

export async function loadSettings(): Promise<Settings> {
  return withDefaults((await readStored()).merged);
}

/**
 * Writes what the patch changes, in one storage call (all of it or none): `settings` when a setting
 * other than a template changes, a template's own item when it changes. Templates still in the old
 * single item are moved out on the way. Rejects with storage's error (the options page shows it).
 */
export async function saveSettings(patch: Partial<Settings>): Promise<Settings> {
  const { main, merged } = await readStored();
  const next = withDefaults({ ...merged, ...patch });
  const legacy = TEMPLATE_KEYS.filter((k) => k in main);
  const writes: { key: `sync:${string}`; value: unknown }[] = [];
  for (const k of TEMPLATE_KEYS) if (k in patch || legacy.includes(k)) writes.push({ key: templateItem(k), value: next[k] });
  if (legacy.length > 0 || Object.keys(patch).some((k) => !TEMPLATE_KEYS.includes(k as TemplateKey))) {
    const rest: Stored = { ...next };
    for (const k of TEMPLATE_KEYS) delete rest[k];
    writes.push({ key: MAIN, value: rest });
  }
  if (writes.length) await storage.setItems(writes);
  return next;
}

export function watchSettings(cb: (s: Settings) => void): () => void {
  const reload = () => void loadSettings().then(cb);
  const stops = [MAIN, ...TEMPLATE_KEYS.map(templateItem)].map((k) => storage.watch(k, reload));
  return () => stops.forEach((stop) => stop());
}

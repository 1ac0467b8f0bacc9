/**
 * Where the per-account promotion memory lives: storage.local (never sync: it stays on this machine,
 * and sync's 100 KB would not hold it). One entry per account, so a page reads only its own account,
 * plus a small index (names, ids, last seen, size) for the options page and for eviction.
 * Bounded at about 1 MB: past it, the oldest accounts lose their learned fingerprints first, then
 * whole accounts go, oldest first.
 */
import { storage } from 'wxt/utils/storage';
import { emptyMemory, isEmptyMemory, NAME_MAX, sameAccount, type AccountMemory } from './memory';
import type { AccountId } from '../page/account';

export const MAX_BYTES = 1_000_000;

interface IndexEntry {
  name: string;
  biz: string;
  user: string;
  seen: number;
  bytes: number;
}
type MemoryIndex = Record<string, IndexEntry>;

const INDEX_KEY = 'local:promoIndex' as const;
const itemKey = (key: string) => `local:promoAcct.${key}` as const;
const sizeOf = (m: AccountMemory) => new TextEncoder().encode(JSON.stringify(m)).length + 64;

/** The index as a null-prototype map: an account key such as `__proto__` (written by an import before
 *  they were checked) is an ordinary key, listed and deletable, never the object's prototype. */
async function readIndex(): Promise<MemoryIndex> {
  const v = await storage.getItem<MemoryIndex>(INDEX_KEY);
  const index = Object.create(null) as MemoryIndex;
  if (v && typeof v === 'object') for (const [k, e] of Object.entries(v)) if (e && typeof e === 'object') index[k] = e;
  return index;
}

function findKey(index: MemoryIndex, id: AccountId): string | null {
  for (const [key, e] of Object.entries(index)) if (sameAccount(e, id)) return key;
  return null;
}

export interface StoredAccount {
  /** The storage key: fixed when the account is first remembered. */
  key: string;
  memory: AccountMemory;
}

/** The page's account, remembered or new (not stored until something is remembered). */
export async function loadAccount(id: AccountId, name: string, now = Date.now()): Promise<StoredAccount> {
  const index = await readIndex();
  const key = findKey(index, id);
  const stored = key ? await storage.getItem<AccountMemory>(itemKey(key)) : null;
  if (key && stored) {
    // A page may name the account better than the one it was first seen on (__biz found, new name).
    return { key, memory: { ...stored, biz: stored.biz || id.biz, user: stored.user || id.user, name: name.slice(0, NAME_MAX) || stored.name, seen: now } };
  }
  return { key: id.biz || `u:${id.user}`, memory: emptyMemory(id, name, now) };
}

/** Writes one account and keeps the whole under MAX_BYTES (never evicting the one just written). */
export async function saveAccount({ key, memory }: StoredAccount): Promise<void> {
  const index = await readIndex();
  if (isEmptyMemory(memory)) {
    delete index[key];
    await storage.removeItem(itemKey(key));
    await storage.setItem(INDEX_KEY, index);
    return;
  }
  index[key] = { name: memory.name, biz: memory.biz, user: memory.user, seen: memory.seen, bytes: sizeOf(memory) };
  await storage.setItem(itemKey(key), memory);
  await evict(index, key);
  await storage.setItem(INDEX_KEY, index);
}

async function evict(index: MemoryIndex, current: string): Promise<void> {
  const total = () => Object.values(index).reduce((n, e) => n + e.bytes, 0);
  const oldest = Object.keys(index)
    .filter((k) => k !== current)
    .sort((a, b) => index[a]!.seen - index[b]!.seen);
  // First pass: learned fingerprints of the oldest accounts; second: whole accounts.
  for (const k of oldest) {
    if (total() <= MAX_BYTES) return;
    const m = await storage.getItem<AccountMemory>(itemKey(k));
    if (!m) {
      delete index[k];
      continue;
    }
    const stripped: AccountMemory = { ...m, learned: [], cand: {} };
    if (isEmptyMemory(stripped)) {
      delete index[k];
      await storage.removeItem(itemKey(k));
    } else {
      index[k]!.bytes = sizeOf(stripped);
      await storage.setItem(itemKey(k), stripped);
    }
  }
  for (const k of oldest) {
    if (total() <= MAX_BYTES) return;
    if (!index[k]) continue;
    delete index[k];
    await storage.removeItem(itemKey(k));
  }
}

/** Every remembered account, most recently seen first (the options page). */
export async function listAccounts(): Promise<StoredAccount[]> {
  const index = await readIndex();
  const keys = Object.keys(index).sort((a, b) => index[b]!.seen - index[a]!.seen);
  const out: StoredAccount[] = [];
  for (const key of keys) {
    const memory = await storage.getItem<AccountMemory>(itemKey(key));
    if (memory) out.push({ key, memory });
  }
  return out;
}

export async function deleteAccount(key: string): Promise<void> {
  const index = await readIndex();
  delete index[key];
  await storage.removeItem(itemKey(key));
  await storage.setItem(INDEX_KEY, index);
}

/** Why an import changed nothing: it would not fit, or storage refused it. */
export class ImportError extends Error {}

/**
 * Imported accounts replace what is remembered for the same account; others are added. All or
 * nothing: when the result would pass MAX_BYTES the import is refused (the reader's other accounts
 * are never evicted to make room for a file), and everything is written in one storage call, so a
 * write that fails leaves the memory as it was.
 */
export async function importAccounts(accounts: AccountMemory[]): Promise<void> {
  const index = await readIndex();
  const items: { key: `local:${string}`; value: unknown }[] = [];
  for (const memory of accounts) {
    if (isEmptyMemory(memory)) continue;
    const key = findKey(index, memory) ?? (memory.biz || `u:${memory.user}`);
    index[key] = { name: memory.name, biz: memory.biz, user: memory.user, seen: memory.seen, bytes: sizeOf(memory) };
    items.push({ key: itemKey(key), value: memory });
  }
  const total = Object.values(index).reduce((n, e) => n + e.bytes, 0);
  if (total > MAX_BYTES) {
    const kB = (n: number) => Math.ceil(n / 1000);
    throw new ImportError(`the memory would hold ${kB(total)} kB, more than its ${kB(MAX_BYTES)} kB; delete some accounts first`);
  }
  try {
    await storage.setItems([...items, { key: INDEX_KEY, value: { ...index } }]);
  } catch (e) {
    throw new ImportError(`storage refused the write (${(e as Error).message})`);
  }
}

/** Called with the new memory of an account whenever another page or the options page changes it. */
export function watchAccount(key: string, cb: (m: AccountMemory | null) => void): () => void {
  return storage.watch<AccountMemory>(itemKey(key), (v) => cb(v ?? null));
}

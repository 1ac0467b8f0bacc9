/**
 * Where the per-account promotion memory lives: storage.local (never sync: it stays on this machine,
 * and sync's 100 KB would not hold it). One entry per account, so a page reads only its own account,
 * plus a small index (names, ids, last seen, size) for the options page and for eviction.
 * Bounded at about 1 MB: past it, the oldest accounts lose their learned fingerprints first, then
 * whole accounts go, oldest first.
 */
import { storage } from 'wxt/utils/storage';
import { emptyMemory, isEmptyMemory, sameAccount, type AccountMemory } from './memory';
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

async function readIndex(): Promise<MemoryIndex> {
  const v = await storage.getItem<MemoryIndex>(INDEX_KEY);
  return v && typeof v === 'object' ? v : {};
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
    return { key, memory: { ...stored, biz: stored.biz || id.biz, user: stored.user || id.user, name: name || stored.name, seen: now } };
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

/** Imported accounts replace what is remembered for the same account; others are added. */
export async function importAccounts(accounts: AccountMemory[]): Promise<void> {
  for (const memory of accounts) {
    const index = await readIndex();
    const key = findKey(index, memory) ?? (memory.biz || `u:${memory.user}`);
    await saveAccount({ key, memory });
  }
}

/** Called with the new memory of an account whenever another page or the options page changes it. */
export function watchAccount(key: string, cb: (m: AccountMemory | null) => void): () => void {
  return storage.watch<AccountMemory>(itemKey(key), (v) => cb(v ?? null));
}

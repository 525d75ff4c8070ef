/**
 * API keys: random 32-byte keys shown once, stored only as their SHA-256 (a key is long random
 * data, so a fast hash is enough and lookups stay cheap), each with a role (reader < analyst <
 * admin) and a label; revocation keeps the record. Verification results are cached briefly.
 */
import { createHash, randomBytes } from 'node:crypto';
import { usageError } from '../model/index.js';
import type { ApiKeyRecord, Store } from '../store/index.js';

export type KeyRole = 'reader' | 'analyst' | 'admin';
export const ROLES: readonly KeyRole[] = ['reader', 'analyst', 'admin'];

export const hashKey = (key: string): string => createHash('sha256').update(key).digest('hex');

export interface CreatedKey {
  id: string;
  key: string;
  role: KeyRole;
  label: string | null;
}

let lastCreatedMs = 0;
/** Creation times strictly increase within a process, so keys list in the order they were made. */
function creationTime(): string {
  lastCreatedMs = Math.max(Date.now(), lastCreatedMs + 1);
  return new Date(lastCreatedMs).toISOString();
}

export async function createApiKey(store: Store, role: string, label?: string): Promise<CreatedKey> {
  if (!ROLES.includes(role as KeyRole)) throw usageError(`role must be one of ${ROLES.join(', ')}`, 'role');
  const key = `et_${randomBytes(32).toString('base64url')}`;
  const id = `key_${randomBytes(6).toString('hex')}`;
  await store.createApiKey({ id, hash: hashKey(key), role: role as KeyRole, label: label ?? null, createdAt: creationTime(), revokedAt: null });
  return { id, key, role: role as KeyRole, label: label ?? null };
}

export async function listApiKeys(store: Store): Promise<Array<Omit<ApiKeyRecord, 'hash'>>> {
  return (await store.listApiKeys()).map(({ hash: _hash, ...rest }) => rest);
}

export async function revokeApiKey(store: Store, id: string): Promise<boolean> {
  return store.revokeApiKey(id, new Date().toISOString());
}

/** Verifies keys against the store, remembering answers for a few seconds (revocation takes effect within that). */
export class KeyCache {
  private readonly cache = new Map<string, { at: number; value: { id: string; role: KeyRole } | null }>();

  constructor(
    private readonly store: Store,
    private readonly ttlMs = 5000,
  ) {}

  async verify(key: string): Promise<{ id: string; role: KeyRole } | null> {
    const hash = hashKey(key);
    const hit = this.cache.get(hash);
    if (hit && Date.now() - hit.at < this.ttlMs) return hit.value;
    const rec = await this.store.findApiKey(hash);
    const value = rec && !rec.revokedAt ? { id: rec.id, role: rec.role } : null;
    this.cache.set(hash, { at: Date.now(), value });
    if (this.cache.size > 10_000) this.cache.delete(this.cache.keys().next().value!);
    return value;
  }
}

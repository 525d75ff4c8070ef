/**
 * The rows of the `api_key` and `resolver_judgement` tables as both stores read them, and
 * their mapping to ApiKeyRecord and Judgement: one definition for sqlite/sqlite-admin.ts and
 * postgres/postgres-admin.ts. (Audit rows differ: JSON text in SQLite, JSONB in PostgreSQL.)
 */
import type { ApiKeyRecord, Judgement, JudgementValue } from './types.js';

export interface KeyRow {
  id: string;
  hash: string;
  role: ApiKeyRecord['role'];
  label: string | null;
  created_at: string;
  revoked_at: string | null;
}

export const keyOf = (r: KeyRow): ApiKeyRecord => ({ id: r.id, hash: r.hash, role: r.role, label: r.label, createdAt: r.created_at, revokedAt: r.revoked_at });

export interface JudgementRow {
  left_id: string;
  right_id: string;
  judgement: JudgementValue;
  origin: 'analyst' | 'auto';
  score: number | null;
  user_name: string | null;
  created_at: string;
}

export const judgementOf = (r: JudgementRow): Judgement => ({ left: r.left_id, right: r.right_id, judgement: r.judgement, origin: r.origin, score: r.score, user: r.user_name, createdAt: r.created_at });

/** A pair's ids in the order they are stored (left < right). */
export const orderPair = (a: string, b: string): [string, string] => (a < b ? [a, b] : [b, a]);

/**
 * The PostgreSQL side of API keys, the audit trail (JSONB) and resolver judgements: small
 * tables beside the statements, with parameterised SQL only (as sqlite/sqlite-admin.ts).
 */
import type { Pool } from 'pg';
import { judgementOf, keyOf, orderPair } from '../admin-rows.js';
import type { JudgementRow, KeyRow } from '../admin-rows.js';
import type { ApiKeyRecord, AuditQuery, AuditRecord, Judgement, JudgementValue } from '../types.js';

export async function createApiKey(pool: Pool, k: ApiKeyRecord): Promise<void> {
  await pool.query('INSERT INTO api_key (id, hash, role, label, created_at, revoked_at) VALUES ($1, $2, $3, $4, $5, $6)', [k.id, k.hash, k.role, k.label, k.createdAt, k.revokedAt]);
}

export async function findApiKey(pool: Pool, hash: string): Promise<ApiKeyRecord | null> {
  const r = (await pool.query<KeyRow>('SELECT * FROM api_key WHERE hash = $1', [hash])).rows[0];
  return r ? keyOf(r) : null;
}

export async function listApiKeys(pool: Pool): Promise<ApiKeyRecord[]> {
  return (await pool.query<KeyRow>('SELECT * FROM api_key ORDER BY created_at, id')).rows.map(keyOf);
}

export async function revokeApiKey(pool: Pool, id: string, at: string): Promise<boolean> {
  return (await pool.query('UPDATE api_key SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL', [at, id])).rowCount === 1;
}

interface AuditRow {
  id: string;
  at: string;
  action: string;
  principal: string;
  algorithm: string;
  query: unknown;
  results: unknown;
  lists: Record<string, string>;
  params: Record<string, unknown>;
}

const auditOf = (r: AuditRow): AuditRecord => ({
  id: r.id,
  at: r.at,
  action: r.action,
  principal: r.principal,
  algorithm: r.algorithm,
  query: r.query,
  results: r.results,
  lists: r.lists,
  params: r.params,
});

/**
 * JSON text for a JSONB column. JSONB cannot hold U+0000 (PostgreSQL's text type cannot), so
 * a `\u0000` escape becomes `\ufffd`; a backslash before it is `\\` in JSON.stringify's output,
 * so an escape is one preceded by an even number of backslashes.
 */
export function jsonbText(value: unknown): string {
  const text = JSON.stringify(value) ?? 'null';
  return text.includes('\\u0000') ? text.replace(/(?<!\\)((?:\\\\)*)\\u0000/g, '$1\\ufffd') : text;
}

export async function appendAudit(pool: Pool, records: readonly AuditRecord[]): Promise<void> {
  if (records.length === 0) return;
  const col = <T>(f: (r: AuditRecord) => T): T[] => records.map(f);
  await pool.query(
    `INSERT INTO audit_log (id, at, action, principal, algorithm, query, results, lists, params)
     SELECT id, at, action, principal, algorithm, query::jsonb, results::jsonb, lists::jsonb, params::jsonb
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[])
       AS t(id, at, action, principal, algorithm, query, results, lists, params)`,
    [
      col((r) => r.id), col((r) => r.at), col((r) => r.action), col((r) => r.principal), col((r) => r.algorithm),
      col((r) => jsonbText(r.query)), col((r) => jsonbText(r.results)), col((r) => jsonbText(r.lists)), col((r) => jsonbText(r.params)),
    ],
  );
}

export async function queryAudit(pool: Pool, q: AuditQuery): Promise<AuditRecord[]> {
  const conds: string[] = [];
  const params: unknown[] = [];
  const param = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  if (q.from) conds.push(`at >= ${param(q.from)}`);
  if (q.to) conds.push(`at <= ${param(q.to)}`);
  if (q.principal) conds.push(`principal = ${param(q.principal)}`);
  if (q.action) conds.push(`action = ${param(q.action)}`);
  // "Mentions": the id is a string value anywhere in the results (SQLite: the quoted id in the text).
  if (q.entity) conds.push(`jsonb_path_exists(results, 'strict $.** ? (@ == $id)', jsonb_build_object('id', ${param(q.entity)}::text))`);
  const where = conds.length ? `WHERE ${conds.join(' AND ')}` : '';
  const sql = `SELECT * FROM audit_log ${where} ORDER BY at DESC, id DESC LIMIT ${param(q.limit)} OFFSET ${param(q.offset)}`;
  return (await pool.query<AuditRow>(sql, params)).rows.map(auditOf);
}

export async function getAudit(pool: Pool, id: string): Promise<AuditRecord | null> {
  const r = (await pool.query<AuditRow>('SELECT * FROM audit_log WHERE id = $1', [id])).rows[0];
  return r ? auditOf(r) : null;
}


/** One statement: the upsert's WHERE keeps an analyst's judgement from an automatic one, atomically. */
export async function putJudgement(pool: Pool, j: Judgement): Promise<boolean> {
  const [left, right] = orderPair(j.left, j.right);
  const res = await pool.query(
    `INSERT INTO resolver_judgement AS r (left_id, right_id, judgement, origin, score, user_name, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (left_id, right_id) DO UPDATE SET judgement = excluded.judgement, origin = excluded.origin, score = excluded.score,
       user_name = excluded.user_name, created_at = excluded.created_at
     WHERE NOT (r.origin = 'analyst' AND excluded.origin = 'auto')`,
    [left, right, j.judgement, j.origin, j.score, j.user, j.createdAt],
  );
  return res.rowCount === 1;
}

export async function deleteJudgement(pool: Pool, a: string, b: string): Promise<boolean> {
  const [left, right] = orderPair(a, b);
  return (await pool.query('DELETE FROM resolver_judgement WHERE left_id = $1 AND right_id = $2', [left, right])).rowCount === 1;
}

export async function getJudgement(pool: Pool, a: string, b: string): Promise<Judgement | null> {
  const [left, right] = orderPair(a, b);
  const r = (await pool.query<JudgementRow>('SELECT * FROM resolver_judgement WHERE left_id = $1 AND right_id = $2', [left, right])).rows[0];
  return r ? judgementOf(r) : null;
}

export async function listJudgements(pool: Pool, f: { id?: string; judgement?: JudgementValue; origin?: 'analyst' | 'auto' } = {}): Promise<Judgement[]> {
  const conds: string[] = [];
  const params: unknown[] = [];
  if (f.id) {
    params.push(f.id);
    conds.push(`(left_id = $${params.length} OR right_id = $${params.length})`);
  }
  if (f.judgement) {
    params.push(f.judgement);
    conds.push(`judgement = $${params.length}`);
  }
  if (f.origin) {
    params.push(f.origin);
    conds.push(`origin = $${params.length}`);
  }
  const where = conds.length ? `WHERE ${conds.join(' AND ')}` : '';
  return (await pool.query<JudgementRow>(`SELECT * FROM resolver_judgement ${where} ORDER BY left_id, right_id`, params)).rows.map(judgementOf);
}

/**
 * The SQLite side of API keys, the audit trail and resolver judgements: small tables beside the
 * statements, with parameterised SQL only.
 */
import type { Database } from 'better-sqlite3';
import { judgementOf, keyOf, orderPair } from '../admin-rows.js';
import type { JudgementRow, KeyRow } from '../admin-rows.js';
import type { ApiKeyRecord, AuditQuery, AuditRecord, Judgement, JudgementValue } from '../types.js';

export function createApiKey(db: Database, k: ApiKeyRecord): void {
  db.prepare('INSERT INTO api_key (id, hash, role, label, created_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?)').run(k.id, k.hash, k.role, k.label, k.createdAt, k.revokedAt);
}

export function findApiKey(db: Database, hash: string): ApiKeyRecord | null {
  const r = db.prepare('SELECT * FROM api_key WHERE hash = ?').get(hash) as KeyRow | undefined;
  return r ? keyOf(r) : null;
}

export function listApiKeys(db: Database): ApiKeyRecord[] {
  return (db.prepare('SELECT * FROM api_key ORDER BY created_at, id').all() as KeyRow[]).map(keyOf);
}

export function revokeApiKey(db: Database, id: string, at: string): boolean {
  return db.prepare('UPDATE api_key SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(at, id).changes === 1;
}

interface AuditRow {
  id: string;
  at: string;
  action: string;
  principal: string;
  algorithm: string;
  query: string;
  results: string;
  lists: string;
  params: string;
}

const auditOf = (r: AuditRow): AuditRecord => ({
  id: r.id,
  at: r.at,
  action: r.action,
  principal: r.principal,
  algorithm: r.algorithm,
  query: JSON.parse(r.query) as unknown,
  results: JSON.parse(r.results) as unknown,
  lists: JSON.parse(r.lists) as Record<string, string>,
  params: JSON.parse(r.params) as Record<string, unknown>,
});

export function appendAudit(db: Database, records: readonly AuditRecord[]): void {
  const ins = db.prepare('INSERT INTO audit_log (id, at, action, principal, algorithm, query, results, lists, params) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  db.transaction(() => {
    for (const r of records) ins.run(r.id, r.at, r.action, r.principal, r.algorithm, JSON.stringify(r.query), JSON.stringify(r.results), JSON.stringify(r.lists), JSON.stringify(r.params));
  })();
}

export function queryAudit(db: Database, q: AuditQuery): AuditRecord[] {
  const conds: string[] = [];
  const params: unknown[] = [];
  if (q.from) {
    conds.push('at >= ?');
    params.push(q.from);
  }
  if (q.to) {
    conds.push('at <= ?');
    params.push(q.to);
  }
  if (q.principal) {
    conds.push('principal = ?');
    params.push(q.principal);
  }
  if (q.action) {
    conds.push('action = ?');
    params.push(q.action);
  }
  if (q.entity) {
    conds.push('instr(results, ?) > 0');
    params.push(JSON.stringify(q.entity));
  }
  const where = conds.length ? `WHERE ${conds.join(' AND ')}` : '';
  return (db.prepare(`SELECT * FROM audit_log ${where} ORDER BY at DESC, id DESC LIMIT ? OFFSET ?`).all(...params, q.limit, q.offset) as AuditRow[]).map(auditOf);
}

export function getAudit(db: Database, id: string): AuditRecord | null {
  const r = db.prepare('SELECT * FROM audit_log WHERE id = ?').get(id) as AuditRow | undefined;
  return r ? auditOf(r) : null;
}


export function putJudgement(db: Database, j: Judgement): boolean {
  const [left, right] = orderPair(j.left, j.right);
  return db.transaction(() => {
    const existing = db.prepare('SELECT origin FROM resolver_judgement WHERE left_id = ? AND right_id = ?').get(left, right) as { origin: string } | undefined;
    if (existing?.origin === 'analyst' && j.origin === 'auto') return false;
    db.prepare(
      `INSERT INTO resolver_judgement (left_id, right_id, judgement, origin, score, user_name, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (left_id, right_id) DO UPDATE SET judgement = excluded.judgement, origin = excluded.origin, score = excluded.score,
       user_name = excluded.user_name, created_at = excluded.created_at`,
    ).run(left, right, j.judgement, j.origin, j.score, j.user, j.createdAt);
    return true;
  })();
}

export function deleteJudgement(db: Database, a: string, b: string): boolean {
  const [left, right] = orderPair(a, b);
  return db.prepare('DELETE FROM resolver_judgement WHERE left_id = ? AND right_id = ?').run(left, right).changes === 1;
}

export function getJudgement(db: Database, a: string, b: string): Judgement | null {
  const [left, right] = orderPair(a, b);
  const r = db.prepare('SELECT * FROM resolver_judgement WHERE left_id = ? AND right_id = ?').get(left, right) as JudgementRow | undefined;
  return r ? judgementOf(r) : null;
}

export function listJudgements(db: Database, f: { id?: string; judgement?: JudgementValue; origin?: 'analyst' | 'auto' } = {}): Judgement[] {
  const conds: string[] = [];
  const params: unknown[] = [];
  if (f.id) {
    conds.push('(left_id = ? OR right_id = ?)');
    params.push(f.id, f.id);
  }
  if (f.judgement) {
    conds.push('judgement = ?');
    params.push(f.judgement);
  }
  if (f.origin) {
    conds.push('origin = ?');
    params.push(f.origin);
  }
  const where = conds.length ? `WHERE ${conds.join(' AND ')}` : '';
  return (db.prepare(`SELECT * FROM resolver_judgement ${where} ORDER BY left_id, right_id`).all(...params) as JudgementRow[]).map(judgementOf);
}

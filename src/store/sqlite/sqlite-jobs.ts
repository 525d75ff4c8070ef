/**
 * The SQLite side of background jobs (table `job`, migration 4): their state, progress and
 * heartbeat, and their result as JSON text, so that every server process over one file sees
 * every job. Parameterised SQL only (as sqlite-admin.ts).
 */
import type { Database } from 'better-sqlite3';
import type { JobEnd, JobRecord, JobStatus } from '../types.js';

/** Every column but the result, which only getJobResult reads. */
const JOB_COLUMNS = 'id, kind, status, total, done, owner, runner, created_at, updated_at, finished_at, error';

interface JobRow {
  id: string;
  kind: string;
  status: JobStatus;
  total: number;
  done: number;
  owner: string | null;
  runner: string | null;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
  error: string | null;
}

const jobOf = (r: JobRow): JobRecord => ({
  id: r.id,
  kind: r.kind,
  status: r.status,
  total: r.total,
  done: r.done,
  createdAt: r.created_at,
  finishedAt: r.finished_at,
  error: r.error,
  owner: r.owner,
  runner: r.runner,
  updatedAt: r.updated_at,
});

export function createJob(db: Database, j: JobRecord): void {
  db.prepare(`INSERT INTO job (${JOB_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
    j.id, j.kind, j.status, j.total, j.done, j.owner, j.runner, j.createdAt, j.updatedAt, j.finishedAt, j.error,
  );
}

export function updateJobProgress(db: Database, id: string, done: number, status: 'queued' | 'running', at: string): boolean {
  return db.prepare("UPDATE job SET done = ?, status = ?, updated_at = ? WHERE id = ? AND status IN ('queued', 'running')").run(done, status, at, id).changes === 1;
}

export function finishJob(db: Database, id: string, end: JobEnd): boolean {
  return (
    db
      .prepare("UPDATE job SET status = ?, done = ?, error = ?, finished_at = ?, updated_at = ?, result = ? WHERE id = ? AND status IN ('queued', 'running')")
      .run(end.status, end.done, end.error, end.finishedAt, end.finishedAt, end.result, id).changes === 1
  );
}

export function getJob(db: Database, id: string): JobRecord | null {
  const r = db.prepare(`SELECT ${JOB_COLUMNS} FROM job WHERE id = ?`).get(id) as JobRow | undefined;
  return r ? jobOf(r) : null;
}

export function getJobResult(db: Database, id: string): string | null {
  const r = db.prepare('SELECT result FROM job WHERE id = ?').get(id) as { result: string | null } | undefined;
  return r?.result ?? null;
}

export function pruneJobs(db: Database, olderThan: string, keepMax: number): number {
  return db.transaction(() => {
    const old = db.prepare('DELETE FROM job WHERE (finished_at IS NOT NULL AND finished_at < ?) OR (finished_at IS NULL AND updated_at < ?)').run(olderThan, olderThan).changes;
    const over = db.prepare('DELETE FROM job WHERE id NOT IN (SELECT id FROM job ORDER BY created_at DESC, id DESC LIMIT ?)').run(Math.max(0, Math.trunc(keepMax))).changes;
    return old + over;
  }).immediate();
}

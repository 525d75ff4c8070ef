/**
 * The SQLite side of background jobs (table `job`, migration 4): their state, progress and
 * heartbeat, and their result as JSON text, so that every server process over one file sees
 * every job. Parameterised SQL only (as sqlite-admin.ts).
 */
import type { Database } from 'better-sqlite3';
import { JOB_COLUMNS, jobOf } from '../job-rows.js';
import type { JobRow } from '../job-rows.js';
import type { JobEnd, JobRecord } from '../types.js';

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

/**
 * The PostgreSQL side of background jobs (table `job`, migration 4): their state, progress and
 * heartbeat, and their result as JSON text, so that every server process over one database sees
 * every job. Parameterised SQL only; the same statements as sqlite/sqlite-jobs.ts.
 */
import type { Pool } from 'pg';
import { JOB_COLUMNS, jobOf } from '../job-rows.js';
import type { JobRow } from '../job-rows.js';
import type { JobEnd, JobRecord } from '../types.js';

export async function createJob(pool: Pool, j: JobRecord): Promise<void> {
  await pool.query(`INSERT INTO job (${JOB_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`, [
    j.id, j.kind, j.status, j.total, j.done, j.owner, j.runner, j.createdAt, j.updatedAt, j.finishedAt, j.error,
  ]);
}

export async function updateJobProgress(pool: Pool, id: string, done: number, status: 'queued' | 'running', at: string): Promise<boolean> {
  const res = await pool.query("UPDATE job SET done = $1, status = $2, updated_at = $3 WHERE id = $4 AND status IN ('queued', 'running')", [done, status, at, id]);
  return res.rowCount === 1;
}

export async function finishJob(pool: Pool, id: string, end: JobEnd): Promise<boolean> {
  const res = await pool.query(
    "UPDATE job SET status = $1, done = $2, error = $3, finished_at = $4, updated_at = $4, result = $5 WHERE id = $6 AND status IN ('queued', 'running')",
    [end.status, end.done, end.error, end.finishedAt, end.result, id],
  );
  return res.rowCount === 1;
}

export async function getJob(pool: Pool, id: string): Promise<JobRecord | null> {
  const r = (await pool.query<JobRow>(`SELECT ${JOB_COLUMNS} FROM job WHERE id = $1`, [id])).rows[0];
  return r ? jobOf(r) : null;
}

export async function getJobResult(pool: Pool, id: string): Promise<string | null> {
  const r = (await pool.query<{ result: string | null }>('SELECT result FROM job WHERE id = $1', [id])).rows[0];
  return r?.result ?? null;
}

/**
 * One statement. Its parts see one snapshot, so the newest `keepMax` are chosen among the jobs
 * that `old` does not delete (as SQLite's two statements in a row do).
 */
export async function pruneJobs(pool: Pool, olderThan: string, keepMax: number): Promise<number> {
  const res = await pool.query<{ n: string }>(
    `WITH old AS (
       DELETE FROM job WHERE (finished_at IS NOT NULL AND finished_at < $1) OR (finished_at IS NULL AND updated_at < $1) RETURNING id
     ), kept AS (
       SELECT id FROM job WHERE id NOT IN (SELECT id FROM old) ORDER BY created_at DESC, id DESC LIMIT $2
     ), over AS (
       DELETE FROM job WHERE id NOT IN (SELECT id FROM kept) AND id NOT IN (SELECT id FROM old) RETURNING id
     )
     SELECT (SELECT count(*) FROM old) + (SELECT count(*) FROM over) AS n`,
    [olderThan, Math.max(0, Math.trunc(keepMax))],
  );
  return Number(res.rows[0]!.n);
}

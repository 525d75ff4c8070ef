/**
 * The `job` table's columns as both stores read them (migration 4), and their mapping to
 * JobRecord: one definition for sqlite/sqlite-jobs.ts and postgres/postgres-jobs.ts.
 */
import type { JobRecord, JobStatus } from './types.js';

/** Every column but the result, which only getJobResult reads. */
export const JOB_COLUMNS = 'id, kind, status, total, done, owner, runner, created_at, updated_at, finished_at, error';

export interface JobRow {
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

export const jobOf = (r: JobRow): JobRecord => ({
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

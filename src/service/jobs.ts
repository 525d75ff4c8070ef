/**
 * Asynchronous jobs (batch screening of an uploaded file): queued, run in the background with
 * progress, their results kept in memory for download for a while. One process's jobs are its
 * own; the result of a job is also kept in the audit trail.
 */
import { randomUUID } from 'node:crypto';

export type JobStatus = 'queued' | 'running' | 'done' | 'failed';

export interface JobView {
  id: string;
  kind: string;
  status: JobStatus;
  total: number;
  done: number;
  createdAt: string;
  finishedAt: string | null;
  error: string | null;
  owner: string | null;
}

interface Job<R> extends JobView {
  result: R | null;
}

export class JobRegistry<R = unknown> {
  private readonly jobs = new Map<string, Job<R>>();

  constructor(
    private readonly keepMs = 6 * 3600_000,
    private readonly maxJobs = 200,
  ) {}

  /** Starts `work` in the background; it reports progress through the callback. */
  start(kind: string, total: number, owner: string | null, work: (progress: (done: number) => void) => Promise<R>): JobView {
    this.prune();
    const job: Job<R> = { id: randomUUID(), kind, status: 'queued', total, done: 0, createdAt: new Date().toISOString(), finishedAt: null, error: null, owner, result: null };
    this.jobs.set(job.id, job);
    setImmediate(() => {
      job.status = 'running';
      work((done) => (job.done = done))
        .then((result) => {
          job.result = result;
          job.done = job.total;
          job.status = 'done';
        })
        .catch((err: unknown) => {
          job.status = 'failed';
          job.error = err instanceof Error ? err.message : String(err);
        })
        .finally(() => (job.finishedAt = new Date().toISOString()));
    });
    return this.view(job);
  }

  get(id: string): JobView | undefined {
    const job = this.jobs.get(id);
    return job ? this.view(job) : undefined;
  }

  result(id: string): R | null | undefined {
    return this.jobs.get(id)?.result;
  }

  private view(job: Job<R>): JobView {
    const { result: _result, ...view } = job;
    return { ...view };
  }

  private prune(): void {
    const now = Date.now();
    for (const [id, job] of this.jobs) {
      if (job.finishedAt && now - Date.parse(job.finishedAt) > this.keepMs) this.jobs.delete(id);
    }
    while (this.jobs.size >= this.maxJobs) this.jobs.delete(this.jobs.keys().next().value!);
  }
}

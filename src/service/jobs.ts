/**
 * Asynchronous jobs (batch screening of an uploaded file): queued, run in the background with
 * progress, their state and result kept in the store, so that every server process over the
 * store (cluster workers, several servers over one PostgreSQL) sees every job, whichever process
 * runs it. The result of a job is also kept in the audit trail.
 *
 * The process that starts a job runs it and answers for it from memory; it writes the progress to
 * the store at most every `progressMs` (default 500 ms), a heartbeat every `heartbeatMs` (10 s)
 * while it runs, and the end with the result. Any other process reads the store. A job whose
 * heartbeat is older than `staleMs` (60 s) while queued or running lost its process (killed,
 * crashed): it reads as failed, "the server process running this job stopped". Closing the
 * registry (the server stopping) records its unfinished jobs as failed so at once.
 *
 * Retention as before: finished jobs are kept `keepMs` (6 h), and at most `maxJobs` (200) jobs,
 * the oldest going first, pruned whenever a job starts.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { JobRecord, JobStatus, Store } from '../store/index.js';

export type { JobStatus };

/** A job as callers see it: its record without the bookkeeping of who runs it. */
export type JobView = Omit<JobRecord, 'runner' | 'updatedAt'>;

export interface JobRegistryOptions {
  /** How long a finished job is kept (ms; default 6 h). */
  keepMs?: number;
  /** Most jobs kept (default 200). */
  maxJobs?: number;
  /** Least time between two progress writes of a job (ms; default 500). */
  progressMs?: number;
  /** Time between the heartbeats of a running job (ms; default 10 s). */
  heartbeatMs?: number;
  /** A queued or running job silent this long has lost its process (ms; default 60 s). */
  staleMs?: number;
}

/** The error of a job whose process stopped before the job finished. */
export const JOB_RUNNER_STOPPED = 'the server process running this job stopped';

/** A job this registry runs: its live state, and its pending writes to the store. */
interface RunningJob {
  view: JobView;
  lastWrite: number;
  /** The next progress write, when one is due. */
  timer: NodeJS.Timeout | null;
  heartbeat: NodeJS.Timeout | null;
  /** Writes to the store, one after the other. */
  writes: Promise<unknown>;
}

export class JobRegistry<R = unknown> {
  /** This registry's id in the store's `runner` column: host, pid, and a nonce per instance. */
  readonly runner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly running = new Map<string, RunningJob>();
  private readonly keepMs: number;
  private readonly maxJobs: number;
  private readonly progressMs: number;
  private readonly heartbeatMs: number;
  private readonly staleMs: number;
  private closed = false;

  constructor(
    private readonly store: Store,
    opts: JobRegistryOptions = {},
  ) {
    this.keepMs = opts.keepMs ?? 6 * 3600_000;
    this.maxJobs = opts.maxJobs ?? 200;
    this.progressMs = opts.progressMs ?? 500;
    this.heartbeatMs = opts.heartbeatMs ?? 10_000;
    this.staleMs = opts.staleMs ?? 60_000;
  }

  /**
   * Records a job in the store and starts `work` in the background; it reports progress
   * through the callback. Resolves once the job is in the store (visible to every process).
   */
  async start(kind: string, total: number, owner: string | null, work: (progress: (done: number) => void) => Promise<R>): Promise<JobView> {
    await this.store.pruneJobs(new Date(Date.now() - this.keepMs).toISOString(), this.maxJobs - 1);
    const now = new Date().toISOString();
    const view: JobView = { id: randomUUID(), kind, status: 'queued', total, done: 0, createdAt: now, finishedAt: null, error: null, owner };
    await this.store.createJob({ ...view, runner: this.runner, updatedAt: now });
    const job: RunningJob = { view, lastWrite: Date.now(), timer: null, heartbeat: null, writes: Promise.resolve() };
    this.running.set(view.id, job);
    job.heartbeat = setInterval(() => this.write(job), this.heartbeatMs);
    job.heartbeat.unref();
    setImmediate(() => {
      if (this.running.get(view.id) !== job) return;
      view.status = 'running';
      this.write(job);
      Promise.resolve()
        .then(() =>
          work((done) => {
            view.done = done;
            this.progress(job);
          }),
        )
        .then(
          (result) => this.finish(job, 'done', view.total, null, result),
          (err: unknown) => this.finish(job, 'failed', view.done, err instanceof Error ? err.message : String(err), null),
        )
        .catch(() => undefined);
    });
    return { ...view };
  }

  /** The job's state: this process's own running job from memory, any other from the store. */
  async get(id: string): Promise<JobView | undefined> {
    const own = this.running.get(id);
    if (own) return { ...own.view };
    const rec = await this.store.getJob(id);
    return rec ? this.viewOf(rec) : undefined;
  }

  /** The result of a finished job; null when it has none (not done), undefined when there is no such job. */
  async result(id: string): Promise<R | null | undefined> {
    const text = await this.store.getJobResult(id);
    if (text !== null) return JSON.parse(text) as R;
    return (await this.store.getJob(id)) ? null : undefined;
  }

  /**
   * Stops the heartbeats and records this registry's unfinished jobs as failed (their process is
   * going away); work still under way is ignored from then on.
   */
  async close(): Promise<void> {
    this.closed = true;
    const jobs = [...this.running.values()];
    this.running.clear();
    const at = new Date().toISOString();
    await Promise.all(
      jobs.map((job) => {
        this.stopTimers(job);
        return job.writes
          .then(() => this.store.finishJob(job.view.id, { status: 'failed', done: job.view.done, error: JOB_RUNNER_STOPPED, finishedAt: at, result: null }))
          .catch(() => undefined);
      }),
    );
  }

  private viewOf(rec: JobRecord): JobView {
    const { runner: _runner, updatedAt, ...view } = rec;
    const silent = Date.now() - Date.parse(updatedAt);
    if ((view.status === 'queued' || view.status === 'running') && silent > this.staleMs) {
      return { ...view, status: 'failed', error: JOB_RUNNER_STOPPED, finishedAt: updatedAt };
    }
    return view;
  }

  /** Progress reported: written now if the last write is `progressMs` old, else once it is. */
  private progress(job: RunningJob): void {
    if (job.timer || this.running.get(job.view.id) !== job) return;
    const wait = Math.max(0, job.lastWrite + this.progressMs - Date.now());
    job.timer = setTimeout(() => {
      job.timer = null;
      this.write(job);
    }, wait);
    job.timer.unref();
  }

  /** Queues a write of the job's progress (its heartbeat too); a failed write is left to the next. */
  private write(job: RunningJob): void {
    if (this.running.get(job.view.id) !== job) return;
    job.lastWrite = Date.now();
    const { id, done, status } = job.view;
    const live = status === 'queued' || status === 'running' ? status : 'running';
    job.writes = job.writes.then(() => this.store.updateJobProgress(id, done, live, new Date().toISOString())).catch(() => undefined);
  }

  /**
   * Records the end after the pending writes. The job is answered from memory until the store
   * has it, so that a process that reads 'done' finds the result. A result the store refuses
   * fails the job; should that fail too, the silent heartbeat fails it later.
   */
  private async finish(job: RunningJob, status: 'done' | 'failed', done: number, error: string | null, result: R | null): Promise<void> {
    if (this.closed || this.running.get(job.view.id) !== job) return;
    this.stopTimers(job);
    const id = job.view.id;
    await job.writes;
    const finishedAt = new Date().toISOString();
    try {
      await this.store.finishJob(id, { status, done, error, finishedAt, result: status === 'done' ? (JSON.stringify(result) ?? 'null') : null });
    } catch (err) {
      const why = `could not store the job's result: ${err instanceof Error ? err.message : String(err)}`;
      await this.store.finishJob(id, { status: 'failed', done: job.view.done, error: why, finishedAt, result: null }).catch(() => undefined);
    } finally {
      if (this.running.get(id) === job) this.running.delete(id);
    }
  }

  private stopTimers(job: RunningJob): void {
    if (job.timer) clearTimeout(job.timer);
    if (job.heartbeat) clearInterval(job.heartbeat);
    job.timer = null;
    job.heartbeat = null;
  }
}

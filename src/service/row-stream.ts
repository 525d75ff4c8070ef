/**
 * Bundles as batches of store rows, made in this thread or in a worker thread, for loading
 * lists (parse-rows.ts, parse-worker.ts) and ingesting records (ingest-records.ts). The worker
 * side flattens and sends batches at most WINDOW ahead of the writes, with the issues and
 * progress between them; this side yields them in order and ends with the producer's result
 * or its error. Both ways give the same rows, issues (in order), progress, result and errors;
 * the writes and the transaction stay on the consuming thread.
 */
import type { Worker } from 'node:worker_threads';
import { EndtraceError } from '../model/index.js';
import type { EntityBundle, Issue } from '../model/index.js';
import { emptyRows, flattenBundles } from '../store/index.js';
import type { VersionRows } from '../store/index.js';
import { deserializeError, serializeError } from './parse-messages.js';
import type { SerializedError } from './parse-messages.js';

/** Where a producer reports issues and bytes read. */
export interface RowContext {
  issue(issue: Issue): void;
  progress?(bytesRead: number): void;
}

export type RowStream<R> = AsyncGenerator<VersionRows, R, undefined>;

/** Issues reported since the last message, and the bytes read so far (when they changed). */
interface Report {
  issues: Issue[];
  bytes?: number;
}

export type RowMessage<R> =
  | (Report & { type: 'rows'; rows: VersionRows })
  | (Report & { type: 'report' })
  | (Report & { type: 'done'; result: R })
  | (Report & { type: 'error'; error: SerializedError });

/** Batches sent and not yet written: enough to keep both threads busy, few enough to bound memory. */
const WINDOW = 3;
/** Issues are sent at least this often, and progress at most every PROGRESS_MS. */
const ISSUES_PER_MESSAGE = 1000;
const PROGRESS_MS = 100;

/** In this thread: the bundles, flattened `batchSize` at a time. */
export async function* batchRows<R>(bundles: AsyncGenerator<EntityBundle, R>, batchSize: number): RowStream<R> {
  let batch: EntityBundle[] = [];
  let step = await bundles.next();
  while (!step.done) {
    batch.push(step.value);
    if (batch.length >= batchSize) {
      yield flattenBundles(batch);
      batch = [];
    }
    step = await bundles.next();
  }
  if (batch.length) yield flattenBundles(batch);
  return step.value;
}

/** The worker side: runs a producer and posts its rows; ack() when a batch has been written. */
export class RowSender {
  private unacked = 0;
  private wakeOnAck: (() => void) | undefined;

  constructor(private readonly post: (m: RowMessage<unknown>) => void) {}

  ack(): void {
    this.unacked--;
    this.wakeOnAck?.();
  }

  async send<R>(produce: (ctx: RowContext) => AsyncGenerator<EntityBundle, R>, batchSize: number): Promise<void> {
    this.unacked = 0;
    let issues: Issue[] = [];
    let bytes: number | undefined;
    let lastProgress = 0;
    const report = (): Report => ({ issues, ...(bytes !== undefined ? { bytes } : {}) });
    const post = (m: RowMessage<unknown>) => {
      this.post(m);
      issues = [];
      bytes = undefined;
    };
    try {
      const bundles = produce({
        issue(i) {
          issues.push(i);
          if (issues.length >= ISSUES_PER_MESSAGE) post({ type: 'report', ...report() });
        },
        progress(read) {
          bytes = read;
          const now = Date.now();
          if (now - lastProgress >= PROGRESS_MS) {
            lastProgress = now;
            post({ type: 'report', ...report() });
          }
        },
      });
      let rows = emptyRows();
      let count = 0;
      const flush = async () => {
        post({ type: 'rows', rows, ...report() });
        this.unacked++;
        rows = emptyRows();
        count = 0;
        while (this.unacked >= WINDOW) await new Promise<void>((resolve) => (this.wakeOnAck = resolve));
        this.wakeOnAck = undefined;
      };
      let step = await bundles.next();
      while (!step.done) {
        flattenBundles([step.value], rows);
        if (++count >= batchSize) await flush();
        step = await bundles.next();
      }
      if (count > 0) await flush();
      post({ type: 'done', result: step.value, ...report() });
    } catch (err) {
      post({ type: 'error', error: serializeError(err), ...report() });
    }
  }
}

/**
 * This side: the rows a worker sends, in order, with its issues and progress passed to `ctx`.
 * `start` runs once listening; `ack` after each batch is written. `state.finished` tells whether
 * the worker got to its end (done or error), so that it can take another job.
 */
export async function* receiveRows<R>(worker: Worker, ctx: RowContext, opts: { name: string; start(): void; ack(): void; state: { finished: boolean } }): RowStream<R> {
  const queue: Array<RowMessage<R>> = [];
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const onMessage = (m: RowMessage<R>) => {
    queue.push(m);
    wake?.();
  };
  const onError = (err: Error) => {
    failure ??= err;
    wake?.();
  };
  const onExit = (code: number) => {
    failure ??= new EndtraceError('internal', `the ${opts.name} stopped (exit code ${code})`);
    wake?.();
  };
  worker.on('message', onMessage);
  worker.on('error', onError);
  worker.on('exit', onExit);
  opts.state.finished = false;
  try {
    opts.start();
    for (;;) {
      while (queue.length === 0 && !failure) await new Promise<void>((resolve) => (wake = resolve));
      wake = undefined;
      const m = queue.shift();
      if (!m) throw failure!;
      for (const issue of m.issues) ctx.issue(issue);
      if (m.bytes !== undefined) ctx.progress?.(m.bytes);
      if (m.type === 'rows') {
        yield m.rows;
        opts.ack();
      } else if (m.type === 'done') {
        opts.state.finished = true;
        return m.result;
      } else if (m.type === 'error') {
        opts.state.finished = true;
        throw deserializeError(m.error);
      }
    }
  } finally {
    worker.off('message', onMessage);
    worker.off('error', onError);
    worker.off('exit', onExit);
  }
}

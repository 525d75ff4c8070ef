/**
 * A load unit parsed into batches of store rows, either here or in a worker thread: the worker
 * parses while this thread writes (parse and SQLite writes each take about half a load, and
 * there are two cores). Both ways give the same rows, issues (in order), progress, list meta
 * and errors; the writes and the transaction stay on this thread.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { EndtraceError } from '../model/index.js';
import type { EntityBundle } from '../model/index.js';
import { parserFor } from '../lists/index.js';
import type { ListMeta, LoadUnit, ParseContext } from '../lists/index.js';
import { flattenBundles } from '../store/index.js';
import type { VersionRows } from '../store/index.js';
import { deserializeError } from './parse-messages.js';
import type { FromWorker, ToWorker } from './parse-messages.js';

export type RowStream = AsyncGenerator<VersionRows, ListMeta, undefined>;

/** Parses in this thread: the parser's bundles, flattened `batchSize` at a time. */
export async function* parseRowsHere(unit: LoadUnit, ctx: ParseContext, batchSize: number): RowStream {
  const generator = parserFor(unit.format).parse(unit, ctx);
  let batch: EntityBundle[] = [];
  let step = await generator.next();
  while (!step.done) {
    batch.push(step.value);
    if (batch.length >= batchSize) {
      yield flattenBundles(batch);
      batch = [];
    }
    step = await generator.next();
  }
  if (batch.length) yield flattenBundles(batch);
  return step.value;
}

/**
 * The worker thread of one load, reused from unit to unit. A unit whose rows are not read to
 * the end (the write failed) ends the worker; the next unit starts a new one.
 */
export class ParseWorker {
  private worker: Worker | undefined;

  async *parse(unit: LoadUnit, ctx: ParseContext, batchSize: number): RowStream {
    const worker = (this.worker ??= startWorker());
    const queue: FromWorker[] = [];
    let failure: Error | undefined;
    let wake: (() => void) | undefined;
    const onMessage = (m: FromWorker) => {
      queue.push(m);
      wake?.();
    };
    const onError = (err: Error) => {
      failure ??= err;
      wake?.();
    };
    const onExit = (code: number) => {
      failure ??= new EndtraceError('internal', `the parser worker stopped (exit code ${code})`);
      wake?.();
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    let finished = false;
    try {
      post(worker, { type: 'parse', unit, batchSize });
      for (;;) {
        while (queue.length === 0 && !failure) await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
        const m = queue.shift();
        if (!m) throw failure!;
        for (const issue of m.issues) ctx.issue(issue);
        if (m.bytes !== undefined) ctx.progress?.(m.bytes);
        if (m.type === 'rows') {
          yield m.rows;
          post(worker, { type: 'ack' });
        } else if (m.type === 'done') {
          finished = true;
          return m.meta;
        } else if (m.type === 'error') {
          finished = true;
          throw deserializeError(m.error);
        }
      }
    } finally {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      if (!finished) await this.close();
    }
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (worker) await worker.terminate();
  }
}

function post(worker: Worker, m: ToWorker): void {
  worker.postMessage(m);
}

function startWorker(): Worker {
  const here = import.meta.url;
  let worker: Worker;
  if (here.endsWith('.ts')) {
    // Running from the TypeScript sources (tests, benchmarks): the worker loads through tsx.
    const target = new URL('./parse-worker.ts', here).href;
    const tsx = pathToFileURL(createRequire(here).resolve('tsx/esm/api')).href.replace(/\.cjs$/, '.mjs');
    worker = new Worker(`import(${JSON.stringify(tsx)}).then((m) => m.tsImport(${JSON.stringify(target)}, ${JSON.stringify(target)}))`, { eval: true });
  } else {
    worker = new Worker(new URL('./parse-worker.js', here));
  }
  return worker;
}

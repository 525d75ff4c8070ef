/**
 * A load unit parsed into batches of store rows, either here or in a worker thread: the worker
 * parses while this thread writes (parse and SQLite writes each take about half a load, and
 * there are two cores). Both ways give the same rows, issues (in order), progress, list meta
 * and errors; the writes and the transaction stay on this thread.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { parserFor } from '../lists/index.js';
import type { ListMeta, LoadUnit, ParseContext } from '../lists/index.js';
import type { ToWorker } from './parse-messages.js';
import { batchRows, receiveRows } from './row-stream.js';
import type { RowStream as BaseRowStream } from './row-stream.js';

export type RowStream = BaseRowStream<ListMeta>;

/** Parses in this thread: the parser's bundles, flattened `batchSize` at a time. */
export function parseRowsHere(unit: LoadUnit, ctx: ParseContext, batchSize: number): RowStream {
  return batchRows(parserFor(unit.format).parse(unit, ctx), batchSize);
}

/**
 * The worker thread of one load, reused from unit to unit. A unit whose rows are not read to
 * the end (the write failed) ends the worker; the next unit starts a new one.
 */
export class ParseWorker {
  private worker: Worker | undefined;

  async *parse(unit: LoadUnit, ctx: ParseContext, batchSize: number): RowStream {
    const worker = (this.worker ??= startWorker());
    const state = { finished: false };
    try {
      return yield* receiveRows<ListMeta>(worker, ctx, {
        name: 'parser worker',
        start: () => post(worker, { type: 'parse', unit, batchSize }),
        ack: () => post(worker, { type: 'ack' }),
        state,
      });
    } finally {
      if (!state.finished) await this.close();
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

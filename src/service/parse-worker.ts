/**
 * The parser worker of loadLists (worker_threads): runs a unit's parser, flattens its bundles
 * into store rows, and sends them in batches, at most WINDOW batches ahead of the writes, with
 * the issues and progress in between. Errors go back serialised (parse-messages.ts).
 */
import { parentPort } from 'node:worker_threads';
import type { Issue } from '../model/index.js';
import { parserFor } from '../lists/index.js';
import type { LoadUnit } from '../lists/index.js';
import { emptyRows, flattenBundles } from '../store/index.js';
import type { VersionRows } from '../store/index.js';
import { serializeError } from './parse-messages.js';
import type { FromWorker, ToWorker } from './parse-messages.js';

/** Batches sent and not yet written: enough to keep both threads busy, few enough to bound memory. */
const WINDOW = 3;
/** Issues are sent at least this often, and progress at most every PROGRESS_MS. */
const ISSUES_PER_MESSAGE = 1000;
const PROGRESS_MS = 100;

const port = parentPort;
if (!port) throw new Error('parse-worker.ts runs only as a worker thread');

let unacked = 0;
let wakeOnAck: (() => void) | undefined;

port.on('message', (m: ToWorker) => {
  if (m.type === 'ack') {
    unacked--;
    wakeOnAck?.();
  } else {
    void parse(m.unit, m.batchSize);
  }
});

async function parse(unit: LoadUnit, batchSize: number): Promise<void> {
  unacked = 0;
  let issues: Issue[] = [];
  let bytes: number | undefined;
  let lastProgress = 0;
  const send = (m: FromWorker) => {
    port!.postMessage(m);
    issues = [];
    bytes = undefined;
  };
  const report = () => send({ type: 'report', issues, ...(bytes !== undefined ? { bytes } : {}) });
  try {
    const generator = parserFor(unit.format).parse(unit, {
      issue(i) {
        issues.push(i);
        if (issues.length >= ISSUES_PER_MESSAGE) report();
      },
      progress(read) {
        bytes = read;
        const now = Date.now();
        if (now - lastProgress >= PROGRESS_MS) {
          lastProgress = now;
          report();
        }
      },
    });
    let rows: VersionRows = emptyRows();
    let count = 0;
    const flush = async () => {
      send({ type: 'rows', rows, issues, ...(bytes !== undefined ? { bytes } : {}) });
      unacked++;
      rows = emptyRows();
      count = 0;
      while (unacked >= WINDOW) await new Promise<void>((resolve) => (wakeOnAck = resolve));
      wakeOnAck = undefined;
    };
    let step = await generator.next();
    while (!step.done) {
      flattenBundles([step.value], rows);
      if (++count >= batchSize) await flush();
      step = await generator.next();
    }
    if (count > 0) await flush();
    send({ type: 'done', meta: step.value, issues, ...(bytes !== undefined ? { bytes } : {}) });
  } catch (err) {
    send({ type: 'error', error: serializeError(err), issues, ...(bytes !== undefined ? { bytes } : {}) });
  }
}

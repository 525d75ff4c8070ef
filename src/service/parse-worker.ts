/**
 * The parser worker of loadLists (worker_threads): runs a unit's parser and sends its bundles
 * as batches of store rows (row-stream.ts), one unit after another.
 */
import { parentPort } from 'node:worker_threads';
import { parserFor } from '../lists/index.js';
import type { ToWorker } from './parse-messages.js';
import { RowSender } from './row-stream.js';

const port = parentPort;
if (!port) throw new Error('parse-worker.ts runs only as a worker thread');

const sender = new RowSender((m) => port.postMessage(m));

port.on('message', (m: ToWorker) => {
  if (m.type === 'ack') sender.ack();
  else void sender.send((ctx) => parserFor(m.unit.format).parse(m.unit, ctx), m.batchSize);
});

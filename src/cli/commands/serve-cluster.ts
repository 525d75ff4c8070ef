/**
 * `endtrace serve --workers N`: N server processes sharing one port through node:cluster, so
 * screening (CPU-bound, one query at a time per process) uses every core. Each worker opens the
 * store and builds its own screening index; the primary only forks, reports and restarts them.
 * Workers stay consistent through the store, as separate servers over one database do: list
 * versions are refreshed from it, and audit records, keys and jobs live in it.
 */
import cluster from 'node:cluster';
import type { Worker } from 'node:cluster';
import { log, out, printJson } from '../output.js';

/** What a worker tells the primary once it listens. */
interface ListeningMessage {
  type: 'endtrace:listening';
  url: string;
  auth: boolean;
}

const isListening = (m: unknown): m is ListeningMessage =>
  typeof m === 'object' && m !== null && (m as { type?: unknown }).type === 'endtrace:listening';

/** In a worker: tells the primary where it listens. */
export function reportListening(url: string, auth: boolean): void {
  if (cluster.isWorker && process.send) process.send({ type: 'endtrace:listening', url, auth } satisfies ListeningMessage);
}

/** Prints where the API listens (stdout): one JSON object under --json, else three lines. */
export function announce(url: string, auth: boolean, json: boolean, workers = 1): void {
  if (json) {
    printJson({ url, docs: `${url}/docs`, openapi: `${url}/openapi.json`, auth, ...(workers > 1 ? { workers } : {}) });
    return;
  }
  const mode = auth ? 'API keys required' : 'local mode, no key needed';
  out(`endtrace API on ${url} (${workers > 1 ? `${workers} worker processes, ` : ''}${mode})`);
  out(`  docs:    ${url}/docs`);
  out(`  openapi: ${url}/openapi.json`);
}

/** The number of workers asked for: --workers, else ENDTRACE_WORKERS, else 1; 'auto' is one per core. */
export function workerCount(flag: string | undefined, cores: number): number {
  const raw = flag ?? process.env.ENDTRACE_WORKERS ?? '1';
  const n = raw === 'auto' ? cores : Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new RangeError('--workers must be a whole number from 1 to 64, or auto');
  return n;
}

/**
 * Runs the primary: forks `n` workers (each re-runs this command), prints the URL once the first
 * listens, logs each worker's pid, restarts a worker that dies (at most once a second), and
 * stops them all on SIGINT/SIGTERM. Resolves never; the process exits on a signal.
 */
export async function runPrimary(n: number, json: boolean): Promise<never> {
  let announced = false;
  let stopping = false;
  let lastRestart = 0;
  const fork = (): Worker => {
    const worker = cluster.fork({ ENDTRACE_CLUSTER_WORKER: '1' });
    worker.on('message', (m: unknown) => {
      if (!isListening(m)) return;
      log(`endtrace: worker ${worker.process.pid} listening`);
      if (announced) return;
      announced = true;
      announce(m.url, m.auth, json, n);
    });
    return worker;
  };
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    log(`endtrace: worker ${worker.process.pid} stopped (${signal ?? `exit ${code}`})`);
    if (!announced) {
      // A worker that fails before ever listening (bad store, port taken) fails the command.
      log('endtrace: a worker failed to start; stopping');
      stopping = true;
      for (const w of Object.values(cluster.workers ?? {})) w?.kill();
      process.exit(1);
    }
    const wait = Math.max(0, lastRestart + 1000 - Date.now());
    lastRestart = Date.now() + wait;
    setTimeout(() => {
      if (!stopping) fork();
    }, wait);
  });
  const stop = () => {
    if (stopping) return;
    stopping = true;
    log('endtrace: shutting down');
    const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined);
    let left = workers.length;
    if (left === 0) process.exit(0);
    for (const w of workers) {
      w.once('exit', () => {
        if (--left === 0) process.exit(0);
      });
      w.kill('SIGTERM');
    }
    setTimeout(() => process.exit(0), 10_000).unref();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  for (let i = 0; i < n; i++) fork();
  return new Promise<never>(() => undefined);
}

/**
 * Ingesting a trade, ownership or travel records file: the mapping is loaded and checked, the
 * file is read as one version of its dataset (default `<kind>:<file base name>`) in one
 * transaction — its bundles written in batches as they stream — and the version becomes the
 * dataset's active one. A failure, or under `strict` the first bad row, aborts the version:
 * the store is left as it was.
 *
 * A large file is read in a worker thread (this module, started with `workerData`) that
 * parses, builds the bundles and flattens them into store rows while this thread writes them:
 * on two cores the SQLite writes and the parsing each take about half of an ingest. The
 * writes and the transaction stay on this thread; at most WINDOW batches are in flight.
 */
import { createRequire } from 'node:module';
import { basename } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { EndtraceError, isEndtraceError, usageError } from '../model/index.js';
import type { Issue } from '../model/index.js';
import { DEFAULT_MAPPING, formatName, ingestStructured, inspectStructuredFile, loadMapping, mappingFits } from '../ingest/index.js';
import type { IngestContext, IngestSummary, Mapping, StructuredFile } from '../ingest/index.js';
import type { Store, VersionInfo } from '../store/index.js';
import { RowSender, batchRows, receiveRows } from './row-stream.js';
import type { RowContext, RowStream } from './row-stream.js';

export type RecordsKind = 'trade' | 'ownership' | 'travel';

export interface IngestRecordsProgress {
  start?(name: string, totalBytes: number): void;
  bytes?(read: number): void;
}

export interface IngestRecordsOptions {
  kind: RecordsKind;
  path: string;
  /** A built-in mapping name or a YAML file; default: the kind's default mapping. */
  mapping?: string | undefined;
  /** Dataset name; default `<kind>:<file base name>`. */
  dataset?: string | undefined;
  /** Fail the file, storing nothing, at the first issue. */
  strict?: boolean | undefined;
  progress?: IngestRecordsProgress | undefined;
  /** Bundles per write. */
  batchSize?: number | undefined;
  /** Issues kept in the result (all are counted; the store keeps its own cap). */
  maxIssues?: number | undefined;
  /** Parse in a worker thread: always, never, or for files of WORKER_MIN_BYTES and more ('auto', the default). */
  worker?: boolean | 'auto' | undefined;
}

export interface IngestRecordsResult {
  dataset: string;
  mapping: string;
  format: string;
  version: VersionInfo;
  rows: number;
  loaded: number;
  /** The first `maxIssues` issues, in file order. */
  issues: Issue[];
  issueCount: number;
  issueCodes: Record<string, number>;
}

const BATCH = 2000;
const MAX_ISSUES = 10_000;
const ISSUE_BATCH = 1000;
/** Below this size a file parses in this thread: starting the worker would cost more than it saves. */
export const INGEST_WORKER_MIN_BYTES = 1_000_000;

/** `trade:declarations` for `…/declarations.csv(.gz)`. */
export function defaultDataset(kind: RecordsKind, path: string): string {
  const base = basename(path).replace(/\.gz$/i, '').replace(/\.[^.]+$/, '');
  return `${kind}:${base || 'records'}`;
}

async function freeVersionName(store: Store, dataset: string, checksum: string): Promise<string> {
  const today = new Date().toISOString().slice(0, 10);
  if (!(await store.findVersion(dataset, today))) return today;
  const withSum = `${today}.${checksum.slice(0, 8)}`;
  if (!(await store.findVersion(dataset, withSum))) return withSum;
  for (let n = 2; ; n++) {
    const name = `${withSum}.${n}`;
    if (!(await store.findVersion(dataset, name))) return name;
  }
}

export async function ingestRecords(store: Store, opts: IngestRecordsOptions): Promise<IngestRecordsResult> {
  const mappingName = opts.mapping ?? DEFAULT_MAPPING[opts.kind];
  const { mapping, name: mappingLabel } = await loadMapping(mappingName);
  if (!mappingFits(opts.kind, mapping.kind)) {
    throw usageError(`mapping ${mappingLabel} is for ${mapping.kind} records, not ${opts.kind}`);
  }
  const name = basename(opts.path);
  const file = await inspectStructuredFile(opts.path, name, mapping);
  const dataset = opts.dataset ?? defaultDataset(opts.kind, opts.path);
  const format = formatName(mapping, file);
  const version = await freeVersionName(store, dataset, file.facts.sha256);
  const maxIssues = opts.maxIssues ?? MAX_ISSUES;

  const issues: Issue[] = [];
  const issueCodes: Record<string, number> = {};
  let issueCount = 0;
  let pending: Issue[] = [];
  opts.progress?.start?.(name, file.facts.bytes);
  const writer = await store.beginVersion({
    source: dataset,
    version,
    published: null,
    checksum: file.facts.sha256,
    format,
    files: [{ role: 'records', name, sha256: file.facts.sha256, bytes: file.facts.bytes }],
  });
  const onBytes = opts.progress?.bytes;
  const ctx: IngestContext = {
    strict: opts.strict ?? false,
    issue(issue) {
      issueCount++;
      issueCodes[issue.code] = (issueCodes[issue.code] ?? 0) + 1;
      if (issues.length < maxIssues) issues.push(issue);
      pending.push(issue);
    },
    ...(onBytes ? { progress: onBytes } : {}),
  };
  const job: IngestJob = { file, mapping, dataset, strict: opts.strict ?? false, batchSize: opts.batchSize ?? BATCH };
  const inWorker = opts.worker === true || ((opts.worker ?? 'auto') === 'auto' && file.facts.bytes >= INGEST_WORKER_MIN_BYTES);
  const rows = inWorker ? rowsInWorker(job, ctx) : batchRows(produce(job, ctx), job.batchSize);
  try {
    let step = await rows.next();
    while (!step.done) {
      await writer.writeRows(step.value);
      if (pending.length >= ISSUE_BATCH) {
        await writer.issues(pending);
        pending = [];
      }
      step = await rows.next();
    }
    if (pending.length) await writer.issues(pending);
    const summary = step.value;
    const info = await writer.commit({ activate: true });
    return { dataset, mapping: mappingLabel, format, version: info, rows: summary.rows, loaded: summary.loaded, issues, issueCount, issueCodes };
  } catch (err) {
    await rows.return({ rows: 0, loaded: 0 }).catch(() => undefined);
    await writer.abort();
    if (isEndtraceError(err)) throw err;
    throw new EndtraceError('internal', (err as Error).message ?? String(err), { cause: err, location: { file: name } });
  }
}

/** What a parse needs, as plain data (it crosses to the worker). */
interface IngestJob {
  file: StructuredFile;
  mapping: Mapping;
  dataset: string;
  strict: boolean;
  batchSize: number;
}

/** The job's bundles; `ctx` is this thread's context or the worker's (row-stream.ts). */
const produce = (job: IngestJob, ctx: RowContext) => ingestStructured(job.file, job.mapping, { dataset: job.dataset }, { ...ctx, strict: job.strict });

/** Parses in a worker thread; the rows arrive here in order, with the issues between them. */
async function* rowsInWorker(job: IngestJob, ctx: RowContext): RowStream<IngestSummary> {
  const worker = startWorker(job);
  try {
    return yield* receiveRows<IngestSummary>(worker, ctx, {
      name: 'ingest worker',
      start: () => undefined,
      ack: () => worker.postMessage('ack'),
      state: { finished: false },
    });
  } finally {
    await worker.terminate();
  }
}

const WORKER_FLAG = 'endtraceIngestRecords';

function startWorker(job: IngestJob): Worker {
  const here = import.meta.url;
  const data = { [WORKER_FLAG]: job };
  if (here.endsWith('.ts')) {
    // Running from the TypeScript sources (tests): the worker loads this module through tsx.
    const tsx = pathToFileURL(createRequire(here).resolve('tsx/esm/api')).href.replace(/\.cjs$/, '.mjs');
    return new Worker(`import(${JSON.stringify(tsx)}).then((m) => m.tsImport(${JSON.stringify(here)}, ${JSON.stringify(here)}))`, { eval: true, workerData: data });
  }
  return new Worker(new URL(here), { workerData: data });
}

/** The worker side: every message from the main thread is an ack of a written batch. */
function runWorker(job: IngestJob): void {
  const port = parentPort!;
  const sender = new RowSender((m) => port.postMessage(m));
  port.on('message', () => sender.ack());
  void sender.send((ctx) => produce(job, ctx), job.batchSize);
}

const workerJob = isMainThread ? undefined : (workerData as Record<string, IngestJob> | null)?.[WORKER_FLAG];
if (workerJob) runWorker(workerJob);

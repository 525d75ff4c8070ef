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
import type { EntityBundle, Issue } from '../model/index.js';
import { DEFAULT_MAPPING, formatName, ingestStructured, inspectStructuredFile, loadMapping, mappingFits } from '../ingest/index.js';
import type { IngestContext, IngestSummary, Mapping, StructuredFile } from '../ingest/index.js';
import { emptyRows, flattenBundles } from '../store/index.js';
import type { Store, VersionInfo, VersionRows } from '../store/index.js';
import { deserializeError, serializeError } from './parse-messages.js';
import type { SerializedError } from './parse-messages.js';

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
  const rows = inWorker ? rowsInWorker(job, ctx) : rowsHere(job, ctx);
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

type RowStream = AsyncGenerator<VersionRows, IngestSummary, undefined>;

/** Parses in this thread: bundles flattened `batchSize` at a time. */
async function* rowsHere(job: IngestJob, ctx: IngestContext): RowStream {
  const bundles = ingestStructured(job.file, job.mapping, { dataset: job.dataset }, ctx);
  let batch: EntityBundle[] = [];
  let step = await bundles.next();
  while (!step.done) {
    batch.push(step.value);
    if (batch.length >= job.batchSize) {
      yield flattenBundles(batch);
      batch = [];
    }
    step = await bundles.next();
  }
  if (batch.length) yield flattenBundles(batch);
  return step.value;
}

/** Issues and progress since the last message. */
interface Report {
  issues: Issue[];
  bytes?: number;
}

type FromWorker =
  | (Report & { type: 'rows'; rows: VersionRows })
  | (Report & { type: 'report' })
  | (Report & { type: 'done'; summary: IngestSummary })
  | (Report & { type: 'error'; error: SerializedError });

/** Batches sent and not yet written: enough to keep both threads busy, few enough to bound memory. */
const WINDOW = 3;
const PROGRESS_MS = 100;

/** Parses in a worker thread; the rows arrive here in order, with the issues between them. */
async function* rowsInWorker(job: IngestJob, ctx: IngestContext): RowStream {
  const worker = startWorker(job);
  const queue: FromWorker[] = [];
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  worker.on('message', (m: FromWorker) => {
    queue.push(m);
    wake?.();
  });
  worker.on('error', (err: Error) => {
    failure ??= err;
    wake?.();
  });
  worker.on('exit', (code) => {
    failure ??= new EndtraceError('internal', `the ingest worker stopped (exit code ${code})`);
    wake?.();
  });
  try {
    for (;;) {
      while (queue.length === 0 && !failure) await new Promise<void>((resolve) => (wake = resolve));
      wake = undefined;
      const m = queue.shift();
      if (!m) throw failure!;
      for (const issue of m.issues) ctx.issue(issue);
      if (m.bytes !== undefined) ctx.progress?.(m.bytes);
      if (m.type === 'rows') {
        yield m.rows;
        worker.postMessage('ack');
      } else if (m.type === 'done') {
        return m.summary;
      } else if (m.type === 'error') {
        throw deserializeError(m.error);
      }
    }
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

/** The worker side: parse, flatten, send, at most WINDOW batches ahead of the writes. */
async function runWorker(job: IngestJob): Promise<void> {
  const port = parentPort!;
  let unacked = 0;
  let wakeOnAck: (() => void) | undefined;
  port.on('message', () => {
    unacked--;
    wakeOnAck?.();
  });
  let issues: Issue[] = [];
  let bytes: number | undefined;
  let lastProgress = 0;
  const send = (m: FromWorker) => {
    port.postMessage(m);
    issues = [];
    bytes = undefined;
  };
  const report = () => send({ type: 'report', issues, ...(bytes !== undefined ? { bytes } : {}) });
  try {
    const bundles = ingestStructured(job.file, job.mapping, { dataset: job.dataset }, {
      strict: job.strict,
      issue(i) {
        issues.push(i);
        if (issues.length >= ISSUE_BATCH) report();
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
    let rows = emptyRows();
    let count = 0;
    const flush = async () => {
      send({ type: 'rows', rows, issues, ...(bytes !== undefined ? { bytes } : {}) });
      unacked++;
      rows = emptyRows();
      count = 0;
      while (unacked >= WINDOW) await new Promise<void>((resolve) => (wakeOnAck = resolve));
      wakeOnAck = undefined;
    };
    let step = await bundles.next();
    while (!step.done) {
      flattenBundles([step.value], rows);
      if (++count >= job.batchSize) await flush();
      step = await bundles.next();
    }
    if (count > 0) await flush();
    send({ type: 'done', summary: step.value, issues, ...(bytes !== undefined ? { bytes } : {}) });
  } catch (err) {
    send({ type: 'error', error: serializeError(err), issues, ...(bytes !== undefined ? { bytes } : {}) });
  }
}

const workerJob = isMainThread ? undefined : (workerData as Record<string, IngestJob> | null)?.[WORKER_FLAG];
if (workerJob) void runWorker(workerJob);

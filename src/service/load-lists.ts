/**
 * Loading official list files into the store: detect the units in a path, order them by the
 * lists' own dates, and write each as a new version in one transaction. The newest version of
 * a source becomes active; a unit whose checksum is already loaded is skipped as unchanged.
 * A unit that fails, or that holds no entities, leaves the store as it was.
 */
import { EndtraceError, inputError, isEndtraceError } from '../model/index.js';
import type { Issue } from '../model/index.js';
import { detectUnits, parserFor } from '../lists/index.js';
import type { LoadUnit, SkippedFile } from '../lists/index.js';
import { rowCounts } from '../store/index.js';
import type { Store, VersionInfo } from '../store/index.js';
import { unitFiles } from './file-checksum.js';
import { ParseWorker, parseRowsHere } from './parse-rows.js';
import type { RowStream } from './parse-rows.js';

export interface LoadProgress {
  unitStart?(unit: LoadUnit, totalBytes: number): void;
  bytes?(read: number): void;
  unitDone?(result: UnitResult): void;
  skipped?(file: SkippedFile): void;
}

export type UnitStatus = 'loaded' | 'unchanged' | 'failed';

export interface UnitResult {
  source: string;
  format: string;
  files: string[];
  status: UnitStatus;
  version: VersionInfo | null;
  activated: boolean;
  issues: number;
  issueCodes: Record<string, number>;
  error: EndtraceError | null;
}

export interface LoadOptions {
  dataset?: string | undefined;
  /** Load but do not make active. */
  noActivate?: boolean | undefined;
  progress?: LoadProgress | undefined;
  batchSize?: number | undefined;
  /** Force this source id for every unit (e.g. a downloaded file of a known source). */
  source?: string | undefined;
  /**
   * Parse in a worker thread while this one writes: always (true), never (false), or for
   * units of WORKER_MIN_BYTES and more ('auto', the default).
   */
  worker?: boolean | 'auto' | undefined;
}

export interface LoadReport {
  units: UnitResult[];
  skipped: SkippedFile[];
}

interface PlannedUnit {
  unit: LoadUnit;
  /** Names the version and orders it among the source's versions. */
  date: string;
  published: string | null;
  /**
   * `date` is today's, for want of the list's own date (peek) or one in its path: a date the
   * parser finds only while reading (FtM's last_change) then names the version instead.
   */
  undated: boolean;
}

const BATCH = 500;
/** Below this size a unit parses in this thread: starting the worker would cost more than it saves. */
export const WORKER_MIN_BYTES = 1_000_000;

/** The date that orders versions of one source: the list's own, else the date in its path, else today. */
function unitDate(published: string | null, unit: LoadUnit): { date: string; undated: boolean } {
  const date = published ?? unit.pathDate;
  return date ? { date, undated: false } : { date: new Date().toISOString().slice(0, 10), undated: true };
}

/** The YYYY-MM-DD day of a list's own date (ISO date or timestamp), or null. */
function dayOf(published: string | null): string | null {
  const day = published?.slice(0, 10) ?? null;
  return day && /^\d{4}-\d{2}-\d{2}$/.test(day) && !Number.isNaN(Date.parse(day)) ? day : null;
}

export async function loadLists(store: Store, path: string, opts: LoadOptions = {}): Promise<LoadReport> {
  const detection = await detectUnits(path, { dataset: opts.dataset });
  for (const s of detection.skipped) opts.progress?.skipped?.(s);
  const planned: PlannedUnit[] = [];
  for (const unit of detection.units) {
    if (opts.source) unit.source = opts.source;
    let published: string | null = null;
    try {
      published = (await parserFor(unit.format).peek(unit)).published;
    } catch {
      // The full parse reports the problem with its location.
    }
    planned.push({ unit, published, ...unitDate(published, unit) });
  }
  planned.sort((a, b) => a.unit.source.localeCompare(b.unit.source) || a.date.localeCompare(b.date));
  const units: UnitResult[] = [];
  const worker = new ParseWorker();
  try {
    for (const p of planned) {
      const result = await loadUnit(store, p, opts, worker);
      units.push(result);
      opts.progress?.unitDone?.(result);
    }
  } finally {
    await worker.close();
  }
  return { units, skipped: detection.skipped };
}

/**
 * Loads one unit as a new version. An undated unit whose parser finds the list's date while
 * reading is loaded again under that date (`announced`: the second time, progress goes on
 * without a new unitStart).
 */
async function loadUnit(store: Store, plan: PlannedUnit, opts: LoadOptions, worker: ParseWorker, announced = false): Promise<UnitResult> {
  const { unit } = plan;
  const base: Omit<UnitResult, 'status' | 'version' | 'activated' | 'error'> = {
    source: unit.source,
    format: unit.format,
    files: unit.files.map((f) => f.name),
    issues: 0,
    issueCodes: {},
  };
  const { files, checksum, bytes } = await unitFiles(unit);
  const existing = await store.findVersionByChecksum(unit.source, checksum);
  if (existing) {
    return { ...base, status: 'unchanged', version: existing, activated: false, error: null };
  }
  let version = plan.date;
  if (await store.findVersion(unit.source, version)) version = `${version}.${checksum.slice(0, 8)}`;

  if (!announced) opts.progress?.unitStart?.(unit, bytes);
  const issueCodes: Record<string, number> = {};
  let issueCount = 0;
  let pendingIssues: Issue[] = [];
  const writer = await store.beginVersion({ source: unit.source, version, published: plan.published, checksum, format: unit.format, files });
  let rows: RowStream | undefined;
  let redo: PlannedUnit | undefined;
  try {
    const ctx = {
      issue: (issue: Issue) => {
        issueCount++;
        issueCodes[issue.code] = (issueCodes[issue.code] ?? 0) + 1;
        pendingIssues.push(issue);
      },
      progress: (read: number) => opts.progress?.bytes?.(read),
    };
    const batchSize = opts.batchSize ?? BATCH;
    const inWorker = opts.worker === true || ((opts.worker ?? 'auto') === 'auto' && bytes >= WORKER_MIN_BYTES);
    rows = inWorker ? worker.parse(unit, ctx, batchSize) : parseRowsHere(unit, ctx, batchSize);
    let bundles = 0;
    let step = await rows.next();
    while (!step.done) {
      bundles += rowCounts(step.value).bundles;
      await writer.writeRows(step.value);
      if (pendingIssues.length >= 1000) {
        await writer.issues(pendingIssues);
        pendingIssues = [];
      }
      step = await rows.next();
    }
    if (pendingIssues.length) await writer.issues(pendingIssues);
    if (bundles === 0) {
      // A valid but empty file (a bad download, an empty export) must not replace a loaded list.
      const main = unit.files.find((f) => f.role === 'main') ?? unit.files[0];
      throw inputError('the list holds no entities; refused, so that an empty file does not replace a loaded list', { file: main?.name }, 'empty_list');
    }
    // The parser may find the list's own date only while reading (FtM's last_change).
    const published = step.value.published ?? plan.published;
    const day = dayOf(step.value.published);
    if (plan.undated && day && day !== plan.date) {
      // The version was named by today's date; the list's own names (and orders) it instead.
      await writer.abort();
      redo = { unit, published, date: day, undated: false };
    } else {
      const active = (await store.activeVersions()).find((v) => v.source === unit.source);
      const activeDate = active ? (active.published ?? active.version) : null;
      const activate = !opts.noActivate && (activeDate === null || plan.date >= activeDate.slice(0, 10));
      const info = await writer.commit({ activate, published });
      return { ...base, issues: issueCount, issueCodes, status: 'loaded', version: info, activated: activate, error: null };
    }
  } catch (err) {
    // A failed write leaves the parser mid-unit: stop it (the worker ends).
    await rows?.return({ published: null }).catch(() => undefined);
    await writer.abort();
    const error = isEndtraceError(err)
      ? err
      : new EndtraceError('internal', (err as Error).message ?? String(err), { cause: err, location: { file: unit.files[0]?.name } });
    return { ...base, issues: issueCount, issueCodes, status: 'failed', version: null, activated: false, error };
  }
  // Only reached to load the unit again under the date its parser found.
  return loadUnit(store, redo, opts, worker, true);
}

/** One line per source: its active version, as `lists status` prints it. */
export interface SourceStatus {
  source: string;
  version: string;
  published: string | null;
  entities: number;
  checksum: string;
  loadedAt: string;
}

export async function listStatus(store: Store, sources?: readonly string[]): Promise<SourceStatus[]> {
  const active = await store.activeVersions();
  return active
    .filter((v) => !sources || sources.includes(v.source))
    .map((v) => ({ source: v.source, version: v.version, published: v.published, entities: v.entities, checksum: v.checksum, loadedAt: v.loadedAt }));
}

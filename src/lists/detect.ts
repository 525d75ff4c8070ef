/**
 * Finds the load units in a file or folder by content. A folder may hold several versions of
 * several sources; OFAC legacy CSV companions (add/alt/comments) join the main file of their
 * folder, and companions without one are reported and skipped, as are unrecognised files.
 */
import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import { inputError } from '../model/index.js';
import { readHeadText } from './io/text.js';
import { SNIFFERS } from './parsers.js';
import type { LoadUnit, SniffResult, UnitFile } from './types.js';

export interface SkippedFile {
  file: string;
  code: 'unrecognised' | 'companion_without_main' | 'unreadable';
  reason: string;
}

export interface Detection {
  units: LoadUnit[];
  skipped: SkippedFile[];
}

export interface DetectOptions {
  /** Dataset name for FtM files (default: the file's base name, or its folder's for `entities.ftm.json`). */
  dataset?: string | undefined;
}

const ROLE_ORDER = ['main', 'add', 'alt', 'comments'];
const GENERIC_BASENAMES = new Set(['entities', 'data', 'export', 'statements', 'targets', 'index']);

export async function sniffFile(path: string): Promise<SniffResult | null> {
  const head = await readHeadText(path);
  for (const sniff of SNIFFERS) {
    const r = sniff(head, basename(path));
    if (r) return r;
  }
  return null;
}

export function datasetName(path: string): string {
  let base = basename(path).toLowerCase().replace(/\.gz$/, '').replace(/\.(ftm\.json|jsonl|ndjson|json|ijson)$/, '');
  if (GENERIC_BASENAMES.has(base)) base = basename(dirname(path)).toLowerCase();
  return base.replace(/[^a-z0-9_-]+/g, '_').replace(/^_+|_+$/g, '') || 'ftm';
}

/** The last YYYY-MM-DD found in a path, if any. */
export function dateInPath(path: string): string | null {
  const all = [...path.matchAll(/(\d{4})-(\d{2})-(\d{2})/g)];
  const m = all[all.length - 1];
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || y < 1990 || y > 2200) return null;
  return m[0];
}

async function walk(dir: string, out: string[]): Promise<void> {
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) await walk(p, out);
    else if (e.isFile()) out.push(p);
  }
}

export async function detectUnits(path: string, opts: DetectOptions = {}): Promise<Detection> {
  const info = await stat(path).catch((err: NodeJS.ErrnoException) => {
    throw inputError(err.code === 'ENOENT' ? 'no such file or folder' : err.message, { file: path }, 'not_found', err);
  });
  if (info.isFile()) {
    const sniffed = await sniffFile(path);
    if (!sniffed) throw inputError('not a list format endtrace recognises (OFAC CSV/XML, US CSL, UK OFSI, UN SC, FtM JSON)', { file: path }, 'unrecognised');
    if (sniffed.role !== 'main') {
      throw inputError(`an OFAC ${sniffed.role} file cannot stand alone; load the folder that holds its main file`, { file: path }, 'companion_without_main');
    }
    return { units: [unitOf(sniffed, [{ role: 'main', path, name: basename(path) }], path, opts)], skipped: [] };
  }

  const files: string[] = [];
  await walk(path, files);
  const units: LoadUnit[] = [];
  const skipped: SkippedFile[] = [];
  const ofacGroups = new Map<string, { sniffed: SniffResult; files: UnitFile[]; dir: string }>();
  for (const file of files) {
    const name = relative(path, file) || basename(file);
    let sniffed: SniffResult | null;
    try {
      sniffed = await sniffFile(file);
    } catch (err) {
      skipped.push({ file: name, code: 'unreadable', reason: (err as Error).message });
      continue;
    }
    if (!sniffed) {
      skipped.push({ file: name, code: 'unrecognised', reason: 'not a list format endtrace recognises' });
      continue;
    }
    if (sniffed.format === 'ofac-csv') {
      const key = `${dirname(file)}\u0000${sniffed.source}`;
      const group = ofacGroups.get(key) ?? { sniffed, files: [], dir: dirname(file) };
      if (group.files.some((f) => f.role === sniffed.role)) {
        skipped.push({ file: name, code: 'unrecognised', reason: `a second OFAC ${sniffed.role} file in the same folder` });
        continue;
      }
      if (sniffed.role === 'main') group.sniffed = sniffed;
      group.files.push({ role: sniffed.role, path: file, name });
      ofacGroups.set(key, group);
      continue;
    }
    if (sniffed.role !== 'main') {
      skipped.push({ file: name, code: 'companion_without_main', reason: `a ${sniffed.role} file cannot stand alone` });
      continue;
    }
    units.push(unitOf(sniffed, [{ role: 'main', path: file, name }], file, opts));
  }
  for (const group of ofacGroups.values()) {
    const main = group.files.find((f) => f.role === 'main');
    if (!main) {
      for (const f of group.files) {
        skipped.push({ file: f.name, code: 'companion_without_main', reason: `an OFAC ${f.role} file cannot stand alone: no main file (sdn.csv / cons_prim.csv) beside it` });
      }
      continue;
    }
    group.files.sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role));
    units.push(unitOf(group.sniffed, group.files, main.path, opts));
  }
  return { units, skipped };
}

function unitOf(sniffed: SniffResult, files: UnitFile[], path: string, opts: DetectOptions): LoadUnit {
  const source = sniffed.format === 'ftm-json' ? (opts.dataset ?? datasetName(path)) : sniffed.source;
  return { source, format: sniffed.format, files, pathDate: dateInPath(path) };
}

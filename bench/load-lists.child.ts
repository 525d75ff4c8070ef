/**
 * The measured side of load-lists.bench.ts, run in a fresh process so that its time and peak
 * RSS are its own. Uses the built code (dist/), as the CLI does:
 *   load DIR [here|worker|auto]   loadLists into a new temporary SQLite store
 *   csv FILE…                     a bare csv-parse pass (relax_column_count, nothing else)
 * Prints one JSON line (lib/measure.ts reportChild).
 */
import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'csv-parse';
import type * as Service from '../src/service/index.js';
import type * as StoreApi from '../src/store/index.js';
import { REPO_ROOT, reportChild } from './lib/measure.js';

type ServiceModule = typeof Service;
type StoreModule = typeof StoreApi;

const dist = (path: string) => pathToFileURL(join(REPO_ROOT, 'dist', path)).href;

async function load(dir: string, mode: string): Promise<unknown> {
  const { loadLists } = (await import(dist('service/index.js'))) as ServiceModule;
  const { SqliteStore } = (await import(dist('store/index.js'))) as StoreModule;
  const tmp = mkdtempSync(join(tmpdir(), 'endtrace-bench-'));
  const store = new SqliteStore(join(tmp, 'bench.db'));
  const unitStart = new Map<string, number>();
  const units: Array<{ source: string; files: string; status: string; entities: number; statements: number; ms: number }> = [];
  const key = (files: readonly string[]) => files.join(' + ');
  try {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    await loadLists(store, dir, {
      worker: mode === 'here' ? false : mode === 'worker' ? true : 'auto',
      progress: {
        unitStart: (unit) => void unitStart.set(key(unit.files.map((f) => f.name)), performance.now()),
        unitDone: (r) =>
          void units.push({
            source: r.source,
            files: key(r.files),
            status: r.status,
            entities: r.version?.entities ?? 0,
            statements: r.version?.statements ?? 0,
            ms: performance.now() - (unitStart.get(key(r.files)) ?? performance.now()),
          }),
      },
    });
    const wallMs = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    return { wallMs, cpuMs: (cpu.user + cpu.system) / 1000, units };
  } finally {
    await store.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}

async function csv(files: readonly string[]): Promise<unknown> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let records = 0;
  for (const file of files) {
    for await (const _record of createReadStream(file).pipe(parse({ relax_column_count: true }))) records++;
  }
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { wallMs, cpuMs: (cpu.user + cpu.system) / 1000, records };
}

const [mode, ...args] = process.argv.slice(2);
if (mode === 'load') reportChild(await load(args[0]!, args[1] ?? 'auto'));
else if (mode === 'csv') reportChild(await csv(args));
else throw new Error(`usage: load-lists.child.ts load DIR [here|worker|auto] | csv FILE…`);

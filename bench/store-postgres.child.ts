/**
 * The measured side of store-postgres.bench.ts, in a fresh process so that its time is its own.
 * Uses the built code (dist/), as the CLI does:
 *   load KIND DIR [KEEP]   loadLists DIR into a new store: KIND sqlite (a temporary file, or the
 *                          file KEEP) or postgres ($ENDTRACE_BENCH_PG in a new schema, dropped
 *                          afterwards unless KEEP names it)
 *   drop postgres SCHEMA   drops a kept schema
 *   read KIND WHERE N      N getEntity calls on random roots of the active versions (after a
 *                          warm-up), then one full iterateEntities pass; WHERE: file or schema
 * Prints one JSON line (lib/measure.ts reportChild). For PostgreSQL, also the CPU time of the
 * server processes that served this process's connections (read from /proc: a local server).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Service from '../src/service/index.js';
import type * as StoreApi from '../src/store/index.js';
import { REPO_ROOT, reportChild } from './lib/measure.js';

type StoreModule = typeof StoreApi;
type Store = StoreApi.Store;

const dist = (path: string) => pathToFileURL(join(REPO_ROOT, 'dist', path)).href;
const PG = process.env.ENDTRACE_BENCH_PG ?? process.env.ENDTRACE_TEST_PG ?? '';

/** CPU time (ms) of a process, from /proc/PID/stat (utime + stime, in clock ticks of 10 ms); null when unreadable. */
function processCpuMs(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

interface Opened {
  store: Store;
  /** Server CPU used by this store's connections so far (ms), or null. */
  serverCpuMs(): Promise<number | null>;
  dispose(): Promise<void>;
}

async function open(kind: string, where: string | undefined, fresh: boolean): Promise<Opened> {
  const api = (await import(dist('store/index.js'))) as StoreModule;
  if (kind === 'sqlite') {
    if (where && fresh) for (const suffix of ['', '-wal', '-shm']) rmSync(`${where}${suffix}`, { force: true });
    const tmp = where ? null : mkdtempSync(join(tmpdir(), 'endtrace-bench-'));
    const store = new api.SqliteStore(where ?? join(tmp!, 'bench.db'));
    return { store, serverCpuMs: async () => null, dispose: async () => void (tmp && rmSync(tmp, { recursive: true, force: true })) };
  }
  if (!PG) throw new Error('set ENDTRACE_BENCH_PG (or ENDTRACE_TEST_PG) to a PostgreSQL URL');
  const schema = where ?? `bench_${process.pid}_${Date.now().toString(36)}`;
  if (fresh) await dropSchema(schema);
  // A name of its own for this process's connections, to find their server processes.
  const name = `endtrace_bench_${process.pid}`;
  const url = new URL(PG);
  url.searchParams.set('application_name', name);
  const store = await api.PostgresStore.open(url.toString(), { schema });
  // Server CPU since each server process started (all of it ours), sampled when a connection
  // closes and at the end.
  const used = new Map<number, number>();
  const sample = (pid: number) => {
    const ms = processCpuMs(pid);
    if (ms !== null) used.set(pid, ms);
  };
  store.pool.on('remove', (c) => sample((c as unknown as { processID: number }).processID));
  return {
    store,
    serverCpuMs: async () => {
      const live = await store.pool.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE application_name = $1', [name]);
      for (const r of live.rows) sample(r.pid);
      if (used.size === 0) return null;
      let total = 0;
      for (const ms of used.values()) total += ms;
      return total;
    },
    dispose: async () => {
      if (!where) await dropSchema(schema);
    },
  };
}

async function dropSchema(schema: string): Promise<void> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: PG });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${pg.escapeIdentifier(schema)} CASCADE`);
  } finally {
    await client.end();
  }
}

async function load(kind: string, dir: string, keep: string | undefined): Promise<unknown> {
  const { loadLists } = (await import(dist('service/index.js'))) as typeof Service;
  const o = await open(kind, keep, true);
  try {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const report = await loadLists(o.store, dir);
    const wallMs = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    const failed = report.units.filter((u) => u.status === 'failed');
    if (failed.length) throw new Error(`${failed.length} unit(s) failed: ${failed[0]!.error?.message}`);
    const entities = report.units.reduce((n, u) => n + (u.version?.entities ?? 0), 0);
    const statements = report.units.reduce((n, u) => n + (u.version?.statements ?? 0), 0);
    return { wallMs, cpuMs: (cpu.user + cpu.system) / 1000, serverCpuMs: await o.serverCpuMs(), units: report.units.length, entities, statements };
  } finally {
    await o.store.close();
    await o.dispose();
  }
}

async function read(kind: string, where: string, n: number): Promise<unknown> {
  const o = await open(kind, where, false);
  const store = o.store;
  try {
    const roots: string[] = [];
    for (const v of await store.activeVersions()) for (const d of await store.digests(v.id)) roots.push(d.rootId);
    // A fixed pseudo-random order (xorshift), the same for both stores.
    let x = 2463534242;
    const pick = () => {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      return roots[(x >>> 0) % roots.length]!;
    };
    for (let i = 0; i < 200; i++) await store.getEntity(pick());
    const latencies: number[] = [];
    const cpu0 = process.cpuUsage();
    for (let i = 0; i < n; i++) {
      const t = performance.now();
      const rec = await store.getEntity(pick());
      latencies.push(performance.now() - t);
      if (!rec) throw new Error('an active root was not found');
    }
    const cpu = process.cpuUsage(cpu0);
    const t0 = performance.now();
    let iterated = 0;
    for await (const batch of store.iterateEntities({ targetOnly: true })) iterated += batch.length;
    const iterateMs = performance.now() - t0;
    return { roots: roots.length, latencies, getEntityCpuMs: (cpu.user + cpu.system) / 1000, iterated, iterateMs };
  } finally {
    await store.close();
    await o.dispose();
  }
}

const [mode, kind, ...args] = process.argv.slice(2);
if ((kind !== 'sqlite' && kind !== 'postgres') || !args[0]) throw new Error('usage: store-postgres.child.ts load sqlite|postgres DIR [KEEP] | read sqlite|postgres WHERE N | drop postgres SCHEMA');
if (mode === 'drop') reportChild(await dropSchema(args[0]));
else if (mode === 'load') reportChild(await load(kind, args[0], args[1]));
else if (mode === 'read') reportChild(await read(kind, args[0], Number(args[1] ?? 2000)));
else throw new Error(`unknown mode ${mode}`);

/**
 * PostgreSQL against SQLite, side by side (issue: the PostgreSQL store): loading the OFAC SDN
 * 2023-12-28 triple and all of ../shared/data into a fresh store, getEntity latency on random
 * roots of the loaded data, and one full iterateEntities pass (what a screening index build
 * reads). Each measurement runs in its own process (store-postgres.child.ts) on the built code:
 * run `npm run build` first. The two stores alternate run by run (lib/measure.ts interleave),
 * and medians are reported: the machine is shared and its speed varies. For PostgreSQL the CPU
 * time of its server processes is reported too (from /proc, when the server is local), since
 * there the work is split between this process and the server.
 * Environment: ENDTRACE_BENCH_PG or ENDTRACE_TEST_PG (the server; a schema per run is created
 * and dropped), BENCH_PG_SDN_REPS (default 5), BENCH_PG_FULL_REPS (default 3),
 * BENCH_PG_READ_REPS (default 3), BENCH_PG_READS (getEntity calls per read run, default 2000).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchContext, BenchOutcome } from './lib/measure.js';
import { interleave, missingBuild, NO_DATA, REPO_ROOT, runChild, secs, stats, table } from './lib/measure.js';

const CHILD = join(REPO_ROOT, 'bench', 'store-postgres.child.ts');
const KINDS = ['sqlite', 'postgres'] as const;
type Kind = (typeof KINDS)[number];

interface LoadResult {
  wallMs: number;
  cpuMs: number;
  serverCpuMs: number | null;
  units: number;
  entities: number;
  statements: number;
}

interface ReadResult {
  roots: number;
  latencies: number[];
  getEntityCpuMs: number;
  iterated: number;
  iterateMs: number;
}

const reps = (name: string, fallback: number) => Math.max(1, Number(process.env[name] ?? fallback) || fallback);
const median = (xs: readonly number[]) => (xs.length ? stats(xs).median : Number.NaN);
const ms2 = (v: number) => `${v.toFixed(2)} ms`;

/** Interleaved loads of `dir` into each store; each case's samples. */
async function loads(ctx: BenchContext, label: string, dir: string, n: number, keep: Record<Kind, string | undefined>) {
  const runs: Record<Kind, LoadResult[]> = { sqlite: [], postgres: [] };
  await interleave(
    Object.fromEntries(KINDS.map((k) => [k, async () => {
      const r = await runChild<LoadResult>(CHILD, ['load', k, dir, ...(keep[k] ? [keep[k]] : [])]);
      runs[k].push(r.result);
      return r.result.wallMs;
    }])) as Record<Kind, () => Promise<number>>,
    n,
    (name, rep, v) => ctx.log(`${label} ${name} ${rep + 1}/${n}: ${secs(v)}`),
  );
  return runs;
}

function loadRows(runs: Record<Kind, LoadResult[]>): Array<Array<string | number>> {
  return KINDS.map((k) => {
    const rs = runs[k];
    const server = rs.map((r) => r.serverCpuMs).filter((v): v is number => v !== null);
    return [k, rs.length, secs(median(rs.map((r) => r.wallMs))), secs(Math.min(...rs.map((r) => r.wallMs))), secs(median(rs.map((r) => r.cpuMs))), server.length ? secs(median(server)) : '—', rs[0]!.entities.toLocaleString('en'), rs[0]!.statements.toLocaleString('en')];
  });
}

const LOAD_HEADERS = ['store', 'n', 'wall (median)', 'wall (min)', 'node CPU (median)', 'server CPU (median)', 'entities', 'statements'];

export async function storePostgresBench(ctx: BenchContext): Promise<BenchOutcome> {
  if (!(process.env.ENDTRACE_BENCH_PG ?? process.env.ENDTRACE_TEST_PG)) return { skipped: 'no PostgreSQL: set ENDTRACE_BENCH_PG or ENDTRACE_TEST_PG' };
  if (!ctx.dataDir) return NO_DATA;
  const missing = missingBuild(ctx, 'store/postgres/postgres-store.js');
  if (missing) return missing;

  const sdnDir = join(ctx.dataDir, 'ofac_sdn', '2023-12-28');
  const sdn = await loads(ctx, 'SDN 2023-12-28', sdnDir, reps('BENCH_PG_SDN_REPS', 5), { sqlite: undefined, postgres: undefined });

  // The full loads keep their stores (each run replaces the last) for the reads below.
  const tmp = mkdtempSync(join(tmpdir(), 'endtrace-bench-pg-'));
  const keep = { sqlite: join(tmp, 'full.db'), postgres: `bench_full_${process.pid}` };
  try {
    const full = await loads(ctx, 'all of shared/data', ctx.dataDir, reps('BENCH_PG_FULL_REPS', 3), keep);

    const n = reps('BENCH_PG_READS', 2000);
    const readRuns: Record<Kind, ReadResult[]> = { sqlite: [], postgres: [] };
    const readReps = reps('BENCH_PG_READ_REPS', 3);
    await interleave(
      Object.fromEntries(KINDS.map((k) => [k, async () => {
        const r = await runChild<ReadResult>(CHILD, ['read', k, keep[k], String(n)]);
        readRuns[k].push(r.result);
        return median(r.result.latencies);
      }])) as Record<Kind, () => Promise<number>>,
      readReps,
      (name, rep, v) => ctx.log(`reads ${name} ${rep + 1}/${readReps}: getEntity p50 ${ms2(v)}`),
    );

    ctx.log('');
    ctx.log('SDN 2023-12-28 (sdn + add + alt) into a fresh store');
    ctx.log(table(LOAD_HEADERS, loadRows(sdn)));
    ctx.log('');
    ctx.log('all of shared/data into a fresh store');
    ctx.log(table(LOAD_HEADERS, loadRows(full)));
    ctx.log('');
    const readRows = KINDS.map((k) => {
      const lat = stats(readRuns[k].flatMap((r) => r.latencies));
      return [k, lat.n, ms2(lat.p50), ms2(lat.p99), ms2(lat.mean), secs(median(readRuns[k].map((r) => r.iterateMs))), readRuns[k][0]!.iterated.toLocaleString('en')];
    });
    ctx.log(`reads over all of shared/data (${readRuns.sqlite[0]!.roots.toLocaleString('en')} active roots; getEntity on random roots, one at a time)`);
    ctx.log(table(['store', 'getEntity calls', 'p50', 'p99', 'mean', 'iterate targets (median)', 'targets'], readRows));
    const ratio = (f: (k: Kind) => number) => f('postgres') / f('sqlite');
    const ratios = {
      sdnLoadWall: ratio((k) => median(sdn[k].map((r) => r.wallMs))),
      fullLoadWall: ratio((k) => median(full[k].map((r) => r.wallMs))),
      getEntityP50: ratio((k) => stats(readRuns[k].flatMap((r) => r.latencies)).p50),
      iterate: ratio((k) => median(readRuns[k].map((r) => r.iterateMs))),
    };
    ctx.log('');
    ctx.log(`PostgreSQL / SQLite (medians): SDN load ${ratios.sdnLoadWall.toFixed(2)}, full load ${ratios.fullLoadWall.toFixed(2)}, getEntity p50 ${ratios.getEntityP50.toFixed(2)}, iterate ${ratios.iterate.toFixed(2)}`);
    return {
      result: {
        sdn: Object.fromEntries(KINDS.map((k) => [k, sdn[k]])),
        full: Object.fromEntries(KINDS.map((k) => [k, full[k]])),
        reads: Object.fromEntries(KINDS.map((k) => [k, readRuns[k].map(({ latencies, ...rest }) => ({ ...rest, latency: stats(latencies) }))])),
        ratios,
      },
    };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
    await runChild(CHILD, ['drop', 'postgres', keep.postgres]).catch((err: Error) => ctx.log(`could not drop schema ${keep.postgres}: ${err.message}`));
  }
}

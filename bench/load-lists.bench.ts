/**
 * Loading the official lists (issue targets): all of ../shared/data into a fresh SQLite store
 * in under 15 s with a peak RSS under 600 MB, and the OFAC SDN 2023-12-28 triple loading in
 * under 4× the time of a bare csv-parse pass over the same three files — the two timed
 * alternately in one run. Each measurement runs in its own process (load-lists.child.ts),
 * on the built code: run `npm run build` first.
 * Environment: BENCH_LOAD_REPS (full loads, default 1), BENCH_RATIO_REPS (default 5, at least 3).
 */
import { join } from 'node:path';
import type { BenchContext, BenchOutcome } from './lib/measure.js';
import { interleave, mb, missingBuild, ms, NO_DATA, REPO_ROOT, runChild, secs, stats, table, verdict } from './lib/measure.js';

const CHILD = join(REPO_ROOT, 'bench', 'load-lists.child.ts');
const SDN = ['ofac_sdn', '2023-12-28'];
const SDN_FILES = ['sdn.csv', 'add.csv', 'alt.csv'];
const TARGET = { wallMs: 15_000, rssMb: 600, ratio: 4 };

interface LoadResult {
  wallMs: number;
  cpuMs: number;
  units: Array<{ source: string; files: string; status: string; entities: number; statements: number; ms: number }>;
}

interface CsvResult {
  wallMs: number;
  cpuMs: number;
  records: number;
}

const reps = (name: string, fallback: number, min: number) => Math.max(min, Number(process.env[name] ?? fallback) || fallback);

export async function loadListsBench(ctx: BenchContext): Promise<BenchOutcome> {
  if (!ctx.dataDir) return NO_DATA;
  const missing = missingBuild(ctx, 'service/index.js');
  if (missing) return missing;
  const dataDir = ctx.dataDir;
  const sdnDir = join(dataDir, ...SDN);

  // 1. Everything, into a fresh store.
  const fullRuns: Array<{ result: LoadResult; maxRssMb: number }> = [];
  const fullReps = reps('BENCH_LOAD_REPS', 1, 1);
  for (let i = 0; i < fullReps; i++) {
    const run = await runChild<LoadResult>(CHILD, ['load', dataDir]);
    fullRuns.push(run);
    ctx.log(`full load ${i + 1}/${fullReps}: ${secs(run.result.wallMs)}, peak RSS ${mb(run.maxRssMb)}`);
  }
  const fullWall = stats(fullRuns.map((r) => r.result.wallMs));
  const fullRss = Math.max(...fullRuns.map((r) => r.maxRssMb));
  const first = fullRuns[0]!.result;
  const loaded = first.units.filter((u) => u.status === 'loaded');
  const entities = loaded.reduce((n, u) => n + u.entities, 0);
  const statements = loaded.reduce((n, u) => n + u.statements, 0);
  ctx.log('');
  ctx.log(table(
    ['unit', 'status', 'entities', 'statements', 'time'],
    first.units.map((u) => [`${u.source} ${u.files}`, u.status, u.entities.toLocaleString('en'), u.statements.toLocaleString('en'), ms(u.ms)]),
  ));

  // 2. The SDN triple against a bare csv-parse pass over the same files, alternately.
  const ratioReps = reps('BENCH_RATIO_REPS', 5, 3);
  const cpu: Record<'sdnLoad' | 'csvParse', number[]> = { sdnLoad: [], csvParse: [] };
  const samples = await interleave(
    {
      sdnLoad: async () => {
        const run = await runChild<LoadResult>(CHILD, ['load', sdnDir]);
        cpu.sdnLoad.push(run.result.cpuMs);
        return run.result.wallMs;
      },
      csvParse: async () => {
        const run = await runChild<CsvResult>(CHILD, ['csv', ...SDN_FILES.map((f) => join(sdnDir, f))]);
        cpu.csvParse.push(run.result.cpuMs);
        return run.result.wallMs;
      },
    },
    ratioReps,
    (name, rep, v) => ctx.log(`${name} ${rep + 1}/${ratioReps}: ${ms(v)}`),
  );
  const sdn = stats(samples.sdnLoad);
  const csv = stats(samples.csvParse);
  const ratio = sdn.median / csv.median;
  const pairRatios = stats(samples.sdnLoad.map((v, i) => v / samples.csvParse[i]!));
  ctx.log('');
  ctx.log(table(
    ['SDN 2023-12-28 (sdn+add+alt)', 'n', 'median', 'p50', 'p99', 'min', 'CPU median'],
    [
      ['load into a fresh store', sdn.n, ms(sdn.median), ms(sdn.p50), ms(sdn.p99), ms(sdn.min), ms(stats(cpu.sdnLoad).median)],
      ['bare csv-parse pass', csv.n, ms(csv.median), ms(csv.p50), ms(csv.p99), ms(csv.min), ms(stats(cpu.csvParse).median)],
    ],
  ));

  ctx.log('');
  ctx.log(table(
    ['all of shared/data', 'value'],
    [
      ['wall time (median)', secs(fullWall.median)],
      ['CPU time (user+system)', secs(first.cpuMs)],
      ['entities loaded', entities.toLocaleString('en')],
      ['statements', statements.toLocaleString('en')],
      ['entities/s', Math.round(entities / (fullWall.median / 1000)).toLocaleString('en')],
      ['peak RSS', mb(fullRss)],
    ],
  ));
  const checks = [
    { name: 'full load wall time', value: secs(fullWall.median), target: `< ${secs(TARGET.wallMs)}`, pass: fullWall.median < TARGET.wallMs },
    { name: 'full load peak RSS', value: mb(fullRss), target: `< ${mb(TARGET.rssMb)}`, pass: fullRss < TARGET.rssMb },
    { name: 'SDN load / bare csv-parse (medians)', value: `${ratio.toFixed(2)} (per pair: p50 ${pairRatios.p50.toFixed(2)}, max ${pairRatios.max.toFixed(2)})`, target: `< ${TARGET.ratio}`, pass: ratio < TARGET.ratio },
  ];
  ctx.log('');
  for (const c of checks) ctx.log(verdict(c.name, c.value, c.target, c.pass));
  return {
    pass: checks.every((c) => c.pass),
    result: {
      targets: TARGET,
      checks,
      full: { runs: fullRuns.map((r) => ({ wallMs: r.result.wallMs, cpuMs: r.result.cpuMs, maxRssMb: r.maxRssMb })), wall: fullWall, peakRssMb: fullRss, entities, statements, units: first.units },
      sdnVsCsvParse: { reps: ratioReps, sdnLoadMs: samples.sdnLoad, csvParseMs: samples.csvParse, sdnLoadCpuMs: cpu.sdnLoad, csvParseCpuMs: cpu.csvParse, sdn, csv, ratio, pairRatios },
    },
  };
}

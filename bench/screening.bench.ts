/**
 * Screening (issue 3 targets), over every list in ../shared/data loaded into one SQLite store:
 *  - recall of the index: index-based screening against exhaustive scoring of every indexed
 *    entity (the brute-force reference), timed side by side per query, on the same queries;
 *    target ≥ 99.5% of the exhaustive matches found, ≥ 50× faster;
 *  - throughput and latency of single queries through the screening service, one core;
 *    targets ≥ 2,000 queries/s, p50 < 2 ms;
 *  - index build time and peak RSS (target < 1 GB);
 *  - the peer: the npm package `ofac` side by side with endtrace on the same SDN individuals,
 *    fed an sdn.xml generated from the loaded data.
 * Environment:
 *   BENCH_QUERIES (default 5000) — queries for throughput and latency;
 *   BENCH_EXHAUSTIVE_EVERY (default 10) — the brute-force reference costs ~1 s a query, so by
 *     default it runs on every 10th of the same queries (500); 1 runs it on all of them;
 *   BENCH_PEER_QUERIES (default 60);
 *   BENCH_SCREENING_DB — reuse a store with the lists loaded instead of loading a fresh one.
 * Run `npm run build` first: the children use dist/.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchContext, BenchOutcome } from './lib/measure.js';
import { mb, missingBuild, NO_DATA, percentile, REPO_ROOT, runChild, secs, stats, table, verdict } from './lib/measure.js';
import type { BenchQuery } from './query-generator.js';

const CHILD = join(REPO_ROOT, 'bench', 'screening.child.ts');
const TARGET = { recall: 0.995, speedup: 50, qps: 2000, p50Ms: 2, rssMb: 1024 };
const WORKERS = 2;

const envNum = (name: string, fallback: number) => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
};
const f2 = (v: number) => v.toFixed(2);
const pct = (v: number) => `${(100 * v).toFixed(2)}%`;

interface IndexRun {
  entries: number;
  lists: Record<string, string>;
  buildMs: number;
  indexMs: number;
  rssAfterBuildMb: number;
  wallMs: number;
  latencies: number[];
  matches: string[][];
}
type ExhaustiveRun = Array<{ i: number; indexMs: number; exhaustiveMs: number; index: string[]; exhaustive: Array<{ id: string; score: number }> }>;
type PeerRun = Array<{ found: boolean; ms: number }>;

export async function screeningBench(ctx: BenchContext): Promise<BenchOutcome> {
  if (!ctx.dataDir) return NO_DATA;
  const missing = missingBuild(ctx, 'service/index.js');
  if (missing) return missing;
  const tmp = mkdtempSync(join(tmpdir(), 'endtrace-screening-bench-'));
  try {
    let db = process.env.BENCH_SCREENING_DB ?? '';
    if (!db) {
      db = join(tmp, 'lists.db');
      const loaded = await runChild<{ wallMs: number; units: Array<{ source: string; status: string; entities: number }> }>(CHILD, ['load', ctx.dataDir, db]);
      ctx.log(`lists loaded in ${secs(loaded.result.wallMs)}: ${loaded.result.units.filter((u) => u.status === 'loaded').length} versions`);
    }
    const queriesFile = join(tmp, 'queries.json');
    const n = envNum('BENCH_QUERIES', 5000);

    // 1. Throughput, latency, build time and memory: one process, the queries one by one.
    const run = await runChild<IndexRun>(CHILD, ['index', db, queriesFile, String(n)]);
    const ix = run.result;
    const queries = JSON.parse(readFileSync(queriesFile, 'utf8')) as BenchQuery[];
    const lat = [...ix.latencies].sort((a, b) => a - b);
    const qps = (n / ix.wallMs) * 1000;
    const p50 = percentile(lat, 50);
    const p99 = percentile(lat, 99);
    ctx.log(`index: ${ix.entries.toLocaleString('en')} entities from ${Object.keys(ix.lists).length} lists; built in ${secs(ix.buildMs)} (of which scoring preparation and indexing ${secs(ix.indexMs)})`);
    ctx.log(table(
      ['queries', 'throughput', 'p50', 'p90', 'p99', 'max', 'RSS after build', 'peak RSS'],
      [[n, `${Math.round(qps).toLocaleString('en')} q/s`, `${f2(p50)} ms`, `${f2(percentile(lat, 90))} ms`, `${f2(p99)} ms`, `${f2(lat[lat.length - 1]!)} ms`, mb(ix.rssAfterBuildMb), mb(run.maxRssMb)]],
    ));
    const byKind = new Map<string, number[]>();
    queries.forEach((q, i) => byKind.set(q.kind, [...(byKind.get(q.kind) ?? []), ix.latencies[i]!]));
    ctx.log('');
    ctx.log(table(['query kind', 'n', 'p50', 'p99', 'with a match'], [...byKind].map(([k, v]) => {
      const s = [...v].sort((a, b) => a - b);
      const matched = queries.filter((q, i) => q.kind === k && ix.matches[i]!.length > 0).length;
      return [k, v.length, `${f2(percentile(s, 50))} ms`, `${f2(percentile(s, 99))} ms`, pct(matched / v.length)];
    })));

    // 2. Recall against the brute-force reference, on every k-th query, two processes.
    const every = envNum('BENCH_EXHAUSTIVE_EVERY', 10);
    ctx.log(`\nexhaustive reference on every ${every === 1 ? '' : `${every}th `}query (${Math.ceil(n / every)}), ${WORKERS} processes…`);
    const parts = await Promise.all(Array.from({ length: WORKERS }, (_, w) => runChild<ExhaustiveRun>(CHILD, ['exhaustive', db, queriesFile, String(every), String(w), String(WORKERS)])));
    const ex = parts.flatMap((p) => p.result).sort((a, b) => a.i - b.i);
    let expected = 0;
    let found = 0;
    const missed: string[] = [];
    for (const r of ex) {
      const got = new Set(r.index);
      for (const m of r.exhaustive.slice(0, 25)) {
        expected++;
        if (got.has(m.id)) found++;
        else missed.push(`"${queries[r.i]!.name}" (${queries[r.i]!.schema}) → ${m.id} ${m.score.toFixed(3)}`);
      }
    }
    const recall = expected ? found / expected : 1;
    const exMs = stats(ex.map((r) => r.exhaustiveMs));
    const idxMs = stats(ex.map((r) => r.indexMs));
    const speedup = exMs.mean / idxMs.mean;
    ctx.log(table(
      ['queries', 'exhaustive matches', 'found by the index', 'recall', 'exhaustive mean', 'index mean', 'speed ratio'],
      [[ex.length, expected, found, pct(recall), `${Math.round(exMs.mean)} ms`, `${f2(idxMs.mean)} ms`, `${Math.round(speedup)}×`]],
    ));
    if (missed.length) ctx.log(`missed (first 10):\n  ${missed.slice(0, 10).join('\n  ')}`);
    const perQueryAgree = ex.filter((r) => (r.exhaustive[0]?.id ?? null) === (r.index[0] ?? null)).length;
    ctx.log(`same best match (or none) as exhaustive: ${perQueryAgree}/${ex.length}`);

    // 3. The peer.
    const peerN = envNum('BENCH_PEER_QUERIES', 60);
    const xml = join(tmp, 'sdn.xml');
    const peerQueries = join(tmp, 'peer-queries.json');
    const prep = await runChild<{ individuals: number; queries: number }>(CHILD, ['peer-prep', db, xml, peerQueries, String(peerN)]);
    const ours = await runChild<PeerRun>(CHILD, ['peer-ours', db, peerQueries]);
    const peer = await runChild<PeerRun>(CHILD, ['peer-ofac', xml, peerQueries]);
    const pq = JSON.parse(readFileSync(peerQueries, 'utf8')) as Array<{ kind: string }>;
    const peerRow = (name: string, r: ChildRun<PeerRun>) => {
      const share = (kind: string) => {
        const rows = r.result.filter((_, i) => pq[i]!.kind === kind);
        return `${rows.filter((x) => x.found).length}/${rows.length}`;
      };
      const s = stats(r.result.map((x) => x.ms));
      return [name, share('exact'), share('typo'), `${f2(s.mean)} ms`, `${f2(s.p50)} ms`, mb(r.maxRssMb)];
    };
    ctx.log(`\npeer: npm \`ofac\` 1.0.21 on a generated sdn.xml of ${prep.result.individuals.toLocaleString('en')} SDN individuals, ${peerN} first/last-name queries (half exact, half with one typo in the last name)`);
    ctx.log(table(['engine', 'found (exact)', 'found (typo)', 'mean per query', 'p50', 'peak RSS'], [peerRow('endtrace', ours), peerRow('ofac', peer)]));
    const peerRatio = stats(peer.result.map((x) => x.ms)).mean / stats(ours.result.map((x) => x.ms)).mean;
    ctx.log(`endtrace is ${Math.round(peerRatio).toLocaleString('en')}× faster per query (measured in the same run; the peer's time is per search, which rereads the file)`);

    const peakRss = Math.max(run.maxRssMb, ...parts.map((p) => p.maxRssMb));
    const checks = [
      [verdict('index recall', pct(recall), `≥ ${pct(TARGET.recall)}`, recall >= TARGET.recall), recall >= TARGET.recall],
      [verdict('speed ratio to exhaustive', `${Math.round(speedup)}×`, `≥ ${TARGET.speedup}×`, speedup >= TARGET.speedup), speedup >= TARGET.speedup],
      [verdict('throughput', `${Math.round(qps)} q/s`, `≥ ${TARGET.qps} q/s`, qps >= TARGET.qps), qps >= TARGET.qps],
      [verdict('p50 latency', `${f2(p50)} ms`, `< ${TARGET.p50Ms} ms`, p50 < TARGET.p50Ms), p50 < TARGET.p50Ms],
      [verdict('peak RSS', mb(run.maxRssMb), `< ${TARGET.rssMb} MB`, run.maxRssMb < TARGET.rssMb), run.maxRssMb < TARGET.rssMb],
    ] as const;
    ctx.log('');
    for (const [line] of checks) ctx.log(line);
    return {
      pass: checks.every(([, ok]) => ok),
      result: {
        entities: ix.entries,
        lists: ix.lists,
        buildMs: ix.buildMs,
        indexMs: ix.indexMs,
        queries: n,
        qps,
        latencyMs: { p50, p90: percentile(lat, 90), p99, max: lat[lat.length - 1] },
        rssMb: { afterBuild: ix.rssAfterBuildMb, peak: run.maxRssMb, exhaustivePeak: peakRss },
        recall: { queries: ex.length, every, expected, found, recall, missed, exhaustiveMeanMs: exMs.mean, indexMeanMs: idxMs.mean, speedup },
        peer: {
          package: 'ofac@1.0.21',
          individuals: prep.result.individuals,
          endtrace: { found: ours.result.filter((x) => x.found).length, meanMs: stats(ours.result.map((x) => x.ms)).mean, rssMb: ours.maxRssMb },
          ofac: { found: peer.result.filter((x) => x.found).length, meanMs: stats(peer.result.map((x) => x.ms)).mean, rssMb: peer.maxRssMb },
          queries: peerN,
          speedRatio: peerRatio,
        },
      },
    };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

type ChildRun<T> = { result: T; maxRssMb: number };

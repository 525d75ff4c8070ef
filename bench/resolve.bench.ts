/**
 * Entity resolution (issue 5 §4): every party of a generated data set (fictional companies and
 * people in trade, customs, ownership and travel records) against every list entity loaded from
 * ../shared/data (plus the data set's own fictional list):
 *  - the blocked resolver as shipped — candidates from the screening engine's index, each scored
 *    by the matcher — timed over all parties, with the pairs it scored;
 *  - the all-pairs reference — every party scored against every list entity — on a sample of
 *    parties (it costs over a second a party): the parties the generator's ground truth names
 *    (where the true matches are; up to BENCH_RESOLVE_NAMED) and BENCH_RESOLVE_RANDOM others;
 *    each sampled party is run through both, side by side in the same process, in two processes;
 *  - recall: the share of the reference's matches (score ≥ 0.7, the `resolve candidates`
 *    default) the blocked resolver also finds, on the sample;
 *  - the shipped use cases end to end (`resolve auto`, `resolve candidates` over the records),
 *    and peak RSS.
 * Environment:
 *   BENCH_RESOLVE_COMPANIES (default 3000), BENCH_RESOLVE_SHIPMENTS (default 20000), BENCH_RESOLVE_SEED (7);
 *   BENCH_RESOLVE_NAMED (default 60), BENCH_RESOLVE_RANDOM (default 12) — the all-pairs sample;
 *   BENCH_RESOLVE_DB + BENCH_RESOLVE_GEN — reuse a store prepared by an earlier run (and its
 *     generated folder) instead of loading the lists and the data set again.
 * Run `npm run build` first: the children use dist/.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchContext, BenchOutcome } from './lib/measure.js';
import { mb, missingBuild, NO_DATA, REPO_ROOT, runChild, secs, stats, table, verdict } from './lib/measure.js';
import type { BlockedRun, PreparedRun, ReferenceRow, UseCasesRun } from './resolve.child.js';

const CHILD = join(REPO_ROOT, 'bench', 'resolve.child.ts');
const WORKERS = 2;
const TARGET = { recall: 0.95, comparedShare: 0.01, rssMb: 1536 };

const envNum = (name: string, fallback: number) => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
};
const pct = (v: number) => `${(100 * v).toFixed(2)}%`;
const int = (v: number) => Math.round(v).toLocaleString('en');

export async function resolveBench(ctx: BenchContext): Promise<BenchOutcome> {
  if (!ctx.dataDir) return NO_DATA;
  const missing = missingBuild(ctx, 'resolve/index.js');
  if (missing) return missing;
  const tmp = mkdtempSync(join(tmpdir(), 'endtrace-resolve-bench-'));
  try {
    const seed = envNum('BENCH_RESOLVE_SEED', 7);
    const companies = envNum('BENCH_RESOLVE_COMPANIES', 3000);
    const shipments = envNum('BENCH_RESOLVE_SHIPMENTS', 20_000);
    const maxNamed = envNum('BENCH_RESOLVE_NAMED', 60);
    const nRandom = envNum('BENCH_RESOLVE_RANDOM', 12);
    let db = process.env.BENCH_RESOLVE_DB ?? '';
    let gen = process.env.BENCH_RESOLVE_GEN ?? '';
    let prepared: PreparedRun | null = null;
    if (!db || !gen) {
      db = join(tmp, 'store.db');
      gen = join(tmp, 'generated');
      const p = await runChild<PreparedRun>(CHILD, ['prepare', ctx.dataDir, db, gen, String(seed), String(companies), String(shipments)]);
      prepared = p.result;
      ctx.log(`prepared in ${secs(p.result.wallMs)} (lists ${secs(p.result.listsMs)}): ${p.result.units.map((u) => `${u.source} ${int(u.entities)}`).join(', ')}`);
    } else {
      ctx.log(`reusing ${db} and ${gen}`);
    }

    // 1. The blocked resolver over every party, and the shipped use cases.
    const sampleFile = join(tmp, 'sample.json');
    const b = await runChild<BlockedRun>(CHILD, ['blocked', db, sampleFile, String(maxNamed), String(nRandom), String(seed), gen]);
    const br = b.result;
    const allPairs = br.parties * br.lists;
    ctx.log(`\n${int(br.parties)} parties (seed ${seed}, ${int(companies)} companies, ${int(shipments)} shipments) against ${int(br.lists)} list entities; entities read and prepared in ${secs(br.loadMs)}, index built in ${secs(br.indexMs)}`);
    ctx.log(table(
      ['resolver', 'pairs scored', 'share of all pairs', 'time', 'per party', 'matches (≥ 0.7)'],
      [['blocked (index)', int(br.compared), pct(br.compared / allPairs), secs(br.scoreMs), `${(br.scoreMs / br.parties).toFixed(2)} ms`, int(br.found)]],
    ));
    ctx.log(`peak RSS ${mb(b.maxRssMb)} (${mb(br.rssAfterIndexMb)} after the index was built)`);

    // 2. The all-pairs reference on the sample, side by side with the blocked search.
    ctx.log(`\nall-pairs reference on ${Math.min(maxNamed, br.named) + nRandom} sampled parties (${Math.min(maxNamed, br.named)} of the ${br.named} named by the ground truth, ${nRandom} others), ${WORKERS} processes…`);
    const parts = await Promise.all(Array.from({ length: WORKERS }, (_, w) => runChild<ReferenceRow[]>(CHILD, ['reference', db, sampleFile, String(w), String(WORKERS)])));
    const rows = parts.flatMap((p) => p.result);
    const recallOf = (subset: ReferenceRow[], threshold = 0.7) => {
      let expected = 0;
      let found = 0;
      const missed: string[] = [];
      for (const r of subset) {
        const got = new Set(r.blocked.filter((x) => x.score >= threshold).map((x) => x.id));
        for (const m of r.allPairs) {
          if (m.score < threshold) continue;
          expected++;
          if (got.has(m.id)) found++;
          else missed.push(`${r.id} → ${m.id} ${m.score.toFixed(3)}`);
        }
      }
      return { expected, found, recall: expected ? found / expected : 1, missed };
    };
    const all = recallOf(rows);
    const named = recallOf(rows.filter((r) => r.named));
    const random = recallOf(rows.filter((r) => !r.named));
    // At the matcher's own match threshold (0.75), for comparison.
    const strict = recallOf(rows, 0.75);
    const allMs = stats(rows.map((r) => r.allPairsMs));
    const blkMs = stats(rows.map((r) => r.blockedMs));
    const speedup = allMs.mean / blkMs.mean;
    const blockedCompared = rows.reduce((n, r) => n + r.blockedCompared, 0);
    const allCompared = rows.reduce((n, r) => n + r.allPairsCompared, 0);
    ctx.log(table(
      ['sample', 'parties', 'all-pairs matches', 'found by blocked', 'recall'],
      [
        ['named by the ground truth', rows.filter((r) => r.named).length, named.expected, named.found, pct(named.recall)],
        ['random', rows.filter((r) => !r.named).length, random.expected, random.found, pct(random.recall)],
        ['all', rows.length, all.expected, all.found, pct(all.recall)],
        ['all, at the matcher’s threshold 0.75', rows.length, strict.expected, strict.found, pct(strict.recall)],
      ],
    ));
    ctx.log(table(
      ['per sampled party', 'pairs scored', 'mean time', 'p50', 'max'],
      [
        ['all pairs', int(allCompared / rows.length), `${Math.round(allMs.mean)} ms`, `${Math.round(allMs.p50)} ms`, `${Math.round(allMs.max)} ms`],
        ['blocked', (blockedCompared / rows.length).toFixed(1), `${blkMs.mean.toFixed(2)} ms`, `${blkMs.p50.toFixed(2)} ms`, `${blkMs.max.toFixed(2)} ms`],
      ],
    ));
    const extrapolatedMs = allMs.mean * br.parties;
    ctx.log(`blocked is ${int(speedup)}× faster per party (same process, same parties); all pairs for all ${int(br.parties)} parties: ${int(allPairs)} pairs, ~${secs(extrapolatedMs)} extrapolated from the sample (one core), against ${secs(br.scoreMs)} blocked`);
    if (all.missed.length) ctx.log(`missed (first 10):\n  ${all.missed.slice(0, 10).join('\n  ')}`);

    // 3. The shipped use cases end to end, in a process of their own.
    const u = await runChild<UseCasesRun>(CHILD, ['usecases', db]);
    const uc = u.result;
    ctx.log(`\nresolve auto: ${int(uc.auto.linked)} linked, ${int(uc.auto.kept)} kept, ${int(uc.auto.refused)} refused, ${int(uc.auto.clusters)} clusters, in ${secs(uc.auto.ms)}`);
    ctx.log(`resolve candidates --source <each records dataset>: ${int(uc.candidates.queries)} queries, ${int(uc.candidates.compared)} pairs scored, ${int(uc.candidates.total)} proposed, in ${secs(uc.candidates.ms)}; peak RSS ${mb(u.maxRssMb)}`);

    const peakRss = Math.max(b.maxRssMb, u.maxRssMb, ...parts.map((p) => p.maxRssMb));
    const share = br.compared / allPairs;
    const checks = [
      [verdict('recall of all-pairs matches', pct(all.recall), `≥ ${pct(TARGET.recall)}`, all.recall >= TARGET.recall), all.recall >= TARGET.recall],
      [verdict('pairs scored', pct(share), `≤ ${pct(TARGET.comparedShare)} of all pairs`, share <= TARGET.comparedShare), share <= TARGET.comparedShare],
      [verdict('peak RSS', mb(peakRss), `< ${TARGET.rssMb} MB`, peakRss < TARGET.rssMb), peakRss < TARGET.rssMb],
    ] as const;
    ctx.log('');
    for (const [line] of checks) ctx.log(line);
    return {
      pass: checks.every(([, ok]) => ok),
      result: {
        sizes: { seed, companies, shipments },
        prepared,
        parties: br.parties,
        listEntities: br.lists,
        blocked: { compared: br.compared, allPairs, share, scoreMs: br.scoreMs, loadMs: br.loadMs, indexMs: br.indexMs, matches: br.found, rssMb: b.maxRssMb, rssAfterIndexMb: br.rssAfterIndexMb },
        useCases: { ...uc, rssMb: u.maxRssMb },
        reference: {
          sample: rows.length,
          recall: { all: all.recall, named: named.recall, random: random.recall, at075: strict.recall, expected: all.expected, found: all.found, missed: all.missed },
          perParty: { allPairsMeanMs: allMs.mean, blockedMeanMs: blkMs.mean, speedup, allPairsCompared: allCompared / rows.length, blockedCompared: blockedCompared / rows.length },
          extrapolatedAllPairsMs: extrapolatedMs,
          rssMb: parts.map((p) => p.maxRssMb),
        },
        peakRssMb: peakRss,
      },
    };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

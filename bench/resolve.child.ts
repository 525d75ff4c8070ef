/**
 * The measured side of resolve.bench.ts; each mode runs in its own process, so that its time and
 * peak RSS are its own. Uses the built code (dist/), as the CLI does.
 *   prepare DATA_DIR DB GEN_DIR SEED COMPANIES SHIPMENTS
 *       every list under DATA_DIR into a new SQLite store at DB; a synthetic data set into
 *       GEN_DIR, its fictional list loaded as `synthetic-list`, its trade, Russian customs,
 *       ownership and travel records ingested
 *   blocked DB SAMPLE_OUT MAX_NAMED N_RANDOM SEED GEN_DIR
 *       every ingested party against every list entity through the candidate index (no
 *       judgements applied, no context: the matcher's own score, as the reference has it); picks
 *       the sample of parties for the reference — up to MAX_NAMED parties the generator's ground
 *       truth names (where the true matches are) and N_RANDOM others — and writes it to SAMPLE_OUT
 *   usecases DB
 *       the shipped use cases end to end: `resolve auto`, then `resolve candidates` over the
 *       ingested records (judgements applied, context read)
 *   reference DB SAMPLE W K
 *       for the sampled parties i ≡ W (mod K): every list entity scored (all pairs), and the
 *       blocked search for the same party timed side by side
 * Prints one JSON line (lib/measure.ts reportChild).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as MatchingApi from '../src/matching/index.js';
import type * as ResolveApi from '../src/resolve/index.js';
import type * as Service from '../src/service/index.js';
import type * as StoreApi from '../src/store/index.js';
import type { GroundTruth } from '../src/synthetic/index.js';
import { REPO_ROOT, reportChild } from './lib/measure.js';
import { prng } from './query-generator.js';

const dist = (path: string) => pathToFileURL(join(REPO_ROOT, 'dist', path)).href;
const service = async () => (await import(dist('service/index.js'))) as typeof Service;
const storeApi = async () => (await import(dist('store/index.js'))) as typeof StoreApi;
const resolveApi = async () => (await import(dist('resolve/index.js'))) as typeof ResolveApi;
const matching = async () => (await import(dist('matching/index.js'))) as typeof MatchingApi;

/** A pair is a match at or above this score (the default of `resolve candidates`). */
export const MATCH = 0.7;
/** Candidates taken from the index per party (the shipped default). */
const PER_QUERY = 20;

export interface SampleParty {
  id: string;
  caption: string;
  /** Named in the generator's ground truth (a listed party's or a look-alike's record). */
  named: boolean;
}

export interface PreparedRun {
  wallMs: number;
  listsMs: number;
  units: Array<{ source: string; entities: number }>;
  ingested: Record<string, number>;
}

async function prepare(dataDir: string, db: string, genDir: string, seed: number, companies: number, shipments: number): Promise<PreparedRun> {
  const { generateDataset, ingestRecords, loadLists } = await service();
  const { SqliteStore } = await storeApi();
  mkdirSync(dirname(db), { recursive: true });
  const store = new SqliteStore(db);
  try {
    const t0 = performance.now();
    await loadLists(store, dataDir, {});
    const listsMs = performance.now() - t0;
    await generateDataset({ seed, companies, shipments, out: genDir });
    await loadLists(store, join(genDir, 'listed.ftm.json'), { dataset: 'synthetic-list' });
    const ingested: Record<string, number> = {};
    for (const [kind, file, mapping] of [['trade', 'trade.csv', undefined], ['trade', 'trade-ru.csv', 'ru-customs'], ['ownership', 'ownership.csv', undefined], ['travel', 'travel.csv', undefined]] as const) {
      const r = await ingestRecords(store, { kind, path: join(genDir, file), mapping });
      ingested[r.dataset] = r.loaded;
    }
    const units = (await store.activeVersions()).map((v) => ({ source: v.source, entities: v.entities }));
    return { wallMs: performance.now() - t0, listsMs, units, ingested };
  } finally {
    await store.close();
  }
}

export interface BlockedRun {
  lists: number;
  parties: number;
  loadMs: number;
  indexMs: number;
  scoreMs: number;
  compared: number;
  /** Pairs found at or above MATCH. */
  found: number;
  /** Parties named by the ground truth. */
  named: number;
  rssAfterIndexMb: number;
}

export interface UseCasesRun {
  auto: { ms: number; linked: number; kept: number; refused: number; clusters: number };
  candidates: { ms: number; total: number; compared: number; queries: number };
}

/** The shipped use cases end to end: `resolve auto`, then `resolve candidates` over the records (with context). */
async function useCases(db: string): Promise<UseCasesRun> {
  const { autoResolve, resolveCandidates, sourceRoles } = await service();
  const { SqliteStore } = await storeApi();
  const store = new SqliteStore(db);
  try {
    let t = performance.now();
    const auto = await autoResolve(store);
    const autoMs = performance.now() - t;
    const recordSources = [...(await sourceRoles(store)).entries()].filter(([, r]) => r === 'records').map(([s]) => s);
    t = performance.now();
    const cands = await resolveCandidates(store, { sources: recordSources, limit: 1, minScore: MATCH });
    const candMs = performance.now() - t;
    return {
      auto: { ms: autoMs, linked: auto.linked.length, kept: auto.kept, refused: auto.refused.length, clusters: auto.clusters },
      candidates: { ms: candMs, total: cands.total, compared: cands.compared, queries: cands.queries },
    };
  } finally {
    await store.close();
  }
}

async function blocked(db: string, sampleOut: string, maxNamed: number, nRandom: number, seed: number, genDir: string): Promise<BlockedRun> {
  const { loadResolveData } = await service();
  const { CandidateFinder, ResolverGraph } = await resolveApi();
  const { SqliteStore } = await storeApi();
  const store = new SqliteStore(db);
  try {
    let t = performance.now();
    const data = await loadResolveData(store, { prepare: true });
    const loadMs = performance.now() - t;
    const lists = [...data.entities.values()].filter((e) => e.role === 'list');
    const parties = [...data.entities.values()].filter((e) => e.role === 'record' && e.prepared.names.length > 0);
    t = performance.now();
    const finder = new CandidateFinder(lists);
    const indexMs = performance.now() - t;
    const rssAfterIndexMb = process.memoryUsage().rss / 2 ** 20;
    const graph = new ResolverGraph([]);
    t = performance.now();
    let found = 0;
    for (const q of parties) found += finder.find(q, { graph, minScore: MATCH, perQuery: PER_QUERY }).length;
    const scoreMs = performance.now() - t;
    // The sample for the reference: parties the ground truth names (where true matches are), then random ones.
    const truth = JSON.parse(readFileSync(join(genDir, 'ground-truth.json'), 'utf8')) as GroundTruth;
    const truthNames = new Set(truth.parties.flatMap((p) => p.names));
    const named = parties.filter((p) => truthNames.has(p.caption)).sort((a, b) => a.id.localeCompare(b.id));
    const rand = prng(seed);
    const pick = <T>(xs: T[], n: number): T[] => {
      const pool = [...xs];
      const out: T[] = [];
      while (out.length < n && pool.length) out.push(pool.splice(Math.floor(rand() * pool.length), 1)[0]!);
      return out;
    };
    const fromTruth = pick(named, maxNamed);
    const taken = new Set(fromTruth.map((p) => p.id));
    const others = pick(parties.filter((p) => !taken.has(p.id)), nRandom);
    const sample: SampleParty[] = [...fromTruth.map((p) => ({ id: p.id, caption: p.caption, named: true })), ...others.map((p) => ({ id: p.id, caption: p.caption, named: false }))];
    writeFileSync(sampleOut, JSON.stringify(sample));
    return {
      lists: lists.length,
      parties: parties.length,
      loadMs,
      indexMs,
      scoreMs,
      compared: finder.compared,
      found,
      named: named.length,
      rssAfterIndexMb,
    };
  } finally {
    await store.close();
  }
}

export interface ReferenceRow {
  id: string;
  named: boolean;
  blockedMs: number;
  allPairsMs: number;
  blockedCompared: number;
  allPairsCompared: number;
  blocked: Array<{ id: string; score: number }>;
  allPairs: Array<{ id: string; score: number }>;
}

async function reference(db: string, sampleFile: string, worker: number, workers: number): Promise<ReferenceRow[]> {
  const { loadResolveData } = await service();
  const { CandidateFinder, ResolverGraph } = await resolveApi();
  const { scoreEntity } = await matching();
  const { SqliteStore } = await storeApi();
  const store = new SqliteStore(db);
  const sample = JSON.parse(readFileSync(sampleFile, 'utf8')) as SampleParty[];
  try {
    const data = await loadResolveData(store, { prepare: true });
    const lists = [...data.entities.values()].filter((e) => e.role === 'list');
    const finder = new CandidateFinder(lists);
    const graph = new ResolverGraph([]);
    // Warm-up (JIT) on parties outside the sample.
    const inSample = new Set(sample.map((s) => s.id));
    const warm = [...data.entities.values()].filter((e) => e.role === 'record' && !inSample.has(e.id)).slice(0, 30);
    for (const q of warm) {
      finder.find(q, { graph, minScore: MATCH, perQuery: PER_QUERY });
      for (const c of lists.slice(0, 500)) scoreEntity(q.prepared, c.prepared);
    }
    const out: ReferenceRow[] = [];
    sample.forEach((s, i) => {
      if (i % workers !== worker) return;
      const q = data.entities.get(s.id)!;
      const before = finder.compared;
      let t = performance.now();
      const viaIndex = finder.find(q, { graph, minScore: MATCH, perQuery: PER_QUERY });
      const blockedMs = performance.now() - t;
      t = performance.now();
      const all: Array<{ id: string; score: number }> = [];
      for (const c of lists) {
        if (c.id === q.id) continue;
        const r = scoreEntity(q.prepared, c.prepared);
        if (r.score >= MATCH) all.push({ id: c.id, score: r.score });
      }
      const allPairsMs = performance.now() - t;
      out.push({
        id: s.id,
        named: s.named,
        blockedMs,
        allPairsMs,
        blockedCompared: finder.compared - before,
        allPairsCompared: lists.length - (lists.some((c) => c.id === q.id) ? 1 : 0),
        blocked: viaIndex.map((p) => ({ id: p.right, score: p.score })),
        allPairs: all.sort((a, b) => b.score - a.score),
      });
    });
    return out;
  } finally {
    await store.close();
  }
}

const [mode, ...args] = process.argv.slice(2);
if (mode === 'prepare') reportChild(await prepare(args[0]!, args[1]!, args[2]!, Number(args[3]), Number(args[4]), Number(args[5])));
else if (mode === 'blocked') reportChild(await blocked(args[0]!, args[1]!, Number(args[2]), Number(args[3]), Number(args[4]), args[5]!));
else if (mode === 'usecases') reportChild(await useCases(args[0]!));
else if (mode === 'reference') reportChild(await reference(args[0]!, args[1]!, Number(args[2]), Number(args[3])));
else {
  process.stderr.write(`unknown mode ${mode}\n`);
  process.exitCode = 2;
}

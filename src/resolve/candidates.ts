/**
 * Candidate pairs for review: blocking through the screening engine's candidate index (the
 * entities that share rare name-token keys or an identifier key with the query; see
 * matching/index/screening-index.ts), each candidate scored with the versioned matcher
 * (`scoreEntity`: names across scripts, legal forms, countries, dates, identifiers), then raised
 * by context evidence (context.ts). Pairs that already have a judgement — the same cluster, or
 * a negative or unsure edge between the two clusters — are never proposed (nomenklatura's
 * check_candidate), and a pair of clusters is proposed once, by its best-scoring pair of ids.
 *
 * The queries are ingested parties (against every list entity) and list entities (against the
 * entities of other lists). `compared` counts the pairs scored, for the benchmark against
 * scoring every pair (bench/resolve.bench.ts).
 */
import { ALGORITHM, ScreeningIndex, scoreEntity } from '../matching/index.js';
import type { Explanation, IndexEntry, PreparedEntity } from '../matching/index.js';
import { model } from '../model/index.js';
import { CONTEXT_DEFAULTS, combineScore } from './context.js';
import type { ContextBook, ContextEvidence } from './context.js';
import type { ResolverGraph } from './resolver-graph.js';
import { pairKey } from './resolver-graph.js';

export type RecordRole = 'list' | 'record' | 'mention';

/** An entity taking part in resolution, as the matcher sees it. */
export interface ResolveRecord {
  id: string;
  schema: string;
  caption: string;
  /** Sources (datasets) whose active versions hold it. */
  datasets: string[];
  role: RecordRole;
  prepared: PreparedEntity;
}

export interface CandidatePair {
  /** The query side: an ingested party, or the lesser id of two list entities. */
  left: string;
  right: string;
  /** The matcher's score raised by the context, in [0, 1]. */
  score: number;
  /** The matcher's own score. */
  matchScore: number;
  algorithm: string;
  explanations: Record<string, Explanation>;
  context: ContextEvidence[];
}

export const CANDIDATE_DEFAULTS = {
  /** Pairs below this final score are not proposed. */
  minScore: 0.7,
  /** Entities per query taken from the index and scored. */
  perQuery: 20,
};

export interface FindOptions {
  graph: ResolverGraph;
  context?: ContextBook | undefined;
  minScore?: number | undefined;
  perQuery?: number | undefined;
  /** Only candidates in one of these datasets (all when absent). */
  datasets?: ReadonlySet<string> | undefined;
}

/** The list entities in the screening engine's candidate index, and the queries against it. */
export class CandidateFinder {
  private readonly index = new ScreeningIndex();
  /** Pairs scored with the full matcher so far. */
  compared = 0;

  constructor(lists: Iterable<ResolveRecord>) {
    for (const r of lists) {
      if (!r.prepared.names.length && !r.prepared.identifiers.length) continue;
      this.index.add({ id: r.id, caption: r.caption, schema: r.schema, datasets: r.datasets, prepared: r.prepared });
    }
    this.index.freeze();
  }

  get size(): number {
    return this.index.size;
  }

  /**
   * The candidates of one query: list entities of a compatible schema, in other lists when the
   * query is itself a list entity, not yet judged against it; best first.
   */
  find(q: ResolveRecord, opts: FindOptions): CandidatePair[] {
    const { graph } = opts;
    const minScore = opts.minScore ?? CANDIDATE_DEFAULTS.minScore;
    const own = q.role === 'list' ? new Set(q.datasets) : null;
    const compatible = new Map<string, boolean>();
    const accept = (e: IndexEntry): boolean => {
      if (e.id === q.id) return false;
      if (own && e.datasets.every((d) => own.has(d))) return false;
      if (opts.datasets && !e.datasets.some((d) => opts.datasets!.has(d))) return false;
      let ok = compatible.get(e.schema);
      if (ok === undefined) {
        ok = model.compatible(q.schema, e.schema);
        compatible.set(e.schema, ok);
      }
      return ok && graph.judgementOf(q.id, e.id) === null;
    };
    const ids = this.index.candidates(q.prepared, opts.perQuery ?? CANDIDATE_DEFAULTS.perQuery, accept);
    const out: CandidatePair[] = [];
    for (const i of ids) {
      const entry = this.index.entry(i);
      const result = scoreEntity(q.prepared, entry.prepared);
      this.compared++;
      if (result.score < Math.min(minScore, CONTEXT_DEFAULTS.floor)) continue;
      const context = result.score >= CONTEXT_DEFAULTS.floor && opts.context ? opts.context.evidence(q.id, entry.id) : [];
      const score = combineScore(result.score, context);
      if (score < minScore) continue;
      const swap = q.role === 'list' && entry.id < q.id;
      out.push({ left: swap ? entry.id : q.id, right: swap ? q.id : entry.id, score, matchScore: result.score, algorithm: ALGORITHM, explanations: result.explanations, context });
    }
    return out.sort(byScore);
  }
}

export function byScore(a: CandidatePair, b: CandidatePair): number {
  return b.score - a.score || (a.left < b.left ? -1 : a.left > b.left ? 1 : 0) || (a.right < b.right ? -1 : a.right > b.right ? 1 : 0);
}

/**
 * One pair per pair of clusters (the best), each pair of ids once, best first: what the
 * queries found, ready to show.
 */
export function collectCandidates(found: Iterable<CandidatePair>, graph: ResolverGraph): CandidatePair[] {
  const best = new Map<string, CandidatePair>();
  for (const p of found) {
    const key = pairKey(graph.canonical(p.left), graph.canonical(p.right));
    const seen = best.get(key);
    if (!seen || byScore(p, seen) < 0) best.set(key, p);
  }
  return [...best.values()].sort(byScore);
}

/**
 * Screening: the candidate index built from the store's active list versions, kept in step with
 * them (a source whose active version changed is re-indexed on the next query), and the use
 * cases on top — one query, a batch, pairwise comparison. Every response is stamped with the
 * algorithm and the list versions it used, so that a decision can be reproduced.
 */
import { ALGORITHM, DEFAULT_THRESHOLD, ScreeningIndex, entityInput, prepareEntity, scoreEntity } from '../matching/index.js';
import type { Explanation, IndexEntry, MatchInput, SearchOptions } from '../matching/index.js';
import { countryCode, model, usageError } from '../model/index.js';
import type { Store } from '../store/index.js';

export interface ScreenQuery {
  schema?: string | undefined;
  name?: string | readonly string[] | undefined;
  birthDate?: string | readonly string[] | undefined;
  country?: string | readonly string[] | undefined;
  id?: string | readonly string[] | undefined;
  /** Any other FtM properties. */
  properties?: Record<string, readonly string[]> | undefined;
}

export interface ScreenHit {
  id: string;
  caption: string;
  schema: string;
  source: string;
  datasets: string[];
  score: number;
  match: boolean;
  explanations: Record<string, Explanation>;
}

export interface ScreenResponse {
  query: MatchInput;
  algorithm: string;
  threshold: number;
  lists: Record<string, string>;
  results: ScreenHit[];
}

export interface ScreenOptions {
  limit?: number | undefined;
  threshold?: number | undefined;
  cutoff?: number | undefined;
  datasets?: readonly string[] | undefined;
  excludeDatasets?: readonly string[] | undefined;
  excludeIds?: readonly string[] | undefined;
}

const list = (v: string | readonly string[] | undefined): string[] => (v === undefined ? [] : typeof v === 'string' ? [v] : [...v]).map((x) => x.trim()).filter(Boolean);

/** A screening query as an FtM-shaped match input; the schema is checked. */
export function toMatchInput(q: ScreenQuery): MatchInput {
  const schema = q.schema ?? 'LegalEntity';
  const s = model.get(schema);
  if (!s) throw usageError(`unknown schema: ${schema}`, 'unknown_schema');
  const properties: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(q.properties ?? {})) properties[k] = [...v];
  const add = (prop: string, values: string[]) => {
    if (values.length) properties[prop] = [...(properties[prop] ?? []), ...values];
  };
  add('name', list(q.name));
  add('birthDate', list(q.birthDate));
  add('country', list(q.country));
  add('idNumber', list(q.id));
  if (!Object.values(properties).some((v) => v.length)) throw usageError('the query has no name or other property');
  return { schema, properties };
}

interface SourceState {
  versionId: number;
  version: string;
}

/** The index over a store's active versions, refreshed source by source when they change. */
export class ScreeningService {
  private index = new ScreeningIndex();
  private readonly indexed = new Map<string, SourceState>();
  private refreshing: Promise<void> | null = null;
  private checkedAt = 0;
  private lists: Record<string, string> = {};
  lastBuildMs = 0;

  /**
   * @param checkEveryMs how often, at most, to ask the store whether the active versions changed
   *   (0: on every query). Several processes over one PostgreSQL see a list update within this time.
   */
  constructor(
    private readonly store: Store,
    private readonly checkEveryMs = 0,
  ) {}

  /** Brings the index in line with the active versions; returns the versions used. */
  async refresh(): Promise<Record<string, string>> {
    if (this.refreshing) await this.refreshing;
    const now = Date.now();
    if (this.checkEveryMs > 0 && now - this.checkedAt < this.checkEveryMs && this.indexed.size) return this.lists;
    this.checkedAt = now;
    const active = await this.store.activeVersions();
    const stale = active.filter((v) => this.indexed.get(v.source)?.versionId !== v.id);
    const gone = [...this.indexed.keys()].filter((s) => !active.some((v) => v.source === s));
    if (stale.length || gone.length) {
      this.refreshing = this.rebuild(stale.map((v) => ({ source: v.source, state: { versionId: v.id, version: v.version } })), gone);
      try {
        await this.refreshing;
      } finally {
        this.refreshing = null;
      }
    }
    this.lists = Object.fromEntries([...this.indexed.entries()].map(([s, st]) => [s, st.version]).sort());
    return this.lists;
  }

  private async rebuild(changed: Array<{ source: string; state: SourceState }>, gone: string[]): Promise<void> {
    const t = performance.now();
    for (const source of [...gone, ...changed.map((c) => c.source)]) {
      this.index.removeDataset(source);
      this.indexed.delete(source);
    }
    for (const { source, state } of changed) {
      for await (const batch of this.store.iterateEntities({ targetOnly: true, sources: [source], batchSize: 2000 })) {
        for (const entity of batch) {
          const prepared = prepareEntity(entityInput(entity));
          if (!prepared.names.length && !prepared.identifiers.length) continue;
          this.index.add({ id: entity.id, caption: entity.caption, schema: entity.schema.name, datasets: [source], topics: entity.get('topics'), prepared });
        }
        // Let I/O through between batches (a synchronous store never leaves the microtask queue),
        // so a server answers /healthz and /readyz while its index builds.
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
      this.indexed.set(source, state);
    }
    this.index.freeze();
    this.lastBuildMs = performance.now() - t;
  }

  get size(): number {
    return this.index.size;
  }

  async screen(query: ScreenQuery, opts: ScreenOptions = {}): Promise<ScreenResponse> {
    return this.screenInput(toMatchInput(query), opts);
  }

  /** Screens an FtM-shaped query (the HTTP API's form). */
  async screenInput(input: MatchInput, opts: ScreenOptions = {}): Promise<ScreenResponse> {
    const lists = await this.refresh();
    return this.screenPrepared(input, lists, opts);
  }

  /** Screening without a refresh: for batches, where the index is refreshed once. */
  screenPrepared(input: MatchInput, lists: Record<string, string>, opts: ScreenOptions = {}): ScreenResponse {
    const threshold = opts.threshold ?? DEFAULT_THRESHOLD;
    const search: SearchOptions = {
      limit: opts.limit ?? 10,
      threshold,
      cutoff: opts.cutoff ?? 0.5,
      datasets: opts.datasets,
      excludeDatasets: opts.excludeDatasets,
      excludeIds: opts.excludeIds,
    };
    const hits = this.index.search(prepareEntity(input), search);
    return {
      query: input,
      algorithm: ALGORITHM,
      threshold,
      lists,
      results: hits.map(({ entry, result }) => ({
        id: entry.id,
        caption: entry.caption,
        schema: entry.schema,
        source: entry.datasets[0] ?? '',
        datasets: entry.datasets,
        score: result.score,
        match: result.match,
        explanations: result.explanations,
      })),
    };
  }

  /**
   * Text search over names (and identifiers), with filters and facet counts — the engine of
   * yente's `/search`: candidates from the index, ranked by the scoring algorithm.
   */
  async search(params: SearchParams): Promise<SearchPage> {
    const lists = await this.refresh();
    const schema = params.schema ? model.get(params.schema) : undefined;
    if (params.schema && !schema) throw usageError(`unknown schema: ${params.schema}`, 'unknown_schema');
    const countries = new Set(params.countries.map((c) => countryCode(c) ?? c.toLowerCase()));
    const topics = new Set(params.topics);
    const datasets = params.datasets.length ? new Set(params.datasets) : null;
    const exclude = new Set(params.excludeDatasets);
    const accept = (e: IndexEntry): boolean => {
      if (schema && !model.get(e.schema)?.isA(schema.name)) return false;
      if (datasets && !e.datasets.some((d) => datasets.has(d))) return false;
      if (exclude.size && e.datasets.every((d) => exclude.has(d))) return false;
      if (countries.size && !e.prepared.countries.some((c) => countries.has(c))) return false;
      if (topics.size && !(e.topics ?? []).some((t) => topics.has(t))) return false;
      return true;
    };
    let ranked: Array<{ entry: IndexEntry; score: number }>;
    const q = params.q.trim();
    if (q) {
      const properties: Record<string, string[]> = { name: [q] };
      if (/\d/.test(q) && /^[\p{L}\d .\-/]{5,40}$/u.test(q)) properties.idNumber = [q];
      const prepared = prepareEntity({ schema: schema?.name ?? 'Thing', properties });
      const ids = this.index.candidates(prepared, Math.min(500, Math.max(100, (params.offset + params.limit) * 4)), accept);
      ranked = ids
        .map((i) => this.index.entry(i))
        .map((entry) => ({ entry, score: scoreEntity(prepared, entry.prepared).score }))
        .filter((r) => r.score >= SEARCH_CUTOFF)
        .sort((a, b) => b.score - a.score || a.entry.caption.localeCompare(b.entry.caption));
    } else {
      ranked = [...this.index.live()].filter(accept).map((entry) => ({ entry, score: 1 })).sort((a, b) => a.entry.caption.localeCompare(b.entry.caption));
    }
    const seen = new Set<string>();
    ranked = ranked.filter((r) => (seen.has(r.entry.id) ? false : (seen.add(r.entry.id), true)));
    const facets: Record<string, Record<string, number>> = {};
    for (const f of params.facets) facets[f] = {};
    for (const { entry } of ranked) {
      const values: Record<string, string[]> = { countries: entry.prepared.countries, topics: entry.topics ?? [], datasets: entry.datasets, schema: [entry.schema] };
      for (const f of params.facets) for (const v of values[f] ?? []) facets[f]![v] = (facets[f]![v] ?? 0) + 1;
    }
    return { lists, total: ranked.length, hits: ranked.slice(params.offset, params.offset + params.limit), facets };
  }

  /** The index itself, for benchmarks. */
  get rawIndex(): ScreeningIndex {
    return this.index;
  }
}

/** Below this, a name is not a search hit. */
const SEARCH_CUTOFF = 0.35;

export interface SearchParams {
  q: string;
  schema?: string | undefined;
  countries: readonly string[];
  topics: readonly string[];
  datasets: readonly string[];
  excludeDatasets: readonly string[];
  limit: number;
  offset: number;
  facets: readonly string[];
}

export interface SearchPage {
  lists: Record<string, string>;
  total: number;
  hits: Array<{ entry: IndexEntry; score: number }>;
  /** Facet → value → count, over all hits (not only this page). */
  facets: Record<string, Record<string, number>>;
}

export interface ComparePair {
  schema: string;
  query: Record<string, readonly string[]>;
  candidate: Record<string, readonly string[]>;
}

export interface CompareResult {
  score: number;
  match: boolean;
  explanations: Record<string, Explanation>;
}

/** Scores pairs of entities (calibration): no store, no index. */
export function comparePairs(pairs: readonly ComparePair[], threshold = DEFAULT_THRESHOLD): CompareResult[] {
  return pairs.map((p) => {
    if (!model.get(p.schema)) throw usageError(`unknown schema: ${p.schema}`, 'unknown_schema');
    const q = prepareEntity({ schema: p.schema, properties: p.query });
    const c = prepareEntity({ schema: p.schema, properties: p.candidate });
    const r = scoreEntity(q, c, { threshold });
    return { score: r.score, match: r.match, explanations: r.explanations };
  });
}

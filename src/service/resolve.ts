/**
 * Entity resolution use cases (issue 5 §4), over the store's judgements (nomenklatura's resolver
 * model; the graph, keys and scoring live in src/resolve):
 * - `autoResolve`: entities sharing a strong identifier (INN, OGRN, USCC, IMO, LEI with valid
 *   check digits) are linked by 'auto' positive judgements of score 1 — list↔list,
 *   list↔records, records↔records, and identifiers mentioned in documents. Automatic links
 *   whose evidence is gone (both entities still exist but share no key) are withdrawn; an
 *   analyst's judgement is never replaced.
 * - `resolveCandidates`: unjudged pairs with a score and its explanation — every ingested party
 *   and document name against every list entity, and list entities against other lists.
 * - `judge` (an analyst's same / not same / unsure, both ids checked), `undo`, and `cluster`
 *   (the canonical id, the members and the judgements that connect them, with their evidence).
 * Judgements naming entities no longer in the store are kept, and reported.
 */
import { EndtraceError, notFound, usageError } from '../model/index.js';
import { CANDIDATE_DEFAULTS, CandidateFinder, ContextBook, ResolverGraph, collectCandidates, pairKey, planAutoLinks, sharedKeys } from '../resolve/index.js';
import type { AutoRefusal, CandidatePair, ContextEvidence, JudgementValue, RecordRole, ResolverEdge, SkippedEdge } from '../resolve/index.js';
import type { Explanation } from '../matching/index.js';
import type { EntityRecord, Judgement, Store } from '../store/index.js';
import { ROLE_RANK, keyedEntities, keysOfEntity, loadResolveData, roleOf, sourceRoles } from './resolve-data.js';
import type { ResolveData, SourceRole } from './resolve-data.js';

export interface ResolveProgress {
  (message: string): void;
}

const now = () => new Date().toISOString();

async function judgementGraph(store: Store, rank: (id: string) => number): Promise<{ graph: ResolverGraph; judgements: Judgement[] }> {
  const judgements = await store.listJudgements();
  return { graph: new ResolverGraph(judgements, { rank }), judgements };
}

const rankFrom = (data: ResolveData) => (id: string) => ROLE_RANK[data.entities.get(id)?.role ?? 'missing'];

/** Judgements naming ids the store no longer holds (kept, reported). */
async function danglingJudgements(store: Store, judgements: readonly Judgement[], known: (id: string) => boolean): Promise<{ judgements: Judgement[]; missing: string[] }> {
  const checked = new Map<string, boolean>();
  const exists = async (id: string) => {
    if (known(id)) return true;
    let e = checked.get(id);
    if (e === undefined) {
      e = (await store.getEntity(id)) !== null;
      checked.set(id, e);
    }
    return e;
  };
  const out: Judgement[] = [];
  for (const j of judgements) if (!(await exists(j.left)) || !(await exists(j.right))) out.push(j);
  return { judgements: out, missing: [...checked.entries()].filter(([, e]) => !e).map(([id]) => id).sort() };
}

// ---------------------------------------------------------------------------------------------
// resolve auto

export interface AutoLinkView {
  left: string;
  right: string;
  keys: string[];
}

export interface AutoResolveReport {
  /** Entities read (list entries, ingested parties, document mentions), and those with a strong key. */
  entities: number;
  keyed: number;
  /** Strong keys held by two or more entities. */
  sharedKeys: number;
  /** Automatic judgements stored by this run. */
  linked: AutoLinkView[];
  /** Automatic judgements already stored and still holding. */
  kept: number;
  /** Automatic judgements withdrawn: both entities exist and share no strong key any more. */
  withdrawn: Judgement[];
  /** Links not made, and why (an analyst's judgement, a Person and a Company, a suspect key). */
  refused: AutoRefusal[];
  /** Judgements naming entities no longer in the store (kept). */
  dangling: Judgement[];
  /** Judgements that contradict earlier ones and are not applied. */
  conflicts: SkippedEdge[];
  /** Clusters of two or more entities after the run. */
  clusters: number;
}

export async function autoResolve(store: Store, opts: { progress?: ResolveProgress; user?: string } = {}): Promise<AutoResolveReport> {
  const data = await loadResolveData(store, { progress: opts.progress });
  const keyed = keyedEntities(data);
  const keysOf = new Map(keyed.map((e) => [e.id, e.keys]));
  const { judgements } = await judgementGraph(store, rankFrom(data));
  // Automatic links whose evidence is gone are withdrawn before planning.
  const withdrawn: Judgement[] = [];
  let kept = 0;
  for (const j of judgements) {
    if (j.origin !== 'auto' || j.judgement !== 'positive' || !data.entities.has(j.left) || !data.entities.has(j.right)) continue;
    if (sharedKeys(keysOf.get(j.left) ?? [], keysOf.get(j.right) ?? []).length) kept++;
    else withdrawn.push(j);
  }
  for (const j of withdrawn) await store.deleteJudgement(j.left, j.right);
  const gone = new Set(withdrawn.map((j) => pairKey(j.left, j.right)));
  const remaining = judgements.filter((j) => !gone.has(pairKey(j.left, j.right)));
  const graph = new ResolverGraph(remaining, { rank: rankFrom(data) });
  opts.progress?.(`linking ${keyed.length.toLocaleString('en')} entities with strong identifiers`);
  const plan = planAutoLinks(keyed, graph, { now: now(), ...(opts.user ? { user: opts.user } : {}) });
  const linked: AutoLinkView[] = [];
  for (const link of plan.links) {
    if (await store.putJudgement(link.edge)) linked.push({ left: link.edge.left, right: link.edge.right, keys: link.keys });
  }
  const dangling = await danglingJudgements(store, remaining, (id) => data.entities.has(id));
  return {
    entities: data.entities.size,
    keyed: keyed.length,
    sharedKeys: plan.sharedKeys,
    linked,
    kept,
    withdrawn,
    refused: plan.refused,
    dangling: dangling.judgements,
    conflicts: graph.skipped,
    clusters: graph.clusters().length,
  };
}

// ---------------------------------------------------------------------------------------------
// resolve candidates

export interface EntityBrief {
  id: string;
  caption: string;
  schema: string;
  datasets: string[];
  role: RecordRole | 'missing';
  /** The canonical id of its cluster. */
  canonical: string;
}

export interface CandidateView {
  left: EntityBrief;
  right: EntityBrief;
  score: number;
  matchScore: number;
  algorithm: string;
  explanations: Record<string, Explanation>;
  context: ContextEvidence[];
}

export interface CandidatesOptions {
  limit?: number | undefined;
  minScore?: number | undefined;
  /** Only pairs with at least one side in one of these sources. */
  sources?: readonly string[] | undefined;
  /** Only the candidates of these entities (a list entity is then searched for on every other list). */
  ids?: readonly string[] | undefined;
  /** Entities per query taken from the index and scored (default CANDIDATE_DEFAULTS.perQuery). */
  perQuery?: number | undefined;
  progress?: ResolveProgress | undefined;
}

export interface CandidatesReport {
  candidates: CandidateView[];
  /** Pairs above the minimum score before `limit`. */
  total: number;
  /** Queries run and pairs scored by the matcher. */
  queries: number;
  compared: number;
  listEntities: number;
}

/** Entities taken from the index per list-entity query (list entries have many aliases each: scoring them costs more). */
const LIST_PER_QUERY = 10;

export async function resolveCandidates(store: Store, opts: CandidatesOptions = {}): Promise<CandidatesReport> {
  const minScore = opts.minScore ?? CANDIDATE_DEFAULTS.minScore;
  if (!(minScore >= 0 && minScore <= 1)) throw usageError(`--min-score must be a number from 0 to 1, not ${opts.minScore}`);
  const limit = opts.limit ?? 50;
  if (!Number.isInteger(limit) || limit < 1) throw usageError(`--limit must be a positive whole number, not ${opts.limit}`);
  const data = await loadResolveData(store, { context: true, prepare: true, progress: opts.progress });
  const only = opts.sources?.length ? new Set(opts.sources) : null;
  if (only) {
    const unknown = [...only].filter((s) => !data.roles.has(s));
    if (unknown.length) throw usageError(`--source: no active dataset named ${unknown.join(', ')} (see \`endtrace lists status\`)`);
  }
  const { graph } = await judgementGraph(store, rankFrom(data));
  const lists = [...data.entities.values()].filter((e) => e.role === 'list');
  const listSources = new Set([...data.roles.entries()].filter(([, r]) => r === 'list').map(([s]) => s));
  const finder = new CandidateFinder(lists);
  const book = new ContextBook(graph);
  for (const [id, ctx] of data.context) book.add(id, ctx);
  const wanted = opts.ids?.length ? new Set(opts.ids) : null;
  if (wanted) {
    const unknown = [...wanted].filter((id) => !data.entities.has(id));
    if (unknown.length) throw notFound(`no list entity, ingested party or document name with id ${unknown.join(', ')}`);
  }
  const queries = [...data.entities.values()].filter((e) => (!wanted || wanted.has(e.id)) && (e.prepared.names.length > 0 || e.prepared.identifiers.length > 0));
  opts.progress?.(`scoring ${queries.length.toLocaleString('en')} entities against ${finder.size.toLocaleString('en')} list entities`);
  // Lists are searched in one direction only: an entity of list A against the lists after A
  // (by name), so each pair of lists is compared once.
  const listOrder = [...listSources].sort();
  const after = new Map(listOrder.map((src, i) => [src, new Set(listOrder.slice(i + 1))]));
  const found: CandidatePair[] = [];
  let run = 0;
  const step = Math.max(1000, Math.ceil(queries.length / 20));
  for (let i = 0; i < queries.length; i++) {
    const q = queries[i]!;
    if (opts.progress && i > 0 && i % step === 0) opts.progress(`scored ${i.toLocaleString('en')} of ${queries.length.toLocaleString('en')} entities`);
    let targets: Set<string> | undefined = q.role === 'list' && !wanted ? new Set(q.datasets.flatMap((d) => [...(after.get(d) ?? [])])) : undefined;
    if (only && !q.datasets.some((d) => only.has(d))) targets = new Set([...(targets ?? listSources)].filter((d) => only.has(d)));
    if (targets && targets.size === 0) continue;
    run++;
    found.push(...finder.find(q, { graph, context: book, minScore, perQuery: opts.perQuery ?? (q.role === 'list' ? LIST_PER_QUERY : undefined), datasets: targets }));
  }
  const pairs = collectCandidates(found, graph);
  const brief = (id: string): EntityBrief => {
    const e = data.entities.get(id);
    return { id, caption: e?.caption ?? id, schema: e?.schema ?? 'Thing', datasets: e?.datasets ?? [], role: e?.role ?? 'missing', canonical: graph.canonical(id) };
  };
  return {
    candidates: pairs.slice(0, limit).map((p) => ({ left: brief(p.left), right: brief(p.right), score: p.score, matchScore: p.matchScore, algorithm: p.algorithm, explanations: p.explanations, context: p.context })),
    total: pairs.length,
    queries: run,
    compared: finder.compared,
    listEntities: finder.size,
  };
}

// ---------------------------------------------------------------------------------------------
// judge, undo, cluster

/** The graph of all judgements, ranking ids by the sources holding them (fetched on demand). */
class LazyRanks {
  private readonly ranks = new Map<string, number>();
  readonly records = new Map<string, EntityRecord | null>();

  constructor(
    private readonly store: Store,
    private readonly roles: Map<string, SourceRole>,
  ) {}

  readonly rank = (id: string): number => this.ranks.get(id) ?? ROLE_RANK.missing;

  async fetch(ids: Iterable<string>): Promise<void> {
    for (const id of ids) {
      if (this.records.has(id)) continue;
      const record = await this.store.getEntity(id);
      this.records.set(id, record);
      this.ranks.set(id, ROLE_RANK[roleOf(record, this.roles)]);
    }
  }
}

async function resolverState(store: Store): Promise<{ graph: ResolverGraph; ranks: LazyRanks }> {
  const ranks = new LazyRanks(store, await sourceRoles(store));
  const judgements = await store.listJudgements();
  return { graph: new ResolverGraph(judgements, { rank: ranks.rank }), ranks };
}

export interface JudgementView extends Judgement {
  /** Why the pair is linked: the strong keys both hold (auto), or who decided (analyst). */
  evidence: string[];
}

export interface ClusterMember {
  id: string;
  caption: string | null;
  schema: string | null;
  datasets: string[];
  role: RecordRole | 'missing';
  /** Strong keys (kind:value). */
  keys: string[];
  exists: boolean;
}

export interface ClusterView {
  id: string;
  canonical: string;
  members: ClusterMember[];
  /** The positive judgements that hold the cluster together, with their evidence. */
  judgements: JudgementView[];
  /** Negative and unsure judgements between this cluster and others. */
  constraints: JudgementView[];
  /** Judgements touching the members that contradict others and are not applied. */
  conflicts: Array<JudgementView & { reason: SkippedEdge['reason'] }>;
  /** Members no longer in the store (their judgements are kept). */
  missing: string[];
}

function keysOfRecord(record: EntityRecord | null | undefined): string[] {
  return record ? keysOfEntity(record.entity).map((k) => k.key) : [];
}

function evidenceOf(j: ResolverEdge, ranks: LazyRanks): string[] {
  if (j.origin === 'analyst') return [`${j.judgement === 'positive' ? 'same' : j.judgement === 'negative' ? 'not same' : 'unsure'}: judged by ${j.user ?? 'an analyst'} at ${j.createdAt}`];
  const a = new Set(keysOfRecord(ranks.records.get(j.left)));
  const shared = keysOfRecord(ranks.records.get(j.right)).filter((k) => a.has(k));
  if (shared.length) return shared.map((k) => `shared strong identifier ${k}`);
  return ['automatic link; its evidence is gone (run `endtrace resolve auto` to withdraw it)'];
}

async function clusterView(store: Store, graph: ResolverGraph, ranks: LazyRanks, id: string): Promise<ClusterView> {
  const members = graph.members(id);
  const constraints = graph.constraintsOf(id);
  const touching = new Set(members);
  const conflicts = graph.skipped.filter((s) => touching.has(s.edge.left) || touching.has(s.edge.right));
  await ranks.fetch([...members, ...constraints.flatMap((c) => [c.left, c.right]), ...conflicts.flatMap((c) => [c.edge.left, c.edge.right])]);
  const view = (j: ResolverEdge): JudgementView => ({ ...j, evidence: evidenceOf(j, ranks) });
  const sorted = graph.members(id);
  return {
    id,
    canonical: graph.canonical(id),
    members: sorted.map((m) => {
      const r = ranks.records.get(m) ?? null;
      return { id: m, caption: r?.entity.caption ?? null, schema: r?.entity.schema.name ?? null, datasets: r?.datasets ?? [], role: roleFromRank(ranks.rank(m)), keys: keysOfRecord(r), exists: r !== null };
    }),
    judgements: graph.clusterEdges(id).map(view),
    constraints: constraints.map(view),
    conflicts: conflicts.map((s) => ({ ...view(s.edge), reason: s.reason })),
    missing: sorted.filter((m) => !ranks.records.get(m)),
  };
}

function roleFromRank(rank: number): RecordRole | 'missing' {
  return rank === ROLE_RANK.list ? 'list' : rank === ROLE_RANK.record ? 'record' : rank === ROLE_RANK.mention ? 'mention' : 'missing';
}

/** The cluster of an id: canonical id, members, and the judgements connecting them. */
export async function cluster(store: Store, id: string): Promise<ClusterView> {
  const { graph, ranks } = await resolverState(store);
  if (graph.members(id).length === 1 && !graph.edgesOf(id).length) {
    await ranks.fetch([id]);
    if (!ranks.records.get(id)) throw notFound(`no entity and no judgement with id ${id}`);
  }
  return clusterView(store, graph, ranks, id);
}

export interface JudgeResult {
  judgement: Judgement;
  /** The judgement it replaced on the same pair, if any. */
  replaced: Judgement | null;
  /** Automatic judgements withdrawn because they contradict this one. */
  withdrawn: Judgement[];
  /** The clusters of the two ids after the judgement. */
  clusters: ClusterView[];
}

const WORDS: Record<JudgementValue, string> = { positive: 'same', negative: 'not same', unsure: 'unsure' };

function describeEdge(e: ResolverEdge): string {
  return `${e.left} ${WORDS[e.judgement]} ${e.right} (${e.origin === 'analyst' ? `analyst ${e.user ?? ''}`.trim() : 'automatic'}, ${e.createdAt})`;
}

function conflictError(message: string): EndtraceError {
  return new EndtraceError('conflict', message, { code: 'judgement_conflict' });
}

/**
 * An analyst's judgement on two ids, both of which must exist. It replaces any judgement on the
 * pair. Refused: a "same" when a "not same" stands between the two clusters; a "not same" or
 * "unsure" inside a cluster that analyst judgements hold together. A "not same" inside a cluster
 * held by automatic links withdraws the links it contradicts (an analyst overrides automation).
 */
export async function judge(store: Store, a: string, b: string, value: JudgementValue, user: string, opts: { score?: number | null } = {}): Promise<JudgeResult> {
  if (a === b) throw usageError(`cannot judge ${a} against itself`);
  const { graph, ranks } = await resolverState(store);
  await ranks.fetch([a, b]);
  for (const id of [a, b]) if (!ranks.records.get(id)) throw notFound(`no entity with id ${id}`);
  const [left, right] = a < b ? [a, b] : [b, a];
  const judgement: Judgement = { left, right, judgement: value, origin: 'analyst', score: opts.score ?? null, user, createdAt: now() };
  const replaced = await store.getJudgement(left, right);
  // A "same" across a "not same" between the clusters as they stand is refused (nomenklatura).
  const apart = value === 'positive' ? graph.constraintOf(a, b) : undefined;
  if (apart?.judgement === 'negative') {
    throw conflictError(`cannot judge ${a} same ${b}: their clusters are kept apart by ${describeEdge(apart)}; undo that judgement first`);
  }
  const { graph: next, refused, displaced } = graph.withEdge(judgement);
  if (!refused && value === 'unsure' && next.sameCluster(a, b)) {
    throw conflictError(`cannot judge ${a} unsure ${b}: they are in one cluster through: ${next.path(a, b).map(describeEdge).join('; ')}; judge one of these not same, or undo it, first`);
  }
  if (refused) {
    const why = refused.reason === 'negative_between'
      ? `a judgement keeps their clusters apart: ${refused.conflicts.map(describeEdge).join('; ')}; undo it first`
      : `they are in one cluster through: ${refused.conflicts.map(describeEdge).join('; ')}; judge one of these not same, or undo it, first`;
    throw conflictError(`cannot judge ${a} ${WORDS[value]} ${b}: ${why}`);
  }
  const analyst = displaced.filter((d) => d.edge.origin === 'analyst');
  if (analyst.length) {
    throw conflictError(`cannot judge ${a} ${WORDS[value]} ${b}: it contradicts ${analyst.map((d) => describeEdge(d.edge)).join('; ')}; undo that first`);
  }
  await store.putJudgement(judgement);
  const withdrawn: Judgement[] = [];
  for (const d of displaced) {
    if (await store.deleteJudgement(d.edge.left, d.edge.right)) withdrawn.push(d.edge);
  }
  const after = withdrawn.length ? new ResolverGraph(next.applied, { rank: ranks.rank }) : next;
  const clusters = [await clusterView(store, after, ranks, a)];
  if (!after.sameCluster(a, b)) clusters.push(await clusterView(store, after, ranks, b));
  return { judgement, replaced, withdrawn, clusters };
}

export interface UndoResult {
  removed: Judgement;
  clusters: ClusterView[];
}

/** Removes the judgement on a pair. An automatic link comes back at the next `resolve auto` if its evidence holds. */
export async function undo(store: Store, a: string, b: string): Promise<UndoResult> {
  const removed = await store.getJudgement(a, b);
  if (!removed) throw notFound(`no judgement on ${a} and ${b}`);
  await store.deleteJudgement(a, b);
  const { graph, ranks } = await resolverState(store);
  const clusters = [await clusterView(store, graph, ranks, a)];
  if (!graph.sameCluster(a, b)) clusters.push(await clusterView(store, graph, ranks, b));
  return { removed, clusters };
}

/**
 * The resolver graph, after nomenklatura's resolver (https://github.com/opensanctions/nomenklatura,
 * nomenklatura/resolver/resolver.py): judgements are edges between entity ids; the clusters are
 * the connected components of the positive edges, so that "same" is applied transitively; the
 * judgement on a pair of ids is positive inside a cluster, else that of any negative (then
 * unsure) edge between the two clusters (nomenklatura's `get_judgement`), else none, and only a
 * pair without one is a candidate (`check_candidate`). A positive edge that would join two
 * clusters with a negative edge between them is refused (nomenklatura raises
 * ResolverLogicError on pairs it cannot decide); a negative or unsure edge inside a cluster is
 * refused too, naming the positive edges that hold the cluster together.
 *
 * The graph is rebuilt from the stored judgements, not patched: union-find over the positive
 * edges, applied in a fixed order — analyst negative and unsure edges first (they constrain),
 * then analyst positives, then automatic positives, each group oldest first — so the same
 * judgements always give the same clusters, and an automatic link never overrides an analyst.
 * An edge that contradicts those before it is kept out and reported in `skipped`.
 *
 * Canonical ids (deterministic, unlike nomenklatura's random `NK-` ids): a cluster's canonical
 * id is the id of one of its members, the one with the lowest rank, ties to the least id in
 * code-unit order. The service ranks official-list entities 0, ingested records 1, document
 * mentions 2 and ids no longer in the store 3, so a cluster is named after a list entry when it
 * has one, and an id of a list entity that is still its own cluster is its canonical id
 * (nomenklatura too leaves unmerged ids as they are). The canonical id changes only when a
 * member of better rank (or lesser id at the same rank) joins, or the canonical member leaves.
 */

export type JudgementValue = 'positive' | 'negative' | 'unsure';
export type JudgementOrigin = 'analyst' | 'auto';

/** A stored judgement (the store's Judgement has this shape). */
export interface ResolverEdge {
  left: string;
  right: string;
  judgement: JudgementValue;
  origin: JudgementOrigin;
  score: number | null;
  user: string | null;
  createdAt: string;
}

/** An edge kept out of the graph, and the edges it contradicts. */
export interface SkippedEdge {
  edge: ResolverEdge;
  reason: 'self' | 'duplicate' | 'negative_between' | 'inside_cluster';
  /** The negative edge between the clusters, or the positive path between the ids. */
  conflicts: ResolverEdge[];
}

export type Rank = (id: string) => number;

export interface GraphOptions {
  /** Lower ranks name clusters first (default: all 0, the least id wins). */
  rank?: Rank | undefined;
}

export interface Cluster {
  canonical: string;
  /** Sorted by rank, then id: the canonical id first. */
  members: string[];
}

export const pairKey = (a: string, b: string): string => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

/** Order of application: constraints, then analyst positives, then automatic positives; oldest first. */
function priority(e: ResolverEdge): number {
  if (e.judgement !== 'positive') return e.origin === 'analyst' ? 0 : 1;
  return e.origin === 'analyst' ? 2 : 3;
}

export function compareEdges(a: ResolverEdge, b: ResolverEdge): number {
  return priority(a) - priority(b) || (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0) || pairKey(a.left, a.right).localeCompare(pairKey(b.left, b.right));
}

export class ResolverGraph {
  private readonly parent = new Map<string, string>();
  private readonly memberLists = new Map<string, string[]>();
  /** Negative and unsure edges touching a cluster, by root. */
  private readonly constraints = new Map<string, ResolverEdge[]>();
  private readonly edges = new Map<string, ResolverEdge>();
  private readonly adjacency = new Map<string, ResolverEdge[]>();
  private readonly canonicals = new Map<string, string>();
  private readonly rank: Rank;
  readonly skipped: SkippedEdge[] = [];

  constructor(edges: Iterable<ResolverEdge> = [], opts: GraphOptions = {}) {
    this.rank = opts.rank ?? (() => 0);
    const sorted = [...edges].sort(compareEdges);
    const seen = new Set<string>();
    for (const e of sorted) {
      const key = pairKey(e.left, e.right);
      if (seen.has(key)) continue;
      seen.add(key);
      const refused = this.add(e);
      if (refused) this.skipped.push(refused);
    }
  }

  /** Every edge in the graph (not the skipped ones), in application order. */
  get applied(): ResolverEdge[] {
    return [...this.edges.values()];
  }

  /**
   * Adds an edge; returns why it was refused, or undefined when it was applied. An edge on a
   * pair that already has one replaces it only through `withEdge` (a rebuild).
   */
  add(e: ResolverEdge): SkippedEdge | undefined {
    if (e.left === e.right) return { edge: e, reason: 'self', conflicts: [] };
    const key = pairKey(e.left, e.right);
    const existing = this.edges.get(key);
    if (existing) return { edge: e, reason: 'duplicate', conflicts: [existing] };
    const ra = this.find(e.left);
    const rb = this.find(e.right);
    if (e.judgement === 'positive') {
      if (ra !== rb) {
        const negative = this.constraintBetween(ra, rb, 'negative');
        if (negative) return { edge: e, reason: 'negative_between', conflicts: [negative] };
        this.union(ra, rb);
      }
    } else {
      if (ra === rb) return { edge: e, reason: 'inside_cluster', conflicts: this.path(e.left, e.right) };
      this.pushConstraint(ra, e);
      this.pushConstraint(rb, e);
    }
    this.edges.set(key, e);
    this.link(e.left, e);
    this.link(e.right, e);
    return undefined;
  }

  /**
   * The graph with `e` in place of any edge on its pair: `refused` says why `e` cannot stand,
   * and `displaced` lists the edges that `e` would push out (they contradict it).
   */
  withEdge(e: ResolverEdge): { graph: ResolverGraph; refused: SkippedEdge | undefined; displaced: SkippedEdge[] } {
    const key = pairKey(e.left, e.right);
    const others = [...this.edges.values()].filter((x) => pairKey(x.left, x.right) !== key);
    const before = new Set(this.skipped.map((s) => pairKey(s.edge.left, s.edge.right)));
    const graph = new ResolverGraph([...others, ...this.skipped.map((s) => s.edge).filter((x) => pairKey(x.left, x.right) !== key), e], { rank: this.rank });
    const refused = graph.skipped.find((s) => pairKey(s.edge.left, s.edge.right) === key);
    const displaced = graph.skipped.filter((s) => pairKey(s.edge.left, s.edge.right) !== key && !before.has(pairKey(s.edge.left, s.edge.right)));
    return { graph, refused, displaced };
  }

  /** The graph without the edge on a pair (an undo). */
  without(a: string, b: string): ResolverGraph {
    const key = pairKey(a, b);
    const all = [...this.edges.values(), ...this.skipped.map((s) => s.edge)];
    return new ResolverGraph(all.filter((x) => pairKey(x.left, x.right) !== key), { rank: this.rank });
  }

  find(id: string): string {
    let root = id;
    for (let p = this.parent.get(root); p !== undefined && p !== root; p = this.parent.get(root)) root = p;
    // Path compression.
    let cur = id;
    while (cur !== root) {
      const next = this.parent.get(cur)!;
      this.parent.set(cur, root);
      cur = next;
    }
    return root;
  }

  private union(ra: string, rb: string): void {
    const ma = this.memberLists.get(ra) ?? [ra];
    const mb = this.memberLists.get(rb) ?? [rb];
    const [big, small, bigList, smallList] = ma.length >= mb.length ? [ra, rb, ma, mb] : [rb, ra, mb, ma];
    this.parent.set(small, big);
    this.parent.set(big, big);
    for (const m of smallList) bigList.push(m);
    this.memberLists.set(big, bigList);
    this.memberLists.delete(small);
    const cs = this.constraints.get(small);
    if (cs) {
      const cb = this.constraints.get(big);
      if (cb) cb.push(...cs);
      else this.constraints.set(big, cs);
      this.constraints.delete(small);
    }
    this.canonicals.delete(big);
    this.canonicals.delete(small);
  }

  private pushConstraint(root: string, e: ResolverEdge): void {
    const list = this.constraints.get(root);
    if (list) list.push(e);
    else this.constraints.set(root, [e]);
  }

  private link(id: string, e: ResolverEdge): void {
    const list = this.adjacency.get(id);
    if (list) list.push(e);
    else this.adjacency.set(id, [e]);
  }

  /** A negative (or, when asked, unsure) edge between two clusters, given their roots. */
  private constraintBetween(ra: string, rb: string, judgement: 'negative' | 'unsure'): ResolverEdge | undefined {
    const la = this.constraints.get(ra);
    const lb = this.constraints.get(rb);
    if (!la || !lb) return undefined;
    const [list, other] = la.length <= lb.length ? [la, rb] : [lb, ra];
    for (const e of list) {
      if (e.judgement !== judgement) continue;
      if (this.find(e.left) === other || this.find(e.right) === other) return e;
    }
    return undefined;
  }

  sameCluster(a: string, b: string): boolean {
    return a === b || this.find(a) === this.find(b);
  }

  /** nomenklatura's get_judgement: positive inside a cluster, else a negative or unsure edge between the clusters, else null. */
  judgementOf(a: string, b: string): JudgementValue | null {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return 'positive';
    if (this.constraintBetween(ra, rb, 'negative')) return 'negative';
    if (this.constraintBetween(ra, rb, 'unsure')) return 'unsure';
    return null;
  }

  /** The negative or unsure edge that decides a pair of different clusters. */
  constraintOf(a: string, b: string): ResolverEdge | undefined {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return undefined;
    return this.constraintBetween(ra, rb, 'negative') ?? this.constraintBetween(ra, rb, 'unsure');
  }

  /** The edge stored on exactly this pair. */
  edgeOf(a: string, b: string): ResolverEdge | undefined {
    return this.edges.get(pairKey(a, b));
  }

  /** Edges touching an id. */
  edgesOf(id: string): ResolverEdge[] {
    return [...(this.adjacency.get(id) ?? [])];
  }

  /** Negative and unsure edges between the cluster of `id` and other clusters. */
  constraintsOf(id: string): ResolverEdge[] {
    return [...(this.constraints.get(this.find(id)) ?? [])];
  }

  /** The cluster's members, canonical first, then by rank and id. */
  members(id: string): string[] {
    return this.sortIds(this.memberLists.get(this.find(id)) ?? [id]);
  }

  /** Ids by rank, then id (the order that picks canonical ids). */
  sortIds(ids: readonly string[]): string[] {
    return [...ids].sort((a, b) => this.rank(a) - this.rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  }

  rankOf(id: string): number {
    return this.rank(id);
  }

  canonical(id: string): string {
    const root = this.find(id);
    let c = this.canonicals.get(root);
    if (c === undefined) {
      c = this.members(root)[0]!;
      this.canonicals.set(root, c);
    }
    return c;
  }

  /** The clusters of two or more ids, by canonical id. */
  clusters(): Cluster[] {
    const out: Cluster[] = [];
    for (const root of this.memberLists.keys()) out.push({ canonical: this.canonical(root), members: this.members(root) });
    return out.sort((a, b) => (a.canonical < b.canonical ? -1 : a.canonical > b.canonical ? 1 : 0));
  }

  /** Positive edges inside the cluster of `id` (the judgements that hold it together). */
  clusterEdges(id: string): ResolverEdge[] {
    const members = new Set(this.members(id));
    const out = new Map<string, ResolverEdge>();
    for (const m of members) {
      for (const e of this.adjacency.get(m) ?? []) {
        if (e.judgement === 'positive' && members.has(e.left) && members.has(e.right)) out.set(pairKey(e.left, e.right), e);
      }
    }
    return [...out.values()].sort(compareEdges);
  }

  /** A shortest chain of positive edges from a to b (empty when not connected or equal). */
  path(a: string, b: string): ResolverEdge[] {
    if (a === b) return [];
    const via = new Map<string, ResolverEdge | null>([[a, null]]);
    const queue = [a];
    for (let i = 0; i < queue.length; i++) {
      const cur = queue[i]!;
      for (const e of this.adjacency.get(cur) ?? []) {
        if (e.judgement !== 'positive') continue;
        const next = e.left === cur ? e.right : e.left;
        if (via.has(next)) continue;
        via.set(next, e);
        if (next === b) {
          const out: ResolverEdge[] = [];
          for (let n = b; n !== a; ) {
            const edge = via.get(n)!;
            out.push(edge);
            n = edge.left === n ? edge.right : edge.left;
          }
          return out.reverse();
        }
        queue.push(next);
      }
    }
    return [];
  }
}

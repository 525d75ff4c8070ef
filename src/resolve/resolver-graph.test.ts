import { describe, expect, it } from 'vitest';
import { ResolverGraph } from './resolver-graph.js';
import type { JudgementValue, ResolverEdge } from './resolver-graph.js';

let clock = 0;
/** An edge as the store keeps it (the lesser id left); each one made later than the one before unless `at` is given. */
function edge(a: string, b: string, judgement: JudgementValue, origin: 'analyst' | 'auto' = 'analyst', at?: string): ResolverEdge {
  clock++;
  const [left, right] = a < b ? [a, b] : [b, a];
  return { left, right, judgement, origin, score: origin === 'auto' ? 1 : null, user: origin === 'auto' ? 'endtrace/auto' : 'ana', createdAt: at ?? `2025-01-01T00:00:${String(clock).padStart(2, '0')}.000Z` };
}

/** List entries name clusters before ingested records (the service's ranks). */
const rank = (id: string) => (id.startsWith('party-') ? 1 : 0);

describe('ResolverGraph', () => {
  it('applies "same" transitively: the clusters are connected components', () => {
    const g = new ResolverGraph([edge('a', 'b', 'positive'), edge('b', 'c', 'positive'), edge('x', 'y', 'positive')]);
    expect(g.members('c')).toEqual(['a', 'b', 'c']);
    expect(g.judgementOf('a', 'c')).toBe('positive');
    expect(g.judgementOf('a', 'x')).toBeNull();
    expect(g.clusters()).toEqual([{ canonical: 'a', members: ['a', 'b', 'c'] }, { canonical: 'x', members: ['x', 'y'] }]);
    expect(g.path('a', 'c').map((e) => `${e.left}-${e.right}`)).toEqual(['a-b', 'b-c']);
  });

  it('an id nobody judged is its own cluster and its own canonical id', () => {
    const g = new ResolverGraph([]);
    expect(g.members('ofac-1')).toEqual(['ofac-1']);
    expect(g.canonical('ofac-1')).toBe('ofac-1');
    expect(g.judgementOf('ofac-1', 'ofac-2')).toBeNull();
  });

  it('a "not same" keeps the clusters apart: a "same" across it is refused, naming it', () => {
    const negative = edge('b', 'c', 'negative');
    const g = new ResolverGraph([edge('a', 'b', 'positive'), negative, edge('c', 'd', 'positive')]);
    expect(g.judgementOf('a', 'd')).toBe('negative');
    expect(g.constraintOf('a', 'd')).toEqual(negative);
    const attempt = g.withEdge(edge('a', 'd', 'positive'));
    expect(attempt.refused?.reason).toBe('negative_between');
    expect(attempt.refused?.conflicts).toEqual([negative]);
    expect(attempt.graph.sameCluster('a', 'd')).toBe(false);
  });

  it('a "not same" inside a cluster displaces the positive edge that closes the cycle', () => {
    const g = new ResolverGraph([edge('a', 'b', 'positive'), edge('b', 'c', 'positive')]);
    const { refused, displaced, graph } = g.withEdge(edge('a', 'c', 'negative'));
    expect(refused).toBeUndefined();
    expect(displaced.map((d) => [d.edge.left, d.edge.right, d.reason])).toEqual([['b', 'c', 'negative_between']]);
    expect(graph.members('a')).toEqual(['a', 'b']);
    expect(graph.judgementOf('b', 'c')).toBe('negative');
  });

  it('adding a negative edge inside a cluster edge by edge is refused with the path', () => {
    const g = new ResolverGraph([edge('a', 'b', 'positive'), edge('b', 'c', 'positive')]);
    const refused = g.add(edge('a', 'c', 'negative'));
    expect(refused?.reason).toBe('inside_cluster');
    expect(refused?.conflicts.map((e) => `${e.left}-${e.right}`)).toEqual(['a-b', 'b-c']);
  });

  it('undo removes an edge, and the clusters follow', () => {
    const g = new ResolverGraph([edge('a', 'b', 'positive'), edge('b', 'c', 'positive')]);
    const after = g.without('c', 'b');
    expect(after.members('a')).toEqual(['a', 'b']);
    expect(after.members('c')).toEqual(['c']);
    // Undoing a "not same" lets an edge it blocked apply again.
    const blocked = new ResolverGraph([edge('a', 'b', 'negative'), edge('a', 'b2', 'positive'), edge('b2', 'b', 'positive')]);
    expect(blocked.sameCluster('a', 'b')).toBe(false);
    expect(blocked.skipped.map((s) => `${s.edge.left}-${s.edge.right}`)).toEqual(['b-b2']);
    expect(blocked.without('a', 'b').members('a')).toEqual(['a', 'b', 'b2']);
  });

  it('an analyst beats automation whatever the order of the judgements', () => {
    // Automatic links made before and after the analyst's "not same".
    const before = [edge('a', 'b', 'positive', 'auto'), edge('b', 'c', 'positive', 'auto')];
    const negative = edge('a', 'c', 'negative');
    const after = edge('c', 'd', 'positive', 'auto');
    const g = new ResolverGraph([...before, negative, after]);
    expect(g.members('a')).toEqual(['a', 'b']);
    expect(g.members('c')).toEqual(['c', 'd']);
    expect(g.skipped.map((s) => [s.edge.left, s.edge.right, s.edge.origin])).toEqual([['b', 'c', 'auto']]);
    // An analyst's "same" wins over an automatic one made earlier that contradicts it.
    const g2 = new ResolverGraph([edge('p', 'q', 'negative', 'analyst', '2030-01-01T00:00:00.000Z'), edge('q', 'r', 'positive', 'auto', '2020-01-01T00:00:00.000Z'), edge('p', 'r', 'positive', 'analyst', '2031-01-01T00:00:00.000Z')]);
    expect(g2.members('p')).toEqual(['p', 'r']);
    expect(g2.skipped.map((s) => [s.edge.left, s.edge.right])).toEqual([['q', 'r']]);
  });

  it('"unsure" merges nothing, and marks every pair between the two clusters as judged', () => {
    const g = new ResolverGraph([edge('a', 'b', 'unsure'), edge('a', 'a2', 'positive'), edge('b', 'b2', 'positive')]);
    expect(g.sameCluster('a', 'b')).toBe(false);
    expect(g.judgementOf('a2', 'b2')).toBe('unsure');
    // It does not block a later "same".
    const { refused, graph } = g.withEdge(edge('a2', 'b2', 'positive'));
    expect(refused).toBeUndefined();
    expect(graph.members('a')).toEqual(['a', 'a2', 'b', 'b2']);
  });

  it('refuses an edge from an id to itself', () => {
    const g = new ResolverGraph([edge('a', 'a', 'positive')]);
    expect(g.skipped.map((s) => s.reason)).toEqual(['self']);
  });

  describe('canonical ids', () => {
    it('are a list entity of the cluster when there is one, else the least id', () => {
      const g = new ResolverGraph([edge('party-inn-1', 'ofac-9', 'positive', 'auto'), edge('party-a', 'party-b', 'positive')], { rank });
      expect(g.canonical('party-inn-1')).toBe('ofac-9');
      expect(g.members('ofac-9')).toEqual(['ofac-9', 'party-inn-1']);
      expect(g.canonical('party-b')).toBe('party-a');
    });

    it('do not change when a record of lower rank joins, even with a lesser id', () => {
      const edges = [edge('party-inn-5', 'ofac-9', 'positive', 'auto')];
      expect(new ResolverGraph(edges, { rank }).canonical('party-inn-5')).toBe('ofac-9');
      const grown = new ResolverGraph([...edges, edge('party-inn-0', 'party-inn-5', 'positive')], { rank });
      expect(grown.canonical('party-inn-0')).toBe('ofac-9');
      // A list entity with a lesser id does rename the cluster (documented).
      const renamed = new ResolverGraph([...edges, edge('gb-hmt-1', 'ofac-9', 'positive', 'auto')], { rank });
      expect(renamed.canonical('ofac-9')).toBe('gb-hmt-1');
    });

    it('do not depend on the order the judgements come in', () => {
      const edges = [edge('c', 'party-1', 'positive'), edge('b', 'c', 'positive', 'auto'), edge('x', 'party-2', 'positive'), edge('b', 'x', 'negative'), edge('party-2', 'c', 'positive', 'auto')];
      const views = [edges, [...edges].reverse(), [edges[2]!, edges[4]!, edges[0]!, edges[3]!, edges[1]!]].map((list) => {
        const g = new ResolverGraph(list, { rank });
        return { clusters: g.clusters(), skipped: g.skipped.map((s) => `${s.edge.left}-${s.edge.right}`) };
      });
      expect(views[0]).toEqual({ clusters: [{ canonical: 'b', members: ['b', 'c', 'party-1'] }, { canonical: 'x', members: ['x', 'party-2'] }], skipped: ['c-party-2'] });
      expect(views[1]).toEqual(views[0]);
      expect(views[2]).toEqual(views[0]);
    });
  });
});

/** Candidate pairs through the screening engine's index. Every name here is fictional. */
import { describe, expect, it } from 'vitest';
import { prepareEntity } from '../matching/index.js';
import { CandidateFinder, collectCandidates } from './candidates.js';
import type { RecordRole, ResolveRecord } from './candidates.js';
import { ContextBook } from './context.js';
import { ResolverGraph } from './resolver-graph.js';
import type { ResolverEdge } from './resolver-graph.js';

function record(id: string, role: RecordRole, datasets: string[], name: string, extra: Record<string, string[]> = {}): ResolveRecord {
  const properties = { name: [name], country: ['ru'], ...extra };
  return { id, schema: 'Company', caption: name, datasets, role, prepared: prepareEntity({ id, schema: 'Company', properties }) };
}

const lists = [
  record('ofac-1', 'list', ['ofac-sdn'], 'NEVYMYSHLENNYE SISTEMY, OOO'),
  record('gb-hmt-1', 'list', ['uk-ofsi'], 'LLC NEVYMYSHLENNYE SISTEMY'),
  record('ofac-2', 'list', ['ofac-sdn'], 'OOO NEVYMYSHLENNYE SISTEMY PLUS'),
  record('ofac-3', 'list', ['ofac-sdn'], 'ZAVOD KRASNYI VYMYSEL'),
];
const party = record('party-a', 'record', ['trade:t'], 'ООО «Невымышленные системы»');
const judged = (a: string, b: string, judgement: ResolverEdge['judgement']): ResolverEdge => ({ left: a < b ? a : b, right: a < b ? b : a, judgement, origin: 'analyst', score: null, user: 'ana', createdAt: '2025-01-01T00:00:00.000Z' });
const ids = (pairs: Array<{ left: string; right: string }>) => pairs.map((p) => `${p.left}~${p.right}`);

describe('CandidateFinder', () => {
  const finder = new CandidateFinder(lists);

  it('finds an ingested party on every list, across scripts, and counts the pairs it scored', () => {
    const before = finder.compared;
    const found = finder.find(party, { graph: new ResolverGraph([]) });
    expect(ids(found)).toEqual(['party-a~gb-hmt-1', 'party-a~ofac-1', 'party-a~ofac-2']);
    expect(found.map((p) => p.score >= 0.99)).toEqual([true, true, false]);
    expect(found[0]!.explanations.name?.detail).toContain('Невымышленные');
    // Every entity sharing a key with the query is scored: in an index this small, all four.
    expect(finder.compared - before).toBe(4);
  });

  it('looks for a list entity only on other lists, and orders the pair by id', () => {
    const found = finder.find(lists[0]!, { graph: new ResolverGraph([]) });
    expect(ids(found)).toEqual(['gb-hmt-1~ofac-1']);
  });

  it('never proposes a pair already judged, in either cluster', () => {
    const graph = new ResolverGraph([judged('gb-hmt-1', 'party-b', 'positive'), judged('party-a', 'party-b', 'negative'), judged('ofac-1', 'party-a', 'unsure')]);
    expect(ids(finder.find(party, { graph }))).toEqual(['party-a~ofac-2']);
  });

  it('proposes one pair per pair of clusters', () => {
    const graph = new ResolverGraph([judged('gb-hmt-1', 'ofac-1', 'positive')]);
    const found = finder.find(party, { graph });
    expect(ids(found)).toEqual(['party-a~gb-hmt-1', 'party-a~ofac-1', 'party-a~ofac-2']);
    expect(ids(collectCandidates(found, graph))).toEqual(['party-a~gb-hmt-1', 'party-a~ofac-2']);
  });

  it('raises the score by shared context, and explains it', () => {
    const graph = new ResolverGraph([]);
    const plain = finder.find(party, { graph, minScore: 0.5 }).find((p) => p.right === 'ofac-2')!;
    const book = new ContextBook(graph);
    book.add('party-a', { addresses: ['ul. Vymyshlennaya 12, Irkutsk 664000'] });
    book.add('ofac-2', { addresses: ['d. 12, ul. Vymyshlennaya, Irkutsk, 664000, Russia'] });
    const raised = finder.find(party, { graph, context: book, minScore: 0.5 }).find((p) => p.right === 'ofac-2')!;
    expect(plain.context).toEqual([]);
    expect(raised.matchScore).toBe(plain.score);
    expect(raised.context.map((c) => c.kind)).toEqual(['address']);
    expect(raised.score).toBeCloseTo(plain.score + (1 - plain.score) * 0.35, 4);
  });
});

/** Automatic links from shared strong keys. Every company and number here is fictional. */
import { describe, expect, it } from 'vitest';
import { prepareEntity } from '../matching/index.js';
import { planAutoLinks } from './auto-links.js';
import type { KeyedEntity } from './auto-links.js';
import { ResolverGraph } from './resolver-graph.js';
import type { ResolverEdge } from './resolver-graph.js';
import { strongKeys } from './strong-keys.js';

const NOW = '2025-06-01T00:00:00.000Z';
const rank = (id: string) => (id.startsWith('party-') ? 1 : id.startsWith('mention-') ? 2 : 0);

function entity(id: string, schema: string, properties: Record<string, string[]>): KeyedEntity {
  return { id, schema, keys: strongKeys({ schema, properties }), prepared: prepareEntity({ id, schema, properties }) };
}

const sdn = entity('ofac-1', 'Company', { name: ['OOO Nevymyshlennye Sistemy'], innCode: ['9909054320'], ogrnCode: ['1099900007778'], country: ['ru'] });
const uk = entity('gb-hmt-1', 'Company', { name: ['NEVYMYSHLENNYE SISTEMY LLC'], innCode: ['9909054320'], country: ['ru'] });
const trade = entity('party-inn-9909054320', 'Company', { name: ['ООО «Невымышленные системы»'], innCode: ['9909054320'], country: ['ru'] });
const other = entity('party-x', 'Company', { name: ['OOO Drugaya Firma'], innCode: ['9909077776'], country: ['ru'] });

const analyst = (a: string, b: string, judgement: ResolverEdge['judgement']): ResolverEdge => ({ left: a < b ? a : b, right: a < b ? b : a, judgement, origin: 'analyst', score: null, user: 'ana', createdAt: '2025-01-01T00:00:00.000Z' });
const pairs = (plan: ReturnType<typeof planAutoLinks>) => plan.links.map((l) => [l.edge.left, l.edge.right, l.keys.join(' ')]);

describe('planAutoLinks', () => {
  it('links every holder of a key into one cluster, with n − 1 judgements, list entities first', () => {
    const graph = new ResolverGraph([], { rank });
    const plan = planAutoLinks([trade, uk, sdn, other], graph, { now: NOW });
    expect(pairs(plan)).toEqual([
      ['gb-hmt-1', 'ofac-1', 'inn:9909054320'],
      ['gb-hmt-1', 'party-inn-9909054320', 'inn:9909054320'],
    ]);
    expect(plan.links.map((l) => [l.edge.judgement, l.edge.origin, l.edge.score, l.edge.user, l.edge.createdAt])).toEqual([
      ['positive', 'auto', 1, 'endtrace/auto', NOW],
      ['positive', 'auto', 1, 'endtrace/auto', NOW],
    ]);
    expect(plan.sharedKeys).toBe(1);
    expect(graph.members('ofac-1')).toEqual(['gb-hmt-1', 'ofac-1', 'party-inn-9909054320']);
    expect(graph.canonical('party-inn-9909054320')).toBe('gb-hmt-1');
    expect(plan.refused).toEqual([]);
  });

  it('adds nothing when run again over its own links', () => {
    const first = new ResolverGraph([], { rank });
    const made = planAutoLinks([trade, uk, sdn], first, { now: NOW }).links.map((l) => l.edge);
    const again = planAutoLinks([trade, uk, sdn], new ResolverGraph(made, { rank }), { now: NOW });
    expect(again.links).toEqual([]);
  });

  it('never joins clusters an analyst judged apart, nor touches a pair an analyst judged', () => {
    const graph = new ResolverGraph([analyst('ofac-1', 'party-inn-9909054320', 'negative')], { rank });
    const plan = planAutoLinks([trade, uk, sdn], graph, { now: NOW });
    // gb-hmt-1 joins ofac-1 first; the record is then kept apart from both.
    expect(pairs(plan)).toEqual([['gb-hmt-1', 'ofac-1', 'inn:9909054320']]);
    expect(plan.refused.map((r) => [r.reason, ...r.ids])).toEqual([['judged_apart', 'party-inn-9909054320', 'gb-hmt-1']]);
    const unsure = planAutoLinks([trade, sdn], new ResolverGraph([analyst('ofac-1', 'party-inn-9909054320', 'unsure')], { rank }), { now: NOW });
    expect(unsure.links).toEqual([]);
    expect(unsure.refused.map((r) => r.reason)).toEqual(['judged_apart']);
  });

  it('refuses a key contradicted by another key of the same kind, in the whole cluster', () => {
    // One INN, two OGRNs: a copy error in a list, not one company.
    const a = entity('ofac-10', 'Company', { name: ['OOO Pervaya'], innCode: ['9909011119'], ogrnCode: ['1099900007778'] });
    const b = entity('ofac-11', 'Company', { name: ['OOO Pervaya Plus'], innCode: ['9909011119'], ogrnCode: ['1099900008889'] });
    const plan = planAutoLinks([a, b], new ResolverGraph([], { rank }), { now: NOW });
    expect(plan.links).toEqual([]);
    expect(plan.refused.map((r) => [r.reason, r.detail])).toEqual([['conflicting_keys', 'different ogrn: 1099900008889 vs 1099900007778']]);
    // A record with only the INN joins one of them, and then cannot bring in the other.
    const rec = entity('party-inn-9909011119', 'Company', { name: ['Pervaya OOO'], innCode: ['9909011119'] });
    const three = planAutoLinks([a, b, rec], new ResolverGraph([], { rank }), { now: NOW });
    expect(pairs(three)).toEqual([['ofac-10', 'party-inn-9909011119', 'inn:9909011119']]);
    expect(three.refused.map((r) => [r.reason, ...r.ids])).toEqual([['conflicting_keys', 'ofac-11', 'ofac-10']]);
  });

  it('refuses names with nothing in common, disjoint countries, and a Person with a Company', () => {
    const a = entity('ofac-20', 'Company', { name: ['Limited Liability Company Kholding Dalniy'], innCode: ['9909077776'], country: ['ru'] });
    const b = entity('ofac-21', 'Company', { name: ['Joint Stock Company Zarya'], innCode: ['9909077776'], country: ['ru'] });
    expect(planAutoLinks([a, b], new ResolverGraph([]), { now: NOW }).refused.map((r) => r.reason)).toEqual(['names_differ']);
    const by = entity('ofac-22', 'Company', { name: ['OOO Drugaya Firma Belarus'], innCode: ['9909077776'], country: ['by'] });
    expect(planAutoLinks([other, by], new ResolverGraph([]), { now: NOW }).refused.map((r) => r.reason)).toEqual(['countries_differ']);
    const person = entity('ofac-23', 'Person', { name: ['Drugaya Firma'], innCode: ['9909077776'] });
    expect(planAutoLinks([other, person], new ResolverGraph([]), { now: NOW }).refused.map((r) => r.reason)).toEqual(['incompatible_schema']);
  });

  it('links a number mentioned in a document, which has no name to compare', () => {
    const mention: KeyedEntity = { id: 'mention-1', schema: 'LegalEntity', keys: strongKeys({ schema: 'LegalEntity', properties: { innCode: ['9909054320'] } }) };
    const graph = new ResolverGraph([], { rank });
    expect(pairs(planAutoLinks([mention, sdn], graph, { now: NOW }))).toEqual([['mention-1', 'ofac-1', 'inn:9909054320']]);
    expect(graph.canonical('mention-1')).toBe('ofac-1');
  });

  it('treats a key held by too many entities as a placeholder', () => {
    const many = Array.from({ length: 4 }, (_, i) => entity(`party-${i}`, 'Company', { name: [`OOO Firma ${i}`], innCode: ['9909077776'] }));
    const plan = planAutoLinks(many, new ResolverGraph([]), { now: NOW, maxHolders: 3 });
    expect(plan.links).toEqual([]);
    expect(plan.refused.map((r) => [r.reason, r.ids.length])).toEqual([['ambiguous_key', 4]]);
  });
});

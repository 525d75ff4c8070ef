/** Context evidence and the score formula. Addresses and names are fictional. */
import { describe, expect, it } from 'vitest';
import { ContextBook, addressTokens, associateKey, combineScore, sameAddress } from './context.js';
import { ResolverGraph } from './resolver-graph.js';

describe('addresses', () => {
  it('compares the same place written by two lists', () => {
    const a = addressTokens('d. 12, kv. 3, ul. Vymyshlennaya, Irkutsk, 664000');
    const b = addressTokens('d. 12, kv. 3, ul. Vymyshlennaya, Irkutsk, Irkutsk Oblast 664000, Russia');
    expect(a).toEqual(['12', '3', 'vymyshlennaya', 'irkutsk', '664000']);
    expect(sameAddress(a, b)).toEqual(['12', '3', 'vymyshlennaya', 'irkutsk', '664000']);
  });

  it('transliterates before comparing', () => {
    expect(sameAddress(addressTokens('ул. Вымышленная, д. 12, Иркутск 664000'), addressTokens('ul. Vymyshlennaya 12, Irkutsk 664000'))).toEqual(['vymyshlennaya', '12', 'irkutsk', '664000']);
  });

  it('does not take one city, or one street without a number, for the same address', () => {
    expect(sameAddress(addressTokens('Irkutsk, Russia'), addressTokens('Irkutsk, Irkutsk Oblast, Russia'))).toBeUndefined();
    expect(sameAddress(addressTokens('ul. Lenina 1, Irkutsk 664000'), addressTokens('ul. Lenina 7, Moskva 101000'))).toBeUndefined();
    expect(sameAddress(addressTokens('ul. Vymyshlennaya, Irkutsk, Pervyi raion'), addressTokens('ul. Vymyshlennaya, Irkutsk, Pervyi raion'))).toBeUndefined();
  });
});

describe('associates', () => {
  it('keys a name by its words in any order', () => {
    expect(associateKey('Nebylitsyn Pyotr')).toBe(associateKey('PYOTR NEBYLITSYN'));
    expect(associateKey('Pyotr')).toBeUndefined();
  });
});

describe('combineScore', () => {
  const address = { kind: 'address' as const, weight: 0.35, detail: '' };
  const associate = { kind: 'associate' as const, weight: 0.35, detail: '' };
  it('is s + (1 − s)·(1 − Π(1 − w))', () => {
    expect(combineScore(0.7, [address])).toBe(0.805);
    expect(combineScore(0.6, [address, associate])).toBe(0.831);
  });
  it('leaves weak name matches and proofs alone, and never reaches 1', () => {
    expect(combineScore(0.45, [address, associate])).toBe(0.45);
    expect(combineScore(1, [address])).toBe(1);
    expect(combineScore(0.98, [address, associate])).toBe(0.99);
  });
});

describe('ContextBook', () => {
  it('gathers context over clusters: what one member knows counts for all', () => {
    const graph = new ResolverGraph([{ left: 'ofac-1', right: 'party-a', judgement: 'positive', origin: 'auto', score: 1, user: null, createdAt: '2025-01-01' }]);
    const book = new ContextBook(graph);
    book.add('ofac-1', { addresses: ['d. 12, ul. Vymyshlennaya, Irkutsk 664000'] });
    book.add('party-a', { associates: ['Pyotr Nebylitsyn'], counterparties: ['party-shipper'] });
    book.add('gb-hmt-1', { addresses: ['ul. Vymyshlennaya 12, Irkutsk, 664000'], associates: ['NEBYLITSYN Pyotr'] });
    book.add('party-b', { counterparties: ['party-shipper'] });
    expect(book.evidence('gb-hmt-1', 'party-a').map((e) => e.kind)).toEqual(['address', 'associate']);
    expect(book.evidence('party-b', 'ofac-1')).toEqual([{ kind: 'counterparty', weight: 0.2, detail: 'same trading partner: party-shipper' }]);
    expect(book.evidence('party-b', 'gb-hmt-1')).toEqual([]);
  });
});

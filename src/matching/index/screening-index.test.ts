import { describe, expect, it } from 'vitest';
import { prepareEntity } from '../entity/prepare-entity.js';
import { ScreeningIndex } from './screening-index.js';

const entry = (id: string, schema: string, names: string[], dataset = 'test', extra: Record<string, string[]> = {}) => ({
  id, caption: names[0]!, schema, datasets: [dataset], prepared: prepareEntity({ id, schema, properties: { name: names, ...extra } }),
});

const index = ScreeningIndex.build([
  entry('ofac-46441', 'Company', ['TSK VEKTOR, OOO', 'OBSHCHESTVO S OGRANICHENNOI OTVETSTVENNOSTYU TSK VEKTOR'], 'ofac-sdn', { innCode: ['3849055365'] }),
  entry('ofac-35156', 'Company', ['AO NII VEKTOR'], 'ofac-sdn'),
  entry('ofac-46431', 'Company', ['JOINT STOCK COMPANY IZHEVSK ELECTROMECHANICAL PLANT KUPOL', 'AO IEMZ KUPOL'], 'ofac-sdn'),
  entry('p-1', 'Person', ['PUTIN, Vladimir Vladimirovich'], 'ofac-sdn'),
  entry('p-2', 'Person', ['KIM, Jong Un'], 'un-sc'),
  entry('v-1', 'Vessel', ['VECTOR'], 'ofac-sdn'),
]);

const q = (name: string, schema = 'LegalEntity', extra: Record<string, string[]> = {}) => prepareEntity({ schema, properties: { name: [name], ...extra } });

describe('ScreeningIndex', () => {
  it('finds entities by names in other scripts and spellings', () => {
    expect(index.search(q('ООО «ТСК Вектор»'))[0]?.entry.id).toBe('ofac-46441');
    expect(index.search(q('TSK Vector LLC'))[0]?.entry.id).toBe('ofac-46441');
    expect(index.search(q('АО «ИЭМЗ «Купол»'))[0]?.entry.id).toBe('ofac-46431');
    expect(index.search(q('金正恩', 'Person'))[0]?.entry.id).toBe('p-2');
  });
  it('finds by identifier alone', () => {
    expect(index.search(q('Unknown Name', 'Company', { innCode: ['3849055365'] }))[0]?.entry.id).toBe('ofac-46441');
  });
  it('keeps incompatible schemata out', () => {
    expect(index.search(q('Vector', 'Person')).map((r) => r.entry.id)).not.toContain('v-1');
  });
  it('filters by dataset and removes a dataset', () => {
    expect(index.search(q('Kim Jong Un', 'Person'), { datasets: ['ofac-sdn'] })).toEqual([]);
    const local = ScreeningIndex.build([entry('a', 'Person', ['Ivan Petrov'], 'one'), entry('b', 'Person', ['Ivan Petrov'], 'two')]);
    expect(local.removeDataset('one')).toBe(1);
    expect(local.size).toBe(1);
    expect(local.search(q('Ivan Petrov', 'Person')).map((r) => r.entry.id)).toEqual(['b']);
  });
  it('agrees with exhaustive scoring on these queries', () => {
    for (const name of ['TSK Vektor', 'AO NII Vektor', 'Izhevsk Electromechanical Plant Kupol', 'Vladimir Putin']) {
      const a = index.search(q(name)).map((r) => [r.entry.id, r.result.score]);
      const b = index.searchExhaustive(q(name)).map((r) => [r.entry.id, r.result.score]);
      expect(a, name).toEqual(b);
    }
  });
});

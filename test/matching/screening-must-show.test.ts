/**
 * The screening issue's must-show queries against the real SDN 2023-12-28 triple, loaded through
 * the same path as `endtrace lists load` into an in-memory store.
 */
import { beforeAll, expect, it } from 'vitest';
import { ScreeningService, loadLists } from '../../src/service/index.js';
import { SqliteStore } from '../../src/store/index.js';
import { dataFile, describeShared } from '../helpers/shared-data.js';

describeShared('screening the SDN 2023-12-28 triple', () => {
  let service: ScreeningService;
  beforeAll(async () => {
    const store = new SqliteStore(':memory:');
    const report = await loadLists(store, dataFile('ofac_sdn', '2023-12-28'));
    expect(report.units.map((u) => u.status)).toEqual(['loaded']);
    service = new ScreeningService(store);
    await service.refresh();
  });

  it.each([
    ['TSK Vektor', 'ofac-46441'],
    ['ООО «ТСК Вектор»', 'ofac-46441'],
    ['TSK Vector LLC', 'ofac-46441'],
    ['IEMZ Kupol', 'ofac-46431'],
    ['АО «ИЭМЗ «Купол»', 'ofac-46431'],
    ['Izhevsk Electromechanical Plant Kupol', 'ofac-46431'],
    ['AO NII Vektor', 'ofac-35156'],
  ])('"%s" finds %s first, as a match', async (name, id) => {
    const res = await service.screen({ name });
    expect(res.results[0]).toMatchObject({ id, match: true, source: 'ofac-sdn' });
    expect(res.algorithm).toBe('endtrace-v1');
    expect(res.lists).toEqual({ 'ofac-sdn': '2023-12-28' });
  });

  it('"AO NII Vektor" does not match TSK VEKTOR (ofac-46441)', async () => {
    const res = await service.screen({ name: 'AO NII Vektor' });
    expect(res.results.find((r) => r.id === 'ofac-46441')?.match ?? false).toBe(false);
  });

  it('"Sichuan AEE Technology Co., Ltd." finds no match above the default threshold', async () => {
    const res = await service.screen({ name: 'Sichuan AEE Technology Co., Ltd.' });
    expect(res.results.filter((r) => r.match)).toEqual([]);
    expect(res.results.every((r) => r.score < res.threshold)).toBe(true);
  });

  it('finds TSK Vektor by its INN alone and explains why', async () => {
    const res = await service.screen({ name: 'Unknown Trading House', schema: 'Company', id: '3849055365' });
    expect(res.results[0]).toMatchObject({ id: 'ofac-46441', match: true });
    expect(res.results[0]!.explanations.identifier?.detail).toContain('3849055365');
  });
});

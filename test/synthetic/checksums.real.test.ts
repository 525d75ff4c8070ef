/**
 * The check-digit validators against real identifiers: the Russian INNs and OGRNs and the Chinese
 * USCCs that OFAC's SDN list (2023-12-28) records in its remarks. Real registries issue valid
 * numbers, so nearly all must pass; this checks the algorithms independently of the generator.
 */
import { beforeAll, expect, it } from 'vitest';
import { readCsv } from '../../src/lists/index.js';
import { isValidInn, isValidOgrn, isValidUscc } from '../../src/synthetic/index.js';
import { dataFile, describeShared } from '../helpers/shared-data.js';

describeShared('check digits of real identifiers (OFAC SDN 2023-12-28 remarks)', () => {
  const inn: string[] = [];
  const ogrn: string[] = [];
  const uscc: string[] = [];
  beforeAll(async () => {
    for await (const { fields } of readCsv(dataFile('ofac_sdn/2023-12-28/sdn.csv'), { name: 'sdn.csv', encoding: 'windows-1252' })) {
      const remarks = fields[11] ?? '';
      for (const m of remarks.matchAll(/Tax ID No\. (\d{10}|\d{12}) \(Russia\)/g)) inn.push(m[1]!);
      for (const m of remarks.matchAll(/Registration (?:ID|Number) (\d{13}) \(Russia\)/g)) ogrn.push(m[1]!);
      for (const m of remarks.matchAll(/Unified Social Credit Code \(USCC\) ([0-9A-Z]{18})/g)) uscc.push(m[1]!);
    }
  });

  const share = (xs: string[], ok: (x: string) => boolean) => xs.filter(ok).length / xs.length;

  it('INN: weights of the Federal Tax Service', () => {
    expect(inn.length).toBeGreaterThan(1500);
    expect(share(inn, isValidInn)).toBeGreaterThan(0.99);
  });

  it('OGRN: mod 11', () => {
    expect(ogrn.length).toBeGreaterThan(1000);
    expect(share(ogrn, isValidOgrn)).toBeGreaterThan(0.99);
  });

  it('USCC: GB 32100-2015 and the GB 11714 organisation code inside', () => {
    expect(uscc.length).toBeGreaterThan(40);
    expect(share(uscc, isValidUscc)).toBe(1);
  });
});

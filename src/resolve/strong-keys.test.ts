import { describe, expect, it } from 'vitest';
import { isStrongIdentifier, sharedKeys, strongKey, strongKeys } from './strong-keys.js';

const keys = (schema: string, properties: Record<string, string[]>) => strongKeys({ schema, properties }).map((k) => `${k.prop}>${k.key}`);

describe('strongKeys', () => {
  it('reads INN and OGRN from their own properties, whatever the country', () => {
    expect(keys('Company', { innCode: ['3849055365'], ogrnCode: ['1153850042246'] })).toEqual(['innCode>inn:3849055365', 'ogrnCode>ogrn:1153850042246']);
  });

  it('reads taxNumber as an INN and registrationNumber as an OGRN only on a Russian entity', () => {
    const props = { taxNumber: ['9909054320'], registrationNumber: ['1099900007778'] };
    expect(keys('Company', { ...props, country: ['ru'] })).toEqual(['taxNumber>inn:9909054320', 'registrationNumber>ogrn:1099900007778']);
    expect(keys('Company', { ...props, jurisdiction: ['Russia'] })).toEqual(['taxNumber>inn:9909054320', 'registrationNumber>ogrn:1099900007778']);
    expect(keys('Company', { ...props, country: ['rs'] })).toEqual([]);
    expect(keys('Company', props)).toEqual([]);
  });

  it('reads a USCC from registration, tax or id numbers, and once only', () => {
    expect(keys('Company', { registrationNumber: ['91440300MA5FNW0X0R'], taxNumber: ['91440300 MA5FNW0X0R'] })).toEqual(['registrationNumber>uscc:91440300MA5FNW0X0R']);
  });

  it('normalises spacing, case and the IMO prefix', () => {
    expect(keys('Vessel', { imoNumber: ['IMO 9187629'] })).toEqual(['imoNumber>imo:9187629']);
    expect(keys('Company', { leiCode: ['2534006sj05ggketey75'] })).toEqual(['leiCode>lei:2534006SJ05GGKETEY75']);
    expect(keys('Company', { innCode: ['38 4905 5365'] })).toEqual(['innCode>inn:3849055365']);
  });

  it('gives no key for a failing check, a placeholder, a passport or a SWIFT/BIC', () => {
    expect(keys('Company', { innCode: ['3849055366', '0000000000'], ogrnCode: ['1153850042247'], imoNumber: ['9187628'], swiftBic: ['BFEARUMM'] })).toEqual([]);
    expect(keys('Person', { passportNumber: ['AB1234567'], idNumber: ['1234567890'] })).toEqual([]);
  });

  it('isStrongIdentifier: the check holds and the value is not a placeholder', () => {
    expect(isStrongIdentifier('inn', '1831083343')).toBe(true);
    expect(isStrongIdentifier('ogrn', '1021801143374')).toBe(true);
    expect(isStrongIdentifier('uscc', '91440300MA5FNW0X0R')).toBe(true);
    expect(isStrongIdentifier('imo', '9187629')).toBe(true);
    expect(isStrongIdentifier('lei', '2534006SJ05GGKETEY75')).toBe(true);
    // (0·w mod 11) mod 10 = 0: the check passes, the number means nothing.
    expect(isStrongIdentifier('inn', '0000000000')).toBe(false);
    expect(isStrongIdentifier('imo', '0000000')).toBe(false);
    // Σ 0 = 0 → check 0: a valid GB 32100 check on a placeholder.
    expect(isStrongIdentifier('uscc', '000000000000000000')).toBe(false);
    expect(isStrongIdentifier('inn', '1831083344')).toBe(false);
    expect(isStrongIdentifier('ogrn', '2021801143374')).toBe(false);
  });

  it('strongKey checks one value of a known kind', () => {
    expect(strongKey('inn', '3849055365')).toBe('inn:3849055365');
    expect(strongKey('inn', '3849055366')).toBeUndefined();
  });

  it('sharedKeys is the evidence of a link', () => {
    const a = strongKeys({ schema: 'Company', properties: { innCode: ['3849055365'], ogrnCode: ['1153850042246'] } });
    const b = strongKeys({ schema: 'Company', properties: { taxNumber: ['3849055365'], country: ['ru'] } });
    expect(sharedKeys(a, b).map((k) => k.key)).toEqual(['inn:3849055365']);
  });
});

import { describe, expect, it } from 'vitest';
import { toCountry, toCurrency, toTransportMode, toUnit } from './code-tables.js';

describe('code tables', () => {
  it('reads countries by Russian name, ISO numeric code, alpha code and English name', () => {
    expect(toCountry('КИТАЙ')).toBe('cn');
    expect(toCountry('Китай')).toBe('cn');
    expect(toCountry('156')).toBe('cn');
    expect(toCountry('CN - КИТАЙ')).toBe('cn');
    expect(toCountry('ГОНКОНГ')).toBe('hk');
    expect(toCountry('Российская Федерация')).toBe('ru');
    expect(toCountry('051')).toBe('am');
    expect(toCountry('Russia')).toBe('ru');
    expect(toCountry('RUS')).toBe('ru');
    expect(toCountry('Narnia')).toBeUndefined();
  });

  it('reads currencies, transport modes and units', () => {
    expect(toCurrency('840')).toBe('USD');
    expect(toCurrency('usd')).toBe('USD');
    expect(toCurrency('Доллар США')).toBe('USD');
    expect(toTransportMode('40')).toBe('air');
    expect(toTransportMode('Air freight')).toBe('air');
    expect(toTransportMode('30 - АВТОДОРОЖНЫЙ')).toBe('road');
    expect(toUnit('796')).toBe('pcs');
    expect(toUnit('ШТ')).toBe('pcs');
    expect(toUnit('boxes')).toBe('boxes');
  });
});

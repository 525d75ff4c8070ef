import { describe, expect, it } from 'vitest';
import { compareBirthDates } from './birth-date.js';
import { compareCountries } from './country.js';
import { compareGenders } from './gender.js';
import { compareIdentifiers } from './identifier.js';

describe('birth date', () => {
  it('rewards exact, month and year agreement', () => {
    expect(compareBirthDates(['1952-10-07'], ['1952-10-07'])).toMatchObject({ score: 1, bonus: 0.05 });
    expect(compareBirthDates(['1952-10'], ['1952-10-07'])).toMatchObject({ score: 0.9 });
    expect(compareBirthDates(['1952'], ['1952-10-07'])).toMatchObject({ score: 0.8 });
  });
  it('tolerates a year-only date one year off (circa) and penalises real differences', () => {
    expect(compareBirthDates(['1953'], ['1952-10-07'])).toMatchObject({ factor: 1 });
    expect(compareBirthDates(['1952-01-01'], ['1952-10-07'])).toMatchObject({ factor: 0.9 });
    expect(compareBirthDates(['1970'], ['1952-10-07'])).toMatchObject({ score: 0, factor: 0.7 });
  });
  it('takes the best of several dates and is neutral without data', () => {
    expect(compareBirthDates(['1970', '1952'], ['1952'])).toMatchObject({ score: 0.8 });
    expect(compareBirthDates([], ['1952'])).toMatchObject({ score: null, factor: 1, bonus: 0 });
  });
});

describe('country', () => {
  it('overlap helps, disjoint sets hurt', () => {
    expect(compareCountries(['ru'], ['ru', 'by'])).toMatchObject({ score: 1, bonus: 0.02 });
    expect(compareCountries(['cn'], ['ru'])).toMatchObject({ score: 0, factor: 0.9 });
    expect(compareCountries([], ['ru']).score).toBeNull();
  });
});

describe('gender', () => {
  it('only a disagreement matters', () => {
    expect(compareGenders(['male'], ['female'])).toMatchObject({ factor: 0.8 });
    expect(compareGenders(['male'], ['male'])).toMatchObject({ factor: 1, bonus: 0 });
  });
});

describe('identifiers', () => {
  const id = (prop: string, raw: string) => ({ prop, raw, norm: raw.toUpperCase().replace(/[^0-9A-Z]/g, '') });
  it('a shared strong identifier decides, also from a generic idNumber', () => {
    expect(compareIdentifiers([id('innCode', '3849055365')], [id('innCode', '3849055365')])).toMatchObject({ decisive: true });
    expect(compareIdentifiers([id('idNumber', '3849055365')], [id('taxNumber', '3849055365')])).toMatchObject({ decisive: true });
  });
  it('a weak identifier adds a little and never decides', () => {
    expect(compareIdentifiers([id('callSign', 'UBCX7')], [id('callSign', 'UBCX7')])).toMatchObject({ decisive: false, bonus: 0.05 });
  });
  it('different identifiers of one kind weigh against', () => {
    expect(compareIdentifiers([id('innCode', '3849055365')], [id('innCode', '1831083343')])).toMatchObject({ score: 0, factor: 0.75 });
    expect(compareIdentifiers([id('imoNumber', '9187629')], [id('innCode', '1831083343')]).factor).toBe(1);
  });
});

import { describe, expect, it } from 'vitest';
import { numberIn } from './documents.js';
import { detectLayout, lastUpdatedLine } from './layout.js';
import { parseOtherInformation, ukListRef, unReference, unReferenceInText } from './other-information.js';
import { parseRegistration } from './registration.js';
import { splitEnumerated, splitList, splitNames } from './text-lists.js';
import { languageCode, ukCountries, ukCountry, ukDate } from './values.js';

describe('splitEnumerated', () => {
  it('splits (1) … (2) … and ranges, and leaves numbers in brackets inside a value alone', () => {
    expect(splitEnumerated('(1) Tiaret (2) Maskara (3) -')).toEqual(['Tiaret', 'Maskara']);
    expect(splitEnumerated('(1)-(2) Tunisia (3) Libya')).toEqual(['Tunisia', 'Libya']);
    expect(splitEnumerated('(1-3) Libya (4) Morocco')).toEqual(['Libya', 'Morocco']);
    expect(splitEnumerated('(1) to (6) Algeria (7) Morocco')).toEqual(['Algeria', 'Morocco']);
    expect(splitEnumerated('+375 (17) 213-41-63')).toEqual(['+375 (17) 213-41-63']);
    expect(splitEnumerated('(1) +375 (17) 213 (2) +98(311)4511741')).toEqual(['+375 (17) 213', '+98(311)4511741']);
    expect(splitEnumerated('(1) 20645897 (2) -', { keepEmpty: true })).toEqual(['20645897', '-']);
    expect(splitEnumerated('')).toEqual([]);
  });

  it('splits lists further on line breaks, ";" and, when asked, on ". "', () => {
    expect(splitList('00375(17)7762032. 00375(17)7765479', { periods: true })).toEqual(['00375(17)7762032', '00375(17)7765479']);
    expect(splitList('Petrostroi-SPB \nAktsionernoe Obshchestvo ATTK-NN')).toEqual(['Petrostroi-SPB', 'Aktsionernoe Obshchestvo ATTK-NN']);
    expect(splitNames('Ansar Bank. Mehr Bank')).toEqual(['Ansar Bank', 'Mehr Bank']);
    expect(splitNames('Joza Industrial Co. M Babaei Industries; Test Ltd. Holding')).toEqual(['Joza Industrial Co. M Babaei Industries', 'Test Ltd. Holding']);
  });
});

describe('ukDate', () => {
  it('reads full and partial DD/MM/YYYY dates', () => {
    expect(ukDate('24/02/2023')).toBe('2023-02-24');
    expect(ukDate('00/00/1965')).toBe('1965');
    expect(ukDate('dd/mm/1965')).toBe('1965');
    expect(ukDate('00/05/1965')).toBe('1965-05');
    expect(ukDate('09/1962')).toBe('1962-09');
    expect(ukDate('1954')).toBe('1954');
    expect(ukDate('31/02/2020')).toBeUndefined();
    expect(ukDate('12/00/1960')).toBeUndefined();
  });
});

describe('ukCountry', () => {
  it('reads names, adjectives and Soviet-era names', () => {
    expect(ukCountry('Russia')).toBe('ru');
    expect(ukCountry('Afghan')).toBe('af');
    expect(ukCountry('Saudi Arabian')).toBe('sa');
    expect(ukCountry('Ukrainian SSR (now Ukraine)')).toBe('ua');
    expect(ukCountry('Former USSR Currently Belarus')).toBe('by');
    expect(ukCountry('Afghanistan (at time of listing)')).toBe('af');
    expect(ukCountry('Palestine')).toBe('ps');
    expect(ukCountry('Moscow')).toBeUndefined();
  });

  it('splits a cell naming several countries, and returns what it cannot read', () => {
    expect(ukCountries(['Germany. Russia', 'Estonia, Russia'])).toEqual({ codes: ['de', 'ru', 'ee'], unresolved: [] });
    expect(ukCountries(['Possibly Ethiopian', 'Kuwaiti citizenship withdrawn in 2002'])).toEqual({ codes: ['et'], unresolved: ['Kuwaiti citizenship withdrawn in 2002'] });
  });

  it('maps script languages to ISO 639-3', () => {
    expect(languageCode('Russian')).toBe('rus');
    expect(languageCode('Persian/Farsi')).toBe('fas');
    expect(languageCode('Cyrillic')).toBeUndefined();
  });
});

describe('parseOtherInformation', () => {
  it('splits the labelled parts and keeps brackets inside values', () => {
    const info = parseOtherInformation(
      '(UK Sanctions List Ref):SOM0025. (UN Ref):SOi.023. Listed pursuant to resolution 2662 (2022): (i) financing (Gender):Male',
    );
    expect(info.lead).toBe('');
    expect(info.parts).toEqual([
      { label: 'UK Sanctions List Ref', value: 'SOM0025.' },
      { label: 'UN Ref', value: 'SOi.023. Listed pursuant to resolution 2662 (2022): (i) financing' },
      { label: 'Gender', value: 'Male' },
    ]);
    expect(ukListRef('RUS1831. Financial sanctions imposed')).toBe('RUS1831');
    expect(unReference('SOi.023. Listed pursuant')).toBe('SOi.023');
    expect(unReferenceInText('UN Ref QI.A.86.03.')).toBe('QI.A.86.03');
    expect(unReferenceInText('UN REF:QE.A.146.14. Also referred')).toBe('QE.A.146.14');
    expect(unReferenceInText('UN Ref E.29.I.11. Owned by SHIG.')).toBe('E.29.I.11');
  });
});

describe('parseRegistration', () => {
  it('maps labelled numbers to FtM properties', () => {
    expect(parseRegistration('(1) OGRN: 1027700456024 (2) INN: 7725075060 (3) KPP - 526101001').map((i) => [i.prop, i.value])).toEqual([
      ['ogrnCode', '1027700456024'],
      ['innCode', '7725075060'],
      ['kppCode', '526101001'],
    ]);
    expect(parseRegistration('1117746568829 (Russia). Tax ID No. 7735579027 (Russia)').map((i) => [i.prop, i.value])).toEqual([
      ['ogrnCode', '1117746568829'],
      ['innCode', '7735579027'],
    ]);
    expect(parseRegistration('9709056472 - Russia INN').map((i) => [i.prop, i.value])).toEqual([['innCode', '9709056472']]);
    expect(parseRegistration('SWIFT/BIC MINNRUMM  BIK (RU) 044525600').map((i) => [i.prop, i.value])).toEqual([
      ['swiftBic', 'MINNRUMM'],
      ['bikCode', '044525600'],
    ]);
    expect(parseRegistration('1067746244026 dated 27/07/1992').map((i) => i.value)).toEqual(['1067746244026']);
    expect(parseRegistration('UK Company no. 06527449').map((i) => [i.prop, i.value])).toEqual([['registrationNumber', '06527449']]);
  });
});

describe('numberIn', () => {
  it('finds the document number and its label in a details text', () => {
    expect(numberIn('G827238 (Tunisian). Issued on 1 June 1996')).toEqual({ number: 'G827238', label: '' });
    expect(numberIn('Passport number:F50859')).toEqual({ number: 'F50859', label: 'Passport' });
    expect(numberIn('Ration card no. 1729765')).toEqual({ number: '1729765', label: 'Ration card' });
    expect(numberIn('no 3603251708570001')).toEqual({ number: '3603251708570001', label: '' });
    expect(numberIn('Uganda Passport.')).toBeUndefined();
  });
});

describe('layout', () => {
  it('tells the layouts apart by column names', () => {
    expect(detectLayout(['Name 6', 'Name 1', 'Group Type', 'Alias Type', 'Alias Quality', 'Regime', 'Group ID'], 'x.csv', 2).kind).toBe('current');
    expect(detectLayout(['Name 6', 'Name 1', 'NI Number', 'Group Type', 'Alias Type', 'Regime', 'Group ID'], 'x.csv', 2).kind).toBe('old');
  });

  it('reads line 1, quoted or not', () => {
    expect(lastUpdatedLine(['Last Updated', '14/04/2025'])).toBe('2025-04-14');
    expect(lastUpdatedLine(['\uFEFFLast Updated', '1/4/2025'])).toBe('2025-04-01');
    expect(lastUpdatedLine(['Last Updated', '31/02/2025'])).toBeNull();
    expect(lastUpdatedLine(['Name 6', 'Name 1'])).toBeUndefined();
  });
});

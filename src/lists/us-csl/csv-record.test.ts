import { describe, expect, it } from 'vitest';
import { EndtraceError } from '../../model/index.js';
import { csvLayout, parseAddressText, parseIdText } from './csv-record.js';
import { cslList } from './sources.js';

describe('parseIdText', () => {
  it('reads country, dates, number and type', () => {
    expect(parseIdText('Male, Gender')).toEqual({ type: 'Gender', number: 'Male', country: undefined });
    expect(parseIdText('CA, BC166787, Passport')).toEqual({ type: 'Passport', number: 'BC166787', country: 'CA' });
    expect(parseIdText('JO, 2014-08-30, 2009-08-31, K475336, Passport')).toEqual({
      type: 'Passport',
      number: 'K475336',
      country: 'JO',
      expirationDate: '2014-08-30',
      issueDate: '2009-08-31',
    });
    expect(parseIdText('2017-08-21, 3284670, Driver\'s License No.')).toEqual({ type: "Driver's License No.", number: '3284670', country: undefined, date: '2017-08-21' });
  });

  it('keeps commas inside the value', () => {
    expect(parseIdText('section 1(b) of Executive Order 13224, as amended by Executive Order 13886, Secondary sanctions risk:')).toEqual({
      type: 'Secondary sanctions risk:',
      number: 'section 1(b) of Executive Order 13224, as amended by Executive Order 13886',
      country: undefined,
    });
    expect(parseIdText('PA, 467323, Doc. 694710, Public Registration Number')?.number).toBe('467323, Doc. 694710');
  });

  it('refuses an entry without a type', () => {
    expect(parseIdText('lonely')).toBeUndefined();
  });
});

describe('parseAddressText', () => {
  it('splits off the trailing country code', () => {
    expect(parseAddressText('Brest, BY')).toEqual({ full: 'Brest', country: 'BY' });
    expect(parseAddressText('RU')).toEqual({ full: undefined, country: 'RU' });
    expect(parseAddressText('Tripoli, Libya')).toEqual({ full: 'Tripoli, Libya' });
  });
});

describe('csvLayout', () => {
  it('finds columns by name in any case and order', () => {
    const layout = csvLayout(['NAME', ' Source ', 'Entity_Number', 'IDS'], 'f.csv', 1);
    expect([...layout.index.entries()]).toEqual([
      ['name', 0],
      ['source', 1],
      ['entityNumber', 2],
      ['ids', 3],
    ]);
  });

  it('refuses a header without source and name', () => {
    let err: unknown;
    try {
      csvLayout(['a', 'name'], 'f.csv', 1);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(EndtraceError);
    expect((err as EndtraceError).code).toBe('layout');
    expect((err as EndtraceError).location).toEqual({ file: 'f.csv', line: 1 });
  });
});

describe('cslList', () => {
  it('derives the list code, name and agency from the source string', () => {
    expect(cslList('Entity List (EL) - Bureau of Industry and Security')).toEqual({
      code: 'EL',
      name: 'Entity List',
      agency: 'Bureau of Industry and Security',
      topics: ['sanction', 'export.control'],
    });
    expect(cslList('Non-SDN Menu-Based Sanctions List (NS-MBS List) - Treasury Department')?.code).toBe('NS-MBS');
    expect(cslList('Military End User (MEU) List - Bureau of Industry and Security')?.name).toBe('Military End User List');
    expect(cslList('ITAR Debarred (DTC) - State Department')?.code).toBe('DTC');
    expect(cslList('Capta List (CAP) - Treasury Department')?.topics).toEqual(['sanction']);
    expect(cslList('Specially Designated Nationals - Treasury Department')?.code).toBe('SDN');
    expect(cslList('Some Other List')).toBeNull();
  });
});

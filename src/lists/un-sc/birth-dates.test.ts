import { describe, expect, it } from 'vitest';
import type { XmlNode } from '../io/xml.js';
import { birthDates } from './birth-dates.js';

const dob = (fields: Record<string, string>): XmlNode => ({
  name: 'INDIVIDUAL_DATE_OF_BIRTH',
  attrs: {},
  text: '',
  line: 1,
  children: Object.entries(fields).map(([name, text]) => ({ name, attrs: {}, text, children: [], line: 1 })),
});

describe('UN SC birthDates', () => {
  it('reads EXACT dates and years', () => {
    expect(birthDates(dob({ TYPE_OF_DATE: 'EXACT', DATE: '1970-07-14' }))).toEqual({ dates: ['1970-07-14'] });
    expect(birthDates(dob({ TYPE_OF_DATE: 'EXACT', YEAR: '1971' }))).toEqual({ dates: ['1971'] });
  });

  it('keeps only the year of an APPROXIMATELY date', () => {
    expect(birthDates(dob({ TYPE_OF_DATE: 'APPROXIMATELY', YEAR: '1966' }))).toEqual({ dates: ['1966'] });
    expect(birthDates(dob({ TYPE_OF_DATE: 'APPROXIMATELY', DATE: '1966-05-01' }))).toEqual({ dates: ['1966'] });
  });

  it('expands BETWEEN into every year of the range', () => {
    expect(birthDates(dob({ TYPE_OF_DATE: 'BETWEEN', FROM_YEAR: '1977', TO_YEAR: '1982' }))).toEqual({
      dates: ['1977', '1978', '1979', '1980', '1981', '1982'],
    });
  });

  it('reports a BETWEEN with a missing or reversed bound, keeping the years it has', () => {
    expect(birthDates(dob({ TYPE_OF_DATE: 'BETWEEN', FROM_YEAR: '1977' }))).toEqual({
      dates: ['1977'],
      problem: 'date of birth range "1977".."" is not a range of years',
    });
    expect(birthDates(dob({ TYPE_OF_DATE: 'BETWEEN', FROM_YEAR: '1980', TO_YEAR: '1970' })).problem).toBe(
      'date of birth range "1980".."1970" is not a range of years',
    );
    expect(birthDates(dob({ TYPE_OF_DATE: 'BETWEEN', FROM_YEAR: '1900', TO_YEAR: '1990' })).problem).toBe(
      'date of birth range "1900".."1990" is not a range of years',
    );
  });

  it('falls back to NOTE when no date field is filled', () => {
    expect(birthDates(dob({ TYPE_OF_DATE: 'EXACT', NOTE: 'Nov. 1973 ' }))).toEqual({ dates: ['1973-11'] });
    expect(birthDates(dob({ TYPE_OF_DATE: 'EXACT', NOTE: 'Between Aug. and Sep. 1977' }))).toEqual({ dates: ['1977'] });
    expect(birthDates(dob({ TYPE_OF_DATE: 'EXACT', NOTE: '24/06/1402 (Hijri Calendar)' }))).toEqual({
      dates: [],
      problem: 'date of birth "24/06/1402 (Hijri Calendar)" could not be read as a date',
    });
    expect(birthDates(dob({ TYPE_OF_DATE: 'APPROXIMATELY', NOTE: '30-35 years old' })).dates).toEqual([]);
  });

  it('ignores an empty element and reports an unknown TYPE_OF_DATE', () => {
    expect(birthDates(dob({ TYPE_OF_DATE: '' }))).toEqual({ dates: [] });
    expect(birthDates(dob({ TYPE_OF_DATE: 'ROUGHLY', YEAR: '1950' }))).toEqual({ dates: ['1950'], problem: 'unknown TYPE_OF_DATE "ROUGHLY"' });
  });
});

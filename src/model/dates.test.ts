import { describe, expect, it } from 'vitest';
import { isIsoDate, parseDate, parseDateExpression } from './dates.js';

describe('parseDate', () => {
  it.each([
    ['23 Apr 2002', '2002-04-23'],
    ['06 Oct 2015', '2015-10-06'],
    ['1957', '1957'],
    ['Apr 1960', '1960-04'],
    ['April 23, 2002', '2002-04-23'],
    ['2002-04-23', '2002-04-23'],
    ['23.04.2002', '2002-04-23'],
    ['23 апреля 2002 г.', '2002-04-23'],
    ['2002年4月23日', '2002-04-23'],
    ['2002年4月', '2002-04'],
    ['14/04/2025', '2025-04-14'],
  ])('%s → %s', (text, iso) => {
    expect(parseDate(text)).toBe(iso);
  });

  it('resolves numeric dates by the given order', () => {
    expect(parseDate('03/04/2002', 'DMY')).toBe('2002-04-03');
    expect(parseDate('03/04/2002', 'MDY')).toBe('2002-03-04');
    // Impossible as MDY, so read as DMY.
    expect(parseDate('25/12/2002', 'MDY')).toBe('2002-12-25');
  });

  it('refuses what is not a date', () => {
    expect(parseDate('31 Feb 2002')).toBeUndefined();
    expect(parseDate('Moscow')).toBeUndefined();
    expect(parseDate('13/13/2002')).toBeUndefined();
    expect(parseDate('')).toBeUndefined();
    expect(isIsoDate('2002-02-30')).toBe(false);
    expect(isIsoDate('2002-02-28')).toBe(true);
  });
});

describe('parseDateExpression', () => {
  it('expands year ranges', () => {
    expect(parseDateExpression('1960 to 1962')).toEqual({ dates: ['1960', '1961', '1962'], circa: false, range: true });
    expect(parseDateExpression('between 1958 and 1959').dates).toEqual(['1958', '1959']);
  });
  it('marks circa', () => {
    expect(parseDateExpression('circa 1955')).toEqual({ dates: ['1955'], circa: true, range: false });
    expect(parseDateExpression('approximately 1970').circa).toBe(true);
  });
  it('keeps both ends of a date range', () => {
    expect(parseDateExpression('01 Jan 1960 to 31 Dec 1960').dates).toEqual(['1960-01-01', '1960-12-31']);
  });
  it('gives nothing for text', () => {
    expect(parseDateExpression('unknown').dates).toEqual([]);
  });
});

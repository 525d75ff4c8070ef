import { describe, expect, it } from 'vitest';
import { DEFAULT_NUMBER_FORMAT, dateParser, isDateFormat, numberParser } from './numbers-dates.js';

describe('numberParser', () => {
  const en = numberParser(DEFAULT_NUMBER_FORMAT);
  const ru = numberParser({ decimal: [',', '.'], thousands: [' ', '\u00a0'] });
  const de = numberParser({ decimal: [','], thousands: ['.'] });

  it('reads point decimals with comma or space thousands', () => {
    expect(en('12,500.00')).toBe('12500');
    expect(en('1 234 567.5')).toBe('1234567.5');
    expect(en('-0.50')).toBe('-0.5');
    expect(en('0012')).toBe('12');
    expect(en('+7')).toBe('7');
  });

  it('refuses a decimal comma under a point-decimal format instead of reading 1,5 as 15', () => {
    expect(en('1,5')).toBeUndefined();
    expect(en('12,34,567')).toBeUndefined();
    expect(en('ten')).toBeUndefined();
    expect(en('1e5')).toBeUndefined();
  });

  it('reads decimal commas with space or dot thousands', () => {
    expect(ru('1 234 567,89')).toBe('1234567.89');
    expect(ru('1\u00a0234,5')).toBe('1234.5');
    expect(ru('980.00')).toBe('980');
    expect(ru('1,234,567')).toBeUndefined();
    expect(de('1.234,56')).toBe('1234.56');
    expect(de('12,5')).toBe('12.5');
    expect(de('1.5')).toBeUndefined();
  });
});

describe('dateParser', () => {
  it('reads patterns, strictly', () => {
    expect(dateParser(['DD.MM.YYYY'])('14.03.2023')).toBe('2023-03-14');
    expect(dateParser(['DD.MM.YYYY'])('31.02.2023')).toBeUndefined();
    expect(dateParser(['MM/DD/YYYY'])('03/14/2023')).toBe('2023-03-14');
    expect(dateParser(['YYYYMMDD'])('20230314')).toBe('2023-03-14');
    expect(dateParser(['DD.MM.YY'])('14.03.23')).toBe('2023-03-14');
    expect(dateParser(['DD/MM/YYYY'])('2022-12-31')).toBeUndefined();
  });

  it('drops a time of day', () => {
    expect(dateParser(['YYYY-MM-DD'])('2023-03-20T08:15')).toBe('2023-03-20');
    expect(dateParser(['DD.MM.YYYY'])('14.03.2023 10:20:30')).toBe('2023-03-14');
  });

  it('tries formats in order; a day order uses the general parser', () => {
    const p = dateParser(['YYYY-MM-DD', 'DMY']);
    expect(p('2023-09-02')).toBe('2023-09-02');
    expect(p('02/09/2023')).toBe('2023-09-02');
    expect(p('2 Sep 2023')).toBe('2023-09-02');
    expect(dateParser(['MDY'])('02/09/2023')).toBe('2023-02-09');
    expect(p('2023-02-30')).toBeUndefined();
  });

  it('knows which format strings it understands', () => {
    expect(isDateFormat('DD.MM.YYYY')).toBe(true);
    expect(isDateFormat('YYYY-MM-DDTHH')).toBe(false);
    expect(isDateFormat('DD.MM.YYYYY')).toBe(false);
    expect(isDateFormat('MM.YYYY')).toBe(false);
    expect(isDateFormat('DMY')).toBe(true);
  });
});

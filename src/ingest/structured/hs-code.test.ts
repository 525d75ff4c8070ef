import { describe, expect, it } from 'vitest';
import { hsEdition, hsEditionConflict, parseHsCode } from './hs-code.js';

describe('parseHsCode', () => {
  it('reduces national 8/10-digit codes to the 6-digit subheading and keeps the declared digits', () => {
    expect(parseHsCode('8806.22.0000')).toEqual({ ok: true, hs6: '880622', declared: '8806220000' });
    expect(parseHsCode('8806 22 000 0')).toEqual({ ok: true, hs6: '880622', declared: '8806220000' });
    expect(parseHsCode('8501.31.00')).toEqual({ ok: true, hs6: '850131', declared: '85013100' });
    expect(parseHsCode('880622')).toEqual({ ok: true, hs6: '880622', declared: '880622' });
    expect(parseHsCode('0101210000')).toEqual({ ok: true, hs6: '010121', declared: '0101210000' });
  });

  it('keeps a 4-digit heading without a subheading', () => {
    expect(parseHsCode('8471')).toEqual({ ok: true, hs6: undefined, declared: '8471' });
  });

  it('refuses letters, wrong lengths and chapters that do not exist', () => {
    expect(parseHsCode('85A1.31')).toEqual({ ok: false, reason: 'not digits' });
    expect(parseHsCode('123')).toEqual({ ok: false, reason: '3 digits (an HS code has 4 to 10)' });
    expect(parseHsCode('12345678901')).toEqual({ ok: false, reason: '11 digits (an HS code has 4 to 10)' });
    expect(parseHsCode('9901.00')).toEqual({ ok: false, reason: 'chapter 99 does not exist: chapters are 01–97, 77 is reserved' });
    expect(parseHsCode('7701')).toMatchObject({ ok: false });
    expect(parseHsCode('0012')).toMatchObject({ ok: false });
  });
});

describe('hsEdition', () => {
  it('gives the edition in force on the date', () => {
    expect(hsEdition('2016-12-31')).toBe('HS2012');
    expect(hsEdition('2017-01-01')).toBe('HS2017');
    expect(hsEdition('2021-12-31')).toBe('HS2017');
    expect(hsEdition('2022-01-01')).toBe('HS2022');
    expect(hsEdition('2021')).toBe('HS2017');
    expect(hsEdition('2022-03')).toBe('HS2022');
    expect(hsEdition(undefined)).toBeUndefined();
    expect(hsEdition('1999-05-01')).toBeUndefined();
  });
});

describe('hsEditionConflict', () => {
  it('flags 88.06 and 88.07 before HS 2022', () => {
    expect(hsEditionConflict('880622', '2021-06-01')).toMatch(/^heading 88\.06 \(unmanned aircraft\) exists only from HS 2022/);
    expect(hsEditionConflict('8807300000', '2021-12-31')).toMatch(/^heading 88\.07/);
    expect(hsEditionConflict('880622', '2022-01-01')).toBeUndefined();
  });

  it('accepts the HS 2017 drone codes before 2022 and flags the deleted ones after', () => {
    expect(hsEditionConflict('880220', '2021-05-10')).toBeUndefined();
    expect(hsEditionConflict('852580', '2020-01-01')).toBeUndefined();
    expect(hsEditionConflict('852580', '2023-01-01')).toBe('subheading 8525.80 was split into 8525.81–8525.89 in HS 2022');
    expect(hsEditionConflict('880330', '2022-03-01')).toBe('heading 88.03 was deleted in HS 2022 (its parts moved to 88.07)');
    expect(hsEditionConflict('852589', '2021-02-01')).toBe('subheading 8525.89 exists only from HS 2022 (it replaced 8525.80)');
  });

  it('says nothing without a date', () => {
    expect(hsEditionConflict('880622', undefined)).toBeUndefined();
  });
});

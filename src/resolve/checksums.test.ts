/**
 * Check digits of the strong identifiers. Valid numbers are public list entries (OFAC SDN:
 * JSC IEMZ KUPOL's INN and OGRN, TSK VEKTOR's OGRN, the vessel ARTAVIL's IMO number, JSC
 * MOSCOW INDUSTRIAL BANK's LEI) or fictional ones made for these tests (region 99); each
 * invalid number is a valid one with one character changed.
 */
import { describe, expect, it } from 'vitest';
import { isValidImo, isValidInn, isValidLei, isValidOgrn, isValidUscc } from './checksums.js';

describe('INN', () => {
  it('accepts 10-digit organisation and 12-digit individual numbers with valid check digits', () => {
    expect(isValidInn('1831083343')).toBe(true);
    expect(isValidInn('9909054320')).toBe(true);
    expect(isValidInn('770712345633')).toBe(true);
  });
  it('refuses a changed digit, a wrong length, letters and placeholders', () => {
    expect(isValidInn('1831083344')).toBe(false);
    expect(isValidInn('9909054321')).toBe(false);
    expect(isValidInn('770712345634')).toBe(false);
    expect(isValidInn('770712345643')).toBe(false);
    expect(isValidInn('183108334')).toBe(false);
    expect(isValidInn('18310833431')).toBe(false);
    expect(isValidInn('18310833A3')).toBe(false);
    // (0·w mod 11) mod 10 = 0: the check passes, the number means nothing.
    expect(isValidInn('0000000000')).toBe(false);
  });
});

describe('OGRN and OGRNIP', () => {
  it('accepts 13-digit OGRN (first digit 1 or 5) and 15-digit OGRNIP (first digit 3)', () => {
    expect(isValidOgrn('1021801143374')).toBe(true);
    expect(isValidOgrn('1153850042246')).toBe(true);
    expect(isValidOgrn('1099900007778')).toBe(true);
    expect(isValidOgrn('304770000000127')).toBe(true);
  });
  it('refuses a changed check digit, a wrong sign digit and a wrong length', () => {
    expect(isValidOgrn('1021801143375')).toBe(false);
    expect(isValidOgrn('304770000000128')).toBe(false);
    // The same 12 digits after a sign of 2 (a register entry number, not an OGRN).
    expect(isValidOgrn('2021801143374')).toBe(false);
    expect(isValidOgrn('102180114337')).toBe(false);
  });
});

describe('USCC', () => {
  it('accepts a code whose 18th character is the GB 32100-2015 check', () => {
    expect(isValidUscc('91440300MA5FNW0X0R')).toBe(true);
    expect(isValidUscc('91440100MAU9FK8N5N')).toBe(true);
  });
  it('refuses a changed character, letters outside the alphabet and a wrong length', () => {
    expect(isValidUscc('91440300MA5FNW0X0S')).toBe(false);
    expect(isValidUscc('91440300MA5FNW1X0R')).toBe(false);
    expect(isValidUscc('91440300MA5FNWOX0R')).toBe(false);
    expect(isValidUscc('91440300MA5FNW0X0')).toBe(false);
  });
});

describe('IMO', () => {
  it('accepts a 7-digit number whose last digit is Σ dᵢ·(7−i) mod 10', () => {
    expect(isValidImo('9187629')).toBe(true);
    expect(isValidImo('9000003')).toBe(true);
  });
  it('refuses a changed digit and a wrong length', () => {
    expect(isValidImo('9187628')).toBe(false);
    expect(isValidImo('9817629')).toBe(false);
    expect(isValidImo('918762')).toBe(false);
    expect(isValidImo('0000000')).toBe(false);
  });
});

describe('LEI', () => {
  it('accepts a code that is 1 modulo 97 (ISO 7064 MOD 97-10)', () => {
    expect(isValidLei('2534006SJ05GGKETEY75')).toBe(true);
  });
  it('refuses changed check digits and a changed character', () => {
    expect(isValidLei('2534006SJ05GGKETEY76')).toBe(false);
    expect(isValidLei('2534006SJ05GGKETFY75')).toBe(false);
    expect(isValidLei('2534006SJ05GGKETEY7')).toBe(false);
  });
});

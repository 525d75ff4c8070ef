import { describe, expect, it } from 'vitest';
import { imoCheckDigit, innCheckDigits, isValidImo, isValidInn, isValidOgrn, isValidUscc, ogrnCheckDigit, usccCheckChar } from './checksums.js';

/** Every other last character: the check must refuse all of them. */
const wrongLast = (valid: string, alphabet = '0123456789') =>
  [...alphabet].filter((c) => c !== valid.at(-1)).map((c) => valid.slice(0, -1) + c);

describe('INN (ИНН)', () => {
  it('accepts real 10-digit INNs from the OFAC SDN remarks (Kupol, TSK Vektor, NII Vektor)', () => {
    expect(['1831083343', '3849055365', '7813491943'].map(isValidInn)).toEqual([true, true, true]);
  });
  it('computes the check digits: 10 digits with one, 12 digits with two', () => {
    // 2·0+4·0+10·1+3·2+5·3+9·4+4·5+6·6+8·7 = 179; 179 mod 11 = 3
    expect(innCheckDigits('001234567')).toBe('3');
    expect(isValidInn('0012345673')).toBe(true);
    const twelve = `0012345678${innCheckDigits('0012345678')}`;
    expect(twelve).toBe('001234567887');
    expect(isValidInn(twelve)).toBe(true);
  });
  it('refuses every wrong check digit, wrong lengths and non-digits', () => {
    expect(wrongLast('1831083343').filter(isValidInn)).toEqual([]);
    expect(wrongLast('001234567887').filter(isValidInn)).toEqual([]);
    expect(isValidInn('001234567878')).toBe(false); // first check digit wrong
    expect(isValidInn('183108334')).toBe(false);
    expect(isValidInn('18310833431')).toBe(false);
    expect(isValidInn('18310833a3')).toBe(false);
  });
});

describe('OGRN (ОГРН) and OGRNIP', () => {
  it('accepts the OGRN of Kupol from the SDN remarks', () => {
    expect(isValidOgrn('1021801143374')).toBe(true);
  });
  it('computes check digits mod 11 (13 digits) and mod 13 (15 digits)', () => {
    // 100000012345 mod 11 = 2
    expect(ogrnCheckDigit('100000012345')).toBe('2');
    expect(isValidOgrn('1000000123452')).toBe(true);
    const ip = `30000000012345${ogrnCheckDigit('30000000012345')}`;
    expect(Number('30000000012345') % 13 % 10).toBe(Number(ip.at(-1)));
    expect(isValidOgrn(ip)).toBe(true);
  });
  it('refuses wrong check digits and lengths', () => {
    expect(wrongLast('1021801143374').filter(isValidOgrn)).toEqual([]);
    expect(isValidOgrn('102180114337')).toBe(false);
    expect(isValidOgrn('10218011433741')).toBe(false);
  });
});

describe('USCC (统一社会信用代码, GB 32100-2015)', () => {
  it('accepts real codes from the OFAC SDN remarks', () => {
    expect(['9113100033607322XK', '91110117663725176G', '91222401MA0Y31E659', '91310115MA1K4DLAXM'].map(isValidUscc)).toEqual([true, true, true, true]);
  });
  it('computes the check character over the 31-character alphabet', () => {
    expect(usccCheckChar('91000000MA0EXMP1X')).toBe('G');
    expect(usccCheckChar('9100000000EXAMPL0')).toBe('H');
    // I, O, S, V and Z are not in the alphabet.
    expect(usccCheckChar('91000000MA0EXMPIX')).toBeUndefined();
  });
  it('refuses every wrong check character and a non-numeric division code', () => {
    expect(wrongLast('91110117663725176G', '0123456789ABCDEFGHJKLMNPQRTUWXY').filter(isValidUscc)).toEqual([]);
    expect(isValidUscc('91AB0117663725176G')).toBe(false);
  });
});

describe('IMO ship numbers', () => {
  it('computes the weighted check digit (7..2, mod 10)', () => {
    // 9·7+0·6+7·5+4·4+7·3+2·2 = 139
    expect(imoCheckDigit('907472')).toBe('9');
    expect(isValidImo('9074729')).toBe(true);
    expect(isValidImo('9000015')).toBe(true);
  });
  it('refuses wrong check digits and lengths', () => {
    expect(wrongLast('9074729').filter(isValidImo)).toEqual([]);
    expect(isValidImo('907472')).toBe(false);
  });
});

/**
 * Check digits of INN, OGRN/OGRNIP, USCC, IMO and LEI. Valid numbers are public list entries
 * (OFAC SDN remarks: JSC IEMZ KUPOL's INN and OGRN, TSK VEKTOR's OGRN, the vessel ARTAVIL's IMO
 * number, JSC MOSCOW INDUSTRIAL BANK's LEI, USCCs of Chinese companies) or fictional ones made
 * for these tests (region 99); each invalid number is a valid one with one character changed.
 */
import { describe, expect, it } from 'vitest';
import {
  USCC_ALPHABET,
  imoCheckDigit,
  innCheckDigits,
  isPlaceholderId,
  isValidImo,
  isValidInn,
  isValidLei,
  isValidOgrn,
  isValidUscc,
  ogrnCheckDigit,
  usccCheckChar,
} from './identifier-checks.js';

/** Every other last character: the check must refuse all of them. */
const wrongLast = (valid: string, alphabet = '0123456789') =>
  [...alphabet].filter((c) => c !== valid.at(-1)).map((c) => valid.slice(0, -1) + c);

describe('INN (ИНН)', () => {
  it('accepts real 10-digit INNs from the OFAC SDN remarks (Kupol, TSK Vektor, NII Vektor)', () => {
    expect(['1831083343', '3849055365', '7813491943'].map(isValidInn)).toEqual([true, true, true]);
  });
  it('accepts 10-digit organisation and 12-digit individual numbers with valid check digits', () => {
    expect(isValidInn('1831083343')).toBe(true);
    expect(isValidInn('9909054320')).toBe(true);
    expect(isValidInn('770712345633')).toBe(true);
    expect(isValidInn('3849055365')).toBe(true);
    expect(isValidInn('500100732259')).toBe(true);
  });
  it('computes the check digits: 10 digits with one, 12 digits with two', () => {
    // 2·0+4·0+10·1+3·2+5·3+9·4+4·5+6·6+8·7 = 179; 179 mod 11 = 3
    expect(innCheckDigits('001234567')).toBe('3');
    expect(isValidInn('0012345673')).toBe(true);
    const twelve = `0012345678${innCheckDigits('0012345678')}`;
    expect(twelve).toBe('001234567887');
    expect(isValidInn(twelve)).toBe(true);
    expect(() => innCheckDigits('00123456')).toThrow(RangeError);
  });
  it('refuses every wrong check digit, wrong lengths and non-digits', () => {
    expect(wrongLast('1831083343').filter(isValidInn)).toEqual([]);
    expect(wrongLast('001234567887').filter(isValidInn)).toEqual([]);
    expect(isValidInn('001234567878')).toBe(false); // first check digit wrong
    expect(isValidInn('183108334')).toBe(false);
    expect(isValidInn('18310833431')).toBe(false);
    expect(isValidInn('18310833a3')).toBe(false);
  });
  it('refuses a changed digit, a wrong length and letters', () => {
    expect(isValidInn('1831083344')).toBe(false);
    expect(isValidInn('9909054321')).toBe(false);
    expect(isValidInn('770712345634')).toBe(false);
    expect(isValidInn('770712345643')).toBe(false);
    expect(isValidInn('18310833A3')).toBe(false);
    expect(isValidInn('3849055366')).toBe(false);
    expect(isValidInn('500100732258')).toBe(false);
    expect(isValidInn('38490553')).toBe(false);
  });
});

describe('OGRN (ОГРН) and OGRNIP', () => {
  it('accepts 13-digit OGRN (first digit 1 or 5) and 15-digit OGRNIP (first digit 3)', () => {
    expect(isValidOgrn('1021801143374')).toBe(true); // Kupol, SDN remarks
    expect(isValidOgrn('1153850042246')).toBe(true);
    expect(isValidOgrn('1099900007778')).toBe(true);
    expect(isValidOgrn('304770000000127')).toBe(true);
    expect(isValidOgrn('304500116000157')).toBe(true);
  });
  it('computes check digits mod 11 (13 digits) and mod 13 (15 digits)', () => {
    // 100000012345 mod 11 = 2
    expect(ogrnCheckDigit('100000012345')).toBe('2');
    expect(isValidOgrn('1000000123452')).toBe(true);
    const ip = `30000000012345${ogrnCheckDigit('30000000012345')}`;
    expect(Number('30000000012345') % 13 % 10).toBe(Number(ip.at(-1)));
    expect(isValidOgrn(ip)).toBe(true);
    expect(() => ogrnCheckDigit('1000000123')).toThrow(RangeError);
  });
  it('refuses wrong check digits, a wrong sign digit and wrong lengths', () => {
    expect(wrongLast('1021801143374').filter(isValidOgrn)).toEqual([]);
    expect(isValidOgrn('1021801143375')).toBe(false);
    expect(isValidOgrn('304770000000128')).toBe(false);
    // The same 12 digits after a sign of 2 (a register entry number, not an OGRN).
    expect(isValidOgrn('2021801143374')).toBe(false);
    // Passes mod 11 (and mod 13) but the sign is 2 (ГРН) or 4 (ГРНИП): not an OGRN or OGRNIP.
    expect(ogrnCheckDigit('202180114337')).toBe('3');
    expect(isValidOgrn('2021801143373')).toBe(false);
    expect(isValidOgrn('404770000000124')).toBe(false);
    expect(isValidOgrn('102180114337')).toBe(false);
    expect(isValidOgrn('10218011433741')).toBe(false);
  });
});

describe('USCC (统一社会信用代码, GB 32100-2015)', () => {
  it('accepts real codes from the OFAC SDN remarks and codes whose 18th character is the check', () => {
    expect(['9113100033607322XK', '91110117663725176G', '91222401MA0Y31E659', '91310115MA1K4DLAXM'].map(isValidUscc)).toEqual([true, true, true, true]);
    expect(isValidUscc('91440300MA5FNW0X0R')).toBe(true);
    expect(isValidUscc('91440100MAU9FK8N5N')).toBe(true);
    expect(isValidUscc('91350100M000100Y43')).toBe(true);
  });
  it('computes the check character over the 31-character alphabet', () => {
    expect(USCC_ALPHABET).toHaveLength(31);
    expect(usccCheckChar('91000000MA0EXMP1X')).toBe('G');
    expect(usccCheckChar('9100000000EXAMPL0')).toBe('H');
    expect(usccCheckChar('91350100M000100Y4')).toBe('3');
    // I, O, S, V and Z are not in the alphabet.
    expect(usccCheckChar('91000000MA0EXMPIX')).toBeUndefined();
    expect(usccCheckChar('91330200MA2IMG0N0')).toBeUndefined();
    // Only a 17-character body has a check character.
    expect(usccCheckChar('91350100M000100Y')).toBeUndefined();
  });
  it('refuses every wrong check character, a changed character, letters outside the alphabet, a non-numeric division code and a wrong length', () => {
    expect(wrongLast('91110117663725176G', '0123456789ABCDEFGHJKLMNPQRTUWXY').filter(isValidUscc)).toEqual([]);
    expect(isValidUscc('91AB0117663725176G')).toBe(false);
    expect(isValidUscc('91440300MA5FNW0X0S')).toBe(false);
    expect(isValidUscc('91440300MA5FNW1X0R')).toBe(false);
    expect(isValidUscc('91440300MA5FNWOX0R')).toBe(false);
    expect(isValidUscc('91440300MA5FNW0X0')).toBe(false);
    expect(isValidUscc('91350100M000100Y44')).toBe(false);
  });
});

describe('IMO ship numbers', () => {
  it('computes the weighted check digit (7..2, mod 10)', () => {
    // 9·7+0·6+7·5+4·4+7·3+2·2 = 139
    expect(imoCheckDigit('907472')).toBe('9');
    expect(isValidImo('9074729')).toBe(true);
    expect(isValidImo('9000015')).toBe(true);
    expect(() => imoCheckDigit('90747')).toThrow(RangeError);
  });
  it('accepts a 7-digit number whose last digit is Σ dᵢ·(7−i) mod 10', () => {
    expect(isValidImo('9187629')).toBe(true);
    expect(isValidImo('9000003')).toBe(true);
  });
  it('refuses wrong check digits, a changed digit and wrong lengths', () => {
    expect(wrongLast('9074729').filter(isValidImo)).toEqual([]);
    expect(isValidImo('907472')).toBe(false);
    expect(isValidImo('9187628')).toBe(false);
    expect(isValidImo('9817629')).toBe(false);
    expect(isValidImo('918762')).toBe(false);
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

describe('placeholders', () => {
  it('are one repeated character, told apart from the checks they may pass', () => {
    // (0·w mod 11) mod 10 = 0: the check passes, the number means nothing.
    expect(isValidInn('0000000000')).toBe(true);
    expect(isPlaceholderId('0000000000')).toBe(true);
    expect(isValidImo('0000000')).toBe(true);
    expect(isPlaceholderId('0000000')).toBe(true);
    expect(isPlaceholderId('000000000000000000')).toBe(true);
    expect(isPlaceholderId('1831083343')).toBe(false);
    expect(isPlaceholderId('0')).toBe(false);
    expect(isPlaceholderId('')).toBe(false);
  });
});

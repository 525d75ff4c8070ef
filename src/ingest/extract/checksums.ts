/**
 * Check digits of the identifiers that documents carry, each after its defining text:
 * - Russian INN (ИНН): the Federal Tax Service's check-digit rule for taxpayer numbers
 *   (order of the FTS of Russia of 29.06.2012 № ММВ-7-6/435@ on the assignment of the INN):
 *   10 digits for organisations, one check digit, weights 2,4,10,3,5,9,4,6,8; 12 digits for
 *   individuals, two check digits, weights 7,2,4,10,3,5,9,4,6,8 and 3,7,2,4,10,3,5,9,4,6,8;
 *   each check digit is (Σ weight·digit mod 11) mod 10.
 * - Russian OGRN (ОГРН, 13 digits; Government Decree № 438 of 19.06.2002, rules of the
 *   unified state register of legal entities): check = (first 12 digits mod 11) mod 10.
 *   OGRNIP (ОГРНИП, 15 digits; Decree № 630 of 16.10.2003): check = (first 14 mod 13) mod 10.
 * - Chinese Unified Social Credit Code (统一社会信用代码, GB 32100-2015): 18 characters over
 *   the 31-character alphabet 0-9 A-H J-N P-R T-U W-Y; check = 31 − (Σ value·weight mod 31),
 *   weights 1,3,9,27,19,26,16,17,20,29,25,13,8,24,10,30,28 (3^i mod 31), 31 written as 0.
 * - IMO ship numbers (IMO Resolution A.1117(30), the IMO ship identification number scheme):
 *   7 digits, the last = (Σ digit·weight, weights 7,6,5,4,3,2) mod 10.
 */

const INN10 = [2, 4, 10, 3, 5, 9, 4, 6, 8];
const INN12A = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const INN12B = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];

function weighted(digits: string, weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += (digits.charCodeAt(i) - 48) * weights[i]!;
  return sum;
}

const digit = (s: string, i: number) => s.charCodeAt(i) - 48;

/** The check digit(s) an INN of 10 or 12 digits must end with, given its first 9 or 10 digits. */
export function innCheckDigits(prefix: string): string {
  if (/^\d{9}$/.test(prefix)) return String((weighted(prefix, INN10) % 11) % 10);
  if (/^\d{10}$/.test(prefix)) {
    const a = (weighted(prefix, INN12A) % 11) % 10;
    const b = (weighted(prefix + a, INN12B) % 11) % 10;
    return `${a}${b}`;
  }
  throw new RangeError('an INN prefix has 9 (organisation) or 10 (individual) digits');
}

export function isValidInn(value: string): boolean {
  if (/^\d{10}$/.test(value)) return innCheckDigits(value.slice(0, 9)) === value.slice(9);
  if (/^\d{12}$/.test(value)) return innCheckDigits(value.slice(0, 10)) === value.slice(10);
  return false;
}

/** Remainder of a decimal string (up to 14 digits: exact in a double) modulo m. */
const mod = (digits: string, m: number) => Number(digits) % m;

export function ogrnCheckDigit(prefix: string): string {
  if (/^\d{12}$/.test(prefix)) return String(mod(prefix, 11) % 10);
  if (/^\d{14}$/.test(prefix)) return String(mod(prefix, 13) % 10);
  throw new RangeError('an OGRN prefix has 12 (OGRN) or 14 (OGRNIP) digits');
}

/** OGRN (13 digits) or OGRNIP (15 digits). */
export function isValidOgrn(value: string): boolean {
  if (!/^\d{13}$|^\d{15}$/.test(value)) return false;
  return ogrnCheckDigit(value.slice(0, -1)) === value.slice(-1);
}

export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The 18th character of a USCC, given its first 17; undefined when a character is outside the alphabet. */
export function usccCheckChar(prefix: string): string | undefined {
  if (prefix.length !== 17) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_ALPHABET.indexOf(prefix[i]!);
    if (v < 0) return undefined;
    sum += v * USCC_WEIGHTS[i]!;
  }
  const c = 31 - (sum % 31);
  return USCC_ALPHABET[c === 31 ? 0 : c];
}

export function isValidUscc(value: string): boolean {
  if (value.length !== 18) return false;
  // Characters 3–8 are the administrative division code: digits.
  if (!/^\d{6}$/.test(value.slice(2, 8))) return false;
  return usccCheckChar(value.slice(0, 17)) === value[17];
}

export function imoCheckDigit(prefix: string): string {
  if (!/^\d{6}$/.test(prefix)) throw new RangeError('an IMO prefix has 6 digits');
  let sum = 0;
  for (let i = 0; i < 6; i++) sum += digit(prefix, i) * (7 - i);
  return String(sum % 10);
}

export function isValidImo(value: string): boolean {
  return /^\d{7}$/.test(value) && imoCheckDigit(value.slice(0, 6)) === value[6];
}

/**
 * Check characters of the identifiers that lists, documents and records carry, each after its
 * defining text. Pure; the one home of these rules for ingest, resolve and synthetic.
 * - Russian INN (ИНН, taxpayer number; order of the FTS of Russia of 29.06.2012
 *   № ММВ-7-6/435@ on the assignment of the INN, before it order of the Ministry of Taxes of
 *   03.03.2004 № БГ-3-09/178, "control number"): 10 digits for an organisation, one check digit,
 *   weights 2,4,10,3,5,9,4,6,8; 12 digits for an individual, two check digits, weights
 *   7,2,4,10,3,5,9,4,6,8 and 3,7,2,4,10,3,5,9,4,6,8; each check digit is
 *   (Σ weight·digit mod 11) mod 10.
 * - Russian OGRN (ОГРН; rules of the unified state register of legal entities, Government
 *   Decree № 438 of 19.06.2002): 13 digits, the first (the sign of the record) 1 or 5, check =
 *   (first 12 digits mod 11) mod 10. Other first digits are register entry numbers (ГРН), not
 *   an OGRN. OGRNIP (ОГРНИП; Government Decree № 630 of 16.10.2003): 15 digits, the first 3,
 *   check = (first 14 digits mod 13) mod 10.
 * - Chinese Unified Social Credit Code (统一社会信用代码, GB 32100-2015): 18 characters over the
 *   31-character alphabet 0-9 A-H J-N P-R T-U W-Y (no I O S V Z); characters 3–8 are the
 *   administrative division code (digits); check = 31 − (Σ value·3ⁱ mod 31), weights
 *   1,3,9,27,19,26,16,17,20,29,25,13,8,24,10,30,28, 31 written as 0. Only the code's own check
 *   is verified here, not the GB 11714 check of the organisation code inside it.
 * - IMO ship number (IMO Resolution A.1117(30), the IMO ship identification number scheme):
 *   7 digits, check = (Σ dᵢ·(7−i), i = 0..5) mod 10.
 * - LEI (ISO 17442, check digits per ISO 7064 MOD 97-10): 20 characters, the last two digits,
 *   letters as 10..35, the whole read as a number ≡ 1 (mod 97).
 * A value of one repeated character (0000000000) passes some of these checks and is a
 * placeholder, never an identifier: `isPlaceholderId` says so, separately from the checks.
 */

const INN10 = [2, 4, 10, 3, 5, 9, 4, 6, 8];
const INN12A = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const INN12B = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];

const digitAt = (s: string, i: number) => s.charCodeAt(i) - 48;

/** (Σ weight·digit mod 11) mod 10 over the first `weights.length` digits. */
function innCheck(digits: string, weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += digitAt(digits, i) * weights[i]!;
  return (sum % 11) % 10;
}

/** Remainder of a decimal string of any length modulo m. */
function decimalMod(digits: string, m: number): number {
  let r = 0;
  for (let i = 0; i < digits.length; i++) r = (r * 10 + digitAt(digits, i)) % m;
  return r;
}

/** A value of one repeated character (`0000000000`): a placeholder, whatever its check says. */
export function isPlaceholderId(value: string): boolean {
  return /^(.)\1+$/.test(value);
}

/** The check digit(s) an INN of 10 or 12 digits must end with, given its first 9 or 10 digits. */
export function innCheckDigits(prefix: string): string {
  if (/^\d{9}$/.test(prefix)) return String(innCheck(prefix, INN10));
  if (/^\d{10}$/.test(prefix)) {
    const a = innCheck(prefix, INN12A);
    return `${a}${innCheck(prefix + a, INN12B)}`;
  }
  throw new RangeError('an INN prefix has 9 (organisation) or 10 (individual) digits');
}

/** INN of 10 (organisation) or 12 (individual) digits with valid check digits. */
export function isValidInn(value: string): boolean {
  if (/^\d{10}$/.test(value)) return innCheck(value, INN10) === digitAt(value, 9);
  if (/^\d{12}$/.test(value)) return innCheck(value, INN12A) === digitAt(value, 10) && innCheck(value, INN12B) === digitAt(value, 11);
  return false;
}

/** The last digit of an OGRN given its first 12 digits, or of an OGRNIP given its first 14. */
export function ogrnCheckDigit(prefix: string): string {
  if (/^\d{12}$/.test(prefix)) return String(decimalMod(prefix, 11) % 10);
  if (/^\d{14}$/.test(prefix)) return String(decimalMod(prefix, 13) % 10);
  throw new RangeError('an OGRN prefix has 12 (OGRN) or 14 (OGRNIP) digits');
}

/** OGRN (13 digits, first 1 or 5) or OGRNIP (15 digits, first 3) with a valid check digit. */
export function isValidOgrn(value: string): boolean {
  if (!/^[15]\d{12}$|^3\d{14}$/.test(value)) return false;
  return ogrnCheckDigit(value.slice(0, -1)) === value.slice(-1);
}

export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The 18th character of a USCC given its first 17; undefined when a character is outside the alphabet. */
export function usccCheckChar(prefix: string): string | undefined {
  if (prefix.length !== 17) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_ALPHABET.indexOf(prefix[i]!);
    if (v < 0) return undefined;
    sum += v * USCC_WEIGHTS[i]!;
  }
  return USCC_ALPHABET[(31 - (sum % 31)) % 31];
}

/** USCC of 18 characters with a digit division code (characters 3–8) and a valid check character. */
export function isValidUscc(value: string): boolean {
  if (value.length !== 18 || !/^\d{6}$/.test(value.slice(2, 8))) return false;
  return usccCheckChar(value.slice(0, 17)) === value[17];
}

/** The last digit of an IMO ship number given its first 6. */
export function imoCheckDigit(prefix: string): string {
  if (!/^\d{6}$/.test(prefix)) throw new RangeError('an IMO prefix has 6 digits');
  let sum = 0;
  for (let i = 0; i < 6; i++) sum += digitAt(prefix, i) * (7 - i);
  return String(sum % 10);
}

/** IMO ship number: 7 digits with a valid check digit. */
export function isValidImo(value: string): boolean {
  return /^\d{7}$/.test(value) && imoCheckDigit(value.slice(0, 6)) === value[6];
}

/** LEI: 18 characters 0-9 A-Z and 2 check digits, the whole ≡ 1 (mod 97). */
export function isValidLei(value: string): boolean {
  if (!/^[0-9A-Z]{18}\d{2}$/.test(value)) return false;
  let r = 0;
  for (const ch of value) {
    const v = ch >= 'A' ? ch.charCodeAt(0) - 55 : ch.charCodeAt(0) - 48;
    r = v >= 10 ? (r * 100 + v) % 97 : (r * 10 + v) % 97;
  }
  return r === 1;
}

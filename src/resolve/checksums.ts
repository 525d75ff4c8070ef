/**
 * Check characters of the identifiers the resolver trusts as proof of identity. A number whose
 * check fails is a typo or a different kind of number, and is never a strong key.
 * - Russian INN (taxpayer number; order of the FTS of Russia of 29.06.2012 № ММВ-7-6/435@):
 *   10 digits for an organisation, check = (Σ wᵢ·dᵢ mod 11) mod 10 with w = 2,4,10,3,5,9,4,6,8;
 *   12 digits for an individual, two checks with w = 7,2,4,10,3,5,9,4,6,8 and 3,7,2,4,10,3,5,9,4,6,8.
 * - Russian OGRN (Government Decree № 438 of 19.06.2002): 13 digits, the first 1 or 5, check =
 *   (first 12 digits mod 11) mod 10; OGRNIP (Decree № 630 of 16.10.2003): 15 digits, the first
 *   3, check = (first 14 digits mod 13) mod 10.
 * - Chinese unified social credit code (GB 32100-2015): 18 characters over 0-9 A-H J-N P-R T-U
 *   W-Y, check = 31 − (Σ value·3ⁱ mod 31), 31 written as 0. Only the code's own check is verified,
 *   not the GB 11714 check of the organisation code inside it.
 * - IMO ship number (IMO Resolution A.1117(30)): 7 digits, check = (Σ dᵢ·(7−i), i = 0..5) mod 10.
 * - LEI (ISO 17442, check digits per ISO 7064 MOD 97-10): 20 characters, letters as 10..35, the
 *   whole read as a number ≡ 1 (mod 97).
 * A value of one repeated digit (0000000000) passes some of these checks and is a placeholder,
 * never an identifier.
 */

const INN10 = [2, 4, 10, 3, 5, 9, 4, 6, 8];
const INN12A = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const INN12B = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];

const digitAt = (s: string, i: number) => s.charCodeAt(i) - 48;

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

const placeholder = (value: string) => /^(.)\1+$/.test(value);

export function isValidInn(value: string): boolean {
  if (placeholder(value)) return false;
  if (/^\d{10}$/.test(value)) return innCheck(value, INN10) === digitAt(value, 9);
  if (/^\d{12}$/.test(value)) return innCheck(value, INN12A) === digitAt(value, 10) && innCheck(value, INN12B) === digitAt(value, 11);
  return false;
}

/** OGRN (13 digits, first 1 or 5) or OGRNIP (15 digits, first 3). */
export function isValidOgrn(value: string): boolean {
  if (/^[15]\d{12}$/.test(value)) return decimalMod(value.slice(0, 12), 11) % 10 === digitAt(value, 12);
  if (/^3\d{14}$/.test(value)) return decimalMod(value.slice(0, 14), 13) % 10 === digitAt(value, 14);
  return false;
}

const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = Array.from({ length: 17 }, (_, i) => {
  let w = 1;
  for (let k = 0; k < i; k++) w = (w * 3) % 31;
  return w;
});

export function isValidUscc(value: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(value) || placeholder(value)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_ALPHABET.indexOf(value[i]!) * USCC_WEIGHTS[i]!;
  const c = 31 - (sum % 31);
  return USCC_ALPHABET[c === 31 ? 0 : c] === value[17];
}

export function isValidImo(value: string): boolean {
  if (!/^\d{7}$/.test(value) || placeholder(value)) return false;
  let sum = 0;
  for (let i = 0; i < 6; i++) sum += digitAt(value, i) * (7 - i);
  return sum % 10 === digitAt(value, 6);
}

export function isValidLei(value: string): boolean {
  if (!/^[0-9A-Z]{18}\d{2}$/.test(value) || placeholder(value)) return false;
  let r = 0;
  for (const ch of value) {
    const v = ch >= 'A' ? ch.charCodeAt(0) - 55 : ch.charCodeAt(0) - 48;
    r = v >= 10 ? (r * 100 + v) % 97 : (r * 10 + v) % 97;
  }
  return r === 1;
}

/**
 * Identifier numbers with valid check characters, and validators for them:
 * - Russian INN (taxpayer number). Check digits: weighted sum mod 11, then mod 10; weights
 *   2,4,10,3,5,9,4,6,8 for the 10-digit INN of an organisation, and 7,2,4,10,3,5,9,4,6,8 then
 *   3,7,2,4,10,3,5,9,4,6,8 for the 11th and 12th digits of an individual's INN (Federal Tax
 *   Service of Russia; order of the Ministry of Taxes БГ-3-09/178 of 2004-03-03, "control number").
 * - Russian OGRN (primary state registration number, 13 digits: sign, year, region, office,
 *   record, check) and OGRNIP (15 digits): the check digit is the last digit of the first 12
 *   (14) digits read as a number, mod 11 (mod 13) (Rules of the Unified State Register of Legal
 *   Entities, Government decree No. 438 of 2002-06-19).
 * - Chinese unified social credit code (USCC, 18 characters: registration authority, organisation
 *   category, 6-digit division code, 9-character organisation code, check character) per
 *   GB 32100-2015: alphabet 0-9 A-H J-N P-R T-U W-Y (31 symbols, no I O S V Z), weights 3^i mod 31,
 *   check = 31 − (sum mod 31), 31 → 0. The organisation code inside carries its own check per
 *   GB 11714-1997: weights 3,7,9,10,5,8,4,2 over values 0-9, A=10…Z=35; check = 11 − (sum mod 11),
 *   10 → X, 11 → 0.
 */
import type { Rng } from './prng.js';

const INN10_WEIGHTS = [2, 4, 10, 3, 5, 9, 4, 6, 8];
const INN11_WEIGHTS = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const INN12_WEIGHTS = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];

function weightedMod11(digits: string, weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += Number(digits[i]) * weights[i]!;
  return (sum % 11) % 10;
}

/** Remainder of a decimal string of any length divided by `m`. */
function decimalMod(digits: string, m: number): number {
  let r = 0;
  for (const ch of digits) r = (r * 10 + Number(ch)) % m;
  return r;
}

/** A 10-digit INN of an organisation registered with tax office `office` (4 digits: region + office). */
export function makeInn10(office: string, rng: Rng): string {
  const body = office.slice(0, 4).padStart(4, '0') + rng.digits(5);
  return body + String(weightedMod11(body, INN10_WEIGHTS));
}

/** A 12-digit INN of an individual. */
export function makeInn12(office: string, rng: Rng): string {
  const body = office.slice(0, 4).padStart(4, '0') + rng.digits(6);
  const d11 = String(weightedMod11(body, INN11_WEIGHTS));
  return body + d11 + String(weightedMod11(body + d11, INN12_WEIGHTS));
}

export function isValidInn(value: string): boolean {
  if (/^\d{10}$/.test(value)) return weightedMod11(value, INN10_WEIGHTS) === Number(value[9]);
  if (/^\d{12}$/.test(value)) {
    return weightedMod11(value, INN11_WEIGHTS) === Number(value[10]) && weightedMod11(value, INN12_WEIGHTS) === Number(value[11]);
  }
  return false;
}

/**
 * A 13-digit OGRN: sign 1 (or 5), the last two digits of the registration year, the region and
 * tax-office codes (from `office`), a 5-digit record number, and the check digit.
 */
export function makeOgrn(year: number, office: string, rng: Rng, sign: '1' | '5' = '1'): string {
  const body = sign + String(year % 100).padStart(2, '0') + office.slice(0, 4).padStart(4, '0') + rng.digits(5);
  return body + String(decimalMod(body, 11) % 10);
}

/** A 15-digit OGRNIP of an individual entrepreneur (sign 3). */
export function makeOgrnip(year: number, office: string, rng: Rng): string {
  const body = '3' + String(year % 100).padStart(2, '0') + office.slice(0, 2).padStart(2, '0') + rng.digits(9);
  return body + String(decimalMod(body, 13) % 10);
}

export function isValidOgrn(value: string): boolean {
  if (/^[15]\d{12}$/.test(value)) return decimalMod(value.slice(0, 12), 11) % 10 === Number(value[12]);
  if (/^3\d{14}$/.test(value)) return decimalMod(value.slice(0, 14), 13) % 10 === Number(value[14]);
  return false;
}

/** A KPP (tax registration reason code): office, reason 01 (registered at its seat), number. No check digit. */
export function makeKpp(office: string): string {
  return `${office.slice(0, 4).padStart(4, '0')}01001`;
}

export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = Array.from({ length: 17 }, (_, i) => {
  let w = 1;
  for (let k = 0; k < i; k++) w = (w * 3) % 31;
  return w;
});
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

function orgCharValue(ch: string): number {
  return /\d/.test(ch) ? Number(ch) : ch.charCodeAt(0) - 55;
}

function orgCheck(body8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += orgCharValue(body8[i]!) * ORG_WEIGHTS[i]!;
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

function usccCheck(body17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_ALPHABET.indexOf(body17[i]!) * USCC_WEIGHTS[i]!;
  const c = 31 - (sum % 31);
  return USCC_ALPHABET[c === 31 ? 0 : c]!;
}

/**
 * A USCC of an enterprise (authority 9 = market regulation, category 1 = company) registered in
 * the 6-digit administrative division `division`. The organisation code body uses the newer
 * "MA" form with characters of the USCC alphabet.
 */
export function makeUscc(division: string, rng: Rng): string {
  const org8 = 'MA' + rng.chars('0123456789ABCDEFGHJKLMNPQRTUWXY', 6);
  const body = '91' + division.padStart(6, '0').slice(0, 6) + org8 + orgCheck(org8);
  return body + usccCheck(body);
}

export function isValidUscc(value: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(value)) return false;
  if (usccCheck(value.slice(0, 17)) !== value[17]) return false;
  return orgCheck(value.slice(8, 16)) === value[16];
}

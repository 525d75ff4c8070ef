/**
 * Identifier numbers with valid check characters, for the synthetic data. The check rules (and
 * their sources) are in model/identifier-checks.ts; what is this module's own:
 * - Russian INN, OGRN (13 digits: sign, year, region, office, record, check) and OGRNIP (15
 *   digits) built from an office code and a registration year;
 * - KPP (tax registration reason code), which has no check digit;
 * - Chinese unified social credit code (USCC, 18 characters: registration authority,
 *   organisation category, 6-digit division code, 9-character organisation code, check
 *   character, GB 32100-2015). The organisation code inside carries its own check per
 *   GB 11714-1997: weights 3,7,9,10,5,8,4,2 over values 0-9, A=10…Z=35; check =
 *   11 − (sum mod 11), 10 → X, 11 → 0. The generator writes it, and `isValidUscc` here checks
 *   it on top of the GB 32100 check (the shared check leaves it out: list data is not held to it).
 */
import { USCC_ALPHABET, innCheckDigits, isValidUscc as hasValidUsccCheck, ogrnCheckDigit, usccCheckChar } from '../model/index.js';
import type { Rng } from './prng.js';

/** A 10-digit INN of an organisation registered with tax office `office` (4 digits: region + office). */
export function makeInn10(office: string, rng: Rng): string {
  const body = office.slice(0, 4).padStart(4, '0') + rng.digits(5);
  return body + innCheckDigits(body);
}

/** A 12-digit INN of an individual. */
export function makeInn12(office: string, rng: Rng): string {
  const body = office.slice(0, 4).padStart(4, '0') + rng.digits(6);
  return body + innCheckDigits(body);
}

/**
 * A 13-digit OGRN: sign 1 (or 5), the last two digits of the registration year, the region and
 * tax-office codes (from `office`), a 5-digit record number, and the check digit.
 */
export function makeOgrn(year: number, office: string, rng: Rng, sign: '1' | '5' = '1'): string {
  const body = sign + String(year % 100).padStart(2, '0') + office.slice(0, 4).padStart(4, '0') + rng.digits(5);
  return body + ogrnCheckDigit(body);
}

/** A 15-digit OGRNIP of an individual entrepreneur (sign 3). */
export function makeOgrnip(year: number, office: string, rng: Rng): string {
  const body = '3' + String(year % 100).padStart(2, '0') + office.slice(0, 2).padStart(2, '0') + rng.digits(9);
  return body + ogrnCheckDigit(body);
}

/** A KPP (tax registration reason code): office, reason 01 (registered at its seat), number. No check digit. */
export function makeKpp(office: string): string {
  return `${office.slice(0, 4).padStart(4, '0')}01001`;
}

const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

function orgCharValue(ch: string): number {
  return /\d/.test(ch) ? Number(ch) : ch.charCodeAt(0) - 55;
}

/** The GB 11714 check character of an 8-character organisation code body. */
function orgCheck(body8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += orgCharValue(body8[i]!) * ORG_WEIGHTS[i]!;
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/**
 * A USCC of an enterprise (authority 9 = market regulation, category 1 = company) registered in
 * the 6-digit administrative division `division`. The organisation code body uses the newer
 * "MA" form with characters of the USCC alphabet.
 */
export function makeUscc(division: string, rng: Rng): string {
  const org8 = 'MA' + rng.chars(USCC_ALPHABET, 6);
  const body = '91' + division.padStart(6, '0').slice(0, 6) + org8 + orgCheck(org8);
  const check = usccCheckChar(body);
  if (check === undefined) throw new RangeError(`a USCC body over the GB 32100 alphabet, not ${JSON.stringify(body)}`);
  return body + check;
}

/** A USCC whose GB 32100 check holds and whose organisation code (characters 9–17) passes its GB 11714 check. */
export function isValidUscc(value: string): boolean {
  return hasValidUsccCheck(value) && orgCheck(value.slice(8, 16)) === value[16];
}

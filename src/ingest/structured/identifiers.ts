/**
 * Company identifiers in trade and registry records, checked by their check digits so that a
 * mistyped number never becomes an entity key:
 * - Russian INN (ИНН): 10 digits for organisations, 12 for individuals; check digits are
 *   weighted sums mod 11 mod 10 (weights 2 4 10 3 5 9 4 6 8; and 7 2 4 10 3 5 9 4 6 8 /
 *   3 7 2 4 10 3 5 9 4 6 8 for the two digits of a 12-digit INN), as the Federal Tax Service
 *   assigns them (Order of the Ministry of Taxes No. BG-3-09/178 of 3 March 2004, annex).
 * - Russian OGRN (ОГРН): 13 digits, the last is (first 12 mod 11) mod 10; OGRNIP (ОГРНИП) 15
 *   digits, the last is (first 14 mod 13) mod 10 (Government Decree No. 438 of 19 June 2002).
 * - Chinese Unified Social Credit Code (统一社会信用代码, USCC): 18 characters over
 *   0-9 A-Y without I O S V Z; the last is 31 − (Σ cᵢ·3ⁱ mod 31) mod 31 (GB 32100-2015).
 */

const INN10 = [2, 4, 10, 3, 5, 9, 4, 6, 8];
const INN11 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const INN12 = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];

function weighted(digits: string, weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += (digits.charCodeAt(i) - 48) * weights[i]!;
  return (sum % 11) % 10;
}

/** Digits of an identifier as written (`77 01 234567`, `7701-234567`). */
export function compactId(raw: string): string {
  return raw.replace(/[\s\-./\u00a0]/g, '').toUpperCase();
}

export function isValidInn(inn: string): boolean {
  if (/^\d{10}$/.test(inn)) return weighted(inn, INN10) === inn.charCodeAt(9) - 48;
  if (/^\d{12}$/.test(inn)) return weighted(inn, INN11) === inn.charCodeAt(10) - 48 && weighted(inn, INN12) === inn.charCodeAt(11) - 48;
  return false;
}

/** `digits` mod m, for numbers longer than a double holds exactly. */
function mod(digits: string, m: number): number {
  let r = 0;
  for (let i = 0; i < digits.length; i++) r = (r * 10 + (digits.charCodeAt(i) - 48)) % m;
  return r;
}

export function isValidOgrn(ogrn: string): boolean {
  if (/^\d{13}$/.test(ogrn)) return mod(ogrn.slice(0, 12), 11) % 10 === ogrn.charCodeAt(12) - 48;
  if (/^\d{15}$/.test(ogrn)) return mod(ogrn.slice(0, 14), 13) % 10 === ogrn.charCodeAt(14) - 48;
  return false;
}

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** The check character of the first 17 characters of a USCC, or undefined when one is not allowed. */
export function usccCheckChar(first17: string): string | undefined {
  let sum = 0;
  let weight = 1;
  for (let i = 0; i < 17; i++) {
    const v = USCC_CHARS.indexOf(first17[i] ?? '');
    if (v < 0) return undefined;
    sum += v * weight;
    weight = (weight * 3) % 31;
  }
  return USCC_CHARS[(31 - (sum % 31)) % 31];
}

export function isValidUscc(uscc: string): boolean {
  return uscc.length === 18 && usccCheckChar(uscc.slice(0, 17)) === uscc[17];
}

export type CompanyIdKind = 'inn' | 'ogrn' | 'uscc';

const VALIDATORS: Record<CompanyIdKind, (v: string) => boolean> = { inn: isValidInn, ogrn: isValidOgrn, uscc: isValidUscc };

const LABELS: Record<CompanyIdKind, string> = { inn: 'INN', ogrn: 'OGRN', uscc: 'USCC' };

export type CheckedCompanyId = { ok: true; kind: CompanyIdKind; value: string } | { ok: false; value: string; reason: string };

/**
 * The identifier, compacted, with its kind: the expected kind when its check holds, else
 * another kind whose check holds (a "tax id" column holds INNs and USCCs alike), else why it
 * is not valid.
 */
export function checkCompanyId(expected: CompanyIdKind | 'any', raw: string): CheckedCompanyId {
  const value = compactId(raw);
  const order: CompanyIdKind[] = expected === 'any' ? ['inn', 'ogrn', 'uscc'] : [expected, ...(['inn', 'ogrn', 'uscc'] as const).filter((k) => k !== expected)];
  for (const kind of order) if (VALIDATORS[kind](value)) return { ok: true, kind, value };
  const label = expected === 'any' ? 'identifier' : LABELS[expected];
  return { ok: false, value, reason: `${label} ${JSON.stringify(raw)} fails its check digits or length` };
}

/**
 * Harmonized System codes as declared in trade records: normalised to the 6-digit HS
 * subheading (national 8/10-digit codes — EAEU TN VED, US HTS, EU CN — keep their first six
 * digits, the international part) and checked against the HS edition in force on the
 * declaration date.
 *
 * Sources: WCO, the Harmonized System Convention (chapters 01–97; chapter 77 is reserved for
 * future use), and the HS 2022 amendments (WCO Council Recommendation of 28 June 2019, in
 * force 1 January 2022): new heading 88.06 (unmanned aircraft) and 88.07 (parts of aircraft of
 * 88.01, 88.02 and 88.06), heading 88.03 deleted (its parts moved to 88.07), subheading
 * 8525.80 (television cameras, digital cameras and video camera recorders) split into
 * 8525.81–8525.89. Before 2022 a drone was declared under 8802.20 (aircraft ≤ 2,000 kg) or,
 * a camera drone, under 8525.80; a code of 88.06/88.07 on a declaration dated before
 * 2022-01-01 is anachronistic and flagged (`hs_version`).
 */

export type HsEdition = 'HS2002' | 'HS2007' | 'HS2012' | 'HS2017' | 'HS2022';

/** Editions by entry into force (1 January of the edition's year), newest first. */
const EDITIONS: ReadonlyArray<readonly [string, HsEdition]> = [
  ['2022-01-01', 'HS2022'],
  ['2017-01-01', 'HS2017'],
  ['2012-01-01', 'HS2012'],
  ['2007-01-01', 'HS2007'],
  ['2002-01-01', 'HS2002'],
];

/** The HS edition in force on an ISO date (a year-only or year-month date counts from its start). */
export function hsEdition(date: string | undefined): HsEdition | undefined {
  if (!date || !/^\d{4}/.test(date)) return undefined;
  const day = date.length >= 10 ? date.slice(0, 10) : date.length === 7 ? `${date}-01` : `${date.slice(0, 4)}-01-01`;
  for (const [from, edition] of EDITIONS) if (day >= from) return edition;
  return undefined;
}

export type HsParse =
  | { ok: true; /** The 6-digit subheading, or undefined for a 4–5 digit heading. */ hs6: string | undefined; /** The digits as declared. */ declared: string }
  | { ok: false; reason: string };

/** Separators people put in HS codes: `8806.22`, `8806 22 000 0`, `8806-22`. */
const SEPARATORS = /[\s.\-/\u00a0]/g;

/**
 * Parses a declared HS / national tariff code: digits only once separators are removed,
 * 4 to 10 digits, chapter 01–97 (not the reserved 77).
 */
export function parseHsCode(raw: string): HsParse {
  const declared = raw.replace(SEPARATORS, '');
  if (!/^\d+$/.test(declared)) return { ok: false, reason: 'not digits' };
  if (declared.length < 4 || declared.length > 10) return { ok: false, reason: `${declared.length} digits (an HS code has 4 to 10)` };
  const chapter = Number(declared.slice(0, 2));
  if (chapter < 1 || chapter > 97 || chapter === 77) return { ok: false, reason: `chapter ${declared.slice(0, 2)} does not exist: chapters are 01–97, 77 is reserved` };
  return { ok: true, hs6: declared.length >= 6 ? declared.slice(0, 6) : undefined, declared };
}

interface EditionRule {
  /** A heading (4 digits) or subheading (6 digits) prefix. */
  prefix: string;
  /** First day it exists, or undefined. */
  from?: string;
  /** First day it no longer exists, or undefined. */
  until?: string;
  note: string;
}

/** The HS 2022 changes that matter for drones and their parts (see the header). */
const EDITION_RULES: readonly EditionRule[] = [
  { prefix: '8806', from: '2022-01-01', note: 'heading 88.06 (unmanned aircraft) exists only from HS 2022; before 2022 drones were declared under 8802.20 or 8525.80' },
  { prefix: '8807', from: '2022-01-01', note: 'heading 88.07 (parts of aircraft) exists only from HS 2022; before 2022 such parts were declared under 88.03' },
  { prefix: '852581', from: '2022-01-01', note: 'subheading 8525.81 exists only from HS 2022 (it replaced 8525.80)' },
  { prefix: '852582', from: '2022-01-01', note: 'subheading 8525.82 exists only from HS 2022 (it replaced 8525.80)' },
  { prefix: '852583', from: '2022-01-01', note: 'subheading 8525.83 exists only from HS 2022 (it replaced 8525.80)' },
  { prefix: '852589', from: '2022-01-01', note: 'subheading 8525.89 exists only from HS 2022 (it replaced 8525.80)' },
  { prefix: '8803', until: '2022-01-01', note: 'heading 88.03 was deleted in HS 2022 (its parts moved to 88.07)' },
  { prefix: '852580', until: '2022-01-01', note: 'subheading 8525.80 was split into 8525.81–8525.89 in HS 2022' },
];

/**
 * Why a code cannot have been used on a declaration of that date, or undefined when it could
 * (or when the date is unknown).
 */
export function hsEditionConflict(digits: string, date: string | undefined): string | undefined {
  if (!date || !/^\d{4}/.test(date)) return undefined;
  const day = date.length >= 10 ? date.slice(0, 10) : date.length === 7 ? `${date}-01` : `${date.slice(0, 4)}-01-01`;
  for (const rule of EDITION_RULES) {
    if (!digits.startsWith(rule.prefix)) continue;
    if (rule.from && day < rule.from) return rule.note;
    if (rule.until && day >= rule.until) return rule.note;
  }
  return undefined;
}

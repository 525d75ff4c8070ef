/**
 * The Common High Priority List (CHPL): 50 six-digit HS codes of items Russia seeks for its
 * weapons, in tiers 1, 2, 3.A, 3.B, 4.A and 4.B (tier 1 the highest concern: integrated circuits).
 * Codes and tiers are facts copied from the project's compiled list (shared/data/chpl), whose
 * source note reads (SOURCES.md §6):
 *
 *   50 six-digit HS codes: tier 1 (4), 2 (5), 3.A (16), 3.B (9), 4.A (11), 4.B (5). No
 *   machine-readable official copy was found. Sources actually read:
 *   - BIS page "Common High Priority List (February 23, 2024)" (bis.gov/node/6280): confirms
 *     50 items, the tiers 1, 2, 3.A, 3.B, 4.A, 4.B and their meaning. Its table itself was not
 *     reachable.
 *   - The code/tier list: a third-party module in the public code index (package `tradesieve`,
 *     `tradesieve/domain/common_high_priority.py`, declares CHPL_SOURCE_URL
 *     https://www.bis.gov/licensing/country-guidance/common-high-priority-items-list-chpl,
 *     publication date 2024-02-23), asserting 50 unique codes. Cross-checked with a second,
 *     independent script (UN-Comtrade study "apep_0553") holding the older 46-code version: all
 *     46 agree in code and tier; the 4 extra in the 2024 list are 854159, 854160 (3.A) and
 *     901420, 901480 (3.B).
 *   - Descriptions are filled only for the 7 codes whose text was read (BIS "best practices"
 *     list as quoted by Kelley Drye: 8542.31/.32/.33/.39, 8517.62, 8526.91, 8532.21); the
 *     others are blank.
 *   Re-check against the BIS page before relying on it. US government content: public domain.
 */

export type ChplTier = '1' | '2' | '3.A' | '3.B' | '4.A' | '4.B';

export interface ChplCode {
  hs: string;
  tier: ChplTier;
  /** The official item text where it was read; empty otherwise. */
  description: string;
}

const ROWS: ReadonlyArray<readonly [string, ChplTier, string]> = [
  ['854231', '1', 'Electronic integrated circuits: Processors and controllers, whether or not combined with memories, convertors, logic circuits, amplifiers, clock and timing circuits, or other circuits'],
  ['854232', '1', 'Electronic integrated circuits: Memories'],
  ['854233', '1', 'Electronic integrated circuits: Amplifiers'],
  ['854239', '1', 'Electronic integrated circuits: Other'],
  ['851762', '2', 'Machines for the reception, conversion and transmission or regeneration of voice, images, or other data, including switching and routing apparatus'],
  ['852691', '2', 'Radar apparatus, radio navigational aid apparatus and radio remote control apparatus: Radio navigational aid apparatus'],
  ['853221', '2', 'Other fixed capacitors: Tantalum capacitors'],
  ['853224', '2', ''],
  ['854800', '2', ''],
  ['847150', '3.A', ''],
  ['850440', '3.A', ''],
  ['851769', '3.A', ''],
  ['852589', '3.A', ''],
  ['852910', '3.A', ''],
  ['852990', '3.A', ''],
  ['853669', '3.A', ''],
  ['853690', '3.A', ''],
  ['854110', '3.A', ''],
  ['854121', '3.A', ''],
  ['854129', '3.A', ''],
  ['854130', '3.A', ''],
  ['854149', '3.A', ''],
  ['854151', '3.A', ''],
  ['854159', '3.A', ''],
  ['854160', '3.A', ''],
  ['848210', '3.B', ''],
  ['848220', '3.B', ''],
  ['848230', '3.B', ''],
  ['848250', '3.B', ''],
  ['880730', '3.B', ''],
  ['901310', '3.B', ''],
  ['901380', '3.B', ''],
  ['901420', '3.B', ''],
  ['901480', '3.B', ''],
  ['847180', '4.A', ''],
  ['848610', '4.A', ''],
  ['848620', '4.A', ''],
  ['848640', '4.A', ''],
  ['853400', '4.A', ''],
  ['854320', '4.A', ''],
  ['902750', '4.A', ''],
  ['903020', '4.A', ''],
  ['903032', '4.A', ''],
  ['903039', '4.A', ''],
  ['903082', '4.A', ''],
  ['845710', '4.B', ''],
  ['845811', '4.B', ''],
  ['845891', '4.B', ''],
  ['845961', '4.B', ''],
  ['846693', '4.B', ''],
];

export const CHPL_CODES: readonly ChplCode[] = ROWS.map(([hs, tier, description]) => ({ hs, tier, description }));

const BY_CODE = new Map(CHPL_CODES.map((c) => [c.hs, c]));

/** The CHPL entry of a six-digit HS code, if it is on the list. */
export function chplCode(hs6: string): ChplCode | undefined {
  return BY_CODE.get(hs6.replace(/\D/g, '').slice(0, 6));
}

export const isChpl = (hs6: string): boolean => chplCode(hs6) !== undefined;

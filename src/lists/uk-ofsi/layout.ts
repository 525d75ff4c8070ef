/**
 * The two layouts of OFSI's ConList.csv ("Consolidated List of Asset Freeze Targets – Format
 * guide", https://www.gov.uk/government/publications/financial-sanctions-consolidated-list-of-targets):
 * line 1 `Last Updated,DD/MM/YYYY`, line 2 the header, then one row per name of a target.
 * - current (36 columns, UTF-8): adds Name Non-Latin Script, Non-Latin Script Type/Language,
 *   Passport Number, National Identification Number/Details, Alias Quality and
 *   UK Sanctions List Date Designated;
 * - old (29 columns, Windows-1252): Passport Details and NI Number hold number and details together.
 * Columns are found by name, so a reordered or extended header still reads.
 */
import { inputError } from '../../model/index.js';

export type LayoutKind = 'current' | 'old';

export const COLUMNS = [
  'Name 6', 'Name 1', 'Name 2', 'Name 3', 'Name 4', 'Name 5', 'Title',
  'Name Non-Latin Script', 'Non-Latin Script Type', 'Non-Latin Script Language',
  'DOB', 'Town of Birth', 'Country of Birth', 'Nationality',
  'Passport Number', 'Passport Details', 'National Identification Number', 'National Identification Details', 'NI Number',
  'Position', 'Address 1', 'Address 2', 'Address 3', 'Address 4', 'Address 5', 'Address 6', 'Post/Zip Code', 'Country',
  'Other Information', 'Group Type', 'Alias Type', 'Alias Quality', 'Regime', 'Listed On',
  'UK Sanctions List Date Designated', 'Last Updated', 'Group ID',
] as const;

export type Column = (typeof COLUMNS)[number];

/** Without these a row cannot be read as a name of a target. */
const REQUIRED: readonly Column[] = ['Name 6', 'Group Type', 'Alias Type', 'Regime', 'Group ID'];

/** Columns only the current layout has. */
const CURRENT_ONLY: readonly Column[] = ['Name Non-Latin Script', 'Passport Number', 'National Identification Number', 'Alias Quality', 'UK Sanctions List Date Designated'];

export interface Layout {
  kind: LayoutKind;
  /** Column name → index in the row. */
  index: Map<Column, number>;
  width: number;
}

export function detectLayout(header: readonly string[], file: string, line: number): Layout {
  const index = new Map<Column, number>();
  const known = new Set<string>(COLUMNS);
  header.forEach((raw, i) => {
    const name = raw.replace(/^\uFEFF/, '').trim();
    if (known.has(name) && !index.has(name as Column)) index.set(name as Column, i);
  });
  const missing = REQUIRED.filter((c) => !index.has(c));
  if (missing.length > 0) {
    throw inputError(
      `not an OFSI Consolidated List header: column${missing.length > 1 ? 's' : ''} ${missing.map((c) => `"${c}"`).join(', ')} missing`,
      { file, line },
      'layout',
    );
  }
  const kind: LayoutKind = CURRENT_ONLY.some((c) => index.has(c)) ? 'current' : 'old';
  return { kind, index, width: header.length };
}

/** A data row seen through its header: `get('Group ID')`, '' for an absent column. */
export class Row {
  constructor(
    readonly layout: Layout,
    readonly fields: readonly string[],
    readonly line: number,
  ) {}

  get(col: Column): string {
    const i = this.layout.index.get(col);
    return i === undefined ? '' : (this.fields[i] ?? '').trim();
  }

  /** The row's Group ID, or undefined for a row that cannot belong to a target. */
  groupId(): string | undefined {
    if (this.fields.length > this.layout.width) return undefined;
    return this.get('Group ID') || undefined;
  }
}

/** `Last Updated,14/04/2025` (either cell may be quoted) → the ISO date. */
export function lastUpdatedLine(fields: readonly string[]): string | null | undefined {
  if (fields[0]?.replace(/^\uFEFF/, '').trim().toLowerCase() !== 'last updated') return undefined;
  const m = (fields[1] ?? '').trim().match(/^(\d{1,2})\/(\d{1,2})\/(\d{4})$/);
  if (!m) return null;
  const iso = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso ? null : iso;
}

/**
 * The four record layouts of OFAC's legacy CSV files, after OFAC's data specification
 * (https://ofac.treasury.gov/specially-designated-nationals-list-data-formats-data-schemas,
 * dat_spec.txt): headerless, CRLF, `-0-` (often `-0- `) for an empty field.
 *   main  (sdn.csv, cons_prim.csv):        ent_num, SDN_Name, SDN_Type, Program, Title, Call_Sign,
 *                                           Vess_type, Tonnage, GRT, Vess_flag, Vess_owner, Remarks
 *   add   (add.csv, cons_add.csv):          ent_num, Add_num, Address, City/State/Province/Postal Code, Country, Add_remarks
 *   alt   (alt.csv, cons_alt.csv):          ent_num, alt_num, alt_type, alt_name, alt_remarks
 *   comments (sdn_comments.csv, cons_comments.csv): ent_num, Remarks overflow
 */

export type OfacCsvRole = 'main' | 'add' | 'alt' | 'comments';

export const COLUMNS: Record<OfacCsvRole, number> = { main: 12, add: 6, alt: 5, comments: 2 };

export const COLUMN_NAMES: Record<OfacCsvRole, string> = {
  main: 'ent_num, SDN_Name, SDN_Type, Program, Title, Call_Sign, Vess_type, Tonnage, GRT, Vess_flag, Vess_owner, Remarks',
  add: 'ent_num, Add_num, Address, City/State/Province/Postal Code, Country, Add_remarks',
  alt: 'ent_num, alt_num, alt_type, alt_name, alt_remarks',
  comments: 'ent_num, Remarks overflow',
};

export const SDN_TYPES: Record<string, string> = { individual: 'Person', vessel: 'Vessel', aircraft: 'Airplane', '': 'Organization' };
export const ALT_TYPES: Record<string, 'alias' | 'previousName'> = { aka: 'alias', fka: 'previousName', nka: 'alias' };

export const isRole = (role: string): role is OfacCsvRole => role in COLUMNS;

/** A field's value: trimmed, with OFAC's `-0-` (empty) as ''. */
export function field(value: string | undefined): string {
  const v = (value ?? '').trim();
  return v === '-0-' ? '' : v;
}

export const isEntNum = (v: string | undefined): boolean => /^\d{1,12}$/.test((v ?? '').trim());

/** The layout a record has, by its column count and content; undefined when it fits none. */
export function detectLayout(fields: readonly string[]): OfacCsvRole | undefined {
  if (!isEntNum(fields[0])) return undefined;
  switch (fields.length) {
    case COLUMNS.main:
      return field(fields[2]).toLowerCase() in SDN_TYPES && field(fields[1]) !== '' ? 'main' : undefined;
    case COLUMNS.add:
      return isEntNum(fields[1]) ? 'add' : undefined;
    case COLUMNS.alt:
      return isEntNum(fields[1]) && field(fields[2]).toLowerCase() in ALT_TYPES ? 'alt' : undefined;
    case COLUMNS.comments:
      return field(fields[1]) !== '' ? 'comments' : undefined;
    default:
      return undefined;
  }
}

const ROLE_PHRASE: Record<OfacCsvRole, string> = { main: 'a main list', add: 'an add', alt: 'an alt', comments: 'a comments' };

/** "looks like …" for error messages about a file in the wrong role. */
export function describeLayout(fields: readonly string[]): string {
  const role = detectLayout(fields);
  if (role) return `${fields.length} columns, looks like ${ROLE_PHRASE[role]} file (${COLUMN_NAMES[role]})`;
  if (!isEntNum(fields[0])) return `${fields.length} column(s), first field ${JSON.stringify((fields[0] ?? '').slice(0, 40))} is not an ent_num`;
  return `${fields.length} column(s)`;
}

/** Programs as OFAC writes several in one field: `RUSSIA-EO14024] [UKRAINE-EO13662`. */
export function splitPrograms(text: string): string[] {
  return text
    .split(/\]\s*\[/)
    .map((p) => p.replace(/^\[|\]$/g, '').trim())
    .filter((p) => p && p !== '-0-');
}

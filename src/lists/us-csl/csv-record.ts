/**
 * Rows of trade.gov's consolidated.csv to CSL records. Layout (2022-05 file, header line 1):
 * `_id,source,entity_number,type,programs,name,title,addresses,federal_register_notice,
 * start_date,end_date,standard_order,license_requirement,license_policy,call_sign,vessel_type,
 * gross_tonnage,gross_registered_tonnage,vessel_flag,vessel_owner,remarks,source_list_url,
 * alt_names,citizenships,dates_of_birth,nationalities,places_of_birth,source_information_url,ids`.
 * Columns are found by name (any case, any order; older files have no `_id`). Multi-valued
 * cells are "; "-separated. The CSV flattens the JSON's objects by joining their non-empty
 * values with ", ":
 * - an address is `address, city, state, postal_code, country` (the country an alpha-2 code);
 *   which inner parts are present cannot be told apart, so the text is kept whole;
 * - an id is `country, expiration_date, issue_date, number, type` (alphabetical key order;
 *   when two dates are given the first is always the later one in the real file), and a lone
 *   date cannot be attributed to either.
 */
import { inputError } from '../../model/index.js';
import type { CslAddress, CslId, CslRecord, RecordProblem } from './record.js';
import { emptyRecord, splitMulti } from './record.js';

type Column = keyof CslRecord;

const COLUMNS: Record<string, Column> = {
  _id: 'id',
  id: 'id',
  source: 'source',
  entity_number: 'entityNumber',
  type: 'type',
  programs: 'programs',
  name: 'name',
  title: 'title',
  addresses: 'addresses',
  federal_register_notice: 'federalRegisterNotice',
  start_date: 'startDate',
  end_date: 'endDate',
  standard_order: 'standardOrder',
  license_requirement: 'licenseRequirement',
  license_policy: 'licensePolicy',
  call_sign: 'callSign',
  vessel_type: 'vesselType',
  gross_tonnage: 'grossTonnage',
  gross_registered_tonnage: 'grossRegisteredTonnage',
  vessel_flag: 'vesselFlag',
  vessel_owner: 'vesselOwner',
  remarks: 'remarks',
  source_list_url: 'sourceListUrl',
  source_information_url: 'sourceInformationUrl',
  alt_names: 'altNames',
  citizenships: 'citizenships',
  dates_of_birth: 'datesOfBirth',
  nationalities: 'nationalities',
  places_of_birth: 'placesOfBirth',
  ids: 'ids',
};

const REQUIRED = ['source', 'name'];

export interface CsvLayout {
  /** Column index of each record field. */
  index: Map<Column, number>;
  width: number;
}

export function normaliseHeader(cell: string): string {
  return cell.trim().toLowerCase().replace(/\s+/g, '_');
}

/** Reads the header row; throws a `layout` input error when it is not a CSL header. */
export function csvLayout(fields: string[], file: string, line: number): CsvLayout {
  const names = fields.map(normaliseHeader);
  const missing = REQUIRED.filter((c) => !names.includes(c));
  if (missing.length > 0) {
    throw inputError(
      `not a Consolidated Screening List CSV: the header lacks the column(s) ${missing.join(', ')}`,
      { file, line },
      'layout',
    );
  }
  const index = new Map<Column, number>();
  names.forEach((n, i) => {
    const col = COLUMNS[n];
    if (col && !index.has(col)) index.set(col, i);
  });
  return { index, width: fields.length };
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const ALPHA2 = /^[A-Z]{2}$/;

/** One entry of the `ids` cell: `[country, ][expiration_date, ][issue_date, ]number, type`. */
export function parseIdText(entry: string): CslId | undefined {
  const parts = entry.split(', ').map((p) => p.trim());
  if (parts.length < 2) return undefined;
  const type = parts.pop()!;
  let country: string | undefined;
  if (parts.length >= 2 && ALPHA2.test(parts[0]!)) country = parts.shift();
  const dates: string[] = [];
  while (parts.length >= 2 && dates.length < 2 && ISO_DAY.test(parts[0]!)) dates.push(parts.shift()!);
  const number = parts.join(', ').trim();
  if (!type || !number) return undefined;
  const id: CslId = { type, number, country };
  if (dates.length === 2) {
    id.expirationDate = dates[0];
    id.issueDate = dates[1];
  } else if (dates.length === 1) {
    id.date = dates[0];
  }
  return id;
}

/** One entry of the `addresses` cell: the text, and the alpha-2 country code that ends it. */
export function parseAddressText(entry: string): CslAddress | undefined {
  const text = entry.trim();
  if (!text) return undefined;
  const parts = text.split(', ');
  const last = parts[parts.length - 1]!.trim();
  if (ALPHA2.test(last)) {
    parts.pop();
    const full = parts.join(', ').trim();
    return { full: full || undefined, country: last };
  }
  return { full: text };
}

/** A data row to a record. Problems with single values go to `problem`. */
export function csvRecord(fields: string[], layout: CsvLayout, problem: RecordProblem): CslRecord {
  const rec = emptyRecord();
  const cell = (col: Column): string => {
    const i = layout.index.get(col);
    return i === undefined ? '' : (fields[i] ?? '').trim();
  };
  rec.id = cell('id');
  rec.source = cell('source');
  rec.entityNumber = cell('entityNumber');
  rec.type = cell('type');
  rec.programs = splitMulti(cell('programs'));
  rec.name = cell('name');
  rec.title = cell('title');
  rec.federalRegisterNotice = cell('federalRegisterNotice');
  rec.startDate = cell('startDate');
  rec.endDate = cell('endDate');
  rec.standardOrder = cell('standardOrder');
  rec.licenseRequirement = cell('licenseRequirement');
  rec.licensePolicy = cell('licensePolicy');
  rec.callSign = cell('callSign');
  rec.vesselType = cell('vesselType');
  rec.grossTonnage = cell('grossTonnage');
  rec.grossRegisteredTonnage = cell('grossRegisteredTonnage');
  rec.vesselFlag = cell('vesselFlag');
  rec.vesselOwner = cell('vesselOwner');
  rec.remarks = cell('remarks');
  rec.sourceListUrl = cell('sourceListUrl');
  rec.sourceInformationUrl = cell('sourceInformationUrl');
  rec.altNames = splitMulti(cell('altNames'));
  rec.citizenships = splitMulti(cell('citizenships'));
  rec.datesOfBirth = splitMulti(cell('datesOfBirth'));
  rec.nationalities = splitMulti(cell('nationalities'));
  rec.placesOfBirth = splitMulti(cell('placesOfBirth'));
  for (const entry of splitMulti(cell('addresses'))) {
    const addr = parseAddressText(entry);
    if (addr) rec.addresses.push(addr);
  }
  for (const entry of splitMulti(cell('ids'))) {
    const id = parseIdText(entry);
    if (id) rec.ids.push(id);
    else problem('invalid_id', `ids entry "${entry}" is not "number, type"`);
  }
  return rec;
}

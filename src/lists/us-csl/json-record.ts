/**
 * Elements of the CSL JSON's `results` array (trade.gov consolidated.json and the search
 * API, https://developer.trade.gov/consolidated-screening-list) to CSL records. Keys as in
 * the CSV header; `id` (or `_id`); `addresses` is an array of {address, city, state,
 * postal_code, country}; `ids` an array of {type, number, country, issue_date,
 * expiration_date}; `programs`, `alt_names`, `citizenships`, `dates_of_birth`,
 * `nationalities`, `places_of_birth` are arrays (older exports: "; "-separated strings).
 * Values may be null.
 */
import { parseAddressText, parseIdText } from './csv-record.js';
import type { CslAddress, CslId, CslRecord, RecordProblem } from './record.js';
import { emptyRecord, splitMulti } from './record.js';

function text(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map(text).filter(Boolean).join('; ');
  return '';
}

/** An array's string items, or a "; "-separated string's parts. */
function list(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(text).filter(Boolean);
  return splitMulti(text(value));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const opt = (value: unknown): string | undefined => text(value) || undefined;

function addresses(value: unknown, problem: RecordProblem): CslAddress[] {
  const out: CslAddress[] = [];
  const items = Array.isArray(value) ? value : value === null || value === undefined ? [] : [value];
  for (const item of items) {
    if (isObject(item)) {
      const addr: CslAddress = {
        street: opt(item.address),
        city: opt(item.city),
        state: opt(item.state),
        postalCode: opt(item.postal_code),
        country: opt(item.country),
      };
      if (addr.street || addr.city || addr.state || addr.postalCode || addr.country) out.push(addr);
    } else if (typeof item === 'string') {
      for (const entry of splitMulti(item)) {
        const addr = parseAddressText(entry);
        if (addr) out.push(addr);
      }
    } else {
      problem('invalid_address', `addresses entry ${JSON.stringify(item)} is neither an object nor a string`);
    }
  }
  return out;
}

function ids(value: unknown, problem: RecordProblem): CslId[] {
  const out: CslId[] = [];
  const items = Array.isArray(value) ? value : value === null || value === undefined ? [] : [value];
  for (const item of items) {
    if (isObject(item)) {
      const type = text(item.type);
      const number = text(item.number);
      if (!type || !number) {
        problem('invalid_id', `ids entry ${JSON.stringify(item)} lacks a type or a number`);
        continue;
      }
      out.push({ type, number, country: opt(item.country), issueDate: opt(item.issue_date), expirationDate: opt(item.expiration_date) });
    } else if (typeof item === 'string') {
      for (const entry of splitMulti(item)) {
        const id = parseIdText(entry);
        if (id) out.push(id);
        else problem('invalid_id', `ids entry "${entry}" is not "number, type"`);
      }
    } else {
      problem('invalid_id', `ids entry ${JSON.stringify(item)} is neither an object nor a string`);
    }
  }
  return out;
}

/** One `results` element to a record; undefined when it is not an object. */
export function jsonRecord(value: unknown, problem: RecordProblem): CslRecord | undefined {
  if (!isObject(value)) return undefined;
  const rec = emptyRecord();
  rec.id = text(value.id ?? value._id);
  rec.source = text(value.source);
  rec.entityNumber = text(value.entity_number);
  rec.type = text(value.type);
  rec.programs = list(value.programs);
  rec.name = text(value.name);
  rec.title = text(value.title);
  rec.addresses = addresses(value.addresses, problem);
  rec.federalRegisterNotice = text(value.federal_register_notice);
  rec.startDate = text(value.start_date);
  rec.endDate = text(value.end_date);
  rec.standardOrder = text(value.standard_order);
  rec.licenseRequirement = text(value.license_requirement);
  rec.licensePolicy = text(value.license_policy);
  rec.callSign = text(value.call_sign);
  rec.vesselType = text(value.vessel_type);
  rec.grossTonnage = text(value.gross_tonnage);
  rec.grossRegisteredTonnage = text(value.gross_registered_tonnage);
  rec.vesselFlag = text(value.vessel_flag);
  rec.vesselOwner = text(value.vessel_owner);
  rec.remarks = text(value.remarks);
  rec.sourceListUrl = text(value.source_list_url);
  rec.sourceInformationUrl = text(value.source_information_url);
  rec.altNames = list(value.alt_names);
  rec.citizenships = list(value.citizenships);
  rec.datesOfBirth = list(value.dates_of_birth);
  rec.nationalities = list(value.nationalities);
  rec.placesOfBirth = list(value.places_of_birth);
  rec.ids = ids(value.ids, problem);
  return rec;
}

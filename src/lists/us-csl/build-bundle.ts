/**
 * One CSL record to an entity bundle: the listed party (Person, Organization/Company,
 * LegalEntity, Vessel, Airplane), its Sanction, Addresses and Identifications. Field meanings
 * from trade.gov's CSL documentation (https://developer.trade.gov/consolidated-screening-list);
 * identifier labels are OFAC's (the Treasury lists' `ids` are OFAC's idList).
 */
import { Entity, hashId, makeId, parseDate, parseDateExpression } from '../../model/index.js';
import type { EntityBundle, ValueMeta } from '../../model/index.js';
import { BundleBuilder, COMPANY_ID_PROPS, looksLikeCompany } from '../bundle.js';
import { applyOfacIdentifier } from '../ofac-common/index.js';
import { altName, cleanName } from './names.js';
import type { CslId, CslRecord, RecordProblem } from './record.js';
import type { CslList } from './sources.js';

/**
 * The CSL `type` to a schema. Rows of the Commerce and State lists have no type: they hold
 * companies and people alike, so they become LegalEntity (which a matcher compares with both
 * people and organisations), or Company when the name carries a legal form.
 */
const SCHEMA_BY_TYPE: Record<string, string> = {
  individual: 'Person',
  entity: 'Organization',
  vessel: 'Vessel',
  aircraft: 'Airplane',
};

export function schemaForType(type: string): string | undefined {
  if (!type.trim()) return 'LegalEntity';
  return SCHEMA_BY_TYPE[type.trim().toLowerCase()];
}

/**
 * The root id: `us-csl-<_id>`. The Treasury lists other than the SDN list use OFAC's entity
 * number as `_id`, so an entity on both the SDN and the SSI list has the same `_id` twice;
 * such rows get their list code appended (`us-csl-18741-ssi`). Without an `_id`, the entity
 * number or a hash of source and name stands in.
 */
export function rootIdFor(rec: CslRecord, list: CslList | null): string {
  const key = rec.id || rec.entityNumber;
  if (!key) return hashId('us-csl', rec.source, rec.name);
  const sharedOfacNumber = key === rec.entityNumber && list !== null && list.code !== 'SDN';
  return makeId('us-csl', key, sharedOfacNumber ? list.code : '');
}

/** The Entity List joins the last of several addresses or names with "; and ". */
const LEADING_AND = /^and\s+/i;

/** "None Identified": the lists' way of saying a value is unknown. */
const NONE = /^none identified$/i;

function listDate(value: string, column: string, problem: RecordProblem): string | undefined {
  if (!value) return undefined;
  const date = parseDate(value);
  if (!date) problem('invalid_date', `${column} "${value}" is not a date`);
  return date;
}

const STANDARD_ORDER: Record<string, string> = { y: 'yes', n: 'no' };

export function buildBundle(rec: CslRecord, list: CslList | null, rootId: string, origin: string, problem: RecordProblem): EntityBundle {
  let schema = schemaForType(rec.type);
  if (!schema) {
    problem('unknown_type', `unknown entry type "${rec.type}"; read as LegalEntity`);
    schema = 'LegalEntity';
  }
  const b = new BundleBuilder(schema, rootId, origin);
  const root = b.root;
  const meta: ValueMeta = { origin };
  const unused = (label: string, prop: string) => problem('unused_value', `${label} not kept: a ${root.schema.name} has no ${prop}`);
  const put = (prop: string, values: string | string[], label: string) => {
    if ((Array.isArray(values) ? values.length > 0 : !!values) && !b.rootAdd(prop, values, meta)) unused(label, prop);
  };

  const lostQuotes = list?.code === 'EL';
  const name = cleanName(rec.name, lostQuotes);
  root.add('name', name.name, meta);
  if (name.original) root.add('notes', `Listed as: ${name.original}`, meta);
  for (const raw of rec.altNames) {
    const alt = altName(raw, lostQuotes);
    if (alt) root.add(alt.prop, alt.name, meta);
  }
  root.add('topics', list?.topics ?? ['sanction'], meta);
  const programs = rec.programs.length > 0 ? rec.programs : list ? [list.name] : [];
  root.add('program', programs, meta);
  if (list) root.add('programId', list.code, meta);
  root.add('notes', rec.remarks, meta);
  root.add('sourceUrl', [rec.sourceInformationUrl, rec.sourceListUrl], meta);

  if (rec.title) {
    if (!b.rootAdd('position', rec.title, meta)) root.add('notes', `Title: ${rec.title}`, meta);
  }
  for (const dob of rec.datesOfBirth) {
    const expr = parseDateExpression(dob, 'DMY');
    if (expr.dates.length === 0) problem('invalid_date', `date of birth "${dob}" is not a date`);
    else put('birthDate', expr.dates, `date of birth "${dob}"`);
  }
  put('birthPlace', rec.placesOfBirth, 'place of birth');
  put('nationality', rec.nationalities, 'nationality');
  put('citizenship', rec.citizenships, 'citizenship');

  put('callSign', rec.callSign, 'call sign');
  put('type', rec.vesselType, 'vessel type');
  put('tonnage', rec.grossTonnage, 'gross tonnage');
  put('grossRegisteredTonnage', rec.grossRegisteredTonnage, 'gross registered tonnage');
  if (!NONE.test(rec.vesselFlag)) put('flag', rec.vesselFlag, 'vessel flag');
  if (rec.vesselOwner) {
    if (root.schema.properties.has('owner')) {
      const owner = b.add(new Entity('LegalEntity', hashId(`${rootId}-owner`, rec.vesselOwner), { origin }));
      owner.add('name', rec.vesselOwner, meta);
      root.add('owner', owner.id, meta);
    } else unused(`vessel owner "${rec.vesselOwner}"`, 'owner');
  }

  rec.addresses.forEach((a, i) => {
    const full = a.full?.replace(LEADING_AND, '');
    const street = a.street?.replace(LEADING_AND, '');
    b.address({ full, street, city: a.city, state: a.state, postalCode: a.postalCode, country: a.country }, meta, i);
  });
  for (const id of rec.ids) applyId(b, id, meta, problem);

  // A legal form in the name or in an alternate name ("AGCU Scientech" a.k.a. "… Co., Ltd").
  const companyName = [...root.get('name'), ...root.get('alias'), ...root.get('previousName')].some(looksLikeCompany);
  if ((root.schema.name === 'Organization' || root.schema.name === 'LegalEntity') && (companyName || COMPANY_ID_PROPS.some((p) => root.has(p)))) {
    b.setSchema('Company');
  }

  const s = b.sanction();
  s.add('authority', rec.source, meta);
  s.add('program', programs, meta);
  if (list) s.add('programId', list.code, meta);
  s.add('authorityId', rec.entityNumber, meta);
  s.add('country', 'us', meta);
  const start = listDate(rec.startDate, 'start_date', problem);
  s.add('startDate', start, meta);
  s.add('listingDate', start, meta);
  s.add('endDate', listDate(rec.endDate, 'end_date', problem), meta);
  s.add('sourceUrl', [rec.sourceInformationUrl, rec.sourceListUrl], meta);
  if (rec.federalRegisterNotice) s.add('summary', `Federal Register notice: ${rec.federalRegisterNotice}`, meta);
  if (rec.licenseRequirement) s.add('provisions', `License requirement: ${rec.licenseRequirement}`, meta);
  if (rec.licensePolicy) s.add('provisions', `License policy: ${rec.licensePolicy}`, meta);
  if (rec.standardOrder) {
    const so = STANDARD_ORDER[rec.standardOrder.toLowerCase()] ?? rec.standardOrder;
    s.add('provisions', `Standard order: ${so}`, meta);
  }
  return b.build();
}

const IDENT_SCHEMATA = new Set(['Identification', 'Passport']);

/** The identification document just made for an id (to add what the shared helper does not take). */
function findIdentification(b: BundleBuilder, number: string): Entity | undefined {
  const wanted = number.trim().replace(/[.;]$/, '').replace(/\s+/g, ' ');
  return b.build().related.find((e) => IDENT_SCHEMATA.has(e.schema.name) && e.get('number').includes(wanted));
}

function applyId(b: BundleBuilder, id: CslId, meta: ValueMeta, problem: RecordProblem): void {
  if (NONE.test(id.number)) return;
  const known = applyOfacIdentifier(
    b,
    { type: id.type, value: id.number, country: id.country, issueDate: id.issueDate, expirationDate: id.expirationDate },
    meta,
  );
  if (known) {
    if (id.date) {
      const ident = findIdentification(b, id.number);
      if (ident) ident.add('date', id.date, meta);
      else problem('unused_value', `date ${id.date} of "${id.type}" not kept: the identifier has no document`);
    }
    return;
  }
  b.rootAdd('notes', `${id.type.replace(/[\s:\-–]+$/, '')}: ${id.number}`, meta);
  problem('unknown_id_type', `unknown identifier type "${id.type}" (kept in notes)`);
}

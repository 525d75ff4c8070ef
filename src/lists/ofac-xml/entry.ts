/**
 * One `sdnEntry` of OFAC's sdnList XML to an entity bundle. Elements as defined by OFAC's
 * sdn.xsd (https://ofac.treasury.gov/specially-designated-nationals-list-data-formats-data-schemas):
 * uid, firstName, lastName, title, sdnType, remarks, programList/program, idList/id,
 * akaList/aka, addressList/address, nationalityList/nationality, citizenshipList/citizenship,
 * dateOfBirthList/dateOfBirthItem, placeOfBirthList/placeOfBirthItem and vesselInfo.
 */
import { Entity, countryCode, hashId, parseDateExpression } from '../../model/index.js';
import type { EntityBundle, Issue, ValueMeta } from '../../model/index.js';
import { BundleBuilder, COMPANY_ID_PROPS, looksLikeCompany } from '../bundle.js';
import { child, childText, children } from '../io/xml.js';
import type { XmlNode } from '../io/xml.js';
import { applyOfacIdentifier, idTypeAction, normaliseIdType } from '../ofac-common/index.js';
import type { OfacIdentifier } from '../ofac-common/index.js';
import { nameForms, storedNames } from './names.js';

export const OFAC_AUTHORITY = 'Office of Foreign Assets Control';

const SCHEMA_BY_SDN_TYPE: Record<string, string> = {
  individual: 'Person',
  entity: 'Organization',
  vessel: 'Vessel',
  aircraft: 'Airplane',
};

const KNOWN_ELEMENTS = new Set([
  'uid', 'firstName', 'lastName', 'title', 'sdnType', 'remarks', 'programList', 'idList', 'akaList', 'addressList',
  'nationalityList', 'citizenshipList', 'dateOfBirthList', 'placeOfBirthList', 'vesselInfo',
]);

export interface EntryContext {
  /** The UnitFile name, for origins and issues. */
  file: string;
  issue(issue: Issue): void;
  /** Keys of problems reported once per file (unknown id types, alias types, elements). */
  reported: Set<string>;
  /** The uids read so far (numbers only; an sdn.xml holds some 18,000). */
  uids: Set<string>;
}

type NameProp = 'alias' | 'weakAlias' | 'previousName';

interface AkaNames {
  prop: NameProp;
  names: string[];
}

/** The items of a list element (`akaList/aka`); [] when the list is absent. */
function items(node: XmlNode, list: string, item: string): XmlNode[] {
  const l = child(node, list);
  return l ? children(l, item) : [];
}

const text = (node: XmlNode, name: string) => childText(node, name) || undefined;

function isCompanyIdType(type: string): boolean {
  const action = idTypeAction(type);
  return action?.kind === 'prop' && COMPANY_ID_PROPS.includes(action.prop);
}

/** Builds the bundle of one entry; undefined (with an issue) when the entry has no usable uid. */
export function entryToBundle(node: XmlNode, cx: EntryContext): EntityBundle | undefined {
  const line = node.line;
  const uid = childText(node, 'uid');
  const firstName = childText(node, 'firstName');
  const lastName = childText(node, 'lastName');
  const issue = (code: string, message: string) => cx.issue({ code, message, file: cx.file, line, record: uid || undefined });
  const once = (key: string, code: string, message: string) => {
    if (cx.reported.has(key)) return;
    cx.reported.add(key);
    issue(code, `${message} (reported once per file)`);
  };

  if (!/^\d+$/.test(uid)) {
    const who = nameForms(firstName, lastName).natural;
    cx.issue({
      code: 'missing_id',
      message: `${uid ? `sdnEntry uid "${uid}" is not a number` : 'sdnEntry without uid'}${who ? ` (${who})` : ''}; entry skipped`,
      file: cx.file,
      line,
      record: who || undefined,
    });
    return undefined;
  }
  if (cx.uids.has(uid)) {
    issue('duplicate_id', `uid ${uid} appears a second time; entry skipped`);
    return undefined;
  }
  cx.uids.add(uid);

  const sdnType = childText(node, 'sdnType');
  let schema = SCHEMA_BY_SDN_TYPE[sdnType.toLowerCase()];
  if (!schema) {
    issue('unknown_type', `unknown sdnType "${sdnType}"; read as an organization`);
    schema = 'Organization';
  }
  const person = schema === 'Person';

  const names = storedNames(firstName, lastName, person);
  const akas: AkaNames[] = [];
  for (const aka of items(node, 'akaList', 'aka')) {
    const type = childText(aka, 'type');
    const category = childText(aka, 'category').toLowerCase();
    let prop: NameProp;
    if (/^f\.?k\.?a\.?$/i.test(type)) prop = 'previousName';
    else {
      if (!/^[an]\.?k\.?a\.?$/i.test(type)) once(`aka:${type.toLowerCase()}`, 'unknown_alias_type', `unknown aka type "${type}"; read as a.k.a.`);
      prop = category === 'weak' ? 'weakAlias' : 'alias';
    }
    akas.push({ prop, names: storedNames(childText(aka, 'firstName'), childText(aka, 'lastName'), person) });
  }

  const ids: OfacIdentifier[] = items(node, 'idList', 'id').map((id) => ({
    type: childText(id, 'idType'),
    value: childText(id, 'idNumber'),
    country: text(id, 'idCountry'),
    issueDate: text(id, 'issueDate'),
    expirationDate: text(id, 'expirationDate'),
  }));

  if (schema === 'Organization') {
    const strongNames = names.concat(...akas.filter((a) => a.prop !== 'weakAlias').map((a) => a.names));
    if (ids.some((id) => isCompanyIdType(id.type)) || strongNames.some(looksLikeCompany)) schema = 'Company';
  }

  const origin = `${cx.file}:${line}`;
  const meta: ValueMeta = { origin };
  const b = new BundleBuilder(schema, `ofac-${uid}`, origin);
  const root = b.root;
  const addOrNote = (prop: string, label: string, value: string | undefined) => {
    if (value && !b.rootAdd(prop, value, meta)) root.add('notes', `${label}: ${value}`, meta);
  };

  if (names.length === 0) issue('missing_name', 'entry without a name (no firstName or lastName)');
  root.add('name', names[0], meta);
  root.add('alias', names.slice(1), meta);
  if (person) {
    root.add('firstName', firstName, meta);
    root.add('lastName', lastName, meta);
  }
  for (const aka of akas) root.add(aka.prop, aka.names, meta);
  root.add('topics', 'sanction', meta);

  const programs = items(node, 'programList', 'program').map((p) => p.text).filter(Boolean);
  if (programs.length === 0) issue('missing_program', 'entry without a program');
  root.add('program', programs, meta);
  const sanction = b.sanction(origin);
  sanction.add('authority', OFAC_AUTHORITY, meta);
  sanction.add('country', 'us', meta);
  sanction.add('program', programs, meta);
  sanction.add('authorityId', uid, meta);

  // OFAC's title is a post ("Minister of Defense"), which FtM calls position; its Person.title is an honorific.
  addOrNote('position', 'Title', text(node, 'title'));
  // Raw; the remarks parser (ofac-common) reads structure out of them.
  root.add('notes', text(node, 'remarks'), meta);

  for (const id of ids) {
    if (applyOfacIdentifier(b, id, meta)) continue;
    once(`id:${normaliseIdType(id.type)}`, 'unknown_id_type', `unknown identifier type "${id.type}"; value kept in notes`);
    if (id.value) root.add('notes', `${id.type.replace(/[\s:\-–]+$/, '') || 'Identifier'}: ${id.value}`, meta);
  }

  for (const addr of items(node, 'addressList', 'address')) {
    let country = text(addr, 'country');
    let region: string | undefined;
    // "Region: Gaza" stands where a country would.
    const m = country ? /^region:\s*(.+)$/i.exec(country) : null;
    if (m) {
      region = m[1]!;
      country = countryCode(region) ? region : undefined;
    }
    const street2 = [childText(addr, 'address2'), childText(addr, 'address3')].filter(Boolean).join(', ');
    b.address(
      {
        street: text(addr, 'address1'),
        street2: street2 || undefined,
        city: text(addr, 'city'),
        state: text(addr, 'stateOrProvince'),
        postalCode: text(addr, 'postalCode'),
        region,
        country,
      },
      meta,
      text(addr, 'uid'),
    );
  }

  for (const n of items(node, 'nationalityList', 'nationality')) addOrNote(person ? 'nationality' : 'country', 'Nationality', text(n, 'country'));
  for (const c of items(node, 'citizenshipList', 'citizenship')) addOrNote(person ? 'citizenship' : 'country', 'Citizenship', text(c, 'country'));

  for (const d of items(node, 'dateOfBirthList', 'dateOfBirthItem')) {
    const raw = text(d, 'dateOfBirth');
    if (!raw) continue;
    const { dates } = parseDateExpression(raw);
    if (dates.length === 0) {
      issue('invalid_date', `date of birth "${raw}" is not a date; kept in notes`);
      root.add('notes', `Date of birth: ${raw}`, meta);
    } else if (!b.rootAdd('birthDate', dates, meta)) {
      root.add('notes', `Date of birth: ${raw}`, meta);
    }
  }
  for (const p of items(node, 'placeOfBirthList', 'placeOfBirthItem')) addOrNote('birthPlace', 'Place of birth', text(p, 'placeOfBirth'));

  const vessel = child(node, 'vesselInfo');
  if (vessel) {
    addOrNote('callSign', 'Vessel call sign', text(vessel, 'callSign'));
    addOrNote('type', 'Vessel type', text(vessel, 'vesselType'));
    const flag = text(vessel, 'vesselFlag');
    if (flag && !/^none identified$/i.test(flag)) addOrNote('flag', 'Vessel flag', flag);
    addOrNote('tonnage', 'Tonnage', text(vessel, 'tonnage'));
    addOrNote('grossRegisteredTonnage', 'Gross registered tonnage', text(vessel, 'grossRegisteredTonnage'));
    const owner = text(vessel, 'vesselOwner');
    if (owner && root.schema.properties.has('owner')) {
      // FtM's owner is an entity reference, so the owner's name becomes an entity of its own.
      const ownerEntity = b.add(new Entity('LegalEntity', hashId(`${root.id}-owner`, owner), { origin }));
      ownerEntity.add('name', owner, meta);
      root.add('owner', ownerEntity.id, meta);
    } else if (owner) {
      root.add('notes', `Vessel owner: ${owner}`, meta);
    }
  }

  for (const c of node.children) {
    if (!KNOWN_ELEMENTS.has(c.name)) once(`element:${c.name}`, 'unknown_field', `unknown element <${c.name}> in sdnEntry; ignored`);
  }

  const bundle = b.build();
  for (const e of [bundle.root, ...bundle.related]) {
    for (const r of e.rejected) issue('invalid_value', `${e.schema.name}.${r.prop}: ${r.reason}: "${r.value}"`);
  }
  return bundle;
}

/**
 * Parties named in records (shippers, owners, directors, travellers, hosts…) as entities with
 * deterministic ids from the strongest key available: a valid INN, OGRN or USCC
 * (`party-inn-7701234567`), a passport for a person, else a hash of the normalised name and
 * country (and birth date for a person). Each party's bundle is emitted once per file, by the
 * first row that names it (its provenance); a later row emits only values not yet emitted.
 */
import { Entity, hashId, makeId } from '../../model/index.js';
import type { EntityBundle } from '../../model/index.js';
import { looksLikeCompany } from '../../lists/index.js';
import type { RowValues } from './columns.js';

const ID_PROPS = { inn: 'innCode', ogrn: 'ogrnCode', uscc: 'registrationNumber' } as const;

export type PartyDefault = 'LegalEntity' | 'Company' | 'Organization' | 'Person';

/** The key of a name for ids: case, spacing, quotes and punctuation do not matter. */
export function nameKey(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[\s"'«»“”„‘’`.,;:()[\]{}!?/\\|*#]+/g, ' ')
    .trim();
}

export interface PartyParts {
  name: string;
  values: Array<[prop: string, value: string]>;
  schema: string;
  id: string;
}

/**
 * The party of a role in a row (`shipper`, `owner`…), or undefined when the row has no name
 * for it. Identifier problems are reported by the row.
 */
export function readParty(row: RowValues, role: string, fallback: PartyDefault): PartyParts | undefined {
  const k = keysOf(role);
  const name = row.get(k.name);
  if (name === undefined) return undefined;
  const values: Array<[string, string]> = [['name', name]];
  const add = (prop: string, v: string | undefined) => {
    if (v !== undefined) values.push([prop, v]);
  };
  const country = row.get(k.country);
  add('country', country);
  add('address', row.get(k.address));
  // Each checked number goes to the property of the kind its check digits show; one that
  // fails is kept as the record gives it, in the generic property, and is no key.
  const ids: Partial<Record<'inn' | 'ogrn' | 'uscc', string>> = {};
  for (const [part, kind] of ID_PARTS) {
    const checked = row.companyId(k[part], kind);
    if (!checked) continue;
    if (checked.valid) {
      ids[checked.kind] ??= checked.value;
      add(ID_PROPS[checked.kind], checked.value);
    } else {
      add(part === 'inn' ? 'taxNumber' : 'registrationNumber', checked.value);
    }
  }
  const inn = ids.inn;
  const ogrn = ids.ogrn;
  const uscc = ids.uscc;
  const registration = row.get(k.registrationNumber);
  add('registrationNumber', registration);
  add('taxNumber', row.get(k.taxNumber));
  const birthDate = row.get(k.birthDate);
  const nationality = row.get(k.nationality);
  const passport = row.get(k.passport);
  const type = row.get(k.type);

  const personal = birthDate !== undefined || nationality !== undefined || passport !== undefined;
  const companyId = (inn !== undefined && inn.length === 10) || ogrn !== undefined || uscc !== undefined || registration !== undefined;
  let schema: string;
  if (type === 'person' || (type === undefined && personal && !looksLikeCompany(name))) schema = 'Person';
  else if (type === 'company' || companyId || looksLikeCompany(name)) schema = fallback === 'Organization' && !companyId && !looksLikeCompany(name) ? 'Organization' : 'Company';
  else schema = fallback === 'Person' && looksLikeCompany(name) ? 'Company' : fallback;

  if (schema === 'Person') {
    add('birthDate', birthDate);
    add('nationality', nationality);
    add('passportNumber', passport);
  }
  let id: string;
  if (inn !== undefined) id = `party-inn-${inn}`;
  else if (ogrn !== undefined) id = `party-ogrn-${ogrn}`;
  else if (uscc !== undefined) id = `party-uscc-${uscc.toLowerCase()}`;
  else if (schema === 'Person' && passport) id = makeId('person-passport', nationality ?? country ?? '', passport);
  else if (schema === 'Person') id = hashId('person', nameKey(name), birthDate, nationality ?? country);
  else id = partyHashId(name, country);
  return { name, values, schema, id };
}

const ID_PARTS = [['inn', 'inn'], ['ogrn', 'ogrn'], ['uscc', 'uscc'], ['id', 'any']] as const;

const PARTS = ['name', 'country', 'address', 'inn', 'ogrn', 'uscc', 'id', 'registrationNumber', 'taxNumber', 'birthDate', 'nationality', 'passport', 'type'] as const;
type PartKeys = Record<(typeof PARTS)[number], string>;
const partKeys = new Map<string, PartKeys>();

/** The field names of a role's parts (`shipper.name`…), made once per role. */
function keysOf(role: string): PartKeys {
  let keys = partKeys.get(role);
  if (!keys) {
    keys = Object.fromEntries(PARTS.map((p) => [p, `${role}.${p}`])) as PartKeys;
    partKeys.set(role, keys);
  }
  return keys;
}

/** Party names repeat row after row: their hash ids are remembered (bounded). */
const hashIds = new Map<string, string>();

function partyHashId(name: string, country: string | undefined): string {
  const key = `${name}\u001f${country ?? ''}`;
  let id = hashIds.get(key);
  if (id === undefined) {
    id = hashId('party', nameKey(name), country);
    if (hashIds.size >= 50_000) hashIds.clear();
    hashIds.set(key, id);
  }
  return id;
}

/** A companion or other person known by name only. */
export function personByName(name: string): PartyParts {
  return { name, values: [['name', name]], schema: looksLikeCompany(name) ? 'Company' : 'Person', id: hashId('person', nameKey(name)) };
}

const SEP = '\u001e';
const FIELD = '\u001f';
/** Values compare as the model stores them: NFC, runs of spaces as one. */
const valueKey = (prop: string, value: string) => `${prop}${FIELD}${/^[\x21-\x7e]*(?: [\x21-\x7e]+)*$/.test(value) ? value : value.normalize('NFC').replace(/\s+/g, ' ').trim()}`;

/**
 * The parties emitted so far in a file, each with the values already emitted (one string per
 * party), so that every party is emitted once and later rows add only new values.
 */
export class PartyRegistry {
  /** Per party: the keys of its emitted values, and the values of the last row that named it. */
  private readonly emitted = new Map<string, { keys: string; last: string }>();

  get size(): number {
    return this.emitted.size;
  }

  /** The party's bundle when it is new or brings new values, else undefined. */
  take(party: PartyParts, origin: string): EntityBundle | undefined {
    const known = this.emitted.get(party.id);
    let signature = '';
    for (const [p, v] of party.values) signature += `${p}${FIELD}${v}${SEP}`;
    // Most rows name a party exactly as the row before did.
    if (known !== undefined && known.last === signature) return undefined;
    let fresh = party.values;
    if (known !== undefined) {
      known.last = signature;
      fresh = party.values.filter(([p, v]) => !known.keys.includes(`${SEP}${valueKey(p, v)}${SEP}`));
      if (fresh.length === 0) return undefined;
    }
    const entity = new Entity(party.schema, party.id, { origin });
    let keys = known?.keys ?? SEP;
    for (const [p, v] of fresh) {
      if (!entity.schema.properties.has(p)) continue;
      entity.add(p, v);
      keys += `${valueKey(p, v)}${SEP}`;
    }
    if (known) known.keys = keys;
    else this.emitted.set(party.id, { keys, last: signature });
    return { root: entity, related: [] };
  }
}

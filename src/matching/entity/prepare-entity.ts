/**
 * An entity (a screening query or a list entry) as the matcher sees it: its names prepared
 * (all of name, alias, previousName, weakAlias, and the structured first/middle/last parts),
 * its birth dates, countries, gender and identifiers normalised for comparison.
 */
import { countryCode, model, parseDateExpression } from '../../model/index.js';
import type { Entity } from '../../model/index.js';
import { prepareName } from '../names/prepare.js';
import type { NameKind, NamePart, PreparedName } from '../names/prepare.js';

/** An FtM-shaped description: what a query or a list entry says about itself. */
export interface MatchInput {
  id?: string | undefined;
  schema: string;
  properties: Record<string, readonly string[]>;
}

export interface PreparedNameVariant {
  name: PreparedName;
  /** From weakAlias: low-quality names count less. */
  weak: boolean;
}

export interface IdentifierValue {
  prop: string;
  raw: string;
  norm: string;
}

export interface PreparedEntity {
  id: string | undefined;
  schema: string;
  kind: NameKind;
  names: PreparedNameVariant[];
  birthDates: string[];
  countries: string[];
  genders: string[];
  identifiers: IdentifierValue[];
}

/** Properties whose values identify an entity; a shared value is strong evidence. */
export const IDENTIFIER_PROPS = [
  'innCode', 'ogrnCode', 'okpoCode', 'imoNumber', 'mmsi', 'passportNumber', 'idNumber', 'registrationNumber', 'taxNumber', 'vatCode',
  'leiCode', 'swiftBic', 'isinCode', 'dunsCode', 'uniqueEntityId', 'socialSecurityNumber', 'licenseNumber', 'serialNumber', 'bikCode',
  'npiCode', 'icaoCode', 'callSign',
] as const;

const COUNTRY_PROPS = ['country', 'nationality', 'citizenship', 'jurisdiction', 'birthCountry', 'mainCountry', 'flag'];
const NAME_PROPS: Array<[string, boolean]> = [['name', false], ['alias', false], ['previousName', false], ['abbreviation', false], ['weakAlias', true]];
const PART_PROPS: Array<[string, NamePart]> = [['firstName', 'first'], ['secondName', 'middle'], ['middleName', 'middle'], ['fatherName', 'father'], ['lastName', 'last']];

export function kindOf(schema: string): NameKind {
  const s = model.get(schema);
  if (!s) return 'any';
  if (s.isA('Person')) return 'person';
  if (s.isA('Organization') || s.isA('Vessel') || s.isA('Airplane') || s.isA('Asset')) return 'org';
  return 'any';
}

/** Uppercase letters and digits only; an IMO prefix dropped. */
export function normaliseIdentifier(value: string): string {
  return value.toUpperCase().replace(/[^0-9A-Z]/g, '').replace(/^IMO(?=\d{7}$)/, '');
}

/** Splits "Al-Qa'ida/Islamic Army" into its alternatives (not "s/o", "M/V"). */
function alternatives(name: string): string[] {
  if (!name.includes('/')) return [name];
  const parts = name.split(/\s*\/\s*/).filter(Boolean);
  if (parts.length > 1 && parts.every((p) => p.replace(/[^\p{L}]/gu, '').length >= 3)) return [name, ...parts];
  return [name];
}

const get = (props: Record<string, readonly string[]>, key: string): readonly string[] => props[key] ?? [];

export function prepareEntity(input: MatchInput): PreparedEntity {
  const kind = kindOf(input.schema);
  const p = input.properties;
  const names: PreparedNameVariant[] = [];
  const seen = new Set<string>();
  const addName = (text: string, weak: boolean) => {
    for (const alt of alternatives(text)) {
      const prepared = commaName(alt, kind) ?? prepareName(alt, { kind });
      if (!prepared.tokens.length || seen.has(prepared.joined)) continue;
      seen.add(prepared.joined);
      names.push({ name: prepared, weak });
    }
  };
  for (const [prop, weak] of NAME_PROPS) for (const v of get(p, prop)) addName(v, weak);
  const structured = structuredName(p, kind);
  if (structured && !seen.has(structured.joined)) {
    seen.add(structured.joined);
    names.push({ name: structured, weak: false });
  }
  const identifiers: IdentifierValue[] = [];
  for (const prop of IDENTIFIER_PROPS) {
    for (const raw of get(p, prop)) {
      const norm = normaliseIdentifier(raw);
      if (norm.length >= 4) identifiers.push({ prop, raw, norm });
    }
  }
  // Values from a query may be written as people write them ("Russia", "7 Oct 1952").
  const countries = new Set<string>();
  for (const prop of COUNTRY_PROPS) for (const v of get(p, prop)) countries.add(countryCode(v) ?? v.toLowerCase());
  const birthDates = new Set<string>();
  for (const v of get(p, 'birthDate')) {
    const parsed = parseDateExpression(v).dates;
    for (const d of parsed.length ? parsed : [v]) birthDates.add(d);
  }
  return {
    id: input.id,
    schema: input.schema,
    kind,
    names,
    birthDates: [...birthDates],
    countries: [...countries],
    genders: get(p, 'gender').map((g) => g.toLowerCase()),
    identifiers,
  };
}

/** A name built from firstName/middleName/fatherName/lastName, each token tagged with its part. */
function structuredName(p: Record<string, readonly string[]>, kind: NameKind): PreparedName | undefined {
  if (!get(p, 'firstName').length && !get(p, 'lastName').length) return undefined;
  const parts: PreparedName[] = [];
  for (const [prop, part] of PART_PROPS) {
    const v = get(p, prop)[0];
    if (v) parts.push(prepareName(v, { kind: kind === 'org' ? 'org' : 'person', part }));
  }
  return joinParts(parts);
}

/**
 * A person's name written "SURNAME, Given names" (as OFAC, the UN and most queries copied from
 * them write it): the tokens before the comma are the surname, those after the given names.
 */
function commaName(text: string, kind: NameKind): PreparedName | undefined {
  if (kind !== 'person') return undefined;
  const m = /^([^,\d]*\p{L}[^,\d]*),([^,\d]*\p{L}[^,\d]*)$/u.exec(text);
  if (!m) return undefined;
  const joined = joinParts([prepareName(m[1]!, { kind: 'person', part: 'last' }), prepareName(m[2]!, { kind: 'person', part: 'first' })]);
  return joined && { ...joined, text };
}

function joinParts(parts: PreparedName[]): PreparedName | undefined {
  if (!parts.length) return undefined;
  const tokens = parts.flatMap((x) => x.tokens);
  if (!tokens.length) return undefined;
  return {
    text: parts.map((x) => x.text).join(' '),
    kind: parts[0]!.kind,
    tokens,
    forms: [...new Set(parts.flatMap((x) => x.forms))],
    weight: tokens.reduce((s, t) => s + t.weight, 0),
    joined: tokens.map((t) => t.key).join(' '),
    sig: parts.map((x) => x.sig).join('\u0002'),
  };
}

const USED_PROPS = [...NAME_PROPS.map(([p]) => p), ...PART_PROPS.map(([p]) => p), ...IDENTIFIER_PROPS, ...COUNTRY_PROPS, 'birthDate', 'gender'];

/** The matcher's view of a stored entity: only the properties it compares. */
export function entityInput(entity: Entity): MatchInput {
  const properties: Record<string, string[]> = {};
  for (const prop of USED_PROPS) {
    if (entity.has(prop)) properties[prop] = entity.get(prop);
  }
  return { id: entity.id, schema: entity.schema.name, properties };
}

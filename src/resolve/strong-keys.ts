/**
 * Strong keys: identifiers that prove two records are the same party, each with a check that a
 * typo fails (model/identifier-checks.ts) and that is not a placeholder (one repeated character,
 * `0000000000`, passes some checks and means nothing). Two entities with a key in common are
 * merged without review.
 * - INN (`inn:`) from innCode, and from taxNumber of a Russian entity;
 * - OGRN/OGRNIP (`ogrn:`) from ogrnCode, and from registrationNumber of a Russian entity;
 * - USCC (`uscc:`) from registrationNumber, taxNumber or idNumber (18 characters with a valid
 *   check are a USCC whatever the country field says);
 * - IMO (`imo:`) from imoNumber; LEI (`lei:`) from leiCode.
 * Not strong, and left to the scored candidates: SWIFT/BIC (no check character, and a bank's
 * branches share their first 8 characters), passports and national ids (no common check, and
 * numbers repeat across countries), free-form registration and tax numbers of other countries.
 */
import { countryCode, isPlaceholderId, isValidImo, isValidInn, isValidLei, isValidOgrn, isValidUscc } from '../model/index.js';
import { normaliseIdentifier } from '../matching/index.js';

export type StrongKind = 'inn' | 'ogrn' | 'uscc' | 'imo' | 'lei';

export const STRONG_KINDS: readonly StrongKind[] = ['inn', 'ogrn', 'uscc', 'imo', 'lei'];

export interface StrongKey {
  /** `kind:value`, e.g. `inn:3849055365`: equal keys mean the same party. */
  key: string;
  kind: StrongKind;
  value: string;
  /** The property the value was read from. */
  prop: string;
}

/** An FtM-shaped description (the matcher's MatchInput has this shape). */
export interface KeyInput {
  schema: string;
  properties: Record<string, readonly string[]>;
}

const VALID: Record<StrongKind, (v: string) => boolean> = { inn: isValidInn, ogrn: isValidOgrn, uscc: isValidUscc, imo: isValidImo, lei: isValidLei };

/** Whether a compact value is a key of `kind`: its check holds and it is not a placeholder. */
export function isStrongIdentifier(kind: StrongKind, value: string): boolean {
  return VALID[kind](value) && !isPlaceholderId(value);
}

/** Where each kind is read from; `russian` props count only on an entity tied to Russia. */
const SOURCES: Array<{ prop: string; kind: StrongKind; russian?: boolean }> = [
  { prop: 'innCode', kind: 'inn' },
  { prop: 'taxNumber', kind: 'inn', russian: true },
  { prop: 'ogrnCode', kind: 'ogrn' },
  { prop: 'registrationNumber', kind: 'ogrn', russian: true },
  { prop: 'registrationNumber', kind: 'uscc' },
  { prop: 'taxNumber', kind: 'uscc' },
  { prop: 'idNumber', kind: 'uscc' },
  { prop: 'imoNumber', kind: 'imo' },
  { prop: 'leiCode', kind: 'lei' },
];

const COUNTRY_PROPS = ['country', 'jurisdiction', 'nationality', 'citizenship', 'mainCountry'];

/** The value as a key of `kind`, or undefined when it is not one (wrong length, failed check). */
export function strongValue(kind: StrongKind, raw: string): string | undefined {
  const norm = normaliseIdentifier(raw);
  return isStrongIdentifier(kind, norm) ? norm : undefined;
}

export function strongKey(kind: StrongKind, raw: string): string | undefined {
  const v = strongValue(kind, raw);
  return v === undefined ? undefined : `${kind}:${v}`;
}

/** Every strong key of an entity, once each, in a fixed order. */
export function strongKeys(input: KeyInput): StrongKey[] {
  const p = input.properties;
  let russian: boolean | undefined;
  const isRussian = () => (russian ??= COUNTRY_PROPS.some((prop) => (p[prop] ?? []).some((c) => (countryCode(c) ?? c.toLowerCase()) === 'ru')));
  const out: StrongKey[] = [];
  const seen = new Set<string>();
  for (const src of SOURCES) {
    const values = p[src.prop];
    if (!values?.length) continue;
    if (src.russian && !isRussian()) continue;
    for (const raw of values) {
      const value = strongValue(src.kind, raw);
      if (value === undefined) continue;
      const key = `${src.kind}:${value}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ key, kind: src.kind, value, prop: src.prop });
    }
  }
  return out;
}

/** The keys two entities share (the evidence of an automatic link). */
export function sharedKeys(a: readonly StrongKey[], b: readonly StrongKey[]): StrongKey[] {
  const keys = new Set(b.map((k) => k.key));
  return a.filter((k) => keys.has(k.key));
}

/**
 * The entity schemata: the FollowTheMoney model (from `@alephdata/followthemoney`'s
 * defaultModel.json, MIT), resolved with inheritance, plus endtrace's own trade-native
 * extensions (see extensions.ts). Pure data, no I/O.
 */
import ftmModel from '@alephdata/followthemoney/dist/defaultModel.json' with { type: 'json' };
import { EndtraceError } from './errors.js';
import { EXTENSION_SCHEMATA } from './extensions.js';

export type PropType =
  | 'address' | 'checksum' | 'country' | 'date' | 'email' | 'entity' | 'gender' | 'html' | 'iban'
  | 'identifier' | 'ip' | 'json' | 'language' | 'mimetype' | 'name' | 'number' | 'phone' | 'string'
  | 'text' | 'topic' | 'url';

export interface RawProperty {
  name?: string;
  label?: string;
  type: string;
  range?: string;
  reverse?: string;
  matchable?: boolean;
  maxLength?: number;
  format?: string;
  stub?: boolean;
}

export interface RawSchema {
  label?: string;
  plural?: string;
  extends?: string[];
  abstract?: boolean;
  matchable?: boolean;
  generated?: boolean;
  edge?: { source: string; target: string; label?: string; directed?: boolean; caption?: string[] };
  caption?: string[];
  featured?: string[];
  required?: string[];
  properties: Record<string, RawProperty>;
}

export interface Property {
  readonly name: string;
  readonly qname: string;
  readonly label: string;
  readonly type: PropType;
  /** Schema of the referenced entity, for `entity` properties. */
  readonly range: string | undefined;
  readonly matchable: boolean;
  readonly maxLength: number;
  /** Identifier format (inn, ogrn, imo, …) where FtM gives one. */
  readonly format: string | undefined;
  /** Set for stub (reverse) properties that are computed, never stored. */
  readonly stub: boolean;
  /** For entity properties: the name of the inverse property on the range schema (Sanction.entity → sanctions). */
  readonly reverse: string | undefined;
}

export class Schema {
  readonly name: string;
  readonly label: string;
  readonly abstract: boolean;
  readonly matchable: boolean;
  readonly extends: readonly string[];
  readonly caption: readonly string[];
  readonly featured: readonly string[];
  readonly required: readonly string[];
  readonly edge: RawSchema['edge'] | undefined;
  /** Own and inherited properties by name. */
  readonly properties: ReadonlyMap<string, Property>;
  /** This schema and every ancestor. */
  readonly ancestors: ReadonlySet<string>;

  constructor(name: string, raw: RawSchema, properties: Map<string, Property>, ancestors: Set<string>, caption: string[]) {
    this.name = name;
    this.label = raw.label ?? name;
    this.abstract = raw.abstract ?? false;
    this.matchable = raw.matchable ?? false;
    this.extends = raw.extends ?? [];
    this.caption = caption;
    this.featured = raw.featured ?? [];
    this.required = raw.required ?? [];
    this.edge = raw.edge;
    this.properties = properties;
    this.ancestors = ancestors;
  }

  isA(other: string): boolean {
    return this.ancestors.has(other);
  }

  get isEdge(): boolean {
    return this.edge !== undefined;
  }

  getProperty(name: string): Property | undefined {
    return this.properties.get(name);
  }
}

export class Model {
  private readonly schemata = new Map<string, Schema>();

  constructor(raw: Record<string, RawSchema>) {
    const resolving = new Set<string>();
    const resolve = (name: string): Schema => {
      const done = this.schemata.get(name);
      if (done) return done;
      const spec = raw[name];
      if (!spec) throw new EndtraceError('internal', `schema ${name} is not defined`);
      if (resolving.has(name)) throw new EndtraceError('internal', `schema ${name} extends itself`);
      resolving.add(name);
      const properties = new Map<string, Property>();
      const ancestors = new Set<string>([name]);
      let caption: string[] = [];
      for (const parentName of spec.extends ?? []) {
        const parent = resolve(parentName);
        for (const [k, v] of parent.properties) properties.set(k, v);
        for (const a of parent.ancestors) ancestors.add(a);
        if (caption.length === 0) caption = [...parent.caption];
      }
      for (const [pname, p] of Object.entries(spec.properties)) {
        properties.set(pname, {
          name: pname,
          qname: `${name}:${pname}`,
          label: p.label ?? pname,
          type: p.type as PropType,
          range: p.range,
          matchable: p.matchable ?? false,
          maxLength: p.maxLength ?? (p.type === 'text' ? 65000 : 1024),
          format: p.format,
          stub: p.stub ?? false,
          reverse: p.reverse,
        });
      }
      if (spec.caption && spec.caption.length > 0) caption = [...spec.caption];
      const schema = new Schema(name, spec, properties, ancestors, caption);
      this.schemata.set(name, schema);
      resolving.delete(name);
      return schema;
    };
    for (const name of Object.keys(raw)) resolve(name);
  }

  get(name: string): Schema | undefined {
    return this.schemata.get(name);
  }

  /** The schema by name; throws a usage error naming the unknown schema. */
  schema(name: string): Schema {
    const s = this.schemata.get(name);
    if (!s) throw new EndtraceError('usage', `unknown schema: ${name}`, { code: 'unknown_schema' });
    return s;
  }

  names(): string[] {
    return [...this.schemata.keys()].sort();
  }

  /**
   * The more specific of two schemata when one descends from the other, e.g.
   * LegalEntity + Company = Company. Throws when they are unrelated (Person + Vessel).
   */
  common(a: string, b: string): Schema {
    const sa = this.schema(a);
    const sb = this.schema(b);
    if (sa.isA(b)) return sa;
    if (sb.isA(a)) return sb;
    throw new EndtraceError('usage', `schemata ${a} and ${b} are not compatible`, { code: 'schema_conflict' });
  }

  /** True when an entity of schema a could be the same thing as one of schema b. */
  compatible(a: string, b: string): boolean {
    const sa = this.get(a);
    const sb = this.get(b);
    if (!sa || !sb) return false;
    if (sa.isA(b) || sb.isA(a)) return true;
    // Organization and Company are siblings under LegalEntity in practice: lists disagree on them.
    const orgs = ['Organization', 'Company', 'PublicBody'];
    return orgs.some((o) => sa.isA(o)) && orgs.some((o) => sb.isA(o));
  }
}

const ftm = ftmModel as unknown as { schemata: Record<string, RawSchema>; types: Record<string, { values?: Record<string, string> }> };

/** The one model instance: FtM plus endtrace's extensions. */
export const model = new Model({ ...ftm.schemata, ...EXTENSION_SCHEMATA });

/** FtM's value lists (countries, topics, genders, languages). */
export const typeValues = (type: string): Record<string, string> => ftm.types[type]?.values ?? {};

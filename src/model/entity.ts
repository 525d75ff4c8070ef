/**
 * An entity assembled from property values, each value carrying its provenance (the record
 * it came from) — the in-memory form of a set of statements (nomenklatura's model).
 */
import { EndtraceError } from './errors.js';
import type { Property, Schema } from './schema.js';
import { model } from './schema.js';
import { cleanValue } from './values.js';

export interface PropertyValue {
  value: string;
  /** The record this value came from, e.g. `sdn.csv:13484` or `consolidated.xml#uid=9639`. */
  origin: string | undefined;
  lang: string | undefined;
}

/** One stored fact: a property value of an entity, with where it came from. */
export interface Statement {
  entityId: string;
  schema: string;
  prop: string;
  value: string;
  lang: string | null;
  origin: string | null;
}

export interface RejectedValue {
  prop: string;
  value: string;
  reason: string;
  origin: string | undefined;
}

export interface ValueMeta {
  origin?: string | undefined;
  lang?: string | undefined;
}

type RawValue = string | number | null | undefined;

const NAME_PROPS = ['name', 'alias', 'previousName', 'weakAlias', 'abbreviation'];

export class Entity {
  readonly id: string;
  schema: Schema;
  /** True for an entity that is itself a subject of a list (FtM's `target`). */
  target: boolean;
  /** Default provenance of values added without their own origin. */
  origin: string | undefined;
  /** Values refused by the model (bad date, unknown country, too long), for the issue report. */
  readonly rejected: RejectedValue[] = [];
  private readonly data = new Map<string, PropertyValue[]>();

  constructor(schema: Schema | string, id: string, opts: { origin?: string | undefined; target?: boolean } = {}) {
    if (!id) throw new EndtraceError('internal', 'entity id must not be empty');
    this.schema = typeof schema === 'string' ? model.schema(schema) : schema;
    this.id = id;
    this.origin = opts.origin;
    this.target = opts.target ?? false;
  }

  /**
   * Adds values after cleaning them by the property's type. Empty values are ignored,
   * invalid ones are kept in `rejected`. Returns the number of values added.
   */
  add(prop: string, value: RawValue | readonly RawValue[], meta: ValueMeta = {}): number {
    const property = this.schema.getProperty(prop);
    if (!property) {
      throw new EndtraceError('internal', `property ${prop} is not defined on schema ${this.schema.name}`, { code: 'unknown_property' });
    }
    if (!Array.isArray(value)) return this.addOne(property, prop, value as RawValue, meta);
    let added = 0;
    for (const item of value as readonly RawValue[]) added += this.addOne(property, prop, item, meta);
    return added;
  }

  private addOne(property: Property, prop: string, item: RawValue, meta: ValueMeta): number {
    if (item === null || item === undefined) return 0;
    const raw = typeof item === 'string' ? item : String(item);
    // Blank values are ignored; a value that starts with a visible character is not blank.
    if (raw.length === 0 || (raw.charCodeAt(0) <= 0x20 || raw.charCodeAt(0) >= 0x7f ? !raw.trim() : false)) return 0;
    const origin = meta.origin ?? this.origin;
    const cleaned = cleanValue(property, raw);
    if (cleaned === undefined) {
      if (raw.trim() !== '-0-') this.rejected.push({ prop, value: raw, reason: `not a valid ${property.type}`, origin });
      return 0;
    }
    if (cleaned.length > property.maxLength) {
      this.rejected.push({ prop, value: raw.slice(0, 80) + '…', reason: `longer than ${property.maxLength} characters`, origin });
      return 0;
    }
    let values = this.data.get(prop);
    if (!values) {
      values = [];
      this.data.set(prop, values);
    } else {
      for (let i = 0; i < values.length; i++) if (values[i]!.value === cleaned) return 0;
    }
    values.push({ value: cleaned, origin, lang: meta.lang });
    return 1;
  }

  /** Adds values without cleaning: for values read back from the store or from FtM JSON. */
  addRaw(prop: string, value: string, origin?: string | null, lang?: string | null): void {
    let values = this.data.get(prop);
    if (!values) {
      values = [];
      this.data.set(prop, values);
    }
    if (values.some((v) => v.value === value)) return;
    values.push({ value, origin: origin ?? undefined, lang: lang ?? undefined });
  }

  get(prop: string): string[] {
    return (this.data.get(prop) ?? []).map((v) => v.value);
  }

  first(prop: string): string | undefined {
    return this.data.get(prop)?.[0]?.value;
  }

  has(prop: string): boolean {
    return (this.data.get(prop)?.length ?? 0) > 0;
  }

  values(prop: string): readonly PropertyValue[] {
    return this.data.get(prop) ?? [];
  }

  props(): string[] {
    return [...this.data.keys()];
  }

  remove(prop: string, value?: string): void {
    if (value === undefined) this.data.delete(prop);
    else this.data.set(prop, (this.data.get(prop) ?? []).filter((v) => v.value !== value));
  }

  /** The display name: the first value of the schema's caption properties. */
  get caption(): string {
    for (const prop of this.schema.caption) {
      const v = this.first(prop);
      if (v) return v;
    }
    return this.first('name') ?? this.id;
  }

  /** Every name the entity goes by: name, aliases, previous and weak names. */
  names(): string[] {
    const out: string[] = [];
    for (const p of NAME_PROPS) if (this.schema.properties.has(p)) out.push(...this.get(p));
    return out;
  }

  /** Changes the schema to a more specific one (Company → LegalEntity is refused). */
  upgradeSchema(name: string): void {
    this.schema = model.common(this.schema.name, name);
  }

  statements(): Statement[] {
    const out: Statement[] = [];
    for (const [prop, values] of this.data) {
      for (const v of values) {
        out.push({ entityId: this.id, schema: this.schema.name, prop, value: v.value, lang: v.lang ?? null, origin: v.origin ?? null });
      }
    }
    return out;
  }

  /** Number of values across all properties. */
  get size(): number {
    let n = 0;
    for (const v of this.data.values()) n += v.length;
    return n;
  }

  /** Plain FtM form: `{id, schema, caption, properties}`. */
  toFtM(): FtMEntity {
    const properties: Record<string, string[]> = {};
    for (const prop of [...this.data.keys()].sort()) properties[prop] = this.get(prop);
    return { id: this.id, schema: this.schema.name, caption: this.caption, properties, target: this.target };
  }

  /** Builds an entity from its statements (several schemata merge to the most specific). */
  static fromStatements(id: string, statements: readonly Statement[], opts: { target?: boolean } = {}): Entity {
    let schemaName: string | undefined;
    for (const s of statements) {
      if (!schemaName) schemaName = s.schema;
      else if (s.schema !== schemaName) {
        try {
          schemaName = model.common(schemaName, s.schema).name;
        } catch {
          // Conflicting schemata from different sources: keep the first.
        }
      }
    }
    const e = new Entity(schemaName ?? 'Thing', id, opts);
    for (const s of statements) {
      if (e.schema.properties.has(s.prop)) e.addRaw(s.prop, s.value, s.origin, s.lang);
    }
    return e;
  }
}

export interface FtMEntity {
  id: string;
  schema: string;
  caption?: string;
  properties: Record<string, string[]>;
  target?: boolean;
  datasets?: string[];
  referents?: string[];
  first_seen?: string | null;
  last_seen?: string | null;
  last_change?: string | null;
}

/**
 * A list record: the root entity (a listed person, company, vessel…) and the entities that
 * exist only because of it (its sanctions, addresses, identifications, links). Diffs and
 * counts are per root.
 */
export interface EntityBundle {
  root: Entity;
  related: Entity[];
}

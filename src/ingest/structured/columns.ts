/**
 * A mapping bound to one file: each field's columns found in the CSV/TSV header (or looked up
 * by key in each JSON object), and its value in a record read, cleaned and checked by the
 * field's type. A value that cannot be read (bad date, number, country, identifier, over-long
 * or hostile text) is reported as an issue of the record's line; hostile text is kept as data.
 */
import type { Issue } from '../../model/index.js';
import { inputError } from '../../model/index.js';
import { DEFAULT_NULLS, toCountry, toCurrency, toTransportMode, toUnit } from './code-tables.js';
import { FIELDS_BY_KIND } from './fields.js';
import type { FieldType, RecordKind } from './fields.js';
import { checkCompanyId } from './identifiers.js';
import type { CompanyIdKind } from './identifiers.js';
import type { FieldSpec, Mapping } from './mapping.js';
import { DEFAULT_NUMBER_FORMAT, dateParser, numberParser, percentParser } from './numbers-dates.js';
import type { NumberFormat } from './numbers-dates.js';
import type { RawRecord } from './source.js';

/** Longest value of any field; longer ones are refused (`too_long`). */
export const MAX_FIELD_LENGTH = 10_000;
/** Longest name (the model's limit for names). */
export const MAX_NAME_LENGTH = 384;

/** Header names and JSON keys compare case-insensitively, with `_`, `-` and runs of spaces alike. */
export function normaliseColumn(name: string): string {
  return name.normalize('NFKC').replace(/^\uFEFF/, '').toLowerCase().replace(/ё/g, 'е').replace(/[_\s.-]+/g, ' ').trim();
}

/** Spreadsheet formula triggers (OWASP CSV injection) and markup. */
const FORMULA = /^[=+\-@\t\r]/;
const MARKUP = /<\s*\/?\s*(script|iframe|img|svg|object|embed|style|a)\b|javascript:/i;

export type ReportIssue = (code: string, message: string, line: number) => void;

interface CompiledField {
  name: string;
  type: FieldType;
  /** Column indexes (CSV/TSV). */
  indexes: number[];
  /** Normalised column names, for JSON keys. */
  keys: string[];
  columns: string[];
  constant: string | undefined;
  fallback: string | undefined;
  split: string | undefined;
  values: Map<string, string> | undefined;
  parse: ((raw: string) => string | undefined) | undefined;
  /** A key seen in some JSON object (for the end-of-file missing-column report). */
  seen: boolean;
}

const DEFAULT_DATES = ['YYYY-MM-DD', 'DMY'];

function numberFormat(spec: { decimal?: string | string[] | undefined; thousands?: string | string[] | undefined } | undefined, base: NumberFormat): NumberFormat {
  if (!spec) return base;
  const decimal = spec.decimal === undefined ? base.decimal : [spec.decimal].flat();
  let thousands = spec.thousands === undefined ? base.thousands : [spec.thousands].flat().filter((t) => t !== '');
  if (spec.thousands === undefined && spec.decimal !== undefined) thousands = [' ', '\u00a0', '\u202f', "'", '.', ','].filter((t) => !decimal.includes(t));
  return { decimal, thousands };
}

const TYPE_LABEL: Partial<Record<FieldType, string>> = { date: 'date', number: 'number', integer: 'whole number', percent: 'percentage' };

/** The mapping compiled for one file. */
export class BoundMapping {
  readonly kind: RecordKind;
  private readonly fields = new Map<string, CompiledField>();
  private readonly nulls: Set<string>;
  private header: Map<string, number> | undefined;
  private width = 0;

  constructor(readonly mapping: Mapping, private readonly fileName: string) {
    this.kind = mapping.kind;
    this.nulls = new Set((mapping.nulls ?? DEFAULT_NULLS).map((n) => n.trim().toLowerCase()));
    const vocabulary = FIELDS_BY_KIND[mapping.kind];
    const baseNumbers = numberFormat(mapping.numbers, DEFAULT_NUMBER_FORMAT);
    const baseDates = mapping.dates === undefined ? DEFAULT_DATES : [mapping.dates].flat();
    for (const [name, spec] of Object.entries(mapping.fields)) {
      const type = vocabulary[name]!;
      const columns = spec.column === undefined ? [] : [spec.column].flat();
      this.fields.set(name, {
        name,
        type,
        indexes: [],
        keys: columns.map(normaliseColumn),
        columns,
        constant: spec.constant,
        fallback: spec.default,
        split: spec.split,
        values: spec.values ? new Map(Object.entries(spec.values).map(([k, v]) => [k.trim().toLowerCase(), v])) : undefined,
        parse: parserFor(type, spec, baseNumbers, baseDates),
        seen: false,
      });
    }
  }

  has(field: string): boolean {
    return this.fields.has(field);
  }

  /** Whether a field can have values in this file: a constant or default, a header column, or (JSON lines) a key. */
  bound(field: string): boolean {
    const f = this.fields.get(field);
    if (!f) return false;
    if (f.constant !== undefined || f.fallback !== undefined) return true;
    return this.header ? f.indexes.length > 0 : f.columns.length > 0;
  }

  /** Binds CSV/TSV header columns; returns the missing-column issues. Throws when a required field has no column. */
  bindHeader(header: readonly string[], line: number, required: ReadonlyArray<readonly string[]>): Issue[] {
    const index = new Map<string, number>();
    header.forEach((h, i) => {
      const key = normaliseColumn(h);
      if (key && !index.has(key)) index.set(key, i);
    });
    this.header = index;
    this.width = header.length;
    const issues: Issue[] = [];
    for (const f of this.fields.values()) {
      f.indexes = f.columns.map((c) => index.get(normaliseColumn(c))).filter((i): i is number => i !== undefined);
      if (f.columns.length && f.indexes.length === 0) issues.push(...this.missingColumn(f, line));
    }
    this.checkRequired(required, (f) => f.indexes.length > 0, line);
    return issues;
  }

  /** After the last JSON line: fields none of whose keys appeared in any object. */
  unseenJsonColumns(line: number): Issue[] {
    return [...this.fields.values()].filter((f) => f.columns.length && !f.seen).flatMap((f) => this.missingColumn(f, line));
  }

  private missingColumn(f: CompiledField, line: number): Issue[] {
    const spec = this.mapping.fields[f.name] as FieldSpec;
    if (spec.optional || this.mapping.missingColumns === 'ignore') return [];
    const message = f.columns.length === 1
      ? `the mapping's column ${JSON.stringify(f.columns[0])} for ${f.name} is not in the file`
      : `none of the mapping's columns for ${f.name} (${f.columns.map((c) => JSON.stringify(c)).join(', ')}) is in the file`;
    return [{ code: 'unknown_column', message, file: this.fileName, line }];
  }

  /**
   * Throws when none of the alternative sets of required fields can be filled: the file cannot
   * be used with this mapping.
   */
  private checkRequired(required: ReadonlyArray<readonly string[]>, present: (f: CompiledField) => boolean, line: number): void {
    if (required.length === 0) return;
    const filled = (name: string) => {
      const f = this.fields.get(name);
      return !!f && (present(f) || f.constant !== undefined || f.fallback !== undefined);
    };
    if (required.some((set) => set.every(filled))) return;
    const missing = required[0]!.filter((n) => !filled(n));
    const described = missing.map((n) => {
      const f = this.fields.get(n);
      return f && f.columns.length ? `${n} (columns ${f.columns.map((c) => JSON.stringify(c)).join(', ')})` : `${n} (not in the mapping)`;
    });
    throw inputError(`the file has no column for ${described.join(' or ')}: wrong mapping (${this.mapping.name ?? 'custom'})?`, { file: this.fileName, line }, 'mapping_columns');
  }

  /** Whether a CSV/TSV record has more fields than the header. */
  overWide(rec: RawRecord): number | undefined {
    return 'fields' in rec && this.header && rec.fields.length > this.width ? rec.fields.length : undefined;
  }

  get headerWidth(): number {
    return this.width;
  }

  /** The values of a record, read lazily field by field. */
  row(rec: RawRecord, report: ReportIssue): RowValues {
    return new RowValues(this, rec, report);
  }

  /** The first raw cell text of a field in a record, or undefined (the common case, without allocation). */
  firstValue(name: string, rec: RawRecord): string | undefined {
    const f = this.fields.get(name);
    if (!f) return undefined;
    if (f.constant !== undefined) return f.constant;
    if (f.split === undefined && 'fields' in rec) {
      const idx = f.indexes;
      for (let k = 0; k < idx.length; k++) {
        const v = this.clean(f, rec.fields[idx[k]!]);
        if (v !== undefined) return v;
      }
      return f.fallback;
    }
    return this.rawValues(name, rec)[0];
  }

  /** The raw cell texts of a field in a record (after nulls and value replacements). */
  rawValues(name: string, rec: RawRecord): string[] {
    const f = this.fields.get(name);
    if (!f) return [];
    if (f.constant !== undefined) return [f.constant];
    const out: string[] = [];
    if ('fields' in rec) {
      for (const i of f.indexes) {
        const v = this.clean(f, rec.fields[i]);
        if (v !== undefined) {
          out.push(v);
          break;
        }
      }
    } else if ('object' in rec) {
      const flat = this.flatten(rec);
      for (const key of f.keys) {
        if (!flat.has(key)) continue;
        f.seen = true;
        const found = flat.get(key);
        for (const item of Array.isArray(found) ? found : [found]) {
          const v = this.clean(f, jsonText(item));
          if (v !== undefined) out.push(v);
        }
        if (out.length) break;
      }
    }
    if (out.length === 0 && f.fallback !== undefined) out.push(f.fallback);
    if (!f.split) return out;
    return out.flatMap((v) => v.split(f.split!)).map((v) => this.clean(f, v)).filter((v): v is string => v !== undefined);
  }

  private flatRec: RawRecord | undefined;
  private flatMap = new Map<string, unknown>();

  /**
   * A JSON object's values by normalised key; nested objects give `parent child` keys, so that
   * `{"shipper": {"name": …}}` answers to the column `shipper name` (or `shipper.name`).
   */
  private flatten(rec: RawRecord & { object: Record<string, unknown> }): Map<string, unknown> {
    if (this.flatRec === rec) return this.flatMap;
    const map = new Map<string, unknown>();
    const walk = (obj: Record<string, unknown>, prefix: string, depth: number) => {
      for (const k in obj) {
        const v = obj[k];
        const key = prefix ? `${prefix} ${normalisedKey(k)}` : normalisedKey(k);
        if (v !== null && typeof v === 'object' && !Array.isArray(v) && depth < 4) walk(v as Record<string, unknown>, key, depth + 1);
        else if (!map.has(key)) map.set(key, v);
      }
    };
    walk(rec.object, '', 0);
    this.flatRec = rec;
    this.flatMap = map;
    return map;
  }

  private clean(f: CompiledField, raw: string | undefined): string | undefined {
    if (raw === undefined) return undefined;
    let v = raw;
    if (v.length === 0) return undefined;
    const c0 = v.charCodeAt(0);
    if (c0 <= 0x20 || v.charCodeAt(v.length - 1) <= 0x20) {
      v = v.trim();
      if (v.length === 0) return undefined;
    }
    if (v.length <= 20 && this.nulls.has(v.toLowerCase())) return undefined;
    if (f.values) v = f.values.get(v.toLowerCase()) ?? v;
    return v;
  }

  field(name: string): CompiledField | undefined {
    return this.fields.get(name);
  }
}

const keyCache = new Map<string, string>();

function normalisedKey(k: string): string {
  let n = keyCache.get(k);
  if (n === undefined) {
    n = normaliseColumn(k);
    if (keyCache.size > 10_000) keyCache.clear();
    keyCache.set(k, n);
  }
  return n;
}

function jsonText(v: unknown): string | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

function parserFor(type: FieldType, spec: FieldSpec, baseNumbers: NumberFormat, baseDates: readonly string[]): ((raw: string) => string | undefined) | undefined {
  switch (type) {
    case 'date':
      return dateParser(spec.dates === undefined ? baseDates : [spec.dates].flat());
    case 'number':
      return numberParser(numberFormat(spec.numbers, baseNumbers));
    case 'percent':
      return percentParser(numberParser(numberFormat(spec.numbers, baseNumbers)));
    case 'integer': {
      const parse = numberParser(numberFormat(spec.numbers, baseNumbers));
      return (raw) => {
        const v = parse(raw);
        return v !== undefined && /^-?\d+$/.test(v) ? v : undefined;
      };
    }
    default:
      return undefined;
  }
}

/** Identifier checks repeat for every row of a party: remembered, bounded. */
const idMemo = new Map<string, ReturnType<typeof checkCompanyId>>();

function checkedId(kind: CompanyIdKind | 'any', raw: string): ReturnType<typeof checkCompanyId> {
  const key = `${kind}\u001f${raw}`;
  let hit = idMemo.get(key);
  if (hit === undefined) {
    hit = checkCompanyId(kind, raw);
    if (idMemo.size >= 50_000) idMemo.clear();
    idMemo.set(key, hit);
  }
  return hit;
}

/** A company identifier read from a record: valid (compacted, with its kind) or invalid (as written). */
export type CheckedId = { valid: true; kind: CompanyIdKind; value: string } | { valid: false; value: string } | undefined;

/** One record's values, read, cleaned and checked field by field; problems go to `report`. */
export class RowValues {
  readonly line: number;

  constructor(private readonly bound: BoundMapping, private readonly rec: RawRecord, private readonly report: ReportIssue) {
    this.line = rec.line;
  }

  has(field: string): boolean {
    return this.bound.firstValue(field, this.rec) !== undefined;
  }

  /** The field's value, read by its type; undefined when empty or refused (with an issue). */
  get(field: string): string | undefined {
    const raw = this.bound.firstValue(field, this.rec);
    return raw === undefined ? undefined : this.convert(field, raw);
  }

  /** Every value of a split or multi-valued field. */
  all(field: string): string[] {
    const out: string[] = [];
    for (const raw of this.bound.rawValues(field, this.rec)) {
      const v = this.convert(field, raw);
      if (v !== undefined) out.push(v);
    }
    return out;
  }

  /** The text of a field as written (trimmed), without type checks. */
  raw(field: string): string | undefined {
    return this.bound.firstValue(field, this.rec);
  }

  /**
   * A company identifier field, checked by its check digits; one that fails every check is
   * `bad_identifier` unless the field is a generic id (`kind` 'any').
   */
  companyId(field: string, kind: CompanyIdKind | 'any'): CheckedId {
    const raw = this.raw(field);
    if (raw === undefined) return undefined;
    if (raw.length > 64) {
      this.report('too_long', `${field}: ${raw.length} characters (an identifier has at most 64)`, this.line);
      return undefined;
    }
    const checked = checkedId(kind, raw);
    if (checked.ok) return { valid: true, kind: checked.kind, value: checked.value };
    if (kind === 'any') return { valid: false, value: raw };
    this.report('bad_identifier', `${field}: ${checked.reason}; kept as written, not used as a key`, this.line);
    return { valid: false, value: raw };
  }

  private convert(field: string, raw: string): string | undefined {
    const f = this.bound.field(field)!;
    const limit = f.type === 'name' ? MAX_NAME_LENGTH : MAX_FIELD_LENGTH;
    if (raw.length > limit) {
      this.report('too_long', `${field}: ${raw.length.toLocaleString('en')} characters (at most ${limit.toLocaleString('en')}); not stored`, this.line);
      return undefined;
    }
    switch (f.type) {
      case 'name':
        if (FORMULA.test(raw)) this.report('formula_like', `${field}: ${JSON.stringify(raw.slice(0, 80))} starts like a spreadsheet formula; kept as data`, this.line);
        if (MARKUP.test(raw)) this.report('markup', `${field}: ${JSON.stringify(raw.slice(0, 80))} contains markup; kept as data`, this.line);
        return raw;
      case 'date':
      case 'number':
      case 'percent':
      case 'integer': {
        const v = f.parse!(raw);
        if (v === undefined) this.report(f.type === 'date' ? 'bad_date' : 'bad_number', `${field}: ${JSON.stringify(raw.slice(0, 80))} is not a ${TYPE_LABEL[f.type]}${this.formatHint(f)}`, this.line);
        return v;
      }
      case 'country': {
        const v = toCountry(raw);
        if (v === undefined) this.report('bad_country', `${field}: ${JSON.stringify(raw.slice(0, 80))} is not a country endtrace knows`, this.line);
        return v;
      }
      case 'currency':
        return toCurrency(raw);
      case 'transport':
        return toTransportMode(raw);
      case 'unit':
        return toUnit(raw);
      case 'partyType':
        return /^(person|individual|natural|human|физ|ип|индивидуальный)/i.test(raw) ? 'person'
          : /^(company|organi[sz]ation|legal|entity|corporate|юр|организация|компания)/i.test(raw) ? 'company' : undefined;
      case 'recordKind':
        return /direct|officer|board|manag|role|директор|руковод|правлен|совет/i.test(raw) ? 'directorship' : 'ownership';
      default:
        return raw;
    }
  }

  private formatHint(f: CompiledField): string {
    const spec = this.bound.mapping.fields[f.name] as FieldSpec;
    if (f.type === 'date') return ` (formats: ${[spec.dates ?? this.bound.mapping.dates ?? DEFAULT_DATES].flat().join(', ')})`;
    return '';
  }
}

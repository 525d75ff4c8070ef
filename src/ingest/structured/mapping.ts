/**
 * Column mappings: a YAML file that says which input columns (CSV/TSV header names, or JSON
 * keys, dotted for nested objects) fill which fields, with date and number formats, default
 * and constant values. Validated with zod at the boundary; a bad mapping is one `input` error
 * naming the mapping file and the field.
 *
 *   kind: trade                    # trade | ownership | directorship | travel
 *   extends: trade-default         # optional: start from a built-in mapping
 *   format: auto                   # auto | csv | tsv | jsonl
 *   encoding: auto                 # auto | utf-8 | windows-1251
 *   dates: [DD.MM.YYYY, YYYY-MM-DD]
 *   numbers: { decimal: ',', thousands: [' '] }
 *   groupBy: declarationNumber     # consecutive rows of one declaration = one shipment
 *   fields:
 *     shipper.name: [Отправитель, Exporter]      # the first of these columns with a value
 *     consignee.inn: ИНН получателя
 *     item.value: { column: Стоимость, numbers: { decimal: '.' } }
 *     transportMode: { constant: air }
 *     item.currency: { column: Валюта, default: USD }
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { z } from 'zod';
import { inputError, usageError } from '../../model/index.js';
import { BUILTIN_MAPPINGS } from './builtin-mappings.js';
import { FIELDS_BY_KIND } from './fields.js';
import type { RecordKind } from './fields.js';
import { isDateFormat } from './numbers-dates.js';

const NumberFormatSchema = z.strictObject({
  decimal: z.union([z.string().length(1), z.array(z.string().length(1)).min(1)]).optional(),
  thousands: z.union([z.string().max(1), z.array(z.string().length(1))]).optional(),
});

const DateFormats = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);

const Columns = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);

const Scalar = z.union([z.string(), z.number()]).transform(String);

const FieldObject = z
  .strictObject({
    column: Columns.optional(),
    constant: Scalar.optional(),
    default: Scalar.optional(),
    dates: DateFormats.optional(),
    numbers: NumberFormatSchema.optional(),
    /** Splits a cell into several values (e.g. companions `A; B`). */
    split: z.string().min(1).optional(),
    /** Replacements applied to the cell before it is read (matched case-insensitively). */
    values: z.record(z.string(), Scalar).optional(),
    /** No `unknown_column` issue when none of the columns is in the file. */
    optional: z.boolean().optional(),
  })
  .refine((f) => f.column !== undefined || f.constant !== undefined || f.default !== undefined, {
    message: 'needs a column, a constant or a default',
  });

/** A field is a column name, a list of alternative columns, or an object. */
const FieldSpecSchema = z.preprocess((v) => (typeof v === 'string' || Array.isArray(v) ? { column: v } : v), FieldObject);

export const MappingSchema = z
  .strictObject({
    name: z.string().optional(),
    description: z.string().optional(),
    kind: z.enum(['trade', 'ownership', 'directorship', 'travel']),
    format: z.enum(['auto', 'csv', 'tsv', 'jsonl']).default('auto'),
    delimiter: z.string().length(1).optional(),
    encoding: z.enum(['auto', 'utf-8', 'windows-1251']).default('auto'),
    dates: DateFormats.optional(),
    numbers: NumberFormatSchema.optional(),
    /** Cell values read as empty; replaces the default list. */
    nulls: z.array(z.string()).optional(),
    groupBy: z.literal('declarationNumber').optional(),
    /** `issue` (default): a mapped column missing from the file is reported; `ignore`: it is not (for alias-rich mappings). */
    missingColumns: z.enum(['issue', 'ignore']).default('issue'),
    fields: z.record(z.string(), FieldSpecSchema),
  })
  .superRefine((m, ctx) => {
    const known = FIELDS_BY_KIND[m.kind];
    for (const [field, spec] of Object.entries(m.fields)) {
      if (!(field in known)) {
        const near = closest(field, Object.keys(known));
        ctx.addIssue({ code: 'custom', path: ['fields', field], message: `is not a ${m.kind} field${near ? ` (did you mean ${near}?)` : ''}; ${m.kind} fields: ${describeFields(Object.keys(known))}` });
        continue;
      }
      for (const f of [spec.dates ?? []].flat()) {
        if (!isDateFormat(f)) ctx.addIssue({ code: 'custom', path: ['fields', field, 'dates'], message: `${JSON.stringify(f)} is not a date format (use e.g. DD.MM.YYYY, YYYY-MM-DD, MM/DD/YYYY, DMY, MDY)` });
      }
    }
    for (const f of [m.dates ?? []].flat()) {
      if (!isDateFormat(f)) ctx.addIssue({ code: 'custom', path: ['dates'], message: `${JSON.stringify(f)} is not a date format (use e.g. DD.MM.YYYY, YYYY-MM-DD, MM/DD/YYYY, DMY, MDY)` });
    }
    if (m.groupBy && m.kind !== 'trade') ctx.addIssue({ code: 'custom', path: ['groupBy'], message: 'groups only trade records' });
    if (m.groupBy && !m.fields.declarationNumber) ctx.addIssue({ code: 'custom', path: ['groupBy'], message: 'needs a declarationNumber field' });
    if (m.delimiter !== undefined && m.format === 'jsonl') ctx.addIssue({ code: 'custom', path: ['delimiter'], message: 'is for CSV files' });
  });

/** `shipper|consignee.{name,country}; date; item.{hsCode,value}`: a field list, short. */
function describeFields(fields: readonly string[]): string {
  const groups = new Map<string, string[]>();
  const plain: string[] = [];
  for (const f of fields) {
    const dot = f.indexOf('.');
    if (dot < 0) plain.push(f);
    else {
      const list = groups.get(f.slice(0, dot)) ?? [];
      list.push(f.slice(dot + 1));
      groups.set(f.slice(0, dot), list);
    }
  }
  const byParts = new Map<string, string[]>();
  for (const [prefix, parts] of groups) {
    const key = parts.join(',');
    byParts.set(key, [...(byParts.get(key) ?? []), prefix]);
  }
  return [...plain, ...[...byParts].map(([parts, prefixes]) => `${prefixes.join('|')}.{${parts}}`)].join(', ');
}

/** The known name nearest to a misspelt one (at most 2 edits), if any. */
function closest(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const k of known) {
    const d = editDistance(name.toLowerCase(), k.toLowerCase());
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

export type Mapping = z.output<typeof MappingSchema>;
export type MappingInput = z.input<typeof MappingSchema>;
export type FieldSpec = Mapping['fields'][string];

export interface LoadedMapping {
  mapping: Mapping;
  /** The built-in name or the file's base name, for messages. */
  name: string;
}

/** `fields.shipper.name: needs a column…; kind: …` — every problem, each with its path. */
function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((i) => {
      const path = i.path.map(String).join('.');
      return path ? `${path}: ${i.message}` : i.message;
    })
    .join('; ');
}

/**
 * `extends: <built-in name>` starts from that mapping: the file's settings replace the
 * built-in's, its fields are added to (or replace) the built-in's fields.
 */
function resolveExtends(value: unknown, source: string): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || !('extends' in value)) return value;
  const { extends: base, ...own } = value as Record<string, unknown>;
  const builtin = typeof base === 'string' ? BUILTIN_MAPPINGS[base] : undefined;
  if (!builtin) throw inputError(`invalid mapping: extends: ${JSON.stringify(base)} is not a built-in mapping (${builtinMappingNames().join(', ')})`, { file: source }, 'mapping');
  const fields = { ...builtin.fields, ...((own.fields as Record<string, unknown> | undefined) ?? {}) };
  return { ...builtin, name: undefined, description: undefined, ...own, fields };
}

/** Validates a parsed mapping; `source` names it in errors (a file or a built-in name). */
export function parseMapping(value: unknown, source: string): Mapping {
  const result = MappingSchema.safeParse(resolveExtends(value, source));
  if (!result.success) throw inputError(`invalid mapping: ${describeIssues(result.error)}`, { file: source }, 'mapping');
  return result.data;
}

export function builtinMappingNames(): string[] {
  return Object.keys(BUILTIN_MAPPINGS);
}

/** A built-in mapping by name, or a YAML mapping file by path. */
export async function loadMapping(nameOrPath: string): Promise<LoadedMapping> {
  const builtin = BUILTIN_MAPPINGS[nameOrPath];
  if (builtin) return { mapping: parseMapping(builtin, `mapping ${nameOrPath}`), name: nameOrPath };
  if (!/[\\/.]/.test(nameOrPath)) {
    throw usageError(`unknown mapping ${JSON.stringify(nameOrPath)}: use one of ${builtinMappingNames().join(', ')}, or the path of a YAML file`);
  }
  let text: string;
  try {
    text = await readFile(nameOrPath, 'utf8');
  } catch (err) {
    throw inputError(`cannot read the mapping file: ${(err as Error).message}`, { file: nameOrPath }, 'mapping', err);
  }
  let value: unknown;
  try {
    value = parseYaml(text.replace(/^\uFEFF/, ''), { uniqueKeys: true });
  } catch (err) {
    const line = err instanceof YAMLParseError ? err.linePos?.[0]?.line : undefined;
    throw inputError(`the mapping is not valid YAML: ${(err as Error).message.split('\n')[0]}`, { file: nameOrPath, line }, 'mapping', err);
  }
  return { mapping: parseMapping(value, nameOrPath), name: basename(nameOrPath) };
}

/** Whether a mapping of `mappingKind` can be used by `ingest <commandKind>`. */
export function mappingFits(commandKind: 'trade' | 'ownership' | 'travel', mappingKind: RecordKind): boolean {
  return commandKind === 'ownership' ? mappingKind === 'ownership' || mappingKind === 'directorship' : mappingKind === commandKind;
}

/**
 * The `data` column of an entity row: every value of one occurrence of an entity in a version,
 * with its lang and origin, as compact JSON — the statements of that occurrence, in order.
 *
 *   [origins, [prop, value, value, …], [prop, …], …]
 *
 * `origins` lists the distinct origins of the values (first use first). A value is a plain
 * string when its origin is origins[0] and it has no lang; otherwise `[value, originIndex]` or
 * `[value, originIndex, lang]`, the index null for a value without origin. A property may
 * have several groups (statements of one property need not be adjacent). Most entities have
 * one origin (their record), written once instead of once per value. The stores also read
 * this form in SQL (countStatements), which must change with it.
 */
import type { Statement } from '../model/index.js';

export type DataValue = string | [string, number | null] | [string, number | null, string];
export type DataGroup = [string, ...DataValue[]];
export type EntityData = [string[], ...DataGroup[]];

/** Appends a value to `group`, adding its origin to `origins` when new. */
export function pushValue(origins: string[], group: unknown[], value: string, lang: string | null | undefined, origin: string | null | undefined): void {
  let oi: number | null = null;
  if (origin !== undefined && origin !== null) {
    oi = origins.indexOf(origin);
    if (oi < 0) oi = origins.push(origin) - 1;
  }
  if (lang !== undefined && lang !== null) group.push([value, oi, lang]);
  else if (oi === 0) group.push(value);
  else group.push([value, oi]);
}

/** The data of statements in order (one entity's, any number of properties). */
export function encodeStatements(statements: ReadonlyArray<Pick<Statement, 'prop' | 'value' | 'lang' | 'origin'>>): string {
  const origins: string[] = [];
  const data: unknown[] = [origins];
  let group: unknown[] | undefined;
  for (const s of statements) {
    if (!group || group[0] !== s.prop) {
      group = [s.prop];
      data.push(group);
    }
    pushValue(origins, group, s.value, s.lang, s.origin);
  }
  return JSON.stringify(data);
}

export type ValueVisitor = (prop: string, value: string, lang: string | null, origin: string | null) => void;

/** Calls `visit` for each value of an entity row's data, in order; returns their number. */
export function forEachValue(data: string, visit: ValueVisitor): number {
  const parsed = JSON.parse(data) as EntityData;
  const origins = parsed[0];
  const first = origins.length ? origins[0]! : null;
  let n = 0;
  for (let g = 1; g < parsed.length; g++) {
    const group = parsed[g]!;
    const prop = group[0];
    for (let i = 1; i < group.length; i++) {
      const v = group[i]!;
      if (typeof v === 'string') visit(prop, v, null, first);
      else visit(prop, v[0], v.length > 2 ? (v[2] as string) : null, v[1] === null ? null : (origins[v[1]] ?? null));
      n++;
    }
  }
  return n;
}

/** The statements of an entity row. */
export function decodeStatements(entityId: string, schema: string, data: string): Statement[] {
  const out: Statement[] = [];
  forEachValue(data, (prop, value, lang, origin) => out.push({ entityId, schema, prop, value, lang, origin }));
  return out;
}

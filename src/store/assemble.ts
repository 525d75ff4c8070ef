/**
 * Entities and statements out of entity rows, the same for every store. An id may have several
 * rows in one version (written twice); the first of them (in write order, `seq`) is the head
 * of the version: its schema, root and target stand for all of them, as the first write of
 * an entity did when statements were rows of their own.
 */
import { Entity } from '../model/index.js';
import type { Statement } from '../model/index.js';
import { forEachValue } from './entity-data.js';
import type { BundleStatement } from './types.js';

/** An entity row as read back: `seq` orders the rows of a version (rowid, or PostgreSQL's seq). */
export interface Fragment {
  id: string;
  version_id: number;
  seq: number;
  schema: string;
  /** 0/1 (SQLite) or a boolean (PostgreSQL). */
  target: number | boolean;
  data: string;
}

/** The first row of each version, in the order given. */
export function headsByVersion<T extends { version_id: number }>(rows: readonly T[]): Map<number, T> {
  const heads = new Map<number, T>();
  for (const r of rows) if (!heads.has(r.version_id)) heads.set(r.version_id, r);
  return heads;
}

export interface AssembleFilter {
  /** Versions whose head must match (the sources asked for). */
  chosen: ReadonlySet<number>;
  targetOnly: boolean;
  schemata: ReadonlySet<string> | null;
}

const isTrue = (t: number | boolean) => t === true || t === 1;

/**
 * The entities of `ids` (in that order) from their rows in the active versions: each one
 * whose head in a chosen version matches the filter, merged across versions (ordered by
 * version, then write order); an entity without values is left out.
 */
export function assembleEntities(ids: readonly string[], rows: readonly Fragment[], filter: AssembleFilter): Entity[] {
  const byId = new Map<string, Fragment[]>();
  for (const r of rows) {
    const list = byId.get(r.id);
    if (list) list.push(r);
    else byId.set(r.id, [r]);
  }
  const out: Entity[] = [];
  for (const id of ids) {
    const list = byId.get(id);
    if (!list) continue;
    if (list.length > 1) list.sort((a, b) => a.version_id - b.version_id || a.seq - b.seq);
    const heads = headsByVersion(list);
    let match = false;
    for (const h of heads.values()) {
      if (filter.chosen.has(h.version_id) && (!filter.targetOnly || isTrue(h.target)) && (!filter.schemata || filter.schemata.has(h.schema))) match = true;
    }
    if (!match) continue;
    const statements: Statement[] = [];
    let target = false;
    for (const r of list) {
      const head = heads.get(r.version_id)!;
      const schema = head.schema;
      const n = forEachValue(r.data, (prop, value, lang, origin) => statements.push({ entityId: id, schema, prop, value, lang, origin }));
      if (n > 0 && isTrue(head.target)) target = true;
    }
    if (statements.length) out.push(Entity.fromStatements(id, statements, { target }));
  }
  return out;
}

/**
 * bundleStatements out of the rows of the asked roots' entities in one version: per entity,
 * its rows in write order; the first names its root (kept only when asked for) and the
 * schema of all.
 */
export function rootStatements(rows: ReadonlyArray<{ seq: number; id: string; root_id: string; schema: string; data: string }>, roots: ReadonlySet<string>): BundleStatement[] {
  const byId = new Map<string, Array<(typeof rows)[number]>>();
  for (const r of rows) {
    const list = byId.get(r.id);
    if (list) list.push(r);
    else byId.set(r.id, [r]);
  }
  const out: BundleStatement[] = [];
  for (const [entityId, list] of byId) {
    list.sort((a, b) => a.seq - b.seq);
    const { root_id: rootId, schema } = list[0]!;
    if (!roots.has(rootId)) continue;
    for (const r of list) forEachValue(r.data, (prop, value, lang, origin) => out.push({ rootId, entityId, schema, prop, value, lang, origin }));
  }
  return out;
}

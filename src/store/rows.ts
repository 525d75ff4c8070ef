/**
 * Bundles flattened to the rows a store writes for them — one per bundle (with its digest),
 * one per entity (all its values, with lang and origin, in its `data`: entity-data.ts), and
 * one per edge (a value of an entity-typed property) — in flat arrays, so that they can be
 * built away from the store (in a parser worker) and cross a thread cheaply. Shared by every
 * store, so that what is written and the digests are the same everywhere.
 */
import { model } from '../model/index.js';
import type { Entity, EntityBundle } from '../model/index.js';
import { digestGroups } from './bundle-hash.js';
import type { DigestGroup } from './bundle-hash.js';
import { pushValue } from './entity-data.js';

/** Fields per row in each flat array of VersionRows. */
export const ROW_WIDTH = { bundle: 5, entity: 6, edge: 4 } as const;

export interface VersionRows {
  /** rootId, schema, caption, target (0/1), digest: one row per bundle, in bundle order. */
  bundles: Array<string | number>;
  /**
   * id, rootId, schema, caption, target (0/1), data: root then related entities, per bundle.
   * An id seen twice in a version is stored twice; readers merge the two, the first one's
   * schema, caption, root and target standing for both.
   */
  entities: Array<string | number>;
  /** sourceId, schema, prop, targetId: the values of entity-typed properties. */
  edges: string[];
  /** Number of statements (values) in the entities' data. */
  statements: number;
}

export function emptyRows(): VersionRows {
  return { bundles: [], entities: [], edges: [], statements: 0 };
}

/** Per schema, the entity-typed properties (looked up once per schema, not per value). */
const entityProps = new Map<string, ReadonlySet<string>>();

function entityPropsOf(schema: string): ReadonlySet<string> {
  let props = entityProps.get(schema);
  if (!props) {
    const s = model.get(schema);
    props = new Set(s ? [...s.properties.values()].filter((p) => p.type === 'entity').map((p) => p.name) : []);
    entityProps.set(schema, props);
  }
  return props;
}

/** Appends one entity's row (and edges) to `rows`, and its digest group to `groups`. */
function addEntity(rows: VersionRows, groups: DigestGroup[], e: Entity, rootId: string): void {
  const schema = e.schema.name;
  const edgeProps = entityPropsOf(schema);
  const id = e.id;
  const origins: string[] = [];
  const data: unknown[] = [origins];
  const tails: string[] = [];
  for (const prop of e.props()) {
    const values = e.values(prop);
    if (values.length === 0) continue;
    const group: unknown[] = [prop];
    const isEdge = edgeProps.has(prop);
    for (const v of values) {
      pushValue(origins, group, v.value, v.lang, v.origin);
      tails.push(`${prop}\u001f${v.value}\u001f${v.lang ?? ''}`);
      if (isEdge) rows.edges.push(id, schema, prop, v.value);
    }
    data.push(group);
  }
  rows.entities.push(id, rootId, schema, e.caption, e.target ? 1 : 0, JSON.stringify(data));
  rows.statements += tails.length;
  groups.push({ entityId: id, schema, tails });
}

/** Flattens bundles into rows, appending to `into` when given. */
export function flattenBundles(bundles: readonly EntityBundle[], into: VersionRows = emptyRows()): VersionRows {
  for (const bundle of bundles) {
    const root = bundle.root;
    const groups: DigestGroup[] = [];
    addEntity(into, groups, root, root.id);
    for (const e of bundle.related) addEntity(into, groups, e, root.id);
    into.bundles.push(root.id, root.schema.name, root.caption, root.target ? 1 : 0, digestGroups(groups));
  }
  return into;
}

/** Number of rows of each kind, and of statements. */
export function rowCounts(rows: VersionRows): { bundles: number; entities: number; statements: number; edges: number } {
  return {
    bundles: rows.bundles.length / ROW_WIDTH.bundle,
    entities: rows.entities.length / ROW_WIDTH.entity,
    statements: rows.statements,
    edges: rows.edges.length / ROW_WIDTH.edge,
  };
}

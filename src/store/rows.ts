/**
 * Bundles flattened to the rows a store writes for them — one per bundle (with its digest),
 * entity, statement, and edge (an entity-typed statement) — in flat arrays, so that they can
 * be built away from the store (in a parser worker) and cross a thread cheaply. Shared by every
 * store, so that what is written and the digests are the same everywhere.
 */
import { model } from '../model/index.js';
import type { Entity, EntityBundle } from '../model/index.js';
import { digestGroups } from './bundle-hash.js';
import type { DigestGroup } from './bundle-hash.js';

/** Fields per row in each flat array of VersionRows. */
export const ROW_WIDTH = { bundle: 5, entity: 5, statement: 5, edge: 4 } as const;

export interface VersionRows {
  /** rootId, schema, caption, target (0/1), digest: one row per bundle, in bundle order. */
  bundles: Array<string | number>;
  /** id, rootId, schema, caption, target (0/1): root then related entities, per bundle. */
  entities: Array<string | number>;
  /** entityId, prop, value, lang, origin: per entity, per property, in insertion order. */
  statements: Array<string | null>;
  /** sourceId, schema, prop, targetId: the statements whose property is entity-typed. */
  edges: string[];
}

export function emptyRows(): VersionRows {
  return { bundles: [], entities: [], statements: [], edges: [] };
}

/** Per schema, the entity-typed properties (looked up once per schema, not per statement). */
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

/** Appends one entity's statements (and edges) to `rows`, and its digest group to `groups`. */
function addEntity(rows: VersionRows, groups: DigestGroup[], e: Entity): void {
  const schema = e.schema.name;
  const edgeProps = entityPropsOf(schema);
  const id = e.id;
  const statements = rows.statements;
  const tails: string[] = [];
  for (const prop of e.props()) {
    const isEdge = edgeProps.has(prop);
    for (const v of e.values(prop)) {
      const lang = v.lang ?? null;
      statements.push(id, prop, v.value, lang, v.origin ?? null);
      tails.push(`${prop}\u001f${v.value}\u001f${lang ?? ''}`);
      if (isEdge) rows.edges.push(id, schema, prop, v.value);
    }
  }
  groups.push({ entityId: id, schema, tails });
}

/** Flattens bundles into rows, appending to `into` when given. */
export function flattenBundles(bundles: readonly EntityBundle[], into: VersionRows = emptyRows()): VersionRows {
  for (const bundle of bundles) {
    const root = bundle.root;
    const groups: DigestGroup[] = [];
    into.entities.push(root.id, root.id, root.schema.name, root.caption, root.target ? 1 : 0);
    addEntity(into, groups, root);
    for (const e of bundle.related) {
      into.entities.push(e.id, root.id, e.schema.name, e.caption, e.target ? 1 : 0);
      addEntity(into, groups, e);
    }
    into.bundles.push(root.id, root.schema.name, root.caption, root.target ? 1 : 0, digestGroups(groups));
  }
  return into;
}

/** Number of rows of each kind. */
export function rowCounts(rows: VersionRows): { bundles: number; entities: number; statements: number; edges: number } {
  return {
    bundles: rows.bundles.length / ROW_WIDTH.bundle,
    entities: rows.entities.length / ROW_WIDTH.entity,
    statements: rows.statements.length / ROW_WIDTH.statement,
    edges: rows.edges.length / ROW_WIDTH.edge,
  };
}

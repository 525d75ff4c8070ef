/**
 * An entity's profile: the entity in FtM form with its provenance, plus what hangs off it —
 * sanctions, addresses, identifications — and its relations to other entities (links,
 * ownership, directorship) with the other end named.
 */
import { notFound } from '../model/index.js';
import type { Entity, FtMEntity } from '../model/index.js';
import type { EntityRecord, Store, StoredStatement } from '../store/index.js';

export interface RelationView {
  id: string;
  schema: string;
  /** The property of the relation that points at this entity (subject, object, owner, asset…). */
  role: string;
  direction: 'outgoing' | 'incoming' | 'undirected';
  other: { id: string; caption: string; schema: string } | null;
  properties: Record<string, string[]>;
}

export interface EntityProfile extends FtMEntity {
  datasets: string[];
  first_seen: string | null;
  last_seen: string | null;
  last_change: string | null;
  sanctions: FtMEntity[];
  addresses: FtMEntity[];
  identifications: FtMEntity[];
  relations: RelationView[];
  provenance: Array<{ prop: string; value: string; source: string; version: string; origin: string | null }>;
}

const IDENTIFICATION_SCHEMATA = new Set(['Identification', 'Passport']);

export async function describeEntity(store: Store, id: string): Promise<EntityProfile> {
  const record = await store.getEntity(id);
  if (!record) throw notFound(`no entity with id ${id}`);
  const entity = record.entity;
  const sanctions: FtMEntity[] = [];
  const identifications: FtMEntity[] = [];
  const addresses: FtMEntity[] = [];
  const relations: RelationView[] = [];
  const cache = new Map<string, EntityRecord | null>();
  const load = async (eid: string) => {
    if (!cache.has(eid)) cache.set(eid, await store.getEntity(eid));
    return cache.get(eid) ?? null;
  };

  for (const ref of await store.references(id)) {
    const rec = await load(ref.entityId);
    if (!rec) continue;
    const e = rec.entity;
    if (e.schema.name === 'Sanction') sanctions.push(e.toFtM());
    else if (IDENTIFICATION_SCHEMATA.has(e.schema.name)) identifications.push(e.toFtM());
    else if (e.schema.name === 'Address') addresses.push(e.toFtM());
    else relations.push(await relationView(e, ref.prop, id, load));
  }
  for (const prop of entity.props()) {
    const p = entity.schema.getProperty(prop);
    if (p?.type !== 'entity') continue;
    for (const target of entity.get(prop)) {
      const rec = await load(target);
      if (!rec) continue;
      if (rec.entity.schema.name === 'Address') addresses.push(rec.entity.toFtM());
      else
        relations.push({
          id: target,
          schema: rec.entity.schema.name,
          role: prop,
          direction: 'outgoing',
          other: { id: target, caption: rec.entity.caption, schema: rec.entity.schema.name },
          properties: {},
        });
    }
  }
  return {
    ...entity.toFtM(),
    datasets: record.datasets,
    first_seen: record.firstSeen,
    last_seen: record.lastSeen,
    last_change: record.lastChange,
    sanctions,
    addresses,
    identifications,
    relations,
    provenance: record.statements.map((s: StoredStatement) => ({ prop: s.prop, value: s.value, source: s.source, version: s.version, origin: s.origin })),
  };
}

async function relationView(rel: Entity, prop: string, selfId: string, load: (id: string) => Promise<EntityRecord | null>): Promise<RelationView> {
  const edge = rel.schema.edge;
  let otherId: string | undefined;
  let direction: RelationView['direction'] = 'undirected';
  if (edge) {
    const src = rel.get(edge.source);
    const tgt = rel.get(edge.target);
    if (src.includes(selfId)) {
      otherId = tgt.find((x) => x !== selfId);
      direction = edge.directed === false ? 'undirected' : 'outgoing';
    } else {
      otherId = src.find((x) => x !== selfId);
      direction = edge.directed === false ? 'undirected' : 'incoming';
    }
  } else {
    for (const p of rel.props()) {
      if (rel.schema.getProperty(p)?.type !== 'entity' || p === prop) continue;
      otherId = rel.get(p).find((x) => x !== selfId);
      if (otherId) break;
    }
  }
  const other = otherId ? await load(otherId) : null;
  const properties = rel.toFtM().properties;
  return {
    id: rel.id,
    schema: rel.schema.name,
    role: prop,
    direction,
    other: otherId ? { id: otherId, caption: other?.entity.caption ?? otherId, schema: other?.entity.schema.name ?? 'Thing' } : null,
    properties,
  };
}

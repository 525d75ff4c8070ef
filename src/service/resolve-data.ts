/**
 * What entity resolution reads from the store: the entities that take part — list entries
 * (the targets of the official-list and FtM sources), parties of ingested records (trade,
 * ownership, travel), and names and identifiers mentioned in documents — each with its
 * strong keys and its matcher view, and, for candidates, the context around them (addresses,
 * directors and owners, trading partners). A source is a list when its active version was
 * loaded by a list parser, a document set when its format is `documents`, else ingested records.
 */
import { PARSERS } from '../lists/index.js';
import { entityInput, prepareEntity } from '../matching/index.js';
import type { Entity } from '../model/index.js';
import { STRONG_KINDS, strongKey, strongKeys } from '../resolve/index.js';
import type { KeyedEntity, PartyContext, RecordRole, ResolveRecord, StrongKey, StrongKind } from '../resolve/index.js';
import type { EntityRecord, Store } from '../store/index.js';

export type SourceRole = 'list' | 'records' | 'documents';

/** Schemata of the parties named in ingested records. */
export const PARTY_SCHEMATA = ['LegalEntity', 'Company', 'Organization', 'PublicBody', 'Person'] as const;

const LIST_FORMATS = new Set<string>(Object.keys(PARSERS));

/** Ranks that pick a cluster's canonical id (see resolve/resolver-graph.ts). */
export const ROLE_RANK: Record<RecordRole | 'missing', number> = { list: 0, record: 1, mention: 2, missing: 3 };

export async function sourceRoles(store: Store): Promise<Map<string, SourceRole>> {
  const roles = new Map<string, SourceRole>();
  for (const v of await store.activeVersions()) roles.set(v.source, LIST_FORMATS.has(v.format) ? 'list' : v.format === 'documents' ? 'documents' : 'records');
  return roles;
}

/** The role of a stored entity by the sources that hold it (list first), or 'missing'. */
export function roleOf(record: EntityRecord | null, roles: ReadonlyMap<string, SourceRole>): RecordRole | 'missing' {
  if (!record) return 'missing';
  const r = new Set(record.datasets.map((d) => roles.get(d)));
  if (r.has('list')) return 'list';
  if (r.has('records')) return 'record';
  if (r.has('documents')) return 'mention';
  return 'missing';
}

export interface ResolveEntity extends ResolveRecord {
  keys: StrongKey[];
  /** Addresses, for context. */
  addresses: string[];
}

export interface ResolveData {
  roles: Map<string, SourceRole>;
  entities: Map<string, ResolveEntity>;
  /** Context of entities, by id (only when loaded with `context`). */
  context: Map<string, Partial<PartyContext>>;
}

export interface LoadOptions {
  /** Also read addresses, directorships, ownerships and shipments around the entities. */
  context?: boolean;
  /** Also prepare every entity for the matcher (candidates need it; those with strong keys always are). */
  prepare?: boolean;
  progress?: ((message: string) => void) | undefined;
}

const BATCH = 2000;

/** A mention's identifier value (`inn:1831083343`) as a strong key, if it is one. */
function mentionKey(value: string | undefined): StrongKey | undefined {
  if (!value) return undefined;
  const i = value.indexOf(':');
  if (i < 0) return undefined;
  const kind = value.slice(0, i) as StrongKind;
  if (!STRONG_KINDS.includes(kind)) return undefined;
  const key = strongKey(kind, value.slice(i + 1));
  return key === undefined ? undefined : { key, kind, value: key.slice(kind.length + 1), prop: 'value' };
}

/** The strong keys of a stored entity: a document's identifier mention by its value, others by their properties. */
export function keysOfEntity(e: Entity): StrongKey[] {
  if (e.schema.name === 'DocumentMention') {
    const key = e.first('mentionKind') === 'identifier' ? mentionKey(e.first('value')) : undefined;
    return key ? [key] : [];
  }
  return strongKeys(entityInput(e));
}

const EMPTY_PREPARED = prepareEntity({ schema: 'LegalEntity', properties: {} });

export async function loadResolveData(store: Store, opts: LoadOptions = {}): Promise<ResolveData> {
  const roles = await sourceRoles(store);
  const entities = new Map<string, ResolveEntity>();
  const context = new Map<string, Partial<PartyContext>>();
  const add = (entity: Entity, source: string, role: RecordRole, schema: string, prepared: () => ResolveRecord['prepared'], keys: () => StrongKey[]) => {
    const seen = entities.get(entity.id);
    if (seen) {
      if (!seen.datasets.includes(source)) seen.datasets.push(source);
      return;
    }
    const own = keys();
    entities.set(entity.id, {
      id: entity.id,
      schema,
      caption: entity.caption,
      datasets: [source],
      role,
      // Keyed entities are always prepared: an automatic link checks their names.
      prepared: opts.prepare || own.length ? prepared() : EMPTY_PREPARED,
      keys: own,
      addresses: opts.context ? entity.get('address') : [],
    });
  };
  // Lists first, so that an id held by a list and by records counts as a list entity.
  const order: SourceRole[] = ['list', 'records', 'documents'];
  const sources = [...roles.entries()].sort((a, b) => order.indexOf(a[1]) - order.indexOf(b[1]) || a[0].localeCompare(b[0]));
  for (const [source, role] of sources) {
    opts.progress?.(`reading ${source}`);
    if (role === 'list' || role === 'records') {
      const filter = role === 'list' ? { targetOnly: true } : { schemata: PARTY_SCHEMATA };
      for await (const batch of store.iterateEntities({ ...filter, sources: [source], batchSize: BATCH })) {
        for (const e of batch) {
          const input = entityInput(e);
          add(e, source, role === 'list' ? 'list' : 'record', e.schema.name, () => prepareEntity(input), () => strongKeys(input));
        }
      }
    } else {
      for await (const batch of store.iterateEntities({ schemata: ['DocumentMention'], sources: [source], batchSize: BATCH })) {
        for (const e of batch) {
          const kind = e.first('mentionKind');
          if (kind === 'identifier') {
            const keys = keysOfEntity(e);
            if (keys.length) add(e, source, 'mention', 'LegalEntity', () => EMPTY_PREPARED, () => keys);
          } else if (kind === 'organization' || kind === 'person') {
            const schema = e.first('detectedSchema') ?? (kind === 'person' ? 'Person' : 'Company');
            add(e, source, 'mention', schema, () => prepareEntity({ id: e.id, schema, properties: { name: e.get('name') } }), () => []);
          }
        }
      }
    }
  }
  if (opts.context) await loadContext(store, entities, context, opts.progress);
  return { roles, entities, context };
}

async function loadContext(store: Store, entities: Map<string, ResolveEntity>, context: Map<string, Partial<PartyContext>>, progress: LoadOptions['progress']): Promise<void> {
  const push = (id: string, kind: 'associates' | 'counterparties', value: string) => {
    if (!entities.has(id)) return;
    let c = context.get(id);
    if (!c) context.set(id, (c = {}));
    (c[kind] ??= []).push(value);
  };
  for (const e of entities.values()) if (e.addresses.length) context.set(e.id, { addresses: [...e.addresses] });
  progress?.('reading directorships, ownerships and shipments');
  for await (const batch of store.iterateEntities({ schemata: ['Directorship', 'Ownership', 'Shipment'], batchSize: BATCH })) {
    for (const rel of batch) {
      const [a, b] = rel.schema.name === 'Directorship' ? ['director', 'organization'] : rel.schema.name === 'Ownership' ? ['owner', 'asset'] : ['shipper', 'consignee'];
      for (const x of rel.get(a!)) {
        for (const y of rel.get(b!)) {
          if (x === y) continue;
          if (rel.schema.name === 'Shipment') {
            push(x, 'counterparties', y);
            push(y, 'counterparties', x);
          } else {
            const nx = entities.get(x)?.caption;
            const ny = entities.get(y)?.caption;
            if (ny !== undefined) push(x, 'associates', ny);
            if (nx !== undefined) push(y, 'associates', nx);
          }
        }
      }
    }
  }
}

/** The entities that hold strong keys, for automatic links. */
export function keyedEntities(data: ResolveData): KeyedEntity[] {
  return [...data.entities.values()].filter((e) => e.keys.length > 0).map((e) => ({ id: e.id, schema: e.schema, keys: e.keys, prepared: e.prepared }));
}

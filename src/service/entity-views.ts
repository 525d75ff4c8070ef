/**
 * Entities as the API shows them (yente's EntityResponse: id, caption, schema, properties,
 * datasets, referents, target, first_seen, last_seen, last_change), with an LRU cache in front
 * of the store that is dropped whenever the active list versions change — so that answers stay
 * consistent with the index, and screening responses do not query the store per result.
 */
import { model } from '../model/index.js';
import type { EntityRecord, Store } from '../store/index.js';

export interface EntityView {
  id: string;
  caption: string;
  schema: string;
  properties: Record<string, unknown[]>;
  datasets: string[];
  referents: string[];
  target: boolean;
  first_seen: string | null;
  last_seen: string | null;
  last_change: string | null;
}

const toTimestamp = (d: string | null): string | null => (d === null ? null : d.length === 10 ? `${d}T00:00:00` : d);

export function viewOf(rec: EntityRecord): EntityView {
  const e = rec.entity;
  return {
    id: e.id,
    caption: e.caption,
    schema: e.schema.name,
    properties: e.toFtM().properties,
    datasets: rec.datasets,
    referents: [],
    target: e.target,
    first_seen: toTimestamp(rec.firstSeen),
    last_seen: toTimestamp(rec.lastSeen),
    last_change: toTimestamp(rec.lastChange),
  };
}

export class EntityViews {
  private readonly cache = new Map<string, EntityRecord | null>();
  private signature = '';
  private checkedAt = 0;

  constructor(
    private readonly store: Store,
    private readonly capacity = 20_000,
    /** How often (ms) to check whether the active versions changed. */
    private readonly checkEveryMs = 1000,
  ) {}

  /** Drops the cache when the active versions changed since the last check. */
  async sync(force = false): Promise<void> {
    const now = Date.now();
    if (!force && now - this.checkedAt < this.checkEveryMs) return;
    this.checkedAt = now;
    const sig = (await this.store.activeVersions()).map((v) => v.id).join(',');
    if (sig !== this.signature) {
      this.signature = sig;
      this.cache.clear();
    }
  }

  async record(id: string): Promise<EntityRecord | null> {
    await this.sync();
    if (this.cache.has(id)) {
      const hit = this.cache.get(id)!;
      // Refresh its place in the LRU order.
      this.cache.delete(id);
      this.cache.set(id, hit);
      return hit;
    }
    const rec = await this.store.getEntity(id);
    this.cache.set(id, rec);
    if (this.cache.size > this.capacity) this.cache.delete(this.cache.keys().next().value!);
    return rec;
  }

  async view(id: string): Promise<EntityView | null> {
    const rec = await this.record(id);
    return rec ? viewOf(rec) : null;
  }

  /**
   * The entity with its adjacent entities nested into its properties (yente's `nested=true`):
   * entities it points to replace their ids, and entities pointing to it appear under the
   * inverse property (Sanction.entity → `sanctions`, Ownership.asset → `ownershipAsset`).
   */
  async nested(id: string): Promise<EntityView | null> {
    const rec = await this.record(id);
    if (!rec) return null;
    const view = viewOf(rec);
    const e = rec.entity;
    for (const prop of e.props()) {
      const p = e.schema.getProperty(prop);
      if (p?.type !== 'entity') continue;
      const nested: unknown[] = [];
      for (const target of e.get(prop)) {
        const t = await this.view(target);
        nested.push(t ? { ...t, properties: t.properties } : target);
      }
      view.properties[prop] = nested;
    }
    for (const ref of await this.store.references(id)) {
      const other = await this.record(ref.entityId);
      if (!other) continue;
      const reverse = model.get(ref.schema)?.getProperty(ref.prop)?.reverse ?? `${ref.schema}:${ref.prop}`;
      const o = viewOf(other);
      // The adjacent entity's other references are shown by id and caption.
      for (const prop of other.entity.props()) {
        if (other.entity.schema.getProperty(prop)?.type !== 'entity') continue;
        const shown: unknown[] = [];
        for (const x of other.entity.get(prop)) {
          if (x === id) continue;
          const xv = await this.view(x);
          shown.push(xv ? { id: xv.id, caption: xv.caption, schema: xv.schema, properties: xv.properties, datasets: xv.datasets } : x);
        }
        if (shown.length) o.properties[prop] = shown;
        else delete o.properties[prop];
      }
      (view.properties[reverse] ??= []).push(o);
    }
    return view;
  }
}

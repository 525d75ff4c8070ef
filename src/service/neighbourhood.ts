/**
 * An entity's neighbourhood as a graph: the entities related to it up to N hops — through
 * relation entities (ownership, directorship, links, shipments, which become edges) and through
 * entity properties (a shared address, a parent company) — as nodes and edges for a graph view.
 * Sanctions and identification documents are attributes, not nodes.
 */
import { model, notFound } from '../model/index.js';
import type { Store } from '../store/index.js';
import { EntityViews } from './entity-views.js';

export interface GraphNode {
  id: string;
  caption: string;
  schema: string;
  datasets: string[];
  depth: number;
}

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  schema: string;
  label: string;
}

export interface Neighbourhood {
  root: string;
  depth: number;
  nodes: GraphNode[];
  edges: GraphEdge[];
  truncated: boolean;
}

const ATTRIBUTES = new Set(['Sanction', 'Identification', 'Passport', 'DocumentMention', 'Mention']);

export async function neighbourhood(store: Store, id: string, opts: { depth?: number; maxNodes?: number; views?: EntityViews } = {}): Promise<Neighbourhood> {
  const depth = Math.max(1, Math.min(opts.depth ?? 1, 4));
  const maxNodes = opts.maxNodes ?? 300;
  const views = opts.views ?? new EntityViews(store);
  const root = await views.record(id);
  if (!root) throw notFound(`no entity with id ${id}`);
  const nodes = new Map<string, GraphNode>();
  const edges = new Map<string, GraphEdge>();
  let truncated = false;
  const addNode = async (nid: string, d: number): Promise<boolean> => {
    if (nodes.has(nid)) return true;
    if (nodes.size >= maxNodes) {
      truncated = true;
      return false;
    }
    const rec = await views.record(nid);
    if (!rec) return false;
    nodes.set(nid, { id: nid, caption: rec.entity.caption, schema: rec.entity.schema.name, datasets: rec.datasets, depth: d });
    return true;
  };
  await addNode(id, 0);
  let frontier = [id];
  for (let d = 1; d <= depth && frontier.length; d++) {
    const next: string[] = [];
    for (const nid of frontier) {
      const rec = await views.record(nid);
      if (!rec) continue;
      const e = rec.entity;
      // What this entity points to.
      for (const prop of e.props()) {
        const p = e.schema.getProperty(prop);
        if (p?.type !== 'entity') continue;
        for (const target of e.get(prop)) {
          const t = await views.record(target);
          if (!t || ATTRIBUTES.has(t.entity.schema.name)) continue;
          if (!nodes.has(target)) {
            if (!(await addNode(target, d))) continue;
            next.push(target);
          }
          edges.set(`${nid}>${prop}>${target}`, { id: `${nid}>${prop}>${target}`, source: nid, target, schema: e.schema.name, label: p.label });
        }
      }
      // What points to this entity: relation entities become edges between their two ends.
      for (const ref of await store.references(nid)) {
        if (ATTRIBUTES.has(ref.schema)) continue;
        const rel = await views.record(ref.entityId);
        if (!rel) continue;
        const schema = model.get(ref.schema);
        const edge = schema?.edge;
        if (edge) {
          const sources = rel.entity.get(edge.source);
          const targets = rel.entity.get(edge.target);
          for (const s of sources) {
            for (const t of targets) {
              const other = s === nid ? t : s;
              if (!nodes.has(other)) {
                if (!(await addNode(other, d))) continue;
                next.push(other);
              }
              edges.set(rel.entity.id + (sources.length * targets.length > 1 ? `:${s}:${t}` : ''), {
                id: rel.entity.id,
                source: s,
                target: t,
                schema: ref.schema,
                label: (rel.entity.first('role') ?? edge.label ?? ref.schema),
              });
            }
          }
        } else {
          if (!nodes.has(ref.entityId)) {
            if (!(await addNode(ref.entityId, d))) continue;
            next.push(ref.entityId);
          }
          edges.set(`${ref.entityId}>${ref.prop}>${nid}`, { id: `${ref.entityId}>${ref.prop}>${nid}`, source: ref.entityId, target: nid, schema: ref.schema, label: schema?.getProperty(ref.prop)?.label ?? ref.prop });
        }
      }
    }
    frontier = next;
  }
  return { root: id, depth, nodes: [...nodes.values()], edges: [...edges.values()].filter((x) => nodes.has(x.source) && nodes.has(x.target)), truncated };
}

/**
 * Automatic links from strong keys (strong-keys.ts): the entities holding the same key are the
 * same party, and are joined into one cluster by positive 'auto' judgements of score 1. A key's
 * holders are linked in order (by rank, then id), each to the first holder already linked with
 * which nothing forbids it, so a key held by n entities needs at most n − 1 judgements, and each
 * judgement's evidence is the key its two ids share (recomputed from the entities when shown:
 * the store keeps no reason field).
 *
 * Official lists carry copy errors: OFAC's SDN list of 2023-12-28 gives LLC BERING METALS and
 * LLC ASTECLING one Tax ID with two different registration numbers, and ASTECLING and LLC VOSTOK
 * ZOLOTO one registration number with two different Tax IDs. So a shared key is proof only when
 * nothing contradicts it:
 * - the two clusters must not hold different keys of another kind (one INN, two OGRNs);
 * - their names must have something in common: the matcher's best name pair ≥ `minNameScore`
 *   (0.5; the matcher's own floor for letting an identifier decide is 0.3, but OFAC's
 *   LLC DV HOLDING and JSC AVRORA, one Tax ID and one registration number for two companies,
 *   score 0.35 on their legal forms alone), unless one side has no name (a number mentioned in
 *   a document);
 * - their countries must overlap when both give some (OFAC gives BANK BELVEB OJSC, of Belarus,
 *   the Tax ID of its Russian parent VNESHECONOMBANK); not for IMO numbers, which stay with a
 *   ship through changes of flag;
 * - a Person and a Company are never joined;
 * - a key held by more than `maxHolders` entities is a placeholder, not proof.
 * Nothing an analyst decided is overridden: a pair with an analyst judgement of its own is left
 * alone, and clusters with a negative or unsure edge between them are not joined. Every link not
 * made is reported with its reason, for review.
 */
import { bestNamePair } from '../matching/index.js';
import type { PreparedEntity } from '../matching/index.js';
import { model } from '../model/index.js';
import type { ResolverEdge, ResolverGraph } from './resolver-graph.js';
import type { StrongKey } from './strong-keys.js';

export interface KeyedEntity {
  id: string;
  schema: string;
  keys: readonly StrongKey[];
  /** The matcher's view, for the name check (absent: no name to compare). */
  prepared?: PreparedEntity | undefined;
}

export interface AutoLink {
  edge: ResolverEdge;
  /** The key(s) the two ids share. */
  keys: string[];
}

export type RefusalReason = 'analyst_judgement' | 'judged_apart' | 'incompatible_schema' | 'conflicting_keys' | 'names_differ' | 'countries_differ' | 'ambiguous_key';

export interface AutoRefusal {
  key: string;
  reason: RefusalReason;
  /** The entity left out and the one it was to be linked to (for ambiguous_key: every holder). */
  ids: string[];
  detail: string;
  /** The judgement that stood in the way. */
  edge?: ResolverEdge | undefined;
}

export interface AutoPlan {
  links: AutoLink[];
  refused: AutoRefusal[];
  /** Keys held by two or more entities. */
  sharedKeys: number;
}

export const AUTO_DEFAULTS = {
  /** More holders than this make a key suspect (the same company on every list is a handful). */
  maxHolders: 25,
  /** Names scoring below this (0..1) have too little in common for a key to decide. */
  minNameScore: 0.5,
  user: 'endtrace/auto',
};

export interface PlanOptions {
  /** Timestamp of the judgements made. */
  now: string;
  maxHolders?: number | undefined;
  minNameScore?: number | undefined;
  user?: string | undefined;
}

/** Keys of a set of entities, by kind. */
function keysByKind(ids: readonly string[], byId: ReadonlyMap<string, KeyedEntity>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const id of ids) {
    for (const k of byId.get(id)?.keys ?? []) {
      let set = out.get(k.kind);
      if (!set) out.set(k.kind, (set = new Set()));
      set.add(k.value);
    }
  }
  return out;
}

/** A kind of key both sides hold with no value in common, described; or undefined. */
function conflictingKeys(a: Map<string, Set<string>>, b: Map<string, Set<string>>): string | undefined {
  for (const [kind, values] of a) {
    const other = b.get(kind);
    if (!other || [...values].some((v) => other.has(v))) continue;
    return `different ${kind}: ${[...values].sort().join(', ')} vs ${[...other].sort().join(', ')}`;
  }
  return undefined;
}

function countries(ids: readonly string[], byId: ReadonlyMap<string, KeyedEntity>): Set<string> {
  return new Set(ids.flatMap((id) => byId.get(id)?.prepared?.countries ?? []));
}

/** The best name score between two sets of entities, or undefined when a side has no name. */
function nameScore(as: readonly string[], bs: readonly string[], byId: ReadonlyMap<string, KeyedEntity>): number | undefined {
  let best: number | undefined;
  for (const a of as) {
    const pa = byId.get(a)?.prepared;
    if (!pa?.names.length) continue;
    for (const b of bs) {
      const pb = byId.get(b)?.prepared;
      if (!pb?.names.length) continue;
      const s = bestNamePair(pa, pb)?.score ?? 0;
      if (best === undefined || s > best) best = s;
    }
  }
  return best;
}

/**
 * Plans the links, applying each to `graph` as it goes (so later keys see the clusters earlier
 * ones made). Deterministic: keys in order, holders by rank and id.
 */
export function planAutoLinks(entities: Iterable<KeyedEntity>, graph: ResolverGraph, opts: PlanOptions): AutoPlan {
  const maxHolders = opts.maxHolders ?? AUTO_DEFAULTS.maxHolders;
  const minName = opts.minNameScore ?? AUTO_DEFAULTS.minNameScore;
  const user = opts.user ?? AUTO_DEFAULTS.user;
  const byId = new Map<string, KeyedEntity>();
  const holders = new Map<string, Set<string>>();
  for (const e of entities) {
    byId.set(e.id, e);
    for (const k of e.keys) {
      let set = holders.get(k.key);
      if (!set) holders.set(k.key, (set = new Set()));
      set.add(e.id);
    }
  }
  const links: AutoLink[] = [];
  const refused: AutoRefusal[] = [];
  let sharedKeys = 0;
  for (const key of [...holders.keys()].sort()) {
    const ids = [...holders.get(key)!];
    if (ids.length < 2) continue;
    sharedKeys++;
    const sorted = graph.sortIds(ids);
    if (sorted.length > maxHolders) {
      refused.push({ key, reason: 'ambiguous_key', ids: sorted, detail: `${sorted.length} entities hold it (more than ${maxHolders})` });
      continue;
    }
    const linked = [sorted[0]!];
    for (const id of sorted.slice(1)) {
      if (graph.sameCluster(linked[0]!, id)) {
        linked.push(id);
        continue;
      }
      const found = tryLink(key, id, linked, graph, byId, minName);
      if ('reason' in found) {
        refused.push(found);
        continue;
      }
      const { other } = found;
      const edge: ResolverEdge = { left: other < id ? other : id, right: other < id ? id : other, judgement: 'positive', origin: 'auto', score: 1, user, createdAt: opts.now };
      if (graph.add(edge)) continue;
      const own = new Set(byId.get(other)?.keys.map((k) => k.key));
      links.push({ edge, keys: (byId.get(id)?.keys ?? []).map((k) => k.key).filter((k) => own.has(k)).sort() });
      linked.push(id);
    }
  }
  return { links, refused, sharedKeys };
}

/** The linked holder `id` can join, or why it cannot join any. */
function tryLink(key: string, id: string, linked: readonly string[], graph: ResolverGraph, byId: ReadonlyMap<string, KeyedEntity>, minName: number): { other: string } | AutoRefusal {
  // Every linked holder is in one cluster: the cluster-level checks are the same for all.
  const first = linked[0]!;
  const between = graph.constraintOf(first, id);
  if (between) return { key, reason: 'judged_apart', ids: [id, first], detail: `${between.left} and ${between.right} were judged ${between.judgement}`, edge: between };
  const mine = graph.members(id);
  const theirs = graph.members(first);
  const conflict = conflictingKeys(keysByKind(mine, byId), keysByKind(theirs, byId));
  if (conflict) return { key, reason: 'conflicting_keys', ids: [id, first], detail: conflict };
  if (!key.startsWith('imo:')) {
    const ca = countries(mine, byId);
    const cb = countries(theirs, byId);
    if (ca.size && cb.size && ![...ca].some((c) => cb.has(c))) return { key, reason: 'countries_differ', ids: [id, first], detail: `${[...ca].sort().join(', ')} vs ${[...cb].sort().join(', ')}` };
  }
  const names = nameScore(mine, theirs, byId);
  if (names !== undefined && names < minName) return { key, reason: 'names_differ', ids: [id, first], detail: `best name score ${names.toFixed(2)} (below ${minName})` };
  let refusal: AutoRefusal | undefined;
  for (const other of linked) {
    if (!model.compatible(byId.get(other)?.schema ?? 'Thing', byId.get(id)?.schema ?? 'Thing')) {
      refusal ??= { key, reason: 'incompatible_schema', ids: [id, other], detail: `${byId.get(id)?.schema} and ${byId.get(other)?.schema}` };
      continue;
    }
    const direct = graph.edgeOf(other, id);
    if (direct && direct.origin === 'analyst') {
      refusal = { key, reason: 'analyst_judgement', ids: [id, other], detail: `an analyst judged ${direct.left} ${direct.judgement} ${direct.right}`, edge: direct };
      continue;
    }
    return { other };
  }
  return refusal ?? { key, reason: 'incompatible_schema', ids: [id, first], detail: 'no holder to link to' };
}

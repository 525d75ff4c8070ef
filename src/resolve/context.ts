/**
 * Context evidence for a candidate pair, beyond what the matcher compares (names, countries,
 * dates, identifiers): an address both give, a director or owner both have (by name), and a
 * trading partner both shipped to or from (by resolved id). Context is gathered over whole
 * clusters, so that what is known of one resolved member counts for all of them.
 *
 * The formula (`combineScore`): with s the matcher's score and wᵢ the weight of each kind of
 * evidence present (each kind counted once),
 *     c = 1 − Π(1 − wᵢ),   score = min(0.99, s + (1 − s)·c)
 * only when s ≥ CONTEXT_DEFAULTS.floor, so that context sharpens a name match but never makes
 * one out of nothing, and a score of 1 stays reserved for proof (a shared strong identifier).
 * Weights: address 0.35, associate 0.35, counterparty 0.2 (a trading partner is shared by many
 * unrelated companies). E.g. s = 0.70 with a shared address gives 0.70 + 0.30·0.35 = 0.805.
 */
import anyAscii from 'any-ascii';
import type { ResolverGraph } from './resolver-graph.js';

export type ContextKind = 'address' | 'associate' | 'counterparty';

export interface PartyContext {
  /** Addresses as written. */
  addresses: string[];
  /** Names of directors and owners (of a company), or of the companies a person directs or owns. */
  associates: string[];
  /** Ids of the parties it shipped to or received from. */
  counterparties: string[];
}

export interface ContextEvidence {
  kind: ContextKind;
  weight: number;
  detail: string;
}

export const CONTEXT_DEFAULTS = {
  /** Below this matcher score, context is not looked at. */
  floor: 0.5,
  /** Context never lifts a pair to 1 (proof). */
  cap: 0.99,
  weights: { address: 0.35, associate: 0.35, counterparty: 0.2 } as Record<ContextKind, number>,
  /** Shared address tokens needed, and their share of the shorter address. */
  addressTokens: 3,
  addressOverlap: 0.6,
};

const ADDRESS_STOP = new Set([
  'ul', 'ulitsa', 'street', 'st', 'str', 'd', 'dom', 'kv', 'office', 'of', 'ofis', 'pr', 'prospekt', 'prosp', 'avenue', 'ave', 'road', 'rd',
  'building', 'bld', 'bldg', 'korpus', 'k', 'stroenie', 'pom', 'room', 'floor', 'the', 'and', 'no', 'g', 'gorod', 'city', 'oblast', 'region',
  'republic', 'russia', 'russian', 'federation', 'china', 'people', 'peoples', 'prc', 'district', 'pereulok', 'per', 'shosse', 'sh', 'lit', 'litera',
]);

/** An address as a set of comparable tokens: transliterated, lower case, street words dropped. */
export function addressTokens(text: string): string[] {
  const tokens = anyAscii(text).toLowerCase().split(/[^a-z0-9]+/);
  return [...new Set(tokens.filter((t) => t && !ADDRESS_STOP.has(t) && (t.length >= 2 || /\d/.test(t))))];
}

/** Two addresses name the same place: enough tokens in common, a number and a word among them. */
export function sameAddress(a: readonly string[], b: readonly string[]): string[] | undefined {
  if (!a.length || !b.length) return undefined;
  const setB = new Set(b);
  const shared = a.filter((t) => setB.has(t));
  if (shared.length < CONTEXT_DEFAULTS.addressTokens) return undefined;
  if (shared.length / Math.min(a.length, b.length) < CONTEXT_DEFAULTS.addressOverlap) return undefined;
  if (!shared.some((t) => /\d/.test(t)) || !shared.some((t) => /^[a-z]{4,}$/.test(t))) return undefined;
  return shared;
}

/** A person's or company's name as an order-free key; undefined for a single word. */
export function associateKey(name: string): string | undefined {
  const tokens = anyAscii(name).toLowerCase().split(/[^a-z0-9]+/).filter((t) => t.length >= 2);
  return tokens.length >= 2 ? [...new Set(tokens)].sort().join(' ') : undefined;
}

/** Cluster contexts: the union of the members' contexts, made once per cluster. */
export class ContextBook {
  private readonly byId = new Map<string, PartyContext>();
  private readonly byRoot = new Map<string, { addresses: Array<{ text: string; tokens: string[] }>; associates: Map<string, string>; counterparties: string[] }>();

  constructor(private readonly graph: ResolverGraph) {}

  add(id: string, ctx: Partial<PartyContext>): void {
    let own = this.byId.get(id);
    if (!own) {
      own = { addresses: [], associates: [], counterparties: [] };
      this.byId.set(id, own);
    }
    if (ctx.addresses) own.addresses.push(...ctx.addresses);
    if (ctx.associates) own.associates.push(...ctx.associates);
    if (ctx.counterparties) own.counterparties.push(...ctx.counterparties);
  }

  get size(): number {
    return this.byId.size;
  }

  private cluster(id: string) {
    const root = this.graph.find(id);
    let c = this.byRoot.get(root);
    if (!c) {
      c = { addresses: [], associates: new Map(), counterparties: [] };
      const seenAddress = new Set<string>();
      for (const m of this.graph.members(id)) {
        const own = this.byId.get(m);
        if (!own) continue;
        for (const text of own.addresses) {
          if (seenAddress.has(text)) continue;
          seenAddress.add(text);
          const tokens = addressTokens(text);
          if (tokens.length) c.addresses.push({ text, tokens });
        }
        for (const name of own.associates) {
          const key = associateKey(name);
          if (key && !c.associates.has(key)) c.associates.set(key, name);
        }
        c.counterparties.push(...own.counterparties);
      }
      this.byRoot.set(root, c);
    }
    return c;
  }

  /** The context both sides of a pair share, one item per kind at most. */
  evidence(a: string, b: string): ContextEvidence[] {
    const ca = this.cluster(a);
    const cb = this.cluster(b);
    const out: ContextEvidence[] = [];
    const w = CONTEXT_DEFAULTS.weights;
    address: for (const x of ca.addresses) {
      for (const y of cb.addresses) {
        if (sameAddress(x.tokens, y.tokens)) {
          out.push({ kind: 'address', weight: w.address, detail: `same address: "${x.text}" ~ "${y.text}"` });
          break address;
        }
      }
    }
    for (const [key, name] of ca.associates) {
      const other = cb.associates.get(key);
      if (other !== undefined) {
        out.push({ kind: 'associate', weight: w.associate, detail: `same director or owner: "${name}" ~ "${other}"` });
        break;
      }
    }
    if (ca.counterparties.length && cb.counterparties.length) {
      const mine = new Set(ca.counterparties.map((id) => this.graph.canonical(id)));
      const shared = cb.counterparties.map((id) => this.graph.canonical(id)).find((id) => mine.has(id) && !this.graph.sameCluster(id, a) && !this.graph.sameCluster(id, b));
      if (shared !== undefined) out.push({ kind: 'counterparty', weight: w.counterparty, detail: `same trading partner: ${shared}` });
    }
    return out;
  }
}

/** The matcher's score raised by the context (see the module comment). */
export function combineScore(matchScore: number, evidence: readonly ContextEvidence[]): number {
  if (!evidence.length || matchScore < CONTEXT_DEFAULTS.floor || matchScore >= CONTEXT_DEFAULTS.cap) return matchScore;
  let miss = 1;
  for (const e of evidence) miss *= 1 - e.weight;
  const score = matchScore + (1 - matchScore) * (1 - miss);
  return Math.round(Math.min(CONTEXT_DEFAULTS.cap, score) * 10000) / 10000;
}

/**
 * Entity resolution, free of I/O (nomenklatura's resolver model): the judgement graph and its
 * clusters with deterministic canonical ids, strong identifier keys with their check digits,
 * automatic links from shared keys, and scored candidate pairs for review through the
 * screening engine, with context evidence.
 */
export { ResolverGraph, compareEdges, pairKey } from './resolver-graph.js';
export type { Cluster, GraphOptions, JudgementOrigin, JudgementValue, Rank, ResolverEdge, SkippedEdge } from './resolver-graph.js';
export { STRONG_KINDS, isStrongIdentifier, sharedKeys, strongKey, strongKeys, strongValue } from './strong-keys.js';
export type { KeyInput, StrongKey, StrongKind } from './strong-keys.js';
export { AUTO_DEFAULTS, planAutoLinks } from './auto-links.js';
export type { AutoLink, AutoPlan, AutoRefusal, KeyedEntity, PlanOptions, RefusalReason } from './auto-links.js';
export { CONTEXT_DEFAULTS, ContextBook, addressTokens, associateKey, combineScore, sameAddress } from './context.js';
export type { ContextEvidence, ContextKind, PartyContext } from './context.js';
export { CANDIDATE_DEFAULTS, CandidateFinder, byScore, collectCandidates } from './candidates.js';
export type { CandidatePair, FindOptions, RecordRole, ResolveRecord } from './candidates.js';

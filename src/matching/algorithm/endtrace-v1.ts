/**
 * The `endtrace-v1` scoring algorithm. The name score (compare/name-score.ts) over the best
 * pair of names is adjusted by the other evidence: a shared strong identifier decides the match;
 * birth dates, countries and gender raise or lower the score; incompatible schemata (a Person
 * query and a Vessel) never match. Every feature explains itself in the result, in the shape of
 * yente's explanations ({feature: {score, detail}}), so that a decision can be read and
 * reproduced. Changing any weight here is a new algorithm version.
 */
import { model } from '../../model/index.js';
import { TAIL_START, compareNames, gradeTail, scoreBound } from '../compare/name-score.js';
import type { NameComparison } from '../compare/name-score.js';
import type { PreparedEntity, PreparedNameVariant } from '../entity/prepare-entity.js';
import type { PreparedName } from '../names/prepare.js';
import { compareBirthDates } from '../features/birth-date.js';
import { compareCountries } from '../features/country.js';
import { compareGenders } from '../features/gender.js';
import { compareIdentifiers } from '../features/identifier.js';
import type { FeatureResult } from '../features/types.js';

export const ALGORITHM = 'endtrace-v1';

/** The documented default: at or above it, a result is a match. */
export const DEFAULT_THRESHOLD = 0.75;

/** Weak aliases (low-quality a.k.a.s) are discounted. */
const WEAK_ALIAS_FACTOR = 0.92;

export interface Explanation {
  score: number;
  detail: string | null;
}

export interface ScoreResult {
  score: number;
  match: boolean;
  explanations: Record<string, Explanation>;
}

export interface ScoreOptions {
  threshold?: number;
  /** Write the explanations' details (default true); ranking many candidates can skip them. */
  explain?: boolean;
}

export const FEATURES: Record<string, string> = {
  name: 'Similarity of the best pair of names: aligned tokens across scripts, legal forms and word order',
  identifier: 'A shared strong identifier (INN, OGRN, IMO, passport, LEI, registration number) decides; a conflicting one weighs against',
  birth_date: 'Birth dates: exact, month or year agreement raises the score; dates years apart lower it',
  country: 'Countries and nationalities: overlap raises the score a little; disjoint sets lower it',
  gender: 'Gender: a disagreement lowers the score',
  schema: 'Entity types must be compatible (a Person never matches a Vessel)',
};

interface BestName {
  comparison: NameComparison;
  q: PreparedNameVariant;
  c: PreparedNameVariant;
  score: number;
}

/**
 * Comparisons of a query name, by the signature of the candidate name: the same name listed by
 * several sources (an SDN entry and its copy on the Consolidated Screening List) or by several
 * entities is compared once per query. Held per query name, so it goes with the query.
 */
const comparisons = new WeakMap<PreparedName, Map<string, NameComparison>>();
const tails = new WeakMap<PreparedName, Map<string, number>>();

function memo<T>(store: WeakMap<PreparedName, Map<string, T>>, q: PreparedName, c: PreparedName, compute: () => T): T {
  let byName = store.get(q);
  if (!byName) {
    byName = new Map();
    store.set(q, byName);
  }
  let v = byName.get(c.sig);
  if (v === undefined) {
    v = compute();
    byName.set(c.sig, v);
  }
  return v;
}

const compareMemo = (q: PreparedName, c: PreparedName) => memo(comparisons, q, c, () => compareNames(q, c));
const tailMemo = (q: PreparedName, c: PreparedName) => memo(tails, q, c, () => gradeTail(0, q, c));

/** How many name pairs, by upper bound, a near miss is graded on. */
const TAIL_PAIRS = 3;

/**
 * The best-scoring pair of names of two entities. Pairs are compared in the order of a cheap
 * upper bound of their score, and a pair whose bound cannot beat the best so far is skipped.
 */
export function bestNamePair(q: PreparedEntity, c: PreparedEntity): BestName | undefined {
  const pairs: Array<{ q: PreparedNameVariant; c: PreparedNameVariant; bound: number }> = [];
  for (const qn of q.names) {
    for (const cn of c.names) pairs.push({ q: qn, c: cn, bound: scoreBound(qn.name, cn.name) * (cn.weak || qn.weak ? WEAK_ALIAS_FACTOR : 1) });
  }
  pairs.sort((a, b) => b.bound - a.bound);
  let best: BestName | undefined;
  for (const p of pairs) {
    if (best && p.bound <= best.score) break;
    const comparison = compareMemo(p.q.name, p.c.name);
    const score = comparison.score * (p.c.weak || p.q.weak ? WEAK_ALIAS_FACTOR : 1);
    if (!best || score > best.score) best = { comparison, q: p.q, c: p.c, score };
    if (best.score >= 1) return best;
  }
  // No pair can be the same name: grade the near misses (on the likeliest pairs), for ranking.
  if (best && best.score < TAIL_START) {
    for (const p of pairs.slice(0, TAIL_PAIRS)) {
      const graded = tailMemo(p.q.name, p.c.name) * (p.c.weak || p.q.weak ? WEAK_ALIAS_FACTOR : 1);
      if (graded > best.score) best.score = graded;
    }
  }
  return best;
}

const round = (n: number) => Math.round(n * 10000) / 10000;

function describeName(best: BestName): string {
  const { comparison: cmp } = best;
  const parts = [`"${best.q.name.text}" ~ "${best.c.name.text}"${best.c.weak ? ' (weak alias)' : ''}`];
  parts.push(`query explained ${Math.round(cmp.queryCoverage * 100)}%, candidate ${Math.round(cmp.candidateCoverage * 100)}%`);
  const how = cmp.pairs.filter((p) => p.how !== 'token' || p.sim < 1).map((p) => {
    const qt = p.q.map((i) => best.q.name.tokens[i]!.ascii).join('+');
    const ct = p.c.map((j) => best.c.name.tokens[j]!.ascii).join('+');
    return `${qt}~${ct} (${p.how} ${p.sim.toFixed(2)})`;
  });
  if (how.length) parts.push(how.join(', '));
  if (cmp.penalties.length) parts.push(`lowered for: ${cmp.penalties.join(', ')}`);
  return parts.join('; ');
}

/** Scores a candidate against a query. Pure: the same inputs always give the same result. */
export function scoreEntity(q: PreparedEntity, c: PreparedEntity, opts: ScoreOptions = {}): ScoreResult {
  const threshold = opts.threshold ?? DEFAULT_THRESHOLD;
  const explanations: Record<string, Explanation> = {};
  if (!model.compatible(q.schema, c.schema) && !(model.get(q.schema)?.isA(c.schema) || model.get(c.schema)?.isA(q.schema))) {
    explanations.schema = { score: 0, detail: `${q.schema} cannot be the same as ${c.schema}` };
    return { score: 0, match: false, explanations };
  }
  const best = bestNamePair(q, c);
  const nameScore = best?.score ?? 0;
  explanations.name = { score: round(nameScore), detail: opts.explain === false ? null : best ? describeName(best) : 'no names to compare' };
  const unexplained = opts.explain === false ? best ?? null : undefined;

  const features: Array<[string, FeatureResult]> = [['identifier', compareIdentifiers(q.identifiers, c.identifiers)]];
  const person = model.get(q.schema)?.isA('Person') || model.get(c.schema)?.isA('Person');
  if (person) {
    features.push(['birth_date', compareBirthDates(q.birthDates, c.birthDates)]);
    features.push(['gender', compareGenders(q.genders, c.genders)]);
  }
  features.push(['country', compareCountries(q.countries, c.countries)]);

  let score = nameScore;
  let decisive = false;
  for (const [name, f] of features) {
    if (f.score === null && f.factor === 1 && f.bonus === 0) continue;
    score = score * f.factor + f.bonus;
    if (f.decisive) decisive = true;
    explanations[name] = { score: f.score === null ? 0 : round(f.score), detail: f.detail };
  }
  // A shared strong identifier decides, unless the names have nothing in common.
  if (decisive) score = Math.max(score, nameScore > 0.3 ? 0.97 : threshold);
  score = round(Math.max(0, Math.min(1, score)));
  const result = { score, match: score >= threshold, explanations };
  if (unexplained !== undefined) pendingNames.set(result, unexplained);
  return result;
}

/** The best name pair of results scored without explanations, to explain them later. */
const pendingNames = new WeakMap<ScoreResult, BestName | null>();

/** Writes the name explanation of a result scored with `explain: false` (no-op otherwise). */
export function explainResult(result: ScoreResult): ScoreResult {
  const best = pendingNames.get(result);
  if (best === undefined) return result;
  pendingNames.delete(result);
  result.explanations.name = { score: result.explanations.name!.score, detail: best ? describeName(best) : 'no names to compare' };
  return result;
}

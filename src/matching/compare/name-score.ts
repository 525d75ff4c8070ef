/**
 * Name similarity: aligns the tokens of two prepared names — one to one first, then merged
 * runs (FridrichLindenberg = Friedrich Lindenberg, Patr ushev = Patrushev), acronyms (PLA =
 * People's Liberation Army) and reading lattices (金正恩 = Kim Jong Un) for what is left —
 * and scores the weighted share of each side that is explained. Unexplained query tokens
 * cost fully, unexplained candidate tokens (extra given names, a patronymic) cost little;
 * disagreements of the same kind on both sides (5 vs 6, Estonia vs Ethiopia, G. vs W.,
 * AG vs GmbH) cost extra. Inspired by nomenklatura's name alignment; weights are ours.
 */
import { familiesCompatible } from '../names/legal-forms.js';
import type { PreparedName, Token, TokenClass } from '../names/prepare.js';
import { latinKey, skeleton } from '../text/latin.js';
import { mongeElkan } from './jaro-winkler.js';
import { acronymPair, latticeToLatin, spelling, tokenSimilarity } from './token-similarity.js';

export interface AlignedPair {
  q: number[];
  c: number[];
  sim: number;
  how: 'token' | 'merge' | 'acronym' | 'lattice';
}

export interface NameComparison {
  score: number;
  /** Weighted share of the query name explained by the candidate. */
  queryCoverage: number;
  /** Weighted share of the candidate name explained by the query. */
  candidateCoverage: number;
  pairs: AlignedPair[];
  /** Why the score was lowered: 'number', 'initial', 'location', 'legal_form', 'generic_only', … */
  penalties: string[];
}

/**
 * Exponent on the candidate's coverage: extra names on a person's list entry (a patronymic,
 * more given names) cost little; extra words in an organisation's name cost more.
 */
const CANDIDATE_EXPONENT = { person: 0.2, org: 0.5 };
const MIN_PAIR = 0.5;
/** Scores below this are graded by spelling similarity (never above it). */
export const TAIL_START = 0.7;
/** How much an acronym explains of the words it stands for. */
const ACRONYM_SIM = 1;
/** See surnameUnmatched(). */
const SURNAME_UNMATCHED = 0.85;
const TAIL = TAIL_START;

const CONFLICT: Partial<Record<TokenClass, number>> = { number: 0.5, initial: 0.7, location: 0.8, patronymic: 0.7, generic: 0.85 };

function pairCandidates(q: PreparedName, c: PreparedName, person: boolean): AlignedPair[] {
  const out: AlignedPair[] = [];
  for (let i = 0; i < q.tokens.length; i++) {
    for (let j = 0; j < c.tokens.length; j++) {
      const s = tokenSimilarity(q.tokens[i]!, c.tokens[j]!, person);
      if (s >= MIN_PAIR) out.push({ q: [i], c: [j], sim: s, how: q.tokens[i]!.lattice || c.tokens[j]!.lattice ? 'lattice' : 'token' });
    }
  }
  return out;
}

function pairWeight(p: AlignedPair, q: PreparedName, c: PreparedName): number {
  let w = 0;
  for (const i of p.q) w += q.tokens[i]!.weight;
  for (const j of p.c) w += c.tokens[j]!.weight;
  return p.sim * w;
}

function greedy(pairs: AlignedPair[], q: PreparedName, c: PreparedName, usedQ: boolean[], usedC: boolean[], chosen: AlignedPair[]): void {
  pairs.sort((a, b) => pairWeight(b, q, c) - pairWeight(a, q, c) || b.sim - a.sim);
  for (const p of pairs) {
    if (p.q.some((i) => usedQ[i]) || p.c.some((j) => usedC[j])) continue;
    for (const i of p.q) usedQ[i] = true;
    for (const j of p.c) usedC[j] = true;
    chosen.push(p);
  }
}

/** Runs of up to `max` adjacent unused tokens. */
function runs(tokens: readonly Token[], used: boolean[], max: number): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (used[i]) continue;
    const run = [i];
    for (let k = i + 1; k < tokens.length && run.length < max; k++) {
      if (used[k]) break;
      run.push(k);
      out.push([...run]);
    }
  }
  return out;
}

const joinedCache = new WeakMap<readonly Token[], Map<number, Token>>();

/**
 * A run of tokens written together, remembered per name (names are compared many times). Runs
 * are contiguous: `idx` is ascending (or descending for the reversed reading of a lattice).
 */
function joinedToken(tokens: readonly Token[], idx: readonly number[]): Token {
  let cache = joinedCache.get(tokens);
  if (!cache) {
    cache = new Map();
    joinedCache.set(tokens, cache);
  }
  const first = idx[0]!;
  const last = idx[idx.length - 1]!;
  const k = first * 64 + last;
  let t = cache.get(k);
  if (!t) {
    t = makeJoined(tokens, idx);
    cache.set(k, t);
  }
  return t;
}

function makeJoined(tokens: readonly Token[], idx: readonly number[]): Token {
  const ascii = idx.map((i) => tokens[i]!.ascii).join('');
  const consonantal = idx.some((i) => tokens[i]!.skel !== undefined);
  return { ...tokens[idx[0]!]!, ascii, key: latinKey(ascii), cls: 'word', skel: consonantal ? skeleton(ascii) : undefined, lattice: undefined, alt: undefined };
}

/** Second pass over what is left: merged runs, acronyms and lattices against runs. */
function leftovers(q: PreparedName, c: PreparedName, usedQ: boolean[], usedC: boolean[]): AlignedPair[] {
  const out: AlignedPair[] = [];
  const acronyms = q.kind === 'org' && c.kind === 'org';
  const qRuns = runs(q.tokens, usedQ, 3);
  const cRuns = runs(c.tokens, usedC, 3);
  if (cRuns.length) {
    for (let i = 0; i < q.tokens.length; i++) if (!usedQ[i]) against(q.tokens[i]!, c.tokens, cRuns, acronyms, (run, sim, how) => out.push({ q: [i], c: run, sim, how }));
  }
  if (qRuns.length) {
    for (let j = 0; j < c.tokens.length; j++) if (!usedC[j]) against(c.tokens[j]!, q.tokens, qRuns, acronyms, (run, sim, how) => out.push({ q: run, c: [j], sim, how }));
  }
  return out;
}

/** One free token against the runs of the other name's free tokens. */
function against(t: Token, tokens: readonly Token[], runList: number[][], acronyms: boolean, found: (run: number[], sim: number, how: AlignedPair['how']) => void): void {
  for (const run of runList) {
    if (t.lattice) {
      const joined = joinedToken(tokens, run);
      const rev = joinedToken(tokens, [...run].reverse());
      const s = Math.max(latticeToLatin(t, joined.key, joined.ascii), latticeToLatin(t, rev.key, rev.ascii));
      if (s >= MIN_PAIR) found(run, s, 'lattice');
      continue;
    }
    if (run.some((j) => tokens[j]!.lattice)) continue;
    if (!mergeable(t, tokens, run)) continue;
    const s = mergeSim(t, joinedToken(tokens, run));
    if (s >= MIN_PAIR) found(run, s, 'merge');
    else if (acronyms && isAcronym(t, tokens, run)) found(run, ACRONYM_SIM, 'acronym');
  }
}

/**
 * Whether a run could spell the token at all (or be its acronym): the lengths must be close
 * and the first letters agree. Saves building most joined tokens.
 */
function mergeable(t: Token, tokens: readonly Token[], run: readonly number[]): boolean {
  const first = tokens[run[0]!]!;
  if (t.ascii.length <= 6 && run.length <= t.ascii.length && first.ascii[0] === t.ascii[0]) return true;
  let len = 0;
  for (const j of run) len += tokens[j]!.ascii.length;
  if (Math.abs(len - t.ascii.length) > 3 && t.alt === undefined) return false;
  return first.ascii[0] === t.ascii[0] || first.key[0] === t.key[0] || first.skel !== undefined || t.skel !== undefined || t.alt !== undefined;
}

/** A single token against a run of tokens joined together. */
function mergeSim(a: Token, b: Token): number {
  if (a.cls === 'initial' || b.cls === 'initial' || a.cls === 'number' || b.cls === 'number') return 0;
  if (a.key === b.key) return 1;
  if (a.alt?.includes(b.key) || b.alt?.includes(a.key)) return 0.95;
  if ((a.skel === undefined) !== (b.skel === undefined)) {
    // Skeletons only where the run is on the consonantal side (عبد الله = Abdullah): Latin words
    // run together ("East"+"Tec") have skeletons that collide with far too many names.
    return b.skel !== undefined ? tokenSimilarity(a, b, false) : 0;
  }
  return spelling(a, b);
}

/**
 * "PLA" = People's Liberation Army; "IEMZ" = Izhevsk ElectroMechanical Zavod (plant): each word
 * gives its first letter, and in acronyms of four letters or more also its translation's, and
 * a compound word may give one more letter from inside ("electro-mechanical"). Three letters
 * are too few for that freedom: any long name would spell some three-letter acronym
 * (Harrowgate Supply = HTS, Engineering Trading = ETM through 贸易 màoyì).
 */
function isAcronym(t: Token, tokens: readonly Token[], run: readonly number[]): boolean {
  const a = t.ascii;
  if (t.cls !== 'word' || a.length < 3 || a.length > 6 || run.length < 2 || run.length > a.length) return false;
  const loose = a.length >= 4;
  const fits = (k: number, pos: number): boolean => {
    if (k === run.length) return pos === a.length;
    if (pos >= a.length) return false;
    const r = tokens[run[k]!]!;
    if (r.ascii[0] !== a[pos] && !(loose && r.alt?.some((x) => x[0] === a[pos]))) return false;
    if (fits(k + 1, pos + 1)) return true;
    return loose && pos + 1 < a.length && r.ascii.length >= 8 && r.ascii.indexOf(a[pos + 1]!, 3) > 0 && fits(k + 1, pos + 2);
  };
  return fits(0, 0);
}

/**
 * An upper bound of compareNames(q, c).score, cheap to compute: the share of the query's weight
 * held by tokens that could match some candidate token at all. Lets callers skip hopeless pairs.
 */
export function scoreBound(q: PreparedName, c: PreparedName): number {
  if (!q.tokens.length || !c.tokens.length) return 0;
  if (q.joined === c.joined) return 1;
  let possible = 0;
  for (const t of q.tokens) {
    if (t.lattice || t.skel !== undefined || t.cls === 'initial' || t.alt || (t.ascii.length <= 6 && q.kind !== 'person')) {
      possible += t.weight;
      continue;
    }
    for (const u of c.tokens) {
      if (u.lattice || u.skel !== undefined || u.cls === 'initial' || u.alt || couldMatch(t, u)) {
        possible += t.weight;
        break;
      }
    }
  }
  return Math.min(1, possible / q.weight);
}

/**
 * Whether two tokens could be aligned at all: alone (similar length and a shared letter at the
 * start), or as pieces of a merged run (one starts with the other's first three letters or
 * contains them).
 */
function couldMatch(t: Token, u: Token): boolean {
  if (t.key === u.key || t.cls === 'particle' || u.cls === 'particle') return true;
  const a = t.ascii;
  const b = u.ascii;
  if (Math.abs(a.length - b.length) <= 3 && (t.key[0] === u.key[0] || t.key[1] === u.key[1] || a[0] === b[0])) return true;
  const head = a.slice(0, 3);
  return b.includes(head) || a.includes(b.slice(0, 3));
}

/** Compares two prepared names. Symmetric in what it measures, asymmetric in what it forgives. */
export function compareNames(q: PreparedName, c: PreparedName): NameComparison {
  const penalties: string[] = [];
  const person = q.kind === 'person' && c.kind === 'person';
  if (!q.tokens.length || !c.tokens.length) return { score: 0, queryCoverage: 0, candidateCoverage: 0, pairs: [], penalties: ['empty'] };

  const usedQ = new Array<boolean>(q.tokens.length).fill(false);
  const usedC = new Array<boolean>(c.tokens.length).fill(false);
  const chosen: AlignedPair[] = [];
  if (q.joined === c.joined && !q.tokens.some((t, i) => acronymPair(t, c.tokens[i]!, person))) {
    for (let i = 0; i < q.tokens.length; i++) chosen.push({ q: [i], c: [i], sim: 1, how: 'token' });
    usedQ.fill(true);
    usedC.fill(true);
  } else {
    greedy(pairCandidates(q, c, person), q, c, usedQ, usedC, chosen);
    if (usedQ.includes(false) && usedC.includes(false)) greedy(leftovers(q, c, usedQ, usedC), q, c, usedQ, usedC, chosen);
  }

  let qCredit = 0;
  let cCredit = 0;
  let distinctive = false;
  for (const p of chosen) {
    const qTok = p.q.map((i) => q.tokens[i]!);
    const cTok = p.c.map((j) => c.tokens[j]!);
    const initialVsWord = (qTok.length === 1 && qTok[0]!.cls === 'initial') !== (cTok.length === 1 && cTok[0]!.cls === 'initial');
    // An initial explains the word it stands for only in part.
    const qFactor = initialVsWord && qTok[0]!.cls !== 'initial' ? 0.5 : 1;
    const cFactor = initialVsWord && cTok[0]!.cls !== 'initial' ? 0.5 : 1;
    for (const t of qTok) qCredit += t.weight * p.sim * qFactor;
    for (const t of cTok) cCredit += t.weight * p.sim * cFactor;
    if ([...qTok, ...cTok].some((t) => t.cls === 'word' || t.cls === 'number' || t.cls === 'patronymic') && !initialVsWord) distinctive = true;
  }
  const queryCoverage = Math.min(1, qCredit / q.weight);
  const candidateCoverage = Math.min(1, cCredit / c.weight);
  let score = queryCoverage * Math.pow(candidateCoverage, person ? CANDIDATE_EXPONENT.person : CANDIDATE_EXPONENT.org);

  // Disagreements of one kind on both sides.
  const leftQ = q.tokens.filter((_, i) => !usedQ[i]);
  const leftC = c.tokens.filter((_, j) => !usedC[j]);
  for (const [cls, factor] of Object.entries(CONFLICT) as Array<[TokenClass, number]>) {
    const inQ = leftQ.some((t) => t.cls === cls);
    const inC = leftC.some((t) => t.cls === cls || (cls === 'initial' && (t.cls === 'word' || t.cls === 'initial') && t.part !== 'last'));
    if (inQ && inC) {
      score *= factor;
      penalties.push(cls);
    }
  }
  // A number on one side only (Victory / Victory 3, Fund / Fund I) still tells them apart.
  if (!person && !penalties.includes('number') && (leftQ.some((t) => t.cls === 'number') || leftC.some((t) => t.cls === 'number'))) {
    score *= 0.75;
    penalties.push('number_one_side');
  }
  if (q.forms.length && c.forms.length && !q.forms.some((a) => c.forms.some((b) => familiesCompatible(a, b)))) {
    score *= 0.7;
    penalties.push('legal_form');
  }
  if (person && swappedParts(chosen, q, c)) {
    score *= 0.6;
    penalties.push('name_parts_swapped');
  } else if (person && surnameUnmatched(q, c, usedQ, usedC)) {
    score *= SURNAME_UNMATCHED;
    penalties.push('surname_unmatched');
  }
  if (!distinctive) {
    score = Math.min(score, 0.5);
    penalties.push('generic_only');
  }
  return { score, queryCoverage, candidateCoverage, pairs: chosen, penalties };
}

/**
 * Below the range where names can be the same, near misses are graded by spelling alone, so
 * that they rank above unrelated names; capped well under any match threshold.
 */
export function gradeTail(score: number, q: PreparedName, c: PreparedName): number {
  if (score >= TAIL) return score;
  return Math.max(score, TAIL * mongeElkan(q.tokens, c.tokens));
}

/**
 * When both names give their parts, a surname left unexplained on either side (Gholami, Ali ~
 * Ali Gholam Shakuri: the query's surname found only as the candidate's middle name, the
 * candidate's surname nowhere) says these are two people who share given names.
 */
function surnameUnmatched(q: PreparedName, c: PreparedName, usedQ: boolean[], usedC: boolean[]): boolean {
  return surnameState(q, usedQ) === 'unexplained' ? surnameState(c, usedC) !== 'none' : surnameState(c, usedC) === 'unexplained' && surnameState(q, usedQ) !== 'none';
}

function surnameState(n: PreparedName, used: boolean[]): 'none' | 'explained' | 'unexplained' {
  let state: 'none' | 'explained' | 'unexplained' = 'none';
  for (let i = 0; i < n.tokens.length; i++) {
    if (n.tokens[i]!.part !== 'last') continue;
    if (used[i]) return 'explained';
    state = 'unexplained';
  }
  return state;
}

/** First name matched to last name and the other way round, when both sides give the parts. */
function swappedParts(pairs: AlignedPair[], q: PreparedName, c: PreparedName): boolean {
  let swapped = 0;
  let straight = 0;
  for (const p of pairs) {
    const a = q.tokens[p.q[0]!]!.part;
    const b = c.tokens[p.c[0]!]!.part;
    if (!a || !b) continue;
    if ((a === 'first' && b === 'last') || (a === 'last' && b === 'first')) swapped++;
    else if (a === b) straight++;
  }
  return swapped > 0 && swapped >= straight;
}

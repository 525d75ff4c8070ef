/**
 * How alike two name tokens are, in [0, 1]: exact keys, equivalent particles and translated
 * organisation words, nicknames, initials, numbers, consonant skeletons for abjad spellings,
 * reading lattices for CJK, and otherwise a weighted edit distance within a length-dependent
 * budget (short names must match exactly: Pong ≠ Pyong, Bai ≠ Baikal).
 */
import { sameGivenName } from '../names/nicknames.js';
import type { Token } from '../names/prepare.js';
import { skeleton } from '../text/latin.js';
import { editBudget, editDistance } from './edit-distance.js';
import { latticeSimilarity } from './lattice.js';

/** Similarity of two tokens; 0 when they are not the same word. */
export function tokenSimilarity(q: Token, c: Token, person: boolean): number {
  if (q.lattice || c.lattice) return latticePair(q, c);
  if (q.cls === 'number' || c.cls === 'number') return q.cls === c.cls && q.key === c.key ? 1 : 0;
  if (q.cls === 'initial' || c.cls === 'initial') return initialPair(q, c);
  // Short words of an organisation name are mostly acronyms, spelled letter by letter: a sound
  // alike is another name (PSI ≠ PCI, KSK ≠ KCK), so only the spelling counts.
  if (acronymPair(q, c, person)) return letterSpelling(q.ascii, c.ascii);
  if (q.key === c.key) return 1;
  if (q.alt?.includes(c.key) || c.alt?.includes(q.key) || q.alt?.some((a) => c.alt?.includes(a))) return 0.95;
  if (person && q.cls === 'word' && c.cls === 'word' && sameGivenName(q.key, c.key)) return 0.9;
  if ((q.skel === undefined) !== (c.skel === undefined)) {
    const s = skeletonPair(q, c);
    if (s > 0) return s;
  }
  return spelling(q, c);
}

/** Edit-distance similarity of two Latin tokens within the budget of the shorter one. */
export function spelling(q: Token, c: Token): number {
  const shorter = Math.min(q.ascii.length, c.ascii.length);
  const longer = Math.max(q.ascii.length, c.ascii.length);
  const budget = editBudget(shorter);
  const d = editDistance(q.key, c.key, budget);
  if (d <= budget) return 1 - d / Math.max(longer, 1);
  if (shorter >= 5 && q.key.length === c.key.length && isAnagram(q.key, c.key)) return 0.8;
  return 0;
}

/** Two different short words of organisation names, compared by their letters alone. */
export function acronymPair(q: Token, c: Token, person: boolean): boolean {
  return !person && q.ascii !== c.ascii && q.ascii.length <= 3 && c.ascii.length <= 3 && q.cls === 'word' && c.cls === 'word';
}

/** Edit-distance similarity of the letters as written (not their sound keys), within the budget. */
function letterSpelling(a: string, b: string): number {
  const budget = editBudget(Math.min(a.length, b.length));
  const d = editDistance(a, b, budget);
  return d <= budget ? 1 - d / Math.max(a.length, b.length, 1) : 0;
}

const letterCounts = new Int16Array(128);

/** Same letters in another order ("nitPu" = "Putin"), by a letter histogram. */
function isAnagram(a: string, b: string): boolean {
  let sumA = 0;
  let sumB = 0;
  for (let i = 0; i < a.length; i++) {
    sumA += a.charCodeAt(i);
    sumB += b.charCodeAt(i);
  }
  if (sumA !== sumB) return false;
  for (let i = 0; i < a.length; i++) letterCounts[a.charCodeAt(i) & 127]!++;
  let same = true;
  for (let i = 0; i < b.length; i++) if (--letterCounts[b.charCodeAt(i) & 127]! < 0) same = false;
  for (let i = 0; i < a.length; i++) letterCounts[a.charCodeAt(i) & 127] = 0;
  return same;
}

function initialPair(q: Token, c: Token): number {
  if (q.cls === 'initial' && c.cls === 'initial') return q.ascii === c.ascii ? 1 : 0;
  const initial = q.cls === 'initial' ? q : c;
  const word = q.cls === 'initial' ? c : q;
  if (word.cls !== 'word' && word.cls !== 'patronymic') return 0;
  return word.ascii[0] === initial.ascii ? 1 : 0;
}

function skeletonPair(q: Token, c: Token): number {
  const a = q.skel ?? skeleton(q.ascii);
  const b = c.skel ?? skeleton(c.ascii);
  const latin = q.skel === undefined ? q : c;
  // A one- or two-consonant skeleton says little: only for short words (علي = Ali).
  if (a.length < 2 || b.length < 2) return a && a === b && latin.ascii.length <= 4 ? 0.8 : 0;
  if (a.length === 2) return a === b && latin.ascii.length <= 5 ? 0.85 : 0;
  if (a === b) return 0.9;
  if (Math.min(a.length, b.length) >= 4 && editDistance(a, b, 1) <= 1) return 0.75;
  return 0;
}

function latticePair(q: Token, c: Token): number {
  if (q.lattice && c.lattice) {
    if (q.key === c.key) return 1;
    if (q.script === c.script && Math.min(q.key.length, c.key.length) >= 3 && editDistance(q.key, c.key, 1) <= 1) return 0.7;
    return 0;
  }
  const lat = q.lattice ? q : c;
  const latin = q.lattice ? c : q;
  return latticeToLatin(lat, latin.key, latin.ascii);
}

/** A lattice token against a Latin key (which may join several tokens): the best reading system. */
export function latticeToLatin(lat: Token, key: string, ascii: string): number {
  const budget = editBudget(ascii.length);
  let best = 0;
  for (const lattice of lat.lattice!) {
    const s = latticeSimilarity(lattice, key, budget);
    if (s > best) best = s;
    if (best === 1) return 1;
  }
  if (best > 0) return best;
  // Foreign names transcribed syllable by syllable (贝拉克 "bei-la-ke" = Barack): consonant skeletons.
  if (lat.script === 'han' && lat.lattice![0]!.length >= 3) {
    const a = skeleton(lat.ascii);
    const b = skeleton(ascii);
    if (a.length >= 3 && a === b) return 0.8;
  }
  return 0;
}

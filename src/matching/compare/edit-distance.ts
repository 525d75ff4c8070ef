/**
 * A weighted Damerau–Levenshtein distance for name keys: substituting one vowel for another
 * costs half (Osama/Usama, Laden/Ladin), everything else one, except a different first consonant,
 * which costs two (Jamal ≠ Kamal: a name's first letter is rarely the typo); an adjacent
 * transposition costs one. Stops early once the distance exceeds `max`.
 */

const VOWEL = new Uint8Array(128);
for (const v of 'aeiou') VOWEL[v.charCodeAt(0)] = 1;

function subCost(a: number, b: number): number {
  if (a === b) return 0;
  return a < 128 && b < 128 && VOWEL[a] === 1 && VOWEL[b] === 1 ? 0.5 : 1;
}

let prev2 = new Float64Array(64);
let prev = new Float64Array(64);
let curr = new Float64Array(64);

/** The distance between a and b, or a value above `max` as soon as it is certain to exceed it. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > max) return max + 1;
  if (n === 0) return m;
  if (m === 0) return n;
  // Under a budget below one edit, only vowel substitutions (½ each) can stay within it.
  if (max < 1) return n === m ? vowelOnly(a, b, max) : max + 1;
  if (m + 1 > curr.length) {
    prev2 = new Float64Array(m + 1);
    prev = new Float64Array(m + 1);
    curr = new Float64Array(m + 1);
  }
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    curr[0] = i;
    let rowMin = curr[0];
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= m; j++) {
      const cb = b.charCodeAt(j - 1);
      const sub = i === 1 && j === 1 && ca !== cb && !(VOWEL[ca] === 1 && VOWEL[cb] === 1) ? 2 : subCost(ca, cb);
      let v = Math.min(prev[j]! + 1, curr[j - 1]! + 1, prev[j - 1]! + sub);
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb && ca !== cb) {
        v = Math.min(v, prev2[j - 2]! + 1);
      }
      curr[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const t = prev2;
    prev2 = prev;
    prev = curr;
    curr = t;
  }
  return prev[m]!;
}

/** The distance of two equal-length strings that may differ in vowels only (else above max). */
function vowelOnly(a: string, b: string, max: number): number {
  let d = 0;
  for (let i = 0; i < a.length; i++) {
    const ca = a.charCodeAt(i);
    const cb = b.charCodeAt(i);
    if (ca === cb) continue;
    if (subCost(ca, cb) !== 0.5) return max + 1;
    d += 0.5;
    if (d > max) return max + 1;
  }
  return d;
}

/** Edits a token may differ by and still be the same name, by its length (short names must be exact). */
export function editBudget(length: number): number {
  if (length <= 3) return 0;
  if (length === 4) return 0.5;
  if (length <= 7) return 1;
  if (length <= 10) return 1.5;
  if (length <= 14) return 2;
  return 3;
}

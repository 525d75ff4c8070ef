/**
 * Matching a name written in syllables or characters (Han, Hangul, kana) against a Latin
 * spelling: each character has several readings (Mandarin, Sino-Korean, Japanese; RR and
 * McCune–Reischauer), and the best path through them is aligned to the Latin letters by
 * dynamic programming — 金正恩 ↔ "Kim Jong Un" takes the Korean readings, 山田太郎 ↔
 * "Yamada Taro" the Japanese ones, 习近平 ↔ "Xi Jinping" the Mandarin ones.
 */
import { editDistance } from './edit-distance.js';

/** Minimal edit cost to spell `target` by picking one reading per unit, in order. */
export function latticeDistance(units: readonly (readonly string[])[], target: string, max: number): number {
  const n = target.length;
  let dist = new Float64Array(n + 1).fill(Infinity);
  dist[0] = 0;
  for (const readings of units) {
    const next = new Float64Array(n + 1).fill(Infinity);
    for (let p = 0; p <= n; p++) {
      const base = dist[p]!;
      if (base > max) continue;
      for (const r of readings) {
        if (!r) continue;
        // Exact continuation first: the common case costs one startsWith.
        if (target.startsWith(r, p)) {
          const q = p + r.length;
          if (base < next[q]!) next[q] = base;
        }
        const lo = Math.max(p, p + r.length - 2);
        const hi = Math.min(n, p + r.length + 2);
        for (let q = lo; q <= hi; q++) {
          const c = base + editDistance(r, target.slice(p, q), max - base);
          if (c < next[q]!) next[q] = c;
        }
      }
    }
    dist = next;
  }
  return dist[n]!;
}

/** Similarity in [0, 1] of a lattice to a Latin key, with the edit budget of the target's length. */
export function latticeSimilarity(units: readonly (readonly string[])[], target: string, budget: number): number {
  if (!target) return 0;
  const d = latticeDistance(units, target, budget);
  if (d > budget) return 0;
  return 1 - d / Math.max(target.length, 1);
}

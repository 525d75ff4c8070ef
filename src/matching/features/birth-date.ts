/**
 * Birth dates: a shared full date is good evidence, a shared year some; dates that cannot be
 * the same person (years more than one apart — a year-only date is often "circa") weigh
 * against. FtM dates are ISO prefixes, so precision is their length.
 */
import type { FeatureResult } from './types.js';
import { NEUTRAL } from './types.js';

export function compareBirthDates(q: readonly string[], c: readonly string[]): FeatureResult {
  if (!q.length || !c.length) return NEUTRAL;
  let best: FeatureResult | undefined;
  for (const a of q) {
    for (const b of c) {
      const r = comparePair(a, b);
      if (!best || r.score! > best.score!) best = r;
    }
  }
  return best!;
}

function comparePair(a: string, b: string): FeatureResult {
  const ya = Number(a.slice(0, 4));
  const yb = Number(b.slice(0, 4));
  const precise = Math.min(a.length, b.length);
  if (a.slice(0, precise) === b.slice(0, precise)) {
    if (precise >= 10) return { score: 1, factor: 1, bonus: 0.05, decisive: false, detail: `same birth date ${a}` };
    if (precise >= 7) return { score: 0.9, factor: 1, bonus: 0.03, decisive: false, detail: `same birth month ${a.slice(0, 7)}` };
    return { score: 0.8, factor: 1, bonus: 0.02, decisive: false, detail: `same birth year ${a.slice(0, 4)}` };
  }
  if (ya === yb) return { score: 0.5, factor: 0.9, bonus: 0, decisive: false, detail: `same year, different day: ${a} vs ${b}` };
  if (Math.abs(ya - yb) <= 1 && (a.length === 4 || b.length === 4)) {
    return { score: 0.5, factor: 1, bonus: 0, decisive: false, detail: `birth years one apart (${a} vs ${b}), within circa` };
  }
  return { score: 0, factor: 0.7, bonus: 0, decisive: false, detail: `different birth dates: ${a} vs ${b}` };
}

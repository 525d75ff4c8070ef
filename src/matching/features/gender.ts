/** Gender: only a disagreement matters. */
import type { FeatureResult } from './types.js';
import { NEUTRAL } from './types.js';

export function compareGenders(q: readonly string[], c: readonly string[]): FeatureResult {
  if (!q.length || !c.length) return NEUTRAL;
  if (q.some((g) => c.includes(g))) return { score: 1, factor: 1, bonus: 0, decisive: false, detail: `same gender ${q[0]}` };
  return { score: 0, factor: 0.8, bonus: 0, decisive: false, detail: `different gender: ${q.join(', ')} vs ${c.join(', ')}` };
}

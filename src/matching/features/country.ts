/** Countries (nationality, citizenship, country, jurisdiction): overlap helps a little, disjoint sets hurt a little. */
import type { FeatureResult } from './types.js';
import { NEUTRAL } from './types.js';

export function compareCountries(q: readonly string[], c: readonly string[]): FeatureResult {
  if (!q.length || !c.length) return NEUTRAL;
  const shared = q.filter((x) => c.includes(x));
  if (shared.length) return { score: 1, factor: 1, bonus: 0.02, decisive: false, detail: `shared country ${shared.join(', ')}` };
  return { score: 0, factor: 0.9, bonus: 0, decisive: false, detail: `different countries: ${q.join(', ')} vs ${c.join(', ')}` };
}

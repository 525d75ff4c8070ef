/**
 * Identifiers: a shared strong identifier (INN, OGRN, IMO, passport, LEI, registration number…)
 * decides the match; identifiers of the same kind on both sides that all differ weigh against.
 * A query's generic `idNumber` is compared with every identifier of the candidate.
 */
import type { IdentifierValue } from '../entity/prepare-entity.js';
import type { FeatureResult } from './types.js';
import { NEUTRAL } from './types.js';

/** Identifiers too generic or too short to decide alone. */
const WEAK = new Set(['callSign', 'serialNumber', 'licenseNumber']);

export function compareIdentifiers(q: readonly IdentifierValue[], c: readonly IdentifierValue[]): FeatureResult {
  if (!q.length || !c.length) return NEUTRAL;
  for (const a of q) {
    for (const b of c) {
      if (a.norm !== b.norm) continue;
      const strong = !WEAK.has(a.prop) && !WEAK.has(b.prop) && a.norm.length >= 6;
      return {
        score: 1,
        factor: 1,
        bonus: strong ? 0 : 0.05,
        decisive: strong,
        detail: `same identifier ${b.raw} (${a.prop === b.prop ? a.prop : `${a.prop} = ${b.prop}`})`,
      };
    }
  }
  const sameKind = q.filter((a) => a.prop !== 'idNumber' && c.some((b) => b.prop === a.prop));
  if (sameKind.length) {
    const prop = sameKind[0]!.prop;
    return { score: 0, factor: 0.75, bonus: 0, decisive: false, detail: `different ${prop}: ${sameKind[0]!.raw} vs ${c.find((b) => b.prop === prop)!.raw}` };
  }
  return { score: null, factor: 1, bonus: 0, decisive: false, detail: 'no identifier of the same kind on both sides' };
}

/**
 * Company identifiers in trade and registry records, checked by their check digits so that a
 * mistyped number never becomes an entity key: Russian INN, OGRN/OGRNIP and the Chinese USCC,
 * after the rules (and their sources) in model/identifier-checks.ts.
 */
import { isValidInn, isValidOgrn, isValidUscc } from '../../model/index.js';

/** Digits of an identifier as written (`77 01 234567`, `7701-234567`). */
export function compactId(raw: string): string {
  return raw.replace(/[\s\-./\u00a0]/g, '').toUpperCase();
}

export type CompanyIdKind = 'inn' | 'ogrn' | 'uscc';

const VALIDATORS: Record<CompanyIdKind, (v: string) => boolean> = { inn: isValidInn, ogrn: isValidOgrn, uscc: isValidUscc };

const LABELS: Record<CompanyIdKind, string> = { inn: 'INN', ogrn: 'OGRN', uscc: 'USCC' };

export type CheckedCompanyId = { ok: true; kind: CompanyIdKind; value: string } | { ok: false; value: string; reason: string };

/**
 * The identifier, compacted, with its kind: the expected kind when its check holds, else
 * another kind whose check holds (a "tax id" column holds INNs and USCCs alike), else why it
 * is not valid.
 */
export function checkCompanyId(expected: CompanyIdKind | 'any', raw: string): CheckedCompanyId {
  const value = compactId(raw);
  const order: CompanyIdKind[] = expected === 'any' ? ['inn', 'ogrn', 'uscc'] : [expected, ...(['inn', 'ogrn', 'uscc'] as const).filter((k) => k !== expected)];
  for (const kind of order) if (VALIDATORS[kind](value)) return { ok: true, kind, value };
  const label = expected === 'any' ? 'identifier' : LABELS[expected];
  return { ok: false, value, reason: `${label} ${JSON.stringify(raw)} fails its check digits or length` };
}

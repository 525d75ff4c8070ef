/**
 * The digest of a bundle: sha1 over its sorted statements without their provenance, so that a
 * record that only moved within the file is not reported as modified. Shared by every store
 * so that diffs mean the same everywhere.
 */
import { createHash } from 'node:crypto';
import type { EntityBundle, Statement } from '../model/index.js';

export function statementKey(s: Pick<Statement, 'entityId' | 'schema' | 'prop' | 'value' | 'lang'>): string {
  return `${s.entityId}\u001f${s.schema}\u001f${s.prop}\u001f${s.value}\u001f${s.lang ?? ''}`;
}

export function bundleStatements(bundle: EntityBundle): Statement[] {
  const out = bundle.root.statements();
  for (const e of bundle.related) out.push(...e.statements());
  return out;
}

export function hashStatements(statements: readonly Statement[]): string {
  const keys = statements.map(statementKey).sort();
  const h = createHash('sha1');
  for (const k of keys) h.update(k).update('\n');
  return h.digest('hex');
}

/**
 * The digest of a bundle: sha1 over its sorted statements without their provenance, so that a
 * record that only moved within the file is not reported as modified. Shared by every store
 * so that diffs mean the same everywhere.
 */
import { hash } from 'node:crypto';
import type { EntityBundle, Statement } from '../model/index.js';

export function statementKey(s: Pick<Statement, 'entityId' | 'schema' | 'prop' | 'value' | 'lang'>): string {
  return `${s.entityId}\u001f${s.schema}\u001f${s.prop}\u001f${s.value}\u001f${s.lang ?? ''}`;
}

export function bundleStatements(bundle: EntityBundle): Statement[] {
  const out = bundle.root.statements();
  for (const e of bundle.related) out.push(...e.statements());
  return out;
}

/** The digest of statement keys (sorted here, in place): sha1 over each key followed by a newline. */
export function digestKeys(keys: string[]): string {
  keys.sort();
  // The joined text in one call hashes the same bytes as an update per key, far faster.
  return hash('sha1', keys.length ? `${keys.join('\n')}\n` : '', 'hex');
}

export function hashStatements(statements: readonly Statement[]): string {
  return digestKeys(statements.map(statementKey));
}

/** One entity's part of a bundle digest: its statement keys without the `entityId␟schema␟` head. */
export interface DigestGroup {
  entityId: string;
  schema: string;
  /** `prop␟value␟lang` per statement (sorted here, in place). */
  tails: string[];
}

const SEP = '\u001f';

/**
 * hashStatements over statements grouped by entity, for the bundle writer: sorting each
 * entity's short tails and then the entities gives the order of the full keys whenever the
 * heads differ and none holds the separator (then no head is a prefix of another); otherwise
 * the full keys are sorted.
 */
export function digestGroups(groups: DigestGroup[]): string {
  const heads = new Set<string>();
  let plain = true;
  for (const g of groups) {
    if (g.tails.length === 0) continue;
    const head = `${g.entityId}${SEP}${g.schema}${SEP}`;
    if (heads.has(head) || g.entityId.includes(SEP) || g.schema.includes(SEP)) plain = false;
    heads.add(head);
  }
  if (!plain) {
    const keys: string[] = [];
    for (const g of groups) for (const t of g.tails) keys.push(`${g.entityId}${SEP}${g.schema}${SEP}${t}`);
    return digestKeys(keys);
  }
  const parts: Array<[string, string]> = [];
  for (const g of groups) {
    if (g.tails.length === 0) continue;
    const head = `${g.entityId}${SEP}${g.schema}${SEP}`;
    g.tails.sort();
    parts.push([head, `${head}${g.tails.join(`\n${head}`)}\n`]);
  }
  parts.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  let text = '';
  for (const p of parts) text += p[1];
  return hash('sha1', text, 'hex');
}


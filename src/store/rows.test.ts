import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Entity } from '../model/index.js';
import type { EntityBundle, Statement } from '../model/index.js';
import { bundleStatements, hashStatements, statementKey } from './bundle-hash.js';
import { decodeStatements } from './entity-data.js';
import { flattenBundles, rowCounts, ROW_WIDTH } from './rows.js';

/** The digest as first written: sha1 with one update per sorted key and newline. */
function referenceDigest(statements: readonly Statement[]): string {
  const h = createHash('sha1');
  for (const k of statements.map(statementKey).sort()) h.update(k).update('\n');
  return h.digest('hex');
}

function bundle(rootId: string, relatedIds: string[] = [], extra: (root: Entity) => void = () => {}): EntityBundle {
  const root = new Entity('Person', rootId, { origin: 'f.csv:1', target: true });
  root.add('name', 'Ivan Petrov');
  root.add('alias', ['Petrov, Ivan', 'I. Petrov']);
  root.add('birthDate', '1960-01-01', { origin: 'f.csv:2' });
  extra(root);
  const related = relatedIds.map((id) => {
    const s = new Entity('Sanction', id, { origin: 'f.csv:1' });
    s.add('entity', rootId);
    s.add('program', ['SDGT', 'RUSSIA-EO14024']);
    return s;
  });
  return { root, related };
}

describe('flattenBundles', () => {
  it('gives the rows write() stored: one per entity with its statements in order, edges of entity-typed properties', () => {
    const b = bundle('p-1', ['p-1-sanction']);
    const rows = flattenBundles([b]);
    expect(rowCounts(rows)).toEqual({ bundles: 1, entities: 2, statements: 7, edges: 1 });
    const heads: unknown[] = [];
    const statements: Statement[] = [];
    for (let i = 0; i < rows.entities.length; i += ROW_WIDTH.entity) {
      const [id, rootId, schema, caption, target, data] = rows.entities.slice(i, i + ROW_WIDTH.entity) as [string, string, string, string, number, string];
      heads.push([id, rootId, schema, caption, target]);
      statements.push(...decodeStatements(id, schema, data));
    }
    expect(heads).toEqual([['p-1', 'p-1', 'Person', 'Ivan Petrov', 1], ['p-1-sanction', 'p-1', 'Sanction', 'SDGT', 0]]);
    expect(statements).toEqual(bundleStatements(b));
    // The record's origin once, the other one by its index.
    expect(rows.entities[5]).toBe('[["f.csv:1","f.csv:2"],["name","Ivan Petrov"],["alias","Petrov, Ivan","I. Petrov"],["birthDate",["1960-01-01",1]]]');
    expect(rows.edges).toEqual(['p-1-sanction', 'Sanction', 'entity', 'p-1']);
    expect(rows.bundles).toEqual(['p-1', 'Person', 'Ivan Petrov', 1, hashStatements(bundleStatements(b))]);
  });

  it('keeps the digest of the first implementation, whatever the entity ids', () => {
    const cases: EntityBundle[] = [
      bundle('p-1', ['p-1-sanction']),
      // Ids that are prefixes of each other, and ids sorting before and after the root.
      bundle('a', ['a-x', 'a\u0000', 'A', 'a-']),
      // A separator inside an id, and two entities with the same id: the general path.
      bundle('odd\u001fid', ['odd']),
      bundle('dup', ['dup-s', 'dup-s']),
      // No statements at all on a related entity; a value with a newline.
      { root: new Entity('Company', 'c-1', { target: true }), related: [new Entity('Address', 'c-1-addr')] },
      bundle('n-1', [], (root) => root.add('notes', 'line one\nline two')),
    ];
    const sameId = new Entity('Sanction', 'dup-s');
    sameId.add('program', 'OTHER');
    cases[3]!.related[1] = sameId;
    for (const b of cases) {
      const [, , , , digest] = flattenBundles([b]).bundles;
      expect({ root: b.root.id, digest }).toEqual({ root: b.root.id, digest: referenceDigest(bundleStatements(b)) });
      expect(hashStatements(bundleStatements(b))).toBe(digest);
    }
  });

  it('does not depend on the order of values or entities', () => {
    const a = bundle('p-2', ['p-2-s1', 'p-2-s2']);
    const b = bundle('p-2', ['p-2-s2', 'p-2-s1']);
    b.root.remove('alias');
    b.root.add('alias', ['I. Petrov', 'Petrov, Ivan'], { origin: 'elsewhere:9' });
    expect(flattenBundles([a]).bundles[4]).toBe(flattenBundles([b]).bundles[4]);
  });
});

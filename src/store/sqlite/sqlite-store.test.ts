import { describe, expect, it } from 'vitest';
import { runStoreContract } from '../contract.test-suite.js';
import { BUNDLE_STATEMENTS_SQL, SqliteStore } from './sqlite-store.js';

runStoreContract('sqlite', async () => new SqliteStore(':memory:'));

describe('SqliteStore query plans', () => {
  it("bundleStatements finds the roots' entities through entity_by_root, not by reading every entity of the version", async () => {
    const store = new SqliteStore(':memory:');
    try {
      const plan = (store.db.prepare(`EXPLAIN QUERY PLAN ${BUNDLE_STATEMENTS_SQL}`).all(1, '["a"]', 1) as Array<{ detail: string }>).map((r) => r.detail);
      expect(plan).toContain('SEARCH entity USING INDEX entity_by_root (version_id=? AND root_id=?)');
      expect(plan).toContain('SEARCH f USING INDEX entity_by_id (id=? AND version_id=?)');
      expect(plan.filter((d) => /^SCAN (entity|f)\b/.test(d) || /USING PRIMARY KEY/.test(d))).toEqual([]);
    } finally {
      await store.close();
    }
  });
});

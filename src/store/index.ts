/** The store: the contract, its SQLite implementation, and `openStore` to pick one by location. */
import { SqliteStore } from './sqlite/sqlite-store.js';
import type { Store } from './types.js';

export type {
  ApiKeyRecord, AuditQuery, AuditRecord, BundleDigest, BundleStatement, EntityRecord, IterateOptions, Judgement, JudgementValue, Reference, Store,
  StoredStatement, VersionFile, VersionInfo, VersionMeta, VersionWriter,
} from './types.js';
export { hashStatements, statementKey } from './bundle-hash.js';
export { emptyRows, flattenBundles, rowCounts, ROW_WIDTH } from './rows.js';
export type { VersionRows } from './rows.js';
export { SqliteStore } from './sqlite/sqlite-store.js';

/** Opens the store at a location: a SQLite file path (default) or, later, a postgres:// URL. */
export async function openStore(location: string): Promise<Store> {
  if (/^postgres(ql)?:\/\//i.test(location)) {
    throw new Error('PostgreSQL is not supported yet');
  }
  return new SqliteStore(location);
}

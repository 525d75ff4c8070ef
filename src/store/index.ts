/** The store: the contract, its SQLite and PostgreSQL implementations, and `openStore` to pick one by location. */
import { isPostgresLocation } from './postgres/connection.js';
import { PostgresStore } from './postgres/postgres-store.js';
import { SqliteStore } from './sqlite/sqlite-store.js';
import type { Store } from './types.js';

export type {
  ApiKeyRecord, AuditQuery, AuditRecord, BundleDigest, BundleStatement, EntityRecord, IterateOptions, JobEnd, JobRecord, JobStatus, Judgement, JudgementValue,
  Reference, Store, StoredStatement, VersionFile, VersionInfo, VersionMeta, VersionWriter,
} from './types.js';
export { hashStatements, statementKey } from './bundle-hash.js';
export { emptyRows, flattenBundles, rowCounts, ROW_WIDTH } from './rows.js';
export type { VersionRows } from './rows.js';
export { SqliteStore } from './sqlite/sqlite-store.js';
export { PostgresStore } from './postgres/postgres-store.js';
export type { PostgresStoreOptions } from './postgres/postgres-store.js';

/**
 * Opens the store at a location: a postgres:// or postgresql:// URL (`?schema=name` to work in
 * a schema of its own), else a SQLite file path.
 */
export async function openStore(location: string): Promise<Store> {
  if (isPostgresLocation(location)) return PostgresStore.open(location);
  return new SqliteStore(location);
}

/**
 * A PostgreSQL location (`postgres://user:pass@host:port/db?schema=name`) turned into pool
 * settings, and a description of it that is safe to print. `schema` is ours, not libpq's: the
 * store's tables live in that schema (created if missing) through the connections' search_path.
 */
import { usageError } from '../../model/index.js';

export interface PgLocation {
  /** The URL for `pg` (without our own parameters). */
  connectionString: string;
  /** The schema to work in, or null for the server's default search_path. */
  schema: string | null;
  /** The URL without password or secrets. */
  safe: string;
}

/** Parameters that carry secrets (libpq's names); removed from the printable location. */
const SECRET_PARAMS = new Set(['password', 'sslpassword', 'sslkey', 'sslcert', 'sslrootcert']);

/** An identifier that needs no quoting anywhere it is used (search_path, CREATE SCHEMA). */
export const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export const isPostgresLocation = (location: string): boolean => /^postgres(ql)?:\/\//i.test(location);

export function parseLocation(location: string): PgLocation {
  let url: URL;
  try {
    url = new URL(location);
  } catch {
    throw usageError(`not a valid PostgreSQL URL: ${redactUnparsed(location)}`, 'db_location');
  }
  const schema = url.searchParams.get('schema');
  if (schema !== null && !SCHEMA_NAME.test(schema)) {
    throw usageError(`the schema in the PostgreSQL URL must be a lower-case identifier (a-z, 0-9, _), not "${schema}"`, 'db_location');
  }
  url.searchParams.delete('schema');
  const connectionString = url.toString();
  const safe = new URL(location);
  safe.password = '';
  for (const key of [...safe.searchParams.keys()]) if (SECRET_PARAMS.has(key.toLowerCase())) safe.searchParams.delete(key);
  return { connectionString, schema, safe: safe.toString() };
}

/** A URL that did not parse: everything between `//` and the last `@` may hold a password. */
function redactUnparsed(location: string): string {
  return location.replace(/\/\/[^/]*@/, '//***@');
}

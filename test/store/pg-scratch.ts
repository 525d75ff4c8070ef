/**
 * PostgreSQL for tests: $ENDTRACE_TEST_PG (CI sets it, see .ci/run) and a scratch schema per
 * store, dropped afterwards. Without the variable the suites skip and say why.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe } from 'vitest';

export const TEST_PG = process.env.ENDTRACE_TEST_PG ?? '';

/** `describe` when $ENDTRACE_TEST_PG is set; otherwise a skipped suite that says why. */
export const describePg: typeof describe = ((name: string, fn: () => void) => {
  if (TEST_PG) return describe(name, fn);
  return describe.skip(`${name} [skipped: ENDTRACE_TEST_PG is not set; set it to a PostgreSQL URL, e.g. postgres://endtrace:endtrace@127.0.0.1:5432/endtrace_test]`, fn);
}) as typeof describe;

/** A schema name no other test uses. */
export const scratchSchema = (prefix = 't'): string => `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;

/** $ENDTRACE_TEST_PG working in `schema`. */
export function pgUrl(schema: string): string {
  const url = new URL(TEST_PG);
  url.searchParams.set('schema', schema);
  return url.toString();
}

/** Drops the schemas and everything in them. */
export async function dropSchemas(schemas: readonly string[]): Promise<void> {
  if (!schemas.length) return;
  const client = new pg.Client({ connectionString: TEST_PG });
  await client.connect();
  try {
    for (const s of schemas) await client.query(`DROP SCHEMA IF EXISTS ${pg.escapeIdentifier(s)} CASCADE`);
  } finally {
    await client.end();
  }
}

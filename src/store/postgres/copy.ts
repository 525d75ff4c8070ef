/** COPY … FROM STDIN in PostgreSQL's text format (pg-copy-streams), for bulk rows. */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/** A value in COPY's text format: `\N` for null; backslash, newline, return and tab escaped. */
export function copyText(v: string | null | undefined): string {
  if (v === null || v === undefined) return '\\N';
  return COPY_SPECIAL.test(v) ? v.replace(COPY_SPECIALS, (ch) => COPY_ESCAPES[ch]!) : v;
}

const COPY_SPECIAL = /[\\\n\r\t]/;
const COPY_SPECIALS = /[\\\n\r\t]/g;
const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** COPY data is sent in chunks of about this many characters. */
export const COPY_CHUNK = 1 << 20;

/** COPY … FROM STDIN of text-format lines; a server error rejects. */
export async function copyRows(client: PoolClient, sql: string, lines: Iterable<string>): Promise<void> {
  await pipeline(Readable.from(lines, { objectMode: false }), client.query(copyFrom(sql)));
}

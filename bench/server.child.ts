/**
 * Preparation steps of server.bench.ts, each in its own process, on the built code (dist/):
 *   load DATA_DIR STORE          every list under DATA_DIR into STORE (a SQLite path or a postgres:// URL)
 *   queries STORE OUT N          N benchmark queries made from the names of the loaded targets
 *   drop-schema PG_URL SCHEMA    removes a scratch PostgreSQL schema
 * Prints one JSON line (lib/measure.ts reportChild).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import type * as Service from '../src/service/index.js';
import type * as StoreApi from '../src/store/index.js';
import { REPO_ROOT, reportChild } from './lib/measure.js';
import { makeQueries } from './query-generator.js';

const dist = (path: string) => pathToFileURL(join(REPO_ROOT, 'dist', path)).href;

async function load(dataDir: string, location: string) {
  const { loadLists } = (await import(dist('service/index.js'))) as typeof Service;
  const { openStore } = (await import(dist('store/index.js'))) as typeof StoreApi;
  const store = await openStore(location);
  try {
    const t0 = performance.now();
    await loadLists(store, dataDir, {});
    return { wallMs: performance.now() - t0 };
  } finally {
    await store.close();
  }
}

async function queries(location: string, out: string, n: number) {
  const { openStore } = (await import(dist('store/index.js'))) as typeof StoreApi;
  const store = await openStore(location);
  const names: Array<{ id: string; name: string; schema: string }> = [];
  try {
    for await (const batch of store.iterateEntities({ targetOnly: true, batchSize: 2000 })) {
      for (const e of batch) if (e.caption) names.push({ id: e.id, name: e.caption, schema: e.schema.name });
    }
  } finally {
    await store.close();
  }
  names.sort((a, b) => a.id.localeCompare(b.id));
  writeFileSync(out, JSON.stringify(makeQueries(names, n)));
  return { names: names.length, queries: n };
}

async function dropSchema(url: string, schema: string) {
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`not a scratch schema name: ${schema}`);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
  return { dropped: schema };
}

const [mode, ...args] = process.argv.slice(2);
if (mode === 'load') reportChild(await load(args[0]!, args[1]!));
else if (mode === 'queries') reportChild(await queries(args[0]!, args[1]!, Number(args[2])));
else if (mode === 'drop-schema') reportChild(await dropSchema(args[0]!, args[1]!));
else throw new Error('usage: server.child.ts load|queries|drop-schema …');

/**
 * Migration 3 (statement rows → entity rows) keeps a user's store: versions written in the old
 * layout, once migrated, read exactly as the same versions written by the new writers —
 * entities with their provenance, iteration, references, digests, bundle statements, counts —
 * and a version written after the migration diffs against one written before it (unchanged
 * records keep their digest). SQLite always; PostgreSQL with $ENDTRACE_TEST_PG.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Entity } from '../../src/model/index.js';
import type { EntityBundle } from '../../src/model/index.js';
import { diffLists } from '../../src/service/index.js';
import { PostgresStore, SqliteStore } from '../../src/store/index.js';
import { PG_MIGRATIONS } from '../../src/store/postgres/migrations.js';
import { SQLITE_MIGRATIONS } from '../../src/store/sqlite/migrations.js';
import type { Store, VersionMeta } from '../../src/store/index.js';
import { tempDir } from '../cli/run-cli.js';
import { describePg, dropSchemas, scratchSchema, TEST_PG } from './pg-scratch.js';
import { writeOldPostgres, writeOldSqlite } from './old-layout.js';
import type { OldVersion } from './old-layout.js';

const meta = (source: string, version: string): VersionMeta => ({
  source, version, published: version, checksum: `${source}-${version}`, format: 'ftm-json', files: [{ role: 'main', name: 'x.json', sha256: 'x', bytes: 1 }],
});

function company(id: string, name: string, origin: string, extra: (e: Entity) => void = () => {}): EntityBundle {
  const root = new Entity('Company', id, { origin, target: true });
  root.add('name', name);
  extra(root);
  const sanction = new Entity('Sanction', `${id}-sanction`, { origin });
  sanction.add('entity', id);
  sanction.add('program', ['RUSSIA-EO14024', 'SDGT']);
  // The same address in two records of a version: two writes of one id.
  const address = new Entity('Address', 'addr-shared', { origin });
  address.add('full', `${name} street 1`);
  return { root, related: [sanction, address] };
}

function person(id: string, origin: string): EntityBundle {
  const root = new Entity('Person', id, { origin, target: true });
  root.add('name', 'Ivan Petrov');
  root.add('name', 'Иван Петров', { lang: 'rus', origin: `${origin}#alt` });
  root.add('alias', 'I. Petrov', { origin: 'elsewhere.csv:9' });
  root.add('birthDate', '1960-01-01');
  root.add('notes', `<script>'"\\\ttab\nline`);
  const link = new Entity('UnknownLink', `${id}-link`, { origin });
  link.add('subject', id);
  link.add('object', 'c-1');
  link.add('role', 'Director');
  // An entity without any value.
  const empty = new Entity('Address', `${id}-nowhere`);
  return { root, related: [link, empty] };
}

/** Two versions of one list (the second modifying a record and adding one), and another list sharing an id. */
function history(): OldVersion[] {
  return [
    { meta: meta('mig-src', '2024-01-01'), bundles: [company('c-1', 'Alpha', 'a.csv:1'), company('c-2', 'Beta', 'a.csv:2'), person('p-1', 'a.csv:3')], activate: true },
    {
      meta: meta('mig-src', '2024-02-01'),
      bundles: [company('c-1', 'Alpha', 'b.csv:1'), company('c-2', 'Beta', 'b.csv:2', (e) => e.add('innCode', '7701234567')), person('p-1', 'b.csv:3'), company('c-3', 'Gamma', 'b.csv:4'), company('c-1', 'Alpha again', 'b.csv:5')],
      activate: true,
    },
    { meta: meta('other-src', '2024-01-15'), bundles: [company('c-1', 'Alpha Trading', 'o.csv:1', (e) => e.add('country', 'ru'))], activate: true },
  ];
}

const NEXT = (): OldVersion => ({
  meta: meta('mig-src', '2024-03-01'),
  bundles: [company('c-1', 'Alpha', 'c.csv:1'), company('c-2', 'Beta renamed', 'c.csv:2'), person('p-1', 'c.csv:3'), company('c-3', 'Gamma', 'c.csv:4'), company('c-1', 'Alpha again', 'c.csv:5')],
  activate: true,
});

async function write(store: Store, v: OldVersion): Promise<void> {
  const w = await store.beginVersion(v.meta);
  await w.write(v.bundles);
  await w.commit({ activate: v.activate });
}

const IDS = ['c-1', 'c-2', 'c-3', 'p-1', 'c-1-sanction', 'c-2-sanction', 'c-3-sanction', 'addr-shared', 'p-1-link', 'p-1-nowhere', 'nope'];
const sortJson = (xs: readonly unknown[]) => xs.map((x) => JSON.stringify(x)).sort();

/** Everything the contract reads, keyed by names rather than ids of the store. */
async function snapshot(store: Store): Promise<unknown> {
  const versions = await store.versions();
  const out: Record<string, unknown> = {};
  out.versions = versions.map(({ id: _, loadedAt: __, ...rest }) => rest);
  for (const v of versions) {
    const digests = await store.digests(v.id);
    out[`digests ${v.source}@${v.version}`] = sortJson(digests);
    out[`statements ${v.source}@${v.version}`] = sortJson(await store.bundleStatements(v.id, digests.map((d) => d.rootId)));
    out[`count ${v.source}@${v.version}`] = await store.countStatements({ versionId: v.id });
  }
  for (const id of IDS) {
    const rec = await store.getEntity(id);
    out[`entity ${id}`] = rec ? { ...rec, entity: rec.entity.toFtM(), values: rec.entity.props().map((p) => [p, rec.entity.values(p)]) } : null;
    out[`references ${id}`] = await store.references(id);
  }
  const iterate = async (opts: Parameters<Store['iterateEntities']>[0]) => {
    const seen: unknown[] = [];
    for await (const batch of store.iterateEntities({ ...opts, batchSize: 3 })) for (const e of batch) seen.push([e.toFtM(), e.props().map((p) => e.values(p))]);
    return seen;
  };
  out.iterateAll = await iterate({});
  out.iterateTargets = await iterate({ targetOnly: true });
  out.iterateOther = await iterate({ sources: ['other-src'], targetOnly: true });
  out.iterateAddresses = await iterate({ schemata: ['Address'] });
  for (const filter of [{}, { props: ['name', 'alias'] }, { originLike: 'b.csv:%' }, { source: 'other-src', originLike: '%#alt' }, { props: ['name'], originLike: 'a.csv:3#alt' }]) {
    out[`count ${JSON.stringify(filter)}`] = await store.countStatements(filter);
  }
  return out;
}

async function expectSame(migrated: Store, reference: Store): Promise<void> {
  const before = await snapshot(migrated);
  expect(before).toEqual(await snapshot(reference));
  // A version written after the migration diffs against one written before it.
  await write(migrated, NEXT());
  await write(reference, NEXT());
  const diff = await diffLists(migrated, 'mig-src', { details: true });
  expect(diff).toEqual(await diffLists(reference, 'mig-src', { details: true }));
  expect({ from: diff.from, to: diff.to, added: diff.added, removed: diff.removed, modified: diff.modified }).toEqual({
    from: '2024-02-01', to: '2024-03-01', added: [], removed: [], modified: ['c-2'],
  });
  expect((await migrated.getEntity('c-2'))?.lastChange).toBe('2024-03-01');
  expect((await migrated.getEntity('p-1'))?.lastChange).toBe('2024-01-01');
  expect(await snapshot(migrated)).toEqual(await snapshot(reference));
}

describe('migration 3 on SQLite: statement rows become entity rows', () => {
  const tmp = tempDir('migrate-sqlite');
  afterAll(() => tmp.remove());

  it('reads an old store exactly as the same versions written now', async () => {
    const path = join(tmp.dir, 'old.db');
    writeOldSqlite(path, history());
    const migrated = new SqliteStore(path);
    const reference = new SqliteStore(':memory:');
    try {
      expect((migrated.db.prepare('SELECT id FROM schema_migrations ORDER BY id').all() as Array<{ id: number }>).map((r) => r.id)).toEqual(SQLITE_MIGRATIONS.map((m) => m.id));
      expect(migrated.db.prepare("SELECT name FROM sqlite_schema WHERE name IN ('statement', 'entity_v1', 'edge_v1')").all()).toEqual([]);
      for (const v of history()) await write(reference, v);
      await expectSame(migrated, reference);
    } finally {
      await migrated.close();
      await reference.close();
    }
    // Opened again, nothing is migrated twice.
    const again = new SqliteStore(path);
    try {
      expect((await again.getEntity('c-1'))?.datasets).toEqual(['mig-src', 'other-src']);
    } finally {
      await again.close();
    }
  });
});

describePg('migration 3 on PostgreSQL: statement rows become entity rows', () => {
  const schemas: string[] = [];
  afterAll(() => dropSchemas(schemas));

  it('reads an old store exactly as the same versions written now', async () => {
    const [old, fresh] = [scratchSchema('mig_old'), scratchSchema('mig_new')];
    schemas.push(old, fresh);
    const setup = await PostgresStore.open(TEST_PG, { schema: fresh });
    // An old store: its own schema, set up through a connection of the fresh store's pool.
    const client = await setup.pool.connect();
    try {
      await client.query(`CREATE SCHEMA ${old}; SET search_path = ${old}`);
      await writeOldPostgres(client, old, history());
      await client.query('RESET search_path');
    } finally {
      client.release(true);
    }
    const migrated = await PostgresStore.open(TEST_PG, { schema: old });
    try {
      expect((await migrated.pool.query<{ id: number }>('SELECT id FROM schema_migrations ORDER BY id')).rows.map((r) => r.id)).toEqual(PG_MIGRATIONS.map((m) => m.id));
      expect((await migrated.pool.query("SELECT 1 FROM information_schema.tables WHERE table_schema = $1 AND table_name IN ('statement', 'entity_v1')", [old])).rowCount).toBe(0);
      for (const v of history()) await write(setup, v);
      await expectSame(migrated, setup);
    } finally {
      await migrated.close();
      await setup.close();
    }
  });
});

import { afterAll, describe, expect, it } from 'vitest';
import { describePg, dropSchemas, pgUrl, scratchSchema, TEST_PG } from '../../../test/store/pg-scratch.js';
import { Entity } from '../../model/index.js';
import type { EntityBundle } from '../../model/index.js';
import { runStoreContract } from '../contract.test-suite.js';
import { flattenBundles, openStore } from '../index.js';
import type { VersionMeta } from '../index.js';
import { PG_MIGRATIONS } from './migrations.js';
import { jsonbText } from './postgres-admin.js';
import { PostgresStore } from './postgres-store.js';

const meta = (version: string, source = 'pg-src'): VersionMeta => ({
  source, version, published: version, checksum: `sum-${version}`, format: 'ftm-json', files: [{ role: 'main', name: 'x.json', sha256: 'x', bytes: 1 }],
});

function company(id: string, name: string): EntityBundle {
  const root = new Entity('Company', id, { origin: 'pg.csv:1', target: true });
  root.add('name', name);
  return { root, related: [] };
}

describePg('PostgresStore', () => {
  const schemas: string[] = [];
  afterAll(() => dropSchemas(schemas));
  const schemaFor = (prefix: string) => {
    const schema = scratchSchema(prefix);
    schemas.push(schema);
    return schema;
  };
  const fresh = async (): Promise<PostgresStore> => PostgresStore.open(TEST_PG, { schema: schemaFor('contract') });

  runStoreContract('postgres', fresh);

  describe('beyond the contract', () => {
    it('opens through openStore, and its location names no password', async () => {
      const schema = schemaFor('open');
      const store = await openStore(pgUrl(schema));
      try {
        expect(store.kind).toBe('postgres');
        const url = new URL(TEST_PG);
        expect(store.location).toBe(`postgres://${url.username}@${url.host}${url.pathname}?schema=${schema}`);
        expect(store.location).not.toContain(`:${url.password}@`);
      } finally {
        await store.close();
      }
    });

    it('applies each migration once when several processes open a new schema at once', async () => {
      const schema = schemaFor('migrate');
      const stores = await Promise.all(Array.from({ length: 4 }, () => PostgresStore.open(TEST_PG, { schema })));
      try {
        const rows = (await stores[0]!.pool.query<{ id: number }>('SELECT id FROM schema_migrations ORDER BY id')).rows;
        expect(rows.map((r) => r.id)).toEqual(PG_MIGRATIONS.map((m) => m.id));
      } finally {
        await Promise.all(stores.map((s) => s.close()));
      }
    });

    it('a write the server refuses fails the version, and the store is as before and usable', async () => {
      const store = await fresh();
      try {
        const w1 = await store.beginVersion(meta('2024-01-01'));
        await w1.write([company('c-1', 'Alpha')]);
        await w1.commit({ activate: true });
        const w2 = await store.beginVersion(meta('2024-02-01'));
        await w2.write([company('c-2', 'Beta')]);
        // PostgreSQL's text cannot hold U+0000 (the model strips it; raw rows can carry it).
        const rows = flattenBundles([company('c-3', 'Gamma')]);
        rows.entities[0] = 'c-\u00003';
        await expect(w2.writeRows(rows)).rejects.toThrow(/0x00/);
        await w2.abort();
        expect((await store.versions()).map((v) => v.version)).toEqual(['2024-01-01']);
        expect(await store.getEntity('c-2')).toBeNull();
        const w3 = await store.beginVersion(meta('2024-02-01'));
        await w3.write([company('c-2', 'Beta')]);
        expect((await w3.commit({ activate: true })).entities).toBe(1);
        expect((await store.getEntity('c-2'))?.entity.caption).toBe('Beta');
      } finally {
        await store.close();
      }
    });

    it('stores values with the characters COPY escapes verbatim', async () => {
      const store = await fresh();
      try {
        const raw = ['back\\slash', 'tab\there', '\\N', '\\.', 'line one\nline two\r\nthree', '"quoted",comma'];
        // Raw values: the model would normalise whitespace in a name; the store must not change anything.
        const bundle = company('c-esc', 'plain');
        for (const value of raw) bundle.root.addRaw('notes', value, 'pg.csv:\\2\t');
        const rows = flattenBundles([bundle]);
        const w = await store.beginVersion(meta('2024-01-01'));
        await w.writeRows(rows);
        await w.commit({ activate: true });
        const rec = (await store.getEntity('c-esc'))!;
        expect(rec.entity.get('notes')).toEqual(raw);
        expect(rec.statements.filter((s) => s.prop === 'notes').map((s) => [s.lang, s.origin])).toEqual(raw.map(() => [null, 'pg.csv:\\2\t']));
      } finally {
        await store.close();
      }
    });

    it('keeps exactly one active version when loaders of one source commit at once', async () => {
      const schema = schemaFor('race');
      const stores = await Promise.all(Array.from({ length: 4 }, () => PostgresStore.open(TEST_PG, { schema })));
      try {
        const writers = await Promise.all(stores.map((s, i) => s.beginVersion(meta(`2024-0${i + 1}-01`))));
        await Promise.all(writers.map((w, i) => w.write([company('c-1', `Alpha ${i}`)])));
        const infos = await Promise.all(writers.map((w) => w.commit({ activate: true })));
        expect(infos.every((i) => i.active)).toBe(true);
        const active = await stores[0]!.activeVersions();
        expect(active).toHaveLength(1);
        // The last to commit holds the source: its name is the one getEntity assembles.
        const caption = (await stores[0]!.getEntity('c-1'))!.entity.caption;
        expect(caption).toBe(`Alpha ${Number(active[0]!.version.slice(6, 7)) - 1}`);
        expect(await stores[0]!.versions('pg-src')).toHaveLength(4);
      } finally {
        await Promise.all(stores.map((s) => s.close()));
      }
    });

    it('writes versions of two sources at the same time on one store', async () => {
      const store = await fresh();
      try {
        const [a, b] = await Promise.all([store.beginVersion(meta('2024-01-01', 'src-a')), store.beginVersion(meta('2024-01-01', 'src-b'))]);
        await Promise.all([a.write([company('a-1', 'Alpha')]), b.write([company('b-1', 'Beta')])]);
        await Promise.all([a.commit({ activate: true }), b.commit({ activate: true })]);
        expect((await store.activeVersions()).map((v) => v.source)).toEqual(['src-a', 'src-b']);
      } finally {
        await store.close();
      }
    });

    it('close() aborts an unfinished version instead of waiting for it', async () => {
      const schema = schemaFor('close');
      const store = await PostgresStore.open(TEST_PG, { schema });
      const w = await store.beginVersion(meta('2024-01-01'));
      await w.write([company('c-1', 'Alpha')]);
      await store.close();
      const again = await PostgresStore.open(TEST_PG, { schema });
      try {
        expect(await again.versions()).toEqual([]);
      } finally {
        await again.close();
      }
    });

    it('an analyst judgement survives automatic ones racing it', async () => {
      const store = await fresh();
      try {
        const j = (origin: 'analyst' | 'auto', judgement: 'positive' | 'negative') => ({ left: 'x', right: 'y', judgement, origin, score: null, user: null, createdAt: '2026-01-01T00:00:00Z' });
        await Promise.all([...Array.from({ length: 8 }, () => store.putJudgement(j('auto', 'positive'))), store.putJudgement(j('analyst', 'negative'))]);
        expect(await store.getJudgement('y', 'x')).toMatchObject({ origin: 'analyst', judgement: 'negative' });
      } finally {
        await store.close();
      }
    });

    it('keeps an audit record whose query holds U+0000 (JSONB cannot: it becomes U+FFFD)', async () => {
      const store = await fresh();
      try {
        const rec = { id: 'n1', at: '2026-01-01T00:00:00Z', action: 'match', principal: 'local', query: { name: 'a\u0000b', 'k\u0000': '\\u0000' }, results: [{ id: 'ofac-1' }], algorithm: 'a', lists: {}, params: {} };
        await store.appendAudit([rec]);
        expect((await store.getAudit('n1'))?.query).toEqual({ name: 'a\ufffdb', 'k\ufffd': '\\u0000' });
        expect((await store.queryAudit({ entity: 'ofac-1', limit: 5, offset: 0 })).map((r) => r.id)).toEqual(['n1']);
        expect(await store.queryAudit({ entity: 'ofac', limit: 5, offset: 0 })).toEqual([]);
      } finally {
        await store.close();
      }
    });
  });
});

describe('PostgreSQL location', () => {
  it('refuses a schema that is not a plain identifier', async () => {
    await expect(openStore('postgres://u:secret@127.0.0.1:1/db?schema=a;drop')).rejects.toMatchObject({ kind: 'usage', code: 'db_location' });
  });

  it('reports an unreachable server as one line without the password', async () => {
    const err = (await openStore('postgresql://someone:s3cret@127.0.0.1:1/db').catch((e: unknown) => e)) as Error;
    expect(err).toMatchObject({ kind: 'input', code: 'db_unavailable' });
    expect(err.message).toMatch(/^cannot open the PostgreSQL store at postgresql:\/\/someone@127\.0\.0\.1:1\/db: .*ECONNREFUSED/);
    expect(err.message).not.toContain('s3cret');
  });

  it('escapes U+0000 for JSONB, and only a real escape', () => {
    expect(jsonbText({ a: 'x\u0000y' })).toBe('{"a":"x\\ufffdy"}');
    expect(jsonbText({ a: '\\u0000' })).toBe('{"a":"\\\\u0000"}');
    expect(jsonbText({ a: '\\\u0000' })).toBe('{"a":"\\\\\\ufffd"}');
    expect(jsonbText(undefined)).toBe('null');
  });
});

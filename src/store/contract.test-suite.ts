/**
 * The Store contract, run against every implementation (hono's runTest({ newRouter }) pattern):
 * `runStoreContract('sqlite', () => new SqliteStore(':memory:'))`.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Entity } from '../model/index.js';
import type { EntityBundle } from '../model/index.js';
import { flattenBundles } from './rows.js';
import type { JobRecord, Store, VersionMeta } from './types.js';

function company(id: string, name: string, extra: Record<string, string[]> = {}): EntityBundle {
  const root = new Entity('Company', id, { origin: `test.csv:${id.length}`, target: true });
  root.add('name', name);
  for (const [k, v] of Object.entries(extra)) root.add(k, v);
  const sanction = new Entity('Sanction', `${id}-sanction`, { origin: 'test.csv:1' });
  sanction.add('entity', id);
  sanction.add('program', 'TEST-PROGRAM');
  return { root, related: [sanction] };
}

function link(from: string, to: string): EntityBundle {
  const root = new Entity('Person', from, { origin: 'test.csv:9', target: true });
  root.add('name', 'Ivan Testov');
  const l = new Entity('UnknownLink', `${from}-link-${to}`, { origin: 'test.csv:9' });
  l.add('subject', from);
  l.add('object', to);
  l.add('role', 'Linked To');
  return { root, related: [l] };
}

const meta = (version: string, checksum: string, source = 'test-src'): VersionMeta => ({
  source,
  version,
  published: version,
  checksum,
  format: 'ftm-json',
  files: [{ role: 'main', name: 'test.json', sha256: checksum, bytes: 10 }],
});

export function runStoreContract(name: string, newStore: () => Promise<Store>): void {
  describe(`Store contract: ${name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await newStore();
    });
    afterEach(async () => {
      await store.close();
    });

    it('writes a version, activates it, and assembles entities with provenance', async () => {
      const w = await store.beginVersion(meta('2024-01-01', 'aaa'));
      await w.write([company('c-1', 'Alpha Trading LLC', { innCode: ['7701234567'] }), company('c-2', 'Beta GmbH')]);
      await w.issues([{ code: 'invalid_value', message: 'bad date', file: 'test.json', line: 3 }]);
      const info = await w.commit({ activate: true });
      expect(info).toMatchObject({ source: 'test-src', version: '2024-01-01', entities: 2, issues: 1, active: true });
      // c-1: name, innCode, sanction.entity, sanction.program; c-2: name, sanction.entity, sanction.program
      expect(info.statements).toBe(7);

      const rec = await store.getEntity('c-1');
      expect(rec?.entity.schema.name).toBe('Company');
      expect(rec?.entity.get('innCode')).toEqual(['7701234567']);
      expect(rec?.datasets).toEqual(['test-src']);
      const nameStmt = rec?.statements.find((s) => s.prop === 'name');
      expect(nameStmt).toMatchObject({ value: 'Alpha Trading LLC', source: 'test-src', version: '2024-01-01', origin: 'test.csv:3' });
      expect(rec?.firstSeen).toBe('2024-01-01');
      expect(await store.getEntity('nope')).toBeNull();
      expect(await store.versionIssues(info.id)).toEqual([{ code: 'invalid_value', message: 'bad date', file: 'test.json', line: 3, record: undefined }]);
    });

    it('finds references to an entity (sanctions, links)', async () => {
      const w = await store.beginVersion(meta('2024-01-01', 'aaa'));
      await w.write([company('c-1', 'Alpha'), link('p-1', 'c-1')]);
      await w.commit({ activate: true });
      const refs = await store.references('c-1');
      expect(refs.map((r) => `${r.schema}.${r.prop}:${r.entityId}`).sort()).toEqual(['Sanction.entity:c-1-sanction', 'UnknownLink.object:p-1-link-c-1']);
    });

    it('an aborted version leaves nothing behind and the active version intact', async () => {
      const w1 = await store.beginVersion(meta('2024-01-01', 'aaa'));
      await w1.write([company('c-1', 'Alpha')]);
      await w1.commit({ activate: true });
      const w2 = await store.beginVersion(meta('2024-02-01', 'bbb'));
      await w2.write([company('c-1', 'Alpha renamed'), company('c-3', 'Gamma')]);
      await w2.abort();
      expect((await store.versions('test-src')).map((v) => v.version)).toEqual(['2024-01-01']);
      expect((await store.getEntity('c-1'))?.entity.caption).toBe('Alpha');
      expect(await store.getEntity('c-3')).toBeNull();
      // The store is usable after an abort.
      const w3 = await store.beginVersion(meta('2024-03-01', 'ccc'));
      await w3.commit({ activate: true });
      expect((await store.activeVersions()).map((v) => v.version)).toEqual(['2024-03-01']);
    });

    it('refuses a second version with the same name', async () => {
      const w = await store.beginVersion(meta('2024-01-01', 'aaa'));
      await w.commit({ activate: true });
      await expect(store.beginVersion(meta('2024-01-01', 'zzz'))).rejects.toMatchObject({ kind: 'conflict', code: 'version_exists' });
    });

    it('keeps one active version per source and finds versions by checksum', async () => {
      for (const [v, c] of [['2024-01-01', 'aaa'], ['2024-02-01', 'bbb']] as const) {
        const w = await store.beginVersion(meta(v, c));
        await w.write([company('c-1', `Alpha ${v}`)]);
        await w.commit({ activate: true });
      }
      const other = await store.beginVersion(meta('2020-01-01', 'xxx', 'other-src'));
      await other.write([company('o-1', 'Omega')]);
      await other.commit({ activate: false });
      expect((await store.activeVersions()).map((v) => `${v.source}@${v.version}`)).toEqual(['test-src@2024-02-01']);
      expect((await store.findVersionByChecksum('test-src', 'aaa'))?.version).toBe('2024-01-01');
      expect(await store.findVersionByChecksum('test-src', 'nope')).toBeNull();
      expect((await store.getEntity('c-1'))?.entity.caption).toBe('Alpha 2024-02-01');
      expect(await store.getEntity('o-1')).toBeNull();
      const first = (await store.findVersion('test-src', '2024-01-01'))!;
      await store.activate(first.id);
      expect((await store.getEntity('c-1'))?.entity.caption).toBe('Alpha 2024-01-01');
    });

    it('gives digests that change only when content changes, and statements per root', async () => {
      const w1 = await store.beginVersion(meta('2024-01-01', 'aaa'));
      await w1.write([company('c-1', 'Alpha'), company('c-2', 'Beta')]);
      const v1 = await w1.commit({ activate: true });
      const w2 = await store.beginVersion(meta('2024-02-01', 'bbb'));
      const moved = company('c-1', 'Alpha');
      moved.root.origin = 'elsewhere:99';
      await w2.write([moved, company('c-2', 'Beta', { innCode: ['7701234567'] })]);
      const v2 = await w2.commit({ activate: true });
      const d1 = new Map((await store.digests(v1.id)).map((d) => [d.rootId, d.hash]));
      const d2 = new Map((await store.digests(v2.id)).map((d) => [d.rootId, d.hash]));
      expect(d2.get('c-1')).toBe(d1.get('c-1'));
      expect(d2.get('c-2')).not.toBe(d1.get('c-2'));
      const stmts = await store.bundleStatements(v2.id, ['c-2']);
      expect(stmts.every((s) => s.rootId === 'c-2')).toBe(true);
      expect(stmts.map((s) => `${s.entityId}.${s.prop}`).sort()).toEqual(['c-2-sanction.entity', 'c-2-sanction.program', 'c-2.innCode', 'c-2.name']);
      const rec = await store.getEntity('c-2');
      expect(rec?.lastChange).toBe('2024-02-01');
      expect((await store.getEntity('c-1'))?.lastChange).toBe('2024-01-01');
    });

    it('iterates entities of active versions in batches, filtered', async () => {
      const w = await store.beginVersion(meta('2024-01-01', 'aaa'));
      const bundles = Array.from({ length: 25 }, (_, i) => company(`c-${String(i).padStart(2, '0')}`, `Company ${i}`));
      await w.write(bundles);
      await w.commit({ activate: true });
      const seen: string[] = [];
      let batches = 0;
      for await (const batch of store.iterateEntities({ targetOnly: true, batchSize: 10 })) {
        batches++;
        for (const e of batch) {
          expect(e.target).toBe(true);
          expect(e.get('name')).toHaveLength(1);
          seen.push(e.id);
        }
      }
      expect(batches).toBe(3);
      expect(seen).toHaveLength(25);
      let sanctions = 0;
      for await (const batch of store.iterateEntities({ schemata: ['Sanction'] })) sanctions += batch.length;
      expect(sanctions).toBe(25);
      expect(await store.countStatements({ props: ['name'] })).toBe(25);
    });

    it('writes flattened rows (writeRows) exactly as write() writes bundles', async () => {
      const bundles = () => [company('c-1', 'Alpha Trading LLC', { innCode: ['7701234567'] }), link('p-1', 'c-1'), company('c-1', 'Alpha again')];
      const w1 = await store.beginVersion(meta('2024-01-01', 'aaa'));
      await w1.write(bundles());
      const v1 = await w1.commit({ activate: false });
      const w2 = await store.beginVersion(meta('2024-02-01', 'bbb'));
      await w2.writeRows(flattenBundles(bundles()));
      const v2 = await w2.commit({ activate: true });
      expect([v2.entities, v2.statements]).toEqual([v1.entities, v1.statements]);
      expect(await store.digests(v2.id)).toEqual(await store.digests(v1.id));
      const strip = (rows: Awaited<ReturnType<Store['bundleStatements']>>) => rows.map((s) => ({ ...s })).sort((a, b) => `${a.entityId}${a.prop}${a.value}`.localeCompare(`${b.entityId}${b.prop}${b.value}`));
      expect(strip(await store.bundleStatements(v2.id, ['c-1', 'p-1']))).toEqual(strip(await store.bundleStatements(v1.id, ['c-1', 'p-1'])));
      expect((await store.references('c-1')).map((r) => r.entityId).sort()).toEqual(['c-1-sanction', 'p-1-link-c-1']);
    });

    it('stores hostile text verbatim', async () => {
      const w = await store.beginVersion(meta('2024-01-01', 'aaa'));
      const text = `<script>alert('x')</script>'; DROP TABLE statement; --`;
      await w.write([company('c-x', text)]);
      await w.commit({ activate: true });
      expect((await store.getEntity('c-x'))?.entity.caption).toBe(text);
    });

    it('stores API keys by hash and revokes them', async () => {
      await store.createApiKey({ id: 'key_1', hash: 'h1', role: 'reader', label: 'team', createdAt: '2026-01-01T00:00:00Z', revokedAt: null });
      await store.createApiKey({ id: 'key_2', hash: 'h2', role: 'admin', label: null, createdAt: '2026-01-02T00:00:00Z', revokedAt: null });
      expect(await store.findApiKey('h1')).toEqual({ id: 'key_1', hash: 'h1', role: 'reader', label: 'team', createdAt: '2026-01-01T00:00:00Z', revokedAt: null });
      expect(await store.findApiKey('nope')).toBeNull();
      expect(await store.revokeApiKey('key_1', '2026-02-01T00:00:00Z')).toBe(true);
      expect(await store.revokeApiKey('key_1', '2026-02-02T00:00:00Z')).toBe(false);
      expect((await store.findApiKey('h1'))?.revokedAt).toBe('2026-02-01T00:00:00Z');
      expect((await store.listApiKeys()).map((k) => k.id)).toEqual(['key_1', 'key_2']);
      await expect(store.createApiKey({ id: 'key_3', hash: 'h2', role: 'reader', label: null, createdAt: '2026-01-03T00:00:00Z', revokedAt: null })).rejects.toThrow();
    });

    it('keeps the audit trail, newest first, filtered', async () => {
      const rec = (id: string, at: string, principal: string, results: unknown) => ({
        id, at, action: 'match', principal, query: { schema: 'Person', properties: { name: ['Ivan <script>'] } }, results,
        algorithm: 'endtrace-v1', lists: { 'ofac-sdn': '2023-12-28' }, params: { threshold: 0.75 },
      });
      await store.appendAudit([rec('a1', '2026-01-01T10:00:00Z', 'key_1', [{ id: 'ofac-1', score: 0.9 }]), rec('a2', '2026-01-02T10:00:00Z', 'local', [{ id: 'ofac-2', score: 0.5 }])]);
      await store.appendAudit([rec('a3', '2026-01-03T10:00:00Z', 'key_1', [])]);
      expect((await store.queryAudit({ limit: 10, offset: 0 })).map((r) => r.id)).toEqual(['a3', 'a2', 'a1']);
      expect((await store.queryAudit({ principal: 'key_1', limit: 10, offset: 0 })).map((r) => r.id)).toEqual(['a3', 'a1']);
      expect((await store.queryAudit({ from: '2026-01-02T00:00:00Z', to: '2026-01-02T23:00:00Z', limit: 10, offset: 0 })).map((r) => r.id)).toEqual(['a2']);
      expect((await store.queryAudit({ entity: 'ofac-1', limit: 10, offset: 0 })).map((r) => r.id)).toEqual(['a1']);
      expect((await store.queryAudit({ limit: 1, offset: 1 })).map((r) => r.id)).toEqual(['a2']);
      expect(await store.getAudit('a1')).toEqual(rec('a1', '2026-01-01T10:00:00Z', 'key_1', [{ id: 'ofac-1', score: 0.9 }]));
      expect(await store.getAudit('zz')).toBeNull();
    });

    it('keeps resolver judgements; automation never overwrites an analyst', async () => {
      const j = (left: string, right: string, judgement: 'positive' | 'negative' | 'unsure', origin: 'analyst' | 'auto') => ({ left, right, judgement, origin, score: origin === 'auto' ? 0.91 : null, user: origin === 'analyst' ? 'ana' : null, createdAt: '2026-01-01T00:00:00Z' });
      expect(await store.putJudgement(j('b', 'a', 'positive', 'auto'))).toBe(true);
      expect(await store.getJudgement('a', 'b')).toMatchObject({ left: 'a', right: 'b', judgement: 'positive', origin: 'auto', score: 0.91 });
      expect(await store.putJudgement(j('a', 'b', 'negative', 'analyst'))).toBe(true);
      expect(await store.putJudgement(j('a', 'b', 'positive', 'auto'))).toBe(false);
      expect(await store.getJudgement('b', 'a')).toMatchObject({ judgement: 'negative', origin: 'analyst', user: 'ana' });
      await store.putJudgement(j('c', 'b', 'positive', 'analyst'));
      expect((await store.listJudgements({ id: 'b' })).map((x) => `${x.left}-${x.right}`)).toEqual(['a-b', 'b-c']);
      expect((await store.listJudgements({ judgement: 'positive' })).map((x) => `${x.left}-${x.right}`)).toEqual(['b-c']);
      expect(await store.deleteJudgement('b', 'a')).toBe(true);
      expect(await store.deleteJudgement('a', 'b')).toBe(false);
      expect(await store.getJudgement('a', 'b')).toBeNull();
    });

    const job = (id: string, over: Partial<JobRecord> = {}): JobRecord => ({
      id, kind: 'screen-batch', status: 'queued', total: 3, done: 0, createdAt: '2026-01-01T10:00:00.000Z', finishedAt: null, error: null,
      owner: 'key_1', runner: 'host:123:abcd', updatedAt: '2026-01-01T10:00:00.000Z', ...over,
    });

    it('keeps jobs: progress and heartbeat, then the end with its result verbatim; a finished job never changes', async () => {
      await store.createJob(job('j1'));
      expect(await store.getJob('j1')).toEqual(job('j1'));
      expect(await store.getJob('nope')).toBeNull();
      expect(await store.getJobResult('j1')).toBeNull();
      expect(await store.updateJobProgress('j1', 2, 'running', '2026-01-01T10:00:01.000Z')).toBe(true);
      expect(await store.getJob('j1')).toMatchObject({ status: 'running', done: 2, updatedAt: '2026-01-01T10:00:01.000Z', finishedAt: null });
      expect(await store.updateJobProgress('nope', 1, 'running', '2026-01-01T10:00:01.000Z')).toBe(false);
      // Key order, escapes (\u0000 too) and hostile text come back as written.
      const result = JSON.stringify({ z: 1, a: [{ name: `'; DROP TABLE job; -- <script>\u0000 ООО «Вектор» 中文`, score: 0.5 }], m: null });
      const end = { status: 'done' as const, done: 3, error: null, finishedAt: '2026-01-01T10:00:02.000Z', result };
      expect(await store.finishJob('j1', end)).toBe(true);
      expect(await store.getJob('j1')).toEqual(job('j1', { status: 'done', done: 3, finishedAt: '2026-01-01T10:00:02.000Z', updatedAt: '2026-01-01T10:00:02.000Z' }));
      expect(await store.getJobResult('j1')).toBe(result);
      expect(await store.updateJobProgress('j1', 1, 'running', '2026-01-01T10:00:03.000Z')).toBe(false);
      expect(await store.finishJob('j1', { status: 'failed', done: 1, error: 'late', finishedAt: '2026-01-01T10:00:03.000Z', result: null })).toBe(false);
      expect(await store.getJob('j1')).toMatchObject({ status: 'done', done: 3, error: null });
      expect(await store.finishJob('nope', end)).toBe(false);

      await store.createJob(job('j2', { owner: null, runner: null }));
      expect(await store.finishJob('j2', { status: 'failed', done: 0, error: 'no name column', finishedAt: '2026-01-01T10:00:04.000Z', result: null })).toBe(true);
      expect(await store.getJob('j2')).toMatchObject({ status: 'failed', error: 'no name column', owner: null, runner: null });
      expect(await store.getJobResult('j2')).toBeNull();
      await expect(store.createJob(job('j2'))).rejects.toThrow();
    });

    it('prunes jobs finished before a time or silent since, then all but the newest', async () => {
      const at = (minute: number) => `2026-01-01T10:${String(minute).padStart(2, '0')}:00.000Z`;
      const finished = (id: string, created: number, ended: number) => job(id, { status: 'done', createdAt: at(created), finishedAt: at(ended), updatedAt: at(ended) });
      await store.createJob(finished('old-done', 1, 2));
      await store.createJob(job('old-silent', { status: 'running', createdAt: at(3), updatedAt: at(4) }));
      await store.createJob(job('long-running', { status: 'running', createdAt: at(5), updatedAt: at(40) }));
      await store.createJob(finished('recent-1', 20, 21));
      await store.createJob(finished('recent-2', 30, 31));
      await store.createJob(job('queued', { createdAt: at(35), updatedAt: at(35) }));
      expect(await store.pruneJobs(at(10), 100)).toBe(2);
      expect(await store.getJob('old-done')).toBeNull();
      expect(await store.getJob('old-silent')).toBeNull();
      expect((await store.getJob('long-running'))?.status).toBe('running');
      // The newest three by creation stay.
      expect(await store.pruneJobs(at(10), 3)).toBe(1);
      expect(await store.getJob('long-running')).toBeNull();
      for (const id of ['recent-1', 'recent-2', 'queued']) expect(await store.getJob(id)).not.toBeNull();
      expect(await store.pruneJobs(at(10), 3)).toBe(0);
      expect(await store.pruneJobs(at(59), 0)).toBe(3);
    });
  });
}

/**
 * Batch jobs across server processes: two servers (two stores, two registries) over one SQLite
 * file — and over one PostgreSQL schema with $ENDTRACE_TEST_PG — stand for the workers of
 * `serve --workers N` or several servers over one database. A job started through one is polled
 * and downloaded through the other; a job whose process stopped reads as failed through both.
 */
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../../src/server/index.js';
import type { ServerDeps } from '../../src/server/index.js';
import { JOB_RUNNER_STOPPED, loadLists } from '../../src/service/index.js';
import type { AuditLog } from '../../src/service/index.js';
import { PostgresStore, SqliteStore } from '../../src/store/index.js';
import type { JobRecord, Store } from '../../src/store/index.js';
import { tempDir } from '../cli/run-cli.js';
import { fixture } from '../helpers/shared-data.js';
import { describePg, dropSchemas, scratchSchema, TEST_PG } from '../store/pg-scratch.js';

interface Server {
  app: FastifyInstance;
  deps: ServerDeps;
  audit: AuditLog;
  store: Store;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function serverOn(store: Store): Promise<Server> {
  const s = await createServer({ store, host: '127.0.0.1', port: 0, version: 'test' });
  await s.ready;
  return { app: s.app, deps: s.deps, audit: s.audit, store };
}

/** Polls GET /jobs/{id} on `server` until `ok`, for at most 10 s. */
async function poll(server: Server, id: string, ok: (job: { status: string; done: number }) => boolean): Promise<Record<string, unknown> & { status: string; done: number }> {
  const end = Date.now() + 10_000;
  for (;;) {
    const res = await server.app.inject({ url: `/jobs/${id}` });
    expect(res.statusCode).toBe(200);
    const job = res.json();
    if (ok(job) || Date.now() > end) return job;
    await sleep(20);
  }
}

function sharedJobs(open: () => Promise<[Store, Store]>): void {
  let a: Server;
  let b: Server;

  beforeAll(async () => {
    const [storeA, storeB] = await open();
    await loadLists(storeA, fixture('screening', 'sdn-mini'), { worker: false });
    [a, b] = await Promise.all([serverOn(storeA), serverOn(storeB)]);
  });
  afterAll(async () => {
    for (const s of [a, b]) {
      if (!s) continue;
      await s.app.close();
      await s.audit.flush();
      await s.store.close();
    }
  });

  it('a job started through one server is polled and downloaded through the other', async () => {
    // Hold the job on A before its first row, to see it running from B.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const screening = a.deps.screening;
    const refresh = screening.refresh.bind(screening);
    screening.refresh = async () => {
      await held;
      return refresh();
    };
    try {
      const rows = ['TSK Vector LLC,Company,ru', '"=HYPERLINK(""x"")",Company,', ...Array.from({ length: 118 }, (_, i) => `Alpine Meadowlark Logistics ${i},Company,de`)];
      const csv = `name,schema,country\n${rows.join('\n')}\n`;
      const start = await a.app.inject({ method: 'POST', url: '/screen/batch', payload: csv, headers: { 'content-type': 'text/csv' } });
      expect(start.statusCode).toBe(202);
      const id = start.json().id as string;
      // In the store before the 202: B knows the job at once.
      const seen = (await b.app.inject({ url: `/jobs/${id}` })).json();
      expect(seen).toMatchObject({ id, kind: 'screen-batch', total: 120, done: 0, finishedAt: null, error: null });
      expect(['queued', 'running']).toContain(seen.status);
      expect(await poll(b, id, (j) => j.status === 'running')).toMatchObject({ status: 'running', total: 120, done: 0 });
      const early = await b.app.inject({ url: `/jobs/${id}/results` });
      expect(early.statusCode).toBe(400);
      expect(early.json()).toMatchObject({ code: 'not_done' });
      expect(early.json().detail).toContain('is running');

      release();
      const done = await poll(b, id, (j) => j.status === 'done');
      expect(done).toMatchObject({ id, status: 'done', total: 120, done: 120, error: null });
      expect((await a.app.inject({ url: `/jobs/${id}` })).json()).toEqual(done);

      const fromB = await b.app.inject({ url: `/jobs/${id}/results` });
      expect(fromB.statusCode).toBe(200);
      const results = fromB.json();
      expect(results.rows).toHaveLength(120);
      expect(results.rows[0].results[0]).toMatchObject({ id: 'ofac-46441', match: true });
      expect(results.lists).toMatchObject({ 'ofac-sdn': expect.any(String) as string });
      // The stored result is the one the runner made, byte for byte.
      expect(fromB.body).toBe((await a.app.inject({ url: `/jobs/${id}/results` })).body);
      const csvFromB = await b.app.inject({ url: `/jobs/${id}/results?format=csv` });
      expect(csvFromB.headers['content-type']).toContain('text/csv');
      expect(csvFromB.headers['content-disposition']).toBe(`attachment; filename="screening-${id}.csv"`);
      expect(csvFromB.body).toContain(`"'=HYPERLINK(""x"")"`);
      expect(csvFromB.body).toContain('ofac-46441');
    } finally {
      screening.refresh = refresh;
      release();
    }
  });

  it('a job whose server process stopped reads as failed through every server, not running for ever', async () => {
    const ago = (ms: number) => new Date(Date.now() - ms).toISOString();
    const row = (id: string, heartbeat: string): JobRecord => ({
      id, kind: 'screen-batch', status: 'running', total: 500, done: 150, createdAt: ago(600_000), finishedAt: null, error: null,
      owner: 'local', runner: 'gone-host:4242:deadbeef', updatedAt: heartbeat,
    });
    const silentSince = ago(120_000);
    await a.store.createJob(row('stale-job', silentSince));
    await a.store.createJob(row('live-job', ago(1000)));
    for (const s of [a, b]) {
      const res = await s.app.inject({ url: '/jobs/stale-job' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ id: 'stale-job', status: 'failed', done: 150, total: 500, error: JOB_RUNNER_STOPPED, finishedAt: silentSince });
      const results = await s.app.inject({ url: '/jobs/stale-job/results' });
      expect(results.statusCode).toBe(400);
      expect(results.json()).toMatchObject({ code: 'not_done' });
      expect(results.json().detail).toContain('is failed');
      // A heartbeat within the minute: still running, wherever it runs.
      expect((await s.app.inject({ url: '/jobs/live-job' })).json()).toMatchObject({ status: 'running', error: null });
    }
    expect((await b.app.inject({ url: '/jobs/no-such-job' })).statusCode).toBe(404);
  });
}

describe('batch jobs shared by two servers over one SQLite file', () => {
  const tmp = tempDir('jobs-shared');
  afterAll(() => tmp.remove());
  sharedJobs(async () => {
    const path = join(tmp.dir, 'endtrace.db');
    return [new SqliteStore(path), new SqliteStore(path)];
  });
});

describePg('batch jobs shared by two servers over one PostgreSQL database', () => {
  const schema = scratchSchema('jobs');
  afterAll(() => dropSchemas([schema]));
  sharedJobs(async () => {
    const first = await PostgresStore.open(TEST_PG, { schema });
    return [first, await PostgresStore.open(TEST_PG, { schema })];
  });
});

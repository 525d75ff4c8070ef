/**
 * The HTTP API in-process (Fastify inject) on a small SDN excerpt: yente compatibility (a
 * request from yente's documentation, its response shape), search, entities, reconciliation,
 * the catalog, errors, and the audit trail.
 */
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../../src/server/index.js';
import type { ServerDeps } from '../../src/server/index.js';
import { loadLists } from '../../src/service/index.js';
import type { AuditLog } from '../../src/service/index.js';
import { SqliteStore } from '../../src/store/index.js';
import { fixture } from '../helpers/shared-data.js';
import { YenteEntityMatchResponse, YenteSearchResponse } from '../helpers/yente-schema.js';

let app: FastifyInstance;
let deps: ServerDeps;
let audit: AuditLog;
let store: SqliteStore;

beforeAll(async () => {
  store = new SqliteStore(':memory:');
  await loadLists(store, fixture('screening', 'sdn-mini'), { worker: false });
  const s = await createServer({ store, host: '127.0.0.1', port: 0, version: 'test' });
  app = s.app;
  deps = s.deps;
  audit = s.audit;
  await s.ready;
});
afterAll(async () => {
  await app.close();
  await store.close();
});

const post = (url: string, payload: unknown) => app.inject({ method: 'POST', url, payload: payload as object });

describe('POST /match/{dataset} (yente-compatible)', () => {
  it('answers the request from yente’s documentation, in yente’s response shape', async () => {
    const request = JSON.parse(readFileSync(fixture('server', 'yente-match-request.json'), 'utf8')) as object;
    const recorded = JSON.parse(readFileSync(fixture('server', 'yente-match-response.json'), 'utf8')) as object;
    expect(YenteEntityMatchResponse.safeParse(recorded).success).toBe(true);
    const res = await post('/match/default', request);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const parsed = YenteEntityMatchResponse.safeParse(body);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    expect(Object.keys(body.responses).sort()).toEqual(['entity1', 'entity2']);
    expect(res.headers['x-batch-size']).toBe('2');
    // Every top-level field yente sends, endtrace sends too.
    const keys = (o: object) => Object.keys(o).sort();
    expect(keys(body)).toEqual(expect.arrayContaining(keys(recorded)));
    expect(keys(body.responses.entity1)).toEqual(expect.arrayContaining(keys((recorded as { responses: { entity1: object } }).responses.entity1)));
  });

  it('finds the listed entity, with explanations, and echoes the cleaned query', async () => {
    const res = await post('/match/default?limit=3', { queries: { q1: { schema: 'Company', properties: { name: 'ООО «ТСК Вектор»', country: 'Russia' } } } });
    const r = res.json().responses.q1;
    expect(r.query).toEqual({ schema: 'Company', properties: { name: ['ООО «ТСК Вектор»'], country: ['ru'] } });
    expect(r.results[0]).toMatchObject({ id: 'ofac-46441', caption: 'TSK VEKTOR, OOO', schema: 'Company', match: true, datasets: ['ofac-sdn'], target: true });
    expect(r.results[0].features.name).toBe(1);
    expect(r.results[0].explanations.name.detail).toContain('ООО «ТСК Вектор»');
    expect(r.results[0].properties.innCode).toEqual(['3849055365']);
  });

  it('honours threshold, limit, dataset filters and excluded ids', async () => {
    const q = { queries: { q: { schema: 'Company', properties: { name: ['Vektor'] } } } };
    expect((await post('/match/ofac-sdn?threshold=0.1&limit=1', q)).json().responses.q.results).toHaveLength(1);
    const all = (await post('/match/default?threshold=0.1&limit=5', q)).json().responses.q.results.map((x: { id: string }) => x.id);
    expect(all.length).toBeGreaterThan(1);
    const without = (await post(`/match/default?threshold=0.1&exclude_entity_ids=${all[0]}`, q)).json().responses.q.results.map((x: { id: string }) => x.id);
    expect(without).not.toContain(all[0]);
    expect((await post('/match/default?threshold=0.1&exclude_dataset=ofac-sdn', q)).json().responses.q.results).toEqual([]);
  });

  it('accepts yente’s algorithm names and refuses unknown ones', async () => {
    const q = { queries: { q: { schema: 'Person', properties: { name: ['Vladimir Putin'] } } } };
    for (const algorithm of ['logic-v1', 'logic-v2', 'best', 'endtrace-v1']) expect((await post(`/match/default?algorithm=${algorithm}`, q)).statusCode).toBe(200);
    const bad = await post('/match/default?algorithm=magic', q);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail).toContain('unknown algorithm "magic"');
  });

  it('answers bad input with 4xx and a clear message, never a stack trace', async () => {
    const malformed = await app.inject({ method: 'POST', url: '/match/default', payload: '{"queries": {', headers: { 'content-type': 'application/json' } });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().detail).toMatch(/malformed JSON/);
    const noSchema = await post('/match/default', { queries: { q: { properties: { name: 'Banana' } } } });
    expect(noSchema.statusCode).toBe(422);
    expect(noSchema.json().detail).toContain('schema');
    const badSchema = await post('/match/default', { queries: { q: { schema: 'Spaceship', properties: { name: 'Banana' } } } });
    expect(badSchema.statusCode).toBe(400);
    expect(badSchema.json().detail).toContain('unknown schema "Spaceship"');
    const badDataset = await post('/match/nowhere', { queries: { q: { schema: 'Person', properties: { name: 'X' } } } });
    expect(badDataset.statusCode).toBe(404);
    expect(badDataset.json().detail).toContain('unknown dataset "nowhere"');
    const big = await app.inject({ method: 'POST', url: '/match/default', payload: JSON.stringify({ queries: { q: { schema: 'Person', properties: { name: ['x'.repeat(3 * 1024 * 1024)] } } } }), headers: { 'content-type': 'application/json' } });
    expect(big.statusCode).toBe(413);
    expect(big.json().detail).toContain('too large');
    for (const r of [malformed, noSchema, badSchema, badDataset, big]) expect(r.body).not.toMatch(/\bat .+\.(js|ts):\d+/);
  });

  it('records every decision with what it takes to re-run it', async () => {
    await post('/match/default?threshold=0.7', { queries: { audited: { schema: 'Company', properties: { name: ['IEMZ Kupol'] } } } });
    await audit.flush();
    const [rec] = await audit.query({ action: 'match', entity: 'ofac-46431', limit: 1, offset: 0 });
    expect(rec).toMatchObject({ action: 'match', principal: 'local', algorithm: 'endtrace-v1', lists: { 'ofac-sdn': expect.any(String) as string }, params: { threshold: 0.7, dataset: 'default' } });
    expect(rec!.query).toEqual({ schema: 'Company', properties: { name: ['IEMZ Kupol'] } });
    // Re-running the recorded query against the recorded list versions gives the recorded answer.
    const again = await post('/match/default?threshold=0.7', { queries: { q: rec!.query } });
    const scores = again.json().responses.q.results.map((x: { id: string; score: number; match: boolean }) => ({ id: x.id, score: x.score, match: x.match }));
    expect(scores).toEqual(rec!.results);
  });
});

describe('GET /search, /entities, /catalog, /algorithms', () => {
  it('searches names and identifiers with facets, in yente’s shape', async () => {
    const res = await app.inject({ url: '/search/default?q=Kupol&facets=countries&facets=datasets' });
    const body = res.json();
    expect(YenteSearchResponse.safeParse(body).success).toBe(true);
    expect(body.results[0].id).toBe('ofac-46431');
    expect(body.facets.datasets.values).toEqual([{ name: 'ofac-sdn', label: 'ofac-sdn', count: body.total.value }]);
    expect((await app.inject({ url: '/search/default?q=3849055365' })).json().results[0].id).toBe('ofac-46441');
    expect((await app.inject({ url: '/search/default?q=Kupol&schema=Person' })).json().total.value).toBe(0);
  });

  it('shows an entity with its adjacent entities nested, and its neighbourhood', async () => {
    const res = await app.inject({ url: '/entities/ofac-46441' });
    const body = res.json();
    expect(body).toMatchObject({ id: 'ofac-46441', caption: 'TSK VEKTOR, OOO', schema: 'Company', datasets: ['ofac-sdn'] });
    expect(body.properties.sanctions[0].properties.program).toEqual(['RUSSIA-EO14024']);
    expect(body.properties.unknownLinkTo[0].properties.object[0]).toMatchObject({ id: 'ofac-46431', caption: 'JOINT STOCK COMPANY IZHEVSK ELECTROMECHANICAL PLANT KUPOL' });
    const flat = (await app.inject({ url: '/entities/ofac-46441?nested=false' })).json();
    expect(flat.properties.sanctions).toBeUndefined();
    const graph = (await app.inject({ url: '/entities/ofac-46441/neighbourhood?depth=2' })).json();
    expect(graph.nodes.map((n: { id: string }) => n.id)).toEqual(expect.arrayContaining(['ofac-46441', 'ofac-46431']));
    expect(graph.edges).toContainEqual(expect.objectContaining({ source: 'ofac-46441', target: 'ofac-46431', schema: 'UnknownLink', label: 'Linked To' }));
    expect((await app.inject({ url: '/entities/nope' })).statusCode).toBe(404);
  });

  it('lists the datasets and the algorithm', async () => {
    const cat = (await app.inject({ url: '/catalog' })).json();
    expect(cat.datasets.map((d: { name: string }) => d.name)).toEqual(['ofac-sdn', 'default']);
    expect(cat.datasets[1].children).toEqual(['ofac-sdn']);
    const algos = (await app.inject({ url: '/algorithms' })).json();
    expect(algos).toMatchObject({ default: 'endtrace-v1', best: 'endtrace-v1' });
    expect(Object.keys(algos.algorithms[0].features)).toContain('identifier');
  });

  it('is healthy and ready, and documents itself', async () => {
    expect((await app.inject({ url: '/healthz' })).json()).toEqual({ status: 'ok' });
    expect((await app.inject({ url: '/readyz' })).statusCode).toBe(200);
    const spec = (await app.inject({ url: '/openapi.json' })).json();
    expect(spec.openapi).toMatch(/^3\./);
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/match/{dataset}', '/search/{dataset}', '/entities/{id}', '/reconcile/{dataset}', '/catalog', '/algorithms', '/healthz', '/readyz', '/screen/batch', '/jobs/{id}', '/lists/{source}/diff', '/entities/{id}/neighbourhood', '/audit']));
    expect(spec.paths['/match/{dataset}'].post.requestBody).toBeDefined();
    expect((await app.inject({ url: '/docs' })).statusCode).toBeLessThan(400);
  });
});

describe('/reconcile/{dataset} (W3C Reconciliation API, OpenRefine)', () => {
  it('serves the manifest and answers queries', async () => {
    const manifest = (await app.inject({ url: '/reconcile/default', headers: { host: 'localhost:8000' } })).json();
    expect(manifest).toMatchObject({ versions: ['0.2'], view: { url: 'http://localhost:8000/entities/{{id}}' } });
    expect(manifest.defaultTypes.map((t: { id: string }) => t.id)).toContain('Company');
    const queries = JSON.stringify({ q0: { query: 'TSK Vektor', type: 'Company' }, q1: { query: 'Izhevsk Electromechanical Plant Kupol' } });
    const form = await app.inject({ method: 'POST', url: '/reconcile/default', payload: `queries=${encodeURIComponent(queries)}`, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    const body = form.json();
    expect(body.q0.result[0]).toMatchObject({ id: 'ofac-46441', name: 'TSK VEKTOR, OOO', match: true, score: 100, type: [{ id: 'Company' }] });
    expect(body.q1.result[0].id).toBe('ofac-46431');
    const get = (await app.inject({ url: `/reconcile/default?queries=${encodeURIComponent(queries)}` })).json();
    expect(get.q0.result[0].id).toBe('ofac-46441');
  });

  it('suggests entities, types and properties, and extends rows', async () => {
    expect((await app.inject({ url: '/reconcile/default/suggest/entity?prefix=Kupol' })).json().result[0].id).toBe('ofac-46431');
    expect((await app.inject({ url: '/reconcile/default/suggest/type?prefix=Comp' })).json().result).toEqual([{ id: 'Company', name: 'Company' }]);
    expect((await app.inject({ url: '/reconcile/default/suggest/property?prefix=innC' })).json().result[0].id).toBe('innCode');
    const propose = (await app.inject({ url: '/reconcile/default/extend/propose?type=Company' })).json();
    expect(propose.properties.map((p: { id: string }) => p.id)).toContain('innCode');
    const ext = await app.inject({ method: 'POST', url: '/reconcile/default', payload: `extend=${encodeURIComponent(JSON.stringify({ ids: ['ofac-46441'], properties: [{ id: 'innCode' }] }))}`, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(ext.json().rows['ofac-46441'].innCode).toEqual([{ str: '3849055365' }]);
  });
});

describe('own endpoints', () => {
  it('runs a batch screening job with progress and results as JSON and CSV', async () => {
    const csv = 'name,schema,country\nTSK Vector LLC,Company,ru\n"=HYPERLINK(""x"")",Company,\nAlpine Meadowlark Logistics,Company,de\n';
    const start = await app.inject({ method: 'POST', url: '/screen/batch', payload: csv, headers: { 'content-type': 'text/csv' } });
    expect(start.statusCode).toBe(202);
    const id = start.json().id as string;
    let job = start.json();
    for (let i = 0; i < 50 && job.status !== 'done'; i++) {
      await new Promise((r) => setTimeout(r, 20));
      job = (await app.inject({ url: `/jobs/${id}` })).json();
    }
    expect(job).toMatchObject({ status: 'done', total: 3, done: 3 });
    const results = (await app.inject({ url: `/jobs/${id}/results` })).json();
    expect(results.rows[0].results[0]).toMatchObject({ id: 'ofac-46441', match: true });
    const asCsv = await app.inject({ url: `/jobs/${id}/results?format=csv` });
    expect(asCsv.headers['content-type']).toContain('text/csv');
    expect(asCsv.body).toContain(`"'=HYPERLINK(""x"")"`);
  });

  it('shows list status and diffs', async () => {
    const lists = (await app.inject({ url: '/lists' })).json();
    expect(lists[0]).toMatchObject({ source: 'ofac-sdn', entities: 4 });
    const diff = await app.inject({ url: '/lists/ofac-sdn/diff' });
    expect(diff.statusCode).toBe(404);
    expect(diff.json()).toMatchObject({ code: 'no_other_version' });
    expect(diff.json().detail).toContain('only one version');
  });

  it('has no key checks in local mode', () => {
    expect(deps.authRequired).toBe(false);
  });
});

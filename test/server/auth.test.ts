/** API keys and roles: 401 without a key, 403 below the route's role, revocation. */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, isLoopback } from '../../src/server/index.js';
import { createApiKey, loadLists, revokeApiKey } from '../../src/service/index.js';
import { SqliteStore } from '../../src/store/index.js';
import { fixture } from '../helpers/shared-data.js';

let app: FastifyInstance;
let store: SqliteStore;
const keys: Record<string, { id: string; key: string }> = {};

beforeAll(async () => {
  store = new SqliteStore(':memory:');
  await loadLists(store, fixture('screening', 'sdn-mini'), { worker: false });
  for (const role of ['reader', 'analyst', 'admin']) keys[role] = await createApiKey(store, role, `${role} key`);
  const s = await createServer({ store, host: '127.0.0.1', port: 0, auth: true, version: 'test' });
  app = s.app;
  await s.ready;
});
afterAll(async () => {
  await app.close();
  await store.close();
});

const as = (role: string) => ({ authorization: `ApiKey ${keys[role]!.key}` });
const match = { queries: { q: { schema: 'Company', properties: { name: ['TSK Vektor'] } } } };

describe('API keys', () => {
  it('requires a key beyond loopback or with --auth', () => {
    expect(isLoopback('127.0.0.1')).toBe(true);
    expect(isLoopback('0.0.0.0')).toBe(false);
  });
  it('answers 401 without a key or with a wrong one', async () => {
    const none = await app.inject({ method: 'POST', url: '/match/default', payload: match });
    expect(none.statusCode).toBe(401);
    expect(none.json()).toEqual({ detail: 'an API key is required: send "Authorization: ApiKey <key>"', code: 'no_key' });
    expect((await app.inject({ method: 'POST', url: '/match/default', payload: match, headers: { authorization: 'ApiKey et_wrong' } })).statusCode).toBe(401);
  });
  it('lets a reader screen and read, but not reach analyst or admin endpoints (403)', async () => {
    expect((await app.inject({ method: 'POST', url: '/match/default', payload: match, headers: as('reader') })).statusCode).toBe(200);
    expect((await app.inject({ url: '/entities/ofac-46441', headers: as('reader') })).statusCode).toBe(200);
    const audit = await app.inject({ url: '/audit', headers: as('reader') });
    expect(audit.statusCode).toBe(403);
    expect(audit.json().detail).toBe('this needs the analyst role; the key has reader');
    expect((await app.inject({ method: 'POST', url: '/lists/update', payload: {}, headers: as('reader') })).statusCode).toBe(403);
    expect((await app.inject({ url: '/admin/keys', headers: as('analyst') })).statusCode).toBe(403);
  });
  it('lets an analyst read the audit trail, which names the key', async () => {
    await app.inject({ method: 'POST', url: '/match/default', payload: match, headers: as('analyst') });
    await new Promise((r) => setTimeout(r, 300));
    const res = await app.inject({ url: `/audit?key=${keys.analyst!.id}`, headers: as('analyst') });
    expect(res.statusCode).toBe(200);
    expect(res.json()[0]).toMatchObject({ principal: keys.analyst!.id, action: 'match' });
  });
  it('lets an admin manage keys; a revoked key stops working', async () => {
    const list = await app.inject({ url: '/admin/keys', headers: as('admin') });
    expect(list.json().map((k: { role: string }) => k.role)).toEqual(['reader', 'analyst', 'admin']);
    expect(JSON.stringify(list.json())).not.toContain(keys.reader!.key);
    const created = await app.inject({ method: 'POST', url: '/admin/keys', payload: { role: 'reader' }, headers: as('admin') });
    expect(created.statusCode).toBe(201);
    const fresh = created.json() as { id: string; key: string };
    await revokeApiKey(store, fresh.id);
    // The verification cache lasts a few seconds; a new key never cached is refused at once.
    expect((await app.inject({ url: '/catalog', headers: { authorization: `ApiKey ${fresh.key}` } })).statusCode).toBe(401);
  });
  it('keeps health and the OpenAPI document public', async () => {
    expect((await app.inject({ url: '/healthz' })).statusCode).toBe(200);
    expect((await app.inject({ url: '/openapi.json' })).statusCode).toBe(200);
  });
});

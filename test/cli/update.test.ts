/**
 * `endtrace lists update` against a local HTTP server standing in for the official addresses
 * (ENDTRACE_REGISTRY_BASE / --base keep the official path and replace scheme and host):
 * conditional GET, new versions swapped in atomically, and broken downloads — truncated,
 * corrupted, stalled, not a list — that must never replace the version in use.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLOSED_BASE, cliFixture, cliOk, parseStatus, requireBuild, runCli, statusOf, stderrLines, tempDir } from './run-cli.js';
import type { CliResult } from './run-cli.js';

requireBuild();

const UN_PATH = '/resources/xml/en/consolidated.xml';
const SDN_PATH = '/api/PublicationPreview/exports/SDN.XML';

type Mode = 'ok' | 'truncate' | 'bad-md5' | 'gzip' | 'slow' | 'stall';
interface Route {
  body: Buffer;
  status?: number;
  etag?: string;
  lastModified?: string;
  mode?: Mode;
  contentType?: string;
}

const unV1 = readFileSync(cliFixture('lists/un/b-first.xml'));
const unV2 = readFileSync(cliFixture('lists/un/a-second.xml'));
const redate = (body: Buffer, date: string) => Buffer.from(body.toString('utf8').replace(/dateGenerated="[^"]+"/, `dateGenerated="${date}T00:00:00.000Z"`));
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const md5 = (b: Buffer) => createHash('md5').update(b).digest('base64');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface UpdateJson {
  source: string;
  url: string;
  status: string;
  version: string | null;
  error: string | null;
}

describe('lists update from a local server', () => {
  const { dir, remove } = tempDir('cli-update');
  const db = join(dir, 'store.db');
  const routes = new Map<string, Route>();
  const requests: Array<{ path: string; headers: IncomingHttpHeaders }> = [];
  let server: Server;
  let base = '';

  beforeAll(async () => {
    server = createServer((req, res) => {
      const path = req.url ?? '/';
      requests.push({ path, headers: req.headers });
      const route = routes.get(path);
      if (!route) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      const validators: Record<string, string> = {};
      if (route.etag) validators.etag = route.etag;
      if (route.lastModified) validators['last-modified'] = route.lastModified;
      const fresh = route.etag ? req.headers['if-none-match'] === route.etag : route.lastModified !== undefined && req.headers['if-modified-since'] === route.lastModified;
      if (fresh) {
        res.writeHead(304, validators).end();
        return;
      }
      const body = route.body;
      const headers: Record<string, string> = { 'content-type': route.contentType ?? 'application/xml', ...validators };
      switch (route.mode ?? 'ok') {
        case 'ok':
          res.writeHead(route.status ?? 200, { ...headers, 'content-length': String(body.length) }).end(body);
          return;
        case 'bad-md5':
          res.writeHead(200, { ...headers, 'content-length': String(body.length), 'content-md5': md5(Buffer.from('something else')) }).end(body);
          return;
        case 'truncate':
          // Promise the whole body, send two thirds, and drop the connection.
          res.writeHead(200, { ...headers, 'content-length': String(body.length) });
          res.write(body.subarray(0, Math.floor((body.length * 2) / 3)), () => setTimeout(() => res.socket?.destroy(), 50));
          return;
        case 'gzip': {
          const zipped = gzipSync(body);
          res.writeHead(200, { ...headers, 'content-encoding': 'gzip', 'content-length': String(zipped.length) }).end(zipped);
          return;
        }
        case 'slow':
        case 'stall': {
          res.writeHead(200, { ...headers, 'content-length': String(body.length) });
          void (async () => {
            const parts = 6;
            const size = Math.ceil(body.length / parts);
            for (let i = 0; i < parts; i++) {
              if (res.destroyed) return;
              res.write(body.subarray(i * size, (i + 1) * size));
              await sleep(route.mode === 'slow' ? 300 : i === 2 ? 2500 : 10);
            }
            res.end();
          })();
          return;
        }
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
    remove();
  });

  const update = (args: string[], env: Record<string, string | undefined> = {}, store = db) =>
    runCli(['--db', store, '--json', 'lists', 'update', ...args], dir, { env });
  const results = (r: CliResult) => JSON.parse(r.stdout) as UpdateJson[];
  const status = async (store = db) => parseStatus((await cliOk(store, ['--json', 'lists', 'status'], dir)).stdout);
  const versions = async () => JSON.parse((await cliOk(db, ['--json', 'lists', 'versions'], dir)).stdout) as Array<{ source: string; version: string; active: boolean; checksum: string; loadedAt: string }>;
  const unRequests = () => requests.filter((r) => r.path === UN_PATH);
  const cacheMeta = () => JSON.parse(readFileSync(join(dir, 'cache/un-sc/meta.json'), 'utf8')) as { etag: string | null; sha256: string };

  it('a first update downloads each list and loads it (--base)', async () => {
    routes.set(UN_PATH, { body: unV1, etag: '"un-1"', lastModified: 'Mon, 15 Jan 2024 08:00:00 GMT' });
    routes.set(SDN_PATH, { body: readFileSync(cliFixture('lists/ofac-consolidated/consolidated.xml')), lastModified: 'Fri, 28 Mar 2025 12:00:00 GMT' });
    const r = await update(['un-sc', 'ofac-sdn', '--base', base]);
    expect(r.code, r.stderr).toBe(0);
    expect(results(r)).toEqual([
      { source: 'un-sc', url: `${base}${UN_PATH}`, status: 'updated', version: '2024-01-15', error: null },
      { source: 'ofac-sdn', url: `${base}${SDN_PATH}`, status: 'updated', version: '2025-03-28', error: null },
    ]);
    expect(unRequests()[0]!.headers['if-none-match']).toBeUndefined();
    const rows = await status();
    expect(statusOf(rows, 'un-sc')).toMatchObject({ version: '2024-01-15', entities: 3, checksum: sha256(unV1) });
    expect(statusOf(rows, 'ofac-sdn')).toMatchObject({ version: '2025-03-28', entities: 2 });
    expect(cacheMeta()).toMatchObject({ etag: '"un-1"', sha256: sha256(unV1) });
  });

  it('a second update sends If-None-Match / If-Modified-Since, gets 304 and reloads nothing (ENDTRACE_REGISTRY_BASE)', async () => {
    const before = await versions();
    requests.length = 0;
    const r = await update(['un-sc', 'ofac-sdn'], { ENDTRACE_REGISTRY_BASE: base });
    expect(r.code, r.stderr).toBe(0);
    expect(results(r).map((x) => [x.source, x.status, x.version])).toEqual([
      ['un-sc', 'not_modified', '2024-01-15'],
      ['ofac-sdn', 'not_modified', '2025-03-28'],
    ]);
    expect(requests.map((q) => [q.path, q.headers['if-none-match'], q.headers['if-modified-since']])).toEqual([
      [UN_PATH, '"un-1"', 'Mon, 15 Jan 2024 08:00:00 GMT'],
      [SDN_PATH, undefined, 'Fri, 28 Mar 2025 12:00:00 GMT'],
    ]);
    expect(await versions()).toEqual(before);
  });

  it('a changed file becomes a new version and the active one', async () => {
    routes.set(UN_PATH, { body: unV2, etag: '"un-2"' });
    const r = await update(['un-sc', '--base', base]);
    expect(r.code, r.stderr).toBe(0);
    expect(results(r)).toEqual([{ source: 'un-sc', url: `${base}${UN_PATH}`, status: 'updated', version: '2024-03-01', error: null }]);
    expect(statusOf(await status(), 'un-sc')).toMatchObject({ version: '2024-03-01', entities: 4, checksum: sha256(unV2) });
    expect((await versions()).filter((v) => v.source === 'un-sc').map((v) => [v.version, v.active])).toEqual([
      ['2024-03-01', true],
      ['2024-01-15', false],
    ]);
  });

  describe('a broken download fails, exit 1, and changes nothing', () => {
    let before: Awaited<ReturnType<typeof versions>>;
    beforeAll(async () => {
      before = await versions();
      expect(before.filter((v) => v.active && v.source === 'un-sc').map((v) => [v.version, v.checksum])).toEqual([['2024-03-01', sha256(unV2)]]);
    });

    async function fails(route: Route, code: string, env: Record<string, string> = {}): Promise<string> {
      routes.set(UN_PATH, route);
      const r = await update(['un-sc'], { ENDTRACE_REGISTRY_BASE: base, ...env });
      expect(r.code, r.stderr).toBe(1);
      expect(results(r).map((x) => [x.source, x.status, x.version])).toEqual([['un-sc', 'failed', null]]);
      const errors = stderrLines(r).filter((l) => l.startsWith('endtrace: error: '));
      expect(errors).toHaveLength(1);
      expect(errors[0]!.startsWith(`endtrace: error: ${base}${UN_PATH}:`), errors[0]).toBe(true);
      expect(errors[0]).toContain(`[${code}] — un-sc: failed; its loaded version was not changed`);
      // The versions, with their checksums and which one is active, are exactly as before.
      expect(await versions()).toEqual(before);
      expect(existsSync(join(dir, 'cache/un-sc/incoming'))).toBe(false);
      expect(cacheMeta()).toMatchObject({ etag: '"un-2"', sha256: sha256(unV2) });
      return errors[0]!;
    }

    it('truncated: Content-Length larger than the body, connection closed', async () => {
      expect(await fails({ body: redate(unV2, '2024-04-01'), etag: '"un-3"', mode: 'truncate' }, 'truncated')).toMatch(/the download broke off after \d+ bytes/);
    });

    it('corrupted: the Content-MD5 header does not match the body', async () => {
      expect(await fails({ body: redate(unV2, '2024-04-01'), etag: '"un-3"', mode: 'bad-md5' }, 'corrupt')).toContain('its MD5 does not match the Content-MD5 header');
    });

    it('corrupted: bytes changed, the body no longer parses', async () => {
      const body = Buffer.from(redate(unV2, '2024-04-01').toString('utf8').replace('</INDIVIDUAL>', '</INDIVIDUAX>'));
      const line = body.toString('utf8').split('\n').findIndex((l) => l.includes('</INDIVIDUAX>')) + 1;
      expect(await fails({ body, etag: '"un-3"' }, 'xml_syntax')).toMatch(new RegExp(`^endtrace: error: ${base}${UN_PATH}:${line}: malformed XML: `));
    });

    it('stalled: no data for longer than the timeout', async () => {
      expect(await fails({ body: redate(unV2, '2024-04-01'), etag: '"un-3"', mode: 'stall' }, 'truncated', { ENDTRACE_DOWNLOAD_TIMEOUT_MS: '1000' })).toContain('no data within 1000 ms');
    });

    it('not the list: an error page served with status 200', async () => {
      const page = Buffer.from('<!DOCTYPE html>\n<html><body><h1>Service unavailable</h1></body></html>\n');
      expect(await fails({ body: page, etag: '"un-3"', contentType: 'text/html' }, 'unrecognised')).toContain('the download is not a list file endtrace recognises');
    });

    it('another list than the source publishes', async () => {
      const csl = readFileSync(cliFixture('lists/us-csl/consolidated.csv'));
      expect(await fails({ body: csl, etag: '"un-3"', contentType: 'text/csv' }, 'unrecognised')).toContain('the download is a us-csl-csv file; un-sc is published as un-sc-xml');
    });

    it('a valid list without any record: refused, so that it does not replace the loaded one', async () => {
      const empty = Buffer.from(
        redate(unV2, '2024-04-01')
          .toString('utf8')
          .replace(/<INDIVIDUALS>[\s\S]*<\/INDIVIDUALS>/, '<INDIVIDUALS/>')
          .replace(/<ENTITIES>[\s\S]*<\/ENTITIES>/, '<ENTITIES/>'),
      );
      expect(await fails({ body: empty, etag: '"un-3"' }, 'empty_list')).toBe(
        `endtrace: error: ${base}${UN_PATH}: the list holds no entities; refused, so that an empty file does not replace a loaded list [empty_list] — un-sc: failed; its loaded version was not changed`,
      );
    });

    it('an HTTP error status', async () => {
      expect(await fails({ body: Buffer.from('busy'), status: 503, etag: '"un-3"' }, 'http_status')).toContain('HTTP 503');
    });

    it('after the failures, the next update still asks with the last good ETag', async () => {
      routes.set(UN_PATH, { body: unV2, etag: '"un-2"' });
      requests.length = 0;
      const r = await update(['un-sc'], { ENDTRACE_REGISTRY_BASE: base });
      expect(r.code, r.stderr).toBe(0);
      expect(results(r).map((x) => [x.status, x.version])).toEqual([['not_modified', '2024-03-01']]);
      expect(unRequests().map((q) => q.headers['if-none-match'])).toEqual(['"un-2"']);
    });
  });

  it('a gzip-encoded response (Content-Encoding: gzip) loads', async () => {
    const body = redate(unV2, '2024-04-01');
    routes.set(UN_PATH, { body, etag: '"un-4"', mode: 'gzip' });
    const r = await update(['un-sc'], { ENDTRACE_REGISTRY_BASE: base });
    expect(r.code, r.stderr).toBe(0);
    expect(results(r).map((x) => [x.status, x.version])).toEqual([['updated', '2024-04-01']]);
    expect(statusOf(await status(), 'un-sc')).toMatchObject({ version: '2024-04-01', checksum: sha256(body) });
  });

  it('a slow but steady download is not cut off by the connect timeout', async () => {
    // Six parts 300 ms apart: the whole body takes longer than the 1 s timeout, no pause does.
    const body = redate(unV2, '2024-05-01');
    routes.set(UN_PATH, { body, etag: '"un-5"', mode: 'slow' });
    const r = await update(['un-sc'], { ENDTRACE_REGISTRY_BASE: base, ENDTRACE_DOWNLOAD_TIMEOUT_MS: '1000' });
    expect(r.code, r.stderr).toBe(0);
    expect(results(r).map((x) => [x.status, x.version])).toEqual([['updated', '2024-05-01']]);
  });

  it('an unreachable server: unreachable, exit 1, nothing changed', async () => {
    const before = await versions();
    const r = await update(['un-sc', '--base', CLOSED_BASE]);
    expect(r.code).toBe(1);
    expect(results(r)).toEqual([
      { source: 'un-sc', url: `${CLOSED_BASE}${UN_PATH}`, status: 'unreachable', version: null, error: `${CLOSED_BASE}${UN_PATH}: cannot reach the server (ECONNREFUSED)` },
    ]);
    expect(stderrLines(r)).toContain(`endtrace: error: ${CLOSED_BASE}${UN_PATH}: cannot reach the server (ECONNREFUSED) [unreachable] — un-sc: unreachable; its loaded version was not changed`);
    expect(await versions()).toEqual(before);
  });

  it('a new store with a warm cache: the 304 loads the cached file', async () => {
    const fresh = join(dir, 'fresh.db');
    const r = await update(['un-sc'], { ENDTRACE_REGISTRY_BASE: base }, fresh);
    expect(r.code, r.stderr).toBe(0);
    expect(results(r).map((x) => [x.status, x.version])).toEqual([['not_modified', '2024-05-01']]);
    expect((await status(fresh)).map((s) => [s.source, s.version])).toEqual([['un-sc', '2024-05-01']]);
  });

  it('start goes online through ENDTRACE_REGISTRY_BASE and loads every official source', async () => {
    routes.set(SDN_PATH, { body: readFileSync(cliFixture('lists/ofac-consolidated/consolidated.xml')) });
    routes.set('/api/PublicationPreview/exports/CONSOLIDATED.XML', { body: readFileSync(cliFixture('lists/ofac-consolidated/consolidated.xml')) });
    routes.set('/downloadable_consolidated_screening_list/v1/consolidated.csv', { body: readFileSync(cliFixture('lists/us-csl/consolidated.csv')), contentType: 'text/csv' });
    routes.set('/publishlive/2022format/ConList.csv', { body: readFileSync(cliFixture('lists/uk/ConList.csv')), contentType: 'text/csv' });
    routes.set(UN_PATH, { body: unV1 });
    const fresh = join(dir, 'start.db');
    const r = await runCli(['--db', fresh, '--json', 'start', '--no-serve'], dir, { env: { ENDTRACE_REGISTRY_BASE: base, ENDTRACE_CACHE_DIR: join(dir, 'start-cache') } });
    expect(r.code, r.stderr).toBe(0);
    expect(stderrLines(r).filter((l) => /^[a-z-]+: (updated|not_modified|unchanged|failed|unreachable)( |$)/.test(l)).map((l) => l.split(' (')[0])).toEqual(['ofac-sdn: updated', 'ofac-cons: updated', 'us-csl: updated', 'uk-ofsi: updated', 'un-sc: updated']);
    expect(parseStatus(r.stdout).map((s) => [s.source, s.version, s.entities])).toEqual([
      ['ofac-cons', '2025-03-28', 2],
      ['ofac-sdn', '2025-03-28', 2],
      ['uk-ofsi', '2024-02-01', 2],
      ['un-sc', '2024-01-15', 3],
      ['us-csl', expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), 3],
    ]);
  });

  it('an unknown source is a usage error, exit 2', async () => {
    const r = await update(['eu-fsf', '--base', base]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(stderrLines(r)).toEqual(['endtrace: error: unknown source eu-fsf (known: ofac-sdn, ofac-cons, us-csl, uk-ofsi, un-sc)']);
  });
});

/**
 * The real OFAC SDN lists in PostgreSQL, side by side with SQLite:
 * - the 2023-12-28 triple gives the same versions, digests, entities (Kupol) and iteration;
 * - a load of 2024-05-03 killed half-way (SIGKILL of the loading process) leaves the active
 *   version as it was, and the next load of it works;
 * - two screening services on two connection pools over one database: a list update through
 *   one is seen by the other within its refresh interval.
 * The steps after the first build on each other and run in order.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadLists, ScreeningService } from '../../src/service/index.js';
import { PostgresStore, SqliteStore } from '../../src/store/index.js';
import type { EntityRecord, Store } from '../../src/store/index.js';
import { dataFile, describeShared, REPO_ROOT } from '../helpers/shared-data.js';
import { tempDir } from '../cli/run-cli.js';
import { describePg, dropSchemas, pgUrl, scratchSchema, TEST_PG } from './pg-scratch.js';

const SDN_2023 = dataFile('ofac_sdn', '2023-12-28');
const SDN_2024 = dataFile('ofac_sdn', '2024-05-03');
const KUPOL = 'ofac-46431';

/** A record without the Entity instance: its FtM form instead. */
const plain = (r: EntityRecord | null) => (r ? { ...r, entity: r.entity.toFtM() } : null);

/** sha256 over every entity the store iterates (targets only), in order, and their number. */
async function iterationDigest(store: Store): Promise<{ count: number; sha256: string }> {
  const hash = createHash('sha256');
  let count = 0;
  for await (const batch of store.iterateEntities({ targetOnly: true, batchSize: 1500 })) {
    for (const e of batch) {
      hash.update(`${JSON.stringify(e.toFtM())}\n`);
      count++;
    }
  }
  return { count, sha256: hash.digest('hex') };
}

/** Runs test/store/pg-load-child.ts and SIGKILLs it once it has written `batches` batches. */
function loadAndKill(url: string, dir: string, batches: number): Promise<{ written: number; signal: NodeJS.Signals | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'test/store/pg-load-child.ts'), url, dir], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let written = 0;
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      for (const m of d.matchAll(/wrote (\d+)/g)) written = Number(m[1]);
      if (d.includes('done')) reject(new Error('the load finished before it could be killed'));
      if (written >= batches) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('close', (code, signal) => (signal ? resolve({ written, signal }) : reject(new Error(`the loader exited ${code} before it was killed:\n${stderr}`))));
  });
}

describeShared('the real OFAC SDN lists', () => {
  describePg('in PostgreSQL, beside SQLite', () => {
    const schema = scratchSchema('lists');
    let remove = () => undefined as void;
    let pg: PostgresStore;
    let sqlite: SqliteStore;
    let kupolBefore: ReturnType<typeof plain>;

    beforeAll(async () => {
      const tmp = tempDir('pg-lists');
      remove = tmp.remove;
      pg = await PostgresStore.open(TEST_PG, { schema });
      sqlite = new SqliteStore(join(tmp.dir, 'store.db'));
      const [p, s] = await Promise.all([loadLists(pg, SDN_2023), loadLists(sqlite, SDN_2023)]);
      expect(p.units.map((u) => [u.status, u.error?.message])).toEqual([['loaded', undefined]]);
      expect(s.units.map((u) => [u.status, u.error?.message])).toEqual([['loaded', undefined]]);
    });
    afterAll(async () => {
      await pg?.close();
      await sqlite?.close();
      remove();
      await dropSchemas([schema]);
    });

    it.sequential('gives the same version, digests, Kupol and iteration as SQLite', async () => {
      const [pv] = await pg.versions();
      const [sv] = await sqlite.versions();
      const strip = ({ id: _, loadedAt: __, ...rest }: NonNullable<typeof pv>) => rest;
      expect(strip(pv!)).toEqual(strip(sv!));
      expect(pv).toMatchObject({ source: 'ofac-sdn', version: '2023-12-28', entities: 13_821, active: true });
      const digests = await pg.digests(pv!.id);
      expect(digests).toHaveLength(13_821);
      expect(digests).toEqual(await sqlite.digests(sv!.id));

      kupolBefore = plain(await pg.getEntity(KUPOL));
      expect(kupolBefore?.entity.caption).toBe('JOINT STOCK COMPANY IZHEVSK ELECTROMECHANICAL PLANT KUPOL');
      expect(kupolBefore).toEqual(plain(await sqlite.getEntity(KUPOL)));
      expect(await pg.references(KUPOL)).toEqual(await sqlite.references(KUPOL));
      const roots = digests.slice(0, 50).map((d) => d.rootId);
      // In no particular order (the contract names none).
      const sorted = (rows: Awaited<ReturnType<Store['bundleStatements']>>) => rows.map((r) => JSON.stringify(r)).sort();
      expect(sorted(await pg.bundleStatements(pv!.id, roots))).toEqual(sorted(await sqlite.bundleStatements(sv!.id, roots)));
      for (const filter of [{ props: ['alias', 'weakAlias'] }, { originLike: 'alt.csv:%' }, { versionId: pv!.id }]) {
        const sqliteFilter = 'versionId' in filter ? { versionId: sv!.id } : filter;
        expect(await pg.countStatements(filter)).toBe(await sqlite.countStatements(sqliteFilter));
      }
      const [pi, si] = [await iterationDigest(pg), await iterationDigest(sqlite)];
      expect(pi.count).toBe(13_821);
      expect(pi).toEqual(si);
    });

    it.sequential('a load killed half-way leaves the active version as it was', async () => {
      const killed = await loadAndKill(pgUrl(schema), SDN_2024, 3);
      expect(killed).toMatchObject({ signal: 'SIGKILL' });
      expect(killed.written).toBeGreaterThanOrEqual(3);
      expect((await pg.versions('ofac-sdn')).map((v) => [v.version, v.active])).toEqual([['2023-12-28', true]]);
      expect(plain(await pg.getEntity(KUPOL))).toEqual(kupolBefore);
      expect((await pg.activeVersions())[0]?.entities).toBe(13_821);
    });

    it.sequential('two screening services over one database: an update through one reaches the other within its refresh interval', async () => {
      const otherStore = await PostgresStore.open(pgUrl(schema));
      try {
        const every = 1500;
        const a = new ScreeningService(pg, 0);
        const b = new ScreeningService(otherStore, every);
        const before = { 'ofac-sdn': '2023-12-28' };
        expect(await a.refresh()).toEqual(before);
        expect(await b.refresh()).toEqual(before);

        // The next load after the killed one works; it stays inactive until activated below.
        const report = await loadLists(pg, SDN_2024, { noActivate: true });
        expect(report.units.map((u) => [u.status, u.version?.version, u.version?.entities])).toEqual([['loaded', '2024-05-03', 14_965]]);
        const loaded = report.units[0]!.version!;

        expect(await b.refresh()).toEqual(before);
        const checkedAt = Date.now();
        await pg.activate(loaded.id);
        const after = { 'ofac-sdn': '2024-05-03' };
        // The store itself is consistent at once across pools; the services see it on their next check.
        expect((await otherStore.activeVersions()).map((v) => [v.source, v.version])).toEqual([['ofac-sdn', '2024-05-03']]);
        expect(await a.refresh()).toEqual(after);
        if (Date.now() - checkedAt < every - 200) expect(await b.refresh()).toEqual(before);
        await new Promise((r) => setTimeout(r, Math.max(0, checkedAt + every - Date.now())));
        expect(await b.refresh()).toEqual(after);
        const hit = await b.screen({ name: 'Izhevsk Electromechanical Plant Kupol', schema: 'Company' });
        expect(hit.lists).toEqual(after);
        expect(hit.results[0]).toMatchObject({ id: KUPOL, source: 'ofac-sdn' });
      } finally {
        await otherStore.close();
      }
    });
  });
});

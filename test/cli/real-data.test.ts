/**
 * The foundation's "must show" on the real files in /work/shared/data, through the built CLI:
 * - a whole-folder load: several lists and versions, loaded in the order of the lists' dates,
 *   the files that cannot load alone reported and skipped, and the exact count of every list;
 * - OFAC SDN: the 2023-12-28 triple with every alias and address attached, `entities show` of
 *   Kupol and TSK VEKTOR, a load of 2024-05-03 killed half-way that leaves no trace, and the
 *   2024-05-03 list, loaded again, diffed against 2023-12-28.
 * The two run side by side, each on its own store; every real file loads once per store.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATA_DIR, dataFile, describeShared } from '../helpers/shared-data.js';
import { expectKupolHuman, expectKupolJson, expectVektorHuman, expectVektorJson } from './kupol.js';
import { cliOk, countEntities, parseStatus, requireBuild, runCli, spawnCli, stderrLines, tempDir, today, withStore } from './run-cli.js';
import type { CliResult, StatusRow } from './run-cli.js';

requireBuild();

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

interface Version {
  id: number;
  source: string;
  version: string;
  published: string | null;
  entities: number;
  checksum: string;
  active: boolean;
  files: Array<{ name: string }>;
}

describeShared('the real list files through the CLI', () => {
  describe('lists load of the whole shared data folder', { concurrent: true }, () => {
    const { dir, remove } = tempDir('cli-real-folder');
    const db = join(dir, 'store.db');
    let r: CliResult;
    let versions: Version[];
    beforeAll(async () => {
      r = await cliOk(db, ['--json', 'lists', 'load', '--from', DATA_DIR], dir);
      versions = JSON.parse((await cliOk(db, ['--json', 'lists', 'versions'], dir)).stdout) as Version[];
    });
    afterAll(remove);

    it('stdout is the status contract: the newest version of every source is active', () => {
      const rows = parseStatus(r.stdout);
      expect(rows.map(({ source, version, published, entities }) => ({ source, version, published, entities }))).toEqual([
        { source: 'ofac-cons', version: today(), published: null, entities: 442 },
        { source: 'ofac-sdn', version: '2024-05-03', published: null, entities: 14_965 },
        { source: 'uk-ofsi', version: '2025-04-14', published: '2025-04-14', entities: 4_688 },
        { source: 'un-sc', version: '2026-02-27', published: '2026-02-27', entities: 1_003 },
        { source: 'us-csl', version: today(), published: null, entities: 14_160 },
        // FtM files without a date in their path: named by the latest last_change of their entities.
        { source: 'yente_t1', version: '2024-03-28', published: '2024-03-28', entities: 7 },
        { source: 'zala_sanctions_cluster', version: '2026-04-29', published: '2026-04-29', entities: 91 },
      ]);
    });

    it('reports the files that cannot stand alone and the unrecognised ones on stderr, and skips them', () => {
      expect(stderrLines(r).filter((l) => l.startsWith('skipped ')).sort()).toEqual([
        'skipped SOURCES.md: not a list format endtrace recognises',
        'skipped chpl/chpl_hs_codes.csv: not a list format endtrace recognises',
        'skipped ofac_sdn/2025-12-24/sdn_comments.csv: an OFAC comments file cannot stand alone: no main file (sdn.csv / cons_prim.csv) beside it',
        'skipped ofac_sdn/2026-06-02/add.csv: an OFAC add file cannot stand alone: no main file (sdn.csv / cons_prim.csv) beside it',
        'skipped ofac_sdn/2026-06-02/alt.csv: an OFAC alt file cannot stand alone: no main file (sdn.csv / cons_prim.csv) beside it',
        'skipped uk/ConList.xlsx: not a list format endtrace recognises',
      ]);
    });

    it('loads the versions of one source in the order of their dates', () => {
      const loaded = stderrLines(r).filter((l) => / loaded [\d,]+ entities from /.test(l)).map((l) => l.slice(0, l.indexOf(' entities from ')));
      expect(loaded).toEqual([
        'ofac-cons 2025-03-28: loaded 443',
        `ofac-cons ${today()}: loaded 442`,
        'ofac-sdn 2023-12-28: loaded 13,821',
        'ofac-sdn 2024-05-03: loaded 14,965',
        'uk-ofsi 2016-03-23: loaded 1,924',
        'uk-ofsi 2025-04-14: loaded 4,688',
        'un-sc 2026-02-27: loaded 1,003',
        `us-csl ${today()}: loaded 14,160`,
        'yente_t1 2024-03-28: loaded 7',
        'zala_sanctions_cluster 2026-04-29: loaded 91',
      ]);
      expect(stderrLines(r).filter((l) => l.startsWith('endtrace: error'))).toEqual([]);
    });

    it('lists versions: the older versions are kept, inactive', () => {
      const of = (source: string) => versions.filter((v) => v.source === source).map((v) => [v.version, v.active]);
      expect(of('ofac-sdn')).toEqual([['2024-05-03', true], ['2023-12-28', false]]);
      expect(of('uk-ofsi')).toEqual([['2025-04-14', true], ['2016-03-23', false]]);
      expect(of('ofac-cons')).toEqual([[today(), true], ['2025-03-28', false]]);
    });

    it.each([
      ['US CSL', 'us_csl/consolidated.csv.gz', 'us-csl', today(), 14_160],
      ['UK ConList 2025-04-14', 'uk/ConList.from_xlsx.csv.gz', 'uk-ofsi', '2025-04-14', 4_688],
      ['UN SC', 'un/consolidated.xml', 'un-sc', '2026-02-27', 1_003],
      ['OFAC consolidated.xml', 'ofac_consolidated/consolidated.xml', 'ofac-cons', '2025-03-28', 443],
      ['zala FtM sample', 'opensanctions/zala_sanctions_cluster/entities.ftm.json', 'zala_sanctions_cluster', '2026-04-29', 91],
    ])('%s: exact entity count and checksum', (_, path, source, version, entities) => {
      const v = versions.find((x) => x.source === source && x.version === version)!;
      expect(v).toBeDefined();
      expect([v.entities, v.checksum, v.files.map((f) => f.name)]).toEqual([entities, sha256(dataFile(path)), [path]]);
    });

    it('UN SC: 730 persons and 273 entities', async () => {
      const counts = await withStore(db, async (store) => {
        const v = versions.find((x) => x.source === 'un-sc')!;
        const bySchema: Record<string, number> = {};
        for (const d of await store.digests(v.id)) bySchema[d.schema] = (bySchema[d.schema] ?? 0) + 1;
        return bySchema;
      });
      expect(counts.Person).toBe(730);
      expect(Object.entries(counts).filter(([schema]) => schema !== 'Person').reduce((n, [, c]) => n + c, 0)).toBe(273);
    });

    it('zala FtM sample under --dataset: 91 entities under that name', async () => {
      const path = dataFile('opensanctions/zala_sanctions_cluster/entities.ftm.json');
      const rows = parseStatus((await cliOk(db, ['--json', 'lists', 'load', '--from', path, '--dataset', 'zala'], dir)).stdout);
      expect(rows.map(({ source, version, published, entities, checksum }) => ({ source, version, published, entities, checksum }))).toEqual([
        { source: 'zala', version: '2026-04-29', published: '2026-04-29', entities: 91, checksum: sha256(path) },
      ]);
    });
  });

  // Its tests run in order (it.sequential), beside the folder suite.
  describe('OFAC SDN 2023-12-28 and 2024-05-03', { concurrent: true }, () => {
    const { dir, remove } = tempDir('cli-real-sdn');
    const db = join(dir, 'store.db');
    let loaded: StatusRow[];
    let loadLog: string[];

    beforeAll(async () => {
      const r = await cliOk(db, ['lists', 'load', '--from', dataFile('ofac_sdn/2023-12-28'), '--json'], dir);
      loaded = parseStatus(r.stdout);
      loadLog = stderrLines(r);
    });
    afterAll(remove);

    it.sequential('lists load --json prints the status contract: 13,821 entities', async () => {
      expect(loaded).toHaveLength(1);
      const { loadedAt: _, checksum, ...row } = loaded[0]!;
      expect(row).toEqual({ source: 'ofac-sdn', version: '2023-12-28', published: null, entities: 13_821 });
      expect(checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(loadLog.filter((l) => l.startsWith('ofac-sdn 2023-12-28: loaded 13,821 entities from sdn.csv + add.csv + alt.csv in '))).toHaveLength(1);
      expect(parseStatus((await cliOk(db, ['lists', 'status', '--json'], dir)).stdout)).toEqual(loaded);
    });

    it.sequential('attaches the 17,091 aliases of alt.csv and the 16,338 addresses of add.csv (its 18,990 rows less the 2,652 all -0-)', async () => {
      await withStore(db, async (store) => {
        const v = (await store.findVersion('ofac-sdn', '2023-12-28'))!;
        expect(v.files.map((f) => [f.role, f.name, f.sha256])).toEqual([
          ['main', 'sdn.csv', sha256(dataFile('ofac_sdn/2023-12-28/sdn.csv'))],
          ['add', 'add.csv', sha256(dataFile('ofac_sdn/2023-12-28/add.csv'))],
          ['alt', 'alt.csv', sha256(dataFile('ofac_sdn/2023-12-28/alt.csv'))],
        ]);
        expect(await store.countStatements({ versionId: v.id, props: ['alias', 'weakAlias', 'previousName'], originLike: 'alt.csv:%' })).toBe(17_091);
        expect(countEntities(store, v.id, 'Address')).toBe(16_338);
        const schemata = new Map<string, number>();
        for (const d of await store.digests(v.id)) schemata.set(d.schema, (schemata.get(d.schema) ?? 0) + 1);
        expect(schemata.get('Person')).toBe(6_646);
        expect(schemata.get('Vessel')).toBe(764);
        expect(schemata.get('Airplane')).toBe(378);
      });
    });

    it.sequential('entities show ofac-46431: Kupol, human and --json', async () => {
      expectKupolHuman((await cliOk(db, ['entities', 'show', 'ofac-46431'], dir)).stdout);
      expectKupolJson((await cliOk(db, ['--json', 'entities', 'show', 'ofac-46431'], dir)).stdout);
    });

    it.sequential('entities show ofac-46441: TSK VEKTOR, "Linked To" Kupol, human and --json', async () => {
      expectVektorHuman((await cliOk(db, ['entities', 'show', 'ofac-46441'], dir)).stdout);
      expectVektorJson((await cliOk(db, ['--json', 'entities', 'show', 'ofac-46441'], dir)).stdout);
    });

    it.sequential('a load of 2024-05-03 killed (SIGKILL) once it writes rows leaves 2023-12-28 active and the file intact', async () => {
      const child = spawnCli(['--db', db, 'lists', 'load', '--from', dataFile('ofac_sdn/2024-05-03/sdn.csv')], dir);
      let stderr = '';
      // Without a terminal the CLI prints a progress line every second; kill at a third of the file,
      // when the first batches are written into the version's (uncommitted) transaction.
      const killedAt = await new Promise<number>((resolve, reject) => {
        child.stderr!.setEncoding('utf8').on('data', (d: string) => {
          stderr += d;
          const percent = Number([...stderr.matchAll(/\((\d+)%\)/g)].pop()?.[1] ?? 0);
          if (percent >= 30 && !child.killed) {
            child.kill('SIGKILL');
            resolve(percent);
          }
        });
        child.on('exit', (code, signal) => {
          if (signal !== 'SIGKILL') reject(new Error(`the load ended (exit ${code}) before it could be killed:\n${stderr}`));
        });
      });
      await new Promise((r) => child.once('close', r));
      expect(child.signalCode).toBe('SIGKILL');
      expect(killedAt).toBeLessThan(100);
      expect(stderr).not.toMatch(/loaded [\d,]+ entities/);

      const sqlite = new Database(db);
      try {
        expect(sqlite.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
      } finally {
        sqlite.close();
      }
      expect(parseStatus((await cliOk(db, ['lists', 'status', '--json'], dir)).stdout)).toEqual(loaded);
      const versions = JSON.parse((await cliOk(db, ['--json', 'lists', 'versions'], dir)).stdout) as Array<{ version: string; active: boolean }>;
      expect(versions.map((v) => [v.version, v.active])).toEqual([['2023-12-28', true]]);
    });

    describe('after loading 2024-05-03/sdn.csv (again, after the killed load)', () => {
      interface Diff {
        source: string;
        from: string;
        to: string;
        added: string[];
        removed: string[];
        modified: string[];
      }
      let diff: Diff;
      beforeAll(async () => {
        const r = await cliOk(db, ['--json', 'lists', 'load', '--from', dataFile('ofac_sdn/2024-05-03/sdn.csv')], dir);
        expect(parseStatus(r.stdout).map(({ source, version, entities }) => ({ source, version, entities }))).toEqual([{ source: 'ofac-sdn', version: '2024-05-03', entities: 14_965 }]);
        diff = JSON.parse((await cliOk(db, ['--json', 'lists', 'diff', 'ofac-sdn'], dir)).stdout) as Diff;
      });

      it('lists diff ofac-sdn: exactly 1,256 added and 112 removed', () => {
        expect([diff.source, diff.from, diff.to]).toEqual(['ofac-sdn', '2023-12-28', '2024-05-03']);
        expect(diff.added).toHaveLength(1_256);
        expect(diff.removed).toHaveLength(112);
        expect(new Set([...diff.added, ...diff.removed, ...diff.modified]).size).toBe(1_256 + 112 + diff.modified.length);
        expect(diff.added).toContain('ofac-45708');
        expect(diff.removed).toContain('ofac-10610');
        // 2024-05-03 comes without its add.csv and alt.csv, so every entry in both lists is modified
        // but the 1,742 whose sdn.csv row is the same and that have no alt.csv row and only add.csv
        // rows of -0- (which give no Address).
        expect(diff.modified).toHaveLength(13_821 - 112 - 1_742);
      });

      it('--from/--to select the versions (human form)', async () => {
        const back = (await cliOk(db, ['lists', 'diff', 'ofac-sdn', '--from', '2024-05-03', '--to', '2023-12-28'], dir)).stdout.split('\n');
        expect(back.slice(0, 4)).toEqual(['ofac-sdn: 2024-05-03 → 2023-12-28', '  added:    112', '  removed:  1256', `  modified: ${13_821 - 112 - 1_742}`]);
        expect(back.slice(4, 24)).toEqual(diff.removed.slice(0, 20).map((id) => expect.stringMatching(new RegExp(`^  \\+ ${id}  \\S`))));
        expect(back).toContain('  … 92 more (use --json for all)');
      });

      it('an unknown source or version: a clear error, exit 1', async () => {
        const source = await runCli(['--db', db, 'lists', 'diff', 'ofac-sdm'], dir);
        expect([source.code, source.stdout, stderrLines(source)]).toEqual([1, '', ['endtrace: error: no version of ofac-sdm is loaded (loaded sources: ofac-sdn) [unknown_source]']]);
        const version = await runCli(['--db', db, 'lists', 'diff', 'ofac-sdn', '--to', '2024-05-04'], dir);
        expect([version.code, version.stdout, stderrLines(version)]).toEqual([1, '', ['endtrace: error: ofac-sdn has no version 2024-05-04 (loaded: 2024-05-03, 2023-12-28) [unknown_version]']]);
      });
    });
  });
});

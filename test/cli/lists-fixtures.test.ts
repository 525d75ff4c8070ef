/**
 * `endtrace lists load|status|versions|diff` and `entities show` end to end on the small
 * fixtures in test/fixtures/cli/lists (excerpts of the public-domain OFAC and UN files, and
 * fictional UK, FtM and hostile records): the same code paths as the real-data suites, always run.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectKupolHuman, expectKupolJson, expectVektorHuman, expectVektorJson } from './kupol.js';
import { cliFixture, cliOk, parseStatus, requireBuild, runCli, statusOf, stderrLines, tempDir, today, withStore } from './run-cli.js';
import type { CliResult } from './run-cli.js';

requireBuild();

const LISTS = cliFixture('lists');
const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

interface DiffJson {
  source: string;
  from: string;
  to: string;
  added: string[];
  removed: string[];
  modified: string[];
  details: {
    added: Array<{ id: string; caption: string; schema: string }>;
    removed: Array<{ id: string; caption: string; schema: string }>;
    modified: Array<{ id: string; added: Array<{ prop: string; value: string }>; removed: Array<{ prop: string; value: string }> }>;
  };
}

// The three suites of this file run side by side, each on its own store; this one in order.
describe('lists load, entities show and lists diff, one unit at a time (fixtures)', { concurrent: true }, () => {
  const { dir, remove } = tempDir('cli-fixtures');
  const db = join(dir, 'store.db');
  afterAll(remove);

  it.sequential('loads an OFAC CSV triple (folder) and prints the status contract', async () => {
    const r = await cliOk(db, ['--json', 'lists', 'load', '--from', join(LISTS, 'ofac-sdn/2024-01-10')], dir);
    const rows = parseStatus(r.stdout);
    expect(rows.map(({ loadedAt: _, checksum: __, ...rest }) => rest)).toEqual([{ source: 'ofac-sdn', version: '2024-01-10', published: null, entities: 8 }]);
    expect(stderrLines(r)).toEqual([
      expect.stringMatching(/^ofac-sdn 2024-01-10: loaded 8 entities from sdn\.csv \+ add\.csv \+ alt\.csv in \d+\.\d s \(active\); 1 record issue\(s\): unresolved_link 1$/),
    ]);
    const status = parseStatus((await cliOk(db, ['lists', 'status', '--json'], dir)).stdout);
    expect(status).toEqual(rows);
  });

  it.sequential('attaches the alt.csv aliases and the add.csv addresses', async () => {
    await withStore(db, async (store) => {
      const v = (await store.findVersion('ofac-sdn', '2024-01-10'))!;
      expect(await store.countStatements({ versionId: v.id, props: ['alias', 'weakAlias', 'previousName'], originLike: 'alt.csv:%' })).toBe(14);
      // 6 add.csv rows; those of 7828 and 15036 are all -0- and give no Address.
      const addresses = (store.db.prepare("SELECT count(*) AS n FROM entity WHERE version_id = ? AND schema = 'Address'").get(v.id) as { n: number }).n;
      expect(addresses).toBe(4);
    });
  });

  it.sequential('entities show ofac-46431: Kupol with its aliases, address, identifiers, program and links', async () => {
    expectKupolHuman((await cliOk(db, ['entities', 'show', 'ofac-46431'], dir)).stdout);
    expectKupolJson((await cliOk(db, ['--json', 'entities', 'show', 'ofac-46431'], dir)).stdout);
  });

  it.sequential('entities show ofac-46441: TSK VEKTOR and its "Linked To" relation to Kupol', async () => {
    expectVektorHuman((await cliOk(db, ['entities', 'show', 'ofac-46441'], dir)).stdout);
    expectVektorJson((await cliOk(db, ['entities', 'show', 'ofac-46441', '--json'], dir)).stdout);
  });

  it.sequential('keeps a name with <script> and a CSV formula verbatim', async () => {
    const script = JSON.parse((await cliOk(db, ['--json', 'entities', 'show', 'ofac-90001'], dir)).stdout) as { caption: string; properties: Record<string, string[]> };
    expect(script.caption).toBe("<script>alert('x')</script> TRADING LLC");
    expect(script.properties.name).toEqual(["<script>alert('x')</script> TRADING LLC"]);
    const formula = JSON.parse((await cliOk(db, ['--json', 'entities', 'show', 'ofac-90002'], dir)).stdout) as { properties: Record<string, string[]> };
    expect(formula.properties.name).toEqual(['=HYPERLINK("http://evil.example/","click")']);
    const human = (await cliOk(db, ['entities', 'show', 'ofac-90002'], dir)).stdout.split('\n');
    expect(human[0]).toBe('=HYPERLINK("http://evil.example/","click")  [Organization]  ofac-90002');
  });

  it.sequential('diff with a single version loaded: nothing to compare, exit 1', async () => {
    const r = await runCli(['--db', db, 'lists', 'diff', 'ofac-sdn'], dir);
    expect([r.code, r.stdout, stderrLines(r)]).toEqual([1, '', ['endtrace: error: ofac-sdn has only one version loaded (2024-01-10); nothing to compare [no_other_version]']]);
  });

  it.sequential('an unknown entity id is a clear error, exit 1', async () => {
    const r = await runCli(['--db', db, 'entities', 'show', 'ofac-0'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(stderrLines(r)).toEqual(['endtrace: error: no entity with id ofac-0']);
  });

  it.sequential('a newer version of the list becomes active; diff compares the two newest', async () => {
    const r = await cliOk(db, ['--json', 'lists', 'load', '--from', join(LISTS, 'ofac-sdn/2024-02-20')], dir);
    expect(statusOf(parseStatus(r.stdout), 'ofac-sdn')).toMatchObject({ version: '2024-02-20', entities: 6 });

    const diff = JSON.parse((await cliOk(db, ['--json', 'lists', 'diff', 'ofac-sdn'], dir)).stdout) as DiffJson;
    expect(Object.keys(diff).sort()).toEqual(['added', 'details', 'from', 'modified', 'removed', 'source', 'to']);
    expect({ source: diff.source, from: diff.from, to: diff.to, added: diff.added, removed: diff.removed, modified: diff.modified }).toEqual({
      source: 'ofac-sdn',
      from: '2024-01-10',
      to: '2024-02-20',
      added: ['ofac-47000'],
      removed: ['ofac-46442', 'ofac-90001', 'ofac-90002'],
      modified: ['ofac-15036'],
    });
    expect(diff.details.added).toEqual([{ id: 'ofac-47000', caption: 'NORTHWIND TEST SUPPLY LLC', schema: 'Company' }]);
    const vessel = diff.details.modified[0]!;
    expect(vessel.id).toBe('ofac-15036');
    expect(vessel.added.filter((c) => c.prop === 'previousName')).toEqual([{ entity: 'ofac-15036', schema: 'Vessel', prop: 'previousName', value: 'OMEGA' }]);
    expect(vessel.removed.map((c) => c.prop)).toEqual(['notes']);

    const human = (await cliOk(db, ['lists', 'diff', 'ofac-sdn'], dir)).stdout.split('\n');
    expect(human.slice(0, 4)).toEqual(['ofac-sdn: 2024-01-10 → 2024-02-20', '  added:    1', '  removed:  3', '  modified: 1']);
    expect(human).toContain('  + ofac-47000  NORTHWIND TEST SUPPLY LLC');
    expect(human).toContain('  - ofac-46442  LAGGAR PRO, OOO');
  });

  it.sequential('diff --from/--to pick the versions, in either direction', async () => {
    const back = JSON.parse((await cliOk(db, ['--json', 'lists', 'diff', 'ofac-sdn', '--from', '2024-02-20', '--to', '2024-01-10'], dir)).stdout) as DiffJson;
    expect([back.from, back.to, back.added, back.removed, back.modified]).toEqual(['2024-02-20', '2024-01-10', ['ofac-46442', 'ofac-90001', 'ofac-90002'], ['ofac-47000'], ['ofac-15036']]);
    const to = JSON.parse((await cliOk(db, ['--json', 'lists', 'diff', 'ofac-sdn', '--to', '2024-02-20'], dir)).stdout) as DiffJson;
    expect([to.from, to.to]).toEqual(['2024-01-10', '2024-02-20']);
    const from = JSON.parse((await cliOk(db, ['--json', 'lists', 'diff', 'ofac-sdn', '--from', '2024-01-10'], dir)).stdout) as DiffJson;
    expect([from.from, from.to, from.added]).toEqual(['2024-01-10', '2024-02-20', ['ofac-47000']]);
  });

  it.sequential('diff of an unknown source or version, or with nothing to compare, is a clear error, exit 1', async () => {
    const source = await runCli(['--db', db, 'lists', 'diff', 'eu-fsf'], dir);
    expect([source.code, source.stdout]).toEqual([1, '']);
    expect(stderrLines(source)).toEqual(['endtrace: error: no version of eu-fsf is loaded (loaded sources: ofac-sdn) [unknown_source]']);
    const version = await runCli(['--db', db, 'lists', 'diff', 'ofac-sdn', '--from', '2023-01-01', '--to', '2024-02-20'], dir);
    expect([version.code, version.stdout]).toEqual([1, '']);
    expect(stderrLines(version)).toEqual(['endtrace: error: ofac-sdn has no version 2023-01-01 (loaded: 2024-02-20, 2024-01-10) [unknown_version]']);
    const before = await runCli(['--db', db, 'lists', 'diff', 'ofac-sdn', '--to', '2024-01-10'], dir);
    expect(before.code).toBe(1);
    expect(stderrLines(before)).toEqual(['endtrace: error: ofac-sdn has no version before 2024-01-10 [no_other_version]']);
  });

  it.sequential('lists versions: every version, newest first, one active', async () => {
    const versions = JSON.parse((await cliOk(db, ['--json', 'lists', 'versions', 'ofac-sdn'], dir)).stdout) as Array<{ version: string; active: boolean; entities: number; files: Array<{ name: string }> }>;
    expect(versions.map((v) => [v.version, v.active, v.entities, v.files.map((f) => f.name).join(' + ')])).toEqual([
      ['2024-02-20', true, 6, 'sdn.csv + add.csv + alt.csv'],
      ['2024-01-10', false, 8, 'sdn.csv + add.csv + alt.csv'],
    ]);
  });

  it.sequential('loading the same files again changes nothing', async () => {
    const before = parseStatus((await cliOk(db, ['lists', 'status', '--json'], dir)).stdout);
    const r = await cliOk(db, ['--json', 'lists', 'load', '--from', join(LISTS, 'ofac-sdn/2024-02-20')], dir);
    expect(parseStatus(r.stdout)).toEqual(before);
    expect(stderrLines(r)).toEqual(['ofac-sdn 2024-02-20: unchanged (already loaded from sdn.csv + add.csv + alt.csv)']);
  });
});

// Each test loads another source, so they run side by side on one store.
describe('lists load of each format (fixtures)', { concurrent: true }, () => {
  const { dir, remove } = tempDir('cli-formats');
  const db = join(dir, 'store.db');
  beforeAll(async () => {
    await cliOk(db, ['lists', 'status'], dir);
  });
  afterAll(remove);

  const load = async (path: string, ...extra: string[]) => parseStatus((await cliOk(db, ['--json', 'lists', 'load', '--from', join(LISTS, path), ...extra], dir)).stdout);

  it.each([
    ['OFAC XML', 'ofac-consolidated/consolidated.xml', { source: 'ofac-cons', version: '2025-03-28', published: '2025-03-28', entities: 2 }],
    ['US CSL CSV', 'us-csl/consolidated.csv', { source: 'us-csl', version: today(), published: null, entities: 3 }],
    ['UK OFSI ConList CSV', 'uk/ConList.csv', { source: 'uk-ofsi', version: '2024-02-01', published: '2024-02-01', entities: 2 }],
    ['UN SC XML', 'un/b-first.xml', { source: 'un-sc', version: '2024-01-15', published: '2024-01-15', entities: 3 }],
  ])('%s', async (_, path, expected) => {
    const rows = await load(path);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ ...expected, checksum: sha256(join(LISTS, path)) });
  });

  it('FtM JSON under --dataset and under its folder name', async () => {
    const file = 'opensanctions/test_cluster/entities.ftm.json';
    // No date in its path: the version is named by the latest last_change of its entities.
    expect(await load(file, '--dataset', 'sample')).toMatchObject([{ source: 'sample', version: '2024-01-20', published: '2024-01-20', entities: 3, checksum: sha256(join(LISTS, file)) }]);
    expect(await load(file)).toMatchObject([{ source: 'test_cluster', version: '2024-01-20', published: '2024-01-20', entities: 3 }]);
    const owner = JSON.parse((await cliOk(db, ['--json', 'entities', 'show', 'ft-company-1'], dir)).stdout) as { datasets: string[]; relations: Array<{ schema: string; direction: string; other: { id: string } }> };
    expect(owner.datasets).toEqual(['sample', 'test_cluster']);
    expect(owner.relations.map((r) => [r.schema, r.direction, r.other.id])).toEqual([['Ownership', 'incoming', 'ft-person-1']]);
  });
});

describe('lists load of a whole folder (fixtures)', { concurrent: true }, () => {
  const { dir, remove } = tempDir('cli-folder');
  const db = join(dir, 'store.db');
  let out: CliResult;
  beforeAll(async () => {
    out = await runCli(['--db', db, 'lists', 'load', '--from', LISTS, '--json'], dir);
  });
  afterAll(remove);

  it('loads every unit, exit 0, and prints the status contract of the sources', () => {
    expect(out.code).toBe(0);
    const rows = parseStatus(out.stdout);
    expect(rows.map(({ loadedAt: _, checksum: __, ...rest }) => rest)).toEqual([
      { source: 'ofac-cons', version: '2025-03-28', published: '2025-03-28', entities: 2 },
      { source: 'ofac-sdn', version: '2024-02-20', published: null, entities: 6 },
      { source: 'test_cluster', version: '2024-01-20', published: '2024-01-20', entities: 3 },
      { source: 'uk-ofsi', version: '2024-02-01', published: '2024-02-01', entities: 2 },
      { source: 'un-sc', version: '2024-03-01', published: '2024-03-01', entities: 4 },
      { source: 'us-csl', version: today(), published: null, entities: 3 },
    ]);
  });

  it('reports the skipped files on stderr: companions without their main file, unrecognised files', () => {
    const skipped = stderrLines(out).filter((l) => l.startsWith('skipped '));
    expect(skipped).toEqual([
      'skipped README.txt: not a list format endtrace recognises',
      'skipped ofac-sdn/2024-03-05/add.csv: an OFAC add file cannot stand alone: no main file (sdn.csv / cons_prim.csv) beside it',
      'skipped ofac-sdn/2024-03-05/alt.csv: an OFAC alt file cannot stand alone: no main file (sdn.csv / cons_prim.csv) beside it',
    ]);
  });

  it('loads the versions of a source in the order of their dates, not of their names; the newest is active', async () => {
    const loaded = stderrLines(out).filter((l) => / loaded /.test(l)).map((l) => l.split(':')[0]);
    expect(loaded).toEqual(['ofac-cons 2025-03-28', 'ofac-sdn 2024-01-10', 'ofac-sdn 2024-02-20', 'test_cluster 2024-01-20', 'uk-ofsi 2024-02-01', 'un-sc 2024-01-15', 'un-sc 2024-03-01', `us-csl ${today()}`]);
    const versions = JSON.parse((await cliOk(db, ['--json', 'lists', 'versions', 'un-sc'], dir)).stdout) as Array<{ version: string; active: boolean; files: Array<{ name: string }> }>;
    expect(versions.map((v) => [v.version, v.active, v.files[0]!.name])).toEqual([
      ['2024-03-01', true, 'un/a-second.xml'],
      ['2024-01-15', false, 'un/b-first.xml'],
    ]);
  });
});

import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixture } from '../../test/helpers/shared-data.js';
import { SqliteStore } from '../store/index.js';
import { loadLists } from './load-lists.js';
import type { LoadOptions, UnitResult } from './load-lists.js';

const tmp = mkdtempSync(join(tmpdir(), 'endtrace-load-lists-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const today = () => new Date().toISOString().slice(0, 10);

let store: SqliteStore;
beforeEach(() => {
  store = new SqliteStore(':memory:');
});
afterEach(async () => {
  await store.close();
});

/** Writes a file under tmp (folders included) and returns its path. */
function write(path: string, text: string): string {
  const full = join(tmp, path);
  mkdirSync(join(full, '..'), { recursive: true });
  writeFileSync(full, text);
  return full;
}

/** FtM lines: one Person per name, with the given last_change (none when null). */
function ftm(names: string[], lastChanges: Array<string | null>): string {
  return names
    .map((name, i) => {
      const line: Record<string, unknown> = { id: `p-${i}-${name.toLowerCase()}`, schema: 'Person', properties: { name: [name], topics: ['sanction'] } };
      const change = lastChanges[i % lastChanges.length];
      if (change) line.last_change = change;
      return JSON.stringify(line);
    })
    .join('\n') + '\n';
}

async function loadOne(path: string, opts: LoadOptions = {}): Promise<UnitResult> {
  const report = await loadLists(store, path, opts);
  expect(report.units).toHaveLength(1);
  return report.units[0]!;
}

describe('loadLists: versions of lists without a date in their path', () => {
  it('names an undated FtM file by the last_change found while reading, not by today', async () => {
    const path = write('undated/alpha.ftm.json', ftm(['Ann', 'Bob', 'Cy'], ['2024-02-01T10:00:00', '2024-03-05T08:30:00', null]));
    const starts: string[] = [];
    const u = await loadOne(path, { progress: { unitStart: (unit) => starts.push(unit.source) } });
    expect([u.status, u.version?.version, u.version?.published, u.version?.entities, u.activated]).toEqual(['loaded', '2024-03-05', '2024-03-05', 3, true]);
    // The unit was read twice (the first version, named by today, was discarded): one version, announced once.
    expect((await store.versions('alpha')).map((v) => [v.version, v.active])).toEqual([['2024-03-05', true]]);
    expect(starts).toEqual(['alpha']);
    expect(await store.countStatements({ versionId: u.version!.id })).toBe(6);
  });

  it('does the same when the parser runs in the worker, and counts the issues of one reading', async () => {
    const lines = ftm(['Ann', 'Bob'], ['2023-11-30T00:00:00']) + '{"id": "x", "schema": "Person", "properties": {"name": "not a list"}}\n';
    const u = await loadOne(write('undated/beta.ftm.json', lines), { worker: true });
    expect([u.status, u.version?.version, u.version?.published, u.version?.entities]).toEqual(['loaded', '2023-11-30', '2023-11-30', 2]);
    expect([u.issues, u.issueCodes]).toEqual([1, { invalid_entity: 1 }]);
    expect((await store.versionIssues(u.version!.id)).map((i) => [i.code, i.line])).toEqual([['invalid_entity', 3]]);
  });

  it('orders and activates by that date: an older list loaded later stays inactive', async () => {
    const newer = await loadOne(write('undated/gamma-new.ftm.json', ftm(['Ann', 'Bob'], ['2024-06-01T00:00:00'])), { dataset: 'gamma' });
    const older = await loadOne(write('undated/gamma-old.ftm.json', ftm(['Ann'], ['2024-03-01T00:00:00'])), { dataset: 'gamma' });
    expect([newer.version?.version, newer.activated]).toEqual(['2024-06-01', true]);
    expect([older.status, older.version?.version, older.activated]).toEqual(['loaded', '2024-03-01', false]);
    expect((await store.activeVersions()).map((v) => [v.source, v.version])).toEqual([['gamma', '2024-06-01']]);
  });

  it('adds the checksum when a version of that date is already loaded', async () => {
    await loadOne(write('undated/delta-1.ftm.json', ftm(['Ann'], ['2024-05-05T00:00:00'])), { dataset: 'delta' });
    const again = await loadOne(write('undated/delta-2.ftm.json', ftm(['Ann', 'Bob'], ['2024-05-05T00:00:00'])), { dataset: 'delta' });
    expect(again.version?.version).toMatch(/^2024-05-05\.[0-9a-f]{8}$/);
    expect(again.activated).toBe(true);
  });

  it('keeps the date of a dated folder as the version name, and records the list date as published', async () => {
    const u = await loadOne(write('2024-01-01/epsilon.ftm.json', ftm(['Ann'], ['2024-03-05T00:00:00'])));
    expect([u.version?.version, u.version?.published]).toEqual(['2024-01-01', '2024-03-05']);
  });

  it('names a list whose parser finds no date by today', async () => {
    const ftmUnit = await loadOne(write('undated/zeta.ftm.json', ftm(['Ann'], [null])));
    expect([ftmUnit.version?.version, ftmUnit.version?.published]).toEqual([today(), null]);
    const csl = await loadOne(fixture('cli', 'lists', 'us-csl', 'consolidated.csv'));
    expect([csl.source, csl.version?.version, csl.version?.published, csl.version?.entities]).toEqual(['us-csl', today(), null, 3]);
  });
});

describe('loadLists: a list without entities is refused', () => {
  const UN = fixture('cli', 'lists', 'un', 'b-first.xml');
  const emptyUn = () =>
    write(
      'empty/un-empty.xml',
      readFileSync(UN, 'utf8')
        .replace(/dateGenerated="[^"]+"/, 'dateGenerated="2024-06-01T00:00:00.000Z"')
        .replace(/<INDIVIDUALS>[\s\S]*<\/INDIVIDUALS>/, '<INDIVIDUALS/>')
        .replace(/<ENTITIES>[\s\S]*<\/ENTITIES>/, '<ENTITIES/>'),
    );

  it('a valid UN list with no record: failed (empty_list), naming the file; the loaded version stays, active', async () => {
    const dir = join(tmp, 'un-good');
    mkdirSync(dir, { recursive: true });
    copyFileSync(UN, join(dir, 'consolidated.xml'));
    const good = await loadOne(join(dir, 'consolidated.xml'));
    expect([good.status, good.version?.version, good.version?.entities]).toEqual(['loaded', '2024-01-15', 3]);
    const before = await store.versions();

    const u = await loadOne(emptyUn());
    expect([u.status, u.source, u.version, u.activated]).toEqual(['failed', 'un-sc', null, false]);
    expect([u.error?.kind, u.error?.code, u.error?.location]).toEqual(['input', 'empty_list', { file: 'un-empty.xml' }]);
    expect(u.error?.message).toBe('the list holds no entities; refused, so that an empty file does not replace a loaded list');
    expect(await store.versions()).toEqual(before);
    expect((await store.activeVersions()).map((v) => [v.source, v.version])).toEqual([['un-sc', '2024-01-15']]);
  });

  it('a US CSL CSV with its header only, in the worker: failed, and nothing is stored', async () => {
    const header = readFileSync(fixture('cli', 'lists', 'us-csl', 'consolidated.csv'), 'utf8').split('\n')[0]!;
    const u = await loadOne(write('empty/consolidated.csv', `${header}\n`), { worker: true });
    expect([u.status, u.source, u.error?.code, u.error?.location]).toEqual(['failed', 'us-csl', 'empty_list', { file: 'consolidated.csv' }]);
    expect(await store.versions()).toEqual([]);
  });
});

import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixture } from '../../test/helpers/shared-data.js';
import { EndtraceError } from '../model/index.js';
import type { Issue } from '../model/index.js';
import type { ListMeta, LoadUnit } from '../lists/index.js';
import { SqliteStore } from '../store/index.js';
import type { VersionRows } from '../store/index.js';
import { loadLists } from './load-lists.js';
import { ParseWorker, parseRowsHere } from './parse-rows.js';
import type { RowStream } from './parse-rows.js';

const tmp = mkdtempSync(join(tmpdir(), 'endtrace-parse-rows-'));
const worker = new ParseWorker();
afterAll(async () => {
  await worker.close();
  rmSync(tmp, { recursive: true, force: true });
});

const ofacDir = fixture('lists', 'ofac-csv');
const sdnUnit = (): LoadUnit => ({
  source: 'ofac-sdn',
  format: 'ofac-csv',
  files: [
    { role: 'main', path: join(ofacDir, 'sdn.csv'), name: 'sdn.csv' },
    { role: 'add', path: join(ofacDir, 'add.csv'), name: 'add.csv' },
    { role: 'alt', path: join(ofacDir, 'alt.csv'), name: 'alt.csv' },
    { role: 'comments', path: join(ofacDir, 'sdn_comments.csv'), name: 'sdn_comments.csv' },
  ],
  pathDate: null,
});

interface Drained {
  batches: VersionRows[];
  issues: Issue[];
  progress: number[];
  meta: ListMeta;
}

async function drain(start: (ctx: { issue(i: Issue): void; progress(n: number): void }) => RowStream): Promise<Drained> {
  const issues: Issue[] = [];
  const progress: number[] = [];
  const batches: VersionRows[] = [];
  const stream = start({ issue: (i) => issues.push(i), progress: (n) => progress.push(n) });
  let step = await stream.next();
  while (!step.done) {
    batches.push(step.value);
    step = await stream.next();
  }
  return { batches, issues, progress, meta: step.value };
}

async function failure(start: () => Promise<unknown>): Promise<EndtraceError> {
  try {
    await start();
  } catch (err) {
    expect(err).toBeInstanceOf(EndtraceError);
    return err as EndtraceError;
  }
  throw new Error('expected an error');
}

describe('parsing in the worker thread', () => {
  it('gives the rows, issues, progress and meta of parsing here', async () => {
    const here = await drain((ctx) => parseRowsHere(sdnUnit(), ctx, 4));
    const there = await drain((ctx) => worker.parse(sdnUnit(), ctx, 4));
    expect(there.batches).toEqual(here.batches);
    expect(there.batches).toHaveLength(4);
    expect(there.issues).toEqual(here.issues);
    expect(there.issues.length).toBeGreaterThan(0);
    expect(there.meta).toEqual({ published: null });
    // Progress is sent less often from the worker, but ends at the same count of bytes.
    expect(there.progress.at(-1)).toBe(here.progress.at(-1));
  });

  it('passes a parser error back with its kind, code and location, after the issues before it', async () => {
    // The add file has a bad row (an issue, reported first); row 6 of the main file breaks the quoting.
    const lines = Array.from({ length: 5 }, (_, i) => `${i + 1},"NAME ${i + 1}","individual","SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- `);
    writeFileSync(join(tmp, 'broken.csv'), `${lines.join('\r\n')}\r\n6,"BROKEN,"individual",-0- \r\n7,"X",-0-\r\n`);
    writeFileSync(join(tmp, 'add.csv'), `1,10,"Street 1","Moscow","Russia",-0- \r\n2,11,"short row"\r\n`);
    const unit: LoadUnit = {
      source: 'ofac-sdn',
      format: 'ofac-csv',
      files: [{ role: 'main', path: join(tmp, 'broken.csv'), name: 'broken.csv' }, { role: 'add', path: join(tmp, 'add.csv'), name: 'add.csv' }],
      pathDate: null,
    };
    const hereIssues: Issue[] = [];
    const here = await failure(() => drain((ctx) => parseRowsHere(unit, { ...ctx, issue: (i) => hereIssues.push(i) }, 2)));
    const issues: Issue[] = [];
    const there = await failure(() => drain((ctx) => worker.parse(unit, { ...ctx, issue: (i) => issues.push(i) }, 2)));
    expect([there.kind, there.code, there.location]).toEqual(['input', 'csv_syntax', { file: 'broken.csv', line: 6 }]);
    expect([there.kind, there.code, there.location, there.message]).toEqual([here.kind, here.code, here.location, here.message]);
    expect(issues).toEqual(hereIssues);
    expect(issues.map((i) => [i.code, i.file, i.line])).toEqual([['bad_record', 'add.csv', 2]]);
    // The worker is usable for the next unit.
    expect((await drain((ctx) => worker.parse(sdnUnit(), ctx, 100))).batches).toHaveLength(1);
  });

  it('ends the worker when the rows are not read to the end, and starts another for the next unit', async () => {
    const stream = worker.parse(sdnUnit(), { issue: () => {} }, 1);
    await stream.next();
    await stream.return({ published: null });
    expect((await drain((ctx) => worker.parse(sdnUnit(), ctx, 100))).batches).toHaveLength(1);
  });
});

describe('loadLists with the worker', () => {
  it('stores what the in-thread load stores', async () => {
    const dir = join(tmp, 'sdn');
    mkdirSync(dir, { recursive: true });
    for (const f of sdnUnit().files) copyFileSync(f.path, join(dir, f.name));
    const results = [];
    for (const mode of [false, true]) {
      const store = new SqliteStore(':memory:');
      const report = await loadLists(store, dir, { worker: mode, batchSize: 3 });
      const unit = report.units.find((u) => u.files.includes('sdn.csv'))!;
      results.push({
        status: unit.status,
        issueCodes: unit.issueCodes,
        counts: [unit.version?.entities, unit.version?.statements, unit.version?.issues],
        digests: (await store.digests(unit.version!.id)).sort((a, b) => a.rootId.localeCompare(b.rootId)),
        issues: await store.versionIssues(unit.version!.id),
        entity: (await store.getEntity('ofac-46431'))?.statements,
      });
      await store.close();
    }
    expect(results[1]).toEqual(results[0]);
    expect(results[0]!.status).toBe('loaded');
  });

  it('reports a unit that fails in the worker as the in-thread load does, and leaves the store as it was', async () => {
    const dir = join(tmp, 'bad');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'sdn.csv'), `1,"ONE","individual","SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n2,"TWO,"individual",-0- \r\n`);
    const store = new SqliteStore(':memory:');
    const [here, there] = [await loadLists(store, dir, { worker: false }), await loadLists(store, dir, { worker: true })];
    const pick = (u: (typeof here.units)[number]) => ({ status: u.status, kind: u.error?.kind, code: u.error?.code, location: u.error?.location, message: u.error?.message });
    expect(pick(there.units[0]!)).toEqual(pick(here.units[0]!));
    expect(pick(there.units[0]!)).toMatchObject({ status: 'failed', kind: 'input', code: 'csv_syntax', location: { file: 'sdn.csv', line: 2 } });
    expect(await store.versions()).toEqual([]);
    await store.close();
  });
});

/**
 * `endtrace ingest trade|ownership|travel` as users run it (the built CLI): the --json
 * contract, the summary, exit codes, --strict storing nothing, a killed ingest leaving the store
 * as it was, and an ingested party carrying the INN a (fictional) list entity carries.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '../helpers/shared-data.js';
import { cliOk, requireBuild, runCli, spawnCli, tempDir, withStore } from '../cli/run-cli.js';

const fx = (name: string) => fixture('ingest', 'structured', name);
const scratch = tempDir('ingest-cli');
afterAll(() => scratch.remove());
beforeAll(() => requireBuild());

describe('endtrace ingest', () => {
  it('prints the JSON contract: {rows, loaded, issues: [{line, code, message}]}', async () => {
    const db = join(scratch.dir, 'json.db');
    const r = await runCli(['--db', db, 'ingest', 'trade', fx('trade-en.csv'), '--json'], scratch.dir);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { rows: number; loaded: number; issues: Array<Record<string, unknown>> };
    expect(Object.keys(out)).toEqual(['rows', 'loaded', 'issues']);
    expect([out.rows, out.loaded, out.issues.length]).toEqual([12, 11, 9]);
    expect(out.issues.every((i) => Object.keys(i).join() === 'line,code,message')).toBe(true);
    expect(out.issues[1]).toEqual({ line: 5, code: 'bad_hs_code', message: 'item.hsCode: "85A1.31" is not an HS code (not digits); kept as declared' });
  });

  it('prints a summary and the issues with their lines', async () => {
    const db = join(scratch.dir, 'human.db');
    const r = await cliOk(db, ['ingest', 'ownership', fx('ownership.csv')], scratch.dir);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^ownership:ownership \d{4}-\d{2}-\d{2} \(ownership-csv, mapping ownership-default\): 5 rows, 4 loaded as 9 records \(\d+ statements\); 2 issue\(s\): bad_number 1, missing_party 1$/);
    expect(lines.slice(1)).toEqual([
      '  ownership.csv:5  bad_number  percentage: "fifty" is not a percentage',
      '  ownership.csv:6  missing_party  no asset name: an ownership needs both',
    ]);
  });

  it('loads a file with --dataset and --mapping into that dataset', async () => {
    const db = join(scratch.dir, 'dataset.db');
    await cliOk(db, ['ingest', 'trade', fx('ru-customs-cp1251.csv'), '--mapping', 'ru-customs', '--dataset', 'trade:ru-extract', '--json'], scratch.dir);
    await withStore(db, async (store) => {
      const [v] = await store.versions('trade:ru-extract');
      expect([v!.format, v!.active, v!.files[0]!.name]).toEqual(['trade-csv', true, 'ru-customs-cp1251.csv']);
      expect((await store.getEntity('shp-trade-ru-extract-10702070-140323-0001234'))!.entity.get('declarationNumber')).toEqual(['10702070/140323/0001234']);
    });
  });

  it('--strict: exit 1, one error line, nothing stored', async () => {
    const db = join(scratch.dir, 'strict.db');
    const r = await runCli(['--db', db, 'ingest', 'travel', fx('travel.csv'), '--strict'], scratch.dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toEqual(['endtrace: error: travel.csv:4: no traveler name: a travel record needs one (--strict) [missing_party] — nothing was stored']);
    await withStore(db, async (store) => expect(await store.versions()).toEqual([]));
  });

  it('exit 1 for a bad mapping file, 2 for an unknown mapping name', async () => {
    const db = join(scratch.dir, 'mapping.db');
    const bad = await runCli(['--db', db, 'ingest', 'trade', fx('custom-de.csv'), '--mapping', fx('bad-mapping.yaml')], scratch.dir);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain(`${fx('bad-mapping.yaml')}: invalid mapping: fields.consignee.name: Unrecognized key: "colum"`);
    const unknown = await runCli(['--db', db, 'ingest', 'trade', fx('custom-de.csv'), '--mapping', 'nope'], scratch.dir);
    expect(unknown.code).toBe(2);
  });

  it('gives an ingested party the INN a list entity carries (for entity resolution to link them)', async () => {
    const db = join(scratch.dir, 'inn.db');
    await cliOk(db, ['lists', 'load', '--from', fx('fictional-list.ftm.json'), '--dataset', 'fictional_list'], scratch.dir);
    await cliOk(db, ['ingest', 'trade', fx('trade-en.csv')], scratch.dir);
    await withStore(db, async (store) => {
      const listed = await store.getEntity('fictional-listed-1');
      const party = await store.getEntity('party-inn-9909012345');
      expect(listed!.entity.get('innCode')).toEqual(['9909012345']);
      expect(party!.entity.get('innCode')).toEqual(['9909012345']);
      expect(party!.datasets).toEqual(['trade:trade-en']);
      expect((await store.references('party-inn-9909012345')).filter((r) => r.prop === 'consignee')).toHaveLength(8);
    });
  });
});

/** Fictional shipment rows (trade-default columns), enough for an ingest that runs for seconds. */
async function writeLargeTradeFile(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  out.write('declaration_number,date,shipper,shipper_country,consignee,consignee_country,hs_code,goods_description,quantity,unit,value,currency\n');
  let chunk = '';
  for (let i = 0; i < rows; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    chunk += `KILL-${i},2023-05-${day},Fictional Shipper ${i % 97} Co. Ltd.,CN,OOO Fictional Consignee ${i % 89},RU,85013100${i % 10}0,Brushless motor type ${i % 13},${1 + (i % 50)},pcs,${(i % 1000) + 0.5},USD\n`;
    if (chunk.length > 1 << 16) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
}

describe('a killed ingest', () => {
  it('leaves the store consistent and without the dataset; the ingest then succeeds', async () => {
    const db = join(scratch.dir, 'kill.db');
    const file = join(scratch.dir, 'large-trade.csv');
    const rows = 40_000;
    await writeLargeTradeFile(file, rows);
    await cliOk(db, ['lists', 'load', '--from', fx('fictional-list.ftm.json'), '--dataset', 'fictional_list'], scratch.dir);

    const child = spawnCli(['--db', db, 'ingest', 'trade', file, '--dataset', 'trade:large'], scratch.dir);
    let stderr = '';
    let stdout = '';
    child.stdout!.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    const closed = new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('close', (code, signal) => resolve([code, signal])));
    // Killed once a tenth of the file is read: the version's transaction is open and written to.
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no progress within 120 s:\n${stderr}`)), 120_000);
      child.stderr!.setEncoding('utf8').on('data', (d: string) => {
        stderr += d;
        const pct = [...stderr.matchAll(/\((\d+)%\)/g)].map((m) => Number(m[1]));
        if (pct.some((p) => p >= 10)) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.on('close', () => reject(new Error(`the ingest ended before it was killed:\n${stderr}`)));
    });
    child.kill('SIGKILL');
    const [code, signal] = await closed;
    expect([code, signal, stdout]).toEqual([null, 'SIGKILL', '']);

    await withStore(db, async (store) => {
      expect(store.db.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
      expect(await store.versions('trade:large')).toEqual([]);
      expect((await store.versions()).map((v) => v.source)).toEqual(['fictional_list']);
      expect((store.db.prepare("SELECT count(*) AS n FROM entity WHERE id LIKE 'shp-%' OR id LIKE 'party-%'").get() as { n: number }).n).toBe(0);
    });

    const again = await cliOk(db, ['--json', 'ingest', 'trade', file, '--dataset', 'trade:large'], scratch.dir);
    expect(JSON.parse(again.stdout)).toEqual({ rows, loaded: rows, issues: [] });
    await withStore(db, async (store) => {
      const [v] = await store.versions('trade:large');
      expect([v!.active, v!.entities]).toEqual([true, rows + 97 + 89]);
    });
  });
});

/**
 * `endtrace screen` and `endtrace compare` end to end, on a small SDN excerpt (fixture): the
 * JSON contracts, batch CSV in and out (with formula cells defused), errors and exit codes.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, fixture } from '../helpers/shared-data.js';

const BIN = join(REPO_ROOT, 'bin/endtrace.js');
let dir: string;
let db: string;

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, '--db', db, ...args], { encoding: 'utf8', env: { ...process.env, ENDTRACE_OFFLINE: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  if (!existsSync(join(REPO_ROOT, 'dist/cli/main.js'))) throw new Error('dist/ is missing: run `npm run build` first');
  dir = mkdtempSync(join(tmpdir(), 'endtrace-screen-'));
  db = join(dir, 'test.db');
  const load = cli('lists', 'load', '--from', fixture('screening', 'sdn-mini'));
  expect(load.code, load.stderr).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('endtrace screen NAME --json', () => {
  it('prints the contract shape, best first, stamped with algorithm and list versions', () => {
    const r = cli('screen', 'ООО «ТСК Вектор»', '--json');
    expect(r.code, r.stderr).toBe(0);
    const res = JSON.parse(r.stdout) as { query: unknown; algorithm: string; threshold: number; lists: Record<string, string>; results: Array<Record<string, unknown>> };
    expect(Object.keys(res).sort()).toEqual(['algorithm', 'lists', 'query', 'results', 'threshold']);
    expect(res.algorithm).toBe('endtrace-v1');
    expect(res.threshold).toBe(0.75);
    expect(Object.keys(res.lists)).toEqual(['ofac-sdn']);
    expect(res.results[0]).toMatchObject({ id: 'ofac-46441', caption: 'TSK VEKTOR, OOO', schema: 'Company', source: 'ofac-sdn', score: 1, match: true });
    for (const key of ['id', 'caption', 'schema', 'source', 'score', 'match', 'explanations']) expect(res.results[0]).toHaveProperty(key);
    const scores = res.results.map((x) => x.score as number);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });
  it('weighs birth date, country and identifier flags', () => {
    const r = cli('screen', 'Vladimir Putin', '--schema', 'Person', '--birth-date', '1952-10-07', '--country', 'Russia', '--json');
    const res = JSON.parse(r.stdout) as { results: Array<{ id: string; explanations: Record<string, { detail: string }> }> };
    expect(res.results[0]!.id).toBe('ofac-35096');
    expect(res.results[0]!.explanations.birth_date?.detail).toBe('same birth date 1952-10-07');
    expect(res.results[0]!.explanations.country?.detail).toBe('shared country ru');
    const byId = JSON.parse(cli('screen', 'Unknown Trading House', '--schema', 'Company', '--id', '3849055365', '--json').stdout) as { results: Array<{ id: string; match: boolean }> };
    expect(byId.results[0]).toMatchObject({ id: 'ofac-46441', match: true });
  });
  it('prints a table for people', () => {
    const r = cli('screen', 'IEMZ Kupol');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/1\.000\s+MATCH\s+ofac-46431\s+Company\s+ofac-sdn\s+JOINT STOCK COMPANY IZHEVSK ELECTROMECHANICAL PLANT KUPOL/);
    expect(r.stderr).toContain('screened against 4 entities');
  });
  it('refuses bad usage with exit code 2', () => {
    expect(cli('screen', 'X', '--schema', 'Spaceship').code).toBe(2);
    expect(cli('screen', 'X', '--threshold', '7').code).toBe(2);
    expect(cli('screen').code).toBe(2);
  });
});

describe('endtrace screen --input (batch)', () => {
  it('writes one CSV row per query and match, defuses formulas, and reports bad rows', () => {
    const outFile = join(dir, 'out.csv');
    const r = cli('screen', '--input', fixture('screening', 'parties.csv'), '--output', outFile);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/screened 6 rows in [\d.]+ s/);
    const rows = parse(readFileSync(outFile), { columns: true }) as Array<Record<string, string>>;
    const first = rows.filter((x) => x.row === '1');
    expect(first[0]).toMatchObject({ query_name: 'TSK Vector LLC', entity_id: 'ofac-46441', list: 'ofac-sdn', match: 'true' });
    expect(rows.find((x) => x.row === '2')).toMatchObject({ entity_id: 'ofac-46431', match: 'true' });
    expect(rows.filter((x) => x.row === '3' && x.match === 'true')).toEqual([]);
    expect(rows.find((x) => x.row === '4')!.query_name).toBe(`'=HYPERLINK("http://example.invalid","click")`);
    expect(rows.find((x) => x.row === '5')!.error).toMatch(/parties\.csv:6: the query has no name or other property/);
    expect(rows.find((x) => x.row === '6')).toMatchObject({ entity_id: 'ofac-46441', match: 'true' });
  });
  it('prints one JSON line per input row, in input order', () => {
    const r = cli('screen', '--input', fixture('screening', 'parties.csv'), '--json', '--limit', '2');
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { row: number; results: unknown[]; error?: string });
    expect(lines.map((l) => l.row)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(lines.every((l) => l.results.length <= 2)).toBe(true);
    expect(lines[4]!.error).toContain('no name');
  });
});

describe('endtrace compare', () => {
  it('scores CSV pairs in input order', () => {
    const r = cli('compare', '--input', fixture('screening', 'pairs.csv'), '--json');
    const res = JSON.parse(r.stdout) as Array<{ score: number; match: boolean; explanations: object }>;
    expect(res.map((x) => x.match)).toEqual([true, true, false, true]);
    expect(res[0]!.score).toBe(1);
    expect(Object.keys(res[0]!).sort()).toEqual(['explanations', 'match', 'score']);
  });
  it('scores whole-entity pairs from JSON lines', () => {
    const res = JSON.parse(cli('compare', '--input', fixture('screening', 'pairs.jsonl'), '--json').stdout) as Array<{ match: boolean }>;
    expect(res.map((x) => x.match)).toEqual([true, false, true]);
  });
  it('names the file and line of a broken pair', () => {
    const bad = join(dir, 'bad.jsonl');
    writeFileSync(bad, '{"schema": "Person", "query": {"name": "A"}, "candidate": {"name": "B"}}\n{oops\n');
    const r = cli('compare', '--input', bad);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${bad}:2`);
  });
});

describe('the audit trail of command-line screening', () => {
  it('records each decision under the OS user, with what re-runs it', () => {
    const user = `cli:${userInfo().username}`;
    const screened = JSON.parse(cli('screen', 'TSK Vector LLC', '--limit', '3', '--json').stdout) as { lists: Record<string, string>; results: Array<{ id: string; score: number }> };
    const r = cli('--json', 'audit', '--action', 'screen', '--key', user, '--limit', '1');
    expect(r.code, r.stderr).toBe(0);
    const [rec] = JSON.parse(r.stdout) as Array<{ id: string; principal: string; action: string; algorithm: string; lists: Record<string, string>; query: { names: unknown }; results: Array<{ id: string; score: number }>; params: { limit: number; threshold: number } }>;
    expect(rec).toMatchObject({ principal: user, action: 'screen', algorithm: 'endtrace-v1', lists: screened.lists, params: { limit: 3, threshold: 0.75 } });
    expect(rec!.results.map((x) => [x.id, x.score])).toEqual(screened.results.map((x) => [x.id, x.score]));
    expect(JSON.stringify(rec!.query)).toContain('TSK Vector LLC');
    const since = new Date().toISOString();
    const batch = cli('screen', '--input', fixture('screening', 'parties.csv'), '--output', join(dir, 'audit-out.csv'));
    expect(batch.code, batch.stderr).toBe(0);
    const rows = JSON.parse(cli('--json', 'audit', '--action', 'screen-batch', '--key', user, '--from', since).stdout) as Array<{ params: { row: number; file: string } }>;
    // Row 5 has no name or other property: no decision, no record.
    expect(rows.map((x) => x.params.row).sort()).toEqual([1, 2, 3, 4, 6]);
    expect(rows[0]!.params.file).toBe(fixture('screening', 'parties.csv'));
  });
});

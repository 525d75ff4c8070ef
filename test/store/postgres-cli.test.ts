/**
 * The built CLI over PostgreSQL: `endtrace --db postgres://…` (and ENDTRACE_DB) loads, reports
 * and shows entities exactly as over SQLite, and never prints the password.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { expectKupolHuman, expectKupolJson } from '../cli/kupol.js';
import { cliFixture, cliOk, parseStatus, requireBuild, runCli, stderrLines, tempDir } from '../cli/run-cli.js';
import { describePg, dropSchemas, pgUrl, scratchSchema, TEST_PG } from './pg-scratch.js';

describePg('endtrace --db postgres://…', () => {
  const schema = scratchSchema('cli');
  let db = '';
  let dir = '';
  let remove = () => undefined as void;
  beforeAll(() => {
    requireBuild();
    db = pgUrl(schema);
    ({ dir, remove } = tempDir('pg-cli'));
  });
  afterAll(async () => {
    remove();
    await dropSchemas([schema]);
  });

  it.sequential('lists load writes a version into PostgreSQL and prints the status contract', async () => {
    const r = await cliOk(db, ['--json', 'lists', 'load', '--from', cliFixture('lists/ofac-sdn/2024-01-10')], dir);
    expect(parseStatus(r.stdout).map(({ loadedAt: _, checksum: __, ...rest }) => rest)).toEqual([{ source: 'ofac-sdn', version: '2024-01-10', published: null, entities: 8 }]);
    expect(stderrLines(r)).toEqual([
      expect.stringMatching(/^ofac-sdn 2024-01-10: loaded 8 entities from sdn\.csv \+ add\.csv \+ alt\.csv in \d+\.\d s \(active\); 1 record issue\(s\): unresolved_link 1$/),
    ]);
    // ENDTRACE_DB selects the same store; a second load of the same files changes nothing.
    const again = await runCli(['--json', 'lists', 'load', '--from', cliFixture('lists/ofac-sdn/2024-01-10')], dir, { env: { ENDTRACE_DB: db } });
    expect(again.code).toBe(0);
    expect(stderrLines(again)).toEqual(['ofac-sdn 2024-01-10: unchanged (already loaded from sdn.csv + add.csv + alt.csv)']);
    const versions = JSON.parse((await cliOk(db, ['--json', 'lists', 'versions'], dir)).stdout) as Array<{ source: string; version: string; active: boolean }>;
    expect(versions.map((v) => [v.source, v.version, v.active])).toEqual([['ofac-sdn', '2024-01-10', true]]);
  });

  it.sequential('entities show assembles Kupol from the PostgreSQL statements', async () => {
    expectKupolJson((await cliOk(db, ['--json', 'entities', 'show', 'ofac-46431'], dir)).stdout);
    expectKupolHuman((await cliOk(db, ['entities', 'show', 'ofac-46431'], dir)).stdout);
  });

  it('a wrong password fails in one line (exit 1) that does not print the password', async () => {
    const url = new URL(TEST_PG);
    url.password = 'not-the-password-x9';
    const r = await runCli(['--db', url.toString(), 'lists', 'status'], dir);
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/cannot open the PostgreSQL store at postgres:\/\/[^:@]+@[^ ]+: password authentication failed/);
    expect(r.stderr + r.stdout).not.toContain('not-the-password-x9');
  });
});

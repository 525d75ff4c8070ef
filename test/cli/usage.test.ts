/**
 * The CLI's surface: usage errors exit 2, the store is chosen by --db or ENDTRACE_DB, and
 * `endtrace start` loads a local folder when it is offline (or the addresses cannot be reached).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLOSED_BASE, cliFixture, parseStatus, requireBuild, runCli, stderrLines, tempDir } from './run-cli.js';

requireBuild();

const LISTS = cliFixture('lists');
const SOURCES = ['ofac-cons', 'ofac-sdn', 'test_cluster', 'uk-ofsi', 'un-sc', 'us-csl'];

// The suites of this file run side by side, each with its own stores.
describe('usage errors exit 2 and print the problem on stderr only', { concurrent: true }, () => {
  const { dir, remove } = tempDir('cli-usage');
  const db = join(dir, 'store.db');
  afterAll(remove);

  it.each([
    ['an unknown command', ['bogus'], "error: unknown command 'bogus'"],
    ['an unknown subcommand', ['lists', 'bogus'], "error: unknown command 'bogus'"],
    ['lists load without --from', ['lists', 'load'], "error: required option '--from <path>' not specified"],
    ['lists diff without a source', ['lists', 'diff'], "error: missing required argument 'source'"],
    ['an unknown option', ['lists', 'status', '--bogus'], "error: unknown option '--bogus'"],
    ['entities show without an id', ['entities', 'show'], "error: missing required argument 'id'"],
  ])('%s', async (_, args, message) => {
    const r = await runCli(['--db', db, ...args], dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(stderrLines(r)).toEqual([message, '(add --help for usage)']);
    // Commander refuses the command line before any store is opened.
    expect(existsSync(db)).toBe(false);
  });

  it('a setting that is not a number', async () => {
    const r = await runCli(['--db', db, 'lists', 'update', 'un-sc'], dir, { env: { ENDTRACE_DOWNLOAD_TIMEOUT_MS: 'soon' } });
    expect([r.code, r.stdout]).toEqual([2, '']);
    expect(stderrLines(r)).toEqual(['endtrace: error: ENDTRACE_DOWNLOAD_TIMEOUT_MS must be a positive number of milliseconds, not "soon"']);
    expect(existsSync(db)).toBe(false);
  });

  it('--help prints the usage on stdout, exit 0', async () => {
    const r = await runCli(['lists', '--help'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: endtrace lists \[options\] \[command\]/);
    expect(r.stdout).toContain('load [options]');
    expect(r.stderr).toBe('');
  });
});

describe('the store: --db or ENDTRACE_DB', { concurrent: true }, () => {
  const { dir, remove } = tempDir('cli-db');
  afterAll(remove);
  const a = join(dir, 'a.db');
  const b = join(dir, 'b.db');
  const sources = async (args: string[], env: Record<string, string | undefined> = {}) => {
    const r = await runCli([...args, '--json', 'lists', 'status'], dir, { env });
    expect(r.code, r.stderr).toBe(0);
    return parseStatus(r.stdout).map((s) => s.source);
  };

  it.sequential('ENDTRACE_DB selects the store when --db is absent; --db wins over it', async () => {
    const r = await runCli(['lists', 'load', '--from', join(LISTS, 'un/b-first.xml')], dir, { env: { ENDTRACE_DB: a } });
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(a)).toBe(true);
    expect(await sources([], { ENDTRACE_DB: a })).toEqual(['un-sc']);
    expect(await sources(['--db', a])).toEqual(['un-sc']);
    expect(await sources(['--db', b], { ENDTRACE_DB: a })).toEqual([]);
    expect(await sources([], { ENDTRACE_DB: b })).toEqual([]);
  });

  it.sequential('without either, the store is data/endtrace.db in the working directory', async () => {
    const r = await runCli(['lists', 'load', '--from', join(LISTS, 'uk/ConList.csv')], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(join(dir, 'data/endtrace.db'))).toBe(true);
    expect(await sources([])).toEqual(['uk-ofsi']);
  });

  it.sequential('an empty store prints a hint in human mode and [] in JSON mode', async () => {
    const empty = join(dir, 'empty.db');
    const human = await runCli(['--db', empty, 'lists', 'status'], dir);
    expect([human.code, human.stdout]).toEqual([0, 'No lists loaded. Load some with: endtrace lists load --from PATH\n']);
    expect(await sources(['--db', empty])).toEqual([]);
  });
});

// Each test has its own store, so they run side by side.
describe('endtrace start', { concurrent: true }, () => {
  const { dir, remove } = tempDir('cli-start');
  afterAll(remove);

  it('--offline with ENDTRACE_LISTS_DIR loads that folder and prints the status table', async () => {
    const db = join(dir, 'offline.db');
    const r = await runCli(['--db', db, 'start', '--offline', '--no-serve'], dir, { env: { ENDTRACE_LISTS_DIR: LISTS } });
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^source\s+version\s+published\s+entities\s+checksum\s+loaded at$/);
    expect(lines.slice(1).map((l) => l.split(/\s+/).slice(0, 4).join(' '))).toEqual([
      'ofac-cons 2025-03-28 2025-03-28 2',
      expect.stringMatching(/^ofac-sdn 2024-02-20 — 6$/),
      'test_cluster 2024-01-20 2024-01-20 3',
      'uk-ofsi 2024-02-01 2024-02-01 2',
      'un-sc 2024-03-01 2024-03-01 4',
      expect.stringMatching(/^us-csl \d{4}-\d{2}-\d{2} — 3$/),
    ]);
    expect(stderrLines(r)).toContain(`endtrace: loading lists from ${LISTS}`);
    expect(stderrLines(r).some((l) => l.includes('checking the official list addresses'))).toBe(false);

    // Started again on a folder with one list: the status still shows every loaded source.
    const again = await runCli(['--db', db, '--json', 'start', '--offline', '--no-serve'], dir, { env: { ENDTRACE_LISTS_DIR: join(LISTS, 'uk') } });
    expect(again.code, again.stderr).toBe(0);
    expect(parseStatus(again.stdout).map((s) => s.source)).toEqual(SOURCES);
    expect(stderrLines(again)).toContain('uk-ofsi 2024-02-01: unchanged (already loaded from ConList.csv)');
  });

  it('ENDTRACE_OFFLINE=1 is the same as --offline; --json prints the status contract of every source', async () => {
    const db = join(dir, 'offline-env.db');
    const r = await runCli(['--db', db, '--json', 'start', '--no-serve'], dir, { env: { ENDTRACE_LISTS_DIR: LISTS, ENDTRACE_OFFLINE: '1' } });
    expect(r.code, r.stderr).toBe(0);
    expect(parseStatus(r.stdout).map((s) => s.source)).toEqual(SOURCES);
  });

  it('online but the addresses cannot be reached: falls back to ENDTRACE_LISTS_DIR', async () => {
    const db = join(dir, 'fallback.db');
    const r = await runCli(['--db', db, '--json', 'start', '--no-serve'], dir, { env: { ENDTRACE_LISTS_DIR: LISTS, ENDTRACE_REGISTRY_BASE: CLOSED_BASE } });
    expect(r.code, r.stderr).toBe(0);
    const log = stderrLines(r);
    expect(log).toContain('endtrace: checking the official list addresses…');
    expect(log).toContain(`endtrace: offline (${CLOSED_BASE}/api/PublicationPreview/exports/SDN.XML: cannot reach the server (ECONNREFUSED)); using local files`);
    expect(parseStatus(r.stdout).map((s) => s.source)).toEqual(SOURCES);
  });

});

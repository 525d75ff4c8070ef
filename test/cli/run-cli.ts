/**
 * Running the built `endtrace` CLI (bin/endtrace.js → dist/) as a child process, as users and
 * other tools do, and reading the store it wrote. Every run gets a scrubbed environment: no
 * ENDTRACE_* from the caller, a cache in the test's temp folder, and a registry base on a
 * closed local port, so that no test ever reaches the real list addresses.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { SqliteStore } from '../../src/store/index.js';
import { REPO_ROOT, fixture } from '../helpers/shared-data.js';

export const BIN = join(REPO_ROOT, 'bin/endtrace.js');
export const CLI_FIXTURES = fixture('cli');
export const cliFixture = (...parts: string[]) => join(CLI_FIXTURES, ...parts);

/** A privileged port on the loopback that nothing listens on (and that fetch does not block as a "bad port"). */
export const CLOSED_BASE = 'http://127.0.0.1:2';

/** Fails the test file with a clear message when the CLI has not been built. */
export function requireBuild(): void {
  if (!existsSync(join(REPO_ROOT, 'dist/cli/main.js'))) {
    throw new Error('dist/cli/main.js is missing: run `npm run build` before the CLI tests (npm test does it)');
  }
}

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  /** Extra environment variables; `undefined` removes one. */
  env?: Record<string, string | undefined>;
  cwd?: string;
}

/** A temp folder, removed by the returned function. */
export function tempDir(prefix: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `endtrace-${prefix}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export function cliEnv(scratch: string, extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('ENDTRACE_')) env[k] = v;
  Object.assign(env, { ENDTRACE_CACHE_DIR: join(scratch, 'cache'), ENDTRACE_REGISTRY_BASE: CLOSED_BASE, NO_COLOR: '1' });
  for (const [k, v] of Object.entries(extra)) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return env;
}

/** Starts the CLI without waiting for it (for tests that kill it). */
export function spawnCli(args: string[], scratch: string, opts: CliOptions = {}): ChildProcess {
  return spawn(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? scratch,
    env: cliEnv(scratch, opts.env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Runs the CLI to its end. Asynchronous, so that a test's HTTP server keeps answering meanwhile. */
export function runCli(args: string[], scratch: string, opts: CliOptions = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawnCli(args, scratch, opts);
    let stdout = '';
    let stderr = '';
    child.stdout!.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/** Runs the CLI with `--db db` and expects exit code 0; returns stdout. */
export async function cliOk(db: string, args: string[], scratch: string, opts: CliOptions = {}): Promise<CliResult> {
  const r = await runCli(['--db', db, ...args], scratch, opts);
  if (r.code !== 0) throw new Error(`endtrace ${args.join(' ')} exited ${r.code}:\n${r.stderr}`);
  return r;
}

/** A progress line, printed every second while a long load runs without a terminal. */
export const PROGRESS_LINE = /: [\d.]+ (B|KiB|MiB)( of [\d.]+ (B|KiB|MiB) \(\d+%\))?$/;

/** The lines on stderr, without the progress lines (which depend on how fast the machine is). */
export const stderrLines = (r: CliResult) => r.stderr.split('\n').filter((l) => l.trim() !== '' && !PROGRESS_LINE.test(l));

/** One row of `lists status --json` / `lists load --json`: the machine contract. */
export interface StatusRow {
  source: string;
  version: string;
  published: string | null;
  entities: number;
  checksum: string;
  loadedAt: string;
}

/** Parses stdout as the status contract: a JSON array of exactly these keys and types. */
export function parseStatus(stdout: string): StatusRow[] {
  const rows = JSON.parse(stdout) as unknown;
  expect(Array.isArray(rows)).toBe(true);
  for (const row of rows as Array<Record<string, unknown>>) {
    expect(Object.keys(row).sort()).toEqual(['checksum', 'entities', 'loadedAt', 'published', 'source', 'version']);
    expect(typeof row.source).toBe('string');
    expect(typeof row.version).toBe('string');
    expect(row.published === null || /^\d{4}-\d{2}-\d{2}/.test(row.published as string)).toBe(true);
    expect(Number.isInteger(row.entities)).toBe(true);
    expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(Number.isNaN(Date.parse(row.loadedAt as string))).toBe(false);
  }
  return rows as StatusRow[];
}

export function statusOf(rows: StatusRow[], source: string): StatusRow {
  const row = rows.find((r) => r.source === source);
  if (!row) throw new Error(`no status row for ${source} in ${JSON.stringify(rows)}`);
  return row;
}

/** Reads the store file directly (the CLI wrote it; nothing else writes meanwhile). */
export async function withStore<T>(db: string, fn: (store: SqliteStore) => Promise<T> | T): Promise<T> {
  const store = new SqliteStore(db);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

/** Entities of one schema in one version, counted on the store file. */
export function countEntities(store: SqliteStore, versionId: number, schema: string): number {
  return (store.db.prepare('SELECT count(*) AS n FROM entity WHERE version_id = ? AND schema = ?').get(versionId, schema) as { n: number }).n;
}

/** Today's date as the loader names versions of lists that carry none (UTC). */
export const today = () => new Date().toISOString().slice(0, 10);

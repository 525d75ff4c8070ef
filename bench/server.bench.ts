/**
 * The HTTP API under load (issue 4): autocannon drives `POST /match/default`, one query per
 * request — names drawn from the loaded lists with typos and names on no list
 * (query-generator.ts) — for 30 s at 32 connections, against a server with every list of
 * ../shared/data loaded, on SQLite and on PostgreSQL (when ENDTRACE_TEST_PG or
 * ENDTRACE_BENCH_PG names a database). Reports req/s, latency p50/p99, errors and non-2xx
 * answers, and the server process's resident memory. The server runs as `endtrace serve` in
 * its own process; autocannon runs here, on the same two cores (its own cost is part of the
 * measurement, as it would be for any client on this machine).
 * Environment: BENCH_SERVER_SECONDS (default 30), BENCH_SERVER_CONNECTIONS (default 32),
 * BENCH_SERVER_WORKERS (server worker processes, default 1), BENCH_SCREENING_DB (reuse a
 * SQLite store with the lists loaded).
 * Run `npm run build` first.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import type { BenchContext, BenchOutcome } from './lib/measure.js';
import { mb, missingBuild, NO_DATA, REPO_ROOT, runChild, secs, table, verdict } from './lib/measure.js';
import type { BenchQuery } from './query-generator.js';

const CHILD = join(REPO_ROOT, 'bench', 'server.child.ts');
const BIN = join(REPO_ROOT, 'bin', 'endtrace.js');
const TARGET = { rps: 1000 };

const envNum = (name: string, fallback: number) => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
};

interface RunResult {
  store: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  requests: number;
  rssMb: number;
  peakRssMb: number;
  maxProcessPeakRssMb: number;
  indexSeconds: number;
}

/** The resident set of a process and its peak, in MB (Linux /proc). */
function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

async function startServer(db: string, workers: number): Promise<{ child: ChildProcess; url: string; pids: () => number[] }> {
  const args = [BIN, '--db', db, '--json', 'serve', '--port', '0'];
  if (workers > 1) args.push('--workers', String(workers));
  const child = spawn(process.execPath, args, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env } });
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const m = /"url":\s*"(http:[^"]+)"/.exec(stdout);
      if (m) {
        clearInterval(timer);
        clearTimeout(deadline);
        resolve(m[1]!);
      }
    }, 50);
    const deadline = setTimeout(() => {
      clearInterval(timer);
      child.kill('SIGTERM');
      reject(new Error(`the server printed no URL within 5 minutes: ${stderr.trim()}`));
    }, 300_000);
    child.on('exit', (code) => {
      clearTimeout(deadline);
      clearInterval(timer);
      reject(new Error(`the server exited (${code}): ${stderr.trim()}`));
    });
  });
  // The server's own pid and, with --workers, those of its worker processes.
  const pids = () => {
    const out = [child.pid!];
    for (const m of stderr.matchAll(/worker (\d+) listening/g)) out.push(Number(m[1]));
    return out;
  };
  return { child, url, pids };
}

async function waitReady(url: string): Promise<number> {
  const t0 = performance.now();
  for (;;) {
    const res = await fetch(`${url}/readyz`).catch(() => null);
    if (res?.status === 200) return (performance.now() - t0) / 1000;
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function drive(label: string, db: string, queries: BenchQuery[], ctx: BenchContext): Promise<RunResult> {
  const seconds = envNum('BENCH_SERVER_SECONDS', 30);
  const connections = envNum('BENCH_SERVER_CONNECTIONS', 32);
  const workers = envNum('BENCH_SERVER_WORKERS', 1);
  const server = await startServer(db, workers);
  try {
    const indexSeconds = await waitReady(server.url);
    ctx.log(`${label}: index ready after ${indexSeconds.toFixed(1)} s; ${seconds} s at ${connections} connections…`);
    let next = 0;
    const bodies = queries.map((q) => JSON.stringify({ queries: { q: { schema: q.schema, properties: { name: [q.name] } } } }));
    // Warm-up: a few hundred requests, not counted.
    for (let i = 0; i < 300; i++) await fetch(`${server.url}/match/default`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: bodies[i % bodies.length]! });
    const result = await autocannon({
      url: server.url,
      connections,
      duration: seconds,
      requests: [
        {
          method: 'POST',
          path: '/match/default',
          headers: { 'content-type': 'application/json' },
          setupRequest: (req) => ({ ...req, body: bodies[next++ % bodies.length]! }),
        },
      ],
    });
    const mem = server.pids().map(memoryOf);
    return {
      store: label,
      rps: result.requests.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
      errors: result.errors,
      timeouts: result.timeouts,
      non2xx: result.non2xx,
      requests: result.requests.total,
      rssMb: mem.reduce((a, m) => a + m.rss, 0),
      peakRssMb: mem.reduce((a, m) => a + m.peak, 0),
      maxProcessPeakRssMb: Math.max(...mem.map((m) => m.peak)),
      indexSeconds,
    };
  } finally {
    server.child.kill('SIGTERM');
    await new Promise((r) => server.child.once('exit', r));
  }
}

export async function serverBench(ctx: BenchContext): Promise<BenchOutcome> {
  if (!ctx.dataDir) return NO_DATA;
  const missing = missingBuild(ctx, 'cli/main.js');
  if (missing) return missing;
  const tmp = mkdtempSync(join(tmpdir(), 'endtrace-server-bench-'));
  try {
    let db = process.env.BENCH_SCREENING_DB ?? '';
    if (!db) {
      db = join(tmp, 'lists.db');
      const loaded = await runChild<{ wallMs: number }>(CHILD, ['load', ctx.dataDir, db]);
      ctx.log(`SQLite: lists loaded in ${secs(loaded.result.wallMs)}`);
    }
    const queriesFile = join(tmp, 'queries.json');
    await runChild(CHILD, ['queries', db, queriesFile, '5000']);
    const queries = JSON.parse(readFileSync(queriesFile, 'utf8')) as BenchQuery[];
    const runs: RunResult[] = [await drive('SQLite', db, queries, ctx)];

    const pgBase = process.env.ENDTRACE_BENCH_PG ?? process.env.ENDTRACE_TEST_PG;
    if (pgBase) {
      const schema = `bench_server_${process.pid}`;
      const pg = `${pgBase}${pgBase.includes('?') ? '&' : '?'}schema=${schema}`;
      const loaded = await runChild<{ wallMs: number }>(CHILD, ['load', ctx.dataDir, pg]);
      ctx.log(`PostgreSQL: lists loaded in ${secs(loaded.result.wallMs)}`);
      try {
        runs.push(await drive('PostgreSQL', pg, queries, ctx));
      } finally {
        await runChild(CHILD, ['drop-schema', pgBase, schema]);
      }
    } else {
      ctx.log('PostgreSQL: skipped (set ENDTRACE_TEST_PG or ENDTRACE_BENCH_PG to a database URL)');
    }

    ctx.log('');
    ctx.log(table(
      ['store', 'req/s', 'p50', 'p99', 'requests', 'errors', 'timeouts', 'non-2xx', 'RSS (all processes)', 'peak RSS (all)', 'peak RSS (largest process)'],
      runs.map((r) => [r.store, Math.round(r.rps).toLocaleString('en'), `${r.p50} ms`, `${r.p99} ms`, r.requests.toLocaleString('en'), r.errors, r.timeouts, r.non2xx, mb(r.rssMb), mb(r.peakRssMb), mb(r.maxProcessPeakRssMb)]),
    ));
    ctx.log('(yente documents about 4 req/s per vCPU)');
    const checks = runs.map((r) => {
      const ok = r.rps >= TARGET.rps && r.errors === 0 && r.non2xx === 0 && r.timeouts === 0;
      return [verdict(`${r.store} throughput`, `${Math.round(r.rps)} req/s, ${r.errors + r.non2xx + r.timeouts} errors`, `≥ ${TARGET.rps} req/s, 0 errors`, ok), ok] as const;
    });
    ctx.log('');
    for (const [line] of checks) ctx.log(line);
    return { pass: checks.every(([, ok]) => ok), result: { runs, workers: envNum('BENCH_SERVER_WORKERS', 1) } };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * Shared helpers of the benchmarks (bench/run.ts): where the real data is, interleaved
 * repetitions, order statistics, child processes that report their own time and peak RSS,
 * markdown tables, and results written to bench/results/<name>.json (git-ignored).
 * Numbers are compared as ratios of runs made side by side in one run, never against
 * absolute thresholds in unit tests: the machines are shared and their speed varies.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, statSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const RESULTS_DIR = join(REPO_ROOT, 'bench', 'results');

/** A benchmark: runs, prints its report, and returns what goes to bench/results/<name>.json. */
export type Benchmark = (ctx: BenchContext) => Promise<BenchOutcome>;

export interface BenchContext {
  /** ../shared/data (or $ENDTRACE_SHARED_DIR/data), or null when absent. */
  dataDir: string | null;
  log(line?: string): void;
}

export type BenchOutcome = { skipped: string } | { result: unknown; pass?: boolean };

/** The real list files: $ENDTRACE_SHARED_DIR/data, else ../shared/data beside the repository. */
export function sharedDataDir(): string | null {
  const shared = process.env.ENDTRACE_SHARED_DIR ?? resolve(REPO_ROOT, '../shared');
  const dir = join(shared, 'data');
  return existsSync(dir) ? dir : null;
}

export interface Stats {
  n: number;
  min: number;
  max: number;
  mean: number;
  median: number;
  p50: number;
  p99: number;
}

/** Nearest-rank percentile of sorted samples. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export function stats(samples: readonly number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  const n = s.length;
  const mid = n % 2 ? s[(n - 1) / 2]! : (s[n / 2 - 1]! + s[n / 2]!) / 2;
  return { n, min: s[0] ?? Number.NaN, max: s[n - 1] ?? Number.NaN, mean: s.reduce((a, b) => a + b, 0) / n, median: mid, p50: percentile(s, 50), p99: percentile(s, 99) };
}

/**
 * Runs each case `reps` times, alternating (a b a b …, the starting case rotating each round),
 * so that drift in the machine's speed falls on all cases alike. Each case returns its own
 * sample (e.g. the time a child process measured), or void to be timed here.
 */
export async function interleave<K extends string>(
  cases: Record<K, () => Promise<number | void>>,
  reps: number,
  onSample?: (name: K, rep: number, ms: number) => void,
): Promise<Record<K, number[]>> {
  const names = Object.keys(cases) as K[];
  const out = Object.fromEntries(names.map((n) => [n, [] as number[]])) as Record<K, number[]>;
  for (let rep = 0; rep < reps; rep++) {
    for (let i = 0; i < names.length; i++) {
      const name = names[(i + rep) % names.length]!;
      const t0 = performance.now();
      const own = await cases[name]();
      const ms = typeof own === 'number' ? own : performance.now() - t0;
      out[name].push(ms);
      onSample?.(name, rep, ms);
    }
  }
  return out;
}

export interface ChildResult<T> {
  result: T;
  /** The child's peak resident set size, in MB (its own, from process.resourceUsage()). */
  maxRssMb: number;
  wallMs: number;
}

/**
 * Runs a TypeScript script in a fresh Node process (through tsx) and returns the JSON it prints
 * on its last stdout line. The script should end with `reportChild(result)`.
 */
export async function runChild<T>(script: string, args: readonly string[], opts: { env?: NodeJS.ProcessEnv } = {}): Promise<ChildResult<T>> {
  const t0 = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { cwd: REPO_ROOT, env: { ...process.env, ...opts.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const code = await new Promise<number | null>((res, rej) => {
    child.on('error', rej);
    child.on('close', res);
  });
  const wallMs = performance.now() - t0;
  const last = stdout.trim().split('\n').pop() ?? '';
  if (code !== 0 || !last.startsWith('{')) {
    throw new Error(`${script} ${args.join(' ')} failed (exit ${code}):\n${stderr.trim() || stdout.trim()}`);
  }
  const parsed = JSON.parse(last) as { result: T; maxRssKb: number };
  return { result: parsed.result, maxRssMb: parsed.maxRssKb / 1024, wallMs };
}

/** The last line a child script prints: its result and its own peak RSS. */
export function reportChild(result: unknown): void {
  process.stdout.write(`${JSON.stringify({ result, maxRssKb: process.resourceUsage().maxRSS })}\n`);
}

/** A markdown table; numbers are printed as given (format them first). */
export function table(headers: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  const cells = [headers.map(String), ...rows.map((r) => r.map(String))];
  const widths = headers.map((_, i) => Math.max(3, ...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: readonly string[]) => `| ${widths.map((w, i) => (r[i] ?? '').padEnd(w)).join(' | ')} |`;
  return [line(cells[0]!), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...cells.slice(1).map(line)].join('\n');
}

export const ms = (v: number) => `${Math.round(v).toLocaleString('en')} ms`;
export const secs = (v: number) => `${(v / 1000).toFixed(2)} s`;
export const mb = (v: number) => `${Math.round(v)} MB`;

/** A target line: `name: value (target) PASS|FAIL`. */
export function verdict(name: string, value: string, target: string, pass: boolean): string {
  return `${pass ? 'PASS' : 'FAIL'}  ${name}: ${value} (target ${target})`;
}

export function writeResult(name: string, data: unknown): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const path = join(RESULTS_DIR, `${name}.json`);
  writeFileSync(path, `${JSON.stringify({ name, at: new Date().toISOString(), node: process.version, ...((data ?? {}) as object) }, null, 2)}\n`);
  return path;
}

/** Newest modification time of the files under a folder (to tell a stale build). */
export function newestMtime(dir: string, ext: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestMtime(p, ext));
    else if (e.name.endsWith(ext) && !/\.test(-suite)?\.ts$/.test(e.name)) newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

export const NO_DATA = { skipped: 'the real list files are not available (../shared/data or $ENDTRACE_SHARED_DIR/data not found)' };

/** Why a benchmark cannot run (no build holding `dist/<module>`), or null; warns when the build is older than the sources. */
export function missingBuild(ctx: BenchContext, module: string): { skipped: string } | null {
  const distDir = join(REPO_ROOT, 'dist');
  if (!existsSync(join(distDir, module))) return { skipped: `dist/${module} is missing: run \`npm run build\` first` };
  if (newestMtime(join(REPO_ROOT, 'src'), '.ts') > newestMtime(distDir, '.js')) ctx.log('warning: src/ is newer than dist/; run `npm run build` to measure the current code\n');
  return null;
}

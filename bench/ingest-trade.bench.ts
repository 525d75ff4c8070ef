/**
 * Trade ingest throughput (issue targets: ≥ 20,000 rows/s and a peak RSS under 1.5 GB): a
 * seeded generator writes BENCH_INGEST_ROWS (default 1,000,000) fictional shipment rows over a
 * few thousand fictional companies as a trade-default CSV; a child process ingests the file
 * into a fresh SQLite store (the ingestRecords service, as `endtrace ingest trade` runs it);
 * another child makes a bare csv-parse pass over the same file, for context (the ratio), and
 * two more run the ingest without the store (parse only; parse and flatten to store rows) to
 * show where the CPU goes.
 * Children run the built code: `npm run build` first. Every name the generator makes is
 * invented from syllables; no real company appears.
 *
 *   npm run bench -- ingest-trade           (through bench/run.ts)
 *   node --import tsx bench/ingest-trade.bench.ts
 * Environment: BENCH_INGEST_ROWS (rows), BENCH_INGEST_REPS (interleaved rounds, default 1),
 * BENCH_INGEST_MODE (auto — the service's default —, here, worker, or both: parse in this thread
 * or in a worker), BENCH_INGEST_KEEP=1 keeps the generated file and stores (paths are printed).
 * The child counts the time spent inside the store's version writer, so that the report shows
 * the store's share of an ingest and the rows/s the store allows with parsing taking no time.
 */
import { once } from 'node:events';
import { createReadStream, createWriteStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse } from 'csv-parse';
import type * as Ingest from '../src/ingest/index.js';
import type { EntityBundle } from '../src/model/index.js';
import type * as Service from '../src/service/index.js';
import type * as StoreApi from '../src/store/index.js';
import type { BenchContext, BenchOutcome } from './lib/measure.js';
import { interleave, mb, missingBuild, REPO_ROOT, reportChild, runChild, secs, stats, table, verdict } from './lib/measure.js';
import { prng } from './query-generator.js';

const SELF = fileURLToPath(import.meta.url);
const TARGET = { rowsPerSec: 20_000, rssMb: 1536 };

// ---------------------------------------------------------------- generator (seeded, fictional)

const SYLLABLES = ['ve', 'lor', 'ix', 'tar', 'vesk', 'qu', 'ann', 'zer', 'bal', 'mi', 'ron', 'dy', 'ka', 'sul', 'fen', 'oth', 'pra', 'nel', 'gri', 'vo', 'lux', 'ter', 'sai', 'mon'];
const CN_CITIES = ['Shenzhen', 'Ningbo', 'Hangzhou', 'Dongguan', 'Suzhou', 'Xiamen', 'Chengdu', 'Wuxi'];
const CN_TRADES = ['Aero Technology', 'Motor', 'Electronics', 'Intelligent Equipment', 'Navigation', 'Power Systems', 'Trading'];
const RU_TRADES = ['Logistik', 'Pribor', 'Tekhnika', 'Snab', 'Komplekt', 'Sistemy', 'Torg'];
const GOODS: ReadonlyArray<readonly [hs: string, text: string, unit: string, price: number]> = [
  ['8806221000', 'Unmanned multirotor aircraft, take-off mass 2-7 kg', 'pcs', 1800],
  ['8806910000', 'Unmanned aircraft, take-off mass under 250 g', 'pcs', 300],
  ['8807300000', 'Propellers and frames for unmanned aircraft', 'pcs', 15],
  ['8501310000', 'Brushless DC motors, output not exceeding 750 W', 'pcs', 35],
  ['8507600000', 'Lithium-ion accumulators', 'pcs', 60],
  ['8526910009', 'GNSS receiver modules', 'pcs', 40],
  ['8542310000', 'Microcontrollers', 'pcs', 4],
  ['8525890000', 'Thermal imaging camera modules', 'pcs', 900],
  ['8517620009', 'Radio data transmission modules', 'pcs', 120],
  ['8471500000', 'Flight controller units', 'pcs', 150],
  ['8504400000', 'Static converters, power supplies', 'pcs', 45],
  ['9014208000', 'Inertial measurement units', 'pcs', 700],
];

/** The HS 2017 codes of the same goods, for declarations dated before 2022 (no 88.06/88.07 then). */
const HS2017: Record<string, string> = { '8806221000': '8802200000', '8806910000': '8802200000', '8807300000': '8803300000', '8525890000': '8525800000' };

const pick = <T>(rnd: () => number, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
const word = (rnd: () => number) => {
  const n = 2 + Math.floor(rnd() * 2);
  let w = '';
  for (let i = 0; i < n; i++) w += pick(rnd, SYLLABLES);
  return w[0]!.toUpperCase() + w.slice(1);
};

const W10 = [2, 4, 10, 3, 5, 9, 4, 6, 8];
function inn10(rnd: () => number): string {
  let body = '99';
  for (let i = 0; i < 7; i++) body += Math.floor(rnd() * 10);
  return body + String(W10.reduce((s, w, i) => s + w * Number(body[i]), 0) % 11 % 10);
}

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
function uscc(rnd: () => number): string {
  let body = '91440300MA';
  for (let i = 0; i < 7; i++) body += USCC_CHARS[Math.floor(rnd() * 31)];
  let sum = 0;
  let w = 1;
  for (let i = 0; i < 17; i++) {
    sum += USCC_CHARS.indexOf(body[i]!) * w;
    w = (w * 3) % 31;
  }
  return body + USCC_CHARS[(31 - (sum % 31)) % 31];
}

interface Company { name: string; country: string; id: string }

const csvField = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

export const BENCH_COLUMNS = [
  'declaration_number', 'date', 'shipper', 'shipper_country', 'shipper_inn', 'consignee', 'consignee_country', 'consignee_inn', 'forwarder',
  'transport_mode', 'origin_country', 'dispatch_country', 'destination_country', 'hs_code', 'goods_description', 'brand', 'model',
  'quantity', 'unit', 'net_weight', 'gross_weight', 'value', 'currency',
] as const;

/** Writes `rows` fictional shipment rows (trade-default columns); returns the number of companies. */
export async function generateTradeCsv(path: string, rows: number, seed = 20240503): Promise<number> {
  const rnd = prng(seed);
  const shippers: Company[] = Array.from({ length: 2000 }, () => {
    const cn = rnd() < 0.8;
    return cn
      ? { name: `${pick(rnd, CN_CITIES)} ${word(rnd)} ${pick(rnd, CN_TRADES)} Co., Ltd.`, country: 'CN', id: uscc(rnd) }
      : { name: `${word(rnd)} ${pick(rnd, ['General Trading LLC', 'Dis Ticaret A.S.', 'Electronics FZE'])}`, country: pick(rnd, ['AE', 'TR', 'HK']), id: '' };
  });
  const consignees: Company[] = Array.from({ length: 3000 }, () => ({ name: `OOO ${word(rnd)} ${pick(rnd, RU_TRADES)}`, country: pick(rnd, ['RU', 'RU', 'RU', 'KZ', 'KG', 'AM']), id: inn10(rnd) }));
  const forwarders: Company[] = Array.from({ length: 150 }, () => ({ name: `${word(rnd)} Freight Forwarding LLC`, country: 'RU', id: '' }));
  const brands = Array.from({ length: 300 }, () => word(rnd).toUpperCase());
  const out = createWriteStream(path, { highWaterMark: 1 << 20 });
  out.write(`${BENCH_COLUMNS.join(',')}\n`);
  const day0 = Date.UTC(2019, 0, 1);
  let chunk = '';
  for (let i = 0; i < rows; i++) {
    const s = pick(rnd, shippers);
    const c = pick(rnd, consignees);
    const g = pick(rnd, GOODS);
    const quantity = 1 + Math.floor(rnd() * 500);
    const net = Math.round(quantity * (0.05 + rnd() * 3) * 1000) / 1000;
    const date = new Date(day0 + Math.floor(rnd() * 2000) * 86_400_000).toISOString().slice(0, 10);
    const fields = [
      `BX-${String(i + 1).padStart(8, '0')}`, date, s.name, s.country, s.id, c.name, c.country, c.id, rnd() < 0.3 ? pick(rnd, forwarders).name : '',
      pick(rnd, ['air', 'road', 'rail', 'sea']), s.country === 'CN' ? 'CN' : pick(rnd, ['CN', 'TW', 'KR']), s.country, c.country, date < '2022' ? (HS2017[g[0]] ?? g[0]) : g[0], g[1], pick(rnd, brands),
      `M-${Math.floor(rnd() * 9000) + 1000}`, String(quantity), g[2], String(net), String(Math.round(net * 1.15 * 1000) / 1000),
      (quantity * g[3] * (0.9 + rnd() * 0.2)).toFixed(2), pick(rnd, ['USD', 'USD', 'CNY', 'EUR']),
    ];
    chunk += `${fields.map(csvField).join(',')}\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
  return shippers.length + consignees.length + forwarders.length;
}

// ---------------------------------------------------------------- children (measured processes)

interface IngestResult {
  wallMs: number;
  cpuMs: number;
  rows: number;
  loaded: number;
  issues: number;
  entities: number;
  statements: number;
  dbBytes: number;
  /** Time this thread spent inside the store's writer (writes and commit): the store's share. */
  storeMs: number;
  commitMs: number;
  worker: boolean;
}
interface CsvResult { wallMs: number; cpuMs: number; records: number }

const dist = (path: string) => pathToFileURL(join(REPO_ROOT, 'dist', path)).href;

/** The store, with the time spent in its version writer counted. */
function timedStore(store: StoreApi.Store, timing: { storeMs: number; commitMs: number }): StoreApi.Store {
  const timed = <A extends unknown[], R>(fn: (...args: A) => Promise<R>, key: 'storeMs' | 'commitMs' = 'storeMs') => async (...args: A): Promise<R> => {
    const t0 = performance.now();
    try {
      return await fn(...args);
    } finally {
      const ms = performance.now() - t0;
      timing.storeMs += ms;
      if (key === 'commitMs') timing.commitMs += ms;
    }
  };
  return new Proxy(store, {
    get(target, prop, receiver) {
      if (prop === 'beginVersion') {
        return async (meta: StoreApi.VersionMeta) => {
          const w = await target.beginVersion(meta);
          return {
            meta: w.meta,
            write: timed(w.write.bind(w)),
            writeRows: timed(w.writeRows.bind(w)),
            issues: timed(w.issues.bind(w)),
            commit: timed(w.commit.bind(w), 'commitMs'),
            abort: w.abort.bind(w),
          } satisfies StoreApi.VersionWriter;
        };
      }
      const value = Reflect.get(target, prop, receiver) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

async function childIngest(file: string, dbPath: string, mode: string): Promise<IngestResult> {
  const { ingestRecords } = (await import(dist('service/index.js'))) as typeof Service;
  const { SqliteStore } = (await import(dist('store/index.js'))) as typeof StoreApi;
  const inner = new SqliteStore(dbPath);
  const timing = { storeMs: 0, commitMs: 0 };
  const store = timedStore(inner, timing);
  const worker = mode === 'here' ? false : mode === 'worker' ? true : 'auto';
  try {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const r = await ingestRecords(store, { kind: 'trade', path: file, mapping: 'trade-default', dataset: 'trade:bench', worker });
    const wallMs = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    const dbBytes = ['', '-wal'].reduce((n, s) => n + (existsSync(dbPath + s) ? statSync(dbPath + s).size : 0), 0);
    return {
      wallMs, cpuMs: (cpu.user + cpu.system) / 1000, rows: r.rows, loaded: r.loaded, issues: r.issueCount, entities: r.version.entities,
      statements: r.version.statements, dbBytes, storeMs: timing.storeMs, commitMs: timing.commitMs, worker: worker !== false,
    };
  } finally {
    await inner.close();
  }
}

interface ParseResult { wallMs: number; cpuMs: number; rows: number; bundles: number; flattened: boolean }

/** The ingest without the store: parse and build bundles, and (`flatten`) turn them into store rows as a write would. */
async function childParse(file: string, flatten: boolean): Promise<ParseResult> {
  const { ingestStructured, inspectStructuredFile, loadMapping } = (await import(dist('ingest/index.js'))) as typeof Ingest;
  const { flattenBundles } = (await import(dist('store/index.js'))) as typeof StoreApi;
  const { mapping } = await loadMapping('trade-default');
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const info = await inspectStructuredFile(file, 'shipments.csv', mapping);
  const bundles = ingestStructured(info, mapping, { dataset: 'trade:bench' }, { issue() {} });
  let batch: EntityBundle[] = [];
  let count = 0;
  let step = await bundles.next();
  while (!step.done) {
    count++;
    if (flatten) {
      batch.push(step.value);
      if (batch.length >= 2000) {
        flattenBundles(batch);
        batch = [];
      }
    }
    step = await bundles.next();
  }
  if (flatten && batch.length) flattenBundles(batch);
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { wallMs, cpuMs: (cpu.user + cpu.system) / 1000, rows: step.value.rows, bundles: count, flattened: flatten };
}

async function childCsv(file: string): Promise<CsvResult> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let records = 0;
  for await (const _record of createReadStream(file).pipe(parse({ relax_column_count: true }))) records++;
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { wallMs, cpuMs: (cpu.user + cpu.system) / 1000, records };
}

// ---------------------------------------------------------------- the benchmark

export async function ingestTradeBench(ctx: BenchContext): Promise<BenchOutcome> {
  const missing = missingBuild(ctx, 'service/index.js');
  if (missing) return missing;
  const rows = Math.max(1000, Number(process.env.BENCH_INGEST_ROWS ?? 1_000_000) || 1_000_000);
  const reps = Math.max(1, Number(process.env.BENCH_INGEST_REPS ?? 1) || 1);
  const keep = process.env.BENCH_INGEST_KEEP === '1';
  const dir = mkdtempSync(join(tmpdir(), 'endtrace-bench-ingest-'));
  try {
    const file = join(dir, 'shipments.csv');
    const g0 = performance.now();
    const companies = await generateTradeCsv(file, rows);
    const bytes = statSync(file).size;
    ctx.log(`generated ${rows.toLocaleString('en')} rows over ${companies.toLocaleString('en')} fictional companies: ${mb(bytes / 2 ** 20)} in ${secs(performance.now() - g0)} (${file})`);

    const mode = process.env.BENCH_INGEST_MODE ?? 'auto';
    const modes = mode === 'both' ? ['here', 'worker'] : [mode];
    const runs: Record<string, Array<{ result: IngestResult; maxRssMb: number }>> = Object.fromEntries(modes.map((m) => [m, []]));
    const csvRuns: Array<{ result: CsvResult; maxRssMb: number }> = [];
    let n = 0;
    const cases: Record<string, () => Promise<number>> = {
      csvParse: async () => {
        const run = await runChild<CsvResult>(SELF, ['--child', 'csv', file]);
        csvRuns.push(run);
        return run.result.wallMs;
      },
    };
    for (const m of modes) {
      cases[`ingest-${m}`] = async () => {
        const db = join(dir, `store-${n++}.db`);
        const run = await runChild<IngestResult>(SELF, ['--child', 'ingest', file, db, m]);
        runs[m]!.push(run);
        if (!keep) for (const s of ['', '-wal', '-shm']) rmSync(db + s, { force: true });
        return run.result.wallMs;
      };
    }
    const samples = await interleave(cases, reps, (name, rep, v) => ctx.log(`${name} ${rep + 1}/${reps}: ${secs(v)}`));
    // Where the CPU goes: the same file without the store (parse only; parse and flatten to store rows).
    const parseOnly = await runChild<ParseResult>(SELF, ['--child', 'parse', file]);
    const parseFlatten = await runChild<ParseResult>(SELF, ['--child', 'parse', file, 'flatten']);
    ctx.log(`without the store: parse ${secs(parseOnly.result.cpuMs)} CPU, parse + flatten to store rows ${secs(parseFlatten.result.cpuMs)} CPU`);
    const csv = stats(samples.csvParse!);
    const rowsOf = (m: string) => {
      const wall = stats(samples[`ingest-${m}`]!);
      const first = runs[m]![0]!.result;
      const cpu = stats(runs[m]!.map((r) => r.result.cpuMs));
      const store = stats(runs[m]!.map((r) => r.result.storeMs));
      return { mode: m, wall, first, cpu, store, rowsPerSec: first.rows / (wall.median / 1000), peakRss: Math.max(...runs[m]!.map((r) => r.maxRssMb)) };
    };
    const measured = modes.map(rowsOf);
    const best = measured.reduce((a, b) => (b.rowsPerSec > a.rowsPerSec ? b : a));
    const rowsPerSec = best.rowsPerSec;
    const peakRss = Math.max(...measured.map((m) => m.peakRss));
    const ratio = best.wall.median / csv.median;
    ctx.log('');
    ctx.log(table(
      ['trade ingest', ...measured.map((m) => `parse ${m.mode}${m.first.worker ? ' (worker thread)' : ' (one thread)'}`)],
      [
        ['rows', ...measured.map((m) => m.first.rows.toLocaleString('en'))],
        ['rows loaded / issues', ...measured.map((m) => `${m.first.loaded.toLocaleString('en')} / ${m.first.issues.toLocaleString('en')}`)],
        ['bundles (root entities) / statements', ...measured.map((m) => `${m.first.entities.toLocaleString('en')} / ${m.first.statements.toLocaleString('en')}`)],
        ['statements per row', ...measured.map((m) => (m.first.statements / m.first.rows).toFixed(1))],
        ['store size after commit (db + wal)', ...measured.map((m) => mb(m.first.dbBytes / 2 ** 20))],
        ['wall time (median)', ...measured.map((m) => secs(m.wall.median))],
        ['CPU time, all threads (median)', ...measured.map((m) => secs(m.cpu.median))],
        ['time in the store writer (median)', ...measured.map((m) => `${secs(m.store.median)} (${Math.round((100 * m.store.median) / m.wall.median)}%; commit ${secs(m.first.commitMs)})`)],
        ['rows/s', ...measured.map((m) => Math.round(m.rowsPerSec).toLocaleString('en'))],
        ['statements/s', ...measured.map((m) => Math.round(m.first.statements / (m.wall.median / 1000)).toLocaleString('en'))],
        ['store ceiling: rows/s if parsing took no time', ...measured.map((m) => Math.round(m.first.rows / (m.store.median / 1000)).toLocaleString('en'))],
        ['peak RSS of the ingest child', ...measured.map((m) => mb(m.peakRss))],
        ['ingest / bare csv-parse pass', ...measured.map((m) => (m.wall.median / csv.median).toFixed(1))],
      ],
    ));
    ctx.log(`bare csv-parse pass over the same file (median of ${csv.n}): ${secs(csv.median)} (CPU ${secs(stats(csvRuns.map((r) => r.result.cpuMs)).median)})`);
    const cpuOf = (m: (typeof measured)[number]) => m.cpu.median;
    ctx.log('');
    ctx.log(table(
      ['CPU per row (µs)', ...measured.map((m) => m.mode)],
      [
        ['endtrace parse: read, map, check, build entities', ...measured.map(() => (parseOnly.result.cpuMs * 1000 / rows).toFixed(0))],
        ['store rows: flattenBundles + bundle digests', ...measured.map(() => ((parseFlatten.result.cpuMs - parseOnly.result.cpuMs) * 1000 / rows).toFixed(0))],
        ['SQLite writes and commit (the rest)', ...measured.map((m) => ((cpuOf(m) - parseFlatten.result.cpuMs) * 1000 / rows).toFixed(0))],
        ['whole ingest', ...measured.map((m) => (cpuOf(m) * 1000 / rows).toFixed(0))],
        ['bare csv-parse pass', ...measured.map(() => (stats(csvRuns.map((r) => r.result.cpuMs)).median * 1000 / rows).toFixed(0))],
      ],
    ));
    const checks = [
      { name: 'trade ingest rows/s', value: Math.round(rowsPerSec).toLocaleString('en'), target: `≥ ${TARGET.rowsPerSec.toLocaleString('en')}`, pass: rowsPerSec >= TARGET.rowsPerSec },
      { name: 'trade ingest peak RSS', value: mb(peakRss), target: `< ${mb(TARGET.rssMb)}`, pass: peakRss < TARGET.rssMb },
    ];
    ctx.log('');
    for (const c of checks) ctx.log(verdict(c.name, c.value, c.target, c.pass));
    if (keep) ctx.log(`kept: ${dir}`);
    return {
      pass: checks.every((c) => c.pass),
      result: {
        targets: TARGET, checks, rows, fileBytes: bytes, companies, reps, mode,
        ingest: Object.fromEntries(measured.map((m) => [m.mode, { runs: runs[m.mode]!.map((r) => ({ ...r.result, maxRssMb: r.maxRssMb })), wall: m.wall, rowsPerSec: m.rowsPerSec }])),
        csvParse: { runs: csvRuns.map((r) => ({ ...r.result, maxRssMb: r.maxRssMb })), wall: csv }, rowsPerSec, peakRssMb: peakRss, ratio,
        withoutStore: { parse: parseOnly.result, parseAndFlatten: parseFlatten.result },
      },
    };
  } finally {
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs the benchmark on its own, printing its report. */
export async function run(): Promise<void> {
  const outcome = await ingestTradeBench({ dataDir: null, log: (line = '') => process.stdout.write(`${line}\n`) });
  if ('skipped' in outcome) process.stdout.write(`skipped: ${outcome.skipped}\n`);
}

const isMain = process.argv[1] !== undefined && pathToFileURL(process.argv[1]).href === import.meta.url;
if (isMain) {
  const [flag, mode, ...args] = process.argv.slice(2);
  if (flag === '--child' && mode === 'ingest') reportChild(await childIngest(args[0]!, args[1]!, args[2] ?? 'auto'));
  else if (flag === '--child' && mode === 'csv') reportChild(await childCsv(args[0]!));
  else if (flag === '--child' && mode === 'parse') reportChild(await childParse(args[0]!, args[1] === 'flatten'));
  else await run();
}

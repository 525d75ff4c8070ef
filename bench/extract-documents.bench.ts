/**
 * Document extraction throughput: 1,000 generated documents (fictional, seeded; Russian,
 * English and Chinese mixed, 1–3 pages each), extracted page by page without and with
 * gazetteer lookups (the screening engine over the OFAC SDN 2023-12-28 triple when
 * ../shared/data is there, else the SDN excerpt fixture), the two runs interleaved; then
 * one full ingest of the same documents written as files (a third each .txt, .html, .pdf)
 * into a fresh SQLite store, without linking (file reading, PDF parsing, extraction and the
 * store's write, apart from the lookups measured before). Reports documents/s, MB/s (UTF-8
 * bytes of page text; of files for the ingest) and the process's peak RSS.
 * Lookups of Chinese names cost the screening engine up to a second each against the full
 * SDN list, so one interleaved round is the default.
 *
 * Run alone: `node --import tsx bench/extract-documents.bench.ts`, or `npm run bench -- docs`.
 * Environment: BENCH_DOCS (documents, default 1000), BENCH_REPS (interleaved rounds, default 1).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { extractPage, minimalPdf } from '../src/ingest/index.js';
import type { GazetteerLookup, PageText } from '../src/ingest/index.js';
import { ScreeningService, ingestDocuments, loadLists, screeningLookup } from '../src/service/index.js';
import { SqliteStore } from '../src/store/index.js';
import type { BenchContext, BenchOutcome } from './lib/measure.js';
import { REPO_ROOT, interleave, sharedDataDir, stats, table, writeResult } from './lib/measure.js';
import { prng } from './query-generator.js';

const RU_WORDS = ['Пример', 'Лесной', 'Северный', 'Вектор-Тест', 'Альфа', 'Дельта', 'Полярный', 'Каскад', 'Речной', 'Звезда'];
const EN_WORDS = ['Kestrel', 'Harbor', 'Example', 'Northwind', 'Bluefin', 'Cobalt', 'Meridian', 'Granite', 'Aurora', 'Summit'];
const ZH_WORDS = ['云雀', '示例', '蓝海', '星河', '远航', '恒通', '华瑞', '新锐', '鼎盛', '启明'];
const ZH_CITIES = ['深圳市', '成都市', '杭州市', '广州市', '西安市'];
const RU_NAMES = ['Петров Сергей Алексеевич', 'Иванова Анна Петровна', 'Смирнов А.Б.', 'И. И. Сидоров'];
const EN_NAMES = ['Mr. John Carter', 'Ms. Maria Lopez', 'Dr. Alan Reed'];
const ZH_NAMES = ['王小明先生', '联系人：李伟', '张三女士'];
const SCREENED = ['ООО «ТСК Вектор»', 'АО «ИЭМЗ «Купол»', 'TSK VEKTOR, OOO'];

export interface GeneratedDoc {
  lang: 'ru' | 'en' | 'zh';
  pages: string[][];
}

/** `n` fictional documents; real listed names appear only in neutral lists of screened names. */
export function generateDocuments(n: number, seed = 20240423): GeneratedDoc[] {
  const r = prng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const num = (digits: number) => String(Math.floor(r() * 10 ** digits)).padStart(digits, '0');
  const docs: GeneratedDoc[] = [];
  for (let i = 0; i < n; i++) {
    const lang = pick(['ru', 'en', 'zh'] as const);
    const pageCount = 1 + Math.floor(r() * 3);
    const pages: string[][] = [];
    for (let p = 0; p < pageCount; p++) {
      const lines: string[] = [];
      for (let k = 0; k < 12; k++) {
        const d = `${1 + Math.floor(r() * 28)}.0${1 + Math.floor(r() * 9)}.202${Math.floor(r() * 5)}`;
        if (lang === 'ru') {
          lines.push(
            pick([
              `ООО «${pick(RU_WORDS)} ${pick(RU_WORDS)}» направляет письмо № ${num(3)} от ${d} в адрес АО «${pick(RU_WORDS)}».`,
              `Сумма ${num(3)} ${num(3)},${num(2)} руб., код ТН ВЭД 8806 ${num(2)} 000 0, модель Орлан-${num(1)}, ИНН 00${num(8)}.`,
              `Командировка: инженер ${pick(RU_NAMES)} вылетает рейсом SU ${num(4)} из Москвы в Шэньчжэнь ${d}.`,
              `Проверены наименования: ${pick(SCREENED)}; результат проверки приложен.`,
              `Прочий текст письма без сущностей, о порядке согласования документов и сроках ответа на запрос.`,
            ]),
          );
        } else if (lang === 'en') {
          lines.push(
            pick([
              `${pick(EN_WORDS)} ${pick(EN_WORDS)} Avionics LLC ships ${num(2)} units of HW${num(2)}V to ${pick(EN_WORDS)} Trading GmbH, Dubai.`,
              `Invoice No. INV-${num(5)} dated April ${1 + Math.floor(r() * 28)}, 2024: USD ${num(2)} ${num(3)}, HS code 8526.${num(2)}.`,
              `Technician ${pick(EN_NAMES)} travels on flight EK ${num(3)} from Dubai to Moscow; passport No. ${num(9)}.`,
              `Screened names: ${pick(SCREENED)}; no further action recorded in this file.`,
              `General terms and conditions apply to every delivery under this contract and its annexes.`,
            ]),
          );
        } else {
          lines.push(
            pick([
              `我们向${pick(ZH_CITIES)}${pick(ZH_WORDS)}${pick(ZH_WORDS)}科技有限公司采购A${num(3)}型样机，HS编码 8806${num(6)}，金额人民币${num(3)}万元。`,
              `${pick(ZH_NAMES)}于2024年${1 + Math.floor(r() * 12)}月${1 + Math.floor(r() * 28)}日乘坐航班CA${num(3)}从北京飞往莫斯科。`,
              `统一社会信用代码91000000MA0${num(6)}，请核对。`,
              `其他说明文字，关于交货期限与付款方式的一般条款。`,
            ]),
          );
        }
      }
      pages.push(lines);
    }
    docs.push({ lang, pages });
  }
  return docs;
}

interface RunResult {
  ms: number;
  /** CPU time of this process (user + system): on a shared machine, steadier than wall time. */
  cpuMs: number;
  mentions: number;
  lookups: number;
}

function extractAll(pages: readonly PageText[][], lookup: GazetteerLookup | null): RunResult {
  let lookups = 0;
  const counted: GazetteerLookup | null = lookup
    ? (c, k) => {
        lookups++;
        return lookup(c, k);
      }
    : null;
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  let mentions = 0;
  for (const doc of pages) for (const page of doc) mentions += extractPage(page, { lookup: counted }).length;
  const cpu = process.cpuUsage(c0);
  return { ms: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000, mentions, lookups };
}

const fmt = (n: number, digits = 0) => n.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });

export async function extractDocumentsBench(ctx: BenchContext): Promise<BenchOutcome> {
  const n = Number(process.env.BENCH_DOCS ?? 1000) || 1000;
  const reps = Math.max(1, Number(process.env.BENCH_REPS ?? 1) || 1);
  const docs = generateDocuments(n);
  const pages = docs.map((d) => d.pages.map((lines, i) => ({ page: i + 1, text: lines.join('\n') })));
  const bytes = pages.reduce((s, d) => s + d.reduce((t, p) => t + Buffer.byteLength(p.text), 0), 0);
  const pageCount = pages.reduce((s, d) => s + d.length, 0);
  ctx.log(`${fmt(n)} documents, ${fmt(pageCount)} pages, ${fmt(bytes / 1e6, 2)} MB of text (ru ${docs.filter((d) => d.lang === 'ru').length}, en ${docs.filter((d) => d.lang === 'en').length}, zh ${docs.filter((d) => d.lang === 'zh').length})`);

  // The gazetteer: the screening index over a real SDN list when available.
  const store = new SqliteStore(':memory:');
  const lists = ctx.dataDir ? join(ctx.dataDir, 'ofac_sdn', '2023-12-28') : join(REPO_ROOT, 'test', 'fixtures', 'screening', 'sdn-mini');
  await loadLists(store, lists);
  const screening = new ScreeningService(store);
  const versions = await screening.refresh();
  ctx.log(`gazetteer: screening index of ${fmt(screening.size)} entities (${Object.entries(versions).map(([s, v]) => `${s} ${v}`).join(', ')}), built in ${fmt(screening.lastBuildMs)} ms`);

  // A fresh lookup (and so a cold memo) for every run, so that runs compare alike.
  const last: Record<'plain' | 'gazetteer', RunResult | null> = { plain: null, gazetteer: null };
  ctx.log(`extracting, ${reps} interleaved round(s)…`);
  const samples = await interleave(
    {
      plain: async () => {
        last.plain = extractAll(pages, null);
        return last.plain.ms;
      },
      gazetteer: async () => {
        last.gazetteer = extractAll(pages, screeningLookup(screening, versions));
        return last.gazetteer.ms;
      },
    },
    reps,
  );
  const rows = (['plain', 'gazetteer'] as const).map((k) => {
    const s = stats(samples[k]);
    const r = last[k]!;
    return {
      name: k === 'plain' ? 'without lookups' : 'with gazetteer lookups', median: s.median, min: s.min, cpuMs: r.cpuMs,
      docsPerS: n / (s.median / 1000), mbPerS: bytes / 1e6 / (s.median / 1000), docsPerCpuS: n / (r.cpuMs / 1000), mbPerCpuS: bytes / 1e6 / (r.cpuMs / 1000),
      mentions: r.mentions, lookups: r.lookups,
    };
  });
  ctx.log('');
  ctx.log(`load average at the end: ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} cores (wall time suffers when it exceeds the cores; CPU time much less)`);
  ctx.log(table(
    ['extraction', 'wall (median)', 'documents/s', 'MB/s', 'CPU (last run)', 'documents/CPU-s', 'MB/CPU-s', 'mentions', 'lookups'],
    rows.map((r) => [r.name, `${fmt(r.median)} ms`, fmt(r.docsPerS), fmt(r.mbPerS, 2), `${fmt(r.cpuMs)} ms`, fmt(r.docsPerCpuS), fmt(r.mbPerCpuS, 2), fmt(r.mentions), fmt(r.lookups)]),
  ));
  const extractRss = process.resourceUsage().maxRSS / 1024;

  // Full ingest: files on disk (txt, html, pdf), read, extracted, linked and stored in one version.
  const dir = mkdtempSync(join(tmpdir(), 'endtrace-bench-docs-'));
  let ingest: { ms: number; cpuMs: number; documents: number; mentions: number; fileBytes: number };
  try {
    let fileBytes = 0;
    docs.forEach((d, i) => {
      const kind = i % 3;
      const name = join(dir, `doc-${String(i).padStart(4, '0')}.${['txt', 'html', 'pdf'][kind]}`);
      let data: Uint8Array | string;
      if (kind === 0) data = d.pages.map((p) => p.join('\n')).join('\f');
      else if (kind === 1) data = `<!doctype html><html><head><meta charset="utf-8"><title>Document ${i}</title></head><body>${d.pages.flat().map((l) => `<p>${l.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`).join('\n')}</body></html>`;
      else data = minimalPdf(d.pages);
      writeFileSync(name, data);
      fileBytes += typeof data === 'string' ? Buffer.byteLength(data) : data.length;
    });
    const dbDir = mkdtempSync(join(tmpdir(), 'endtrace-bench-db-'));
    const target = new SqliteStore(join(dbDir, 'bench.db'));
    try {
      await loadLists(target, lists);
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      const report = await ingestDocuments(target, [dir], { dataset: 'bench-docs', lookup: null });
      const cpu = process.cpuUsage(c0);
      ingest = { ms: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000, documents: report.documents.length, mentions: report.documents.reduce((s, d) => s + d.mentions.length, 0), fileBytes };
    } finally {
      await target.close();
      rmSync(dbDir, { recursive: true, force: true });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  await store.close();
  const peakRss = process.resourceUsage().maxRSS / 1024;
  ctx.log('');
  ctx.log(table(
    ['full ingest (files → SQLite), no linking', 'wall', 'documents/s', 'MB/s (files)', 'CPU', 'documents/CPU-s', 'mentions'],
    [[
      `${fmt(ingest.documents)} files: ⅓ txt, ⅓ html, ⅓ pdf`, `${fmt(ingest.ms / 1000, 2)} s`, fmt(ingest.documents / (ingest.ms / 1000)),
      fmt(ingest.fileBytes / 1e6 / (ingest.ms / 1000), 2), `${fmt(ingest.cpuMs / 1000, 2)} s`, fmt(ingest.documents / (ingest.cpuMs / 1000)), fmt(ingest.mentions),
    ]],
  ));
  ctx.log('');
  ctx.log(`peak RSS: ${fmt(extractRss)} MB after extraction (index and documents in memory), ${fmt(peakRss)} MB after the full ingest (whole process)`);
  return {
    result: {
      documents: n, pages: pageCount, textBytes: bytes, reps, gazetteer: versions, indexSize: screening.size,
      extraction: rows, ingest, peakRssMb: { extraction: Math.round(extractRss), total: Math.round(peakRss) },
    },
  };
}

/** Runs the benchmark alone and prints its report. */
export async function run(): Promise<void> {
  const outcome = await extractDocumentsBench({ dataDir: sharedDataDir(), log: (line = '') => process.stdout.write(`${line}\n`) });
  if ('result' in outcome) process.stdout.write(`\nresults: ${writeResult('docs', { result: outcome.result })}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await run();

/**
 * `endtrace screen` (one query, or a CSV batch with progress) and `endtrace compare` (pairs, for
 * calibrating thresholds). Thin over the screening service.
 */
import { userInfo } from 'node:os';
import type { Command } from 'commander';
import { readCsv, readLines } from '../../lists/index.js';
import { inputError, usageError } from '../../model/index.js';
import { ALGORITHM } from '../../matching/index.js';
import { AuditLog, ScreeningService, comparePairs, toMatchInput } from '../../service/index.js';
import type { ComparePair, ScreenHit, ScreenOptions, ScreenQuery } from '../../service/index.js';
import type { GlobalOptions } from '../context.js';
import { makeContext } from '../context.js';
import { csvWriter } from '../csv-output.js';
import { ProgressBar, log, out, printJson, printJsonLine, table } from '../output.js';

interface ScreenFlags {
  schema?: string;
  birthDate?: string;
  country?: string;
  id?: string;
  limit?: string;
  threshold?: string;
  input?: string;
  output?: string;
}

function number(value: string | undefined, name: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < min || n > max) throw usageError(`--${name} must be a number from ${min} to ${max}`);
  return n;
}

/** One line of explanation for a CSV cell. */
function shortExplanation(hit: ScreenHit): string {
  return Object.entries(hit.explanations)
    .map(([k, v]) => `${k} ${v.score.toFixed(2)}${v.detail ? `: ${v.detail}` : ''}`)
    .join(' | ');
}

const INPUT_COLUMNS = ['name', 'schema', 'birth_date', 'country', 'id'];

async function* inputQueries(path: string): AsyncGenerator<{ row: number; line: number; query: ScreenQuery }> {
  let header: string[] | undefined;
  let row = 0;
  for await (const { fields, line } of readCsv(path, { name: path })) {
    if (!header) {
      header = fields.map((f) => f.trim().toLowerCase().replace(/[\s-]+/g, '_'));
      if (!header.includes('name')) throw inputError(`the header must have a "name" column (columns: ${INPUT_COLUMNS.join(', ')})`, { file: path, line }, 'layout');
      continue;
    }
    row++;
    const get = (col: string) => {
      const i = header!.indexOf(col);
      const v = i >= 0 ? fields[i]?.trim() : undefined;
      return v ? v : undefined;
    };
    yield { row, line, query: { name: get('name'), schema: get('schema'), birthDate: get('birth_date'), country: get('country'), id: get('id') } };
  }
}

export function registerScreen(program: Command, globals: () => GlobalOptions): void {
  program
    .command('screen [name]')
    .description('screen a name (or a CSV of parties with --input) against every loaded list')
    .option('--schema <schema>', 'Person, Company, Organization, Vessel, Airplane, LegalEntity (default)…')
    .option('--birth-date <date>', 'birth date (YYYY, YYYY-MM or YYYY-MM-DD)')
    .option('--country <country>', 'country or nationality (name or code)')
    .option('--id <identifier>', 'an identifier: INN, OGRN, IMO, passport, registration number…')
    .option('--limit <n>', 'results per query (default 5 for a batch, 10 otherwise)')
    .option('--threshold <score>', 'match threshold (default 0.75)')
    .option('--input <file>', 'CSV with columns name, schema, birth_date, country, id (all but name optional)')
    .option('--output <file>', 'CSV of results for --input (default: stdout)')
    .action(async (name: string | undefined, flags: ScreenFlags) => {
      const ctx = makeContext(globals());
      const threshold = number(flags.threshold, 'threshold', 0, 1);
      await ctx.withStore(async (store) => {
        const service = new ScreeningService(store);
        // Decisions made on the command line go to the audit trail too, under the OS user.
        const audit = new AuditLog(store);
        try {
          await screenCommand(service, audit, name, flags, threshold, ctx.json);
        } finally {
          await audit.flush();
        }
      });
    });

  program
    .command('compare')
    .description('score pairs of names or entities (CSV: schema,name1,name2; or JSON lines: {schema, query, candidate})')
    .requiredOption('--input <file>', 'pairs.csv or pairs.jsonl')
    .option('--threshold <score>', 'match threshold (default 0.75)')
    .action(async (flags: { input: string; threshold?: string }) => {
      const ctx = makeContext(globals());
      const threshold = number(flags.threshold, 'threshold', 0, 1);
      const pairs = await readPairs(flags.input);
      const results = comparePairs(pairs.map((p) => p.pair), threshold);
      if (ctx.json) {
        printJson(results);
        return;
      }
      out(
        table(
          ['line', 'score', 'match', 'query', 'candidate'],
          results.map((r, i) => [pairs[i]!.line, r.score.toFixed(3), r.match ? 'MATCH' : '', pairs[i]!.label[0], pairs[i]!.label[1]]),
        ),
      );
    });
}

async function screenCommand(service: ScreeningService, audit: AuditLog, name: string | undefined, flags: ScreenFlags, threshold: number | undefined, json: boolean): Promise<void> {
  if (flags.input) {
    if (name) throw usageError('give either a NAME or --input, not both');
    const limit = number(flags.limit, 'limit', 1, 1000) ?? 5;
    await screenBatch(service, audit, flags.input, flags.output, { limit, threshold }, json);
    return;
  }
  if (!name) throw usageError('give a NAME to screen, or --input FILE');
  const query: ScreenQuery = { name, schema: flags.schema, birthDate: flags.birthDate, country: flags.country, id: flags.id };
  const t = performance.now();
  const limit = number(flags.limit, 'limit', 1, 1000) ?? 10;
  const res = await service.screen(query, { limit, threshold });
  audit.record({ action: 'screen', principal: cliPrincipal(), query: res.query, results: auditResults(res.results), algorithm: res.algorithm, lists: res.lists, params: { limit, threshold: res.threshold } });
  log(`screened against ${service.size.toLocaleString('en')} entities (${Object.entries(res.lists).map(([s, v]) => `${s} ${v}`).join(', ')}) in ${(performance.now() - t).toFixed(0)} ms`);
  if (json) {
    printJson(res);
    return;
  }
  if (!res.results.length) out(`No result above ${0.5} for "${name}".`);
  else out(table(['score', 'match', 'id', 'schema', 'list', 'name'], res.results.map((h) => [h.score.toFixed(3), h.match ? 'MATCH' : '', h.id, h.schema, h.source, h.caption])));
  const best = res.results[0];
  if (best) out(`\nbest: ${shortExplanation(best)}`);
  out(`algorithm ${res.algorithm}, threshold ${res.threshold}`);
}

/** The principal of command-line decisions in the audit trail. */
function cliPrincipal(): string {
  try {
    return `cli:${userInfo().username}`;
  } catch {
    return 'cli';
  }
}

const auditResults = (hits: ScreenHit[]) => hits.map((h) => ({ id: h.id, score: h.score, match: h.match }));

async function screenBatch(service: ScreeningService, audit: AuditLog, input: string, output: string | undefined, opts: ScreenOptions, json: boolean): Promise<void> {
  const lists = await service.refresh();
  const principal = cliPrincipal();
  const queries: Array<{ row: number; line: number; query: ScreenQuery }> = [];
  for await (const q of inputQueries(input)) queries.push(q);
  const bar = new ProgressBar();
  bar.start(`screening ${queries.length} rows`, queries.length, 'rows');
  const writer = json ? undefined : csvWriter(output ?? '-', ['row', 'query_name', 'query_schema', 'entity_id', 'caption', 'schema', 'list', 'score', 'match', 'explanation', 'error']);
  let matches = 0;
  let done = 0;
  const t = performance.now();
  for (const { row, line, query } of queries) {
    let hits: ScreenHit[] = [];
    let error: string | undefined;
    let matchInput;
    try {
      matchInput = toMatchInput(query);
      hits = service.screenPrepared(matchInput, lists, opts).results;
    } catch (err) {
      error = `${input}:${line}: ${(err as Error).message}`;
    }
    if (matchInput) {
      audit.record({ action: 'screen-batch', principal, query: matchInput, results: auditResults(hits), algorithm: ALGORITHM, lists, params: { file: input, row, limit: opts.limit, threshold: opts.threshold ?? null } });
    }
    matches += hits.filter((h) => h.match).length;
    if (json) printJsonLine({ row, query: matchInput ?? query, ...(error ? { error } : {}), results: hits });
    else if (error || !hits.length) await writer!.write([row, query.name ?? '', query.schema ?? '', '', '', '', '', '', '', '', error ?? '']);
    else for (const h of hits) await writer!.write([row, query.name ?? '', matchInput?.schema ?? '', h.id, h.caption, h.schema, h.source, h.score.toFixed(4), h.match, shortExplanation(h), '']);
    bar.update(++done);
  }
  bar.stop();
  await writer?.close();
  const secs = (performance.now() - t) / 1000;
  log(`screened ${queries.length} rows in ${secs.toFixed(1)} s (${Math.round(queries.length / Math.max(secs, 0.001))}/s): ${matches} matches`);
}

interface PairRow {
  line: number;
  pair: ComparePair;
  label: [string, string];
}

async function readPairs(path: string): Promise<PairRow[]> {
  const rows: PairRow[] = [];
  if (/\.(jsonl|ndjson|json)$/i.test(path)) {
    for await (const { text, line } of readLines(path, { name: path })) {
      if (!text.trim()) continue;
      let obj: { schema?: unknown; query?: unknown; candidate?: unknown };
      try {
        obj = JSON.parse(text) as typeof obj;
      } catch (err) {
        throw inputError(`invalid JSON (${(err as Error).message})`, { file: path, line }, 'json_syntax');
      }
      if (typeof obj.schema !== 'string' || typeof obj.query !== 'object' || typeof obj.candidate !== 'object' || !obj.query || !obj.candidate) {
        throw inputError('each line must be {schema, query: {prop: values}, candidate: {prop: values}}', { file: path, line }, 'layout');
      }
      const props = (o: object) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, (Array.isArray(v) ? v : [v]).map(String)]));
      const q = props(obj.query);
      const c = props(obj.candidate);
      rows.push({ line, pair: { schema: obj.schema, query: q, candidate: c }, label: [(q.name ?? [])[0] ?? '', (c.name ?? [])[0] ?? ''] });
    }
    return rows;
  }
  let header: string[] | undefined;
  for await (const { fields, line } of readCsv(path, { name: path })) {
    if (!header) {
      header = fields.map((f) => f.trim().toLowerCase());
      for (const col of ['name1', 'name2']) if (!header.includes(col)) throw inputError(`the header must have columns schema,name1,name2`, { file: path, line }, 'layout');
      continue;
    }
    const get = (col: string) => fields[header!.indexOf(col)]?.trim() ?? '';
    const schema = get('schema') || 'LegalEntity';
    rows.push({ line, pair: { schema, query: { name: [get('name1')] }, candidate: { name: [get('name2')] } }, label: [get('name1'), get('name2')] });
  }
  return rows;
}

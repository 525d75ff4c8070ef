/**
 * The US Consolidated Screening List parsers (trade.gov, https://developer.trade.gov/consolidated-screening-list):
 * `us-csl-csv` for consolidated.csv(.gz), `us-csl-json` for consolidated.json(.gz), the search
 * API's JSON and JSON lines. One bundle per list row; the file carries no date of its own.
 */
import { hashId, inputError } from '../../model/index.js';
import type { EntityBundle, Issue } from '../../model/index.js';
import { readCsv } from '../io/csv.js';
import type { CsvReadOptions } from '../io/csv.js';
import type { ListMeta, ListParser, LoadUnit, ParseContext, UnitFile } from '../types.js';
import { buildBundle, rootIdFor } from './build-bundle.js';
import { csvLayout, csvRecord } from './csv-record.js';
import type { CsvLayout } from './csv-record.js';
import { jsonRecord } from './json-record.js';
import { readJsonRecords } from './json-stream.js';
import type { JsonReadOptions } from './json-stream.js';
import type { CslRecord } from './record.js';
import { cslList } from './sources.js';

function mainFile(unit: LoadUnit): UnitFile {
  const file = unit.files.find((f) => f.role === 'main') ?? unit.files[0];
  if (!file) throw inputError('the load unit has no file to read', { record: unit.source }, 'layout');
  return file;
}

/** Turns records into bundles with unique ids, and reports their problems as issues. */
class BundleEmitter {
  private readonly seen = new Set<string>();

  constructor(
    private readonly ctx: ParseContext,
    private readonly file: string,
  ) {}

  emit(rec: CslRecord, line: number, rawKey: string, problems: Array<[string, string]>): EntityBundle | undefined {
    const origin = `${this.file}:${line}`;
    const issue = (code: string, message: string, record: string | undefined) => {
      const i: Issue = { code, message, file: this.file, line };
      if (record !== undefined) i.record = record;
      this.ctx.issue(i);
    };
    if (!rec.name) {
      for (const [code, message] of problems) issue(code, message, rec.id || undefined);
      issue('missing_name', 'the entry has no name; skipped', rec.id || undefined);
      return undefined;
    }
    const list = cslList(rec.source);
    if (!list) problems.push(['unknown_source', `source "${rec.source}" names no known list`]);
    let id = rootIdFor(rec, list);
    if (this.seen.has(id)) {
      const first = id;
      id = hashId(first, rawKey);
      for (let n = 2; this.seen.has(id); n++) id = `${hashId(first, rawKey)}-${n}`;
      problems.push(['duplicate_id', `another entry of this file already has the id ${first}; this one is ${id}`]);
    }
    this.seen.add(id);
    const bundle = buildBundle(rec, list, id, origin, (code, message) => problems.push([code, message]));
    for (const [code, message] of problems) issue(code, message, id);
    for (const e of [bundle.root, ...bundle.related]) {
      for (const r of e.rejected) issue('invalid_value', `${e.schema.name}.${r.prop} "${r.value}" refused: ${r.reason}`, id);
    }
    return bundle;
  }
}

function onBytes(ctx: ParseContext): ((bytes: number) => void) | undefined {
  if (!ctx.progress) return undefined;
  const progress = ctx.progress.bind(ctx);
  return (n) => progress(n);
}

function readerOptions(file: UnitFile, ctx: ParseContext): CsvReadOptions & JsonReadOptions {
  return { name: file.name, onBytes: onBytes(ctx) };
}

async function* parseCsv(unit: LoadUnit, ctx: ParseContext): AsyncGenerator<EntityBundle, ListMeta, undefined> {
  const file = mainFile(unit);
  const emitter = new BundleEmitter(ctx, file.name);
  let layout: CsvLayout | undefined;
  for await (const row of readCsv(file.path, readerOptions(file, ctx))) {
    if (!layout) {
      layout = csvLayout(row.fields, file.name, row.line);
      continue;
    }
    if (row.fields.every((f) => !f.trim())) continue;
    const problems: Array<[string, string]> = [];
    if (row.fields.length !== layout.width) {
      problems.push(['column_count', `the row has ${row.fields.length} fields, the header ${layout.width}`]);
    }
    const rec = csvRecord(row.fields, layout, (code, message) => problems.push([code, message]));
    const bundle = emitter.emit(rec, row.line, row.fields.join('\u001f'), problems);
    if (bundle) yield bundle;
  }
  if (!layout) throw inputError('the file is empty: no header line', { file: file.name, line: 1 }, 'layout');
  return { published: null };
}

async function* parseJson(unit: LoadUnit, ctx: ParseContext): AsyncGenerator<EntityBundle, ListMeta, undefined> {
  const file = mainFile(unit);
  const emitter = new BundleEmitter(ctx, file.name);
  for await (const { value, line } of readJsonRecords(file.path, readerOptions(file, ctx))) {
    const problems: Array<[string, string]> = [];
    const rec = jsonRecord(value, (code, message) => problems.push([code, message]));
    if (!rec) {
      ctx.issue({ code: 'invalid_record', message: 'a results element is not an object; skipped', file: file.name, line });
      continue;
    }
    const bundle = emitter.emit(rec, line, JSON.stringify(value), problems);
    if (bundle) yield bundle;
  }
  return { published: null };
}

/** consolidated.csv, plain or gzipped. */
export const usCslCsvParser: ListParser = {
  format: 'us-csl-csv',
  peek: () => Promise.resolve({ published: null }),
  parse: parseCsv,
};

/** consolidated.json (`{"results": […]}`), a top-level array of results, or JSON lines; plain or gzipped. */
export const usCslJsonParser: ListParser = {
  format: 'us-csl-json',
  peek: () => Promise.resolve({ published: null }),
  parse: parseJson,
};

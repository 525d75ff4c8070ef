/**
 * Structured ingest: a records file (CSV, TSV or JSON lines) read through a mapping into
 * entity bundles, streamed — only the current shipment's rows and the emitted parties' keys
 * are held. Bad rows and values become issues with their line (under `strict`, the first one
 * fails the file); a file that cannot be used at all is an `input` error.
 */
import { inputError } from '../../model/index.js';
import type { EntityBundle, Issue } from '../../model/index.js';
import type { IngestContext, IngestSummary } from '../types.js';
import { BoundMapping } from './columns.js';
import { REQUIRED_FIELDS } from './fields.js';
import type { Mapping } from './mapping.js';
import { PartyRegistry } from './parties.js';
import type { BuildContext, RecordBuilder } from './record-builder.js';
import { OwnershipBuilder, TravelBuilder } from './relations.js';
import { chooseEncoding, detectFormat, fileFacts, readRecords } from './source.js';
import type { Detected, FileFacts, TextEncoding } from './source.js';
import { TradeBuilder } from './trade.js';

export interface StructuredFile {
  path: string;
  /** Name for messages and provenance (`${name}:${line}`). */
  name: string;
  facts: FileFacts;
  encoding: TextEncoding;
  detected: Detected;
}

/** Checksum, encoding and format of a records file, as the mapping allows. */
export async function inspectStructuredFile(path: string, name: string, mapping: Mapping): Promise<StructuredFile> {
  const facts = await fileFacts(path);
  if (facts.bytes === 0) throw inputError('the file is empty', { file: name, line: 1 }, 'empty');
  const encoding = await chooseEncoding(path, facts, mapping.encoding);
  const detected = await detectFormat(path, name, { format: mapping.format, delimiter: mapping.delimiter });
  return { path, name, facts, encoding, detected };
}

/** The version format of a file: `trade-csv`, `ownership-jsonl`, `travel-tsv`… */
export function formatName(mapping: Mapping, file: StructuredFile): string {
  const kind = mapping.kind === 'directorship' ? 'ownership' : mapping.kind;
  return `${kind}-${file.detected.format}`;
}

/** Alternative sets of fields of which one must have columns for the file to be usable. */
function requiredColumns(mapping: Mapping): string[][] {
  if (mapping.kind === 'ownership') return [[...REQUIRED_FIELDS.ownership], [...REQUIRED_FIELDS.directorship]];
  return [[...REQUIRED_FIELDS[mapping.kind]]];
}

function builderFor(ctx: BuildContext): RecordBuilder {
  switch (ctx.bound.kind) {
    case 'trade':
      return new TradeBuilder(ctx);
    case 'travel':
      return new TravelBuilder(ctx);
    default:
      return new OwnershipBuilder(ctx);
  }
}

export interface StructuredIngestOptions {
  /** The dataset the records are written to; part of every record id. */
  dataset: string;
}

/** Streams a records file as entity bundles; returns the row counts. */
export async function* ingestStructured(file: StructuredFile, mapping: Mapping, opts: StructuredIngestOptions, ctx: IngestContext): AsyncGenerator<EntityBundle, IngestSummary> {
  const name = file.name;
  const report = (code: string, message: string, line: number) => {
    const issue: Issue = { code, message, file: name, line };
    if (ctx.strict) throw inputError(`${message} (--strict)`, { file: name, line }, code);
    ctx.issue(issue);
  };
  const bound = new BoundMapping(mapping, name);
  let loaded = 0;
  const build: BuildContext = { dataset: opts.dataset, bound, parties: new PartyRegistry(), report, loaded: (n) => (loaded += n) };
  const builder = builderFor(build);
  const out: EntityBundle[] = [];

  let rows = 0;
  let headerSeen = file.detected.format === 'jsonl';
  let firstLine: number | undefined;
  const records = readRecords(file.path, file.detected, { name, encoding: file.encoding, onBytes: ctx.progress });
  for await (const rec of records) {
    if (!headerSeen) {
      headerSeen = true;
      if ('fields' in rec) for (const i of bound.bindHeader(rec.fields, rec.line, requiredColumns(mapping))) report(i.code, i.message, i.line!);
      continue;
    }
    rows++;
    firstLine ??= rec.line;
    if ('bad' in rec) {
      report('bad_json', rec.bad, rec.line);
      continue;
    }
    const wide = bound.overWide(rec);
    if (wide !== undefined) {
      report('column_count', `the row has ${wide} fields, the header ${bound.headerWidth}: misaligned columns (an unquoted delimiter?); not loaded`, rec.line);
      continue;
    }
    builder.row(bound.row(rec, report), `${name}:${rec.line}`, out);
    if (out.length) {
      for (const b of out) {
        reportRejected(b, report);
        yield b;
      }
      out.length = 0;
    }
  }
  builder.finish(out);
  for (const b of out) {
    reportRejected(b, report);
    yield b;
  }
  if (file.detected.format === 'jsonl') for (const i of bound.unseenJsonColumns(firstLine ?? 1)) report(i.code, i.message, i.line!);
  return { rows, loaded };
}

/** Values the model refused (the checks before it catch most), as issues of their lines. */
function reportRejected(bundle: EntityBundle, report: (code: string, message: string, line: number) => void): void {
  for (const e of [bundle.root, ...bundle.related]) {
    if (e.rejected.length === 0) continue;
    for (const r of e.rejected) {
      const line = Number(r.origin?.slice(r.origin.lastIndexOf(':') + 1));
      report(/longer than/.test(r.reason) ? 'too_long' : 'bad_value', `${e.schema.name}.${r.prop}: ${JSON.stringify(r.value.slice(0, 80))} is ${r.reason}; not stored`, Number.isFinite(line) ? line : 0);
    }
    e.rejected.length = 0;
  }
}

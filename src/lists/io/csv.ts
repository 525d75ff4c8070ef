/**
 * Streaming CSV rows with their line numbers, on csv-parse. Broken quoting, oversized
 * fields and bad encodings become one `input` error naming the file and the line.
 * Plain files go through a faster scanner that gives the same rows (csv-scanner.ts); on
 * anything it does not handle, csv-parse takes over from the start and skips the rows
 * already given.
 */
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import type { Options as CsvOptions } from 'csv-parse';
import { EndtraceError, inputError } from '../../model/index.js';
import { CsvScanner, scannerSupports } from './csv-scanner.js';
import { readText } from './text.js';
import type { ReadOptions } from './text.js';

export interface CsvRow {
  /** Field values, as strings. */
  fields: string[];
  /** 1-based line on which the record starts. */
  line: number;
}

export interface CsvReadOptions extends ReadOptions {
  delimiter?: string;
  /** Skip this many lines before the first record (e.g. a title line). */
  fromLine?: number;
  /** Largest record in characters; a larger one is refused as an oversized field. */
  maxRecordSize?: number;
}

const CSV_ERROR_CAUSES: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: 'a quoted field is never closed (broken quoting or truncated file)',
  CSV_INVALID_CLOSING_QUOTE: 'a quote inside a field is not escaped (broken quoting)',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'text follows a closing quote (broken quoting)',
  CSV_MAX_RECORD_SIZE: 'a record is larger than the limit (oversized field)',
  CSV_RECORD_INCONSISTENT_FIELDS_LENGTH: 'a record has the wrong number of fields',
  CSV_INVALID_OPENING_QUOTE: 'a quote opens in the middle of a field (broken quoting)',
};

export async function* readCsv(path: string, opts: CsvReadOptions = {}): AsyncGenerator<CsvRow> {
  const scannerOptions = { delimiter: opts.delimiter ?? ',', maxRecordSize: opts.maxRecordSize ?? 1_000_000, fromLine: opts.fromLine ?? 1 };
  let given = 0;
  if (scannerSupports(scannerOptions)) {
    const scanner = new CsvScanner(scannerOptions);
    let previousEnd = scannerOptions.fromLine - 1;
    let failed = false;
    try {
      for await (const chunk of readText(path, opts)) {
        const records = scanner.push(chunk);
        if (!records) {
          failed = true;
          break;
        }
        for (const r of records) {
          const line = previousEnd + 1;
          previousEnd = r.endLine;
          given++;
          yield { fields: r.fields, line };
        }
      }
      const last = failed ? null : scanner.end();
      if (last) {
        for (const r of last) {
          const line = previousEnd + 1;
          previousEnd = r.endLine;
          yield { fields: r.fields, line };
        }
        return;
      }
    } catch {
      // A read error: csv-parse's path reports it as it always has.
    }
  }
  yield* readCsvParse(path, opts, given);
}

/** The csv-parse path, skipping the first `skip` rows (given already by the scanner). */
async function* readCsvParse(path: string, opts: CsvReadOptions, skip: number): AsyncGenerator<CsvRow> {
  const name = opts.name ?? path;
  const options: CsvOptions = {
    delimiter: opts.delimiter ?? ',',
    relax_column_count: true,
    skip_empty_lines: true,
    bom: true,
    info: true,
    max_record_size: opts.maxRecordSize ?? 1_000_000,
    from_line: opts.fromLine ?? 1,
  };
  const parser = parse(options);
  const source = Readable.from(readText(path, opts));
  let sourceError: unknown;
  source.on('error', (e) => {
    sourceError = e;
    parser.destroy(e);
  });
  source.pipe(parser);
  let previousEnd = (opts.fromLine ?? 1) - 1;
  try {
    for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      const line = previousEnd + 1;
      previousEnd = item.info.lines;
      if (skip > 0) skip--;
      else yield { fields: item.record, line };
    }
  } catch (err) {
    if (sourceError instanceof EndtraceError) throw sourceError;
    if (err instanceof EndtraceError) throw err;
    const e = err as { code?: string; lines?: number; message?: string; name?: string };
    // Every csv-parse error (CsvError) is about the input; some codes lack the CSV_ prefix.
    if (typeof e.code === 'string' && (e.code.startsWith('CSV_') || e.name === 'CsvError' || /^[A-Z_]+$/.test(e.code))) {
      const cause = CSV_ERROR_CAUSES[e.code] ?? CSV_ERROR_CAUSES[`CSV_${e.code}`] ?? `malformed CSV: ${e.message ?? e.code}`;
      // An unclosed quote is only noticed at the end of the file; the record starts after the last good one.
      const line = /QUOTE_NOT_CLOSED/.test(e.code) ? previousEnd + 1 : (e.lines ?? previousEnd + 1);
      throw inputError(cause, { file: name, line }, /MAX_RECORD_SIZE/.test(e.code) ? 'oversized' : 'csv_syntax', err);
    }
    throw err;
  } finally {
    source.destroy();
  }
}

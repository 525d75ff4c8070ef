/**
 * The first pass over ConList.csv: how many rows each Group ID has, and whether the CSV is
 * well formed. It needs one column only, so it scans the text itself (RFC 4180: fields in
 * double quotes, `""` for a quote, line breaks inside quotes) rather than building every row.
 * Broken quoting is thus reported with the line where the bad record starts, before the
 * second pass has yielded any target. csv-parse, in the second pass, stays the reference; should
 * the two ever disagree, a target stays open until the end of the file and is emitted then.
 */
import { inputError } from '../../model/index.js';
import { readText } from '../io/text.js';
import type { ReadOptions } from '../io/text.js';

export interface CountOptions extends ReadOptions {
  /** Index of the Group ID column. */
  column: number;
  /** Rows with more fields than this are skipped by the parser, so not counted. */
  width: number;
  /** Number of records before the data (line 1 and the header). */
  skipRecords: number;
}

const QUOTE = 0x22;
/** A longer Group ID is not kept whole (csv-parse refuses such a record as oversized anyway). */
const MAX_ID = 10_000;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;

export async function countGroupRows(path: string, opts: CountOptions): Promise<Map<string, number>> {
  const name = opts.name ?? path;
  const counts = new Map<string, number>();
  let line = 1;
  let recordLine = 1;
  let record = 0;
  let field = 0;
  let fieldLength = 0; // characters of the current field so far
  let value = '';
  let inQuotes = false;
  let afterQuote = false; // a quote seen inside quotes: either `""` or the closing quote
  let closed = false; // the current field's closing quote has been read
  let nonEmpty = false;

  const fail = (cause: string, at: number) => inputError(cause, { file: name, line: at }, 'csv_syntax');

  const endField = () => {
    field++;
    fieldLength = 0;
    closed = false;
  };
  const endRecord = () => {
    if (record >= opts.skipRecords && nonEmpty && field < opts.width) {
      const id = value.trim();
      if (id) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    if (nonEmpty || field > 0) record++;
    field = 0;
    fieldLength = 0;
    closed = false;
    value = '';
    nonEmpty = false;
    recordLine = line;
  };

  for await (const chunk of readText(path, opts)) {
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (afterQuote) {
        afterQuote = false;
        if (c === QUOTE) {
          if (field === opts.column && value.length < MAX_ID) value += '"';
          continue;
        }
        inQuotes = false;
        closed = true;
      }
      if (inQuotes) {
        if (c === QUOTE) afterQuote = true;
        else {
          if (c === LF) line++;
          if (field === opts.column && value.length < MAX_ID) value += chunk[i];
        }
        continue;
      }
      if (c === COMMA) {
        endField();
      } else if (c === LF) {
        line++;
        endRecord();
      } else if (c === CR) {
        // part of a CRLF line end
      } else if (closed) {
        throw fail('text follows a closing quote (broken quoting)', line);
      } else if (c === QUOTE) {
        if (fieldLength > 0) throw fail('a quote inside an unquoted field (broken quoting)', line);
        inQuotes = true;
        nonEmpty = true;
        fieldLength++;
      } else {
        if (c !== 0x20 && c !== 0x09) nonEmpty = true;
        fieldLength++;
        if (field === opts.column && value.length < MAX_ID) value += chunk[i];
      }
    }
  }
  if (inQuotes && !afterQuote) throw fail('a quoted field is never closed (broken quoting or truncated file)', recordLine);
  if (nonEmpty || field > 0) endRecord();
  return counts;
}

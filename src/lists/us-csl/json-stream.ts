/**
 * Streaming reader for the CSL JSON without parsing the whole document: a small scanner that
 * tracks strings and bracket depth, cuts out each record object and `JSON.parse`s only that.
 * Accepts the three shapes the CSL is published in:
 * - `{"results": [ {…}, … ], "total": N, …}` (consolidated.json, the search API);
 * - a top-level array of record objects;
 * - JSON lines / concatenated objects, one record per object.
 * Truncated documents, mismatched brackets and broken records are `input` errors naming the
 * file and the line.
 */
import { inputError } from '../../model/index.js';
import { readText } from '../io/text.js';
import type { ReadOptions } from '../io/text.js';

export interface JsonRecord {
  value: unknown;
  /** 1-based line on which the record's `{` stands. */
  line: number;
}

export interface JsonReadOptions extends ReadOptions {
  /** Largest record in characters; a larger one is refused as oversized. */
  maxRecordSize?: number;
}

const OPEN_OBJ = 0x7b; // {
const CLOSE_OBJ = 0x7d; // }
const OPEN_ARR = 0x5b; // [
const CLOSE_ARR = 0x5d; // ]
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const COMMA = 0x2c;
const NEWLINE = 0x0a;

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/**
 * Where records sit: `top` = each top-level object is a record (until a `results` key shows
 * it is the wrapper); `array` = children of the top-level array; `results` = children of the
 * wrapper's `results` array; `done` = after the results array.
 */
type Mode = 'start' | 'top' | 'array' | 'results' | 'done';

export async function* readJsonRecords(path: string, opts: JsonReadOptions = {}): AsyncGenerator<JsonRecord> {
  const name = opts.name ?? path;
  const maxRecord = opts.maxRecordSize ?? 10_000_000;
  let mode: Mode = 'start';
  /** Open containers, innermost last. */
  const stack: number[] = [];
  let inString = false;
  let escaped = false;
  let line = 1;
  /** Depth at which record objects open (their `{` makes the stack this deep). */
  let recordDepth = 1;
  // Capture of the record being read.
  let capturing = false;
  let parts: string[] = [];
  let captured = 0;
  let captureStart = 0;
  let recordLine = 0;
  // Key tracking in the top-level object, to find `results`.
  let keyStart = -1;
  let keyParts: string[] = [];
  let lastKey: string | undefined;
  let afterKey = false;
  let expectKey = false;

  const syntax = (message: string) => inputError(message, { file: name, line }, 'json_syntax');

  for await (const chunk of readText(path, opts)) {
    if (capturing) captureStart = 0;
    if (keyStart >= 0) keyStart = 0;
    /** Position of the next backslash at or after the scan, -1 for none left in the chunk. */
    let nextBackslash = chunk.indexOf('\\');
    for (let i = 0; i < chunk.length; i++) {
      if (inString) {
        if (escaped) {
          escaped = false;
          continue;
        }
        // Jump to the next quote or backslash (valid JSON has no raw newline inside a string).
        if (nextBackslash !== -1 && nextBackslash < i) nextBackslash = chunk.indexOf('\\', i);
        const quote = chunk.indexOf('"', i);
        const stop = quote === -1 ? nextBackslash : nextBackslash !== -1 && nextBackslash < quote ? nextBackslash : quote;
        if (stop === -1) break;
        i = stop;
        if (chunk.charCodeAt(i) === BACKSLASH) escaped = true;
        else {
          inString = false;
          if (keyStart >= 0) {
            keyParts.push(chunk.slice(keyStart, i));
            lastKey = keyParts.join('');
            keyParts = [];
            keyStart = -1;
            afterKey = true;
          }
        }
        continue;
      }
      const c = chunk.charCodeAt(i);
      if (c === NEWLINE) line++;
      if (isSpace(c)) continue;
      if (mode === 'start') {
        if (c === OPEN_ARR) {
          mode = 'array';
          recordDepth = 2;
          stack.push(c);
          continue;
        }
        if (c !== OPEN_OBJ) throw syntax(`not a JSON document: it starts with "${chunk[i]}" instead of "{" or "["`);
        mode = 'top';
        recordDepth = 1;
      }
      const depth = stack.length;
      if (mode === 'done' && depth === 0) throw syntax(`text after the end of the JSON document: "${chunk[i]}"`);
      // Between records: only separators, the next record, or the end of its container.
      if (!capturing && depth === recordDepth - 1 && (mode === 'array' || mode === 'results' || mode === 'top')) {
        if (c === COMMA && mode !== 'top') continue;
        if (c === OPEN_OBJ) {
          capturing = true;
          captureStart = i;
          captured = 0;
          parts = [];
          recordLine = line;
          stack.push(c);
          if (mode === 'top') {
            expectKey = true;
            lastKey = undefined;
          }
          continue;
        }
        if (c === CLOSE_ARR && mode !== 'top') {
          stack.pop();
          mode = 'done';
          continue;
        }
        throw syntax(`expected a record object, found "${chunk[i]}"`);
      }
      switch (c) {
        case QUOTE:
          inString = true;
          if (mode === 'top' && depth === 1 && expectKey) {
            keyStart = i + 1;
            expectKey = false;
          }
          break;
        case COLON:
          break;
        case COMMA:
          if (mode === 'top' && depth === 1) {
            expectKey = true;
            afterKey = false;
          }
          break;
        case OPEN_OBJ:
          stack.push(c);
          break;
        case OPEN_ARR:
          if (mode === 'top' && depth === 1 && afterKey && lastKey === 'results') {
            // The top-level object is the wrapper: its `results` elements are the records.
            capturing = false;
            parts = [];
            mode = 'results';
            recordDepth = 3;
          }
          stack.push(c);
          break;
        case CLOSE_OBJ:
        case CLOSE_ARR: {
          const open = stack.pop();
          if (open === undefined || (c === CLOSE_OBJ) !== (open === OPEN_OBJ)) {
            throw syntax(`"${chunk[i]}" does not close ${open === undefined ? 'anything' : `the "${String.fromCharCode(open)}" before it`}`);
          }
          if (capturing && stack.length === recordDepth - 1) {
            parts.push(chunk.slice(captureStart, i + 1));
            const textOfRecord = parts.join('');
            capturing = false;
            parts = [];
            let value: unknown;
            try {
              value = JSON.parse(textOfRecord);
            } catch (err) {
              throw inputError(
                `the record starting here is not valid JSON: ${(err as Error).message}`,
                { file: name, line: recordLine },
                'json_syntax',
                err,
              );
            }
            yield { value, line: recordLine };
          }
          break;
        }
        default:
          break;
      }
      if (mode === 'top' && depth === 1 && c !== QUOTE && c !== COLON) afterKey = false;
    }
    if (capturing) {
      const rest = chunk.slice(captureStart);
      captured += rest.length;
      if (captured > maxRecord) {
        throw inputError(`a record is larger than ${maxRecord} characters (oversized field or not a CSL file)`, { file: name, line: recordLine }, 'oversized');
      }
      parts.push(rest);
    }
    if (keyStart >= 0) keyParts.push(chunk.slice(keyStart));
  }
  if (inString || stack.length > 0) {
    throw inputError(
      `the JSON ends early${capturing ? ` inside the record that starts on line ${recordLine}` : ''} (truncated file?)`,
      { file: name, line },
      'truncated',
    );
  }
  if (mode === 'start') throw inputError('the JSON document is empty', { file: name, line }, 'truncated');
}

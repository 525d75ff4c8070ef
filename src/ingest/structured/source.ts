/**
 * Reading a records file: its checksum and encoding in one pass, its format from its content
 * (JSON lines when the first record is a JSON object; otherwise a header line whose commonest
 * separator — tab, semicolon or comma — gives TSV or CSV), and its records with their
 * 1-based lines. CSV is RFC 4180 (csv-parse, through the lists' readCsv); TSV is the IANA
 * text/tab-separated-values format (no quoting: a field holds no tab or line break; a field
 * wholly in double quotes is unquoted, as spreadsheet exports write them). Text is UTF-8 (a
 * BOM is dropped) or, when the file is not valid UTF-8, Windows-1251 (Russian exports).
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readCsv, readHeadText, readLines, isUtf8File } from '../../lists/index.js';
import { inputError } from '../../model/index.js';

export type RecordFormat = 'csv' | 'tsv' | 'jsonl';
export type TextEncoding = 'utf-8' | 'windows-1251';

export interface FileFacts {
  sha256: string;
  bytes: number;
  /** Whether the bytes are valid UTF-8 (undefined for gzip files: checked after decompression). */
  utf8: boolean | undefined;
}

/** sha256, size and UTF-8 validity of a file, in one read. */
export async function fileFacts(path: string): Promise<FileFacts> {
  const hash = createHash('sha256');
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let utf8: boolean | undefined = true;
  let bytes = 0;
  let first = true;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    bytes += chunk.length;
    if (first) {
      first = false;
      if (chunk.length >= 2 && chunk[0] === 0x1f && chunk[1] === 0x8b) utf8 = undefined;
    }
    if (utf8) {
      try {
        decoder.decode(chunk, { stream: true });
      } catch {
        utf8 = false;
      }
    }
  }
  if (utf8) {
    try {
      decoder.decode();
    } catch {
      utf8 = false;
    }
  }
  return { sha256: hash.digest('hex'), bytes, utf8 };
}

export async function chooseEncoding(path: string, facts: FileFacts, wanted: 'auto' | TextEncoding): Promise<TextEncoding> {
  if (wanted !== 'auto') return wanted;
  const utf8 = facts.utf8 ?? (await isUtf8File(path));
  return utf8 ? 'utf-8' : 'windows-1251';
}

export interface Detected {
  format: RecordFormat;
  /** The CSV delimiter (`,` or `;`), or a tab for TSV. */
  delimiter: string;
}

/** Counts a character in a header line outside double quotes. */
function countOutsideQuotes(line: string, ch: string): number {
  let n = 0;
  let quoted = false;
  for (const c of line) {
    if (c === '"') quoted = !quoted;
    else if (c === ch && !quoted) n++;
  }
  return n;
}

/** The format of a file from its first bytes, unless the mapping fixes it. */
export async function detectFormat(path: string, name: string, wanted: { format: 'auto' | RecordFormat; delimiter?: string | undefined }): Promise<Detected> {
  if (wanted.format === 'jsonl') return { format: 'jsonl', delimiter: '' };
  if (wanted.format === 'tsv') return { format: 'tsv', delimiter: '\t' };
  const head = await readHeadText(path, 65536);
  const text = head.replace(/^\s+/, '');
  if (!text) throw inputError('the file is empty', { file: name, line: 1 }, 'empty');
  if (wanted.format === 'csv') return { format: 'csv', delimiter: wanted.delimiter ?? guessDelimiter(text) };
  if (text.startsWith('{')) return { format: 'jsonl', delimiter: '' };
  if (text.startsWith('[')) throw inputError('a JSON array is not JSON lines: write one JSON object per line', { file: name, line: 1 }, 'format');
  const delimiter = wanted.delimiter ?? guessDelimiter(text);
  return delimiter === '\t' ? { format: 'tsv', delimiter } : { format: 'csv', delimiter };
}

function guessDelimiter(text: string): string {
  const header = text.split(/\r?\n|\r/, 1)[0] ?? '';
  const counts = (['\t', ';', ','] as const).map((d) => [d, countOutsideQuotes(header, d)] as const);
  const best = counts.reduce((a, b) => (b[1] > a[1] ? b : a));
  return best[1] > 0 ? best[0] : ',';
}

/** One input record: CSV/TSV fields, or a JSON object (or the reason its line is not one). */
export type RawRecord =
  | { line: number; fields: string[] }
  | { line: number; object: Record<string, unknown> }
  | { line: number; bad: string };

export interface ReadRecordsOptions {
  name: string;
  encoding: TextEncoding;
  onBytes?: ((bytes: number) => void) | undefined;
}

type CsvOptions = NonNullable<Parameters<typeof readCsv>[1]>;
/**
 * The lists' readers decode with TextDecoder, which knows Windows-1251; their option type
 * names only the encodings the lists need.
 */
const asListEncoding = (e: TextEncoding) => e as CsvOptions['encoding'];

/** A TSV field wholly in double quotes, as spreadsheets write fields with quotes. */
function unquoteTsv(field: string): string {
  return field.length >= 2 && field.charCodeAt(0) === 34 && field.charCodeAt(field.length - 1) === 34 ? field.slice(1, -1).replace(/""/g, '"') : field;
}

export async function* readRecords(path: string, detected: Detected, opts: ReadRecordsOptions): AsyncGenerator<RawRecord> {
  const common = { name: opts.name, encoding: asListEncoding(opts.encoding), onBytes: opts.onBytes };
  if (detected.format === 'csv') {
    for await (const row of readCsv(path, { ...common, delimiter: detected.delimiter })) yield row;
    return;
  }
  for await (const { text, line } of readLines(path, common)) {
    if (detected.format === 'tsv') {
      if (text.length === 0) continue;
      const fields = text.split('\t');
      for (let i = 0; i < fields.length; i++) if (fields[i]!.charCodeAt(0) === 34) fields[i] = unquoteTsv(fields[i]!);
      yield { line, fields };
      continue;
    }
    const trimmed = text.trim();
    if (!trimmed) continue;
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch (err) {
      yield { line, bad: `not valid JSON: ${(err as Error).message}` };
      continue;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) yield { line, bad: 'the line is not a JSON object' };
    else yield { line, object: value as Record<string, unknown> };
  }
}

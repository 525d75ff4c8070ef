/**
 * readCsv's fast scanner on every real CSV file in ../shared/data: the same rows and line
 * numbers as csv-parse with the options readCsv gives it (the scanner's reference).
 */
import { parse } from 'csv-parse/sync';
import { expect, it } from 'vitest';
import { CsvScanner } from '../../src/lists/io/csv-scanner.js';
import { readCsv } from '../../src/lists/io/csv.js';
import { readText } from '../../src/lists/io/text.js';
import type { TextEncoding } from '../../src/lists/io/text.js';
import { dataFile, describeShared } from '../helpers/shared-data.js';

const FILES: Array<{ path: string[]; encoding?: TextEncoding; fromLine?: number }> = [
  { path: ['ofac_sdn', '2023-12-28', 'sdn.csv'] },
  { path: ['ofac_sdn', '2023-12-28', 'add.csv'] },
  { path: ['ofac_sdn', '2023-12-28', 'alt.csv'] },
  { path: ['ofac_sdn', '2024-05-03', 'sdn.csv'] },
  { path: ['ofac_sdn', '2025-12-24', 'sdn_comments.csv'] },
  { path: ['ofac_sdn', '2026-06-02', 'add.csv'] },
  { path: ['ofac_consolidated', 'cons_prim.csv'] },
  { path: ['ofac_consolidated', 'cons_comments.csv'] },
  { path: ['us_csl', 'consolidated.csv.gz'] },
  { path: ['uk', 'ConList.from_xlsx.csv.gz'], fromLine: 2 },
  { path: ['uk', '2016-03-23', 'ukhmt_2016-03-25.csv'], encoding: 'windows-1252', fromLine: 2 },
];

describeShared('readCsv on the real files', () => {
  it.each(FILES.map((f) => ({ ...f, name: f.path.join('/') })))('$name: the rows and lines of csv-parse, from the scanner alone', async ({ path, encoding, fromLine }) => {
    const file = dataFile(...path);
    let text = '';
    for await (const chunk of readText(file, { encoding })) text += chunk;
    const records = parse(text, { relax_column_count: true, skip_empty_lines: true, bom: true, info: true, max_record_size: 1_000_000, from_line: fromLine ?? 1 }) as unknown as Array<{
      record: string[];
      info: { lines: number };
    }>;
    let previousEnd = (fromLine ?? 1) - 1;
    const expected = records.map((r) => {
      const line = previousEnd + 1;
      previousEnd = r.info.lines;
      return { fields: r.record, line };
    });
    const got: Array<{ fields: string[]; line: number }> = [];
    for await (const row of readCsv(file, { encoding, fromLine: fromLine ?? 1 })) got.push(row);
    expect(got.length).toBe(expected.length);
    expect(got).toEqual(expected);
    // The fast path holds for the whole file: csv-parse never had to take over.
    const scanner = new CsvScanner({ delimiter: ',', maxRecordSize: 1_000_000, fromLine: fromLine ?? 1 });
    let scanned = 0;
    for (let at = 0; at < text.length; at += 65536) scanned += scanner.push(text.slice(at, at + 65536))?.length ?? Number.NaN;
    scanned += scanner.end()?.length ?? Number.NaN;
    expect(scanned).toBe(expected.length);
  });
});

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { CsvScanner } from './csv-scanner.js';
import type { CsvScannerOptions } from './csv-scanner.js';
import { readCsv } from './csv.js';

/** What readCsv made of csv-parse's records before the scanner: fields and start lines. */
function viaCsvParse(text: string, opts: CsvScannerOptions): Array<{ fields: string[]; line: number }> | 'error' {
  try {
    const records = parse(text, {
      delimiter: opts.delimiter, relax_column_count: true, skip_empty_lines: true, bom: true, info: true, max_record_size: opts.maxRecordSize, from_line: opts.fromLine,
    }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
    let previousEnd = opts.fromLine - 1;
    return records.map((r) => {
      const line = previousEnd + 1;
      previousEnd = r.info.lines;
      return { fields: r.record, line };
    });
  } catch {
    return 'error';
  }
}

/** The scanner's rows for the text cut into chunks, or 'gave up'. */
function viaScanner(text: string, opts: CsvScannerOptions, cuts: number[]): Array<{ fields: string[]; line: number }> | 'gave up' {
  const scanner = new CsvScanner(opts);
  const out: Array<{ fields: string[]; line: number }> = [];
  let previousEnd = opts.fromLine - 1;
  const take = (records: ReturnType<CsvScanner['push']>): boolean => {
    if (!records) return false;
    for (const r of records) {
      out.push({ fields: r.fields, line: previousEnd + 1 });
      previousEnd = r.endLine;
    }
    return true;
  };
  let at = 0;
  for (const cut of [...cuts, text.length]) {
    if (cut <= at) continue;
    if (!take(scanner.push(text.slice(at, cut)))) return 'gave up';
    at = cut;
  }
  if (!take(scanner.end())) return 'gave up';
  return out;
}

/** A small deterministic PRNG, so that a failure can be replayed. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const base: CsvScannerOptions = { delimiter: ',', maxRecordSize: 1_000_000, fromLine: 1 };

describe('CsvScanner', () => {
  it('reads quoted fields, doubled quotes, embedded line breaks and empty lines as csv-parse does', () => {
    const text = '\uFEFF1,"a ""b"", c","x\r\ny"\r\n\r\n2,,-0- \r\n"",3\r\n4';
    const rows = viaScanner(text, base, [5, 11, 12, 20]);
    expect(rows).toEqual([
      { fields: ['1', 'a "b", c', 'x\r\ny'], line: 1 },
      { fields: ['2', '', '-0- '], line: 4 },
      { fields: ['', '3'], line: 6 },
      { fields: ['4'], line: 7 },
    ]);
    expect(rows).toEqual(viaCsvParse(text, base));
  });

  it('skips the lines before from_line and counts lines like csv-parse', () => {
    const text = 'Last Updated,01/01/2025\nName,Group ID\nA,1\n\nB,2\n';
    const opts = { ...base, fromLine: 2 };
    expect(viaScanner(text, opts, [3])).toEqual([
      { fields: ['Name', 'Group ID'], line: 2 },
      { fields: ['A', '1'], line: 3 },
      { fields: ['B', '2'], line: 4 },
    ]);
    expect(viaScanner(text, opts, [])).toEqual(viaCsvParse(text, opts));
  });

  it.each([
    ['a stray quote', 'a,b"c\n'],
    ['text after a closing quote', '"a"b,c\n'],
    ['an unclosed quote', 'a,"b\nc\n'],
    ['mixed line endings', 'a\r\nb\nc\r\n'],
    ['a lone CR in CRLF text', 'a\r\nb\rc\r\n'],
  ])('gives up on %s', (_name, text) => {
    expect(viaScanner(text, base, [])).toBe('gave up');
  });

  it('gives up on a record that could reach max_record_size, before buffering it whole', () => {
    const opts = { ...base, maxRecordSize: 300 };
    expect(viaScanner(`a,${'x'.repeat(98)}\n`, opts, [])).toEqual([{ fields: ['a', 'x'.repeat(98)], line: 1 }]);
    expect(viaScanner(`a,${'x'.repeat(99)}\n`, opts, [])).toBe('gave up');
    expect(viaScanner(`"${'x'.repeat(500)}`, opts, [150])).toBe('gave up');
  });

  /** Random CSV: mostly well-formed records, with one line ending, sometimes damaged. */
  function randomCsv(r: () => number, delimiter: string): string {
    const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
    const eol = pick(['\r\n', '\n', '\r']);
    const plain = ['a', 'b', ' ', 'é', '-0- ', '\t', delimiter === ',' ? ';' : ','];
    const inQuotes = [...plain, delimiter, '""', '\r\n', '\n', '\r'];
    let text = r() < 0.1 ? '\uFEFF' : '';
    const records = Math.floor(r() * 6);
    for (let i = 0; i < records; i++) {
      const fields = 1 + Math.floor(r() * 4);
      const cells: string[] = [];
      for (let f = 0; f < fields; f++) {
        const n = Math.floor(r() * 5);
        if (r() < 0.4) cells.push(`"${Array.from({ length: n }, () => pick(inQuotes)).join('')}"`);
        else cells.push(Array.from({ length: n }, () => pick(plain)).join(''));
      }
      text += cells.join(delimiter);
      if (i < records - 1 || r() < 0.7) text += eol;
      if (r() < 0.1) text += eol;
    }
    if (r() < 0.15 && text.length > 0) {
      const at = Math.floor(r() * text.length);
      text = text.slice(0, at) + pick(['"', '\r', '\n', '\r\n', delimiter]) + text.slice(at);
    }
    return text;
  }

  it('agrees with csv-parse on random text, wherever it does not give up', () => {
    const hostile = ['a', 'b', ' ', ',', ',', '"', '"', '\r\n', '\n', '\r', 'é', ';', '\t'];
    let compared = 0;
    let gaveUp = 0;
    for (let seed = 1; seed <= 6000; seed++) {
      const r = rng(seed);
      const delimiter = r() < 0.8 ? ',' : ';';
      let text: string;
      if (seed % 3 === 0) {
        text = r() < 0.1 ? '\uFEFF' : '';
        const n = Math.floor(r() * 40);
        for (let i = 0; i < n; i++) text += hostile[Math.floor(r() * hostile.length)];
      } else {
        text = randomCsv(r, delimiter);
      }
      const opts: CsvScannerOptions = { delimiter, maxRecordSize: r() < 0.1 ? 30 : 1000, fromLine: r() < 0.8 ? 1 : 1 + Math.floor(r() * 3) };
      const cuts = Array.from({ length: Math.floor(r() * 4) }, () => Math.floor(r() * text.length)).sort((a, b) => a - b);
      const got = viaScanner(text, opts, cuts);
      if (got === 'gave up') {
        gaveUp++;
        continue;
      }
      compared++;
      expect({ seed, text, got }).toEqual({ seed, text, got: viaCsvParse(text, opts) });
    }
    // The comparison means something only when most texts are scanned, and some are refused.
    expect(compared).toBeGreaterThan(3000);
    expect(gaveUp).toBeGreaterThan(300);
  });
});

describe('readCsv with the scanner', () => {
  const dir = mkdtempSync(join(tmpdir(), 'endtrace-csv-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function rows(path: string, opts: Parameters<typeof readCsv>[1] = {}): Promise<Array<{ fields: string[]; line: number }>> {
    const out: Array<{ fields: string[]; line: number }> = [];
    for await (const row of readCsv(path, opts)) out.push(row);
    return out;
  }

  it('hands over to csv-parse mid-file and gives every row once', async () => {
    // A lone LF inside an unquoted field of a CRLF file: csv-parse keeps it in the field.
    const lines = Array.from({ length: 3000 }, (_, i) => `${i},"name ${i}",x`);
    const text = `${lines.slice(0, 2000).join('\r\n')}\r\n2000,odd\nfield,y\r\n${lines.slice(2001).join('\r\n')}\r\n`;
    const path = join(dir, 'mixed.csv');
    writeFileSync(path, text);
    const got = await rows(path);
    expect(got).toEqual(viaCsvParse(text, base));
    expect(got).toHaveLength(3000);
    expect(got[2000]).toEqual({ fields: ['2000', 'odd\nfield', 'y'], line: 2001 });
  });

  it('reports broken quoting after good rows with csv-parse\'s error and line', async () => {
    const text = `${Array.from({ length: 2000 }, (_, i) => `${i},"ok"`).join('\n')}\n2000,"broken\n2001,x\n`;
    const path = join(dir, 'broken.csv');
    writeFileSync(path, text);
    const seen: number[] = [];
    const err = await (async () => {
      try {
        for await (const row of readCsv(path, { name: 'broken.csv' })) seen.push(row.line);
      } catch (e) {
        return e as { kind: string; code: string; location: unknown };
      }
      return undefined;
    })();
    expect([err?.kind, err?.code, err?.location]).toEqual(['input', 'csv_syntax', { file: 'broken.csv', line: 2001 }]);
    expect(seen).toEqual(Array.from({ length: 2000 }, (_, i) => i + 1));
  });
});

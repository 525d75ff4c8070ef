/**
 * CSV output for exports that open in spreadsheets: every cell that a spreadsheet would run as a
 * formula (starting with = + - @, a tab or a carriage return) is prefixed with a quote mark, the
 * OWASP "CSV injection" defence, then written by csv-stringify.
 */
import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { stringify } from 'csv-stringify';

const FORMULA = /^[=+\-@\t\r]/;

/** A cell as text, defused if a spreadsheet would read it as a formula. */
export function safeCell(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  return FORMULA.test(text) ? `'${text}` : text;
}

export interface CsvWriter {
  write(row: readonly unknown[]): Promise<void>;
  close(): Promise<void>;
}

/** Writes rows to a file (or to stdout for '-'), header first. */
export function csvWriter(path: string, header: readonly string[]): CsvWriter {
  const out: Writable = path === '-' ? process.stdout : createWriteStream(path);
  const stringifier = stringify({ header: true, columns: [...header] });
  stringifier.pipe(out);
  return {
    write(row) {
      return new Promise((resolve) => {
        if (stringifier.write(row.map(safeCell))) resolve();
        else stringifier.once('drain', () => resolve());
      });
    },
    close() {
      return new Promise((resolve, reject) => {
        if (path === '-') {
          stringifier.end(() => resolve());
          return;
        }
        out.once('finish', () => resolve());
        out.once('error', reject);
        stringifier.end();
      });
    },
  };
}

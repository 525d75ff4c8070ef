/**
 * Content sniffing for OFAC's legacy CSV files: which of the four layouts (main, add, alt,
 * comments; see layout.ts) the first records have. The file name only tells the SDN list
 * (sdn.csv…) from the consolidated non-SDN list (cons_*.csv), whose layouts are the same.
 */
import type { Sniffer } from '../types.js';
import { detectLayout } from './layout.js';

const SNIFF_RECORDS = 5;

/**
 * The first complete records of a head of text (a minimal RFC 4180 reader: a head may end
 * inside a record, so only records closed by a line break count, unless there is no other).
 */
export function headRecords(text: string, max = SNIFF_RECORDS): string[][] {
  const records: string[][] = [];
  let fields: string[] = [];
  let cur = '';
  let inQuotes = false;
  let i = 0;
  while (i < text.length && records.length < max) {
    const ch = text[i]!;
    if (inQuotes) {
      if (ch === '"' && text[i + 1] === '"') {
        cur += '"';
        i += 2;
        continue;
      }
      if (ch === '"') inQuotes = false;
      else cur += ch;
    } else if (ch === '"') inQuotes = true;
    else if (ch === ',') {
      fields.push(cur);
      cur = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      fields.push(cur);
      if (fields.length > 1 || fields[0] !== '') records.push(fields);
      fields = [];
      cur = '';
    } else cur += ch;
    i++;
  }
  if (records.length === 0 && !inQuotes && (cur !== '' || fields.length > 0)) records.push([...fields, cur]);
  return records;
}

export const sniffOfacCsv: Sniffer = (head, fileName) => {
  const records = headRecords(head);
  const first = records[0];
  if (!first) return null;
  const role = detectLayout(first);
  if (!role || records.some((r) => detectLayout(r) !== role)) return null;
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  return { format: 'ofac-csv', source: /^cons_/i.test(base) ? 'ofac-cons' : 'ofac-sdn', role };
};

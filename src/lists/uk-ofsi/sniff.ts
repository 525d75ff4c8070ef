/**
 * Recognises an OFSI Consolidated List (ConList.csv) by its head: line 1 `Last Updated,…`
 * followed by a header that starts with `Name 6` and holds `Group ID`, or that header alone.
 */
import type { SniffResult, Sniffer } from '../types.js';

const RESULT: SniffResult = { format: 'uk-ofsi-csv', source: 'uk-ofsi', role: 'main' };

const isHeader = (line: string) => /^"?Name 6"?,/.test(line) && /(^|,)"?Group ID"?\s*(,|$)/.test(line);

export const sniffUkOfsi: Sniffer = (head) => {
  const lines = head.replace(/^\uFEFF/, '').split(/\r?\n/, 3);
  const first = lines[0] ?? '';
  if (isHeader(first)) return RESULT;
  if (/^"?Last Updated"?\s*,/i.test(first) && isHeader(lines[1] ?? '')) return RESULT;
  return null;
};

/** CSV text (RFC 4180): comma-separated, fields quoted when they hold a comma, quote or line break. */

const NEEDS_QUOTES = /[",\r\n]/;

export function csvField(value: string | number): string {
  const s = typeof value === 'number' ? String(value) : value;
  return NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(fields: ReadonlyArray<string | number>): string {
  let out = '';
  for (let i = 0; i < fields.length; i++) {
    if (i > 0) out += ',';
    out += csvField(fields[i]!);
  }
  return out;
}

/**
 * Numbers and dates as a mapping declares them. Numbers: a decimal mark (`.` or `,`, or either)
 * and thousands separators, whose groups must have three digits so that a decimal comma read
 * with an English mapping (`1,5`) is refused rather than stored as 15. Dates: patterns such as
 * `DD.MM.YYYY`, `MM/DD/YYYY`, `YYYYMMDD`, or a day order (`DMY`, `MDY`, `YMD`) for the model's
 * general date parser; a trailing time of day is ignored.
 */
import { isIsoDate, parseDate } from '../../model/index.js';
import type { DayOrder } from '../../model/index.js';

export interface NumberFormat {
  /** Decimal marks accepted. */
  decimal: readonly string[];
  /** Thousands separators accepted (never one of the decimal marks). */
  thousands: readonly string[];
}

export const DEFAULT_NUMBER_FORMAT: NumberFormat = { decimal: ['.'], thousands: [',', ' ', '\u00a0', '\u202f', "'"] };

const escape = (s: string) => s.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');

/** A number parser for a format: the plain decimal text (`-1234.5`) or undefined. */
export function numberParser(format: NumberFormat): (raw: string) => string | undefined {
  const dec = format.decimal.length ? `[${format.decimal.map(escape).join('')}]` : '(?!)';
  const thousands = format.thousands.filter((t) => !format.decimal.includes(t));
  const grouped = thousands.length
    ? `\\d{1,3}(?:[${thousands.map(escape).join('')}]\\d{3})+`
    : '(?!)';
  const pattern = new RegExp(`^([+-]?)(\\d+|${grouped})(?:${dec}(\\d+))?$`);
  const plain = /^-?\d+(\.\d+)?$/;
  const pointDecimal = format.decimal.includes('.');
  return (raw: string) => {
    const text = raw.trim();
    if (pointDecimal && plain.test(text)) return canonical(text);
    const m = pattern.exec(text);
    if (!m) return undefined;
    const int = m[2]!.replace(/\D/g, '');
    const sign = m[1] === '-' ? '-' : '';
    return canonical(m[3] !== undefined ? `${sign}${int}.${m[3]}` : `${sign}${int}`);
  };
}

/** `0012.500` → `12.5`, `-0` → `0`: one spelling per number. */
function canonical(n: string): string {
  let v = n;
  if (v.includes('.')) v = v.replace(/0+$/, '').replace(/\.$/, '');
  const neg = v.startsWith('-');
  if (neg) v = v.slice(1);
  v = v.replace(/^0+(?=\d)/, '');
  return neg && /[1-9]/.test(v) ? `-${v}` : v;
}

/** A percentage: a number with an optional `%` sign. */
export function percentParser(parse: (raw: string) => string | undefined): (raw: string) => string | undefined {
  return (raw: string) => parse(raw.replace(/\s*%\s*$/, ''));
}

const TOKENS: Record<string, string> = { YYYY: '(\\d{4})', YY: '(\\d{2})', MM: '(\\d{1,2})', M: '(\\d{1,2})', DD: '(\\d{1,2})', D: '(\\d{1,2})' };

const ORDERS = new Set(['DMY', 'MDY', 'YMD', 'auto']);

/** A trailing time of day: `T10:20:30Z`, ` 10:20`, ` 10:20:30.123+03:00`. */
const TIME = /(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)$/;

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function validDay(y: number, m: number, d: number): boolean {
  if (y < 1000 || y > 2200 || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** One date format: a pattern of YYYY, YY, MM, M, DD, D and literal characters, or a day order. */
export function dateFormatParser(format: string): ((text: string) => string | undefined) | undefined {
  if (ORDERS.has(format)) {
    const order = (format === 'auto' ? 'DMY' : format) as DayOrder;
    return (text) => {
      if (isIsoDate(text)) return text;
      return parseDate(text, order);
    };
  }
  const parts: string[] = [];
  const roles: string[] = [];
  let i = 0;
  while (i < format.length) {
    const token = ['YYYY', 'YY', 'MM', 'DD', 'M', 'D'].find((t) => format.startsWith(t, i));
    if (token) {
      parts.push(TOKENS[token]!);
      roles.push(token[0]!);
      i += token.length;
    } else {
      // Letters other than the tokens (and the ISO `T`) are a typo, not a literal.
      if (/\p{L}/u.test(format[i]!) && format[i] !== 'T') return undefined;
      parts.push(escape(format[i]!));
      i++;
    }
  }
  if (roles.filter((r) => r === 'Y').length !== 1 || roles.filter((r) => r === 'M').length !== 1 || roles.filter((r) => r === 'D').length !== 1) return undefined;
  if (!roles.includes('Y') || !roles.includes('M') || !roles.includes('D')) return undefined;
  const re = new RegExp(`^${parts.join('')}$`);
  const twoDigitYear = format.includes('YY') && !format.includes('YYYY');
  return (text) => {
    const m = re.exec(text);
    if (!m) return undefined;
    let y = 0;
    let mo = 0;
    let d = 0;
    roles.forEach((role, k) => {
      const v = Number(m[k + 1]);
      if (role === 'Y') y = twoDigitYear ? (v < 70 ? 2000 + v : 1900 + v) : v;
      else if (role === 'M') mo = v;
      else d = v;
    });
    return validDay(y, mo, d) ? `${y}-${pad(mo)}-${pad(d)}` : undefined;
  };
}

/** Parses with the first of several formats that accepts the text (time of day dropped). */
export function dateParser(formats: readonly string[]): (raw: string) => string | undefined {
  const parsers = formats.map((f) => dateFormatParser(f)).filter((p): p is (t: string) => string | undefined => p !== undefined);
  return (raw: string) => {
    const text = raw.trim().replace(TIME, '');
    for (const p of parsers) {
      const v = p(text);
      if (v !== undefined) return v;
    }
    return undefined;
  };
}

/** Whether a date format string is one dateFormatParser understands. */
export function isDateFormat(format: string): boolean {
  return dateFormatParser(format) !== undefined;
}

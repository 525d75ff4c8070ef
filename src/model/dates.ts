/**
 * Dates as FtM stores them: ISO 8601 prefixes whose length is their precision
 * (`1957`, `2002-04`, `2002-04-23`). Parses the forms the official lists and documents use,
 * in English, Russian and Chinese, plus "circa" and ranges.
 */

const MONTHS: Record<string, number> = {};
const add = (names: string[], n: number) => names.forEach((m) => (MONTHS[m] = n));
add(['jan', 'january', 'янв', 'январь', 'января', 'janv', 'janvier', 'ene', 'enero'], 1);
add(['feb', 'february', 'фев', 'февраль', 'февраля', 'févr', 'fevr', 'février', 'febrero'], 2);
add(['mar', 'march', 'мар', 'март', 'марта', 'mars', 'marzo'], 3);
add(['apr', 'april', 'апр', 'апрель', 'апреля', 'avr', 'avril', 'abr', 'abril'], 4);
add(['may', 'май', 'мая', 'mai', 'mayo'], 5);
add(['jun', 'june', 'июн', 'июнь', 'июня', 'juin', 'junio'], 6);
add(['jul', 'july', 'июл', 'июль', 'июля', 'juil', 'juillet', 'julio'], 7);
add(['aug', 'august', 'авг', 'август', 'августа', 'août', 'aout', 'ago', 'agosto'], 8);
add(['sep', 'sept', 'september', 'сен', 'сент', 'сентябрь', 'сентября', 'septembre', 'septiembre'], 9);
add(['oct', 'october', 'окт', 'октябрь', 'октября', 'octobre', 'octubre'], 10);
add(['nov', 'november', 'ноя', 'нояб', 'ноябрь', 'ноября', 'novembre', 'noviembre'], 11);
add(['dec', 'december', 'дек', 'декабрь', 'декабря', 'déc', 'décembre', 'dic', 'diciembre'], 12);

export type DayOrder = 'DMY' | 'MDY' | 'YMD';

const pad = (n: number) => String(n).padStart(2, '0');

function valid(y: number, m?: number, d?: number): boolean {
  if (y < 1000 || y > 2200) return false;
  if (m === undefined) return true;
  if (m < 1 || m > 12) return false;
  if (d === undefined) return true;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d >= 1 && d <= last;
}

function iso(y: number, m?: number, d?: number): string | undefined {
  if (!valid(y, m, d)) return undefined;
  if (m === undefined) return String(y);
  if (d === undefined) return `${y}-${pad(m)}`;
  return `${y}-${pad(m)}-${pad(d)}`;
}

function month(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\.$/, '');
  return MONTHS[w] ?? (w.length > 3 ? MONTHS[w.slice(0, 3)] : undefined);
}

const ISO_PREFIX = /^\d{4}(-\d{2}(-\d{2}(T\d{2}(:\d{2}(:\d{2}(\.\d+)?)?)?)?)?)?Z?$/;

/** True when the value is already an FtM date prefix. */
export function isIsoDate(value: string): boolean {
  if (!ISO_PREFIX.test(value)) return false;
  const [y, m, d] = value.slice(0, 10).split('-').map(Number);
  return valid(y!, m, d);
}

/**
 * One date in any common notation, to an ISO prefix; undefined when it is not a date.
 * `order` resolves all-numeric dates such as 03/04/2002 (UK lists are DMY, US MDY).
 */
export function parseDate(text: string, order: DayOrder = 'DMY'): string | undefined {
  const t = text.normalize('NFKC').trim().replace(/\s+/g, ' ').replace(/[.,]$/, '');
  if (!t) return undefined;
  if (ISO_PREFIX.test(t)) {
    const dateOnly = t.length > 10 ? t : t;
    return isIsoDate(dateOnly) ? dateOnly.replace(/Z$/, '') : undefined;
  }
  let m: RegExpMatchArray | null;
  // 2002年4月23日, 2002年4月
  if ((m = t.match(/^(\d{4})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?$/))) {
    return iso(+m[1]!, +m[2]!, m[3] ? +m[3] : undefined);
  }
  // 23/04/2002, 23.04.2002, 23-04-2002, 2002/04/23
  if ((m = t.match(/^(\d{1,4})[./-](\d{1,2})[./-](\d{1,4})(?:\s*(?:г\.?|года))?$/))) {
    const [a, b, c] = [+m[1]!, +m[2]!, +m[3]!];
    if (m[1]!.length === 4) return iso(a, b, c);
    if (m[3]!.length !== 4) return undefined;
    if (order === 'MDY') return iso(c, a, b) ?? iso(c, b, a);
    return iso(c, b, a) ?? iso(c, a, b);
  }
  // 04/2002, 04.2002
  if ((m = t.match(/^(\d{1,2})[./-](\d{4})$/))) return iso(+m[2]!, +m[1]!);
  // 23 Apr 2002, 23 апреля 2002 г.
  if ((m = t.match(/^(\d{1,2})(?:st|nd|rd|th)?\s+([\p{L}.]+)\s+(\d{4})(?:\s*(?:г\.?|года))?$/u))) {
    const mo = month(m[2]!);
    return mo ? iso(+m[3]!, mo, +m[1]!) : undefined;
  }
  // Apr 23, 2002 / April 23 2002
  if ((m = t.match(/^([\p{L}.]+)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/u))) {
    const mo = month(m[1]!);
    return mo ? iso(+m[3]!, mo, +m[2]!) : undefined;
  }
  // Apr 2002, April, 2002
  if ((m = t.match(/^([\p{L}.]+),?\s+(\d{4})(?:\s*(?:г\.?|года))?$/u))) {
    const mo = month(m[1]!);
    return mo ? iso(+m[2]!, mo) : undefined;
  }
  // 2002 Apr 23
  if ((m = t.match(/^(\d{4})\s+([\p{L}.]+)\s+(\d{1,2})$/u))) {
    const mo = month(m[2]!);
    return mo ? iso(+m[1]!, mo, +m[3]!) : undefined;
  }
  if ((m = t.match(/^(\d{4})(?:\s*(?:г\.?|года|年))?$/))) return iso(+m[1]!);
  return undefined;
}

export interface DateExpression {
  /** Every date the expression allows, as ISO prefixes (a year range gives each year). */
  dates: string[];
  circa: boolean;
  range: boolean;
}

const MAX_RANGE_YEARS = 15;

/**
 * A date expression from remarks or DOB fields: "circa 1960", "1960 to 1962",
 * "between 1958 and 1960", "01 Jan 1960 - 31 Dec 1961", "Approximately 1965".
 * "circa" is reported in the result and left to the matcher, which treats year-only dates with tolerance.
 */
export function parseDateExpression(text: string, order: DayOrder = 'DMY'): DateExpression {
  let t = text.normalize('NFKC').trim().replace(/\s+/g, ' ');
  let circa = false;
  const circaRe = /^(?:circa|ca\.?|c\.|approximately|approx\.?|about|around|около|примерно|约)\s*/i;
  if (circaRe.test(t)) {
    circa = true;
    t = t.replace(circaRe, '');
  }
  const rangeMatch =
    t.match(/^(?:between\s+)?(.+?)\s+(?:to|and|until|-|–|—|through|по|до)\s+(.+)$/i) ?? t.match(/^(\d{4})\s*[-–—]\s*(\d{4})$/);
  if (rangeMatch) {
    const a = parseDate(rangeMatch[1]!, order);
    const b = parseDate(rangeMatch[2]!, order);
    if (a && b) {
      const ya = +a.slice(0, 4);
      const yb = +b.slice(0, 4);
      if (yb >= ya && yb - ya <= MAX_RANGE_YEARS) {
        if (a.length === 4 && b.length === 4) {
          const dates: string[] = [];
          for (let y = ya; y <= yb; y++) dates.push(String(y));
          return { dates, circa, range: true };
        }
        return { dates: ya === yb ? [a, b] : [a, b].concat(yearsBetween(ya + 1, yb - 1)), circa, range: true };
      }
      return { dates: [a, b], circa, range: true };
    }
  }
  const single = parseDate(t, order);
  if (!single) return { dates: [], circa, range: false };
  return { dates: [single], circa, range: false };
}

function yearsBetween(a: number, b: number): string[] {
  const out: string[] = [];
  for (let y = a; y <= b; y++) out.push(String(y));
  return out;
}

/**
 * Dates in the forms documents use, parsed by the model's `parseDate` (day-first for numeric
 * forms, as in Russian and most trade documents): ISO 2024-04-23, 23.04.2024, 23/04/2024,
 * 23 April 2024, April 23, 2024, 23-Apr-2024, 23 апреля 2024 г., 2024年4月23日 (also with
 * full-width digits), and month + year (April 2024, апрель 2024 г.) at lower confidence.
 */
import { parseDate } from '../../model/index.js';
import { LB, matches, scriptsOf, span } from './scan.js';
import type { Span } from './types.js';

const EN_MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec';
const RU_MONTHS =
  'января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря|январь|февраль|март|апрель|май|июнь|июль|август|сентябрь|октябрь|ноябрь|декабрь|янв|фев|мар|апр|июн|июл|авг|сент|сен|окт|нояб|ноя|дек';
const D = '[0-9０-９]';
const YEAR_SUFFIX = '(?:\\s?(?:г\\.|года|г(?![\\p{L}])))?';
type Needs = 'han' | 'latin' | 'cyrillic' | null;
const PATTERNS: Array<[RegExp, number, Needs]> = [
  [new RegExp(`(?<![\\p{N}])${D}{4}\\s?年\\s?${D}{1,2}\\s?月\\s?${D}{1,2}\\s?[日号]`, 'gu'), 0.95, 'han'],
  [/(?<![\p{N}\-.])\d{4}-\d{2}-\d{2}(?![\p{N}])/gu, 0.95, null],
  [/(?<![\p{N}./])\d{1,2}[./]\d{1,2}[./]\d{4}(?![\p{N}])/gu, 0.9, null],
  [new RegExp(`${LB}\\d{1,2}(?:st|nd|rd|th)?[\\s\\-](?:${EN_MONTHS})\\.?[\\s\\-,]+\\d{4}(?![\\p{N}])`, 'gu'), 0.95, 'latin'],
  [new RegExp(`${LB}(?:${EN_MONTHS})\\.?\\s\\d{1,2}(?:st|nd|rd|th)?,?\\s\\d{4}(?![\\p{N}])`, 'gu'), 0.95, 'latin'],
  [new RegExp(`${LB}\\d{1,2}\\s(?:${RU_MONTHS})\\.?\\s\\d{4}${YEAR_SUFFIX}`, 'giu'), 0.95, 'cyrillic'],
  [new RegExp(`${LB}(?:${EN_MONTHS.split('|').filter((m) => m.length > 3).join('|')}),?\\s\\d{4}(?![\\p{N}])`, 'gu'), 0.6, 'latin'],
  [new RegExp(`${LB}(?:январ[ья]|феврал[ья]|март[а]?|апрел[ья]|ма[йя]|июн[ья]|июл[ья]|август[а]?|сентябр[ья]|октябр[ья]|ноябр[ья]|декабр[ья])\\s\\d{4}${YEAR_SUFFIX}`, 'giu'), 0.6, 'cyrillic'],
];

export function extractDates(text: string): Span[] {
  const out: Span[] = [];
  const taken: Array<[number, number]> = [];
  const scripts = scriptsOf(text);
  for (const [re, confidence, needs] of PATTERNS) {
    if (needs && !scripts[needs]) continue;
    for (const m of matches(re, text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken.some(([s, e]) => start < e && end > s)) continue;
      const normal = m[0].normalize('NFKC').replace(/-/g, ' ').replace(/\s+/g, ' ').replace(/\s?(?:г\.|года|г)$/u, '');
      const value = parseDate(/^\d{4} \d{2} \d{2}$/.test(normal) ? normal.replace(/ /g, '-') : normal);
      if (!value) continue;
      taken.push([start, end]);
      out.push(span('date', m[0], start, value, confidence));
    }
  }
  return out;
}

/**
 * INDIVIDUAL_DATE_OF_BIRTH of the UN SC list to FtM dates. TYPE_OF_DATE is EXACT (DATE or
 * YEAR), APPROXIMATELY (YEAR) or BETWEEN (FROM_YEAR, TO_YEAR: every year of the range); when
 * none of those is filled the date is sometimes only written in NOTE ("Nov. 1973").
 */
import { parseDateExpression } from '../../model/index.js';
import type { XmlNode } from '../io/xml.js';
import { text } from './xml-values.js';

export interface BirthDates {
  dates: string[];
  /** Why (part of) the element could not be used, for an issue. */
  problem?: string;
}

const TYPES = new Set(['EXACT', 'APPROXIMATELY', 'BETWEEN', '']);

export function birthDates(node: XmlNode): BirthDates {
  const type = text(node, 'TYPE_OF_DATE').toUpperCase();
  const date = text(node, 'DATE');
  const year = text(node, 'YEAR');
  const from = text(node, 'FROM_YEAR');
  const to = text(node, 'TO_YEAR');
  const note = text(node, 'NOTE');
  const typeProblem = TYPES.has(type) ? undefined : `unknown TYPE_OF_DATE "${type}"`;
  const result = (dates: string[], problem = typeProblem): BirthDates => (problem ? { dates, problem } : { dates });

  if (from || to) {
    const years = yearRange(from, to);
    if (years) return result(years);
    return result([from, to].filter((y) => y !== ''), `date of birth range "${from}".."${to}" is not a range of years`);
  }
  if (date) return result([type === 'APPROXIMATELY' ? date.slice(0, 4) : date]);
  if (year) return result([year]);
  if (!note) return result([]);
  const fromNote = parseDateExpression(note).dates;
  if (fromNote.length > 0) return result(fromNote);
  // "Between Aug. and Sep. 1977": keep the one Gregorian year it names (not Hijri "24/06/1402").
  const years = note.match(/\b(?:1[89]|20)\d{2}\b/g) ?? [];
  if (years.length === 1 && !/hijri/i.test(note)) return result(years);
  return result([], `date of birth "${note}" could not be read as a date`);
}

/** A wider range says nothing useful about a person's age. */
const MAX_RANGE_YEARS = 30;

function yearRange(from: string, to: string): string[] | undefined {
  if (!/^\d{4}$/.test(from) || !/^\d{4}$/.test(to)) return undefined;
  const [a, b] = [Number(from), Number(to)];
  if (b < a || b - a > MAX_RANGE_YEARS) return undefined;
  return Array.from({ length: b - a + 1 }, (_, i) => String(a + i));
}

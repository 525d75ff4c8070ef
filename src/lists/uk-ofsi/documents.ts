/**
 * Passports and national identity documents of the OFSI Consolidated List. The current layout
 * has the numbers (`Passport Number`, `National Identification Number`) and the free-text
 * details (`… Details`) in separate cells, both enumerated `(1) … (2) …`; the old layout has
 * number and details in one cell (`Passport Details`, `NI Number`), e.g. `G827238 (Tunisian).
 * Issued on 1 June 1996. Expired on 31 May 2001`.
 */
import { parseDate } from '../../model/index.js';
import type { ValueMeta } from '../../model/index.js';
import type { BundleBuilder } from '../bundle.js';
import { splitEnumerated } from './text-lists.js';
import { ukCountry } from './values.js';

export interface DocumentCells {
  /** The number cell (current layout), or undefined when numbers sit in the details (old layout). */
  numbers: string | undefined;
  details: string;
  passport: boolean;
}

interface Doc {
  type: string;
  number: string;
  details: string | undefined;
}

/** Adds the documents of one row; returns details that could not be tied to a number. */
export function applyDocuments(b: BundleBuilder, cells: DocumentCells, meta: ValueMeta): string | undefined {
  const defaultType = cells.passport ? 'Passport' : 'National ID';
  const docs: Doc[] = [];
  let leftover: string | undefined;
  if (cells.numbers !== undefined) {
    const numbers = splitEnumerated(cells.numbers, { keepEmpty: true }).map((n) => n.replace(/[.;,]+$/, ''));
    const details = splitEnumerated(cells.details, { keepEmpty: true });
    const paired = numbers.length === details.length;
    numbers.forEach((number, i) => {
      const detail = paired ? details[i]?.replace(/^[-\s.]*$/, '') : undefined;
      if (number && number !== '-') docs.push({ type: defaultType, number, details: detail || undefined });
    });
    if (!paired && cells.details) leftover = cells.details;
  } else {
    for (const item of splitEnumerated(cells.details)) {
      const found = numberIn(item);
      if (found) docs.push({ type: found.label || defaultType, number: found.number, details: item });
      else leftover = leftover ? `${leftover} ${item}` : item;
    }
  }
  for (const doc of docs) {
    const d = doc.details;
    const ident = b.identification(
      {
        type: doc.type,
        number: doc.number,
        country: d ? documentCountry(d) : undefined,
        startDate: d ? dateAfter(d, /issued(?:\s+on)?/i) : undefined,
        endDate: d ? dateAfter(d, /(?:expire[sd]?(?:\s+on)?|valid until|expiry date:?)/i) : undefined,
        passport: cells.passport,
      },
      meta,
    );
    if (!ident) continue;
    if (d && d !== doc.number) ident.add('description', d, meta);
    b.rootAdd(cells.passport ? 'passportNumber' : 'idNumber', doc.number, meta);
  }
  return leftover;
}

/**
 * The document number inside a details text: the first token with three or more digits,
 * with the label before it (`Ration card no. 1729765` → `Ration card`).
 */
export function numberIn(text: string): { number: string; label: string } | undefined {
  const m = text.match(/(?:^|[\s:(])([A-Z]{0,3}-?\d[A-Z0-9\-/.]*)/i);
  if (!m) return undefined;
  const number = m[1]!.replace(/[.\-/]+$/, '').trim();
  if ((number.match(/\d/g) ?? []).length < 3) return undefined;
  const label = text
    .slice(0, m.index! + m[0].indexOf(m[1]!))
    .replace(/\b(?:no|number|num|nr)\b\.?/gi, '')
    .replace(/[\s:.#,-]+$/g, '')
    .trim();
  return { number, label: label.length <= 60 ? capitalise(label) : '' };
}

const capitalise = (s: string) => (s ? s[0]!.toUpperCase() + s.slice(1) : s);

/** `India number, issued…` → in; `A-333602 (Indian) issued…` → in. */
function documentCountry(details: string): string | undefined {
  const paren = details.match(/\(([^)]+)\)/);
  if (paren) {
    const c = ukCountry(paren[1]!);
    if (c) return c;
  }
  const head = details.split(/\s+(?:number|passport|national|diplomatic|no\.?)\b|[,.;(]/i)[0] ?? '';
  return ukCountry(head);
}

/** The date after a keyword: `issued on 4 Jun. 1985`, `Issued in Kabul on 13 Sep 1998`. */
function dateAfter(text: string, keyword: RegExp): string | undefined {
  const re = new RegExp(`${keyword.source}[^.;()]{0,40}?\\s(\\d{1,2}(?:st|nd|rd|th)?\\s+[A-Za-z]+\\.?\\s+\\d{4}|\\d{1,2}[./]\\d{1,2}[./]\\d{4}|[A-Za-z]+\\.?\\s+\\d{4}|\\d{4})`, 'i');
  const m = text.match(re);
  return m ? parseDate(m[1]!.replace(/\.(?=\s)/, ''), 'DMY') : undefined;
}

/**
 * The list's own header, `publshInformation` (sic, sdn.xsd): `Publish_Date` as MM/DD/YYYY and
 * `Record_Count`, the number of sdnEntry elements the file should hold.
 */
import { parseDate } from '../../model/index.js';

/** `03/28/2025` → `2025-03-28`; undefined unless it is a full, valid US-order date. */
export function publishDateToIso(text: string): string | undefined {
  const t = text.trim();
  if (!/^\d{1,2}\/\d{1,2}\/\d{4}$/.test(t)) return undefined;
  const [month, day, year] = t.split('/').map(Number) as [number, number, number];
  const iso = parseDate(`${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
  return iso?.length === 10 ? iso : undefined;
}

/** The raw `Publish_Date` text found in the head of the document (any namespace prefix). */
export function findPublishDate(head: string): string | undefined {
  return /<(?:[\w.-]+:)?Publish_Date\s*>\s*([^<]*?)\s*<\//.exec(head)?.[1];
}

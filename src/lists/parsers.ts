/** Every list parser and content sniffer, by format. */
import { ftmParser, sniffFtm } from './ftm/index.js';
import { ofacCsvParser, sniffOfacCsv } from './ofac-csv/index.js';
import { ofacXmlParser, sniffOfacXml } from './ofac-xml/index.js';
import { sniffUkOfsi, ukOfsiParser } from './uk-ofsi/index.js';
import { sniffUnSc, unScParser } from './un-sc/index.js';
import { sniffUsCsl, usCslCsvParser, usCslJsonParser } from './us-csl/index.js';
import type { FormatId, ListParser, Sniffer } from './types.js';

export const PARSERS: Record<FormatId, ListParser> = {
  'ofac-csv': ofacCsvParser,
  'ofac-xml': ofacXmlParser,
  'us-csl-csv': usCslCsvParser,
  'us-csl-json': usCslJsonParser,
  'uk-ofsi-csv': ukOfsiParser,
  'un-sc-xml': unScParser,
  'ftm-json': ftmParser,
};

/** Tried in order; the first that recognises a file wins. */
export const SNIFFERS: readonly Sniffer[] = [sniffOfacXml, sniffUnSc, sniffUkOfsi, sniffUsCsl, sniffFtm, sniffOfacCsv];

export function parserFor(format: FormatId): ListParser {
  return PARSERS[format];
}

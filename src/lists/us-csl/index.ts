/** The US Consolidated Screening List (trade.gov): CSV and JSON parsers and their sniffer. */
export { usCslCsvParser, usCslJsonParser } from './parser.js';
export { sniffUsCsl } from './sniff.js';
export { cslList } from './sources.js';
export type { CslList } from './sources.js';

/** OFAC's legacy CSV list files (sdn.csv family and cons_*.csv family): parser and content sniffer. */
export { ofacCsvParser, entityId } from './parser.js';
export { sniffOfacCsv } from './sniff.js';

/**
 * UK HM Treasury / OFSI Consolidated List of Asset Freeze Targets (ConList.csv, both the
 * current 36-column and the old 29-column layout): the parser and its content sniffer.
 */
export { ukOfsiParser } from './parser.js';
export { sniffUkOfsi } from './sniff.js';

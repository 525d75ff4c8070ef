/** The UN Security Council Consolidated List (XML): its parser and its content sniffer. */
export { unScParser } from './parser.js';
export { sniffUnSc } from './sniff.js';

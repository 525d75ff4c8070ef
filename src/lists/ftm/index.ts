/** FollowTheMoney JSON lines: the doorway to OpenSanctions' 300+ sources. */
export { ftmParser, sniffFtm } from './ftm-parser.js';

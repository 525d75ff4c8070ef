/** Official sanctions lists: content detection, one parser per format, the source registry. */
export type { FormatId, ListMeta, ListParser, LoadUnit, ParseContext, SniffResult, Sniffer, SourceId, UnitFile } from './types.js';
export { detectUnits, dateInPath, datasetName, sniffFile } from './detect.js';
export type { Detection, DetectOptions, SkippedFile } from './detect.js';
export { PARSERS, SNIFFERS, parserFor } from './parsers.js';
export { OFFICIAL_SOURCES, officialSource, sourceUrl } from './sources.js';
export type { OfficialSource } from './sources.js';
export { BundleBuilder, looksLikeCompany } from './bundle.js';
export { readCsv } from './io/csv.js';
export { readLines } from './io/lines.js';
export { readText, readHeadText, isUtf8File } from './io/text.js';
export { readXml } from './io/xml.js';

/** Evidence ingest: structured records (trade, ownership, travel) and documents. */
export type { IngestContext, IngestFile, IngestKind, IngestSummary } from './types.js';
export { ingestStructured, inspectStructuredFile, formatName, loadMapping, parseMapping, builtinMappingNames, mappingFits, MappingSchema, BUILTIN_MAPPINGS, DEFAULT_MAPPING } from './structured/index.js';
export { parseHsCode, hsEdition, hsEditionConflict, isValidInn, isValidOgrn, isValidUscc, usccCheckChar, toCountry, nameKey } from './structured/index.js';
export type { StructuredFile, StructuredIngestOptions, LoadedMapping, Mapping, MappingInput, RecordKind, HsEdition, HsParse, RecordFormat } from './structured/index.js';
export { DOCUMENT_EXTENSIONS, MAX_DOCUMENT_BYTES, decodeText, detectFormat, htmlToText, minimalPdf, pdfText, readDocument } from './documents/index.js';
export type { DocumentFormat, SourceDocument } from './documents/index.js';
export { DEFAULT_MODEL_PATTERNS, EXTRACT_DEFAULTS, MENTION_KINDS, extractMentions, extractPage, modelPatterns } from './extract/index.js';
export type { ExtractOptions, GazetteerHit, GazetteerLookup, Mention, MentionKind, ModelPattern, PageText } from './extract/index.js';

/** Structured ingest: trade, ownership/directorship and travel records through column mappings. */
export { ingestStructured, inspectStructuredFile, formatName } from './ingest.js';
export type { StructuredFile, StructuredIngestOptions } from './ingest.js';
export { loadMapping, parseMapping, builtinMappingNames, mappingFits, MappingSchema } from './mapping.js';
export type { LoadedMapping, Mapping, MappingInput, FieldSpec } from './mapping.js';
export { BUILTIN_MAPPINGS, DEFAULT_MAPPING } from './builtin-mappings.js';
export { FIELDS_BY_KIND, REQUIRED_FIELDS, TRADE_ROLES } from './fields.js';
export type { FieldType, RecordKind } from './fields.js';
export { parseHsCode, hsEdition, hsEditionConflict } from './hs-code.js';
export type { HsEdition, HsParse } from './hs-code.js';
export { checkCompanyId } from './identifiers.js';
// The checks themselves live in the model; re-exported here for the ingest index.
export { isValidInn, isValidOgrn, isValidUscc, usccCheckChar } from '../../model/index.js';
export { numberParser, dateParser, DEFAULT_NUMBER_FORMAT } from './numbers-dates.js';
export type { NumberFormat } from './numbers-dates.js';
export { toCountry, toCurrency, toTransportMode, toUnit } from './code-tables.js';
export { nameKey } from './parties.js';
export type { RecordFormat, TextEncoding, FileFacts, Detected } from './source.js';

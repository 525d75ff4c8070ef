/** The entity model: FtM-compatible schemata, entities with provenance, values, identifier check digits, errors. No I/O. */
export { Model, Schema, model, typeValues } from './schema.js';
export type { Property, PropType, RawSchema } from './schema.js';
export { Entity } from './entity.js';
export type { EntityBundle, FtMEntity, PropertyValue, RejectedValue, Statement, ValueMeta } from './entity.js';
export { entityFromFtM, entityToFtM, FtMEntitySchema } from './ftm-json.js';
export type { FtMInput, FromFtMResult } from './ftm-json.js';
export { countryCode, countryName, isCountryCode } from './countries.js';
export { isIsoDate, parseDate, parseDateExpression } from './dates.js';
export type { DateExpression, DayOrder } from './dates.js';
export { cleanValue } from './values.js';
export { hashId, makeId, slug } from './ids.js';
export { USCC_ALPHABET, imoCheckDigit, innCheckDigits, isPlaceholderId, isValidImo, isValidInn, isValidLei, isValidOgrn, isValidUscc, ogrnCheckDigit, usccCheckChar } from './identifier-checks.js';
export { EndtraceError, formatLocation, inputError, isEndtraceError, notFound, usageError } from './errors.js';
export type { ErrorKind, InputLocation, Issue } from './errors.js';

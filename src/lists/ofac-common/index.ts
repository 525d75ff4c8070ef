/** What the OFAC-family parsers (legacy CSV, XML) and the US CSL share: identifier types. */
export { applyOfacIdentifier, idTypeAction, isKnownIdType, normaliseIdType } from './identifiers.js';
export type { OfacIdentifier } from './identifiers.js';
export { applyOfacRemarks, clauseProps, clauseTypeKey, isStructured, ofacCountry, parseClause, parseIdValue, parseOfacRemarks, splitOfacRemarks } from './remarks.js';
export type { AppliedRemarks, ApplyRemarksOptions, ParseRemarksOptions, RemarkClause, RemarkKind } from './remarks.js';

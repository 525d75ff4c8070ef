/**
 * Name and entity matching, free of I/O: normalisation and transliteration, legal forms,
 * token alignment, the versioned scoring algorithm, and the in-memory candidate index.
 */
export { ALGORITHM, DEFAULT_THRESHOLD, FEATURES, bestNamePair, explainResult, scoreEntity } from './algorithm/endtrace-v1.js';
export type { Explanation, ScoreOptions, ScoreResult } from './algorithm/endtrace-v1.js';
export { IDENTIFIER_PROPS, entityInput, kindOf, normaliseIdentifier, prepareEntity } from './entity/prepare-entity.js';
export type { IdentifierValue, MatchInput, PreparedEntity, PreparedNameVariant } from './entity/prepare-entity.js';
export { compareNames } from './compare/name-score.js';
export type { AlignedPair, NameComparison } from './compare/name-score.js';
export { prepareName } from './names/prepare.js';
export type { NameKind, NamePart, PreparedName, Token, TokenClass } from './names/prepare.js';
export { ScreeningIndex, entityKeys } from './index/screening-index.js';
export type { IndexEntry, SearchOptions, SearchResult } from './index/screening-index.js';

/**
 * Synthetic trade data with planted sanctions-evasion patterns: a product feature (the demo's
 * customs data set), the test bed and the benchmark data source. Pure: it returns data; the
 * service writes the files.
 */
export { generate, generatedAt, patternCounts, FILES, COMPANY_COLUMNS, OWNERSHIP_COLUMNS, DIRECTORSHIP_COLUMNS, MAX_SHIPMENTS } from './generate.js';
export type { Emit, GenerateHooks } from './generate.js';
export { PATTERNS, DECOYS } from './types.js';
export type { DecoyInstance, DecoyName, Evidence, GenerateOptions, GroundTruth, PartyRecord, PatternInstance, PatternName } from './types.js';
export { TRADE_COLUMNS, TRADE_RU_COLUMNS } from './shipments.js';
export { TRAVEL_COLUMNS } from './travel.js';
export { CHPL_CODES, chplCode, isChpl } from './chpl.js';
export type { ChplCode, ChplTier } from './chpl.js';
export { GOODS } from './goods.js';
export { isValidUscc, makeInn10, makeInn12, makeOgrn, makeOgrnip, makeUscc } from './checksums.js';
export { isValidInn, isValidOgrn } from '../model/index.js';
export { REAL_NAME_PARTS, nameKey } from './names.js';
export { World, buildBackground } from './world.js';
export { plantPatterns } from './plan.js';
export { Rng } from './prng.js';

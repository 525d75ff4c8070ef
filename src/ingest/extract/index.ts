/** Extraction of mentions (organisations, people, identifiers, HS codes, models, money, dates, flights, places) from page text, with spans. */
export { DEFAULTS as EXTRACT_DEFAULTS, extractMentions, extractPage, settleOverlaps } from './extract.js';
export type { ExtractOptions } from './extract.js';
export { MENTION_KINDS } from './types.js';
export type { GazetteerHit, GazetteerLookup, Mention, MentionKind, PageText, Span } from './types.js';
export { DEFAULT_MODEL_PATTERNS, extractModels, modelPatterns } from './models.js';
export type { ModelPattern } from './models.js';
export { extractOrganisations } from './organisations.js';
export { extractPeople } from './people.js';
export { extractIdentifiers } from './identifiers.js';
export { extractHsCodes } from './hs-codes.js';
export { extractMoney, parseAmount } from './money.js';
export { extractDates } from './dates.js';
export { extractFlights } from './flights.js';
export { extractPlaces } from './places.js';
export { linkNames } from './gazetteer.js';

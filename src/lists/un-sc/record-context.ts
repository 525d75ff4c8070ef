/**
 * What record mapping needs from the parse: the record's origin and an issue sink, plus the
 * country check every country-typed field goes through (unmapped names become issues).
 */
import { countryCode } from '../../model/index.js';

/** Reports a record-level problem (the caller adds file, line and record). */
export type IssueSink = (code: string, message: string) => void;

export interface RecordContext {
  /** `${file.name}:${line}` of the record's start tag. */
  origin: string;
  issue: IssueSink;
}

/** Values that stand for "not available" rather than for a country ("na"). */
const NOT_AVAILABLE = /^(?:n\/?a|none|-)$/i;

/** The country text when the model can map it; otherwise reports it and returns undefined. */
export function checkedCountry(value: string, what: string, ctx: RecordContext): string | undefined {
  if (!value || NOT_AVAILABLE.test(value)) return undefined;
  if (countryCode(value)) return value;
  ctx.issue('unknown_country', `${what} "${value}" is not a known country name`);
  return undefined;
}

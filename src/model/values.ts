/**
 * Cleaning of property values by their FtM type: the one place that decides what a valid
 * date, country, email or name looks like. Returns undefined for a value that must not be stored.
 */
import { countryCode } from './countries.js';
import { isIsoDate, parseDate } from './dates.js';
import type { Property } from './schema.js';
import { typeValues } from './schema.js';

const GENDERS: Record<string, string> = {
  male: 'male', m: 'male', man: 'male', мужской: 'male', муж: 'male', 男: 'male',
  female: 'female', f: 'female', woman: 'female', женский: 'female', жен: 'female', 女: 'female',
  other: 'other',
};

const TOPICS = typeValues('topic');

const collapse = (v: string) => v.replace(/[\s\u00a0\u200b]+/g, ' ').trim();

/** Plain printable ASCII with single inner spaces and no padding: nothing to clean. */
const CLEAN_ASCII = /^[\x21-\x7e](?:[\x21-\x7e]| (?! ))*$/;

/**
 * Country names and non-ISO dates repeat thousands of times in a list; their lookups are pure,
 * so they are remembered (bounded: a cache that fills up starts again).
 */
const MEMO_LIMIT = 20_000;
const countryMemo = new Map<string, string | undefined>();
const dateMemo = new Map<string, string | undefined>();

function memo(cache: Map<string, string | undefined>, key: string, compute: (key: string) => string | undefined): string | undefined {
  const hit = cache.get(key);
  if (hit !== undefined || cache.has(key)) return hit;
  const value = compute(key);
  if (cache.size >= MEMO_LIMIT) cache.clear();
  cache.set(key, value);
  return value;
}

const parseDayFirst = (v: string) => parseDate(v);

export function cleanValue(prop: Property, raw: string): string | undefined {
  let v: string;
  if (CLEAN_ASCII.test(raw) && !raw.endsWith(' ')) {
    v = raw;
  } else {
    // Strip control characters (but keep newlines in text) and normalise to NFC.
    v = raw.normalize('NFC').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u001a]/g, '');
    if (prop.type !== 'text' && prop.type !== 'html' && prop.type !== 'json') v = collapse(v);
    else v = v.trim();
  }
  if (!v || v === '-0-') return undefined;
  switch (prop.type) {
    case 'date': {
      if (isIsoDate(v)) return v;
      return memo(dateMemo, v, parseDayFirst);
    }
    case 'country':
      return memo(countryMemo, v, countryCode);
    case 'gender':
      return GENDERS[v.toLowerCase()];
    case 'email': {
      const e = v.replace(/^mailto:/i, '').toLowerCase();
      return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(e) ? e : undefined;
    }
    case 'topic':
      return v in TOPICS ? v : undefined;
    case 'number': {
      const n = v.replace(/[\s,]/g, '');
      return /^-?\d+(\.\d+)?$/.test(n) ? n : undefined;
    }
    case 'identifier':
    case 'checksum':
      return v;
    default:
      return v;
  }
}

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

export function cleanValue(prop: Property, raw: string): string | undefined {
  // Strip control characters (but keep newlines in text) and normalise to NFC.
  let v = raw.normalize('NFC').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u001a]/g, '');
  if (prop.type !== 'text' && prop.type !== 'html' && prop.type !== 'json') v = collapse(v);
  else v = v.trim();
  if (!v || v === '-0-') return undefined;
  switch (prop.type) {
    case 'date': {
      if (isIsoDate(v)) return v;
      return parseDate(v);
    }
    case 'country':
      return countryCode(v);
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

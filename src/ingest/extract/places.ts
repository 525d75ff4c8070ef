/**
 * Places: countries in English (the model's country table, FtM's labels), Russian and
 * Chinese, and the cities of this domain's gazetteer (place-names.ts). Every name and case
 * form is a literal, looked up by its first character; the longest name wins (白俄罗斯 over
 * 俄罗斯, Russian Federation over Russia). Latin and Cyrillic names must stand as whole words
 * and be capitalised as names are (Turkey, not turkey); all-capital forms (RUSSIA) count too.
 */
import { countryCode, typeValues } from '../../model/index.js';
import { CITIES, EN_COUNTRY_EXTRA, RU_COUNTRIES, ZH_COUNTRIES } from './place-names.js';
import type { PlaceName } from './place-names.js';
import { span } from './scan.js';
import type { Span } from './types.js';

/** English labels that are more often something else in a trade document. */
const AMBIGUOUS = new Set(['Chad', 'Jordan', 'Georgia', 'Jersey', 'Guinea', 'Niger', 'Turkey', 'Chile', 'Panama', 'Israel', 'Mali']);
const ALNUM = /[A-Za-z\u00C0-\u024F\u0400-\u04FF0-9]/;
const HAN = /\p{Script=Han}/u;

interface Entry {
  name: string;
  value: string;
  confidence: number;
  /** Latin or Cyrillic: must not touch another letter or digit. */
  word: boolean;
}

let byFirst: Map<string, Entry[]> | undefined;

function gazetteer(): Map<string, Entry[]> {
  if (byFirst) return byFirst;
  const places: PlaceName[] = [...EN_COUNTRY_EXTRA];
  for (const label of Object.values(typeValues('country'))) {
    if (!/^[A-Z][A-Za-z .'-]+$/.test(label) || label.length < 4) continue;
    const code = countryCode(label);
    if (code && code.length === 2) places.push({ forms: [label], country: code });
  }
  const latin = [...places, ...CITIES.filter((c) => /^[A-Z]/.test(c.forms[0]!))];
  const all = [...places, ...latin.map((p) => ({ ...p, forms: p.forms.map((f) => f.toUpperCase()) })), ...RU_COUNTRIES, ...ZH_COUNTRIES, ...CITIES];
  const map = new Map<string, Entry[]>();
  const seen = new Set<string>();
  for (const p of all) {
    const value = p.city ? `city:${p.country}:${p.city}` : `country:${p.country}`;
    for (const name of p.forms) {
      if (!name || seen.has(name)) continue;
      seen.add(name);
      const entry = { name, value, word: !HAN.test(name[0]!), confidence: AMBIGUOUS.has(name) ? 0.5 : p.city ? 0.85 : 0.8 };
      const list = map.get(name[0]!) ?? [];
      list.push(entry);
      map.set(name[0]!, list);
    }
  }
  for (const list of map.values()) list.sort((a, b) => b.name.length - a.name.length);
  byFirst = map;
  return map;
}

export function extractPlaces(text: string): Span[] {
  const map = gazetteer();
  const out: Span[] = [];
  for (let i = 0; i < text.length; i++) {
    const list = map.get(text[i]!);
    if (!list) continue;
    const wordStart = !ALNUM.test(text[i - 1] ?? ' ');
    for (const e of list) {
      if (e.word && !wordStart) break;
      if (!text.startsWith(e.name, i)) continue;
      if (e.word && ALNUM.test(text[i + e.name.length] ?? ' ')) continue;
      out.push(span('place', e.name, i, e.value, e.confidence));
      i += e.name.length - 1;
      break;
    }
  }
  return out;
}

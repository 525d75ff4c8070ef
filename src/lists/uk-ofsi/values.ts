/**
 * Cell values of the OFSI Consolidated List that need more than the model's cleaning: partial
 * dates of birth (`00/00/1965`, `dd/mm/1965`, `09/1962`, `1954`), nationalities written as
 * adjectives or Soviet-era places (read by the model's countryCode),
 * and the language names of `Non-Latin Script Language`.
 */
import { countryCode, parseDate } from '../../model/index.js';

/** DD/MM/YYYY with unknown parts written 00, dd or mm; undefined when not a date. */
export function ukDate(text: string): string | undefined {
  const t = text.trim();
  const m = t.match(/^(\d{1,2}|dd|d)\/(\d{1,2}|mm|m)\/(\d{4})$/i);
  if (m) {
    const day = /^\d+$/.test(m[1]!) ? Number(m[1]) : 0;
    const month = /^\d+$/.test(m[2]!) ? Number(m[2]) : 0;
    if (month === 0) return day === 0 ? parseDate(m[3]!) : undefined;
    if (day === 0) return parseDate(`${m[2]}/${m[3]}`);
    return parseDate(`${m[1]}/${m[2]}/${m[3]}`, 'DMY');
  }
  return parseDate(t, 'DMY');
}

/**
 * The country code of a country name, a nationality adjective or a Soviet-era name (the model's
 * countryCode reads all of these); undefined when the text names no country (the caller then
 * keeps the raw value for the model to refuse).
 */
export function ukCountry(text: string): string | undefined {
  return countryCode(text);
}

const LANGUAGES: Record<string, string> = {
  russian: 'rus', russia: 'rus', belarusian: 'bel', ukrainian: 'ukr', ukraine: 'ukr', persian: 'fas', 'persian/farsi': 'fas',
  farsi: 'fas', arabic: 'ara', chinese: 'zho', georgian: 'kat', hebrew: 'heb', korean: 'kor', bulgarian: 'bul',
  turkish: 'tur', kazakh: 'kaz', serbian: 'srp', spanish: 'spa', thai: 'tha', greek: 'ell', bosnian: 'bos',
  japanese: 'jpn', burmese: 'mya', romanian: 'ron', english: 'eng', french: 'fra', german: 'deu', pashto: 'pus',
  urdu: 'urd', uzbek: 'uzb', tajik: 'tgk', armenian: 'hye', azerbaijani: 'aze', kyrgyz: 'kir', mongolian: 'mon',
};

/** ISO 639-3 code of a language name as OFSI writes it; undefined for a script name such as `Cyrillic`. */
export function languageCode(name: string): string | undefined {
  return LANGUAGES[name.trim().toLowerCase()];
}

/**
 * Countries of a Nationality / Country of Birth / Country cell, which may list several
 * (`(1) Syria (2) Iraq`, `Germany. Russia`). Items that name no country come back raw.
 */
export function ukCountries(items: readonly string[]): { codes: string[]; unresolved: string[] } {
  const codes: string[] = [];
  const unresolved: string[] = [];
  for (const item of items) {
    const one = ukCountry(item);
    if (one) {
      codes.push(one);
      continue;
    }
    const pieces = item.split(/\s*(?:[,.;]\s+|\s+and\s+|\/)\s*/).filter(Boolean);
    const resolved = pieces.map(ukCountry);
    if (pieces.length > 1 && resolved.every((c) => c)) codes.push(...(resolved as string[]));
    else unresolved.push(item);
  }
  return { codes: [...new Set(codes)], unresolved };
}

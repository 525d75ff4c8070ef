/**
 * Flight numbers: an IATA airline designator (two characters, letters or a letter and a
 * digit) and a flight number of 1–4 digits with an optional operational suffix letter (IATA
 * Standard Schedules Information Manual, ch. 2). Reported after a cue (flight, рейс, 航班…),
 * or, at lower confidence, when the designator is one of the carriers that fly the routes of
 * this domain (Russia, China, Central Asia, the Gulf, Türkiye, Belarus).
 */
import { LB, RB, before, matches, span } from './scan.js';
import type { Span } from './types.js';

const FLIGHT = new RegExp(`${LB}((?:[A-Z]{2}|[A-Z][0-9]|[0-9][A-Z]))\\s?-?(\\d{1,4})([A-Z])?${RB}`, 'gu');
const CUE = /(?:flight|flt|рейс[а-яё]*|а\/к|авиарейс[а-яё]*|航班号?|班机|boarding\s+pass|посадочн[а-яё]*)[\s:.№#]*(?:No\.?|number|номер)?[\s:.№#]*$/iu;
/** Carriers of the routes in question: Aeroflot, S7, Ural, UTair, Pobeda, Rossiya, Air China, China Southern, China Eastern, Hainan, Sichuan, Shenzhen, Emirates, flydubai, Turkish, Qatar, Etihad, Belavia, Uzbekistan, Air Astana, SCAT, Azerbaijan, Air Arabia, Red Wings, Azur Air, Nordwind, Yakutia. */
const CARRIERS = new Set(['SU', 'S7', 'U6', 'UT', 'DP', 'FV', 'CA', 'CZ', 'MU', 'HU', '3U', 'ZH', 'EK', 'FZ', 'TK', 'QR', 'EY', 'B2', 'HY', 'KC', 'DV', 'J2', 'G9', 'WZ', 'ZF', 'N4', 'R3']);

export function extractFlights(text: string): Span[] {
  const out: Span[] = [];
  for (const m of matches(FLIGHT, text)) {
    const code = m[1]!;
    if (!/[A-Z]/.test(code)) continue;
    const cue = CUE.test(before(text, m.index, 30));
    const known = CARRIERS.has(code);
    if (!cue && !(known && m[2]!.length >= 2)) continue;
    out.push(span('flight', m[0], m.index, `${code}${m[2]}${m[3] ?? ''}`, cue ? 0.9 : 0.55));
  }
  return out;
}

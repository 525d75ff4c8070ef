/**
 * Identifiers with check digits (see model/identifier-checks.ts for each algorithm's source): Russian INN
 * (10/12 digits), OGRN (13) and OGRNIP (15), Chinese USCC (18 characters), IMO ship numbers
 * (7 digits after "IMO"), and passport numbers after a passport cue (no check digit outside
 * the machine-readable zone: ICAO Doc 9303 allows up to 9 characters; the Russian internal
 * passport is a 4-digit series and a 6-digit number; Chinese passports are E/G + 8 characters).
 *
 * Policy: a number whose check digit fails is not reported at all (a mistyped number is not
 * evidence of an identifier, and a random 10-digit number passes the INN check one time in
 * ten); a valid number next to its cue ("ИНН", "INN", "Tax ID", "ОГРН", "统一社会信用代码"…)
 * gets high confidence, a valid one without a cue low confidence.
 */
import { isValidImo, isValidInn, isValidOgrn, isValidUscc } from '../../model/index.js';
import { LB, RB, before, matches, span } from './scan.js';
import type { Span } from './types.js';

const INN_CUE = /(?:ИНН|INN|Tax\s*ID|TIN|taxpayer|налогоплательщик|纳税人识别号|税号)[^\n]{0,16}$/iu;
const OGRN_CUE = /(?:ОГРН(?:ИП)?|OGRN(?:IP)?|PSRN|(?:Business\s+|State\s+)?Registration\s+(?:Number|No\.?|ID)|регистрационный\s+номер)[^\n]{0,16}$/iu;
const USCC_CUE = /(?:统一社会信用代码|信用代码|USCC|Unified\s+Social\s+Credit\s+Code|社会信用代码)[^\n]{0,16}$/iu;
const PHONE_CUE = /(?:тел|tel|phone|факс|fax|моб|mob|电话|传真|手机)[^\n]{0,12}$|\+\s*$/iu;

const DIGIT_RUN = new RegExp(`${LB}\\d{10,15}(?![A-Za-z0-9])`, 'gu');
const USCC_TOKEN = new RegExp(`${LB}[0-9A-HJ-NP-RTUW-Y]{18}${RB}`, 'gu');
const IMO = /(?<![A-Za-z0-9])IMO(?:\s*(?:No\.?|Number|number|№|#|:))?[\s:]*(\d{7})(?!\p{N})/gu;
const PASSPORT_CUE = /(?:паспорт[а-яё]*|passport|護照|护照|загранпаспорт[а-яё]*)/giu;
const PASSPORT_NUMBER = [
  // Russian internal passport: series 45 08 or 4508, optional №, number 123456.
  /^[^\d\n]{0,30}?((\d{2}\s?\d{2})\s*(?:№|номер|No\.?)?\s*(\d{6}))(?!\p{N})/iu,
  // Russian foreign passport (2 + 7 digits), Chinese (E/G/D, an optional letter, 7–8 digits), generic ICAO (6–9 alphanumerics with a digit).
  /^[^\d\n]{0,30}?(?<![A-Za-z0-9])(\d{2}\s?\d{7}|[EGD][A-Z]?\d{7,8}|(?=[A-Z0-9]*\d)[A-Z0-9]{6,9})(?![A-Za-z0-9])/u,
];

function cued(text: string, at: number, cue: RegExp): boolean {
  return cue.test(before(text, at, 48));
}

export function extractIdentifiers(text: string): Span[] {
  const out: Span[] = [];
  for (const m of matches(DIGIT_RUN, text)) {
    const v = m[0];
    const at = m.index;
    if (v.length === 10 || v.length === 12) {
      if (!isValidInn(v)) continue;
      const cue = cued(text, at, INN_CUE);
      if (!cue && cued(text, at, PHONE_CUE)) continue;
      out.push(span('identifier', v, at, `inn:${v}`, cue ? 0.95 : v.length === 10 ? 0.45 : 0.4));
    } else if (v.length === 13 || v.length === 15) {
      if (!isValidOgrn(v)) continue;
      const cue = cued(text, at, OGRN_CUE);
      out.push(span('identifier', v, at, `${v.length === 13 ? 'ogrn' : 'ogrnip'}:${v}`, cue ? 0.95 : 0.5));
    }
  }
  for (const m of matches(USCC_TOKEN, text)) {
    if (!isValidUscc(m[0])) continue;
    out.push(span('identifier', m[0], m.index, `uscc:${m[0]}`, cued(text, m.index, USCC_CUE) ? 0.95 : 0.7));
  }
  for (const m of matches(IMO, text)) {
    const v = m[1]!;
    if (!isValidImo(v)) continue;
    const at = m.index + m[0].length - v.length;
    out.push(span('identifier', v, at, `imo:${v}`, 0.95));
  }
  for (const m of matches(PASSPORT_CUE, text)) {
    const from = m.index + m[0].length;
    const window = text.slice(from, from + 40).split('\n')[0]!;
    for (const re of PASSPORT_NUMBER) {
      const p = window.match(re);
      if (!p || p.index === undefined) continue;
      const raw = p[1]!;
      const at = from + p[0].length - raw.length;
      const norm = raw.replace(/№|номер|No\.?|\s/gu, '').toUpperCase();
      if (norm.length < 6) continue;
      out.push(span('identifier', raw, at, `passport:${norm}`, 0.8));
      break;
    }
  }
  return out;
}

/**
 * Amounts of money with their currency, as the three languages write them: $1,200.50,
 * USD 12 000, 12 000,50 руб., €3.5 million, ¥80,000, 人民币120万元, 3亿元, 15 млн рублей.
 * Currencies are ISO 4217 codes; symbols map to the usual code ($ USD, € EUR, £ GBP, ₽ RUB,
 * ¥ and 元 CNY: in these documents the yen sign is the renminbi's as often as not).
 * 万 = 10⁴, 亿 = 10⁸, тыс. = 10³, млн = 10⁶, млрд = 10⁹, million, billion, k.
 */
import { ALNUM, LB, matches, span } from './scan.js';
import type { Span } from './types.js';

const CODES = 'USD|EUR|RUB|RUR|CNY|RMB|HKD|AED|GBP|JPY|BYN|KZT|TRY|CHF|INR|USDT';
const SYMBOLS: Record<string, string> = { '$': 'USD', 'US$': 'USD', '€': 'EUR', '£': 'GBP', '₽': 'RUB', '¥': 'CNY', '￥': 'CNY', 'HK$': 'HKD' };
const WORDS: Array<[RegExp, string]> = [
  [/^(?:руб|рубл|р\.|₽)/iu, 'RUB'],
  [/^(?:долл|доллар|dollar|美元)/iu, 'USD'],
  [/^(?:евро|euro|欧元)/iu, 'EUR'],
  [/^(?:юан|yuan|元|人民币|renminbi)/iu, 'CNY'],
  [/^(?:港币|港元)/u, 'HKD'],
  [/^(?:卢布|rouble|ruble)/iu, 'RUB'],
  [/^(?:дирхам|dirham|迪拉姆)/iu, 'AED'],
];
const MULTIPLIERS: Array<[RegExp, number]> = [
  [/^(?:亿)/u, 1e8],
  [/^(?:万)/u, 1e4],
  [/^(?:млрд|billion|bn)/iu, 1e9],
  [/^(?:млн|million|mln|m)/iu, 1e6],
  [/^(?:тыс|thousand|k)/iu, 1e3],
];

const NUM = '\\d{1,3}(?:[ \\u00a0\\u202f,.]\\d{3})+(?:[.,]\\d{1,2})?|\\d+(?:[.,]\\d{1,2})?';
const MULT = '(?:\\s?(?:万|亿)|\\s?(?:млрд\\.?|млн\\.?|тыс\\.?|million|billion|mln|bn|k)(?![\\p{L}]))?';
const WORD_CUR = '(?:руб(?:лей|ля|ль)?\\.?|р\\.|₽|долл(?:аров|ара|ар)?\\.?|доллар(?:ов|а)?\\s?США|евро|юаней|юаня|юань|дирхам(?:ов)?|dollars?|euros?|yuan|roubles?|rubles?|元|美元|人民币|欧元|卢布|港币|港元)';
const PATTERNS = [
  // Symbol or code before: $1,200.50, USD 12 000, 人民币120万元, RMB 5,000
  new RegExp(`${LB}(US\\$|HK\\$|[$€£₽¥￥]|(?:${CODES})(?![A-Za-z])|人民币|美元)\\s?(${NUM})(${MULT})(\\s?元)?(?![\\p{N}])`, 'gu'),
  // Amount then code or word: 12 000,50 руб., 3 500 USD, 120万元, 15 млн рублей
  new RegExp(`(?<![${ALNUM}.,])(${NUM})(${MULT})\\s?((?:${CODES})(?![A-Za-z])|${WORD_CUR})`, 'gu'),
];

/** A written number to a decimal string; the last separator followed by 1–2 digits is the decimal mark. */
export function parseAmount(raw: string): number | undefined {
  const t = raw.replace(/[\s\u00a0\u202f]/g, '');
  const m = /^(.*?)(?:[.,](\d{1,2}))?$/.exec(t);
  if (!m) return undefined;
  const whole = m[1]!.replace(/[.,]/g, '');
  if (!/^\d+$/.test(whole)) return undefined;
  return Number(`${whole}${m[2] ? `.${m[2]}` : ''}`);
}

function currencyOf(word: string): string | undefined {
  const w = word.trim();
  if (SYMBOLS[w]) return SYMBOLS[w];
  const upper = w.toUpperCase();
  if (new RegExp(`^(?:${CODES})$`).test(upper)) return upper === 'RMB' ? 'CNY' : upper === 'RUR' ? 'RUB' : upper;
  for (const [re, code] of WORDS) if (re.test(w)) return code;
  return undefined;
}

function multiplier(word: string): number {
  const w = word.trim();
  if (!w) return 1;
  for (const [re, n] of MULTIPLIERS) if (re.test(w)) return n;
  return 1;
}

export function formatAmount(n: number): string {
  const cents = Math.round(n * 100);
  return cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2);
}

export function extractMoney(text: string): Span[] {
  const out: Span[] = [];
  const [before, after] = PATTERNS as [RegExp, RegExp];
  for (const m of matches(before, text)) {
    const cur = currencyOf(m[1]!);
    const amount = parseAmount(m[2]!);
    if (!cur || amount === undefined) continue;
    const value = amount * multiplier(m[3] ?? '');
    out.push(span('money', m[0], m.index, `${formatAmount(value)} ${cur}`, 0.9));
  }
  for (const m of matches(after, text)) {
    const cur = currencyOf(m[3]!);
    const amount = parseAmount(m[1]!);
    if (!cur || amount === undefined) continue;
    const value = amount * multiplier(m[2] ?? '');
    out.push(span('money', m[0], m.index, `${formatAmount(value)} ${cur}`, 0.85));
  }
  return out;
}

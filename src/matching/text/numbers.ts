/**
 * Numbers in names: English number words and ordinals to digits ("Forty-Four" and "Forty 4"
 * → 44, "First"/"1st" → 1, "Three" → 3), Roman numerals in organisation and vessel names
 * ("Fund II" → 2), and digits used as letters inside words ("Ig0r Sech1n" → igor sechin).
 */

const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fourty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const ORDINALS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  eleventh: 11, twelfth: 12, twentieth: 20, thirtieth: 30,
};

const ROMAN = /^(?=[mdclxvi]+$)m{0,3}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$/;
const ROMAN_VALUES: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100, d: 500, m: 1000 };

export function romanValue(token: string): number | undefined {
  if (!token || !ROMAN.test(token)) return undefined;
  let total = 0;
  for (let i = 0; i < token.length; i++) {
    const v = ROMAN_VALUES[token[i]!]!;
    const next = ROMAN_VALUES[token[i + 1] ?? ''] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

/** "1st", "2nd", "23rd", "4th" → the number. */
function numericOrdinal(token: string): number | undefined {
  const m = token.match(/^(\d+)(st|nd|rd|th)$/);
  return m ? Number(m[1]) : undefined;
}

/**
 * Replaces runs of number words with digits in a token list; ordinals too. "forty four" →
 * "44", "forty 4" → "44", "one hundred" → "100".
 */
export function numberWordsToDigits(tokens: string[]): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    const ord = ORDINALS[t] ?? numericOrdinal(t);
    if (ord !== undefined) {
      out.push(String(ord));
      i++;
      continue;
    }
    if (t in TENS) {
      let value = TENS[t]!;
      const next = tokens[i + 1];
      if (next !== undefined && next in UNITS && UNITS[next]! < 10 && UNITS[next]! > 0) {
        value += UNITS[next]!;
        i++;
      } else if (next !== undefined && /^[1-9]$/.test(next)) {
        value += Number(next);
        i++;
      }
      out.push(String(value));
      i++;
      continue;
    }
    if (t in UNITS) {
      let value = UNITS[t]!;
      if (tokens[i + 1] === 'hundred') {
        value *= 100;
        i++;
      }
      out.push(String(value));
      i++;
      continue;
    }
    out.push(t);
    i++;
  }
  return out;
}

const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '8': 'b', '9': 'g', '6': 'g', '2': 'z' };

/**
 * Digits inside a word written as letters ("sech1n", "i9or"): only for tokens with at least
 * two letters and digits that are not at the start or end of a number-like token.
 */
export function deLeet(token: string): string {
  if (!/[a-z]/.test(token) || !/\d/.test(token)) return token;
  if ((token.match(/[a-z]/g) ?? []).length < 2) return token;
  if (/^\d+(st|nd|rd|th|s)$/.test(token)) return token;
  return token.replace(/\d/g, (d) => LEET[d] ?? d);
}

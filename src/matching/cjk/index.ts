/** Readings of CJK characters and romanisations of Hangul and kana, for matching names across scripts. No I/O. */
/** Mandarin, Sino-Korean and Japanese readings of one CJK ideograph, as lower-case ASCII romanisations. */
export { cjkReadings } from './readings.js';
export type { CjkReadings } from './readings.js';
/** Per Hangul syllable of a name token, its RR, McCune–Reischauer and customary romanisations. */
export { hangulRomanizations } from './hangul.js';
/** Hepburn romanisations of a hiragana/katakana name, with the variants used for Japanese and foreign names. */
export { kanaToRomaji } from './kana.js';

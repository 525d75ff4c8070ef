/**
 * Which writing system a token is in, from its letters' Unicode script properties. Decides how a
 * token is romanised and how it may be compared (an abjad spelling drops vowels, Han characters
 * have several readings).
 */

export type Script = 'latin' | 'cyrillic' | 'greek' | 'arabic' | 'hebrew' | 'han' | 'hangul' | 'kana' | 'thai' | 'armenian' | 'georgian' | 'other' | 'none';

const TESTS: Array<[Script, RegExp]> = [
  ['latin', /\p{Script=Latin}/u],
  ['cyrillic', /\p{Script=Cyrillic}/u],
  ['han', /\p{Script=Han}/u],
  ['kana', /[\p{Script=Hiragana}\p{Script=Katakana}]/u],
  ['hangul', /\p{Script=Hangul}/u],
  ['arabic', /[\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}]/u],
  ['hebrew', /\p{Script=Hebrew}/u],
  ['greek', /\p{Script=Greek}/u],
  ['thai', /[\p{Script=Thai}\p{Script=Khmer}\p{Script=Lao}\p{Script=Myanmar}]/u],
  ['armenian', /\p{Script=Armenian}/u],
  ['georgian', /\p{Script=Georgian}/u],
];

/** The script of the first letter found in the text ('none' for digits and symbols only). */
export function scriptOf(text: string): Script {
  for (const ch of text) {
    if (!/\p{L}/u.test(ch)) continue;
    for (const [script, re] of TESTS) if (re.test(ch)) return script;
    return 'other';
  }
  return 'none';
}

/** Scripts written without (most) vowels, or with vowels a romaniser cannot recover. */
export function isConsonantal(script: Script): boolean {
  return script === 'arabic' || script === 'hebrew' || script === 'thai';
}

/** Scripts whose characters are syllables or logograms with several readings. */
export function isSyllabic(script: Script): boolean {
  return script === 'han' || script === 'hangul' || script === 'kana';
}

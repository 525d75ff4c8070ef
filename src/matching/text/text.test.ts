import { describe, expect, it } from 'vitest';
import { romaniseCyrillic } from './cyrillic.js';
import { foldLatin, latinKey, skeleton } from './latin.js';
import { deLeet, numberWordsToDigits, romanValue } from './numbers.js';
import { isConsonantal, scriptOf } from './scripts.js';

describe('scripts', () => {
  it.each([
    ['Vladimir', 'latin'], ['Владимир', 'cyrillic'], ['习近平', 'han'], ['김정은', 'hangul'], ['バラク', 'kana'],
    ['محمد', 'arabic'], ['משה', 'hebrew'], ['Νικόλαος', 'greek'], ['สมชาย', 'thai'], ['Բարակ', 'armenian'], ['ბარაკ', 'georgian'], ['123', 'none'],
  ])('%s is %s', (text, script) => {
    expect(scriptOf(text)).toBe(script);
  });
  it('knows which scripts drop vowels', () => {
    expect(isConsonantal('arabic')).toBe(true);
    expect(isConsonantal('cyrillic')).toBe(false);
  });
});

describe('Latin folding and keys', () => {
  it('folds diacritics and ligatures', () => {
    expect(foldLatin('erdoğan simonyán straße łódź æsir')).toBe('erdogan simonyan strasse lodz aesir');
  });
  it('makes romanisation variants coincide', () => {
    expect(latinKey('vektor')).toBe(latinKey('vector'));
    expect(latinKey('sergei')).toBe(latinKey('sergey'));
    expect(latinKey('sergej')).toBe(latinKey('sergey'));
    expect(latinKey('friedrich')).toBe(latinKey('fridrich'));
    expect(latinKey('yusuf')).toBe(latinKey('jusuf'));
    expect(latinKey('nooristani')).toBe(latinKey('nuristani'));
    expect(latinKey('xi')).toBe(latinKey('si'));
    expect(latinKey('khamenei')).toBe(latinKey('hamenei'));
    expect(latinKey('emmanuel')).toBe(latinKey('emanuel'));
  });
  it('keeps different names apart', () => {
    expect(latinKey('scholz')).not.toBe(latinKey('schulze'));
    expect(latinKey('pong')).not.toBe(latinKey('pyong'));
  });
  it('reduces names to consonant skeletons for abjad spellings', () => {
    expect(skeleton('mohamed')).toBe(skeleton('mhmd'));
    expect(skeleton('david')).toBe(skeleton('dvd'));
    expect(skeleton('barack')).toBe(skeleton('beilake'));
  });
});

describe('Cyrillic', () => {
  it('romanises Russian as the lists do', () => {
    expect(romaniseCyrillic('тск вектор')).toBe('tsk vektor');
    expect(romaniseCyrillic('иэмз купол')).toBe('iemz kupol');
    expect(romaniseCyrillic('щукин')).toBe('shchukin');
    expect(romaniseCyrillic('хабаровск')).toBe('khabarovsk');
  });
  it('reads a word with Ukrainian letters as Ukrainian', () => {
    expect(romaniseCyrillic('київ')).toBe('kyyiv');
    expect(romaniseCyrillic('гнатюк і')).toBe('hnatyuk i');
    // Without a Ukrainian letter the Russian reading is used; the keys still meet the usual spelling.
    expect(latinKey(romaniseCyrillic('зеленський'))).toBe(latinKey('zelenskyy'));
  });
});

describe('numbers', () => {
  it('turns number words and ordinals into digits', () => {
    expect(numberWordsToDigits(['brigade', 'forty', 'four'])).toEqual(['brigade', '44']);
    expect(numberWordsToDigits(['brigade', 'forty', '4'])).toEqual(['brigade', '44']);
    expect(numberWordsToDigits(['first', 'bank'])).toEqual(['1', 'bank']);
    expect(numberWordsToDigits(['1st', 'bank'])).toEqual(['1', 'bank']);
    expect(numberWordsToDigits(['three', 'percenters'])).toEqual(['3', 'percenters']);
  });
  it('reads Roman numerals', () => {
    expect(romanValue('ii')).toBe(2);
    expect(romanValue('xiv')).toBe(14);
    expect(romanValue('vim')).toBeUndefined();
  });
  it('reads digits written as letters inside words', () => {
    expect(deLeet('ig0r')).toBe('igor');
    expect(deLeet('sech1n')).toBe('sechin');
    expect(deLeet('i9or')).toBe('igor');
    expect(deLeet('1st')).toBe('1st');
    expect(deLeet('2000')).toBe('2000');
  });
});

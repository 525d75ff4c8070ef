/**
 * Latin-script forms of a token: plain ASCII (diacritics folded), and the `latinKey`, a
 * spelling-neutral key in which the usual romanisation variants coincide (Vektor/Vector,
 * Sergei/Sergey/Sergej, Yusuf/Jusuf/Yousef, Friedrich/Fridrich, Xi/Si/Shi). Edit distance
 * is measured between keys, so that only real differences cost.
 */

const SPECIAL: Record<string, string> = {
  ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i', ŀ: 'l', ĸ: 'k', ŋ: 'ng', ſ: 's', ħ: 'h', ŧ: 't', ə: 'e',
};

/** Lower-case ASCII of a Latin-script token: diacritics removed, ligatures expanded. */
export function foldLatin(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFD')) {
    const code = ch.charCodeAt(0);
    if (code >= 0x300 && code <= 0x36f) continue;
    out += SPECIAL[ch] ?? ch;
  }
  return out;
}

const RULES: Array<[RegExp, string]> = [
  [/shch|sch|tsch/g, 'sh'],
  [/tch/g, 'ch'],
  [/dzh|dj/g, 'j'],
  [/zh/g, 'j'],
  [/ck/g, 'k'],
  [/ph/g, 'f'],
  [/qu/g, 'k'],
  [/q/g, 'k'],
  [/kh/g, 'h'],
  [/gh/g, 'g'],
  [/dh/g, 'd'],
  [/th/g, 't'],
  [/^x/, 's'],
  [/x/g, 'ks'],
  [/ch/g, '\u0001'],
  [/c(?=[eiy])/g, 's'],
  [/c/g, 'k'],
  [/\u0001/g, 'ch'],
  [/sh/g, 's'],
  [/w/g, 'v'],
  [/j/g, 'i'],
  [/y/g, 'i'],
  [/ou|oo/g, 'u'],
  [/ee|ie|ei/g, 'i'],
  [/(.)\1+/g, '$1'],
];

const keyCache = new Map<string, string>();

/** The spelling-neutral key of an ASCII token (letters and digits only). */
export function latinKey(ascii: string): string {
  const cached = keyCache.get(ascii);
  if (cached !== undefined) return cached;
  let k = ascii.replace(/[^a-z0-9]/g, '');
  if (/[a-z]/.test(k)) {
    const plain = k;
    for (const [re, to] of RULES) k = k.replace(re, to);
    // A short word folded to one letter ("Dji", "Iei", "Ji" → "i") would equal every other such
    // word: keep its letters (repeats collapsed) instead.
    if (k.length < 2 && plain.length >= 2) k = plain.replace(/(.)\1+/g, '$1');
  }
  if (keyCache.size > 200_000) keyCache.clear();
  keyCache.set(ascii, k);
  return k;
}

const SKELETON_MAP: Record<string, string> = { b: 'p', d: 't', g: 'k', v: 'f', z: 's', r: 'l', c: 'k', q: 'k', j: 'i' };

/**
 * The consonant skeleton of a token, to compare a name written in an abjad or an abugida
 * (Arabic, Hebrew, Thai, Khmer) or transcribed syllable by syllable (Chinese) with its Latin
 * spelling: vowels, y, w and apostrophes dropped, voiced and voiceless consonants merged,
 * r = l, repeats collapsed. "Mohamed" and محمد (mhmd) both give "mhmt".
 */
export function skeleton(ascii: string): string {
  const k = ascii
    .replace(/[^a-z]/g, '')
    .replace(/ck/g, 'k')
    .replace(/ph/g, 'f')
    .replace(/[aeiouyw]/g, '');
  let out = '';
  for (const ch of k) {
    const m = SKELETON_MAP[ch] ?? ch;
    if (out[out.length - 1] !== m) out += m;
  }
  return out;
}

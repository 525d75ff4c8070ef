/**
 * Hepburn romanisation of hiragana and katakana, with the variants that Latin-script name lists use: long vowels
 * written, dropped or as "oh" (Satou / Sato / Satoh), the traditional Hepburn m before b/m/p (Homma), and for
 * foreign names in katakana the spelling with the epenthetic vowels of Japanese phonotactics removed
 * (バラク Baraku → Barak, ドラッグ Doraggu → Drag), gemination and the long-vowel mark reduced, and r read as l.
 * Table written from the modified Hepburn system (Kenkyūsha, 3rd ed. 1954) and its katakana extensions. No I/O.
 */

interface Syllable {
  kind: 'syllable';
  consonant: string;
  vowel: string;
  /** A loanword's vowel that Japanese inserts after a consonant (ク ku, ト to, チ chi …), absent in the source. */
  epenthetic: boolean;
}
type Mora =
  | Syllable
  | { kind: 'n' } // ン
  | { kind: 'sokuon' } // ッ: doubles the next consonant
  | { kind: 'long' } // ー: lengthens the previous vowel
  | { kind: 'other'; text: string };

const KATAKANA_ROMAJI: Readonly<Record<string, string>> = {
  ア: 'a', イ: 'i', ウ: 'u', エ: 'e', オ: 'o',
  カ: 'ka', キ: 'ki', ク: 'ku', ケ: 'ke', コ: 'ko',
  ガ: 'ga', ギ: 'gi', グ: 'gu', ゲ: 'ge', ゴ: 'go',
  サ: 'sa', シ: 'shi', ス: 'su', セ: 'se', ソ: 'so',
  ザ: 'za', ジ: 'ji', ズ: 'zu', ゼ: 'ze', ゾ: 'zo',
  タ: 'ta', チ: 'chi', ツ: 'tsu', テ: 'te', ト: 'to',
  ダ: 'da', ヂ: 'ji', ヅ: 'zu', デ: 'de', ド: 'do',
  ナ: 'na', ニ: 'ni', ヌ: 'nu', ネ: 'ne', ノ: 'no',
  ハ: 'ha', ヒ: 'hi', フ: 'fu', ヘ: 'he', ホ: 'ho',
  バ: 'ba', ビ: 'bi', ブ: 'bu', ベ: 'be', ボ: 'bo',
  パ: 'pa', ピ: 'pi', プ: 'pu', ペ: 'pe', ポ: 'po',
  マ: 'ma', ミ: 'mi', ム: 'mu', メ: 'me', モ: 'mo',
  ヤ: 'ya', ユ: 'yu', ヨ: 'yo',
  ラ: 'ra', リ: 'ri', ル: 'ru', レ: 're', ロ: 'ro',
  ワ: 'wa', ヰ: 'i', ヱ: 'e', ヲ: 'o', ヴ: 'vu',
  ァ: 'a', ィ: 'i', ゥ: 'u', ェ: 'e', ォ: 'o', ャ: 'ya', ュ: 'yu', ョ: 'yo', ヮ: 'wa',
  ヵ: 'ka', ヶ: 'ga', ヷ: 'va', ヸ: 'vi', ヹ: 've', ヺ: 'vo',
};
const SMALL_VOWELS = new Set(['ァ', 'ィ', 'ゥ', 'ェ', 'ォ']);
const SMALL_Y = new Set(['ャ', 'ュ', 'ョ']);
const EPENTHETIC = new Set(['ク', 'グ', 'ス', 'ズ', 'ツ', 'ヅ', 'フ', 'ブ', 'プ', 'ム', 'ル', 'ヴ', 'ト', 'ド', 'チ', 'ヂ', 'ジ']);
const VOICED: Readonly<Record<string, string>> = { k: 'g', s: 'z', sh: 'j', t: 'd', ch: 'j', ts: 'z', h: 'b', f: 'b' };
// Word separators in Japanese-script names: space, ideographic space, nakaguro, (double) hyphen, equals sign.
const SEPARATORS = /[\s\u3000・=＝゠‐-]+/u;
// English onsets that a dropped epenthetic vowel may leave at the start of a word (ドラッグ drag, スミス smith).
const ONSETS = /^(?:[bdfgkptv]r|s[kmnprtw]|shr)/;

function splitSyllable(romaji: string): { consonant: string; vowel: string } {
  const at = romaji.search(/[aeiou]/);
  return at < 0 ? { consonant: romaji, vowel: '' } : { consonant: romaji.slice(0, at), vowel: romaji.slice(at) };
}

function toKatakana(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  // Hiragana ぁ–ゖ and the iteration marks ゝゞ sit 0x60 below their katakana.
  return (code >= 0x3041 && code <= 0x3096) || code === 0x309d || code === 0x309e ? String.fromCodePoint(code + 0x60) : ch;
}

function parseWord(word: string): Mora[] {
  const chars = [...word].map(toKatakana);
  const morae: Mora[] = [];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] ?? '';
    const previous = morae.at(-1);
    if (ch === 'ン') morae.push({ kind: 'n' });
    else if (ch === 'ッ') morae.push({ kind: 'sokuon' });
    else if (ch === 'ー' || ch === '〜' || ch === '~') morae.push({ kind: 'long' });
    else if ((ch === 'ヽ' || ch === 'ヾ') && previous?.kind === 'syllable') {
      const consonant = ch === 'ヾ' ? voiced(previous.consonant) : previous.consonant;
      morae.push({ ...previous, consonant });
    } else if (previous?.kind === 'syllable' && previous.consonant !== '' && SMALL_Y.has(ch)) {
      // キャ kya, シャ sha, チュ chu, ジョ jo, テュ tyu, フュ fyu
      const y = KATAKANA_ROMAJI[ch] ?? '';
      const palatal = /^(?:sh|ch|j)$/.test(previous.consonant) ? previous.consonant : `${previous.consonant}y`;
      morae[morae.length - 1] = { kind: 'syllable', consonant: palatal, vowel: y.slice(1), epenthetic: palatal === 'sh' && y === 'yu' };
    } else if (previous?.kind === 'syllable' && SMALL_VOWELS.has(ch)) {
      // ファ fa, ティ ti, トゥ tu, シェ she, ヴァ va, ウィ wi, クォ kwo, イェ ye
      const vowel = KATAKANA_ROMAJI[ch] ?? '';
      let consonant = previous.consonant;
      if (consonant === '' && previous.vowel === 'u') consonant = 'w';
      else if (consonant === '' && previous.vowel === 'i') consonant = 'y';
      else if ((consonant === 'k' || consonant === 'g') && previous.vowel === 'u') consonant += 'w';
      morae[morae.length - 1] = { kind: 'syllable', consonant, vowel, epenthetic: false };
    } else {
      const romaji = KATAKANA_ROMAJI[ch];
      if (romaji === undefined) morae.push({ kind: 'other', text: ch.toLowerCase() });
      else morae.push({ kind: 'syllable', ...splitSyllable(romaji), epenthetic: EPENTHETIC.has(ch) });
    }
  }
  return morae;
}

function voiced(consonant: string): string {
  for (const [plain, voice] of Object.entries(VOICED)) if (consonant.startsWith(plain)) return voice + consonant.slice(plain.length);
  return consonant;
}

interface Style {
  /** ー: repeat the vowel (suupaa), drop it (supa), "h" after o (Ohno), or "r" after a/e/o (Barbara, Peter). */
  longMark: 'double' | 'drop' | 'h' | 'r';
  /** Vowel sequences of native words: keep (Satou), drop (Sato, and Keiko → Keko with 'e'), "oh" (Satoh). */
  longVowels: 'keep' | 'drop' | 'drop-e' | 'h';
  /** Epenthetic vowels: keep, drop at the end of a word, or drop wherever a consonant cluster results. */
  epenthesis: 'keep' | 'final' | 'all';
  /** ッ: double the next consonant (Hepburn: kk, tch) or write it once. */
  geminate: boolean;
  /** ン before b/m/p as m (traditional Hepburn: Homma, Namba). */
  labialM: boolean;
  /** r as l (Donald, Clinton). */
  rAsL: boolean;
}

const STYLES: readonly Style[] = [
  { longMark: 'double', longVowels: 'keep', epenthesis: 'keep', geminate: true, labialM: false, rAsL: false },
  { longMark: 'drop', longVowels: 'drop', epenthesis: 'keep', geminate: true, labialM: false, rAsL: false },
  { longMark: 'h', longVowels: 'h', epenthesis: 'keep', geminate: true, labialM: false, rAsL: false },
  { longMark: 'drop', longVowels: 'drop-e', epenthesis: 'keep', geminate: true, labialM: false, rAsL: false },
  { longMark: 'drop', longVowels: 'drop', epenthesis: 'keep', geminate: true, labialM: true, rAsL: false },
  { longMark: 'drop', longVowels: 'keep', epenthesis: 'final', geminate: false, labialM: false, rAsL: false },
  { longMark: 'drop', longVowels: 'keep', epenthesis: 'all', geminate: false, labialM: true, rAsL: false },
  { longMark: 'drop', longVowels: 'keep', epenthesis: 'all', geminate: false, labialM: true, rAsL: true },
  { longMark: 'drop', longVowels: 'keep', epenthesis: 'final', geminate: false, labialM: false, rAsL: true },
  { longMark: 'r', longVowels: 'keep', epenthesis: 'all', geminate: false, labialM: true, rAsL: false },
];

function dropsVowel(morae: readonly Mora[], i: number, syllable: Syllable, style: Style, wordInitial: boolean): boolean {
  if (!syllable.epenthetic || style.epenthesis === 'keep') return false;
  const next = morae[i + 1];
  if (next === undefined || next.kind === 'other') return true;
  if (style.epenthesis === 'final' || syllable.vowel === 'i' || next.kind !== 'syllable' || next.consonant === '') return false;
  // ト/ド lose their o only before r (トランプ Trump, ドラッグ drag); ク, ス, ル … lose their u before any consonant.
  if (syllable.vowel === 'o' && !next.consonant.startsWith('r')) return false;
  return !wordInitial || ONSETS.test(syllable.consonant + next.consonant);
}

function renderWord(morae: readonly Mora[], style: Style): string {
  let out = '';
  for (let i = 0; i < morae.length; i++) {
    const mora = morae[i];
    const previous = morae[i - 1];
    const next = morae[i + 1];
    if (mora === undefined) continue;
    switch (mora.kind) {
      case 'syllable': {
        const consonant = style.rAsL && mora.consonant.startsWith('r') ? `l${mora.consonant.slice(1)}` : mora.consonant;
        const wordInitial = !/[aeiou]/.test(out);
        out += consonant;
        if (!dropsVowel(morae, i, mora, style, wordInitial)) out += mora.vowel;
        break;
      }
      case 'n':
        out += style.labialM && next?.kind === 'syllable' && /^[bmp]/.test(next.consonant) ? 'm' : 'n';
        break;
      case 'sokuon':
        if (style.geminate && next?.kind === 'syllable' && next.consonant !== '') {
          out += next.consonant.startsWith('ch') ? 't' : next.consonant.charAt(0);
        }
        break;
      case 'long': {
        const vowel = previous?.kind === 'syllable' ? previous.vowel.slice(-1) : '';
        if (style.longMark === 'double') out += vowel;
        else if (style.longMark === 'h' && vowel === 'o') out += 'h';
        else if (style.longMark === 'r' && /[aeo]/.test(vowel)) out += 'r';
        break;
      }
      case 'other':
        out += mora.text;
        break;
    }
  }
  switch (style.longVowels) {
    case 'keep':
      return out;
    case 'h':
      return out.replace(/o[ou]/g, 'oh');
    case 'drop':
      return out.replace(/o[ou]/g, 'o').replace(/uu/g, 'u');
    case 'drop-e':
      return out.replace(/o[ou]/g, 'o').replace(/uu/g, 'u').replace(/ei/g, 'e');
  }
}

/**
 * Hepburn romanisations of a hiragana/katakana name, most literal first: words are separated by one space where the
 * text has a space, ・ or ＝; characters that are not kana are kept as they are. E.g. バラク・オバマ →
 * ['baraku obama', …, 'barak obama', …]; さとう → ['satou', 'sato', 'satoh', …].
 */
export function kanaToRomaji(text: string): string[] {
  const words = text
    .normalize('NFKC')
    .split(SEPARATORS)
    .filter((w) => w !== '')
    .map(parseWord);
  const variants = STYLES.map((style) => words.map((w) => renderWord(w, style)).join(' '));
  return [...new Set(variants)];
}

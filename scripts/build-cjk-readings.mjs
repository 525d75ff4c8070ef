// Generates the reading tables that src/matching/cjk imports (so that it reads no files at run time):
//   src/matching/cjk/data/ja-readings.json  Jōyō + Jinmeiyō kanji → on|kun|nanori readings in Hepburn romaji
//                                           (KANJIDIC2 via the npm package `kanji`, kana → romaji by `wanakana`);
//   src/matching/cjk/data/ko-readings.json  Hangul reading → the hanja read so (npm package `hanja`, plus the
//                                           korean_h readings of KANJIDIC2), for CJK characters in common use;
//   src/matching/cjk/data/ATTRIBUTION.md    sources, licences, how to regenerate.
// The source packages are not dependencies of endtrace (they are large and only needed here):
//   npm install --no-save kanji@0.19.3 wanakana@5.3.1 hanja@1.1.5 && node scripts/build-cjk-readings.mjs
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pinyin } from 'pinyin-pro';
import { toRomaji } from 'wanakana';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const outDir = join(root, 'src/matching/cjk/data');
const kanjiDir = dirname(require.resolve('kanji/package.json'));
const hanjaDir = dirname(require.resolve('hanja/package.json'));
const version = (pkg) => JSON.parse(readFileSync(require.resolve(`${pkg}/package.json`), 'utf8')).version;

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));

/** KANJIDIC2 entry of a character, or undefined (the package has one file per code point, lower-case hex). */
function kanjidic(char) {
  const file = join(kanjiDir, 'dist/data/kanjidic', `${char.codePointAt(0).toString(16)}.json`);
  return existsSync(file) ? readJson(file) : undefined;
}

function readingsOf(entry) {
  const out = { ja_on: [], ja_kun: [], nanori: [], korean_h: [] };
  for (const rm of entry?.reading_meaning ?? []) {
    for (const group of rm.rmgroup ?? []) {
      for (const r of group.reading ?? []) if (r.r_type in out) out[r.r_type].push(r.$t);
    }
    for (const n of rm.nanori ?? []) out.nanori.push(n);
  }
  return out;
}

const uniq = (xs) => [...new Set(xs)];

// ---------------------------------------------------------------- Japanese

// KANJIDIC marks okurigana after '.', and affix use with '-' (ふと.い, -こ, なま-); only the stem is read in a name.
function kanaToHepburn(kana) {
  const stem = kana.split('.')[0].replace(/[-‐－]/g, '');
  return toRomaji(stem).toLowerCase().replace(/[^a-z]/g, '');
}

const gradeLists = ['g01', 'g02', 'g03', 'g04', 'g05', 'g06', 'g08', 'g09', 'g10'];
const kanjiChars = uniq(gradeLists.flatMap((g) => readJson(join(kanjiDir, `lib/data/grade.${g}.json`))));

// Two Jinmeiyō variants (巢, 歷) have KANJIDIC2 entries without Japanese readings: they are read as a variant that has
// them, named by the entry itself or by the kanjium variant table shipped in the same package.
const kanjiumVariants = readJson(join(kanjiDir, 'dist/data/kanjium/kanjium-variants.json'));
function entryOrVariant(char) {
  const hasJapanese = (e) => {
    const r = readingsOf(e);
    return r.ja_on.length + r.ja_kun.length + r.nanori.length > 0;
  };
  const entry = kanjidic(char);
  if (hasJapanese(entry)) return entry;
  const ucs = (entry?.misc ?? []).flatMap((m) => m.variant ?? []).filter((v) => v.var_type === 'ucs');
  const others = [...ucs.map((v) => String.fromCodePoint(parseInt(v.$t, 16))), ...(kanjiumVariants[char] ?? [])];
  return others.filter((c) => c !== '').map(kanjidic).find(hasJapanese);
}

const ja = {};
let jaMissing = 0;
// Compatibility ideographs in the lists (欄 U+F91D …) are left out: the run-time lookup NFC-normalises them.
const jaChars = kanjiChars.filter((c) => c.normalize('NFC') === c).sort((a, b) => a.codePointAt(0) - b.codePointAt(0));
for (const char of jaChars) {
  const r = readingsOf(entryOrVariant(char));
  const seen = new Set();
  const group = (list) =>
    uniq(list.map(kanaToHepburn))
      // A few nanori are a bare ん; a reading without a vowel is no use for matching.
      .filter((x) => /[aeiou]/.test(x) && !seen.has(x) && seen.add(x))
      .join(',');
  const groups = [group(r.ja_on), group(r.ja_kun), group(r.nanori)];
  if (groups.every((g) => g === '')) {
    jaMissing++;
    continue;
  }
  ja[char] = groups.join('|').replace(/\|+$/, '');
}

// ---------------------------------------------------------------- Korean

// "Common use": the ideographs of the national double-byte charsets, decoded with the WHATWG decoders built into Node:
// GB 2312 (simplified), Big5 level 1 (traditional), KS X 1001 (Korean hanja), JIS X 0208 (Japanese), plus Jōyō/Jinmeiyō.
function decodeRange(encoding, leadFrom, leadTo, trailRanges) {
  const decoder = new TextDecoder(encoding);
  const chars = [];
  for (let lead = leadFrom; lead <= leadTo; lead++) {
    for (const [from, to] of trailRanges) {
      for (let trail = from; trail <= to; trail++) {
        const s = decoder.decode(new Uint8Array([lead, trail])).normalize('NFC');
        if (/^\p{Script=Han}$/u.test(s)) chars.push(s);
      }
    }
  }
  return chars;
}
const common = new Set([
  ...decodeRange('gb18030', 0xb0, 0xf7, [[0xa1, 0xfe]]),
  ...decodeRange('big5', 0xa4, 0xc5, [[0x40, 0x7e], [0xa1, 0xfe]]),
  ...decodeRange('big5', 0xc6, 0xc6, [[0x40, 0x7e]]),
  ...decodeRange('euc-kr', 0xca, 0xfd, [[0xa1, 0xfe]]),
  ...decodeRange('euc-jp', 0xb0, 0xf4, [[0xa1, 0xfe]]),
  ...kanjiChars,
]);

const hasMandarin = (char) =>
  pinyin(char, { toneType: 'none', type: 'array', multiple: true }).some((p) => /^[a-zü]+$/.test(p));

const hanjaeum = readJson(join(hanjaDir, 'lib/data/hanjaeum.json'));
const koByChar = new Map();
const addKo = (char, syllable) => {
  if (!/^[\uac00-\ud7a3]$/.test(syllable)) return;
  const list = koByChar.get(char) ?? [];
  if (!list.includes(syllable)) list.push(syllable);
  koByChar.set(char, list);
};
// Compatibility ideographs (U+F900…) encode a second reading of a unified ideograph; NFC maps them back to it.
for (const [hanja, hangul] of Object.entries(hanjaeum)) {
  const char = hanja.normalize('NFC');
  if (common.has(char)) addKo(char, hangul);
}
for (const char of common) for (const h of readingsOf(kanjidic(char)).korean_h) addKo(char, h);

const byReading = new Map();
let koChars = 0;
for (const [char, syllables] of koByChar) {
  if (!hasMandarin(char)) continue;
  koChars++;
  for (const s of syllables) byReading.set(s, (byReading.get(s) ?? '') + char);
}
const ko = Object.fromEntries(
  [...byReading.entries()]
    .sort(([a], [b]) => a.localeCompare(b, 'ko'))
    .map(([s, chars]) => [s, [...chars].sort((a, b) => a.codePointAt(0) - b.codePointAt(0)).join('')]),
);

// ---------------------------------------------------------------- output

mkdirSync(outDir, { recursive: true });
const write = (name, data) => {
  const text = `${JSON.stringify(data)}\n`;
  writeFileSync(join(outDir, name), text);
  return Buffer.byteLength(text);
};
const jaBytes = write('ja-readings.json', ja);
const koBytes = write('ko-readings.json', ko);

const attribution = `# Data in this folder

Generated by \`scripts/build-cjk-readings.mjs\`; do not edit by hand. To regenerate, from the repository root:

    npm install
    node scripts/build-cjk-readings.mjs

## ja-readings.json — CC BY-SA 4.0

Kanji → \`on|kun|nanori\` readings (comma-separated, Hepburn romaji, okurigana and affix markers removed) for the
${Object.keys(ja).length} Jōyō and Jinmeiyō kanji of the grade lists of the npm package \`kanji\`@${version('kanji')}
(the ${kanjiChars.length - jaChars.length} compatibility ideographs in those lists are left out: the lookup NFC-normalises them).

The readings are taken from **KANJIDIC2**, © Electronic Dictionary Research and Development Group (EDRDG),
used under the Creative Commons Attribution-ShareAlike 4.0 licence
(https://www.edrdg.org/edrdg/licence.html, https://creativecommons.org/licenses/by-sa/4.0/).
This derived file is distributed under the same licence. KANJIDIC2 data as packaged by \`kanji\` (MPL-2.0,
© Ezzat Chamudi); kana converted to romaji with \`wanakana\`@${version('wanakana')} (MIT).

## ko-readings.json — CC BY-SA 4.0 (for its KANJIDIC2 part)

Hangul reading → the characters read so, for the ${koChars} CJK ideographs that are in GB 2312, Big5 level 1,
KS X 1001 or JIS X 0208 (or are Jōyō/Jinmeiyō kanji) and have a Mandarin reading in \`pinyin-pro\`@${version('pinyin-pro')}.
Readings are the original (pre-initial-sound-rule) Sino-Korean readings from \`lib/data/hanjaeum.json\` of the npm
package \`hanja\`@${version('hanja')} (MIT, © Rock Picado), plus the \`korean_h\` readings of KANJIDIC2
(© EDRDG, CC BY-SA 4.0, as above).
`;
writeFileSync(join(outDir, 'ATTRIBUTION.md'), attribution);

console.log(
  `ja-readings.json: ${Object.keys(ja).length} kanji (${jaMissing} without readings), ${jaBytes} bytes\n` +
    `ko-readings.json: ${koChars} characters, ${Object.keys(ko).length} readings, ${koBytes} bytes`,
);

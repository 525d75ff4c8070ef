/**
 * Cyrillic to Latin, in the BGN/PCGN style that sanctions lists mostly use (х → kh, ц → ts,
 * щ → shch, ю → yu, й → y), with the Ukrainian letters (і, ї, є, ґ; г → h, и → y when the
 * word is Ukrainian), Belarusian ў, the South Slavic letters and the Kazakh ones. The other
 * common romanisations (ISO 9, GOST, German) differ in ways latinKey() folds together.
 */

const BASE: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm',
  н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch',
  ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
  і: 'i', ї: 'yi', є: 'ye', ґ: 'g', ў: 'u',
  ђ: 'dj', ј: 'j', љ: 'lj', њ: 'nj', ћ: 'c', џ: 'dz', ѓ: 'gj', ќ: 'kj', ѕ: 'dz',
  ә: 'a', ғ: 'gh', қ: 'q', ң: 'ng', ө: 'o', ұ: 'u', ү: 'u', һ: 'h',
};

const UKRAINIAN_MARKERS = /[іїєґ]/;

/** Romanises a lower-case Cyrillic token; other characters pass through. */
export function romaniseCyrillic(token: string): string {
  const ukrainian = UKRAINIAN_MARKERS.test(token);
  let out = '';
  for (const ch of token) {
    if (ukrainian && ch === 'г') out += 'h';
    else if (ukrainian && ch === 'и') out += 'y';
    else out += BASE[ch] ?? ch;
  }
  return out;
}

/**
 * Romanisations of Hangul names, syllable by syllable, in the spellings that Latin-script name lists use:
 * Revised Romanization (National Institute of the Korean Language, 2000), McCune–Reischauer (1939) without
 * diacritics (ŏ → o, ŭ → u, aspiration marks dropped) in both its word-initial and voiced medial forms, and the
 * customary spellings of surnames and given-name syllables (Kim, Lee, Park, Jung, Young, Soo, …).
 * Syllables are decomposed arithmetically (U+AC00 + (initial × 21 + medial) × 28 + final). No I/O.
 */

const SYLLABLE_BASE = 0xac00;
const SYLLABLE_LAST = 0xd7a3;
const MEDIALS = 21;
const FINALS = 28;

// Initial consonants in Unicode order: ㄱ ㄲ ㄴ ㄷ ㄸ ㄹ ㅁ ㅂ ㅃ ㅅ ㅆ ㅇ ㅈ ㅉ ㅊ ㅋ ㅌ ㅍ ㅎ
const INITIAL_RR = ['g', 'kk', 'n', 'd', 'tt', 'r', 'm', 'b', 'pp', 's', 'ss', '', 'j', 'jj', 'ch', 'k', 't', 'p', 'h'];
const INITIAL_MR = ['k', 'kk', 'n', 't', 'tt', 'r', 'm', 'p', 'pp', 's', 'ss', '', 'ch', 'tch', 'ch', 'k', 't', 'p', 'h'];
// MR voices ㄱ ㄷ ㅂ ㅈ between voiced sounds; a syllable out of context may stand in either position.
const INITIAL_MR_VOICED = ['g', 'kk', 'n', 'd', 'tt', 'r', 'm', 'b', 'pp', 's', 'ss', '', 'j', 'tch', 'ch', 'k', 't', 'p', 'h'];

// Medial vowels in Unicode order: ㅏ ㅐ ㅑ ㅒ ㅓ ㅔ ㅕ ㅖ ㅗ ㅘ ㅙ ㅚ ㅛ ㅜ ㅝ ㅞ ㅟ ㅠ ㅡ ㅢ ㅣ
const MEDIAL_RR = ['a', 'ae', 'ya', 'yae', 'eo', 'e', 'yeo', 'ye', 'o', 'wa', 'wae', 'oe', 'yo', 'u', 'wo', 'we', 'wi', 'yu', 'eu', 'ui', 'i'];
const MEDIAL_MR = ['a', 'ae', 'ya', 'yae', 'o', 'e', 'yo', 'ye', 'o', 'wa', 'wae', 'oe', 'yo', 'u', 'wo', 'we', 'wi', 'yu', 'u', 'ui', 'i'];
// Customary vowel spellings in names: ㅓ u (Sung, Jun), ㅕ yu (Hyun, Byung), ㅚ oi (Choi), ㅜ oo (Soo), ㅝ weo,
// ㅠ yoo (Yoon), ㅢ eui / i / ee (Eui, Hi, Hee).
const MEDIAL_CUSTOMARY: Readonly<Record<number, readonly string[]>> = {
  4: ['u'],
  6: ['yu'],
  11: ['oi'],
  13: ['oo'],
  14: ['weo'],
  17: ['yoo'],
  19: ['eui', 'i', 'ee'],
};

// Final consonants in Unicode order (0 = none): ㄱ ㄲ ㄳ ㄴ ㄵ ㄶ ㄷ ㄹ ㄺ ㄻ ㄼ ㄽ ㄾ ㄿ ㅀ ㅁ ㅂ ㅄ ㅅ ㅆ ㅇ ㅈ ㅊ ㅋ ㅌ ㅍ ㅎ
// (RR and MR agree on the final of a syllable read alone.)
const FINAL = ['', 'k', 'k', 'k', 'n', 'n', 'n', 't', 'l', 'k', 'm', 'l', 'l', 'l', 'p', 'l', 'm', 'p', 'p', 't', 't', 'ng', 't', 't', 'k', 't', 'p', 't'];

const I_INITIAL = 5; // ㄹ
const N_INITIAL = 2; // ㄴ
const NULL_INITIAL = 11; // ㅇ
const S_INITIALS = new Set([9, 10]); // ㅅ ㅆ
const MEDIAL_YEO = 6;
const MEDIAL_WI = 16;
const MEDIAL_I = 20;
// ㅑ ㅒ ㅕ ㅖ ㅛ ㅠ ㅣ: before these the South drops a word-initial ㄹ or ㄴ (리 → 이, 녀 → 여); before the others ㄹ → ㄴ.
const I_OR_Y_MEDIALS = new Set([2, 3, 6, 7, 12, 17, 20]);
const FINAL_NG = 21;

// Customary spellings of surnames and of common given-name syllables, most usual first; they come before the
// systematic romanisations. (Two-syllable surnames — 황보 Hwangbo, 남궁 Namgung, 제갈 Jegal, 선우 Sunwoo,
// 독고 Dokgo — are covered syllable by syllable.)
const CUSTOMARY: Readonly<Record<string, readonly string[]>> = {
  김: ['kim', 'gim'],
  이: ['lee', 'yi', 'rhee', 'i', 'ri'],
  리: ['ri', 'lee', 'li', 'yi', 'rhee', 'i'],
  박: ['park', 'pak', 'bak'],
  최: ['choi', 'choe'],
  정: ['jung', 'jeong', 'chung', 'jong', 'chong'],
  종: ['jong', 'jeong', 'chong', 'jung'],
  강: ['kang'],
  조: ['cho', 'jo'],
  윤: ['yoon', 'yun'],
  장: ['jang', 'chang'],
  임: ['lim', 'im', 'rim'],
  림: ['rim', 'lim', 'im'],
  한: ['han'],
  오: ['oh', 'o'],
  서: ['seo', 'suh'],
  신: ['shin', 'sin'],
  권: ['kwon', 'gwon'],
  황: ['hwang'],
  안: ['ahn', 'an'],
  송: ['song'],
  류: ['ryu', 'yoo', 'yu', 'lyu'],
  유: ['yoo', 'yu'],
  전: ['jeon', 'jun', 'chon'],
  홍: ['hong'],
  고: ['ko', 'go'],
  문: ['moon', 'mun'],
  양: ['yang'],
  손: ['son', 'sohn'],
  배: ['bae', 'pae'],
  백: ['baek', 'paek'],
  허: ['heo', 'hur'],
  노: ['noh', 'roh', 'no'],
  로: ['ro', 'roh', 'noh'],
  남: ['nam'],
  심: ['shim', 'sim'],
  하: ['ha'],
  곽: ['kwak'],
  성: ['sung', 'seong', 'song'],
  차: ['cha'],
  주: ['joo', 'ju', 'chu'],
  우: ['woo', 'u'],
  구: ['koo', 'gu'],
  민: ['min'],
  나: ['na'],
  진: ['jin', 'chin'],
  지: ['ji', 'chi'],
  엄: ['um', 'eom'],
  채: ['chae'],
  원: ['won', 'weon'],
  천: ['chun', 'cheon'],
  방: ['bang', 'pang'],
  공: ['kong', 'gong'],
  현: ['hyun', 'hyeon', 'hyon'],
  함: ['ham'],
  변: ['byun', 'pyon'],
  염: ['yeom', 'yum'],
  여: ['yeo', 'yu'],
  추: ['chu'],
  도: ['do', 'to'],
  소: ['so'],
  석: ['seok', 'sok', 'suk'],
  선: ['sun', 'seon', 'son'],
  설: ['seol', 'sol'],
  마: ['ma'],
  길: ['gil', 'kil'],
  연: ['yeon', 'yon'],
  위: ['wi'],
  표: ['pyo'],
  명: ['myung', 'myong', 'myeong'],
  기: ['ki', 'gi'],
  반: ['ban', 'pan'],
  왕: ['wang'],
  금: ['geum', 'kum'],
  옥: ['ok'],
  육: ['yook', 'yuk'],
  인: ['in'],
  맹: ['maeng'],
  제: ['je'],
  모: ['mo'],
  탁: ['tak'],
  국: ['kook', 'guk', 'kuk'],
  어: ['eo', 'o'],
  은: ['eun', 'un'],
  편: ['pyeon', 'pyon'],
  용: ['yong'],
  룡: ['ryong', 'yong'],
  예: ['ye'],
  경: ['kyung', 'gyeong', 'kyong'],
  봉: ['bong', 'pong'],
  사: ['sa'],
  부: ['boo', 'bu'],
  호: ['ho'],
  영: ['young', 'yong', 'yeong'],
  준: ['jun', 'joon'],
  수: ['su', 'soo'],
  철: ['chol', 'cheol', 'chul'],
  일: ['il'],
  혁: ['hyok', 'hyeok', 'hyuk'],
  광: ['kwang', 'gwang'],
  식: ['sik', 'shik'],
  태: ['tae'],
  혜: ['hye'],
  희: ['hui', 'hee', 'hi'],
  순: ['sun', 'soon'],
  미: ['mi'],
  화: ['hwa'],
  란: ['ran', 'nan'],
  애: ['ae'],
  향: ['hyang'],
  학: ['hak'],
  범: ['bom', 'beom', 'pom'],
  동: ['dong', 'tong'],
  재: ['jae', 'chae'],
  훈: ['hun', 'hoon'],
  빈: ['bin', 'pin'],
};

interface Jamo {
  initial: number;
  medial: number;
  final: number;
}

function decompose(code: number): Jamo {
  const index = code - SYLLABLE_BASE;
  return {
    initial: Math.floor(index / (MEDIALS * FINALS)),
    medial: Math.floor((index % (MEDIALS * FINALS)) / FINALS),
    final: index % FINALS,
  };
}

function compose({ initial, medial, final }: Jamo): string {
  return String.fromCharCode(SYLLABLE_BASE + (initial * MEDIALS + medial) * FINALS + final);
}

/** RR, MR (initial and voiced) and the customary respellings that follow from the jamo alone. */
function systematic({ initial, medial, final }: Jamo): string[] {
  const fin = FINAL[final] ?? '';
  const mrMedial = MEDIAL_MR[medial] ?? '';
  // MR writes ㅅ/ㅆ before ㅣ and ㅟ as sh/ssh (시 shi, 쉬 shwi).
  const sh = S_INITIALS.has(initial) && (medial === MEDIAL_I || medial === MEDIAL_WI) ? 'h' : '';
  const rrInitial = INITIAL_RR[initial] ?? '';
  const mrInitial = (INITIAL_MR[initial] ?? '') + sh;
  const out = [
    rrInitial + (MEDIAL_RR[medial] ?? '') + fin,
    mrInitial + mrMedial + fin,
    (INITIAL_MR_VOICED[initial] ?? '') + sh + mrMedial + fin,
  ];
  const vowels = [...(MEDIAL_CUSTOMARY[medial] ?? [])];
  // 영 Young, 형 Hyoung, 연 Youn.
  if (medial === MEDIAL_YEO && (final === FINAL_NG || initial === NULL_INITIAL)) vowels.push('you');
  for (const ini of new Set([rrInitial, mrInitial])) for (const v of vowels) out.push(ini + v + fin);
  return out;
}

/** The syllable as a South Korean word-initial ㄹ/ㄴ would be written (리 → 이, 라 → 나, 녀 → 여), if different. */
function initialSoundLaw(jamo: Jamo): Jamo | undefined {
  if (jamo.initial === I_INITIAL) {
    return { ...jamo, initial: I_OR_Y_MEDIALS.has(jamo.medial) ? NULL_INITIAL : N_INITIAL };
  }
  if (jamo.initial === N_INITIAL && I_OR_Y_MEDIALS.has(jamo.medial)) return { ...jamo, initial: NULL_INITIAL };
  return undefined;
}

const cache = new Map<number, readonly string[]>();

function syllableForms(code: number): readonly string[] {
  const cached = cache.get(code);
  if (cached !== undefined) return cached;
  const syllable = String.fromCharCode(code);
  const jamo = decompose(code);
  const forms = [...(CUSTOMARY[syllable] ?? []), ...systematic(jamo)];
  const southern = initialSoundLaw(jamo);
  if (southern !== undefined) forms.push(...(CUSTOMARY[compose(southern)] ?? []), ...systematic(southern));
  const result = [...new Set(forms)];
  cache.set(code, result);
  return result;
}

/**
 * For each Hangul syllable of `text` (one name token, e.g. 김정은), the lower-case romanisations it may have in a
 * Latin-script list, most usual first, e.g. 김정은 → [['kim', 'gim'], ['jung', 'jeong', 'chung', 'jong', 'chong', …], ['eun', 'un']].
 * Characters other than precomposed Hangul syllables (spaces, hyphens, Latin letters) are skipped.
 */
export function hangulRomanizations(text: string): string[][] {
  const out: string[][] = [];
  for (const ch of text.normalize('NFC')) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= SYLLABLE_BASE && code <= SYLLABLE_LAST) out.push([...syllableForms(code)]);
  }
  return out;
}

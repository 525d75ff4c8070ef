/**
 * Turns a name as written into the tokens the matcher compares: scripts romanised (Cyrillic by
 * table, CJK and Hangul as reading lattices, the rest with any-ascii), titles and stopwords
 * dropped, legal forms taken out, numbers normalised, and every token given a class and a
 * weight (vocabulary.ts). Pure and deterministic: the same name always prepares the same way.
 */
import anyAscii from 'any-ascii';
import { cjkReadings, hangulRomanizations, kanaToRomaji } from '../cjk/index.js';
import { romaniseCyrillic } from '../text/cyrillic.js';
import { foldLatin, latinKey, skeleton } from '../text/latin.js';
import { deLeet, numberWordsToDigits } from '../text/numbers.js';
import { isConsonantal, scriptOf } from '../text/scripts.js';
import type { Script } from '../text/scripts.js';
import { findLegalForms } from './legal-forms.js';
import type { LegalFamily } from './legal-forms.js';
import { sourceTermsOf, translateOrgTerm } from './org-terms.js';
import { ABBREVIATIONS, GENERIC_ORG, LOCATIONS, PARTICLES, PARTICLE_EQUIVALENTS, STOPWORDS, TITLES, isPatronymic } from './vocabulary.js';
import { romanValue } from '../text/numbers.js';

export type NameKind = 'person' | 'org' | 'any';
export type TokenClass = 'word' | 'generic' | 'location' | 'particle' | 'initial' | 'number' | 'patronymic';
export type NamePart = 'first' | 'middle' | 'last' | 'father';

export interface Token {
  /** Lower-case ASCII form. */
  ascii: string;
  /** Spelling-neutral key (latinKey); for syllabic scripts the original text. */
  key: string;
  cls: TokenClass;
  weight: number;
  script: Script;
  /** Consonant skeleton, for tokens romanised from a consonantal script. */
  skel: string | undefined;
  /**
   * For Han, Hangul and kana tokens: the reading options per character or syllable, one
   * lattice per reading system (Mandarin, Korean, Japanese), so that a path never mixes them.
   */
  lattice: string[][][] | undefined;
  /** Other keys that count as the same word (bin = ibn, завод = plant, a Russian stem). */
  alt: string[] | undefined;
  /** Which part of a structured person name the token came from. */
  part: NamePart | undefined;
}

export interface PreparedName {
  text: string;
  kind: 'person' | 'org';
  tokens: Token[];
  forms: LegalFamily[];
  /** Sum of token weights. */
  weight: number;
  /** All token keys joined, for the exact-name shortcut. */
  joined: string;
  /**
   * What the name was prepared from (text, kind, part): names with the same signature are the
   * same prepared name, so that a comparison can be reused for the copies of a name on several
   * lists.
   */
  sig: string;
}

const WEIGHTS: Record<TokenClass, number> = { word: 1, generic: 0.5, location: 0.25, particle: 0.2, initial: 0.3, number: 1, patronymic: 0.6 };

const HAN_LEGAL: Array<[RegExp, LegalFamily]> = [
  [/股份有限公司$/, 'jsc'],
  [/有限责任公司$|有限責任公司$|有限公司$/, 'llc'],
  [/集团公司$|公司$/, 'generic'],
  [/株式会社|^株式会社/, 'jsc'],
];

interface RawToken {
  ascii: string;
  script: Script;
  lattice?: string[][][];
  original?: string;
  part?: NamePart | undefined;
}

function wordWeight(ascii: string): number {
  return Math.min(1, 0.4 + 0.15 * ascii.length);
}

/** Splits text into raw tokens with their script, romanising as it goes. */
function rawTokens(text: string, kind: NameKind, forms: LegalFamily[], part?: NamePart): RawToken[] {
  let t = text.normalize('NFKC');
  // Possessive 's and apostrophes inside words vanish; other quotes separate.
  t = t.replace(/['’`´ʼ](s)\b/giu, '').replace(/(?<=\p{L})['’`´ʼ](?=\p{L})/gu, '').replace(/^['’`´ʼ]+|(?<=\s)['’`´ʼ]+/gu, '');
  t = t.replace(/%/g, ' percent').replace(/&/g, ' and ').replace(/\+/g, ' ');
  const out: RawToken[] = [];
  for (const chunk of t.split(/[\s,;:()[\]{}<>!?|\\/"«»“”„‟‹›「」『』【】〈〉《》*#=_~^@$€£¥·・•。、，；：（）]+/u)) {
    if (!chunk) continue;
    // Dotted acronyms (A.B.C., o.O.O.): joined in organisation names, initials in person names.
    if (/^(\p{L}\.-?){2,}\p{L}?\.?$/u.test(chunk) && kind !== 'person') {
      out.push(...romanise(chunk.replace(/[.-]/g, ''), forms, part));
      continue;
    }
    for (const piece of chunk.split(/[.\-‐‑‒–—―]+/u)) if (piece) out.push(...romanise(piece, forms, part));
  }
  return out;
}

function romanise(piece: string, forms: LegalFamily[], part: NamePart | undefined): RawToken[] {
  const script = scriptOf(piece);
  const lower = piece.toLowerCase();
  switch (script) {
    case 'latin':
    case 'none':
      return splitAscii(foldLatin(lower), script, part);
    case 'cyrillic':
      return splitAscii(foldLatin(romaniseCyrillic(lower)), script, part);
    case 'han':
      return hanTokens(piece, forms, part);
    case 'hangul': {
      const units = hangulRomanizations(piece).map((opts) => [...new Set(opts.map((o) => latinKey(o)))]);
      return [{ ascii: units.map((u) => u[0] ?? '').join(''), script, lattice: [units], original: piece, part }];
    }
    case 'kana': {
      const variants = kanaToRomaji(piece);
      const words = variants.map((v) => v.split(/\s+/).filter(Boolean));
      const n = Math.max(...words.map((w) => w.length));
      const tokens: RawToken[] = [];
      for (let i = 0; i < n; i++) {
        const opts = [...new Set(words.map((w) => w[i]).filter((x): x is string => !!x).map((x) => latinKey(x)))];
        if (opts.length) tokens.push({ ascii: opts[0]!, script, lattice: [[opts]], original: piece, part });
      }
      return tokens;
    }
    default: {
      const ascii = foldLatin(anyAscii(piece).toLowerCase()).replace(/['`]/g, '');
      return splitAscii(ascii, script, part);
    }
  }
}

function splitAscii(ascii: string, script: Script, part: NamePart | undefined): RawToken[] {
  return ascii
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .map((a) => ({ ascii: deLeet(a), script, part }));
}

/** Han text: legal-form suffixes removed, then one lattice token of per-character readings. */
function hanTokens(piece: string, forms: LegalFamily[], part: NamePart | undefined): RawToken[] {
  let text = piece;
  for (const [re, family] of HAN_LEGAL) {
    if (re.test(text)) {
      forms.push(family);
      text = text.replace(re, '');
    }
  }
  if (!text) return [];
  // One lattice per reading system; a character without a reading in a system keeps its Mandarin one.
  const systems: Array<'mandarin' | 'korean' | 'japanese'> = ['mandarin', 'korean', 'japanese'];
  const lattices: string[][][] = systems.map(() => []);
  const mandarin: string[] = [];
  let previous: string | undefined;
  for (const raw of text) {
    const ch = raw === '々' && previous ? previous : raw;
    previous = ch;
    const r = cjkReadings(ch);
    const fallback = r?.mandarin[0] ?? foldLatin(anyAscii(ch).toLowerCase()).replace(/[^a-z0-9]/g, '');
    if (!fallback) continue;
    mandarin.push(fallback);
    systems.forEach((system, i) => {
      const readings = r?.[system].length ? r[system] : [fallback];
      lattices[i]!.push([...new Set(readings.map((x) => latinKey(x)).filter(Boolean))]);
    });
  }
  if (!mandarin.length) return [];
  return [{ ascii: mandarin.join(''), script: 'han', lattice: lattices, original: text, part }];
}

const GLUED_FORMS = /^(.{4,}?)(ag|gmbh|llc|ltd|ooo|jsc|ojsc|inc|corp|plc|bv|nv|spa|srl)$/;

/** "SiemensAG": a one-word organisation name with its legal form glued on. */
function splitGluedForm(raw: RawToken[]): RawToken[] {
  if (raw.length !== 1 || raw[0]!.lattice) return raw;
  const m = raw[0]!.ascii.match(GLUED_FORMS);
  if (!m) return raw;
  return [{ ...raw[0]!, ascii: m[1]! }, { ...raw[0]!, ascii: m[2]! }];
}

const TRUNCATABLE = ['company', 'corporation', 'incorporated', 'limited', 'international', 'industries', 'enterprise', 'obshchestvo', 'otvetstvennostyu', 'association', 'organization'];

/** A name cut off by a field limit ("… JOINT STOCK COMPAN"): the last word completed. */
function expandTruncatedLast(raw: RawToken[]): RawToken[] {
  const last = raw[raw.length - 1];
  if (!last || last.lattice || last.ascii.length < 4 || raw.length < 2) return raw;
  const full = TRUNCATABLE.find((w) => w.length > last.ascii.length && w.startsWith(last.ascii));
  return full ? [...raw.slice(0, -1), { ...last, ascii: full }] : raw;
}

/** "Nicolás Maduro SA": a person named with a company form; the form is dropped. */
function dropTrailingForm(raw: RawToken[]): RawToken[] {
  if (raw.length < 3) return raw;
  const last = raw[raw.length - 1]!;
  if (last.lattice || !/^(sa|llc|ltd|gmbh|ag|inc|ooo|jsc|corp|plc|srl|bv)$/.test(last.ascii)) return raw;
  return raw.slice(0, -1);
}

/** Two consonants written together in a person name ("JC") are initials. */
function splitInitials(tokens: RawToken[]): RawToken[] {
  const out: RawToken[] = [];
  for (const t of tokens) {
    if (t.script === 'latin' && /^[bcdfghjklmnpqrstvwxz]{2}$/.test(t.ascii) && tokens.length > 1 && !TITLES.has(t.ascii)) {
      out.push({ ...t, ascii: t.ascii[0]! }, { ...t, ascii: t.ascii[1]! });
    } else out.push(t);
  }
  return out;
}

/** Every token is made here, so that all have one shape (fast property access). */
function makeToken(raw: RawToken, key: string, cls: TokenClass, weight: number, skel: string | undefined, alt: string[] | undefined): Token {
  return { ascii: raw.ascii, key, cls, weight, script: raw.script, skel, lattice: raw.lattice, alt, part: raw.part };
}

const DIGITS = /^\d+$/;
const OPENING_GIVEN_NAME = /^(ben|bin|ibn|bint)$/;

function classify(raw: RawToken, kind: 'person' | 'org', position: number): Token | undefined {
  const { ascii, script } = raw;
  if (raw.lattice) return makeToken(raw, raw.original ?? ascii, 'word', 1, undefined, undefined);
  const key = latinKey(ascii);
  if (!key) return undefined;
  const skel = isConsonantal(script) ? skeleton(ascii) : undefined;
  if (DIGITS.test(ascii)) return makeToken(raw, ascii, 'number', WEIGHTS.number, skel, undefined);
  if (kind === 'person') {
    if (ascii.length === 1) return makeToken(raw, ascii, 'initial', WEIGHTS.initial, skel, undefined);
    // "Ben Netanyahu": bin/ben/ibn opening a name is a given name, not a particle.
    if (PARTICLES.has(ascii) && !(position === 0 && OPENING_GIVEN_NAME.test(ascii))) return particle(raw, ascii, skel);
    if (isPatronymic(ascii)) return makeToken(raw, key, 'patronymic', WEIGHTS.patronymic, skel, undefined);
    return makeToken(raw, key, 'word', wordWeight(ascii), skel, script === 'greek' ? greekStem(key) : stems(key));
  }
  const translated = orgTermAlternates(key);
  const alt = translated ?? stems(key);
  if (GENERIC_ORG.has(key) || translated?.some((t) => GENERIC_ORG.has(t))) return makeToken(raw, key, 'generic', WEIGHTS.generic, skel, alt);
  if (LOCATIONS.has(key)) return makeToken(raw, key, 'location', WEIGHTS.location, skel, alt);
  if (PARTICLES.has(ascii) && ascii.length <= 3) return particle(raw, ascii, skel);
  const roman = position > 0 ? romanValue(ascii) : undefined;
  if (roman !== undefined && ascii.length <= 4) return makeToken(raw, String(roman), 'number', WEIGHTS.number, skel, undefined);
  return makeToken(raw, key, 'word', wordWeight(ascii), skel, alt);
}

/** Translations and expansions of an organisation word, both ways (завод ↔ plant, Int'l ↔ International). */
function orgTermAlternates(key: string): string[] | undefined {
  const out: string[] = [];
  const t = translateOrgTerm(key) ?? ABBREVIATIONS[key];
  if (t && t !== key) out.push(t);
  const back = sourceTermsOf(key);
  if (back) out.push(...back);
  return out.length ? out : undefined;
}

/** A particle's key is its canonical form, so bin = ibn = ben and al = el. */
function particle(raw: RawToken, ascii: string, skel: string | undefined): Token {
  return makeToken(raw, PARTICLE_EQUIVALENTS[ascii] ?? ascii, 'particle', WEIGHTS.particle, skel, undefined);
}

/** Greek nominative endings (Nikolaos, Georgios, Alexandros → Alexandr…), as alternate keys. */
function greekStem(key: string): string[] | undefined {
  const m = key.replace(/(os|is|as|ou)$/, '');
  return m !== key && m.length >= 4 ? [m] : undefined;
}

/** Russian adjective endings (Muromskiy → murom, Izhevskiy → izhevsk) as alternate keys. */
function stems(key: string): string[] | undefined {
  if (key.length < 7) return undefined;
  const out = new Set<string>();
  const m1 = key.replace(/(skii|skogo|skaia|skoe|ski|sk)$/, '');
  if (m1 !== key && m1.length >= 4) out.add(m1);
  const m2 = key.replace(/(ogo|aia|oe|ii|i)$/, '');
  if (m2 !== key && m2.length >= 4) out.add(m2);
  return out.size ? [...out] : undefined;
}

export interface PrepareOptions {
  kind: NameKind;
  part?: NamePart | undefined;
}

/** Prepares one name. `kind` says how to read it: person, organisation, or either ('any'). */
export function prepareName(text: string, opts: PrepareOptions): PreparedName {
  const forms: LegalFamily[] = [];
  let raw = rawTokens(text, opts.kind, forms, opts.part);
  const latinLike = raw.filter((r) => !r.lattice);
  const kind: 'person' | 'org' = decideKind(opts.kind, raw, forms);

  if (kind === 'org') {
    // Number words to digits ("Forty-Four" → 44), then legal forms out.
    if (latinLike.length === raw.length) {
      const digits = numberWordsToDigits(raw.map((r) => r.ascii));
      if (digits.length !== raw.length) raw = digits.map((ascii, i) => ({ ascii, script: raw[Math.min(i, raw.length - 1)]!.script, part: opts.part }));
      else raw = raw.map((r, i) => ({ ...r, ascii: digits[i]! }));
    }
    raw = expandTruncatedLast(splitGluedForm(raw));
    const keys = raw.map((r) => (r.lattice ? `\u0000${r.original ?? ''}` : latinKey(r.ascii)));
    const found = findLegalForms(keys);
    if (found.length && found.reduce((n, f) => n + f.end - f.start, 0) < raw.length) {
      const drop = new Set<number>();
      for (const f of found) {
        forms.push(f.family);
        for (let i = f.start; i < f.end; i++) drop.add(i);
      }
      raw = raw.filter((_, i) => !drop.has(i));
    }
  } else {
    raw = splitInitials(dropTrailingForm(raw));
  }

  let tokens: Token[] = [];
  const seen = new Set<string>();
  for (const r of raw) {
    if (!r.lattice && raw.length > 1) {
      if (kind === 'person' && TITLES.has(r.ascii)) continue;
      const numeral = kind === 'org' && tokens.length > 0 && romanValue(r.ascii) !== undefined;
      if (STOPWORDS.has(r.ascii) && (r.ascii.length > 1 || kind === 'org') && !numeral) continue;
    }
    const tok = classify(r, kind, tokens.length);
    if (!tok) continue;
    const dedupe = `${tok.key}|${tok.part ?? ''}`;
    if (seen.has(dedupe)) continue;
    seen.add(dedupe);
    tokens.push(tok);
  }
  if (tokens.length === 0 && raw.length > 0) {
    tokens = raw.map((r, i) => classify(r, kind, i)).filter((t): t is Token => !!t);
  }
  const weight = tokens.reduce((s, t) => s + t.weight, 0);
  return { text, kind, tokens, forms: [...new Set(forms)], weight, joined: tokens.map((t) => t.key).join(' '), sig: `${opts.kind}\u0001${opts.part ?? ''}\u0001${text}` };
}

function decideKind(kind: NameKind, raw: RawToken[], forms: LegalFamily[]): 'person' | 'org' {
  if (kind !== 'any') return kind;
  if (forms.length) return 'org';
  const keys = raw.map((r) => latinKey(r.ascii));
  if (findLegalForms(keys).length) return 'org';
  if (keys.some((k) => GENERIC_ORG.has(k))) return 'org';
  return 'person';
}

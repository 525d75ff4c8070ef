/** Small helpers shared by the extractors: regex scanning with offsets, cue windows, clean-up. */
import type { Span } from './types.js';

/** Every match of a global regex, with its index (the regex's lastIndex is reset). */
export function matches(re: RegExp, text: string): RegExpExecArray[] {
  if (!re.global) throw new Error(`regex ${re} must be global`);
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (m[0].length === 0) re.lastIndex++;
    else out.push(m);
  }
  return out;
}

/** The text of the same line before `at`, at most `width` characters. */
export function before(text: string, at: number, width: number): string {
  const from = Math.max(0, at - width);
  const chunk = text.slice(from, at);
  const nl = chunk.lastIndexOf('\n');
  return nl >= 0 ? chunk.slice(nl + 1) : chunk;
}

/** The text of the same line after `at`, at most `width` characters. */
export function after(text: string, at: number, width: number): string {
  const chunk = text.slice(at, at + width);
  const nl = chunk.indexOf('\n');
  return nl >= 0 ? chunk.slice(0, nl) : chunk;
}

/** Quotes of every kind folded away and whitespace collapsed: a name's normalised value. */
export function cleanName(text: string): string {
  return text
    .replace(/[«»"“”„‟‘’‚'「」『』]/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/\s+([,.)])/g, '$1')
    .trim();
}

export function span(kind: Span['kind'], text: string, start: number, value: string, confidence: number): Span {
  return { kind, text, start, end: start + text.length, value, confidence };
}

/** Shrinks a span to drop leading and trailing whitespace and the given edge characters. */
export function trimSpan(text: string, start: number, end: number, edge = /[\s,;:]/): [number, number] {
  while (start < end && edge.test(text[start]!)) start++;
  while (end > start && edge.test(text[end - 1]!)) end--;
  return [start, end];
}

/**
 * Word boundaries for alphabetic scripts (Latin, Cyrillic) and digits. Chinese text has no
 * spaces, so a Han character next to a Latin or numeric token is a boundary: 航班号CA910.
 */
export const ALNUM = 'A-Za-z\\u00C0-\\u024F\\u0400-\\u04FF0-9';
export const LB = `(?<![${ALNUM}])`;
export const RB = `(?![${ALNUM}])`;

const CYRILLIC = /[\u0400-\u04FF]/;
const HAN = /\p{Script=Han}/u;
const LATIN = /[A-Za-z]/;

/** Which scripts a text has: extractors skip the patterns of scripts that are absent. */
export interface Scripts {
  cyrillic: boolean;
  han: boolean;
  latin: boolean;
}

let lastText: string | undefined;
let lastScripts: Scripts = { cyrillic: false, han: false, latin: false };

export function scriptsOf(text: string): Scripts {
  if (text === lastText) return lastScripts;
  lastText = text;
  lastScripts = { cyrillic: CYRILLIC.test(text), han: HAN.test(text), latin: LATIN.test(text) };
  return lastScripts;
}

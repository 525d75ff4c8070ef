/**
 * Product model numbers. The patterns are configurable (a list of regular expressions); the
 * defaults catch how the drone industry names its products: the families of this domain
 * (DJI Mavic 3, Orlan-10, Lancet-3, Орлан-10, ZALA 421-16E), and the generic shapes of part
 * and model numbers — letters and digits (A140, HW52V), with hyphens (GA-21, T-720-B) — at
 * lower confidence unless a cue stands before them (model, модель, 型号, P/N, артикул).
 */
import { ALNUM, before, matches, span } from './scan.js';
import type { Span } from './types.js';

export interface ModelPattern {
  pattern: RegExp;
  confidence: number;
}

const B = `(?<![${ALNUM}_\\-])`;
const E = `(?![${ALNUM}_])`;
export const DEFAULT_MODEL_PATTERNS: readonly ModelPattern[] = [
  {
    pattern: new RegExp(`${B}DJI\\s(?:Mavic|Matrice|Phantom|Mini|Air|Avata|Agras|Inspire|FPV|Zenmuse)(?:\\s(?:\\d{1,3}[A-Z]?|[A-Z]{1,2}\\d{1,3}[A-Z]?))?(?:\\s(?:Pro|Classic|Enterprise|Thermal|RTK|Cine|Advanced))?${E}`, 'gu'),
    confidence: 0.9,
  },
  {
    pattern: new RegExp(
      `${B}(?:Orlan|Lancet|Geran|Shahed|Eleron|ZALA|Zala|Supercam|SuperCam|Forpost|Orion|Granat|Kub|Tachyon|Орлан|Ланцет|Герань|Элерон|Гранат|Форпост|Орион|Тахион|Куб)[\\s-]?\\d{1,3}[A-ZА-Я]?(?:-\\d{1,3}[A-ZА-Я]?)?${E}`,
      'gu',
    ),
    confidence: 0.9,
  },
  { pattern: new RegExp(`${B}[A-Z]{1,4}\\d{2,5}[A-Z]{0,3}${E}`, 'gu'), confidence: 0.5 },
  { pattern: new RegExp(`${B}[A-Z]{1,4}-\\d{1,5}[A-Z]{0,3}(?:-[A-Z0-9]{1,5})*${E}`, 'gu'), confidence: 0.5 },
  { pattern: new RegExp(`${B}(?=[A-Z0-9-]*[A-Z])(?=[A-Z0-9-]*\\d)[A-Z0-9]{1,6}(?:-[A-Z0-9]{1,6}){1,3}${E}`, 'gu'), confidence: 0.45 },
];

const CUE = /(?:model|модел[а-яё]*|型号|P\/N|part\s*(?:no\.?|number)|артикул|изделие|item)[\s:：#№.]*$/iu;
/** A generic shape after these is a document or reference number, not a model. */
const NUMBER_CUE = /(?:No\.?|Nr\.?|№|#|invoice|ref\.?|reference|contract|order|счёт|счет|договор|заказ|编号|单号)[\s:：]*$/iu;
/** Codes that have the shape of a model number but are something else. */
const NOT_MODELS = /^(?:ISO|GOST|ГОСТ|COVID|HS|TN|USD|EUR|RUB|CNY|RMB|IMO|INN|OGRN|UTC|GMT)[\s-]?\d/u;

/** Compiles user patterns (the CLI's --models); a bad pattern is the caller's usage error. */
export function modelPatterns(sources: readonly string[], confidence = 0.8): ModelPattern[] {
  return sources.map((s) => ({ pattern: new RegExp(s, 'gu'), confidence }));
}

export function extractModels(text: string, patterns: readonly ModelPattern[] = DEFAULT_MODEL_PATTERNS): Span[] {
  // One span once, at the confidence of the most specific pattern that found it.
  const out = new Map<string, Span>();
  for (const { pattern, confidence } of patterns) {
    const re = pattern.global ? pattern : new RegExp(pattern.source, `${pattern.flags}g`);
    for (const m of matches(re, text)) {
      if (m[0].length < 3 || NOT_MODELS.test(m[0])) continue;
      const preceding = before(text, m.index, 24);
      const cue = CUE.test(preceding);
      if (!cue && confidence < 0.8 && NUMBER_CUE.test(preceding)) continue;
      const found = span('model', m[0], m.index, m[0].replace(/\s+/g, ' '), cue ? Math.max(confidence, 0.8) : confidence);
      const key = `${found.start}:${found.end}`;
      if ((out.get(key)?.confidence ?? -1) < found.confidence) out.set(key, found);
    }
  }
  return [...out.values()];
}

/**
 * HS codes after their cue ("HS", "HS code", "H.S.", "ТН ВЭД", "код ТН ВЭД (ЕАЭС)", "海关编码",
 * "HS编码", "商品编码", "税则号"): the WCO Harmonized System's 4- and 6-digit headings and
 * subheadings (chapters 01–97), and the national extensions to 8 and 10 digits (the EAEU's
 * TN VED, 10 digits, written 8806 22 000 0; China's 10-digit tariff codes; the US HTS,
 * 8806.22.0000). A cue may head a list: "HS 8806.22, 8526.91 and 8807.30".
 * Without a cue a dotted number is too often a price to be read as a code.
 */
import { matches, span } from './scan.js';
import type { Span } from './types.js';

const CUE = /(?<![\p{L}])(?:HS\s?编码|HS|H\.S\.|HTS|Harmonized\s+(?:System|Tariff)(?:\s+Schedule)?|(?:код\s+)?ТН\s?ВЭД(?:\s+(?:ЕАЭС|ТС))?|海关编码|海关商品编码|商品编码|税则号列?)(?:\s*(?:code|codes|No\.?|number|subheading|heading|код|коды|кода))?[\s:：#№.\-()]*/giu;
/** 4 digits, then groups of 2, 2–4, 1–2 with an optional dot or space between. */
const CODE = /^(\d{4})(?:([.\s]?)(\d{2}))?(?:([.\s]?)(\d{2,4}))?(?:([.\s]?)(\d{1,2}))?(?![\p{N}])/u;
const LIST_SEP = /^(?:\s*[,;/、，]\s*|\s+(?:и|and|или|or|及|和)\s+|\s*[,，]\s*(?:и|and)\s+)/u;
const HS_LENGTHS = new Set([4, 6, 8, 10]);

function codeAt(text: string, at: number): [number, string] | null {
  const m = CODE.exec(text.slice(at, at + 16));
  if (!m) return null;
  // Drop trailing groups until the digits make a valid HS length.
  const groups: Array<[string, string]> = [['', m[1]!]];
  for (let g = 2; g < m.length; g += 2) if (m[g + 1] !== undefined) groups.push([m[g]!, m[g + 1]!]);
  while (groups.length) {
    const digits = groups.map((g) => g[1]).join('');
    const length = groups.reduce((n, g) => n + g[0].length + g[1].length, 0);
    const chapter = Number(digits.slice(0, 2));
    if (HS_LENGTHS.has(digits.length) && chapter >= 1 && chapter <= 97 && chapter !== 77) return [length, digits];
    groups.pop();
  }
  return null;
}

export function extractHsCodes(text: string): Span[] {
  const out: Span[] = [];
  for (const m of matches(CUE, text)) {
    let at = m.index + m[0].length;
    for (let n = 0; n < 20; n++) {
      const code = codeAt(text, at);
      if (!code) break;
      const [length, digits] = code;
      out.push(span('hs_code', text.slice(at, at + length), at, digits, 0.9));
      at += length;
      const sep = LIST_SEP.exec(text.slice(at, at + 8));
      if (!sep) break;
      at += sep[0].length;
    }
  }
  return out;
}

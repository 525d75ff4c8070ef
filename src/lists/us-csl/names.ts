/**
 * Name clean-up for the CSL's own quirks: the Commerce (BIS) lists' names reach the CSL with
 * typographic quotes and apostrophes turned into "?" ("Academy?s", "AO ?Morye?"); alternate
 * names of the Entity List are joined with "; and " and carry "f.k.a." prefixes; some names
 * end with "and any successor, sub-unit, or subsidiary thereof".
 */

const SUCCESSOR = /,?\s+and any successors?, sub-units?,? or subsidiar(?:y|ies) thereof\.?$/i;

/** Undoes the "?" for lost quotes: "Academy?s" → "Academy's", other "?" → space. */
export function repairQuotes(name: string): string {
  if (!name.includes('?')) return name;
  return name
    .replace(/(\p{L})\?(s\b)/gu, "$1'$2")
    .replace(/\?/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export interface CleanName {
  name: string;
  /** Set when the listed text was changed. */
  original?: string;
}

export function cleanName(raw: string, lostQuotes: boolean): CleanName {
  let name = raw.trim().replace(SUCCESSOR, '');
  if (lostQuotes) name = repairQuotes(name);
  return name === raw.trim() ? { name } : { name, original: raw.trim() };
}

export interface AltName {
  prop: 'alias' | 'previousName';
  name: string;
}

/** One alternate name: "and " from the "; and " separator dropped, "f.k.a." → previousName. */
export function altName(raw: string, lostQuotes: boolean): AltName | undefined {
  let text = raw.trim().replace(/^and\s+/i, '');
  let prop: AltName['prop'] = 'alias';
  const fka = text.match(/^(?:f\.k\.a\.?|formerly known as)[\s,:]+/i);
  if (fka) {
    prop = 'previousName';
    text = text.slice(fka[0].length);
  } else {
    text = text.replace(/^a\.k\.a\.?[\s,:]+/i, '');
  }
  const { name } = cleanName(text, lostQuotes);
  return name ? { prop, name } : undefined;
}

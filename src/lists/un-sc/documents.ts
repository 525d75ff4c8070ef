/**
 * INDIVIDUAL_DOCUMENT of the UN SC list: TYPE_OF_DOCUMENT is "Passport" or "National
 * Identification Number" (and French/Spanish spellings of passport); TYPE_OF_DOCUMENT2 is
 * free text that refines it ("Birth certificate", "Italian Fiscal Code:", "national passport").
 * Decides which FtM property the number belongs to.
 */

export type DocumentKind = 'passport' | 'national_id' | 'ssn' | 'tax' | 'other';

export interface DocumentClass {
  kind: DocumentKind;
  /** The document type to show: the refined type when it says something, else the main type. */
  label: string;
}

const PASSPORT = /pass?e?port|pasaporte/i;
const SSN = /social security/i;
const TAX = /fiscal code|tax (?:id|number|code)|\bNIF\b/i;
// Documents that identify a person but are not a national identity document.
const OTHER = /birth certificate|ration card|driver|voter|student|military|serviceman|residential card|certificate of|other id|FARDC/i;
const NATIONAL_ID = /identi|national number|personal identification|civil|tazkira|Bundespersonalausweis/i;

function classify(type: string): DocumentKind | undefined {
  if (!type) return undefined;
  if (SSN.test(type)) return 'ssn';
  if (TAX.test(type)) return 'tax';
  if (OTHER.test(type)) return 'other';
  if (PASSPORT.test(type)) return 'passport';
  if (NATIONAL_ID.test(type)) return 'national_id';
  return undefined;
}

/** Strips the trailing colon of labels such as "Ration card number:". */
const tidy = (type: string) => type.replace(/\s*:\s*$/, '');

export function classifyDocument(type: string, type2: string): DocumentClass {
  const refined = classify(type2);
  if (refined) return { kind: refined, label: tidy(type2) };
  return { kind: classify(type) ?? 'other', label: tidy(type) || tidy(type2) || 'Identification' };
}

/** The root property the number goes to, if any (other documents stay on their Identification only). */
export function numberProperty(kind: DocumentKind): string | undefined {
  switch (kind) {
    case 'passport':
      return 'passportNumber';
    case 'national_id':
      return 'idNumber';
    case 'ssn':
      return 'socialSecurityNumber';
    case 'tax':
      return 'taxNumber';
    default:
      return undefined;
  }
}

/**
 * The `Other Information` cell of the OFSI Consolidated List. Since 2022 OFSI writes it as
 * labelled parts, `(UK Sanctions List Ref):RUS0123. (UK Statement of Reasons):… (Gender):Male`;
 * older files hold free text with `UN Ref QI.A.86.03.`. Only the labels below start a part, so
 * brackets inside the text (`resolution 2662 (2022):`) stay part of the value.
 */

export const OTHER_INFO_LABELS = [
  'UK Sanctions List Ref',
  'UK Statement of Reasons',
  'UN Ref',
  'Gender',
  'Type of entity',
  'Subsidiaries',
  'Parent company',
  'Business Reg No',
  'Phone number',
  'Tel',
  'Fax',
  'Website',
  'Email address',
  'IMO number',
  'Flag of ship',
  'Previous flags',
  'Type of ship',
  'Tonnage of ship',
  'Length of ship',
  'Year built',
  'Current owners',
  'non-Latin script',
] as const;

export type OtherInfoLabel = (typeof OTHER_INFO_LABELS)[number];

export interface OtherInformation {
  /** Labelled parts, in order; a label may repeat. */
  parts: Array<{ label: OtherInfoLabel; value: string }>;
  /** Text before the first label (all of it in old files). */
  lead: string;
}

const LABEL_RE = new RegExp(`\\((${OTHER_INFO_LABELS.map((l) => l.replace(/[-/\\^$*+?.()|[\]{}]/g, '\\$&')).join('|')})\\)\\s*:`, 'g');

export function parseOtherInformation(text: string): OtherInformation {
  const parts: OtherInformation['parts'] = [];
  const matches = [...text.matchAll(LABEL_RE)];
  const lead = (matches[0] ? text.slice(0, matches[0].index) : text).trim();
  matches.forEach((m, i) => {
    const end = i + 1 < matches.length ? matches[i + 1]!.index : text.length;
    const value = text.slice(m.index + m[0].length, end).trim();
    if (value) parts.push({ label: m[1] as OtherInfoLabel, value });
  });
  return { parts, lead };
}

/** `RUS0123` from `RUS0123. Financial sanctions imposed…`. */
export function ukListRef(value: string): string | undefined {
  return value.match(/^\s*([A-Z]{2,4}\d{3,5})\b/)?.[1];
}

/** UN reference numbers: `QDi.028` (current) or `QI.A.86.03`, `E.29.I.11` (old). */
export function unReference(value: string): string | undefined {
  const m = value.match(/^\s*([A-Za-z]{1,4}(?:\.[A-Za-z0-9]{1,4}){1,4})(?=[.\s,;]|$)/);
  return m?.[1];
}

/** A UN reference in old free text: `UN Ref QI.A.86.03.`, `UN REF:QE.A.146.14.`. */
export function unReferenceInText(text: string): string | undefined {
  const m = text.match(/\bUN\s+Ref(?:erence)?\s*(?:No\.?)?\s*:?\s*([A-Za-z]{1,4}(?:\.[A-Za-z0-9]{1,4}){1,4})/i);
  return m?.[1];
}

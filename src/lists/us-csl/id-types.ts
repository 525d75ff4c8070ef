/**
 * Identifier labels found in the CSL's `ids` (2022-05 consolidated.csv) that the shared OFAC
 * table (ofac-common/identifiers.ts) does not know yet. Same idea as that table: a label to
 * the FtM property it fills; `note` keeps "label: value" in the root's notes, `provisions`
 * in the Sanction's provisions.
 */

export type LocalIdAction =
  | { kind: 'prop'; prop: string; ident?: 'Identification' | 'Passport' }
  | { kind: 'note' }
  | { kind: 'provisions' };

const TABLE: Array<[RegExp, LocalIdAction]> = [
  [/^stateless person passport$/, { kind: 'prop', prop: 'passportNumber', ident: 'Passport' }],
  [
    /^(stateless person id card|bosnian personal id no|moroccan personal id no|romanian permanent resident|public security and immigration no|seafarer'?s identification document|uae identification|pilot license number)$/,
    { kind: 'prop', prop: 'idNumber', ident: 'Identification' },
  ],
  [/^(italian fiscal code|fiscal code|romanian tax registration|rsin)$/, { kind: 'prop', prop: 'taxNumber', ident: 'Identification' }],
  [/^(msb registration number|tourism license no)$/, { kind: 'prop', prop: 'registrationNumber', ident: 'Identification' }],
  [/^registration country$/, { kind: 'prop', prop: 'jurisdiction' }],
  [/^other vessel call sign$/, { kind: 'prop', prop: 'callSign' }],
  [/^other vessel type$/, { kind: 'prop', prop: 'pastTypes' }],
  [/^aircraft serial identification$/, { kind: 'prop', prop: 'serialNumber' }],
  [/^(purchase\/sales for divestment date.*|peesa information)$/, { kind: 'provisions' }],
  [/^(isin|issuer name|equity ticker|chinese commercial code|micex code|un\/locode|serial no)$/, { kind: 'note' }],
];

export function localIdAction(label: string): LocalIdAction | undefined {
  const norm = label.toLowerCase().replace(/\s+/g, ' ').replace(/[\s:#.\-–]+$/g, '').trim();
  for (const [re, action] of TABLE) if (re.test(norm)) return action;
  return undefined;
}

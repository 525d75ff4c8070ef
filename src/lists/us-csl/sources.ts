/**
 * The lists the Consolidated Screening List merges, read from its `source` column
 * (e.g. "Entity List (EL) - Bureau of Industry and Security"): the short list code in
 * parentheses, the list's name and the agency after the dash. The codes are the ones the
 * source strings of trade.gov's consolidated.csv carry (2022-05 file) and that the CSL API
 * accepts in its `sources` parameter (https://developer.trade.gov/consolidated-screening-list).
 */

export interface CslList {
  /** Short code: SDN, EL, DPL, UVL, ISN, MEU, DTC, SSI, FSE, PLC, CAP, CMIC, NS-MBS. */
  code: string;
  /** The list's name without the code, e.g. "Entity List". */
  name: string;
  /** The publishing agency, e.g. "Bureau of Industry and Security"; empty when the string has none. */
  agency: string;
  /** FtM topics for the listed party. */
  topics: string[];
}

/** Export-control lists (Commerce BIS, State DDTC) as opposed to sanctions programmes. */
const EXPORT_CONTROL = new Set(['EL', 'DPL', 'UVL', 'MEU', 'DTC']);

/** Source strings seen without a parenthesised code, or with one that differs from the API's. */
const CODE_BY_NAME: Array<[RegExp, string]> = [
  [/^specially designated nationals/i, 'SDN'],
  [/^entity list/i, 'EL'],
  [/^denied persons/i, 'DPL'],
  [/^unverified list/i, 'UVL'],
  [/^military end.user/i, 'MEU'],
  [/^itar debarred/i, 'DTC'],
  [/^nonproliferation sanctions/i, 'ISN'],
  [/^sectoral sanctions/i, 'SSI'],
  [/^foreign sanctions evaders/i, 'FSE'],
  [/^palestinian legislative council/i, 'PLC'],
  [/^(capta|correspondent account)/i, 'CAP'],
  [/^non-sdn chinese military/i, 'CMIC'],
  [/^non-sdn menu-based/i, 'NS-MBS'],
];

/** Splits a CSL `source` string into code, list name and agency. Undefined code → null. */
export function cslList(source: string): CslList | null {
  const text = source.trim().replace(/\s+/g, ' ');
  if (!text) return null;
  const dash = text.lastIndexOf(' - ');
  const listPart = dash >= 0 ? text.slice(0, dash).trim() : text;
  const agency = dash >= 0 ? text.slice(dash + 3).trim() : '';
  const paren = listPart.match(/\(([^()]+)\)/);
  let code = paren ? paren[1]!.trim().replace(/\s+List$/i, '') : undefined;
  for (const [re, c] of CODE_BY_NAME) {
    if (re.test(listPart)) {
      code ??= c;
      break;
    }
  }
  if (!code) return null;
  const name = listPart.replace(/\s*\([^()]*\)\s*/g, ' ').replace(/\s+/g, ' ').trim();
  const topics = ['sanction'];
  if (EXPORT_CONTROL.has(code)) topics.push('export.control');
  return { code, name, agency, topics };
}

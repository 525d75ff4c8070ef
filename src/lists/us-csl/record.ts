/**
 * One Consolidated Screening List entry in a form shared by the CSV and the JSON readers,
 * with the field names of trade.gov's CSL (consolidated.csv header / consolidated.json
 * `results[]` keys, https://developer.trade.gov/consolidated-screening-list).
 */

export interface CslId {
  type: string;
  number: string;
  country?: string | undefined;
  issueDate?: string | undefined;
  expirationDate?: string | undefined;
  /** A date the CSV gives without saying whether it is the issue or the expiration date. */
  date?: string | undefined;
}

export interface CslAddress {
  /** The CSV's address text (everything but the trailing country code). */
  full?: string | undefined;
  /** The JSON's `address` (street) field. */
  street?: string | undefined;
  city?: string | undefined;
  state?: string | undefined;
  postalCode?: string | undefined;
  /** ISO 3166 alpha-2 code as the CSL writes it. */
  country?: string | undefined;
}

export interface CslRecord {
  /** `_id` (CSV) or `id` (JSON): OFAC's entity number for Treasury lists, a hex hash for the others. */
  id: string;
  source: string;
  entityNumber: string;
  type: string;
  programs: string[];
  name: string;
  title: string;
  addresses: CslAddress[];
  federalRegisterNotice: string;
  startDate: string;
  endDate: string;
  standardOrder: string;
  licenseRequirement: string;
  licensePolicy: string;
  callSign: string;
  vesselType: string;
  grossTonnage: string;
  grossRegisteredTonnage: string;
  vesselFlag: string;
  vesselOwner: string;
  remarks: string;
  sourceListUrl: string;
  sourceInformationUrl: string;
  altNames: string[];
  citizenships: string[];
  datesOfBirth: string[];
  nationalities: string[];
  placesOfBirth: string[];
  ids: CslId[];
}

/** A problem found while reading one record: reported as an issue, the record goes on. */
export type RecordProblem = (code: string, message: string) => void;

export function emptyRecord(): CslRecord {
  return {
    id: '',
    source: '',
    entityNumber: '',
    type: '',
    programs: [],
    name: '',
    title: '',
    addresses: [],
    federalRegisterNotice: '',
    startDate: '',
    endDate: '',
    standardOrder: '',
    licenseRequirement: '',
    licensePolicy: '',
    callSign: '',
    vesselType: '',
    grossTonnage: '',
    grossRegisteredTonnage: '',
    vesselFlag: '',
    vesselOwner: '',
    remarks: '',
    sourceListUrl: '',
    sourceInformationUrl: '',
    altNames: [],
    citizenships: [],
    datesOfBirth: [],
    nationalities: [],
    placesOfBirth: [],
    ids: [],
  };
}

/** Splits a CSL multi-valued cell ("a; b; c"). */
export function splitMulti(cell: string): string[] {
  return cell
    .split(/;\s+|;$/)
    .map((s) => s.trim())
    .filter(Boolean);
}

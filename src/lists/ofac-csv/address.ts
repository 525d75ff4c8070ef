/**
 * OFAC's add.csv puts city, state/province and postal code in one field
 * ("Izhevsk, Udmurtia Republic 426033", "London EC3N 1DY", "Mexico City C.P. 11830").
 * This splits it conservatively; the full text is kept unchanged in the address's `full`.
 */
import { countryCode } from '../../model/index.js';
import type { AddressParts } from '../bundle.js';
import { ofacCountry } from '../ofac-common/index.js';

/** Trailing tokens that contain a digit (at most two: "EC3N 1DY"), with an optional "C.P." / "CP" before them. */
const POSTAL = /^(.*?\D)[\s,]+(?:C\.?P\.?\s+)?((?:[A-Z]{0,3}-?[A-Z0-9-]*\d[A-Z0-9-]*)(?:\s+[A-Z0-9]*\d[A-Z0-9]*)?)$/i;

export function splitCityField(text: string): Pick<AddressParts, 'city' | 'region' | 'postalCode'> {
  let rest = text.trim();
  if (!rest) return {};
  let postalCode: string | undefined;
  const m = rest.match(POSTAL);
  if (m && /\p{L}/u.test(m[1]!)) {
    postalCode = m[2]!;
    rest = m[1]!.replace(/[\s,]+$/, '').replace(/\s+C\.?P\.?$/i, '');
  }
  const parts = rest.split(',').map((p) => p.trim()).filter(Boolean);
  const city = parts[0];
  const region = parts.length > 1 ? parts.slice(1).join(', ') : undefined;
  return { city, region, postalCode };
}

export interface AddRecord {
  address: string;
  cityField: string;
  country: string;
  remarks: string;
}

/**
 * An add.csv row whose fields are all `-0-` (2,652 of the 18,990 rows of the SDN add.csv of
 * 2023-12-28): it says nothing, so it gives no Address and no `addressEntity` link.
 */
export function isEmptyAddRecord(r: AddRecord): boolean {
  return !r.address && !r.cityField && !r.country && !r.remarks;
}

export function addressParts(r: AddRecord): AddressParts {
  // A country alone is no address text: it stays in `country` only.
  const full = r.address || r.cityField ? [r.address, r.cityField, r.country].filter(Boolean).join(', ') : '';
  const parts: AddressParts = {
    full: full || undefined,
    street: r.address || undefined,
    ...splitCityField(r.cityField),
    country: r.country || undefined,
    remarks: r.remarks || undefined,
  };
  // The Country column also holds disputed areas: "Region: Gaza", "Region: Kafia Kingi".
  const region = r.country.match(/^region:\s*(.+)$/i)?.[1];
  if (region) parts.region = parts.region ? `${parts.region}, ${region}` : region;
  const country = r.country ? ofacCountry(r.country) : undefined;
  parts.country = region && country && !countryCode(country) ? undefined : country;
  return parts;
}

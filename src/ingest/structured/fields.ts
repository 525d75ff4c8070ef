/**
 * The fields a mapping can fill, per kind of record, and how each value is read (its type).
 * Party fields are `<role>.<part>` (`shipper.name`, `consignee.inn`); line-item fields of a
 * shipment are `item.<name>`.
 */
export type RecordKind = 'trade' | 'ownership' | 'directorship' | 'travel';

export type FieldType =
  | 'name' // a party or person name (hostile-text checks)
  | 'text' // free text
  | 'id' // an identifier as written
  | 'inn' | 'ogrn' | 'uscc' // checked company identifiers
  | 'date'
  | 'number'
  | 'percent'
  | 'integer'
  | 'country'
  | 'hs'
  | 'currency'
  | 'transport'
  | 'unit'
  | 'partyType'
  | 'recordKind';

export const COMPANY_PARTS: Record<string, FieldType> = {
  name: 'name',
  country: 'country',
  address: 'text',
  inn: 'inn',
  ogrn: 'ogrn',
  uscc: 'uscc',
  /** A company number of any kind: an INN, OGRN or USCC is recognised by its check digits. */
  id: 'id',
  registrationNumber: 'id',
  taxNumber: 'id',
};

export const PERSON_PARTS: Record<string, FieldType> = {
  name: 'name',
  country: 'country',
  address: 'text',
  birthDate: 'date',
  nationality: 'country',
  passport: 'id',
  inn: 'inn',
  taxNumber: 'id',
};

/** A party that may be a person or an organisation (owners, directors). */
export const ANY_PARTY_PARTS: Record<string, FieldType> = { ...COMPANY_PARTS, ...PERSON_PARTS, type: 'partyType' };

export const TRADE_ROLES = ['shipper', 'consignee', 'notifyParty', 'declarant', 'forwarder'] as const;
export type TradeRole = (typeof TRADE_ROLES)[number];

const withParts = (role: string, parts: Record<string, FieldType>) => Object.fromEntries(Object.entries(parts).map(([p, t]) => [`${role}.${p}`, t]));

export const TRADE_FIELDS: Record<string, FieldType> = {
  ...Object.assign({}, ...TRADE_ROLES.map((r) => withParts(r, COMPANY_PARTS))),
  date: 'date',
  declarationNumber: 'id',
  waybillNumber: 'id',
  transportMode: 'transport',
  transportId: 'id',
  originCountry: 'country',
  dispatchCountry: 'country',
  destinationCountry: 'country',
  transitCountry: 'country',
  portOfLoading: 'text',
  portOfDischarge: 'text',
  totalValue: 'number',
  currency: 'currency',
  grossWeight: 'number',
  'item.lineNumber': 'integer',
  'item.hsCode': 'hs',
  'item.goodsDescription': 'text',
  'item.brand': 'text',
  'item.model': 'text',
  'item.quantity': 'number',
  'item.unit': 'unit',
  'item.netWeight': 'number',
  'item.grossWeight': 'number',
  'item.value': 'number',
  'item.currency': 'currency',
  'item.originCountry': 'country',
};

const RELATION_COMMON: Record<string, FieldType> = { recordId: 'id', startDate: 'date', endDate: 'date' };

export const OWNERSHIP_FIELDS: Record<string, FieldType> = {
  ...withParts('owner', ANY_PARTY_PARTS),
  ...withParts('asset', ANY_PARTY_PARTS),
  ...RELATION_COMMON,
  percentage: 'percent',
  shares: 'number',
  ownershipType: 'text',
};

export const DIRECTORSHIP_FIELDS: Record<string, FieldType> = {
  ...withParts('director', ANY_PARTY_PARTS),
  ...withParts('organization', ANY_PARTY_PARTS),
  ...RELATION_COMMON,
  role: 'text',
};

/** An ownership mapping may hold directorships too, told apart per row by `kind`. */
export const OWNERSHIP_MAPPING_FIELDS: Record<string, FieldType> = { ...OWNERSHIP_FIELDS, ...DIRECTORSHIP_FIELDS, kind: 'recordKind' };

export const TRAVEL_FIELDS: Record<string, FieldType> = {
  recordId: 'id',
  ...withParts('traveler', PERSON_PARTS),
  companions: 'name',
  ...withParts('host', COMPANY_PARTS),
  ...withParts('employer', COMPANY_PARTS),
  fromPlace: 'text',
  toPlace: 'text',
  fromCountry: 'country',
  toCountry: 'country',
  departureDate: 'date',
  arrivalDate: 'date',
  flightNumber: 'id',
  carrier: 'text',
  bookingReference: 'id',
  purpose: 'text',
};

export const FIELDS_BY_KIND: Record<RecordKind, Record<string, FieldType>> = {
  trade: TRADE_FIELDS,
  ownership: OWNERSHIP_MAPPING_FIELDS,
  directorship: DIRECTORSHIP_FIELDS,
  travel: TRAVEL_FIELDS,
};

/** Fields without which a record is not loaded (reported as `missing_party`). */
export const REQUIRED_FIELDS: Record<RecordKind, readonly string[]> = {
  trade: ['shipper.name', 'consignee.name'],
  ownership: ['owner.name', 'asset.name'],
  directorship: ['director.name', 'organization.name'],
  travel: ['traveler.name'],
};

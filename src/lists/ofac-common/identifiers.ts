/**
 * OFAC's identifier types (the `idType` of sdn.xml's idList, the "<type> <number> (<country>)"
 * clauses of the legacy CSV remarks, and the `ids` column of the US CSL) mapped to FtM
 * properties. Source: OFAC SDN XML schema (sdn.xsd, idList/id/idType) and the type labels
 * found in the published files; FtM property names from followthemoney's LegalEntity, Person,
 * Vessel and Airplane schemata.
 */
import { Entity, countryCode, hashId, parseDate } from '../../model/index.js';
import type { ValueMeta } from '../../model/index.js';
import type { BundleBuilder } from '../bundle.js';

type Action =
  | { kind: 'prop'; prop: string; ident?: 'Identification' | 'Passport' }
  | { kind: 'date'; prop: string }
  | { kind: 'sanction'; prop: 'provisions' | 'listingDate' | 'startDate' | 'status' | 'reason' | 'summary' }
  | { kind: 'crypto' }
  | { kind: 'note' };

const P = (prop: string, ident?: 'Identification' | 'Passport'): Action => (ident ? { kind: 'prop', prop, ident } : { kind: 'prop', prop });

/** Labels in lower case, without trailing ':' '-' '#' or '.'. */
const TABLE: Array<[RegExp, Action]> = [
  [/^(tax id no|tax id|inn|taxpayer identification number|n\.?i\.?t|nit|r\.?f\.?c|rfc|ruc|rif|c\.?u\.?i\.?t|cuit|us fein|tin|paraguayan tax identification number|numero unico de identificacao tributaria.*|c\.?i\.?f)$/, P('taxNumber', 'Identification')],
  [/^(registration number|registration id|business registration number|business registration document|company number|uk company number|commercial registry number|public registration number|c\.?r\.? no|romanian c\.?r|business number|chamber of commerce number|enterprise number|trade license no|folio mercantil no|matricula mercantil no|central registration system number|istanbul chamber of comm\.? no|economic register number \(cbls\)|certificate of incorporation number|branch unit number|registered charity no|dubai chamber of commerce membership no|organization code|le number|file number)$/, P('registrationNumber', 'Identification')],
  [/^(license|afghan money service provider license number|permit number)$/, P('licenseNumber', 'Identification')],
  [/^(unified social credit code \(uscc\)|united social credit code certificate \(usccc\)|uscc)$/, P('registrationNumber', 'Identification')],
  [/^government gazette number$/, P('okpoCode', 'Identification')],
  [/^(passport|diplomatic passport|passport booklet|british national overseas passport|travel document number)$/, P('passportNumber', 'Passport')],
  [/^(national id no|national id number|national foreign id number|identification number|cedula no|c\.?u\.?r\.?p|d\.?n\.?i|c\.?u\.?i|c\.?u\.?i\.?p|i\.?f\.?e|credencial electoral|electoral registry no|birth certificate number|driver'?s license no|personal id card|citizen'?s card number|residency number|turkish identification number|numero de identidad|cartilla de servicio militar nacional|rtn|ssn|n\.?i\.?e|kenyan id no|refugee id card|tazkira national id card|military registration number|immigration no|visanumberid|sre permit no|cnp \(personal numerical code\)|identity card|id card)$/, P('idNumber', 'Identification')],
  [/^(italian fiscal code|fiscal code|codice fiscale|romanian tax registration|n\.?i\.?f|rsin)$/, P('taxNumber', 'Identification')],
  [/^(c\.?i\.?n|registration certificate number \(dubai\)|russian state individual business registration number pattern \(ogrnip\))$/, P('registrationNumber', 'Identification')],
  [/^(pilot license number|tourism license no|msb registration number)$/, P('licenseNumber', 'Identification')],
  [/^stateless person passport$/, P('passportNumber', 'Passport')],
  [/^(uae identification|moroccan personal id no|bosnian personal id no|stateless person id card|public security and immigration no|seafarer'?s identification document|romanian permanent resident)$/, P('idNumber', 'Identification')],
  [/^(v\.?a\.?t\.? number|vat number)$/, P('vatCode', 'Identification')],
  [/^swift\/bic$/, P('swiftBic')],
  [/^isin$/, P('isinCode')],
  [/^equity ticker$/, P('ticker')],
  [/^issuer name$/, P('alias')],
  [/^(legal entity number|lei)$/, P('leiCode')],
  [/^d-u-n-s number$/, P('dunsCode')],
  [/^bik \(ru\)$/, P('bikCode')],
  [/^(website|web site|website address)$/, P('website')],
  [/^(email address|email|e-mail|e-mail address)$/, P('email')],
  [/^(phone number|telephone|telephone no|telephone number|tel|phone|alt phone number|mobile|mobile phone|cell phone)$/, P('phone')],
  [/^registration country$/, P('jurisdiction')],
  [/^gender$/, P('gender')],
  [/^(organization type|target type)$/, P('legalForm')],
  [/^nationality of registration$/, P('jurisdiction')],
  [/^organization established date$/, { kind: 'date', prop: 'incorporationDate' }],
  [/^vessel registration identification$/, P('imoNumber')],
  [/^mmsi$/, P('mmsi')],
  [/^(vessel call sign|call sign|other vessel call sign)$/, P('callSign')],
  [/^vessel type$/, P('type')],
  [/^other vessel type$/, P('pastTypes')],
  [/^vessel flag$/, P('flag')],
  [/^(former vessel flag|other vessel flag)$/, P('pastFlags')],
  [/^(vessel year of build)$/, { kind: 'date', prop: 'buildDate' }],
  [/^(aircraft manufacturer'?s serial number \(msn\)|aircraft serial identification)$/, P('serialNumber')],
  [/^aircraft construction number.*$/, P('serialNumber')],
  [/^aircraft model$/, P('model')],
  [/^aircraft tail number$/, P('registrationNumber')],
  [/^aircraft manufacture date$/, { kind: 'date', prop: 'buildDate' }],
  [/^(aircraft operator|aircraft mode s transponder code|previous aircraft tail number|fax|fax no|fax number|chinese commercial code|micex code|un\/locode|serial no|arrested|nationality possibly)$/, { kind: 'note' }],
  [/^digital currency address.*$/, { kind: 'crypto' }],
  [/^(secondary sanctions risk|additional sanctions information.*|transactions prohibited for persons owned or controlled by u\.?s\.? financial institutions|executive order \d+ directive (determination|information).*|caatsa section \d+ information|executive order \d+ information|ifca determination.*|hizballah financial sanctions regulations)$/, { kind: 'sanction', prop: 'provisions' }],
  [/^(purchase\/sales for divestment date.*|peesa information)$/, { kind: 'sanction', prop: 'provisions' }],
  [/^listing date.*$/, { kind: 'sanction', prop: 'listingDate' }],
  [/^effective date.*$/, { kind: 'sanction', prop: 'startDate' }],
];

const CRYPTO_CURRENCIES: Record<string, string> = { XBT: 'BTC' };

export function normaliseIdType(label: string): string {
  return label.toLowerCase().replace(/\s+/g, ' ').replace(/[\s:#.\-–]+$/g, '').replace(/^alt\.\s+/, '').trim();
}

/** Labels repeat thousands of times in a list and the table is fixed: each is looked up once. */
const actionCache = new Map<string, Action | undefined>();

export function idTypeAction(label: string): Action | undefined {
  if (actionCache.has(label)) return actionCache.get(label);
  const norm = normaliseIdType(label);
  let found: Action | undefined;
  for (const [re, action] of TABLE) {
    if (re.test(norm)) {
      found = action;
      break;
    }
  }
  if (actionCache.size >= 20_000) actionCache.clear();
  actionCache.set(label, found);
  return found;
}

export function isKnownIdType(label: string): boolean {
  return idTypeAction(label) !== undefined;
}

export interface OfacIdentifier {
  type: string;
  value: string;
  /** Country name as OFAC writes it ("Russia"), or a code. */
  country?: string | undefined;
  issueDate?: string | undefined;
  expirationDate?: string | undefined;
}

/**
 * Applies one OFAC identifier to a bundle. Russian tax ids also become `innCode`, and Russian
 * 13- or 15-digit registration numbers `ogrnCode`, so that they can be matched as such.
 * Returns false for an unknown type (the caller notes it).
 */
export function applyOfacIdentifier(b: BundleBuilder, id: OfacIdentifier, meta: ValueMeta): boolean {
  const action = idTypeAction(id.type);
  const value = id.value.trim().replace(/[.;]$/, '');
  if (!action || !value) return action !== undefined;
  const country = id.country ? countryCode(id.country) : undefined;
  switch (action.kind) {
    case 'prop': {
      // A value the root's schema cannot hold (an IMO number on a Person) is kept as a note.
      if (!b.rootAdd(action.prop, value, meta)) b.root.add('notes', `${id.type.replace(/[\s:#.\-–]+$/, '')}: ${value}`, meta);
      if (action.prop === 'gender' || action.prop === 'legalForm' || action.prop === 'jurisdiction') return true;
      if (action.prop === 'taxNumber' && country === 'ru' && /^\d{10}(\d{2})?$/.test(value)) b.rootAdd('innCode', value, meta);
      if (action.prop === 'registrationNumber' && country === 'ru' && /^\d{13}(\d{2})?$/.test(value)) b.rootAdd('ogrnCode', value, meta);
      if (action.ident) {
        b.identification(
          {
            type: id.type.replace(/[\s:#.\-–]+$/, ''),
            number: value,
            country: id.country,
            startDate: id.issueDate ? parseDate(id.issueDate) : undefined,
            endDate: id.expirationDate ? parseDate(id.expirationDate) : undefined,
            passport: action.ident === 'Passport',
          },
          meta,
        );
      }
      return true;
    }
    case 'date': {
      b.rootAdd(action.prop, parseDate(value) ?? value, meta);
      return true;
    }
    case 'sanction': {
      const s = b.sanction(meta.origin);
      if (action.prop === 'listingDate' || action.prop === 'startDate') s.add(action.prop, parseDate(value) ?? value, meta);
      else s.add(action.prop, `${id.type.replace(/[\s:\-–]+$/, '')}: ${value}`, meta);
      return true;
    }
    case 'crypto': {
      const m = id.type.match(/digital currency address\s*-\s*([A-Z0-9]+)/i);
      const currency = m ? (CRYPTO_CURRENCIES[m[1]!.toUpperCase()] ?? m[1]!.toUpperCase()) : undefined;
      const wallet = b.add(new Entity('CryptoWallet', hashId(`${b.root.id}-wallet`, value), { origin: meta.origin }));
      wallet.add('publicKey', value, meta);
      wallet.add('currencySymbol', currency, meta);
      wallet.add('holder', b.root.id, meta);
      return true;
    }
    case 'note': {
      b.rootAdd('notes', `${id.type}: ${value}`, meta);
      return true;
    }
  }
}

/**
 * Builds one list record's bundle: the listed (root) entity plus the entities that hang off it
 * (Sanction, Address, Identification/Passport, UnknownLink, CryptoWallet), with ids derived
 * from the root id so the same input always gives the same ids. Every parser uses this, so
 * every source maps to the same shape.
 */
import { Entity, hashId, model } from '../model/index.js';
import type { EntityBundle, ValueMeta } from '../model/index.js';

export interface AddressParts {
  full?: string | undefined;
  street?: string | undefined;
  street2?: string | undefined;
  city?: string | undefined;
  postalCode?: string | undefined;
  region?: string | undefined;
  state?: string | undefined;
  country?: string | undefined;
  remarks?: string | undefined;
}

export class BundleBuilder {
  readonly root: Entity;
  private readonly related = new Map<string, Entity>();
  private sanctionEntity: Entity | undefined;

  constructor(schema: string, id: string, origin: string) {
    this.root = new Entity(schema, id, { origin, target: true });
  }

  /** Adds a related entity (or returns the one already there with the same id). */
  add(entity: Entity): Entity {
    const existing = this.related.get(entity.id);
    if (existing) return existing;
    this.related.set(entity.id, entity);
    return entity;
  }

  /** The Sanction entity of this record, created on first use. */
  sanction(origin?: string): Entity {
    if (!this.sanctionEntity) {
      this.sanctionEntity = new Entity('Sanction', `${this.root.id}-sanction`, { origin: origin ?? this.root.origin });
      this.sanctionEntity.add('entity', this.root.id);
      this.related.set(this.sanctionEntity.id, this.sanctionEntity);
    }
    return this.sanctionEntity;
  }

  /**
   * An Address entity linked from the root through `addressEntity`; the full text also goes
   * to the root's `address` and the country to its `country`. Returns undefined for an empty
   * address, unless `keepEmpty` asks to record that the list has an address record without
   * details (OFAC add.csv rows of `-0-`), which then has a key and no properties.
   */
  address(parts: AddressParts, meta: ValueMeta = {}, key?: string | number, keepEmpty = false): Entity | undefined {
    const full = parts.full ?? joinAddress(parts);
    if (!full && !parts.country && !(keepEmpty && key !== undefined)) return undefined;
    const id = key !== undefined ? `${this.root.id}-addr-${key}` : hashId(`${this.root.id}-addr`, full, parts.country);
    const addr = this.add(new Entity('Address', id, { origin: meta.origin ?? this.root.origin }));
    addr.add('full', full || undefined, meta);
    addr.add('street', parts.street, meta);
    addr.add('street2', parts.street2, meta);
    addr.add('city', parts.city, meta);
    addr.add('postalCode', parts.postalCode, meta);
    addr.add('region', parts.region, meta);
    addr.add('state', parts.state, meta);
    addr.add('country', parts.country, meta);
    addr.add('remarks', parts.remarks, meta);
    this.root.add('addressEntity', addr.id, meta);
    if (full) this.root.add('address', full, meta);
    if (parts.country && this.root.schema.properties.has('country')) this.root.add('country', parts.country, meta);
    return addr;
  }

  /**
   * An identification document: an Identification (or Passport) entity held by the root, and
   * the number on the root under `prop` (idNumber, passportNumber, taxNumber…).
   */
  identification(
    doc: { type: string; number: string; country?: string | undefined; authority?: string | undefined; startDate?: string | undefined; endDate?: string | undefined; passport?: boolean },
    meta: ValueMeta = {},
  ): Entity | undefined {
    const number = doc.number.trim();
    if (!number) return undefined;
    const schema = doc.passport ? 'Passport' : 'Identification';
    const id = hashId(`${this.root.id}-id`, doc.type, number, doc.country);
    const ident = this.add(new Entity(schema, id, { origin: meta.origin ?? this.root.origin }));
    ident.add('holder', this.root.id, meta);
    ident.add('type', doc.type, meta);
    ident.add('number', number, meta);
    ident.add('country', doc.country, meta);
    ident.add('authority', doc.authority, meta);
    ident.add('startDate', doc.startDate, meta);
    ident.add('endDate', doc.endDate, meta);
    return ident;
  }

  /** An UnknownLink from the root to another entity ("Linked To:"). */
  link(objectId: string, role: string, meta: ValueMeta = {}): Entity {
    const link = this.add(new Entity('UnknownLink', `${this.root.id}-link-${objectId}`, { origin: meta.origin ?? this.root.origin }));
    link.add('subject', this.root.id, meta);
    link.add('object', objectId, meta);
    link.add('role', role, meta);
    return link;
  }

  /** Sets a root property only when the root's schema has it (a Person has no `imoNumber`). */
  rootAdd(prop: string, value: string | readonly string[] | undefined | null, meta: ValueMeta = {}): boolean {
    if (!this.root.schema.properties.has(prop)) return false;
    this.root.add(prop, value, meta);
    return true;
  }

  /** Changes the root's schema (e.g. LegalEntity → Company when a remark shows it). */
  setSchema(name: string): void {
    if (this.root.schema.name === name) return;
    if (model.schema(name).isA(this.root.schema.name)) this.root.upgradeSchema(name);
  }

  build(): EntityBundle {
    return { root: this.root, related: [...this.related.values()] };
  }
}

export function joinAddress(parts: AddressParts): string {
  return [parts.street, parts.street2, parts.city, parts.region, parts.state, parts.postalCode]
    .map((p) => p?.trim())
    .filter((p): p is string => !!p)
    .join(', ');
}

const COMPANY_FORM = /(^|[\s,.("«“])(ooo|ооо|oao|оао|zao|зао|pao|пао|ao|ао|jsc|ojsc|cjsc|pjsc|llc|l\.l\.c|ltd|limited|co\.?,? ltd|inc|incorporated|corp|corporation|company|gmbh|ag|sa|s\.a|s\.a\.r\.l|sarl|srl|s\.r\.l|bv|b\.v|nv|n\.v|plc|llp|lp|fze|fzco|fzc|fz-llc|pte|pvt|sdn bhd|bhd|oy|ab|as|a\.s|spa|s\.p\.a|kft|sp\. z o\.o|tov|тов|ip|ип|有限公司|股份有限公司|有限责任公司|集团)(?=$|[\s,.)»”])/i;

/** True when a name carries a company legal form (OOO, JSC, LLC, Co., Ltd., GmbH, 有限公司…). */
export function looksLikeCompany(name: string): boolean {
  return COMPANY_FORM.test(name) || /有限公司|有限责任公司|股份公司/.test(name);
}

/** Root properties that only a company carries. */
export const COMPANY_ID_PROPS = ['registrationNumber', 'taxNumber', 'innCode', 'ogrnCode', 'okpoCode', 'swiftBic', 'leiCode', 'vatCode', 'dunsCode', 'bikCode', 'isinCode', 'ticker'];

/**
 * One target of the OFSI Consolidated List, assembled from the rows that share its Group ID.
 * Each row is one name of the target; the other cells repeat per row, varying only where the
 * target has several addresses, dates of birth or regimes (the file is their cross product).
 * Rows are folded into the bundle as they arrive, so a target whose rows are spread over the
 * file holds its values once, not one copy per row.
 */
import { Entity, hashId } from '../../model/index.js';
import type { EntityBundle, Issue, ValueMeta } from '../../model/index.js';
import { BundleBuilder, COMPANY_ID_PROPS, looksLikeCompany } from '../bundle.js';
import { applyDocuments } from './documents.js';
import type { Row } from './layout.js';
import { parseOtherInformation, ukListRef, unReference, unReferenceInText } from './other-information.js';
import { applyRegistration } from './registration.js';
import { splitEnumerated, splitList, splitNames } from './text-lists.js';
import { languageCode, ukCountries, ukCountry, ukDate } from './values.js';

export const AUTHORITY = 'HM Treasury / Office of Financial Sanctions Implementation';
export const SOURCE_URL = 'https://www.gov.uk/government/publications/financial-sanctions-consolidated-list-of-targets';

const SCHEMA_BY_GROUP_TYPE: Record<string, string> = { individual: 'Person', entity: 'Organization', ship: 'Vessel' };

interface NameEntry {
  text: string;
  parts: { given: string[]; surname: string } | undefined;
  aliasType: string;
  lowQuality: boolean;
  lang: string | undefined;
  origin: string;
}

export interface GroupOptions {
  fileName: string;
  issue: (issue: Issue) => void;
}

export class GroupAccumulator {
  readonly builder: BundleBuilder;
  rowsSeen = 0;
  private readonly names: NameEntry[] = [];
  /** Cell values already folded in, by kind (the same text repeats on every row of the group). */
  private readonly seen = new Map<string, Set<string>>();

  constructor(
    readonly groupId: string,
    first: Row,
    private readonly opts: GroupOptions,
  ) {
    const origin = this.origin(first);
    const groupType = first.get('Group Type');
    let schema = SCHEMA_BY_GROUP_TYPE[groupType.toLowerCase()];
    if (!schema) {
      this.issue(first, 'unknown_group_type', `unknown Group Type "${groupType}"; read as a legal entity`);
      schema = 'LegalEntity';
    }
    this.builder = new BundleBuilder(schema, `gb-hmt-${groupId}`, origin);
    this.builder.root.add('topics', 'sanction');
    const sanction = this.builder.sanction(origin);
    sanction.add('authority', AUTHORITY);
    sanction.add('country', 'gb');
    sanction.add('sourceUrl', SOURCE_URL);
  }

  addRow(row: Row): void {
    this.rowsSeen++;
    const meta: ValueMeta = { origin: this.origin(row) };
    this.addNames(row, meta.origin!);
    const listing = ['Regime', 'Listed On', 'UK Sanctions List Date Designated', 'Last Updated'] as const;
    this.once('sanction', listing.map((c) => row.get(c)).join('\u0000'), () => this.addSanction(row, meta));
    this.addPersonal(row, meta);
    this.addAddress(row, meta);
    this.once('docs', `${row.get('Passport Number')}\u0000${row.get('Passport Details')}\u0000${row.get('National Identification Number')}\u0000${row.get('National Identification Details')}\u0000${row.get('NI Number')}`, () => this.addDocuments(row, meta));
    const other = row.get('Other Information');
    this.once('other', other, () => this.addOtherInformation(other, meta));
  }

  build(): EntityBundle {
    this.finishNames();
    const b = this.builder;
    if (b.root.schema.name === 'Organization') {
      const companyName = b.root.names().some(looksLikeCompany) || b.root.get('legalForm').some(looksLikeCompany);
      if (companyName || COMPANY_ID_PROPS.some((p) => b.root.has(p))) b.setSchema('Company');
    }
    const bundle = b.build();
    for (const entity of [bundle.root, ...bundle.related]) this.reportRejected(entity);
    return bundle;
  }

  private origin(row: Row): string {
    return `${this.opts.fileName}:${row.line}`;
  }

  private issue(row: Row, code: string, message: string): void {
    this.opts.issue({ code, message, file: this.opts.fileName, line: row.line, record: this.groupId });
  }

  private once(kind: string, value: string, fn: () => void): void {
    let values = this.seen.get(kind);
    if (!values) {
      values = new Set();
      this.seen.set(kind, values);
    }
    if (values.has(value)) return;
    values.add(value);
    if (value.replace(/\u0000/g, '').trim()) fn();
  }

  private addNames(row: Row, origin: string): void {
    const surname = row.get('Name 6');
    const given = (['Name 1', 'Name 2', 'Name 3', 'Name 4', 'Name 5'] as const).map((c) => row.get(c)).filter(Boolean);
    const text = [...given, surname].filter(Boolean).join(' ').replace(/\s+/g, ' ');
    const aliasType = row.get('Alias Type');
    const lowQuality = /^low/i.test(row.get('Alias Quality'));
    // A name repeats on each row of its target's addresses and dates of birth.
    if (!text) this.issue(row, 'missing_name', 'row without a name (Name 1 to Name 6 are empty)');
    else
      this.once('name', `${text}\u0000${aliasType}\u0000${lowQuality}`, () => {
        this.names.push({ text, parts: this.builder.root.schema.name === 'Person' ? { given, surname } : undefined, aliasType, lowQuality, lang: undefined, origin });
      });
    const nonLatin = row.get('Name Non-Latin Script').replace(/\s+/g, ' ');
    const language = row.get('Non-Latin Script Language');
    if (nonLatin)
      this.once('non-latin', `${nonLatin}\u0000${language}`, () => {
        this.names.push({ text: nonLatin, parts: undefined, aliasType: 'Non-Latin script', lowQuality: false, lang: languageCode(language), origin });
      });
  }

  /** Chooses the name among the rows and files the others as aliases, weak aliases or previous names. */
  private finishNames(): void {
    const root = this.builder.root;
    const isPrimary = (t: string) => /^(primary name|prime alias)$/i.test(t);
    const main =
      this.names.find((n) => isPrimary(n.aliasType)) ??
      this.names.find((n) => /^primary name variation$/i.test(n.aliasType)) ??
      this.names.find((n) => n.aliasType !== 'Non-Latin script') ??
      this.names[0];
    if (!main) {
      this.opts.issue({ code: 'missing_name', message: 'target without any name', file: this.opts.fileName, line: lineOf(root.origin), record: this.groupId });
      return;
    }
    if (!isPrimary(main.aliasType) && !/^primary name variation$/i.test(main.aliasType)) {
      this.opts.issue({ code: 'no_primary_name', message: `no row is the primary name; "${main.text}" is used`, file: this.opts.fileName, line: lineOf(main.origin), record: this.groupId });
    }
    const taken = new Set<string>();
    const add = (prop: string, n: NameEntry) => {
      const key = n.text.toLowerCase();
      if (taken.has(key)) return;
      taken.add(key);
      root.add(prop, n.text, { origin: n.origin, lang: n.lang });
    };
    add('name', main);
    if (main.parts) this.addNameParts(main.parts, main.origin);
    const ranked: Array<[string, (n: NameEntry) => boolean]> = [
      ['alias', (n) => isPrimary(n.aliasType) || /^primary name variation$/i.test(n.aliasType) || n.aliasType === 'Non-Latin script' || (!n.lowQuality && isAka(n.aliasType))],
      ['previousName', (n) => /^(fka|formerly known as)$/i.test(n.aliasType)],
      ['weakAlias', (n) => n.lowQuality && isAka(n.aliasType)],
    ];
    for (const [prop, test] of ranked) for (const n of this.names) if (test(n)) add(prop, n);
    for (const n of this.names) {
      if (taken.has(n.text.toLowerCase())) continue;
      this.opts.issue({ code: 'unknown_alias_type', message: `unknown Alias Type "${n.aliasType}"; "${n.text}" kept as an alias`, file: this.opts.fileName, line: lineOf(n.origin), record: this.groupId });
      add('alias', n);
    }
  }

  private addNameParts(parts: { given: string[]; surname: string }, origin: string): void {
    const meta = { origin };
    const [first, second, ...middle] = parts.given;
    this.builder.rootAdd('firstName', first, meta);
    this.builder.rootAdd('secondName', second, meta);
    if (middle.length > 0) this.builder.rootAdd('middleName', middle.join(' '), meta);
    this.builder.rootAdd('lastName', parts.surname, meta);
  }

  private addSanction(row: Row, meta: ValueMeta): void {
    const sanction = this.builder.sanction();
    const regime = row.get('Regime');
    if (regime) {
      this.builder.root.add('program', regime, meta);
      sanction.add('program', regime, meta);
    }
    this.addDate(sanction, 'listingDate', row.get('Listed On'), meta);
    this.addDate(sanction, 'startDate', row.get('UK Sanctions List Date Designated'), meta);
    this.addDate(sanction, 'modifiedAt', row.get('Last Updated'), meta);
  }

  private addDate(entity: Entity, prop: string, text: string, meta: ValueMeta): void {
    if (!text) return;
    entity.add(prop, ukDate(text) ?? text, meta);
  }

  private addPersonal(row: Row, meta: ValueMeta): void {
    const b = this.builder;
    b.rootAdd('title', row.get('Title'), meta);
    this.once('position', row.get('Position'), () => b.rootAdd('position', splitEnumerated(row.get('Position')), meta));
    const dob = row.get('DOB');
    if (b.root.schema.properties.has('birthDate')) this.once('dob', dob, () => this.addDate(b.root, 'birthDate', dob, meta));
    this.once('birth', `${row.get('Town of Birth')}\u0000${row.get('Country of Birth')}`, () => {
      b.rootAdd('birthPlace', splitEnumerated(row.get('Town of Birth')), meta);
      this.addCountries('birthCountry', row.get('Country of Birth'), meta);
    });
    this.once('nationality', row.get('Nationality'), () => this.addCountries('nationality', row.get('Nationality'), meta));
  }

  private addCountries(prop: string, text: string, meta: ValueMeta): void {
    if (!text || !this.builder.root.schema.properties.has(prop)) return;
    const { codes, unresolved } = ukCountries(splitEnumerated(text));
    this.builder.root.add(prop, [...codes, ...unresolved], meta);
  }

  private addAddress(row: Row, meta: ValueMeta): void {
    const lines = (['Address 1', 'Address 2', 'Address 3', 'Address 4', 'Address 5', 'Address 6'] as const).map((c) => row.get(c)).filter(Boolean);
    const postalCode = row.get('Post/Zip Code');
    const countryText = row.get('Country');
    const key = `${lines.join('\u0000')}\u0000${postalCode}\u0000${countryText}`;
    this.once('address', key, () => {
      const country = countryText ? (ukCountry(countryText) ?? countryText) : undefined;
      if (lines.length === 0 && !postalCode) {
        // A country alone is no address.
        this.builder.rootAdd('country', country, meta);
        return;
      }
      const full = [...lines, postalCode].filter(Boolean).join(', ');
      const address = this.builder.address({ full: full || undefined, street: lines[0], street2: lines.length > 1 ? lines.slice(1).join(', ') : undefined, country }, meta);
      // Longer "postcodes" (`PO BOX 15875-1834`, `13440 (at time of listing)`) stay in the full address only.
      address?.add('postalCode', splitEnumerated(postalCode).filter((p) => p.length <= 16), meta);
    });
  }

  private addDocuments(row: Row, meta: ValueMeta): void {
    const current = row.layout.kind === 'current';
    const passport = applyDocuments(
      this.builder,
      { numbers: current ? row.get('Passport Number') : undefined, details: row.get('Passport Details'), passport: true },
      meta,
    );
    const national = applyDocuments(
      this.builder,
      current
        ? { numbers: row.get('National Identification Number'), details: row.get('National Identification Details'), passport: false }
        : { numbers: undefined, details: row.get('NI Number'), passport: false },
      meta,
    );
    if (passport) this.builder.rootAdd('notes', `Passport details: ${passport}`, meta);
    if (national) this.builder.rootAdd('notes', `National identification details: ${national}`, meta);
  }

  private addOtherInformation(text: string, meta: ValueMeta): void {
    const b = this.builder;
    const sanction = b.sanction();
    b.root.add('notes', text, meta);
    const info = parseOtherInformation(text);
    const leadUnRef = unReferenceInText(info.lead);
    if (leadUnRef) sanction.add('unscId', leadUnRef, meta);
    for (const { label, value } of info.parts) {
      switch (label) {
        case 'UK Sanctions List Ref':
          sanction.add('authorityId', ukListRef(value), meta);
          break;
        case 'UN Ref':
          sanction.add('unscId', unReference(value), meta);
          break;
        case 'UK Statement of Reasons':
          sanction.add('reason', value, meta);
          break;
        case 'Gender':
          b.rootAdd('gender', value.replace(/[.\s]+$/, ''), meta);
          break;
        case 'Type of entity':
          for (const form of splitEnumerated(value)) b.rootAdd('legalForm', form.replace(/\.$/, ''), meta);
          break;
        case 'Business Reg No':
          applyRegistration(b, value, meta);
          break;
        case 'Phone number':
        case 'Tel':
          b.rootAdd('phone', splitList(value, { periods: true }), meta);
          break;
        case 'Email address':
          b.rootAdd('email', [...value.matchAll(/[^\s@()<>,;:]+@[^\s@()<>,;:]+\.[A-Za-z]{2,}/g)].map((m) => m[0]), meta);
          break;
        case 'Website':
          b.rootAdd('website', websites(value), meta);
          break;
        case 'IMO number': {
          const imo = value.match(/\b\d{7}\b/)?.[0];
          b.rootAdd('imoNumber', imo ? `IMO${imo}` : value, meta);
          break;
        }
        case 'Flag of ship':
          b.rootAdd('flag', ukCountry(value) ?? value, meta);
          break;
        case 'Previous flags':
          b.rootAdd('pastFlags', splitList(value, { periods: true }).map((f) => ukCountry(f) ?? f), meta);
          break;
        case 'Type of ship':
          b.rootAdd('type', value.replace(/\.$/, ''), meta);
          break;
        case 'Tonnage of ship':
          b.rootAdd('tonnage', value.replace(/\.$/, ''), meta);
          break;
        case 'Year built':
          b.rootAdd('buildDate', ukDate(value.replace(/\.$/, '')) ?? value, meta);
          break;
        case 'Current owners':
          for (const owner of splitList(value)) b.rootAdd('owner', this.stub(owner, 'owner', meta).id, meta);
          break;
        case 'Parent company':
          for (const parent of splitNames(value)) b.link(this.stub(parent, 'parent', meta).id, 'Parent company', meta);
          break;
        case 'Subsidiaries':
          for (const sub of splitNames(value)) b.link(this.stub(sub, 'subsidiary', meta).id, 'Subsidiary', meta);
          break;
        case 'Fax':
        case 'Length of ship':
        case 'non-Latin script':
          // No FtM property; the text stays in notes.
          break;
      }
    }
  }

  /** A named legal entity the target points to (owner, parent company, subsidiary); not itself listed. */
  private stub(name: string, role: string, meta: ValueMeta): Entity {
    const entity = this.builder.add(new Entity('LegalEntity', hashId(`${this.builder.root.id}-${role}`, name.toLowerCase()), { origin: meta.origin }));
    entity.add('name', name, meta);
    return entity;
  }

  private reportRejected(entity: Entity): void {
    const done = new Set<string>();
    for (const r of entity.rejected) {
      const key = `${r.prop}\u0000${r.value}`;
      if (done.has(key)) continue;
      done.add(key);
      this.opts.issue({
        code: 'invalid_value',
        message: `${entity.schema.name}.${r.prop}: "${r.value}" refused (${r.reason})`,
        file: this.opts.fileName,
        line: lineOf(r.origin),
        record: this.groupId,
      });
    }
  }
}

const isAka = (t: string) => /^(aka|also known as|good quality a\.?k\.?a\.?)$/i.test(t);

function lineOf(origin: string | undefined): number | undefined {
  const m = origin?.match(/:(\d+)$/);
  return m ? Number(m[1]) : undefined;
}

function websites(value: string): string[] {
  const out: string[] = [];
  for (const item of splitList(value)) {
    for (const token of item.split(/[\s,]+/)) {
      const t = token.replace(/[.)]+$/, '').replace(/^\(/, '');
      if (/^(https?:\/\/|www\.)|^[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}(\/\S*)?$/i.test(t) && !t.includes('@')) out.push(t);
    }
  }
  return out;
}

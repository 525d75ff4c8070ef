/**
 * One INDIVIDUAL or ENTITY record of the UN SC consolidated list to an entity bundle: the
 * parts both share (names, aliases, addresses, the UN sanction). Individual-only parts are in
 * individual.ts. Layout: https://scsanctions.un.org/resources/xml/en/consolidated.xml
 * (schema https://www.un.org/sc/resources/sc-sanctions.xsd).
 */
import { isIsoDate } from '../../model/index.js';
import type { EntityBundle, ValueMeta } from '../../model/index.js';
import { BundleBuilder, looksLikeCompany } from '../bundle.js';
import { children } from '../io/xml.js';
import type { XmlNode } from '../io/xml.js';
import { applyIndividual } from './individual.js';
import { checkedCountry } from './record-context.js';
import type { RecordContext } from './record-context.js';
import { rawText, text, valueList } from './xml-values.js';

export const AUTHORITY = 'United Nations Security Council';

/** LISTED_ON is a date, sometimes with a zone offset ("2015-04-07-04:00"). */
function listedOn(value: string): string {
  return /^\d{4}-\d{2}-\d{2}/.exec(value)?.[0] ?? value;
}

/** Builds the bundle, or returns undefined (after an issue) for a record that names nobody. */
export function mapRecord(node: XmlNode, id: string, ctx: RecordContext): EntityBundle | undefined {
  const isPerson = node.name === 'INDIVIDUAL';
  const name = isPerson
    ? ['FIRST_NAME', 'SECOND_NAME', 'THIRD_NAME', 'FOURTH_NAME'].map((n) => text(node, n)).filter((p) => p !== '').join(' ')
    : text(node, 'FIRST_NAME');
  if (!name) {
    ctx.issue('missing_name', `${node.name} record has no name (${isPerson ? 'FIRST_NAME to FOURTH_NAME are' : 'FIRST_NAME is'} empty)`);
    return undefined;
  }
  const meta: ValueMeta = { origin: ctx.origin };
  const b = new BundleBuilder(isPerson ? 'Person' : 'Organization', id, ctx.origin);
  const root = b.root;
  root.add('name', name, meta);
  root.add('topics', 'sanction', meta);
  root.add('alias', text(node, 'NAME_ORIGINAL_SCRIPT'), meta);
  const comments = rawText(node, 'COMMENTS1');
  root.add('notes', comments, meta);
  const program = text(node, 'UN_LIST_TYPE');
  root.add('program', program, meta);

  applyAliases(b, node, meta, ctx);
  applyAddresses(b, node, meta, ctx);
  if (isPerson) applyIndividual(b, node, meta, ctx);
  else if (looksLikeCompany(name)) b.setSchema('Company');

  const updated = valueList(node, 'LAST_DAY_UPDATED').sort();
  const modifiedAt = updated[updated.length - 1];
  root.add('modifiedAt', modifiedAt, meta);

  const sanction = b.sanction();
  sanction.add('authority', AUTHORITY, meta);
  sanction.add('country', 'zz', meta); // an international body: FtM's "Global"
  sanction.add('program', program, meta);
  sanction.add('unscId', text(node, 'REFERENCE_NUMBER'), meta);
  const listed = listedOn(text(node, 'LISTED_ON'));
  if (isIsoDate(listed)) {
    sanction.add('listingDate', listed, meta);
    sanction.add('startDate', listed, meta);
  } else if (listed) {
    ctx.issue('invalid_date', `LISTED_ON "${listed}" is not a date`);
  }
  sanction.add('modifiedAt', modifiedAt, meta);
  sanction.add('reason', comments, meta);
  return b.build();
}

/**
 * INDIVIDUAL_ALIAS QUALITY is Good / Low; ENTITY_ALIAS QUALITY is a.k.a. / f.k.a.; a NOTE
 * "formerly listed as" marks a name the UN used before.
 */
function applyAliases(b: BundleBuilder, node: XmlNode, meta: ValueMeta, ctx: RecordContext): void {
  const tag = node.name === 'INDIVIDUAL' ? 'INDIVIDUAL_ALIAS' : 'ENTITY_ALIAS';
  for (const alias of children(node, tag)) {
    const name = text(alias, 'ALIAS_NAME');
    if (!name) continue;
    const quality = text(alias, 'QUALITY').toLowerCase();
    const note = text(alias, 'NOTE');
    let prop: string;
    if (quality === 'f.k.a.' || /(?:previously|formerly) listed as/i.test(note)) prop = 'previousName';
    else if (quality === 'low') prop = 'weakAlias';
    else if (quality === 'good' || quality === 'a.k.a.' || quality === '') prop = 'alias';
    else {
      ctx.issue('unknown_alias_quality', `alias "${name}" has an unknown QUALITY "${quality}"; kept as alias`);
      prop = 'alias';
    }
    b.root.add(prop, name, meta);
    if (note && !/^(?:previously|formerly) listed as\.?$/i.test(note)) b.root.add('notes', `${name}: ${note}`, meta);
    if (node.name === 'INDIVIDUAL') {
      b.root.add('birthDate', text(alias, 'DATE_OF_BIRTH'), meta);
      const city = text(alias, 'CITY_OF_BIRTH');
      const country = checkedCountry(text(alias, 'COUNTRY_OF_BIRTH'), 'alias country of birth', ctx);
      b.root.add('birthPlace', [city, text(alias, 'COUNTRY_OF_BIRTH')].filter((p) => p !== '').join(', '), meta);
      b.root.add('birthCountry', country, meta);
    }
  }
}

/** Longest text FtM keeps in an address; longer NOTE-only addresses (lists of branch offices) go to notes. */
const MAX_FULL_ADDRESS = 250;

/** ZIP_CODE sometimes holds a place ("Chaman, Baluchistan Province"): a code has a digit. */
function postalCodeOrPlace(zip: string): { postalCode?: string; region?: string } {
  if (!zip) return {};
  return /\d/.test(zip) ? { postalCode: zip } : { region: zip };
}

function applyAddresses(b: BundleBuilder, node: XmlNode, meta: ValueMeta, ctx: RecordContext): void {
  const tag = node.name === 'INDIVIDUAL' ? 'INDIVIDUAL_ADDRESS' : 'ENTITY_ADDRESS';
  children(node, tag).forEach((addr, i) => {
    const parts = {
      street: text(addr, 'STREET') || undefined,
      city: text(addr, 'CITY') || undefined,
      state: text(addr, 'STATE_PROVINCE') || undefined,
      ...postalCodeOrPlace(text(addr, 'ZIP_CODE')),
      country: checkedCountry(text(addr, 'COUNTRY'), 'address country', ctx),
    };
    const note = text(addr, 'NOTE');
    const hasParts = Object.values(parts).some((p) => p !== undefined);
    if (hasParts) b.address({ ...parts, remarks: note || undefined }, meta, i);
    else if (note.length > MAX_FULL_ADDRESS) b.root.add('notes', `Address: ${note}`, meta);
    else if (note) b.address({ full: note }, meta, i);
  });
}

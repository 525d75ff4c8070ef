/**
 * The parts only an INDIVIDUAL record of the UN SC list has: name parts, gender, titles,
 * designations, nationalities, dates and places of birth, and identity documents.
 */
import { model } from '../../model/index.js';
import type { ValueMeta } from '../../model/index.js';
import type { BundleBuilder } from '../bundle.js';
import { children } from '../io/xml.js';
import type { XmlNode } from '../io/xml.js';
import { birthDates } from './birth-dates.js';
import { classifyDocument, numberProperty } from './documents.js';
import { checkedCountry } from './record-context.js';
import type { RecordContext } from './record-context.js';
import { text, valueList } from './xml-values.js';

const MAX_NUMBER = model.schema('Identification').getProperty('number')?.maxLength ?? 64;

export function applyIndividual(b: BundleBuilder, node: XmlNode, meta: ValueMeta, ctx: RecordContext): void {
  const root = b.root;
  // The UN orders name parts without saying which is the family name: THIRD and FOURTH are kept as middle names.
  root.add('firstName', text(node, 'FIRST_NAME'), meta);
  root.add('secondName', text(node, 'SECOND_NAME'), meta);
  root.add('middleName', [text(node, 'THIRD_NAME'), text(node, 'FOURTH_NAME')], meta);
  root.add('gender', text(node, 'GENDER'), meta);
  root.add('title', valueList(node, 'TITLE'), meta);
  root.add('position', valueList(node, 'DESIGNATION'), meta);
  for (const nationality of valueList(node, 'NATIONALITY')) {
    root.add('nationality', checkedCountry(nationality, 'nationality', ctx), meta);
  }

  for (const dob of children(node, 'INDIVIDUAL_DATE_OF_BIRTH')) {
    const { dates, problem } = birthDates(dob);
    root.add('birthDate', dates, meta);
    if (problem) ctx.issue('invalid_date', problem);
  }

  for (const pob of children(node, 'INDIVIDUAL_PLACE_OF_BIRTH')) {
    const country = text(pob, 'COUNTRY');
    const parts = [...new Set([text(pob, 'STREET'), text(pob, 'CITY'), text(pob, 'STATE_PROVINCE'), country].filter((p) => p !== ''))];
    const note = text(pob, 'NOTE');
    const place = parts.join(', ');
    root.add('birthPlace', place && note ? `${place} (${note.replace(/^\((.*)\)$/, '$1')})` : place || note, meta);
    root.add('birthCountry', checkedCountry(country, 'country of birth', ctx), meta);
  }

  for (const doc of children(node, 'INDIVIDUAL_DOCUMENT')) applyDocument(b, doc, meta, ctx);
}

function applyDocument(b: BundleBuilder, doc: XmlNode, meta: ValueMeta, ctx: RecordContext): void {
  const type = text(doc, 'TYPE_OF_DOCUMENT');
  const type2 = text(doc, 'TYPE_OF_DOCUMENT2');
  const number = text(doc, 'NUMBER');
  const city = text(doc, 'CITY_OF_ISSUE');
  const note = text(doc, 'NOTE');
  if (!type && !type2 && !number && !note) return;
  const { kind, label } = classifyDocument(type, type2);
  const details = [city ? `issued in ${city}` : '', note].filter((p) => p !== '').join('; ');
  if (!number) {
    // The number, if any, is inside the free text ("Tunisian passport number L 191609 issued on …").
    const what = type2 && type2 !== label ? `${label} (${type2})` : label;
    if (details || type2) b.root.add('notes', details ? `${what}: ${details}` : what, meta);
    return;
  }
  if (number.length > MAX_NUMBER) {
    b.root.add('notes', `${label}: ${[number, details].filter((p) => p !== '').join('; ')}`, meta);
    ctx.issue('invalid_value', `document NUMBER is free text longer than ${MAX_NUMBER} characters ("${number.slice(0, 60)}…"); kept in notes`);
    return;
  }
  const rawCountry = text(doc, 'ISSUING_COUNTRY') || text(doc, 'COUNTRY_OF_ISSUE');
  const ident = b.identification(
    {
      type: label,
      number,
      country: checkedCountry(rawCountry, 'document issuing country', ctx),
      startDate: text(doc, 'DATE_OF_ISSUE') || undefined,
      passport: kind === 'passport',
    },
    meta,
  );
  ident?.add('summary', details, meta);
  const prop = numberProperty(kind);
  if (prop) b.rootAdd(prop, number, meta);
}

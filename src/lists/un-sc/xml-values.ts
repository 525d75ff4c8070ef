/**
 * Reading the small element shapes of the UN SC consolidated list: text children with
 * whitespace collapsed, `<X><VALUE>…</VALUE></X>` lists, and the element names each record
 * part may carry (every element the 2026-02-27 file uses; schema https://www.un.org/sc/resources/sc-sanctions.xsd),
 * so a change of layout shows up as an issue instead of silently lost data.
 */
import { child, children } from '../io/xml.js';
import type { XmlNode } from '../io/xml.js';

/** Text of the first child, whitespace collapsed (the file hard-wraps long values). */
export function text(node: XmlNode, name: string): string {
  return collapse(child(node, name)?.text ?? '');
}

/** Raw text of the first child, only trimmed (for free-text remarks whose line breaks matter). */
export function rawText(node: XmlNode, name: string): string {
  return (child(node, name)?.text ?? '').trim();
}

/** The `VALUE` texts of every `name` child: `<NATIONALITY><VALUE>a</VALUE><VALUE>b</VALUE></NATIONALITY>`. */
export function valueList(node: XmlNode, name: string): string[] {
  return children(node, name)
    .flatMap((c) => children(c, 'VALUE'))
    .map((v) => collapse(v.text))
    .filter((v) => v !== '');
}

export function collapse(value: string): string {
  return value.replace(/[\s\u00a0]+/g, ' ').trim();
}

const set = (...names: string[]) => new Set(names);

/** Child elements known per element, for INDIVIDUAL and ENTITY records. */
export const KNOWN_ELEMENTS: Record<string, ReadonlySet<string>> = {
  INDIVIDUAL: set(
    'DATAID', 'VERSIONNUM', 'FIRST_NAME', 'SECOND_NAME', 'THIRD_NAME', 'FOURTH_NAME', 'UN_LIST_TYPE',
    'REFERENCE_NUMBER', 'LISTED_ON', 'NAME_ORIGINAL_SCRIPT', 'GENDER', 'COMMENTS1', 'TITLE',
    'DESIGNATION', 'NATIONALITY', 'LIST_TYPE', 'LAST_DAY_UPDATED', 'INDIVIDUAL_ALIAS', 'INDIVIDUAL_ADDRESS',
    'INDIVIDUAL_DATE_OF_BIRTH', 'INDIVIDUAL_PLACE_OF_BIRTH', 'INDIVIDUAL_DOCUMENT', 'SORT_KEY', 'SORT_KEY_LAST_MOD',
  ),
  ENTITY: set(
    'DATAID', 'VERSIONNUM', 'FIRST_NAME', 'UN_LIST_TYPE', 'REFERENCE_NUMBER', 'LISTED_ON', 'NAME_ORIGINAL_SCRIPT',
    'COMMENTS1', 'LIST_TYPE', 'LAST_DAY_UPDATED', 'ENTITY_ALIAS', 'ENTITY_ADDRESS',
    'SORT_KEY', 'SORT_KEY_LAST_MOD',
  ),
  TITLE: set('VALUE'),
  DESIGNATION: set('VALUE'),
  NATIONALITY: set('VALUE'),
  LIST_TYPE: set('VALUE'),
  LAST_DAY_UPDATED: set('VALUE'),
  INDIVIDUAL_ALIAS: set('QUALITY', 'ALIAS_NAME', 'DATE_OF_BIRTH', 'CITY_OF_BIRTH', 'COUNTRY_OF_BIRTH', 'NOTE'),
  ENTITY_ALIAS: set('QUALITY', 'ALIAS_NAME', 'NOTE'),
  INDIVIDUAL_ADDRESS: set('STREET', 'CITY', 'STATE_PROVINCE', 'ZIP_CODE', 'COUNTRY', 'NOTE'),
  ENTITY_ADDRESS: set('STREET', 'CITY', 'STATE_PROVINCE', 'ZIP_CODE', 'COUNTRY', 'NOTE'),
  INDIVIDUAL_DATE_OF_BIRTH: set('TYPE_OF_DATE', 'DATE', 'YEAR', 'FROM_YEAR', 'TO_YEAR', 'NOTE'),
  INDIVIDUAL_PLACE_OF_BIRTH: set('STREET', 'CITY', 'STATE_PROVINCE', 'COUNTRY', 'NOTE'),
  INDIVIDUAL_DOCUMENT: set(
    'TYPE_OF_DOCUMENT', 'TYPE_OF_DOCUMENT2', 'NUMBER', 'ISSUING_COUNTRY', 'DATE_OF_ISSUE', 'CITY_OF_ISSUE',
    'COUNTRY_OF_ISSUE', 'NOTE',
  ),
};

/** Paths (`INDIVIDUAL/FOO`, `INDIVIDUAL_ALIAS/BAR`) of child elements the mapping does not know. */
export function unknownElements(record: XmlNode): string[] {
  const out: string[] = [];
  const walk = (node: XmlNode) => {
    const known = KNOWN_ELEMENTS[node.name];
    for (const c of node.children) {
      if (!known) out.push(`${node.name}/${c.name}`);
      else if (!known.has(c.name)) out.push(`${node.name}/${c.name}`);
      else walk(c);
    }
  };
  walk(record);
  return out;
}

/**
 * Recognises OFAC's sdnList XML (sdn.xml, consolidated.xml) by its root element, whatever its
 * namespace (current: https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/XML,
 * older files: http://tempuri.org/sdnList.xsd).
 */
import type { Sniffer } from '../types.js';

/** Skips the XML declaration, processing instructions, comments and a DOCTYPE, then takes the first element name. */
const FIRST_ELEMENT = /^\s*(?:(?:<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^[>]*(?:\[[\s\S]*?\])?\s*>)\s*)*<([A-Za-z_][\w.:-]*)/;

/** Local name of the document's root element, or undefined when the head does not start like XML. */
export function rootElementName(head: string): string | undefined {
  const name = FIRST_ELEMENT.exec(head.replace(/^\uFEFF/, ''))?.[1];
  return name === undefined ? undefined : name.slice(name.indexOf(':') + 1);
}

/** The consolidated (non-SDN) list is told apart from the SDN list by its file name only; the layout is the same. */
export const sniffOfacXml: Sniffer = (head, fileName) => {
  if (rootElementName(head) !== 'sdnList') return null;
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  return { format: 'ofac-xml', source: /cons/i.test(base) ? 'ofac-cons' : 'ofac-sdn', role: 'main' };
};

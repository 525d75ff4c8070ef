import { describe, expect, it } from 'vitest';
import { rootElementName, sniffOfacXml } from './sniff.js';

const NEW_NS = '<?xml version="1.0" standalone="yes"?>\n<sdnList xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns="https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/XML">\n  <publshInformation>';
const OLD_NS = '\uFEFF<?xml version="1.0" standalone="yes"?>\r\n<sdnList xmlns="http://tempuri.org/sdnList.xsd">';

describe('sniffOfacXml', () => {
  it('recognises sdnList in either namespace and tells the source by file name', () => {
    expect(sniffOfacXml(NEW_NS, 'sdn.xml')).toEqual({ format: 'ofac-xml', source: 'ofac-sdn', role: 'main' });
    expect(sniffOfacXml(OLD_NS, 'SDN.XML')).toEqual({ format: 'ofac-xml', source: 'ofac-sdn', role: 'main' });
    expect(sniffOfacXml(NEW_NS, 'consolidated.xml')).toEqual({ format: 'ofac-xml', source: 'ofac-cons', role: 'main' });
    expect(sniffOfacXml(NEW_NS, 'CONS_2025.XML')?.source).toBe('ofac-cons');
  });

  it('looks only at the base name, not at the folders', () => {
    expect(sniffOfacXml(NEW_NS, 'ofac_consolidated/sdn.xml')?.source).toBe('ofac-sdn');
    expect(sniffOfacXml(NEW_NS, 'C:\\lists\\consolidated.xml')?.source).toBe('ofac-cons');
  });

  it('accepts a namespace prefix, comments and a DOCTYPE before the root', () => {
    expect(sniffOfacXml('<?xml version="1.0"?><!-- note --><s:sdnList xmlns:s="x">', 'sdn.xml')?.format).toBe('ofac-xml');
    expect(sniffOfacXml('<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY a "b">]>\n<sdnList>', 'sdn.xml')?.format).toBe('ofac-xml');
  });

  it('refuses other XML roots and non-XML text', () => {
    expect(sniffOfacXml('<?xml version="1.0"?>\n<CONSOLIDATED_LIST dateGenerated="2026-02-27">', 'consolidated.xml')).toBeNull();
    expect(sniffOfacXml('<?xml version="1.0"?>\n<sdnListX>', 'sdn.xml')).toBeNull();
    expect(sniffOfacXml('<?xml version="1.0"?>\n<Sanctions><sdnList>', 'sdn.xml')).toBeNull();
    expect(sniffOfacXml('36,"AEROCARIBBEAN AIRLINES",-0- ,"CUBA"', 'sdn.csv')).toBeNull();
    expect(sniffOfacXml('', 'sdn.xml')).toBeNull();
  });

  it('names the root element', () => {
    expect(rootElementName('<a:b xmlns:a="u"/>')).toBe('b');
    expect(rootElementName('just text')).toBeUndefined();
  });
});

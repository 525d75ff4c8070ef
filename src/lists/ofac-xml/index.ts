/** OFAC's sdnList XML (sdn.xml, consolidated.xml): content sniffer and list parser. */
export { ofacXmlParser } from './parser.js';
export { sniffOfacXml } from './sniff.js';

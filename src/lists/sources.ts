/**
 * The registry of official sources: where each list is published and in which format.
 * `lists update` downloads from these addresses (ENDTRACE_REGISTRY_BASE can point them at a mirror).
 */
import type { FormatId, SourceId } from './types.js';

export interface OfficialSource {
  id: SourceId;
  title: string;
  authority: string;
  homepage: string;
  format: FormatId;
  /** The file to download (one file per source: the formats that stand alone). */
  url: string;
  /** The name the download is given, so that content sniffing sees the usual name. */
  fileName: string;
}

export const OFFICIAL_SOURCES: readonly OfficialSource[] = [
  {
    id: 'ofac-sdn',
    title: 'OFAC Specially Designated Nationals and Blocked Persons List (SDN)',
    authority: 'US Treasury, Office of Foreign Assets Control',
    homepage: 'https://ofac.treasury.gov/specially-designated-nationals-and-blocked-persons-list-sdn-human-readable-lists',
    format: 'ofac-xml',
    url: 'https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/SDN.XML',
    fileName: 'sdn.xml',
  },
  {
    id: 'ofac-cons',
    title: 'OFAC Consolidated Sanctions List (non-SDN)',
    authority: 'US Treasury, Office of Foreign Assets Control',
    homepage: 'https://ofac.treasury.gov/consolidated-sanctions-list-non-sdn-lists',
    format: 'ofac-xml',
    url: 'https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/CONSOLIDATED.XML',
    fileName: 'consolidated.xml',
  },
  {
    id: 'us-csl',
    title: 'US Consolidated Screening List',
    authority: 'US Department of Commerce, International Trade Administration',
    homepage: 'https://www.trade.gov/consolidated-screening-list',
    format: 'us-csl-csv',
    url: 'https://data.trade.gov/downloadable_consolidated_screening_list/v1/consolidated.csv',
    fileName: 'consolidated.csv',
  },
  {
    id: 'uk-ofsi',
    title: 'UK Consolidated List of Asset Freeze Targets (OFSI ConList)',
    authority: 'HM Treasury, Office of Financial Sanctions Implementation',
    homepage: 'https://www.gov.uk/government/publications/financial-sanctions-consolidated-list-of-targets',
    format: 'uk-ofsi-csv',
    url: 'https://ofsistorage.blob.core.windows.net/publishlive/2022format/ConList.csv',
    fileName: 'ConList.csv',
  },
  {
    id: 'un-sc',
    title: 'United Nations Security Council Consolidated List',
    authority: 'United Nations Security Council',
    homepage: 'https://www.un.org/securitycouncil/content/un-sc-consolidated-list',
    format: 'un-sc-xml',
    url: 'https://scsanctions.un.org/resources/xml/en/consolidated.xml',
    fileName: 'consolidated.xml',
  },
];

export function officialSource(id: string): OfficialSource | undefined {
  return OFFICIAL_SOURCES.find((s) => s.id === id);
}

/** The address to fetch, with the scheme and host replaced by a mirror base when one is set. */
export function sourceUrl(source: OfficialSource, base?: string): string {
  if (!base) return source.url;
  const u = new URL(source.url);
  return base.replace(/\/+$/, '') + u.pathname + u.search;
}

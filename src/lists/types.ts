/**
 * The contract every list parser implements. A parser turns one load unit (a file, or a set
 * of files such as OFAC's sdn/add/alt triple) into a stream of entity bundles, reporting
 * record-level problems as issues and throwing an `input` EndtraceError only when the whole
 * unit is unusable (zod's safeParse model: a bad record is data, not an exception).
 */
import type { EntityBundle, Issue } from '../model/index.js';

/** Source ids; also the dataset names of the HTTP API. FtM files use their own dataset name. */
export type SourceId = 'ofac-sdn' | 'ofac-cons' | 'us-csl' | 'uk-ofsi' | 'un-sc' | (string & {});

export type FormatId =
  | 'ofac-csv' // OFAC legacy CSV: sdn.csv/add.csv/alt.csv/sdn_comments.csv, or cons_prim/cons_add/cons_alt/cons_comments
  | 'ofac-xml' // OFAC sdn.xml / consolidated.xml (sdnList schema)
  | 'us-csl-csv'
  | 'us-csl-json'
  | 'uk-ofsi-csv'
  | 'un-sc-xml'
  | 'ftm-json';

/** One file of a load unit, with the role it plays in it (`main`, `add`, `alt`, `comments`). */
export interface UnitFile {
  role: string;
  path: string;
  /** Name to show in messages and provenance: the path relative to what the user gave. */
  name: string;
}

/** A set of files that loads as one version of one source. */
export interface LoadUnit {
  source: SourceId;
  format: FormatId;
  files: UnitFile[];
  /** A date found in the file's path (e.g. a folder named 2023-12-28), used when the list has none of its own. */
  pathDate: string | null;
}

export interface ParseContext {
  /** Records a record-level problem; the load goes on. */
  issue(issue: Issue): void;
  /** Reports progress in bytes read across the unit's files. */
  progress?(bytesRead: number): void;
}

/** What a parser learns about the list itself. */
export interface ListMeta {
  /** The list's own publication date (ISO), or null when the format has none. */
  published: string | null;
}

export interface ListParser {
  format: FormatId;
  /** Reads only the head of the unit to find the list's own date, for ordering versions. */
  peek(unit: LoadUnit): Promise<ListMeta>;
  /** Streams the unit's bundles. The generator's return value is the list's metadata. */
  parse(unit: LoadUnit, ctx: ParseContext): AsyncGenerator<EntityBundle, ListMeta, undefined>;
}

/** What content sniffing says about one file. */
export interface SniffResult {
  format: FormatId;
  source: SourceId;
  /** The file's role within its unit: `main` for a file that can stand alone; `add`, `alt`, `comments` for OFAC CSV companions. */
  role: string;
}

/**
 * Recognises a file by its content (the first 64 KiB, gunzipped and decoded as UTF-8);
 * the file name is only a tie-breaker (e.g. sdn.csv vs cons_prim.csv share one layout).
 */
export type Sniffer = (head: string, fileName: string) => SniffResult | null;

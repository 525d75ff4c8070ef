/**
 * The contract of structured ingest (trade, ownership, travel records) and document ingest.
 * Like the list parsers, an ingest parser streams entity bundles and reports bad rows as issues
 * (zod's model: a bad record is data, not an exception); it throws an `input` EndtraceError only
 * when the whole file is unusable, or, under `strict`, at the first bad row.
 */
import type { Issue } from '../model/index.js';

export type IngestKind = 'trade' | 'ownership' | 'travel';

export interface IngestContext {
  issue(issue: Issue): void;
  progress?(bytesRead: number): void;
  /** Fail the whole file at the first bad row. */
  strict?: boolean;
}

export interface IngestSummary {
  /** Data rows read (header and blank lines not counted). */
  rows: number;
  /** Rows that became entities. */
  loaded: number;
}

export interface IngestFile {
  path: string;
  /** Name for messages and provenance (`${name}:${line}`). */
  name: string;
}

/** What the per-kind builders (trade, ownership, travel) share: their context and their shape. */
import type { EntityBundle } from '../../model/index.js';
import type { BoundMapping, RowValues } from './columns.js';
import type { PartyRegistry } from './parties.js';

export interface BuildContext {
  /** The dataset name, part of every record id. */
  dataset: string;
  bound: BoundMapping;
  parties: PartyRegistry;
  report(code: string, message: string, line: number): void;
  /** Counts rows that became entities. */
  loaded(rows: number): void;
}

export interface RecordBuilder {
  /** Appends to `out` the bundles a row completes (parties first, then records). */
  row(row: RowValues, origin: string, out: EntityBundle[]): void;
  /** Appends to `out` the bundles still held at the end of the file. */
  finish(out: EntityBundle[]): void;
}

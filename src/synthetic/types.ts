/** The generator's options and its ground truth: what was planted, where, and why a detector should flag it. */

export interface GenerateOptions {
  seed: number;
  /** Companies in the world, planted parties included. */
  companies: number;
  /** Shipments (customs declarations); each has one or more line items (rows). */
  shipments: number;
}

export const PATTERNS = [
  'listed-party-direct',
  'post-designation',
  'transshipment',
  'chpl-restricted-route',
  'ownership-50-aggregate',
  'ownership-50-indirect',
  'shared-address',
  'shared-director',
  'technician-travel',
] as const;
export type PatternName = (typeof PATTERNS)[number];

export const DECOYS = ['similar-name', 'pre-designation', 'chpl-allowed-destination', 'travel-far-from-delivery', 'namesake-director', 'ownership-below-50'] as const;
export type DecoyName = (typeof DECOYS)[number];

/**
 * Where to look: declaration numbers (trade.csv `declaration_number` / trade-ru.csv `Номер ДТ`),
 * entities (the FtM id in listed.ftm.json for a listed party; else a company's name as
 * companies.csv and ownership.csv write it, or a person's name and birth date, `Name (YYYY-MM-DD)`,
 * as directorships.csv and travel.csv write them), booking references (travel.csv
 * `booking_reference`) and document paths relative to the output folder.
 */
export interface Evidence {
  shipments?: string[];
  entities?: string[];
  travel?: string[];
  documents?: string[];
}

export interface PatternInstance {
  pattern: PatternName;
  reason: string;
  /** What a detector should flag: declaration numbers, entity refs or booking references. */
  flag: string[];
  evidence: Evidence;
}

export interface DecoyInstance {
  decoy: DecoyName;
  /** The pattern this innocent data imitates: flagging it under that pattern is a false positive. */
  pattern: PatternName;
  reason: string;
  evidence: Evidence;
}

/** A party named in the evidence, with its names in every script and its identifiers. */
export interface PartyRecord {
  ref: string;
  schema: 'Company' | 'Person';
  name: string;
  names: string[];
  country: string;
  identifiers: Record<string, string>;
  listed: boolean;
  designated?: string;
}

export interface GroundTruth {
  seed: number;
  sizes: { companies: number; shipments: number };
  generatedAt: string;
  /** FtM ids of the listed entities (Company and Person) in listed.ftm.json. */
  listed: string[];
  patterns: PatternInstance[];
  decoys: DecoyInstance[];
  parties: PartyRecord[];
  counts: Record<string, number>;
}

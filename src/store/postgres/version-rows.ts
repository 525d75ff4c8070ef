/** A list_version row of PostgreSQL as the contract's VersionInfo. */
import type { VersionFile, VersionInfo } from '../types.js';

export interface VersionRow {
  id: number;
  source: string;
  version: string;
  published: string | null;
  checksum: string;
  format: string;
  /** A json column: parsed by pg. */
  files: VersionFile[];
  loaded_at: string;
  entities: number;
  statements: number;
  issues: number;
  active: boolean;
}

export const versionInfo = (r: VersionRow): VersionInfo => ({
  id: r.id,
  source: r.source,
  version: r.version,
  published: r.published,
  checksum: r.checksum,
  format: r.format,
  files: r.files,
  loadedAt: r.loaded_at,
  entities: r.entities,
  statements: r.statements,
  issues: r.issues,
  active: r.active,
});

/** What the HTTP layer needs from the rest of the system, gathered in one object. */
import type { AuditInput, EntityViews, JobRegistry, ScreeningService } from '../service/index.js';
import type { Store } from '../store/index.js';

export type Role = 'reader' | 'analyst' | 'admin';
export type RouteRole = Role | 'public';

export interface Principal {
  /** The API key's id, or 'local' in local mode. */
  id: string;
  role: Role;
}

export interface KeyVerifier {
  /** The key's id and role, or null for an unknown or revoked key. */
  verify(key: string): Promise<Principal | null>;
}

/** A decision for the audit trail (what AuditLog.record takes). */
export type AuditEntry = AuditInput;

export interface AuditSink {
  record(entry: AuditEntry): void;
}

export interface ServerDeps {
  store: Store;
  screening: ScreeningService;
  views: EntityViews;
  /** Batch jobs, kept in the store: any server process over it answers for any job (async reads). */
  jobs: JobRegistry<unknown>;
  version: string;
  /** Keys are required (not local mode). */
  authRequired: boolean;
  keys: KeyVerifier | null;
  audit: AuditSink | null;
  uploadLimit?: number;
  /** True once the screening index is built. */
  ready(): boolean;
}

export const ROLE_RANK: Record<Role, number> = { reader: 1, analyst: 2, admin: 3 };

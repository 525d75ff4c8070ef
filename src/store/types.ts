/**
 * The Store contract: the single source of truth. Lists and ingests are written as versions of
 * statements (nomenklatura's model); entities are assembled from the statements of the active
 * versions. Every implementation (SQLite, PostgreSQL) passes the same contract suite
 * (contract.test-suite.ts), so callers never depend on which one they hold.
 */
import type { Entity, EntityBundle, Issue, Statement } from '../model/index.js';
import type { VersionRows } from './rows.js';

export interface VersionFile {
  role: string;
  name: string;
  sha256: string;
  bytes: number;
}

export interface VersionMeta {
  source: string;
  version: string;
  /** The list's own date (ISO), or null. */
  published: string | null;
  /** sha256 over the unit's files, in role order. */
  checksum: string;
  format: string;
  files: VersionFile[];
}

export interface VersionInfo extends VersionMeta {
  id: number;
  loadedAt: string;
  /** Number of root entities (list records). */
  entities: number;
  statements: number;
  issues: number;
  active: boolean;
}

export interface VersionWriter {
  readonly meta: VersionMeta;
  /** Writes bundles inside the version's transaction. */
  write(bundles: readonly EntityBundle[]): Promise<void>;
  /** Writes bundles already flattened by `flattenBundles` (e.g. in a parser worker): the same as write(). */
  writeRows(rows: VersionRows): Promise<void>;
  /** Records record-level issues of the load (kept, capped, with the version). */
  issues(issues: readonly Issue[]): Promise<void>;
  /**
   * Commits the version; with `activate`, it becomes the source's active version atomically.
   * `published` sets the list's own date when the parser found it only while reading.
   */
  commit(opts: { activate: boolean; published?: string | null }): Promise<VersionInfo>;
  /** Discards everything written; the store is as before. */
  abort(): Promise<void>;
}

/** A root entity's digest in one version, for diffs. */
export interface BundleDigest {
  rootId: string;
  schema: string;
  caption: string;
  target: boolean;
  hash: string;
}

export interface BundleStatement extends Statement {
  rootId: string;
}

export interface StoredStatement extends Statement {
  source: string;
  version: string;
}

export interface EntityRecord {
  entity: Entity;
  /** Sources (datasets) that hold statements about the entity in their active version. */
  datasets: string[];
  /** Statements with their source and version, for provenance display. */
  statements: StoredStatement[];
  /** First and last time the entity was seen across loaded versions (ISO timestamps). */
  firstSeen: string | null;
  lastSeen: string | null;
  lastChange: string | null;
}

/** An entity that references another through an entity-typed property (Sanction.entity, UnknownLink.object…). */
export interface Reference {
  entityId: string;
  schema: string;
  prop: string;
}

export interface IterateOptions {
  /** Only root entities that are list targets. */
  targetOnly?: boolean;
  /** Only these sources (dataset names). */
  sources?: readonly string[];
  /** Only these schemata (exact names). */
  schemata?: readonly string[];
  /** Rows per batch. */
  batchSize?: number;
}

export interface ApiKeyRecord {
  id: string;
  /** SHA-256 of the key (hex); the key itself is never stored. */
  hash: string;
  role: 'reader' | 'analyst' | 'admin';
  label: string | null;
  createdAt: string;
  revokedAt: string | null;
}

/** One screening decision, with what it takes to reproduce it. */
export interface AuditRecord {
  id: string;
  at: string;
  action: string;
  /** API key id, 'local', or 'cli'. */
  principal: string;
  query: unknown;
  results: unknown;
  algorithm: string;
  /** List versions used: source → version. */
  lists: Record<string, string>;
  params: Record<string, unknown>;
}

export interface AuditQuery {
  from?: string | undefined;
  to?: string | undefined;
  principal?: string | undefined;
  action?: string | undefined;
  /** Records whose results mention this entity id. */
  entity?: string | undefined;
  limit: number;
  offset: number;
}

export type JudgementValue = 'positive' | 'negative' | 'unsure';

/** A resolver decision: are two entity ids the same thing? (nomenklatura's resolver edges) */
export interface Judgement {
  /** The lesser of the two ids. */
  left: string;
  right: string;
  judgement: JudgementValue;
  /** 'analyst' judgements are never overwritten by 'auto' ones. */
  origin: 'analyst' | 'auto';
  score: number | null;
  user: string | null;
  createdAt: string;
}

export type JobStatus = 'queued' | 'running' | 'done' | 'failed';

/**
 * A background job (batch screening) as kept in the store, so that every server process over
 * the store sees it. Its result is kept apart (getJobResult), as JSON text.
 */
export interface JobRecord {
  id: string;
  kind: string;
  status: JobStatus;
  total: number;
  done: number;
  createdAt: string;
  finishedAt: string | null;
  error: string | null;
  /** The principal (API key id, 'local') who started it. */
  owner: string | null;
  /** The process (JobRegistry instance) running it. */
  runner: string | null;
  /** The runner's last heartbeat (ISO): every progress write, and the end, set it. */
  updatedAt: string;
}

/** How a job ended: its state, and its result as JSON text (stored verbatim) or null. */
export interface JobEnd {
  status: 'done' | 'failed';
  done: number;
  error: string | null;
  finishedAt: string;
  result: string | null;
}

export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  /** A description safe to print (no password). */
  readonly location: string;
  close(): Promise<void>;

  beginVersion(meta: VersionMeta): Promise<VersionWriter>;
  /** All versions, newest load first; only those of `source` when given. */
  versions(source?: string): Promise<VersionInfo[]>;
  activeVersions(): Promise<VersionInfo[]>;
  findVersion(source: string, version: string): Promise<VersionInfo | null>;
  findVersionByChecksum(source: string, checksum: string): Promise<VersionInfo | null>;
  activate(versionId: number): Promise<void>;
  versionIssues(versionId: number, limit?: number): Promise<Issue[]>;

  /** The entity assembled from the statements of the active versions, or null. */
  getEntity(id: string): Promise<EntityRecord | null>;
  /** Entities that reference `id` in active versions. */
  references(id: string): Promise<Reference[]>;
  /** Root digests of a version, for diffs. */
  digests(versionId: number): Promise<BundleDigest[]>;
  /** Statements of the given roots' bundles in one version, each with its root. */
  bundleStatements(versionId: number, rootIds: readonly string[]): Promise<BundleStatement[]>;
  /** Streams entities of the active versions in batches (assembled, merged across sources). */
  iterateEntities(opts?: IterateOptions): AsyncIterable<Entity[]>;
  /** Number of statements in active versions with one of the props (e.g. alias counts). */
  countStatements(filter: { source?: string; versionId?: number; props?: readonly string[]; originLike?: string }): Promise<number>;

  createApiKey(key: ApiKeyRecord): Promise<void>;
  findApiKey(hash: string): Promise<ApiKeyRecord | null>;
  listApiKeys(): Promise<ApiKeyRecord[]>;
  /** Marks a key revoked; false when there is no such (unrevoked) key. */
  revokeApiKey(id: string, at: string): Promise<boolean>;

  appendAudit(records: readonly AuditRecord[]): Promise<void>;
  /** Newest first. */
  queryAudit(q: AuditQuery): Promise<AuditRecord[]>;
  getAudit(id: string): Promise<AuditRecord | null>;

  /**
   * Stores a judgement on a pair (ids in any order). An 'auto' judgement never replaces an
   * 'analyst' one; returns whether it was stored.
   */
  putJudgement(j: Judgement): Promise<boolean>;
  /** Removes the judgement on a pair (undo); false when there was none. */
  deleteJudgement(a: string, b: string): Promise<boolean>;
  getJudgement(a: string, b: string): Promise<Judgement | null>;
  /** Judgements, all or those touching one id, optionally of one value. */
  listJudgements(filter?: { id?: string; judgement?: JudgementValue; origin?: 'analyst' | 'auto' }): Promise<Judgement[]>;

  /** Records a new job (without a result). */
  createJob(job: JobRecord): Promise<void>;
  /**
   * Progress and heartbeat of an unfinished job: sets done, status and updatedAt = `at`. False
   * when there is no such job or it has finished (a finished job never goes back).
   */
  updateJobProgress(id: string, done: number, status: 'queued' | 'running', at: string): Promise<boolean>;
  /** Finishes an unfinished job (updatedAt becomes finishedAt); false when there is none or it has finished. */
  finishJob(id: string, end: JobEnd): Promise<boolean>;
  /** The job without its result, or null. */
  getJob(id: string): Promise<JobRecord | null>;
  /** The job's result, the JSON text given to finishJob; null when there is no job or no result. */
  getJobResult(id: string): Promise<string | null>;
  /**
   * Deletes the jobs finished before `olderThan` (ISO) and the unfinished ones with no heartbeat
   * since, then all but the newest `keepMax` (by creation). Returns the number deleted.
   */
  pruneJobs(olderThan: string, keepMax: number): Promise<number>;
}

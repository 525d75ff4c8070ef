/**
 * The embedded default store: one SQLite file (better-sqlite3 12), WAL mode. A list version is
 * written in one transaction, so a failed or killed load leaves the previous state intact.
 * An entity is one row per version holding all its values (entity-data.ts); the statements of
 * the contract are read out of those rows.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { Database as DB, Statement as SqlStatement } from 'better-sqlite3';
import { Entity, EndtraceError } from '../../model/index.js';
import type { EntityBundle, Issue } from '../../model/index.js';
import { forEachValue } from '../entity-data.js';
import { flattenBundles, ROW_WIDTH } from '../rows.js';
import type { VersionRows } from '../rows.js';
import { summariseHistory } from '../history.js';
import { assembleEntities, headsByVersion, rootStatements } from '../assemble.js';
import type { Fragment } from '../assemble.js';
import * as admin from './sqlite-admin.js';
import * as jobs from './sqlite-jobs.js';
import type {
  ApiKeyRecord,
  AuditQuery,
  AuditRecord,
  Judgement,
  JudgementValue,
  BundleDigest,
  BundleStatement,
  EntityRecord,
  IterateOptions,
  JobEnd,
  JobRecord,
  Reference,
  Store,
  StoredStatement,
  VersionInfo,
  VersionMeta,
  VersionWriter,
} from '../types.js';
import { applyMigrations } from './migrations.js';

const MAX_ISSUES_PER_VERSION = 10_000;

/**
 * bundleStatements: the entity rows of the given roots in one version (parameters: version id,
 * JSON array of root ids, version id again), with every other row of those entities in the version (an id
 * written twice belongs to the root of its first row). The roots' entities are found through
 * entity_by_root (version_id, root_id): without ANALYZE stats the planner may prefer another
 * index; INDEXED BY fixes the plan (and fails loudly should the index go).
 */
export const BUNDLE_STATEMENTS_SQL = `SELECT f.rowid AS seq, f.id, f.root_id, f.schema, f.data
  FROM (SELECT DISTINCT id FROM entity INDEXED BY entity_by_root WHERE version_id = ? AND root_id IN (SELECT value FROM json_each(?))) AS r
  JOIN entity f INDEXED BY entity_by_id ON f.id = r.id AND f.version_id = ?`;

/** Cache pages (KiB, as a negative cache_size) while a version is written, and otherwise. */
const WRITE_CACHE_KIB = 262_144;
const READ_CACHE_KIB = 65_536;

interface VersionRow {
  id: number;
  source: string;
  version: string;
  published: string | null;
  checksum: string;
  format: string;
  files: string;
  loaded_at: string;
  entities: number;
  statements: number;
  issues: number;
  active: number;
}

const toInfo = (r: VersionRow): VersionInfo => ({
  id: r.id,
  source: r.source,
  version: r.version,
  published: r.published,
  checksum: r.checksum,
  format: r.format,
  files: JSON.parse(r.files) as VersionInfo['files'],
  loadedAt: r.loaded_at,
  entities: r.entities,
  statements: r.statements,
  issues: r.issues,
  active: r.active === 1,
});

export class SqliteStore implements Store {
  readonly kind = 'sqlite' as const;
  readonly location: string;
  readonly db: DB;
  private writing = false;

  constructor(path: string) {
    this.location = path;
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 10000');
    this.db.pragma(`cache_size = -${READ_CACHE_KIB}`);
    applyMigrations(this.db);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  async beginVersion(meta: VersionMeta): Promise<VersionWriter> {
    if (this.writing) throw new EndtraceError('conflict', 'another list version is being written on this connection', { code: 'busy' });
    this.db.exec('BEGIN IMMEDIATE');
    try {
      const exists = this.db.prepare('SELECT 1 FROM list_version WHERE source = ? AND version = ?').get(meta.source, meta.version);
      if (exists) throw new EndtraceError('conflict', `version ${meta.version} of ${meta.source} is already loaded`, { code: 'version_exists' });
      const info = this.db
        .prepare('INSERT INTO list_version (source, version, published, checksum, format, files, loaded_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(meta.source, meta.version, meta.published, meta.checksum, meta.format, JSON.stringify(meta.files), new Date().toISOString());
      this.writing = true;
      this.db.pragma(`cache_size = -${WRITE_CACHE_KIB}`);
      return new SqliteVersionWriter(this, Number(info.lastInsertRowid), meta, () => {
        this.writing = false;
        this.db.pragma(`cache_size = -${READ_CACHE_KIB}`);
      });
    } catch (err) {
      this.db.exec('ROLLBACK');
      throw err;
    }
  }

  async versions(source?: string): Promise<VersionInfo[]> {
    const rows = (
      source === undefined
        ? this.db.prepare('SELECT * FROM list_version ORDER BY id DESC').all()
        : this.db.prepare('SELECT * FROM list_version WHERE source = ? ORDER BY id DESC').all(source)
    ) as VersionRow[];
    return rows.map(toInfo);
  }

  async activeVersions(): Promise<VersionInfo[]> {
    return (this.db.prepare('SELECT * FROM list_version WHERE active = 1 ORDER BY source').all() as VersionRow[]).map(toInfo);
  }

  async findVersion(source: string, version: string): Promise<VersionInfo | null> {
    const row = this.db.prepare('SELECT * FROM list_version WHERE source = ? AND version = ?').get(source, version) as VersionRow | undefined;
    return row ? toInfo(row) : null;
  }

  async findVersionByChecksum(source: string, checksum: string): Promise<VersionInfo | null> {
    const row = this.db.prepare('SELECT * FROM list_version WHERE source = ? AND checksum = ? ORDER BY id DESC LIMIT 1').get(source, checksum) as VersionRow | undefined;
    return row ? toInfo(row) : null;
  }

  async activate(versionId: number): Promise<void> {
    this.db.transaction(() => activateVersion(this.db, versionId)).immediate();
  }

  async versionIssues(versionId: number, limit = 1000): Promise<Issue[]> {
    const rows = this.db.prepare('SELECT code, message, file, line, record FROM load_issue WHERE version_id = ? LIMIT ?').all(versionId, limit) as Array<{
      code: string; message: string; file: string | null; line: number | null; record: string | null;
    }>;
    return rows.map((r) => ({ code: r.code, message: r.message, file: r.file ?? undefined, line: r.line ?? undefined, record: r.record ?? undefined }));
  }

  async getEntity(id: string): Promise<EntityRecord | null> {
    const rows = this.db
      .prepare(
        `SELECT e.version_id, e.schema, e.target, e.root_id, e.data, v.source, v.version FROM entity e JOIN list_version v ON v.id = e.version_id
         WHERE e.id = ? AND v.active = 1 ORDER BY v.source, e.rowid`,
      )
      .all(id) as Array<{ version_id: number; schema: string; target: number; root_id: string; data: string; source: string; version: string }>;
    if (rows.length === 0) return null;
    const heads = headsByVersion(rows);
    const statements: StoredStatement[] = [];
    for (const r of rows) {
      const { schema } = heads.get(r.version_id)!;
      forEachValue(r.data, (prop, value, lang, origin) => statements.push({ entityId: id, schema, prop, value, lang, origin, source: r.source, version: r.version }));
    }
    const firsts = [...heads.values()];
    const entity = Entity.fromStatements(id, statements.length ? statements : firsts.map((h) => ({ entityId: id, schema: h.schema, prop: '', value: '', lang: null, origin: null })), {
      target: firsts.some((h) => h.target === 1),
    });
    const history = this.db
      .prepare(
        `SELECT v.source, coalesce(v.published, v.version) AS date, v.loaded_at, b.hash FROM bundle b INDEXED BY bundle_by_root
         JOIN list_version v ON v.id = b.version_id WHERE b.root_id = ? ORDER BY v.source, date, v.id`,
      )
      .all(firsts[0]!.root_id) as Array<{ source: string; date: string; loaded_at: string; hash: string }>;
    return { entity, datasets: [...new Set(rows.map((h) => h.source))], statements, ...summariseHistory(history) };
  }

  async references(id: string): Promise<Reference[]> {
    return (
      this.db
        .prepare(
          `SELECT DISTINCT g.source_id AS entityId, g.schema, g.prop FROM edge g JOIN list_version v ON v.id = g.version_id
           WHERE g.target_id = ? AND v.active = 1 ORDER BY g.schema, g.source_id`,
        )
        .all(id) as Reference[]
    );
  }

  async digests(versionId: number): Promise<BundleDigest[]> {
    const rows = this.db.prepare('SELECT root_id, schema, caption, target, hash FROM bundle WHERE version_id = ?').all(versionId) as Array<{
      root_id: string; schema: string; caption: string; target: number; hash: string;
    }>;
    return rows.map((r) => ({ rootId: r.root_id, schema: r.schema, caption: r.caption, target: r.target === 1, hash: r.hash }));
  }

  async bundleStatements(versionId: number, rootIds: readonly string[]): Promise<BundleStatement[]> {
    const rows = this.db.prepare(BUNDLE_STATEMENTS_SQL).all(versionId, JSON.stringify(rootIds), versionId) as Array<{ seq: number; id: string; root_id: string; schema: string; data: string }>;
    return rootStatements(rows, new Set(rootIds));
  }

  /**
   * Pages through the entities of the versions active when the iteration starts: a page of ids
   * that match the filters (in id order, through entity_by_id), then every active row of those
   * ids, merged across sources.
   */
  async *iterateEntities(opts: IterateOptions = {}): AsyncIterable<Entity[]> {
    const batchSize = opts.batchSize ?? 2000;
    const active = this.db.prepare('SELECT id, source FROM list_version WHERE active = 1').all() as Array<{ id: number; source: string }>;
    const sources = opts.sources?.length ? new Set(opts.sources) : null;
    const chosen = active.filter((v) => !sources || sources.has(v.source)).map((v) => v.id);
    if (chosen.length === 0) return;
    const conds = ['e.version_id IN (SELECT value FROM json_each(?))'];
    const params: unknown[] = [JSON.stringify(chosen)];
    if (opts.targetOnly) conds.push('e.target = 1');
    if (opts.schemata?.length) {
      conds.push('e.schema IN (SELECT value FROM json_each(?))');
      params.push(JSON.stringify(opts.schemata));
    }
    const pageIds = this.db.prepare(
      `SELECT DISTINCT e.id FROM entity e INDEXED BY entity_by_id WHERE ${conds.join(' AND ')} AND e.id > ? ORDER BY e.id LIMIT ?`,
    ).pluck();
    const fetch = this.db.prepare(
      `SELECT e.rowid AS seq, e.id, e.version_id, e.schema, e.target, e.data FROM entity e INDEXED BY entity_by_id
       WHERE e.id IN (SELECT value FROM json_each(?)) AND e.version_id IN (SELECT value FROM json_each(?))`,
    );
    const all = JSON.stringify(active.map((v) => v.id));
    const filter = { chosen: new Set(chosen), targetOnly: opts.targetOnly ?? false, schemata: opts.schemata?.length ? new Set(opts.schemata) : null };
    let after = '';
    for (;;) {
      const ids = pageIds.all(...params, after, batchSize) as string[];
      if (ids.length === 0) return;
      after = ids[ids.length - 1]!;
      yield assembleEntities(ids, fetch.all(JSON.stringify(ids), all) as Fragment[], filter);
    }
  }

  async countStatements(filter: { source?: string; versionId?: number; props?: readonly string[]; originLike?: string }): Promise<number> {
    const conds: string[] = ['g.key > 0', 'x.key > 0'];
    const params: unknown[] = [];
    if (filter.versionId !== undefined) {
      conds.push('e.version_id = ?');
      params.push(filter.versionId);
    } else {
      conds.push('v.active = 1');
    }
    if (filter.source !== undefined) {
      conds.push('v.source = ?');
      params.push(filter.source);
    }
    if (filter.props?.length) {
      conds.push('g.value ->> 0 IN (SELECT value FROM json_each(?))');
      params.push(JSON.stringify(filter.props));
    }
    if (filter.originLike !== undefined) {
      // A plain string value has the first origin; [value, index, lang?] names its own.
      conds.push(`(CASE WHEN x.type = 'text' THEN e.data ->> '$[0][0]' WHEN (x.value ->> 1) IS NULL THEN NULL
        ELSE e.data ->> ('$[0][' || (x.value ->> 1) || ']') END) LIKE ?`);
      params.push(filter.originLike);
    }
    const row = this.db
      .prepare(`SELECT count(*) AS n FROM entity e JOIN list_version v ON v.id = e.version_id, json_each(e.data) g, json_each(g.value) x WHERE ${conds.join(' AND ')}`)
      .get(...params) as { n: number };
    return row.n;
  }

  async createApiKey(key: ApiKeyRecord): Promise<void> {
    admin.createApiKey(this.db, key);
  }

  async findApiKey(hash: string): Promise<ApiKeyRecord | null> {
    return admin.findApiKey(this.db, hash);
  }

  async listApiKeys(): Promise<ApiKeyRecord[]> {
    return admin.listApiKeys(this.db);
  }

  async revokeApiKey(id: string, at: string): Promise<boolean> {
    return admin.revokeApiKey(this.db, id, at);
  }

  async appendAudit(records: readonly AuditRecord[]): Promise<void> {
    admin.appendAudit(this.db, records);
  }

  async queryAudit(q: AuditQuery): Promise<AuditRecord[]> {
    return admin.queryAudit(this.db, q);
  }

  async getAudit(id: string): Promise<AuditRecord | null> {
    return admin.getAudit(this.db, id);
  }

  async putJudgement(j: Judgement): Promise<boolean> {
    return admin.putJudgement(this.db, j);
  }

  async deleteJudgement(a: string, b: string): Promise<boolean> {
    return admin.deleteJudgement(this.db, a, b);
  }

  async getJudgement(a: string, b: string): Promise<Judgement | null> {
    return admin.getJudgement(this.db, a, b);
  }

  async listJudgements(filter: { id?: string; judgement?: JudgementValue; origin?: 'analyst' | 'auto' } = {}): Promise<Judgement[]> {
    return admin.listJudgements(this.db, filter);
  }

  async createJob(job: JobRecord): Promise<void> {
    jobs.createJob(this.db, job);
  }

  async updateJobProgress(id: string, done: number, status: 'queued' | 'running', at: string): Promise<boolean> {
    return jobs.updateJobProgress(this.db, id, done, status, at);
  }

  async finishJob(id: string, end: JobEnd): Promise<boolean> {
    return jobs.finishJob(this.db, id, end);
  }

  async getJob(id: string): Promise<JobRecord | null> {
    return jobs.getJob(this.db, id);
  }

  async getJobResult(id: string): Promise<string | null> {
    return jobs.getJobResult(this.db, id);
  }

  async pruneJobs(olderThan: string, keepMax: number): Promise<number> {
    return jobs.pruneJobs(this.db, olderThan, keepMax);
  }

}

/** Inserts flat rows, ROWS_PER_INSERT at a time, the rest one by one. */
function insertAll(values: ReadonlyArray<string | number | null>, insert: { one: SqlStatement; many: SqlStatement; width: number }): void {
  const chunk = insert.width * ROWS_PER_INSERT;
  let i = 0;
  for (; i + chunk <= values.length; i += chunk) insert.many.run(values.slice(i, i + chunk));
  for (; i < values.length; i += insert.width) insert.one.run(values.slice(i, i + insert.width));
}

function activateVersion(db: DB, versionId: number): void {
  const row = db.prepare('SELECT source FROM list_version WHERE id = ?').get(versionId) as { source: string } | undefined;
  if (!row) throw new EndtraceError('not_found', `no list version with id ${versionId}`);
  db.prepare('UPDATE list_version SET active = 0 WHERE source = ? AND active = 1').run(row.source);
  db.prepare('UPDATE list_version SET active = 1 WHERE id = ?').run(versionId);
}

/** Rows per multi-row INSERT: one statement per 50 rows instead of 50 (fewer calls into SQLite). */
const ROWS_PER_INSERT = 50;

class SqliteVersionWriter implements VersionWriter {
  private statementCount = 0;
  private issueCount = 0;
  private done = false;
  private readonly insIssue: SqlStatement;
  private readonly insert: Record<'bundle' | 'entity' | 'edge', { one: SqlStatement; many: SqlStatement; width: number }>;

  constructor(
    private readonly store: SqliteStore,
    private readonly versionId: number,
    readonly meta: VersionMeta,
    private readonly release: () => void,
  ) {
    const db = store.db;
    this.insIssue = db.prepare('INSERT INTO load_issue (version_id, code, message, file, line, record) VALUES (?, ?, ?, ?, ?, ?)');
    // The version id is an integer of ours: a literal in the SQL saves binding it per row.
    const v = String(Math.trunc(versionId));
    const prepare = (head: string, width: number, tail = '') => {
      const row = `(${v}${', ?'.repeat(width)})`;
      return {
        one: db.prepare(`${head} VALUES ${row}${tail}`),
        many: db.prepare(`${head} VALUES ${Array.from({ length: ROWS_PER_INSERT }, () => row).join(', ')}${tail}`),
        width,
      };
    };
    this.insert = {
      // A root written twice in a version keeps its first row, the digests joined with '+'.
      bundle: prepare('INSERT INTO bundle (version_id, root_id, schema, caption, target, hash)', ROW_WIDTH.bundle,
        " ON CONFLICT (version_id, root_id) DO UPDATE SET hash = hash || '+' || excluded.hash"),
      entity: prepare('INSERT INTO entity (version_id, id, root_id, schema, caption, target, data)', ROW_WIDTH.entity),
      edge: prepare('INSERT OR IGNORE INTO edge (version_id, source_id, schema, prop, target_id)', ROW_WIDTH.edge),
    };
  }

  private check(): void {
    if (this.done) throw new EndtraceError('internal', 'this version writer is closed');
  }

  async write(bundles: readonly EntityBundle[]): Promise<void> {
    this.check();
    this.writeRowsNow(flattenBundles(bundles));
  }

  async writeRows(rows: VersionRows): Promise<void> {
    this.check();
    this.writeRowsNow(rows);
  }

  private writeRowsNow(rows: VersionRows): void {
    insertAll(rows.bundles, this.insert.bundle);
    insertAll(rows.entities, this.insert.entity);
    insertAll(rows.edges, this.insert.edge);
    this.statementCount += rows.statements;
  }

  async issues(issues: readonly Issue[]): Promise<void> {
    this.check();
    for (const i of issues) {
      if (this.issueCount < MAX_ISSUES_PER_VERSION) {
        this.insIssue.run(this.versionId, i.code, i.message, i.file ?? null, i.line ?? null, i.record ?? null);
      }
      this.issueCount++;
    }
  }

  async commit(opts: { activate: boolean; published?: string | null }): Promise<VersionInfo> {
    this.check();
    const db = this.store.db;
    try {
      db.prepare(
        `UPDATE list_version SET entities = (SELECT count(*) FROM bundle WHERE version_id = ?), statements = ?, issues = ?,
           published = coalesce(published, ?) WHERE id = ?`,
      ).run(this.versionId, this.statementCount, this.issueCount, opts.published ?? null, this.versionId);
      if (opts.activate) activateVersion(db, this.versionId);
      db.exec('COMMIT');
    } catch (err) {
      if (db.inTransaction) db.exec('ROLLBACK');
      throw err;
    } finally {
      this.done = true;
      this.release();
    }
    const row = db.prepare('SELECT * FROM list_version WHERE id = ?').get(this.versionId) as VersionRow;
    return toInfo(row);
  }

  async abort(): Promise<void> {
    if (this.done) return;
    this.done = true;
    if (this.store.db.inTransaction) this.store.db.exec('ROLLBACK');
    this.release();
  }
}

/**
 * The embedded default store: one SQLite file (better-sqlite3 12), WAL mode. A list version is
 * written in one transaction, so a failed or killed load leaves the previous state intact.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { Database as DB, Statement as SqlStatement } from 'better-sqlite3';
import { Entity, EndtraceError } from '../../model/index.js';
import type { EntityBundle, Issue, Statement } from '../../model/index.js';
import { flattenBundles, ROW_WIDTH } from '../rows.js';
import type { VersionRows } from '../rows.js';
import { summariseHistory } from '../history.js';
import * as admin from './sqlite-admin.js';
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
  Reference,
  Store,
  StoredStatement,
  VersionInfo,
  VersionMeta,
  VersionWriter,
} from '../types.js';
import { SQLITE_MIGRATIONS } from './migrations.js';

const MAX_ISSUES_PER_VERSION = 10_000;

/**
 * bundleStatements: the statements of the given roots' entities in one version (parameters:
 * version id, JSON array of root ids). The entities are found through entity_by_root
 * (version_id, root_id): without ANALYZE stats the planner prefers the primary key's range on
 * version_id alone, which reads every entity of the version for each batch; INDEXED BY fixes
 * the plan (and fails loudly should the index go).
 */
export const BUNDLE_STATEMENTS_SQL = `SELECT e.root_id, s.entity_id, e.schema, s.prop, s.value, s.lang, s.origin
  FROM entity e INDEXED BY entity_by_root
  JOIN statement s ON s.version_id = e.version_id AND s.entity_id = e.id
  WHERE e.version_id = ? AND e.root_id IN (SELECT value FROM json_each(?))`;

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
    this.db.pragma('cache_size = -65536');
    this.migrate();
  }

  private migrate(): void {
    this.db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    const applied = new Set((this.db.prepare('SELECT id FROM schema_migrations').all() as Array<{ id: number }>).map((r) => r.id));
    for (const m of SQLITE_MIGRATIONS) {
      if (applied.has(m.id)) continue;
      this.db.transaction(() => {
        this.db.exec(m.sql);
        this.db.prepare('INSERT INTO schema_migrations (id, name, applied_at) VALUES (?, ?, ?)').run(m.id, m.name, new Date().toISOString());
      }).immediate();
    }
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
      return new SqliteVersionWriter(this, Number(info.lastInsertRowid), meta, () => (this.writing = false));
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
    const heads = this.db
      .prepare(
        `SELECT e.schema, e.target, e.root_id, v.source FROM entity e JOIN list_version v ON v.id = e.version_id
         WHERE e.id = ? AND v.active = 1 ORDER BY v.source`,
      )
      .all(id) as Array<{ schema: string; target: number; root_id: string; source: string }>;
    if (heads.length === 0) return null;
    const rows = this.db
      .prepare(
        `SELECT s.entity_id, s.prop, s.value, s.lang, s.origin, v.source, v.version, e.schema
         FROM statement s JOIN list_version v ON v.id = s.version_id
         JOIN entity e ON e.version_id = s.version_id AND e.id = s.entity_id
         WHERE s.entity_id = ? AND v.active = 1 ORDER BY v.source, s.rowid`,
      )
      .all(id) as Array<{ entity_id: string; prop: string; value: string; lang: string | null; origin: string | null; source: string; version: string; schema: string }>;
    const statements: StoredStatement[] = rows.map((r) => ({
      entityId: r.entity_id, schema: r.schema, prop: r.prop, value: r.value, lang: r.lang, origin: r.origin, source: r.source, version: r.version,
    }));
    const entity = Entity.fromStatements(id, statements.length ? statements : heads.map((h) => ({ entityId: id, schema: h.schema, prop: '', value: '', lang: null, origin: null })), {
      target: heads.some((h) => h.target === 1),
    });
    const history = this.db
      .prepare(
        `SELECT v.source, coalesce(v.published, v.version) AS date, v.loaded_at, b.hash FROM bundle b
         JOIN list_version v ON v.id = b.version_id WHERE b.root_id = ? ORDER BY v.source, date, v.id`,
      )
      .all(heads[0]!.root_id) as Array<{ source: string; date: string; loaded_at: string; hash: string }>;
    return { entity, datasets: [...new Set(heads.map((h) => h.source))], statements, ...summariseHistory(history) };
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
    const rows = this.db
      .prepare(BUNDLE_STATEMENTS_SQL)
      .all(versionId, JSON.stringify(rootIds)) as Array<{ root_id: string; entity_id: string; schema: string; prop: string; value: string; lang: string | null; origin: string | null }>;
    return rows.map((r) => ({ rootId: r.root_id, entityId: r.entity_id, schema: r.schema, prop: r.prop, value: r.value, lang: r.lang, origin: r.origin }));
  }

  async *iterateEntities(opts: IterateOptions = {}): AsyncIterable<Entity[]> {
    const batchSize = opts.batchSize ?? 2000;
    const conds = ['v.active = 1'];
    const params: unknown[] = [];
    if (opts.targetOnly) conds.push('e.target = 1');
    if (opts.sources?.length) {
      conds.push('v.source IN (SELECT value FROM json_each(?))');
      params.push(JSON.stringify(opts.sources));
    }
    if (opts.schemata?.length) {
      conds.push('e.schema IN (SELECT value FROM json_each(?))');
      params.push(JSON.stringify(opts.schemata));
    }
    const pageIds = this.db.prepare(
      `SELECT DISTINCT e.id FROM entity e JOIN list_version v ON v.id = e.version_id
       WHERE ${conds.join(' AND ')} AND e.id > ? ORDER BY e.id LIMIT ?`,
    );
    const fetch = this.db.prepare(
      `SELECT s.entity_id, e.schema, e.target, s.prop, s.value, s.lang, s.origin
       FROM statement s JOIN list_version v ON v.id = s.version_id
       JOIN entity e ON e.version_id = s.version_id AND e.id = s.entity_id
       WHERE v.active = 1 AND s.entity_id IN (SELECT value FROM json_each(?))
       ORDER BY s.entity_id`,
    ).raw();
    let after = '';
    for (;;) {
      const ids = (pageIds.all(...params, after, batchSize) as Array<{ id: string }>).map((r) => r.id);
      if (ids.length === 0) return;
      after = ids[ids.length - 1]!;
      yield groupEntities(fetch.all(JSON.stringify(ids)) as StatementRow[]);
    }
  }

  async countStatements(filter: { source?: string; versionId?: number; props?: readonly string[]; originLike?: string }): Promise<number> {
    const conds: string[] = [];
    const params: unknown[] = [];
    if (filter.versionId !== undefined) {
      conds.push('s.version_id = ?');
      params.push(filter.versionId);
    } else {
      conds.push('v.active = 1');
    }
    if (filter.source !== undefined) {
      conds.push('v.source = ?');
      params.push(filter.source);
    }
    if (filter.props?.length) {
      conds.push('s.prop IN (SELECT value FROM json_each(?))');
      params.push(JSON.stringify(filter.props));
    }
    if (filter.originLike !== undefined) {
      conds.push('s.origin LIKE ?');
      params.push(filter.originLike);
    }
    const row = this.db
      .prepare(`SELECT count(*) AS n FROM statement s JOIN list_version v ON v.id = s.version_id WHERE ${conds.join(' AND ')}`)
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

}

/** A statement row in raw (array) form: entity id, schema, target, prop, value, lang, origin. */
type StatementRow = [string, string, number, string, string, string | null, string | null];

/** Entities from statement rows sorted by entity id (raw rows: no object per row from SQLite). */
function groupEntities(rows: readonly StatementRow[]): Entity[] {
  const out: Entity[] = [];
  let i = 0;
  while (i < rows.length) {
    const id = rows[i]![0];
    let j = i;
    let target = false;
    const statements: Statement[] = [];
    while (j < rows.length && rows[j]![0] === id) {
      const [, schema, isTarget, prop, value, lang, origin] = rows[j]!;
      if (isTarget === 1) target = true;
      statements.push({ entityId: id, schema, prop, value, lang, origin });
      j++;
    }
    out.push(Entity.fromStatements(id, statements, { target }));
    i = j;
  }
  return out;
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
  private entityCount = 0;
  private statementCount = 0;
  private issueCount = 0;
  private done = false;
  private readonly insBundle: SqlStatement;
  private readonly mergeBundle: SqlStatement;
  private readonly insIssue: SqlStatement;
  private readonly insert: Record<'entity' | 'statement' | 'edge', { one: SqlStatement; many: SqlStatement; width: number }>;

  constructor(
    private readonly store: SqliteStore,
    private readonly versionId: number,
    readonly meta: VersionMeta,
    private readonly release: () => void,
  ) {
    const db = store.db;
    this.insBundle = db.prepare('INSERT OR IGNORE INTO bundle (version_id, root_id, schema, caption, target, hash) VALUES (?, ?, ?, ?, ?, ?)');
    this.mergeBundle = db.prepare("UPDATE bundle SET hash = hash || '+' || ? WHERE version_id = ? AND root_id = ?");
    this.insIssue = db.prepare('INSERT INTO load_issue (version_id, code, message, file, line, record) VALUES (?, ?, ?, ?, ?, ?)');
    // The version id is an integer of ours: a literal in the SQL saves binding it per row.
    const v = String(Math.trunc(versionId));
    const prepare = (head: string, width: number) => {
      const row = `(${v}${', ?'.repeat(width)})`;
      return {
        one: db.prepare(`${head} VALUES ${row}`),
        many: db.prepare(`${head} VALUES ${Array.from({ length: ROWS_PER_INSERT }, () => row).join(', ')}`),
        width,
      };
    };
    this.insert = {
      entity: prepare('INSERT OR IGNORE INTO entity (version_id, id, root_id, schema, caption, target)', ROW_WIDTH.entity),
      statement: prepare('INSERT INTO statement (version_id, entity_id, prop, value, lang, origin)', ROW_WIDTH.statement),
      edge: prepare('INSERT INTO edge (version_id, source_id, schema, prop, target_id)', ROW_WIDTH.edge),
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
    const v = this.versionId;
    const b = rows.bundles;
    for (let i = 0; i < b.length; i += ROW_WIDTH.bundle) {
      const rootId = b[i]!;
      const hash = b[i + 4]!;
      const res = this.insBundle.run(v, rootId, b[i + 1], b[i + 2], b[i + 3], hash);
      if (res.changes === 1) this.entityCount++;
      else this.mergeBundle.run(hash, v, rootId);
    }
    insertAll(rows.entities, this.insert.entity);
    insertAll(rows.statements, this.insert.statement);
    insertAll(rows.edges, this.insert.edge);
    this.statementCount += rows.statements.length / ROW_WIDTH.statement;
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
      db.prepare('UPDATE list_version SET entities = ?, statements = ?, issues = ?, published = coalesce(published, ?) WHERE id = ?').run(
        this.entityCount, this.statementCount, this.issueCount, opts.published ?? null, this.versionId,
      );
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

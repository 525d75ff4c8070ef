/**
 * The server store: PostgreSQL (15+) through a `pg` connection pool, for several processes
 * over one database. The same contract as the SQLite store (contract.test-suite.ts): a list
 * version is written in one transaction (postgres-writer.ts), entities are assembled from the
 * statements of the active versions, and the queries mirror sqlite-store.ts one for one.
 */
import pg from 'pg';
import type { Pool, PoolClient } from 'pg';
import { Entity, EndtraceError, usageError } from '../../model/index.js';
import type { Issue, Statement } from '../../model/index.js';
import { summariseHistory } from '../history.js';
import type { HistoryRow } from '../history.js';
import type {
  ApiKeyRecord,
  AuditQuery,
  AuditRecord,
  BundleDigest,
  BundleStatement,
  EntityRecord,
  IterateOptions,
  Judgement,
  JudgementValue,
  Reference,
  Store,
  StoredStatement,
  VersionInfo,
  VersionMeta,
  VersionWriter,
} from '../types.js';
import * as admin from './postgres-admin.js';
import { SCHEMA_NAME, parseLocation } from './connection.js';
import { migrate } from './migrations.js';
import { PgVersionWriter, activateIn } from './postgres-writer.js';
import { versionInfo } from './version-rows.js';
import type { VersionRow } from './version-rows.js';

export interface PostgresStoreOptions {
  /** Work in this schema (created if missing) instead of the URL's `?schema=` or the default. */
  schema?: string | undefined;
  /** Connections in the pool (default 10). */
  maxConnections?: number | undefined;
}

/** SQLSTATE of a unique violation. */
const UNIQUE_VIOLATION = '23505';

interface StatementRow {
  entity_id: string;
  schema: string;
  target: boolean;
  prop: string;
  value: string;
  lang: string | null;
  origin: string | null;
}

interface HeadRow {
  id: string;
  version_id: number;
  schema: string;
  target: boolean;
}

export class PostgresStore implements Store {
  readonly kind = 'postgres' as const;
  private readonly writers = new Set<PgVersionWriter>();
  private closing: Promise<void> | null = null;

  private constructor(
    readonly pool: Pool,
    readonly location: string,
    /** The schema the tables are in, or null for the connection's default. */
    readonly schema: string | null,
  ) {}

  /** Connects, applies pending migrations, and returns the store. */
  static async open(location: string, opts: PostgresStoreOptions = {}): Promise<PostgresStore> {
    const loc = parseLocation(location);
    const schema = opts.schema ?? loc.schema;
    if (opts.schema !== undefined && !SCHEMA_NAME.test(opts.schema)) throw usageError(`not a plain lower-case schema name: "${opts.schema}"`, 'db_location');
    const safe = opts.schema === undefined ? loc.safe : withSchema(loc.safe, opts.schema);
    const pool = new pg.Pool({
      connectionString: loc.connectionString,
      max: opts.maxConnections ?? 10,
      application_name: 'endtrace',
      ...(schema !== null ? { options: `-c search_path=${schema}` } : {}),
    });
    // An idle connection that the server drops must not take the process down; the next query reconnects.
    pool.on('error', () => undefined);
    const store = new PostgresStore(pool, safe, schema);
    let client: PoolClient | undefined;
    try {
      client = await pool.connect();
      await migrate(client, schema);
      client.release();
    } catch (err) {
      client?.release(err as Error);
      await pool.end().catch(() => undefined);
      throw new EndtraceError('input', `cannot open the PostgreSQL store at ${safe}: ${(err as Error).message}`, { code: 'db_unavailable', cause: err });
    }
    return store;
  }

  async close(): Promise<void> {
    this.closing ??= (async () => {
      // An unfinished writer holds a connection that pool.end() would wait for.
      await Promise.all([...this.writers].map((w) => w.abort().catch(() => undefined)));
      await this.pool.end();
    })();
    return this.closing;
  }

  async beginVersion(meta: VersionMeta): Promise<VersionWriter> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const exists = await client.query('SELECT 1 FROM list_version WHERE source = $1 AND version = $2', [meta.source, meta.version]);
      if (exists.rowCount) throw versionExists(meta);
      const res = await client.query<{ id: number }>(
        'INSERT INTO list_version (source, version, published, checksum, format, files, loaded_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id',
        [meta.source, meta.version, meta.published, meta.checksum, meta.format, JSON.stringify(meta.files), new Date().toISOString()],
      );
      const writer = new PgVersionWriter(client, res.rows[0]!.id, meta, (w, err) => {
        this.writers.delete(w);
        client.release(err);
      });
      this.writers.add(writer);
      return writer;
    } catch (err) {
      const ok = await client.query('ROLLBACK').then(() => true, () => false);
      client.release(ok ? undefined : true);
      // Another loader committed the same version while this one started.
      if ((err as { code?: string }).code === UNIQUE_VIOLATION) throw versionExists(meta);
      throw err;
    }
  }

  async versions(source?: string): Promise<VersionInfo[]> {
    const res = source === undefined
      ? await this.pool.query<VersionRow>('SELECT * FROM list_version ORDER BY id DESC')
      : await this.pool.query<VersionRow>('SELECT * FROM list_version WHERE source = $1 ORDER BY id DESC', [source]);
    return res.rows.map(versionInfo);
  }

  async activeVersions(): Promise<VersionInfo[]> {
    return (await this.pool.query<VersionRow>('SELECT * FROM list_version WHERE active ORDER BY source')).rows.map(versionInfo);
  }

  async findVersion(source: string, version: string): Promise<VersionInfo | null> {
    const row = (await this.pool.query<VersionRow>('SELECT * FROM list_version WHERE source = $1 AND version = $2', [source, version])).rows[0];
    return row ? versionInfo(row) : null;
  }

  async findVersionByChecksum(source: string, checksum: string): Promise<VersionInfo | null> {
    const row = (await this.pool.query<VersionRow>('SELECT * FROM list_version WHERE source = $1 AND checksum = $2 ORDER BY id DESC LIMIT 1', [source, checksum])).rows[0];
    return row ? versionInfo(row) : null;
  }

  async activate(versionId: number): Promise<void> {
    await this.transaction((client) => activateIn(client, versionId));
  }

  async versionIssues(versionId: number, limit = 1000): Promise<Issue[]> {
    const rows = (
      await this.pool.query<{ code: string; message: string; file: string | null; line: number | null; record: string | null }>(
        'SELECT code, message, file, line, record FROM load_issue WHERE version_id = $1 ORDER BY seq LIMIT $2',
        [versionId, limit],
      )
    ).rows;
    return rows.map((r) => ({ code: r.code, message: r.message, file: r.file ?? undefined, line: r.line ?? undefined, record: r.record ?? undefined }));
  }

  async getEntity(id: string): Promise<EntityRecord | null> {
    const heads = (
      await this.pool.query<{ schema: string; target: boolean; root_id: string; source: string }>(
        `SELECT e.schema, e.target, e.root_id, v.source FROM entity e JOIN list_version v ON v.id = e.version_id
         WHERE e.id = $1 AND v.active ORDER BY v.source`,
        [id],
      )
    ).rows;
    if (heads.length === 0) return null;
    const [rows, history] = await Promise.all([
      this.pool.query<StatementRow & { source: string; version: string }>(
        `SELECT s.entity_id, s.prop, s.value, s.lang, s.origin, v.source, v.version, e.schema
         FROM statement s JOIN list_version v ON v.id = s.version_id
         JOIN entity e ON e.version_id = s.version_id AND e.id = s.entity_id
         WHERE s.entity_id = $1 AND v.active ORDER BY v.source, s.seq`,
        [id],
      ),
      this.pool.query<HistoryRow>(
        `SELECT v.source, coalesce(v.published, v.version) AS date, v.loaded_at, b.hash FROM bundle b
         JOIN list_version v ON v.id = b.version_id WHERE b.root_id = $1 ORDER BY v.source, date, v.id`,
        [heads[0]!.root_id],
      ),
    ]);
    const statements: StoredStatement[] = rows.rows.map((r) => ({
      entityId: r.entity_id, schema: r.schema, prop: r.prop, value: r.value, lang: r.lang, origin: r.origin, source: r.source, version: r.version,
    }));
    const entity = Entity.fromStatements(id, statements.length ? statements : heads.map((h) => ({ entityId: id, schema: h.schema, prop: '', value: '', lang: null, origin: null })), {
      target: heads.some((h) => h.target),
    });
    return { entity, datasets: [...new Set(heads.map((h) => h.source))], statements, ...summariseHistory(history.rows) };
  }

  async references(id: string): Promise<Reference[]> {
    return (
      await this.pool.query<Reference>(
        `SELECT DISTINCT g.source_id AS "entityId", g.schema, g.prop FROM edge g JOIN list_version v ON v.id = g.version_id
         WHERE g.target_id = $1 AND v.active ORDER BY g.schema, g.source_id`,
        [id],
      )
    ).rows;
  }

  async digests(versionId: number): Promise<BundleDigest[]> {
    const rows = (
      await this.pool.query<{ root_id: string; schema: string; caption: string; target: boolean; hash: string }>(
        'SELECT root_id, schema, caption, target, hash FROM bundle WHERE version_id = $1 ORDER BY root_id',
        [versionId],
      )
    ).rows;
    return rows.map((r) => ({ rootId: r.root_id, schema: r.schema, caption: r.caption, target: r.target, hash: r.hash }));
  }

  async bundleStatements(versionId: number, rootIds: readonly string[]): Promise<BundleStatement[]> {
    const rows = (
      await this.pool.query<StatementRow & { root_id: string }>(
        `SELECT e.root_id, s.entity_id, e.schema, s.prop, s.value, s.lang, s.origin FROM entity e
         JOIN statement s ON s.version_id = e.version_id AND s.entity_id = e.id
         WHERE e.version_id = $1 AND e.root_id = ANY($2::text[]) ORDER BY s.seq`,
        [versionId, rootIds],
      )
    ).rows;
    return rows.map((r) => ({ rootId: r.root_id, entityId: r.entity_id, schema: r.schema, prop: r.prop, value: r.value, lang: r.lang, origin: r.origin }));
  }

  /**
   * Pages through the versions active when the iteration starts (resolved once, so that a
   * version activated meanwhile by another process does not mix in half-way). The page query
   * names version ids rather than joining list_version: the planner then estimates from the
   * entity table's statistics and walks its primary key in id order.
   */
  async *iterateEntities(opts: IterateOptions = {}): AsyncIterable<Entity[]> {
    const batchSize = opts.batchSize ?? 2000;
    const active = (await this.pool.query<{ id: number; source: string }>('SELECT id, source FROM list_version WHERE active')).rows;
    const sources = opts.sources?.length ? new Set(opts.sources) : null;
    const chosen = active.filter((v) => !sources || sources.has(v.source)).map((v) => v.id);
    if (chosen.length === 0) return;
    const conds = ['e.version_id = ANY($1::int[])'];
    const params: unknown[] = [chosen];
    if (opts.targetOnly) conds.push('e.target');
    if (opts.schemata?.length) {
      params.push(opts.schemata);
      conds.push(`e.schema = ANY($${params.length}::text[])`);
    }
    const pageIds = `SELECT DISTINCT e.id FROM entity e WHERE ${conds.join(' AND ')} AND e.id > $${params.length + 1}
       ORDER BY e.id LIMIT $${params.length + 2}`;
    // The entities' statements in every active version (merged across sources), not only the
    // chosen ones, and their schema and target flag per version: two index lookups, joined
    // here (the join in SQL probes the entity index once per statement, three times slower).
    const heads = `SELECT id, version_id, schema, target FROM entity WHERE version_id = ANY($1::int[]) AND id = ANY($2::text[])`;
    const statements = `SELECT entity_id, version_id, prop, value, lang, origin FROM statement
       WHERE version_id = ANY($1::int[]) AND entity_id = ANY($2::text[]) ORDER BY entity_id, version_id, seq`;
    const all = active.map((v) => v.id);
    let after = '';
    for (;;) {
      const ids = (await this.pool.query<{ id: string }>(pageIds, [...params, after, batchSize])).rows.map((r) => r.id);
      if (ids.length === 0) return;
      after = ids[ids.length - 1]!;
      const [h, st] = await Promise.all([
        this.pool.query<HeadRow>(heads, [all, ids]),
        this.pool.query<Omit<StatementRow, 'schema' | 'target'> & { version_id: number }>(statements, [all, ids]),
      ]);
      const byKey = new Map(h.rows.map((r) => [`${r.version_id}\u0000${r.id}`, r]));
      const rows: StatementRow[] = [];
      for (const r of st.rows) {
        const head = byKey.get(`${r.version_id}\u0000${r.entity_id}`);
        if (head) rows.push({ entity_id: r.entity_id, schema: head.schema, target: head.target, prop: r.prop, value: r.value, lang: r.lang, origin: r.origin });
      }
      yield groupEntities(rows);
    }
  }

  async countStatements(filter: { source?: string; versionId?: number; props?: readonly string[]; originLike?: string }): Promise<number> {
    const conds: string[] = [];
    const params: unknown[] = [];
    const param = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    conds.push(filter.versionId !== undefined ? `s.version_id = ${param(filter.versionId)}` : 'v.active');
    if (filter.source !== undefined) conds.push(`v.source = ${param(filter.source)}`);
    if (filter.props?.length) conds.push(`s.prop = ANY(${param(filter.props)}::text[])`);
    if (filter.originLike !== undefined) conds.push(`s.origin LIKE ${param(filter.originLike)}`);
    const res = await this.pool.query<{ n: string }>(
      `SELECT count(*) AS n FROM statement s JOIN list_version v ON v.id = s.version_id WHERE ${conds.join(' AND ')}`,
      params,
    );
    // count(*) is a bigint, which pg hands over as a string.
    return Number(res.rows[0]!.n);
  }

  async createApiKey(key: ApiKeyRecord): Promise<void> {
    await admin.createApiKey(this.pool, key);
  }

  async findApiKey(hash: string): Promise<ApiKeyRecord | null> {
    return admin.findApiKey(this.pool, hash);
  }

  async listApiKeys(): Promise<ApiKeyRecord[]> {
    return admin.listApiKeys(this.pool);
  }

  async revokeApiKey(id: string, at: string): Promise<boolean> {
    return admin.revokeApiKey(this.pool, id, at);
  }

  async appendAudit(records: readonly AuditRecord[]): Promise<void> {
    await admin.appendAudit(this.pool, records);
  }

  async queryAudit(q: AuditQuery): Promise<AuditRecord[]> {
    return admin.queryAudit(this.pool, q);
  }

  async getAudit(id: string): Promise<AuditRecord | null> {
    return admin.getAudit(this.pool, id);
  }

  async putJudgement(j: Judgement): Promise<boolean> {
    return admin.putJudgement(this.pool, j);
  }

  async deleteJudgement(a: string, b: string): Promise<boolean> {
    return admin.deleteJudgement(this.pool, a, b);
  }

  async getJudgement(a: string, b: string): Promise<Judgement | null> {
    return admin.getJudgement(this.pool, a, b);
  }

  async listJudgements(filter: { id?: string; judgement?: JudgementValue; origin?: 'analyst' | 'auto' } = {}): Promise<Judgement[]> {
    return admin.listJudgements(this.pool, filter);
  }

  /** Runs `fn` in a transaction on one connection. */
  private async transaction<T>(fn: (client: PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      const out = await fn(client);
      await client.query('COMMIT');
      return out;
    } catch (err) {
      await client.query('ROLLBACK').catch((e: Error) => (broken = e));
      throw err;
    } finally {
      client.release(broken);
    }
  }
}

const versionExists = (meta: VersionMeta) =>
  new EndtraceError('conflict', `version ${meta.version} of ${meta.source} is already loaded`, { code: 'version_exists' });

function withSchema(safe: string, schema: string): string {
  const url = new URL(safe);
  url.searchParams.set('schema', schema);
  return url.toString();
}

function groupEntities(rows: readonly StatementRow[]): Entity[] {
  const out: Entity[] = [];
  let i = 0;
  while (i < rows.length) {
    const id = rows[i]!.entity_id;
    let j = i;
    let target = false;
    const statements: Statement[] = [];
    while (j < rows.length && rows[j]!.entity_id === id) {
      const r = rows[j]!;
      if (r.target) target = true;
      statements.push({ entityId: id, schema: r.schema, prop: r.prop, value: r.value, lang: r.lang, origin: r.origin });
      j++;
    }
    out.push(Entity.fromStatements(id, statements, { target }));
    i = j;
  }
  return out;
}

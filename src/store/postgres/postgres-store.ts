/**
 * The server store: PostgreSQL (15+) through a `pg` connection pool, for several processes
 * over one database. The same contract as the SQLite store (contract.test-suite.ts): a list
 * version is written in one transaction (postgres-writer.ts), an entity is one row per version
 * holding all its values (entity-data.ts), entities are assembled from the rows of the active
 * versions, and the queries mirror sqlite-store.ts one for one.
 */
import pg from 'pg';
import type { Pool, PoolClient } from 'pg';
import { Entity, EndtraceError, usageError } from '../../model/index.js';
import type { Issue } from '../../model/index.js';
import { assembleEntities, headsByVersion, rootStatements } from '../assemble.js';
import type { Fragment } from '../assemble.js';
import { forEachValue } from '../entity-data.js';
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
  JobEnd,
  JobRecord,
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
import * as jobs from './postgres-jobs.js';
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
    const rows = (
      await this.pool.query<{ version_id: number; schema: string; target: boolean; root_id: string; data: string; source: string; version: string }>(
        `SELECT e.version_id, e.schema, e.target, e.root_id, e.data, v.source, v.version FROM entity e JOIN list_version v ON v.id = e.version_id
         WHERE e.id = $1 AND v.active ORDER BY v.source, e.seq`,
        [id],
      )
    ).rows;
    if (rows.length === 0) return null;
    const heads = headsByVersion(rows);
    const firsts = [...heads.values()];
    const history = this.pool.query<HistoryRow>(
      `SELECT v.source, coalesce(v.published, v.version) AS date, v.loaded_at, b.hash FROM bundle b
       JOIN list_version v ON v.id = b.version_id WHERE b.root_id = $1 ORDER BY v.source, date, v.id`,
      [firsts[0]!.root_id],
    );
    const statements: StoredStatement[] = [];
    for (const r of rows) {
      const { schema } = heads.get(r.version_id)!;
      forEachValue(r.data, (prop, value, lang, origin) => statements.push({ entityId: id, schema, prop, value, lang, origin, source: r.source, version: r.version }));
    }
    const entity = Entity.fromStatements(id, statements.length ? statements : firsts.map((h) => ({ entityId: id, schema: h.schema, prop: '', value: '', lang: null, origin: null })), {
      target: firsts.some((h) => h.target),
    });
    return { entity, datasets: [...new Set(rows.map((h) => h.source))], statements, ...summariseHistory((await history).rows) };
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
      await this.pool.query<{ seq: number; id: string; root_id: string; schema: string; data: string }>(
        `SELECT f.seq, f.id, f.root_id, f.schema, f.data FROM entity f
         WHERE f.version_id = $1 AND f.id IN (SELECT id FROM entity WHERE version_id = $1 AND root_id = ANY($2::text[]))`,
        [versionId, rootIds],
      )
    ).rows;
    return rootStatements(rows, new Set(rootIds));
  }

  /**
   * Pages through the versions active when the iteration starts (resolved once, so that a
   * version activated meanwhile by another process does not mix in half-way): a page of ids
   * that match the filters, then every active row of those ids, merged across sources. The
   * page query names version ids rather than joining list_version: the planner then
   * estimates from the entity table's statistics and walks its primary key in id order.
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
    const fetch = `SELECT id, version_id, seq, schema, target, data FROM entity WHERE version_id = ANY($1::int[]) AND id = ANY($2::text[])`;
    const all = active.map((v) => v.id);
    const filter = { chosen: new Set(chosen), targetOnly: opts.targetOnly ?? false, schemata: opts.schemata?.length ? new Set(opts.schemata) : null };
    let after = '';
    for (;;) {
      const ids = (await this.pool.query<{ id: string }>(pageIds, [...params, after, batchSize])).rows.map((r) => r.id);
      if (ids.length === 0) return;
      after = ids[ids.length - 1]!;
      const rows = (await this.pool.query<Fragment>(fetch, [all, ids])).rows;
      yield assembleEntities(ids, rows, filter);
    }
  }

  async countStatements(filter: { source?: string; versionId?: number; props?: readonly string[]; originLike?: string }): Promise<number> {
    const conds: string[] = ['g.n > 1', 'x.n > 1'];
    const params: unknown[] = [];
    const param = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    conds.push(filter.versionId !== undefined ? `e.version_id = ${param(filter.versionId)}` : 'v.active');
    if (filter.source !== undefined) conds.push(`v.source = ${param(filter.source)}`);
    if (filter.props?.length) conds.push(`g.value ->> 0 = ANY(${param(filter.props)}::text[])`);
    if (filter.originLike !== undefined) {
      // A plain string value has the first origin; [value, index, lang?] names its own.
      conds.push(`(CASE WHEN json_typeof(x.value) = 'string' THEN e.data::json -> 0 ->> 0
        ELSE e.data::json -> 0 ->> (x.value ->> 1)::int END) LIKE ${param(filter.originLike)}`);
    }
    const res = await this.pool.query<{ n: string }>(
      `SELECT count(*) AS n FROM entity e JOIN list_version v ON v.id = e.version_id
       CROSS JOIN LATERAL json_array_elements(e.data::json) WITH ORDINALITY AS g(value, n)
       CROSS JOIN LATERAL json_array_elements(g.value) WITH ORDINALITY AS x(value, n)
       WHERE ${conds.join(' AND ')}`,
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

  async createJob(job: JobRecord): Promise<void> {
    await jobs.createJob(this.pool, job);
  }

  async updateJobProgress(id: string, done: number, status: 'queued' | 'running', at: string): Promise<boolean> {
    return jobs.updateJobProgress(this.pool, id, done, status, at);
  }

  async finishJob(id: string, end: JobEnd): Promise<boolean> {
    return jobs.finishJob(this.pool, id, end);
  }

  async getJob(id: string): Promise<JobRecord | null> {
    return jobs.getJob(this.pool, id);
  }

  async getJobResult(id: string): Promise<string | null> {
    return jobs.getJobResult(this.pool, id);
  }

  async pruneJobs(olderThan: string, keepMax: number): Promise<number> {
    return jobs.pruneJobs(this.pool, olderThan, keepMax);
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

/**
 * SQLite schema migrations, applied in order, each in one transaction, and recorded in
 * schema_migrations. A migration is SQL, or code for what SQL cannot say (migration 3 turns
 * statement rows into entity rows with the encoder the writers use).
 */
import type { Database as DB } from 'better-sqlite3';
import { encodeStatements } from '../entity-data.js';

export interface Migration {
  id: number;
  name: string;
  sql?: string;
  run?: (db: DB) => void;
}

export const SQLITE_MIGRATIONS: Migration[] = [
  {
    id: 1,
    name: 'list versions and statements',
    sql: `
      CREATE TABLE list_version (
        id INTEGER PRIMARY KEY,
        source TEXT NOT NULL,
        version TEXT NOT NULL,
        published TEXT,
        checksum TEXT NOT NULL,
        format TEXT NOT NULL,
        files TEXT NOT NULL,
        loaded_at TEXT NOT NULL,
        entities INTEGER NOT NULL DEFAULT 0,
        statements INTEGER NOT NULL DEFAULT 0,
        issues INTEGER NOT NULL DEFAULT 0,
        active INTEGER NOT NULL DEFAULT 0,
        UNIQUE (source, version)
      );
      CREATE INDEX list_version_checksum ON list_version (source, checksum);

      CREATE TABLE bundle (
        version_id INTEGER NOT NULL REFERENCES list_version (id) ON DELETE CASCADE,
        root_id TEXT NOT NULL,
        schema TEXT NOT NULL,
        caption TEXT NOT NULL,
        target INTEGER NOT NULL,
        hash TEXT NOT NULL,
        PRIMARY KEY (version_id, root_id)
      ) WITHOUT ROWID;

      CREATE TABLE entity (
        version_id INTEGER NOT NULL REFERENCES list_version (id) ON DELETE CASCADE,
        id TEXT NOT NULL,
        root_id TEXT NOT NULL,
        schema TEXT NOT NULL,
        caption TEXT NOT NULL,
        target INTEGER NOT NULL,
        PRIMARY KEY (version_id, id)
      ) WITHOUT ROWID;
      CREATE INDEX entity_by_id ON entity (id, version_id);
      CREATE INDEX entity_by_root ON entity (version_id, root_id);

      CREATE TABLE statement (
        version_id INTEGER NOT NULL REFERENCES list_version (id) ON DELETE CASCADE,
        entity_id TEXT NOT NULL,
        prop TEXT NOT NULL,
        value TEXT NOT NULL,
        lang TEXT,
        origin TEXT
      );
      CREATE INDEX statement_by_entity ON statement (entity_id, version_id);

      CREATE TABLE edge (
        version_id INTEGER NOT NULL REFERENCES list_version (id) ON DELETE CASCADE,
        source_id TEXT NOT NULL,
        schema TEXT NOT NULL,
        prop TEXT NOT NULL,
        target_id TEXT NOT NULL
      );
      CREATE INDEX edge_by_target ON edge (target_id, version_id);

      CREATE TABLE load_issue (
        version_id INTEGER NOT NULL REFERENCES list_version (id) ON DELETE CASCADE,
        code TEXT NOT NULL,
        message TEXT NOT NULL,
        file TEXT,
        line INTEGER,
        record TEXT
      );
      CREATE INDEX load_issue_by_version ON load_issue (version_id);
    `,
  },
  {
    id: 2,
    name: 'API keys, audit trail, resolver judgements',
    sql: `
      CREATE TABLE api_key (
        id TEXT PRIMARY KEY,
        hash TEXT NOT NULL UNIQUE,
        role TEXT NOT NULL,
        label TEXT,
        created_at TEXT NOT NULL,
        revoked_at TEXT
      );

      CREATE TABLE audit_log (
        id TEXT PRIMARY KEY,
        at TEXT NOT NULL,
        action TEXT NOT NULL,
        principal TEXT NOT NULL,
        algorithm TEXT NOT NULL,
        query TEXT NOT NULL,
        results TEXT NOT NULL,
        lists TEXT NOT NULL,
        params TEXT NOT NULL
      );
      CREATE INDEX audit_log_at ON audit_log (at);
      CREATE INDEX audit_log_principal ON audit_log (principal, at);

      CREATE TABLE resolver_judgement (
        left_id TEXT NOT NULL,
        right_id TEXT NOT NULL,
        judgement TEXT NOT NULL,
        origin TEXT NOT NULL,
        score REAL,
        user_name TEXT,
        created_at TEXT NOT NULL,
        PRIMARY KEY (left_id, right_id)
      ) WITHOUT ROWID;
      CREATE INDEX resolver_judgement_right ON resolver_judgement (right_id);
    `,
  },
  {
    id: 3,
    name: 'one row per entity and version, its values in data; bundles by root',
    run: entityRows,
  },
  {
    id: 4,
    name: 'background jobs, shared by the server processes over one store',
    sql: `
      CREATE TABLE job (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        status TEXT NOT NULL,
        total INTEGER NOT NULL,
        done INTEGER NOT NULL,
        owner TEXT,
        runner TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        finished_at TEXT,
        error TEXT,
        result TEXT
      );
      CREATE INDEX job_created ON job (created_at);
    `,
  },
];

/** Applies the pending migrations of `migrations` (all by default). */
export function applyMigrations(db: DB, migrations: readonly Migration[] = SQLITE_MIGRATIONS): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  const applied = new Set((db.prepare('SELECT id FROM schema_migrations').all() as Array<{ id: number }>).map((r) => r.id));
  for (const m of migrations) {
    if (applied.has(m.id)) continue;
    db.transaction(() => {
      if (m.sql) db.exec(m.sql);
      m.run?.(db);
      db.prepare('INSERT INTO schema_migrations (id, name, applied_at) VALUES (?, ?, ?)').run(m.id, m.name, new Date().toISOString());
    }).immediate();
  }
}

/**
 * The entity table of migration 3. Rows are kept in write order (rowid): an id written twice
 * in a version has two rows, merged by the readers in that order.
 */
export const ENTITY_TABLE_SQL = `
  CREATE TABLE entity (
    version_id INTEGER NOT NULL REFERENCES list_version (id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    root_id TEXT NOT NULL,
    schema TEXT NOT NULL,
    caption TEXT NOT NULL,
    target INTEGER NOT NULL,
    data TEXT NOT NULL
  );`;

export const ENTITY_INDEXES_SQL = `
  CREATE INDEX entity_by_id ON entity (id, version_id);
  CREATE INDEX entity_by_root ON entity (version_id, root_id);
  CREATE INDEX bundle_by_root ON bundle (root_id);`;

/** Entities converted per page of migration 3 (what is held in memory at once). */
const MIGRATE_PAGE = 5000;

/**
 * Statement rows to entity rows: each (version, entity) becomes one row whose data holds its
 * statements in their order (rowid). Entities are read a page at a time in (id, version)
 * order, and the statements of the page in one range of statement_by_entity. The edges become
 * one b-tree keyed by their target (references() reads nothing else).
 */
function entityRows(db: DB): void {
  db.exec('ALTER TABLE entity RENAME TO entity_v1');
  db.exec(ENTITY_TABLE_SQL);
  const page = db.prepare(
    `SELECT version_id, id, root_id, schema, caption, target FROM entity_v1 INDEXED BY entity_by_id
     WHERE (id, version_id) > (?, ?) ORDER BY id, version_id LIMIT ${MIGRATE_PAGE}`,
  ).raw();
  const statements = db.prepare(
    `SELECT entity_id, version_id, prop, value, lang, origin FROM statement INDEXED BY statement_by_entity
     WHERE (entity_id, version_id) >= (?, ?) AND (entity_id, version_id) <= (?, ?) ORDER BY entity_id, version_id, rowid`,
  ).raw();
  const insert = db.prepare('INSERT INTO entity (version_id, id, root_id, schema, caption, target, data) VALUES (?, ?, ?, ?, ?, ?, ?)');
  let after: [string, number] = ['', -1];
  for (;;) {
    const entities = page.all(after[0], after[1]) as Array<[number, string, string, string, string, number]>;
    if (entities.length === 0) break;
    const first = entities[0]!;
    const last = entities[entities.length - 1]!;
    after = [last[1], last[0]];
    const rows = statements.all(first[1], first[0], last[1], last[0]) as Array<[string, number, string, string, string | null, string | null]>;
    const byEntity = new Map<string, Array<{ prop: string; value: string; lang: string | null; origin: string | null }>>();
    for (const [entityId, versionId, prop, value, lang, origin] of rows) {
      const key = `${versionId}\u0000${entityId}`;
      let own = byEntity.get(key);
      if (!own) byEntity.set(key, (own = []));
      own.push({ prop, value, lang, origin });
    }
    for (const [versionId, id, rootId, schema, caption, target] of entities) {
      insert.run(versionId, id, rootId, schema, caption, target, encodeStatements(byEntity.get(`${versionId}\u0000${id}`) ?? []));
    }
  }
  db.exec(`
    DROP TABLE entity_v1;
    DROP TABLE statement;
    ALTER TABLE edge RENAME TO edge_v1;
    CREATE TABLE edge (
      target_id TEXT NOT NULL,
      version_id INTEGER NOT NULL REFERENCES list_version (id) ON DELETE CASCADE,
      source_id TEXT NOT NULL,
      prop TEXT NOT NULL,
      schema TEXT NOT NULL,
      PRIMARY KEY (target_id, version_id, source_id, prop, schema)
    ) WITHOUT ROWID;
    INSERT OR IGNORE INTO edge (target_id, version_id, source_id, prop, schema) SELECT target_id, version_id, source_id, prop, schema FROM edge_v1;
    DROP TABLE edge_v1;
    ${ENTITY_INDEXES_SQL}
  `);
}

/** SQLite schema migrations, applied in order and recorded in schema_migrations. */

export interface Migration {
  id: number;
  name: string;
  sql: string;
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
];

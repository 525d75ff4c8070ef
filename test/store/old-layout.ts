/**
 * Stores as they were before entity rows (migrations 1 and 2 only, one row per statement),
 * written here the way the old version writers wrote them — to test that migration 3 keeps
 * everything a user's existing store holds.
 */
import Database from 'better-sqlite3';
import type { PoolClient } from 'pg';
import { model } from '../../src/model/index.js';
import type { Entity, EntityBundle } from '../../src/model/index.js';
import { hashStatements } from '../../src/store/index.js';
import type { VersionMeta } from '../../src/store/index.js';
import { applyMigrations, SQLITE_MIGRATIONS } from '../../src/store/sqlite/migrations.js';
import { migrate, PG_MIGRATIONS } from '../../src/store/postgres/migrations.js';

export interface OldVersion {
  meta: VersionMeta;
  bundles: EntityBundle[];
  activate: boolean;
}

interface OldRows {
  bundles: Array<[rootId: string, schema: string, caption: string, target: boolean, hash: string]>;
  entities: Array<[id: string, rootId: string, schema: string, caption: string, target: boolean]>;
  statements: Array<[entityId: string, prop: string, value: string, lang: string | null, origin: string | null]>;
  edges: Array<[sourceId: string, schema: string, prop: string, targetId: string]>;
}

/** The rows the old flattenBundles gave: statements per entity, per property, per value. */
function oldRows(bundles: readonly EntityBundle[]): OldRows {
  const rows: OldRows = { bundles: [], entities: [], statements: [], edges: [] };
  for (const b of bundles) {
    const all: Entity[] = [b.root, ...b.related];
    for (const e of all) {
      rows.entities.push([e.id, b.root.id, e.schema.name, e.caption, e.target]);
      for (const s of e.statements()) {
        rows.statements.push([s.entityId, s.prop, s.value, s.lang, s.origin]);
        if (model.get(s.schema)?.properties.get(s.prop)?.type === 'entity') rows.edges.push([s.entityId, s.schema, s.prop, s.value]);
      }
    }
    rows.bundles.push([b.root.id, b.root.schema.name, b.root.caption, b.root.target, hashStatements(all.flatMap((e) => e.statements()))]);
  }
  return rows;
}

/** A SQLite store file of the old layout holding `versions`. */
export function writeOldSqlite(path: string, versions: readonly OldVersion[]): void {
  const db = new Database(path);
  try {
    db.pragma('journal_mode = WAL');
    applyMigrations(db, SQLITE_MIGRATIONS.filter((m) => m.id <= 2));
    for (const v of versions) {
      db.transaction(() => {
        const m = v.meta;
        const id = Number(db.prepare('INSERT INTO list_version (source, version, published, checksum, format, files, loaded_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
          .run(m.source, m.version, m.published, m.checksum, m.format, JSON.stringify(m.files), new Date().toISOString()).lastInsertRowid);
        const rows = oldRows(v.bundles);
        let entities = 0;
        for (const [rootId, schema, caption, target, hash] of rows.bundles) {
          if (db.prepare('INSERT OR IGNORE INTO bundle VALUES (?, ?, ?, ?, ?, ?)').run(id, rootId, schema, caption, target ? 1 : 0, hash).changes === 1) entities++;
          else db.prepare("UPDATE bundle SET hash = hash || '+' || ? WHERE version_id = ? AND root_id = ?").run(hash, id, rootId);
        }
        for (const [eid, rootId, schema, caption, target] of rows.entities) db.prepare('INSERT OR IGNORE INTO entity VALUES (?, ?, ?, ?, ?, ?)').run(id, eid, rootId, schema, caption, target ? 1 : 0);
        for (const s of rows.statements) db.prepare('INSERT INTO statement VALUES (?, ?, ?, ?, ?, ?)').run(id, ...s);
        for (const g of rows.edges) db.prepare('INSERT INTO edge VALUES (?, ?, ?, ?, ?)').run(id, ...g);
        db.prepare('UPDATE list_version SET entities = ?, statements = ? WHERE id = ?').run(entities, rows.statements.length, id);
        if (v.activate) {
          db.prepare('UPDATE list_version SET active = 0 WHERE source = ?').run(m.source);
          db.prepare('UPDATE list_version SET active = 1 WHERE id = ?').run(id);
        }
      })();
    }
  } finally {
    db.close();
  }
}

/** The old PostgreSQL layout in the connection's schema (search_path), holding `versions`. */
export async function writeOldPostgres(client: PoolClient, schema: string, versions: readonly OldVersion[]): Promise<void> {
  await migrate(client, schema, PG_MIGRATIONS.filter((m) => m.id <= 2));
  for (const v of versions) {
    await client.query('BEGIN');
    const m = v.meta;
    const id = (await client.query<{ id: number }>('INSERT INTO list_version (source, version, published, checksum, format, files, loaded_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id',
      [m.source, m.version, m.published, m.checksum, m.format, JSON.stringify(m.files), new Date().toISOString()])).rows[0]!.id;
    const rows = oldRows(v.bundles);
    for (const [rootId, schemaName, caption, target, hash] of rows.bundles) {
      await client.query(`INSERT INTO bundle AS b VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (version_id, root_id) DO UPDATE SET hash = b.hash || '+' || excluded.hash`, [id, rootId, schemaName, caption, target, hash]);
    }
    for (const [eid, rootId, schemaName, caption, target] of rows.entities) {
      await client.query('INSERT INTO entity VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING', [id, eid, rootId, schemaName, caption, target]);
    }
    let seq = 0;
    for (const s of rows.statements) await client.query('INSERT INTO statement VALUES ($1, $2, $3, $4, $5, $6, $7)', [id, ++seq, ...s]);
    for (const g of rows.edges) await client.query('INSERT INTO edge VALUES ($1, $2, $3, $4, $5)', [id, ...g]);
    await client.query('UPDATE list_version SET entities = (SELECT count(*) FROM bundle WHERE version_id = $1), statements = $2 WHERE id = $1', [id, rows.statements.length]);
    if (v.activate) {
      await client.query('UPDATE list_version SET active = false WHERE source = $1', [m.source]);
      await client.query('UPDATE list_version SET active = true WHERE id = $1', [id]);
    }
    await client.query('COMMIT');
  }
}

/**
 * A list version written into PostgreSQL: one transaction on one pooled connection, from
 * beginVersion to commit or abort; a failed or killed load leaves nothing (the server rolls
 * back a transaction whose connection is gone). Entities and edges, the bulk, go in by COPY
 * FROM STDIN (text format), entities numbered (seq) in write order; bundles, which need
 * ON CONFLICT, as one multi-row INSERT per batch with the columns bound as arrays and
 * unnested on the server.
 * Activation takes an advisory lock per source, so that concurrent loaders of one source
 * activate one after the other and exactly one version stays active.
 */
import type { PoolClient } from 'pg';
import { EndtraceError } from '../../model/index.js';
import type { EntityBundle, Issue } from '../../model/index.js';
import { flattenBundles, ROW_WIDTH } from '../rows.js';
import type { VersionRows } from '../rows.js';
import type { VersionInfo, VersionMeta, VersionWriter } from '../types.js';
import { COPY_CHUNK, copyRows, copyText } from './copy.js';
import { versionInfo } from './version-rows.js';
import type { VersionRow } from './version-rows.js';

const MAX_ISSUES_PER_VERSION = 10_000;

/** Key class of the per-source activation lock (pg_advisory_xact_lock(int, int)). */
const ACTIVATE_LOCK = 0x61637476; // 'actv'

/** Makes `versionId` its source's only active version, inside the caller's transaction. */
export async function activateIn(client: PoolClient, versionId: number): Promise<void> {
  const row = (await client.query<{ source: string }>('SELECT source FROM list_version WHERE id = $1', [versionId])).rows[0];
  if (!row) throw new EndtraceError('not_found', `no list version with id ${versionId}`);
  // Until this transaction ends, no other activation of the source runs; the one after it
  // reads (READ COMMITTED: a fresh snapshot per statement) the version this one activated.
  await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [ACTIVATE_LOCK, row.source]);
  await client.query('UPDATE list_version SET active = false WHERE source = $1 AND active AND id <> $2', [row.source, versionId]);
  await client.query('UPDATE list_version SET active = true WHERE id = $1', [versionId]);
}

/** Column i of a flat row array of width w. */
function column<T>(flat: readonly T[], width: number, i: number): T[] {
  const n = flat.length / width;
  const out = new Array<T>(n);
  for (let r = 0, j = i; r < n; r++, j += width) out[r] = flat[j]!;
  return out;
}

/** Bundles of one batch with a repeated root merged into its first row (SQLite's INSERT OR IGNORE + hash merge). */
function mergeBundles(b: ReadonlyArray<string | number>): Array<string | number> {
  const w = ROW_WIDTH.bundle;
  const first = new Map<string, number>();
  const out: Array<string | number> = [];
  for (let i = 0; i < b.length; i += w) {
    const rootId = b[i] as string;
    const at = first.get(rootId);
    if (at === undefined) {
      first.set(rootId, out.length);
      for (let k = 0; k < w; k++) out.push(b[i + k]!);
    } else {
      out[at + 4] = `${out[at + 4]}+${b[i + 4]}`;
    }
  }
  return out;
}

function* entityLines(v: number, base: number, e: ReadonlyArray<string | number>): Generator<string> {
  let text = '';
  for (let i = 0, seq = base + 1; i < e.length; i += ROW_WIDTH.entity, seq++) {
    text += `${v}\t${seq}\t${copyText(e[i] as string)}\t${copyText(e[i + 1] as string)}\t${copyText(e[i + 2] as string)}\t${copyText(e[i + 3] as string)}\t${e[i + 4] ? 't' : 'f'}\t${copyText(e[i + 5] as string)}\n`;
    if (text.length >= COPY_CHUNK) {
      yield text;
      text = '';
    }
  }
  if (text) yield text;
}

function* edgeLines(v: number, g: readonly string[]): Generator<string> {
  let text = '';
  for (let i = 0; i < g.length; i += ROW_WIDTH.edge) {
    text += `${v}\t${copyText(g[i])}\t${copyText(g[i + 1])}\t${copyText(g[i + 2])}\t${copyText(g[i + 3])}\n`;
    if (text.length >= COPY_CHUNK) {
      yield text;
      text = '';
    }
  }
  if (text) yield text;
}

export class PgVersionWriter implements VersionWriter {
  private statementCount = 0;
  private entityCount = 0;
  private issueCount = 0;
  private done = false;
  /** The write in flight: calls are serialised, as they share one connection and transaction. */
  private chain: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly client: PoolClient,
    private readonly versionId: number,
    readonly meta: VersionMeta,
    private readonly release: (writer: PgVersionWriter, err?: Error) => void,
  ) {}

  private check(): void {
    if (this.done) throw new EndtraceError('internal', 'this version writer is closed');
  }

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.chain.then(fn);
    this.chain = next.catch(() => undefined);
    return next;
  }

  async write(bundles: readonly EntityBundle[]): Promise<void> {
    this.check();
    const rows = flattenBundles(bundles);
    return this.serial(() => this.insertRows(rows));
  }

  async writeRows(rows: VersionRows): Promise<void> {
    this.check();
    return this.serial(() => this.insertRows(rows));
  }

  private async insertRows(rows: VersionRows): Promise<void> {
    const c = this.client;
    const v = this.versionId;
    if (rows.bundles.length) {
      const b = mergeBundles(rows.bundles);
      const w = ROW_WIDTH.bundle;
      await c.query(
        `INSERT INTO bundle AS b (version_id, root_id, schema, caption, target, hash)
         SELECT $1, r, s, c, t <> 0, h FROM unnest($2::text[], $3::text[], $4::text[], $5::int[], $6::text[]) AS u(r, s, c, t, h)
         ON CONFLICT (version_id, root_id) DO UPDATE SET hash = b.hash || '+' || excluded.hash`,
        [v, column(b, w, 0), column(b, w, 1), column(b, w, 2), column(b, w, 3), column(b, w, 4)],
      );
    }
    this.statementCount += rows.statements;
    if (rows.entities.length) {
      const base = this.entityCount;
      this.entityCount += rows.entities.length / ROW_WIDTH.entity;
      await copyRows(c, 'COPY entity (version_id, seq, id, root_id, schema, caption, target, data) FROM STDIN', entityLines(v, base, rows.entities));
    }
    if (rows.edges.length) {
      await copyRows(c, 'COPY edge (version_id, source_id, schema, prop, target_id) FROM STDIN', edgeLines(v, rows.edges));
    }
  }

  async issues(issues: readonly Issue[]): Promise<void> {
    this.check();
    const room = Math.max(0, MAX_ISSUES_PER_VERSION - this.issueCount);
    const kept = issues.slice(0, room);
    const base = this.issueCount;
    this.issueCount += issues.length;
    if (kept.length === 0) return;
    // PostgreSQL's text cannot hold U+0000; an issue may quote a broken record.
    const text = (s: string | undefined) => (s === undefined ? null : s.replaceAll('\u0000', '\ufffd'));
    await this.serial(() =>
      this.client.query(
        `INSERT INTO load_issue (version_id, seq, code, message, file, line, record)
         SELECT $1, $2 + n, c, m, f, l, r FROM unnest($3::text[], $4::text[], $5::text[], $6::int[], $7::text[]) WITH ORDINALITY AS u(c, m, f, l, r, n)`,
        [
          this.versionId, base,
          kept.map((i) => text(i.code)), kept.map((i) => text(i.message)), kept.map((i) => text(i.file)),
          kept.map((i) => i.line ?? null), kept.map((i) => text(i.record)),
        ],
      ),
    );
  }

  async commit(opts: { activate: boolean; published?: string | null }): Promise<VersionInfo> {
    this.check();
    this.done = true;
    const c = this.client;
    try {
      await this.chain;
      await c.query(
        `UPDATE list_version SET entities = (SELECT count(*) FROM bundle WHERE version_id = $1), statements = $2, issues = $3,
           published = coalesce(published, $4) WHERE id = $1`,
        [this.versionId, this.statementCount, this.issueCount, opts.published ?? null],
      );
      if (opts.activate) await activateIn(c, this.versionId);
      const row = (await c.query<VersionRow>('SELECT * FROM list_version WHERE id = $1', [this.versionId])).rows[0]!;
      await c.query('COMMIT');
      this.release(this);
      return versionInfo(row);
    } catch (err) {
      await this.rollback(err as Error);
      throw err;
    }
  }

  async abort(): Promise<void> {
    if (this.done) return;
    this.done = true;
    await this.chain;
    await this.rollback();
  }

  /** Rolls back and returns the connection; a connection that fails even that is discarded. */
  private async rollback(cause?: Error): Promise<void> {
    try {
      await this.client.query('ROLLBACK');
      this.release(this);
    } catch (err) {
      this.release(this, cause ?? (err as Error));
    }
  }
}

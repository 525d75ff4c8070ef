/**
 * `endtrace ingest docs` in process: the subcommand registered on an `ingest` command as
 * src/cli/commands/ingest.ts does, over a store file loaded with the SDN excerpt. Checks the
 * --json contract (one object per document, exactly {document, pages, mentions[{kind, text,
 * page, start, end, entity}]}), the human output, and the errors.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { registerIngestDocs } from '../../src/cli/commands/ingest-docs.js';
import type { GlobalOptions } from '../../src/cli/context.js';
import { isEndtraceError } from '../../src/model/index.js';
import { loadLists } from '../../src/service/index.js';
import { SqliteStore } from '../../src/store/index.js';
import { fixture } from '../helpers/shared-data.js';

let dir: string;
let db: string;

async function run(...args: string[]): Promise<{ stdout: string; stderr: string; error: unknown }> {
  const program = new Command('endtrace').option('--db <path>').option('--json').exitOverride();
  const ingest = program.command('ingest').description('ingest evidence');
  registerIngestDocs(ingest, () => program.opts<GlobalOptions>());
  for (const c of [program, ingest, ...ingest.commands]) c.exitOverride();
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((stdout += String(s)), true));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((stderr += String(s)), true));
  let error: unknown = null;
  try {
    await program.parseAsync(['--db', db, ...args], { from: 'user' });
  } catch (e) {
    error = e;
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
  return { stdout, stderr, error };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'endtrace-docs-cli-'));
  db = join(dir, 'test.db');
  const store = new SqliteStore(db);
  await loadLists(store, fixture('screening', 'sdn-mini'));
  await store.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('endtrace ingest docs', () => {
  it('prints one JSON object per document with exactly the contract fields', async () => {
    const r = await run('--json', 'ingest', 'docs', fixture('ingest', 'documents', 'screening-memo-ru.txt'), fixture('ingest', 'documents', 'note-zh.txt'));
    expect(r.error).toBeNull();
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.length).toBe(2);
    for (const doc of lines) {
      expect(Object.keys(doc)).toEqual(['document', 'pages', 'mentions']);
      expect(doc.document).toMatch(/^doc-[0-9a-f]{16}$/);
      expect(doc.pages).toBe(1);
      for (const m of doc.mentions as Array<Record<string, unknown>>) expect(Object.keys(m)).toEqual(['kind', 'text', 'page', 'start', 'end', 'entity']);
    }
    const memo = lines[0]!.mentions as Array<Record<string, unknown>>;
    expect(memo.find((m) => m.entity === 'ofac-46441')).toEqual({ kind: 'organization', text: 'ООО «ТСК Вектор»', page: 1, start: 165, end: 181, entity: 'ofac-46441' });
    expect(memo.filter((m) => m.entity !== null).map((m) => m.entity)).toEqual(['ofac-46441', 'ofac-46431']);
  });

  it('prints a table and a summary without --json, into the named dataset', async () => {
    const r = await run('ingest', 'docs', fixture('ingest', 'documents', 'invoice-en.txt'), '--dataset', 'invoices');
    expect(r.error).toBeNull();
    expect(r.stdout).toMatch(/^file\s+pages\s+mentions\s+linked\s+document\ninvoice-en\.txt\s+1\s+23\s+0\s+doc-[0-9a-f]{16}\n/);
    expect(r.stdout).toMatch(/stored 1 document\(s\), 23 mention\(s\) as invoices \d{4}-\d{2}-\d{2}; names linked against: ofac-sdn \S+/);
  });

  it('uses --models patterns instead of the default ones', async () => {
    const r = await run('--json', 'ingest', 'docs', fixture('ingest', 'documents', 'invoice-en.txt'), '--dataset', 'models', '--models', 'HW\\d+V');
    const doc = JSON.parse(r.stdout) as { mentions: Array<{ kind: string; text: string }> };
    expect(doc.mentions.filter((m) => m.kind === 'model').map((m) => m.text)).toEqual(['HW52V']);
  });

  it('fails with one line naming a malformed PDF, exit code 1, nothing stored', async () => {
    const r = await run('ingest', 'docs', fixture('ingest', 'documents', 'invoice-en.txt'), fixture('ingest', 'documents', 'truncated.pdf'), '--dataset', 'bad');
    expect(r.error).toBeNull();
    expect(process.exitCode).toBe(1);
    process.exitCode = 0;
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^endtrace: error: truncated\.pdf: the PDF cannot be read \(.+\) \[pdf_corrupt\] — nothing was stored\n$/);
    const store = new SqliteStore(db);
    expect(await store.versions('bad')).toEqual([]);
    await store.close();
  });

  it('refuses bad usage with a usage error', async () => {
    const r = await run('ingest', 'docs', fixture('ingest', 'documents', 'invoice-en.txt'), '--dataset', 'ofac-sdn');
    expect(isEndtraceError(r.error) && r.error.kind).toBe('usage');
  });
});

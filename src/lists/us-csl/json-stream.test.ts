import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EndtraceError } from '../../model/index.js';
import { readJsonRecords } from './json-stream.js';
import type { JsonRecord } from './json-stream.js';

let tmp: string;
let n = 0;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'us-csl-json-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

async function read(text: string, maxRecordSize?: number): Promise<JsonRecord[]> {
  const path = join(tmp, `doc-${n++}.json`);
  await writeFile(path, text);
  const out: JsonRecord[] = [];
  for await (const r of readJsonRecords(path, maxRecordSize === undefined ? { name: 'doc.json' } : { name: 'doc.json', maxRecordSize })) out.push(r);
  return out;
}

async function failure(text: string, maxRecordSize?: number): Promise<EndtraceError> {
  try {
    await read(text, maxRecordSize);
  } catch (err) {
    if (err instanceof EndtraceError) return err;
    throw err;
  }
  throw new Error('no error');
}

describe('readJsonRecords', () => {
  it('cuts records out of the results array, skipping the keys around it', async () => {
    const doc = '{"total": 2, "sources_used": [{"source": "x", "results": [1]}],\n "results": [\n {"name": "a}", "n": [1, {"x": "]"}]},\n {"name": "b\\"}\\\\"}\n ], "after": {"results": [{"name": "no"}]}}';
    expect(await read(doc)).toEqual([
      { value: { name: 'a}', n: [1, { x: ']' }] }, line: 3 },
      { value: { name: 'b"}\\' }, line: 4 },
    ]);
  });

  it('accepts "results" as the first key and an empty results array', async () => {
    expect(await read('{"results":[{"name":"a"}]}')).toEqual([{ value: { name: 'a' }, line: 1 }]);
    expect(await read('{"results": [], "total": 0}')).toEqual([]);
  });

  it('reads a top-level array and JSON lines', async () => {
    expect(await read('[{"name": "a"},\n{"name": "b"}]\n')).toEqual([
      { value: { name: 'a' }, line: 1 },
      { value: { name: 'b' }, line: 2 },
    ]);
    expect(await read('{"name": "a"}\n\n{"name": "b", "results": 1}\n')).toEqual([
      { value: { name: 'a' }, line: 1 },
      { value: { name: 'b', results: 1 }, line: 3 },
    ]);
  });

  it('handles records split across read chunks', async () => {
    const long = 'x'.repeat(3_000_000);
    const records = await read(`{"results": [{"name": "${long}", "k": "}"}, {"name": "b"}]}`);
    expect(records.map((r) => (r.value as { name: string }).name.length)).toEqual([3_000_000, 1]);
  });

  it('reports truncation with the line where the text ends', async () => {
    const e = await failure('{"results": [\n{"name": "a"},\n{"name": "b');
    expect([e.kind, e.code, e.location]).toEqual(['input', 'truncated', { file: 'doc.json', line: 3 }]);
    expect((await failure('{"results": [{"name": "a"}]')).code).toBe('truncated');
    expect((await failure('')).code).toBe('truncated');
  });

  it('refuses mismatched brackets, stray values and trailing text', async () => {
    const mismatch = await failure('{"results": [\n{"name": "a"]}');
    expect([mismatch.code, mismatch.location?.line]).toEqual(['json_syntax', 2]);
    expect((await failure('{"results": ["a"]}')).code).toBe('json_syntax');
    expect((await failure('[{"name": "a"}] x')).code).toBe('json_syntax');
    expect((await failure('name,source\n')).code).toBe('json_syntax');
  });

  it('refuses a record larger than the limit', async () => {
    const e = await failure(`[{"name": "${'y'.repeat(2_000_000)}"}]`, 1_000_000);
    expect([e.code, e.location?.line]).toEqual(['oversized', 1]);
  });
});

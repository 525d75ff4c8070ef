import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { constants, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { EndtraceError } from '../../model/index.js';
import { isUtf8File, readHeadText, readText } from './text.js';

const tmp = mkdtempSync(join(tmpdir(), 'io-text-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** 3,000 lines of varied text: its gzip is ~8.6 KB, so that a cut leaves a part that decompresses. */
const TEXT = Array.from({ length: 3000 }, (_, i) => `line ${i} ${'x'.repeat(i % 50)}`).join('\n') + '\n';
const GZ = gzipSync(Buffer.from(TEXT));

function write(name: string, data: Buffer | string): string {
  const path = join(tmp, name);
  writeFileSync(path, data);
  return path;
}

async function failure(p: Promise<unknown>): Promise<EndtraceError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(EndtraceError);
    return err as EndtraceError;
  }
  throw new Error('expected an input error');
}

async function readAll(path: string, name: string): Promise<string> {
  let out = '';
  for await (const chunk of readText(path, { name })) out += chunk;
  return out;
}

describe('readHeadText on gzip files', () => {
  it('reads the head of a whole gzip file', async () => {
    expect(await readHeadText(write('whole.txt.gz', GZ), 20)).toBe('line 0 \nline 1 x\nlin');
  });

  it('gives the head of a gzip cut short after some text (the full read reports the cut)', async () => {
    const path = write('cut.txt.gz', GZ.subarray(0, GZ.length >> 1));
    expect(await readHeadText(path, 16)).toBe('line 0 \nline 1 x');
  });

  it('refuses a gzip cut before any text, naming the file', async () => {
    const err = await failure(readHeadText(write('header-only.txt.gz', GZ.subarray(0, 12)), 65536, 'header-only.txt.gz'));
    expect([err.kind, err.code, err.location, err.message]).toEqual(['input', 'truncated', { file: 'header-only.txt.gz', line: 1 }, 'the gzip stream ends early (truncated download?)']);
  });

  it('refuses corrupt deflate data, naming the file and the cause', async () => {
    const bad = Buffer.from(GZ);
    bad.fill(0xff, 10, 40); // the first deflate block
    const err = await failure(readHeadText(write('corrupt.txt.gz', bad), 65536, 'corrupt.txt.gz'));
    expect([err.kind, err.code, err.location?.file]).toEqual(['input', 'truncated', 'corrupt.txt.gz']);
    expect(err.message).toMatch(/^the gzip data is corrupt: /);
  });

  it('refuses the gzip magic followed by garbage (unknown compression method), by path by default', async () => {
    const path = write('garbage.txt.gz', Buffer.concat([Buffer.from([0x1f, 0x8b]), Buffer.from(Array.from({ length: 200 }, (_, i) => i))]));
    const err = await failure(readHeadText(path));
    expect([err.kind, err.code, err.location, err.message]).toEqual(['input', 'truncated', { file: path, line: 1 }, 'the gzip data is corrupt: unknown compression method']);
  });

  it('leaves a file that is not gzip alone', async () => {
    expect(await readHeadText(write('plain.txt', '\uFEFFa,b\r\nc,d\r\n\u001a'))).toBe('a,b\r\nc,d\r\n');
  });
});

describe('truncated gzip: every reader names the line where the text ends', () => {
  const cut = GZ.subarray(0, GZ.length >> 1);
  // What zlib can still decompress of the cut file; the stream breaks off after it.
  const part = gunzipSync(cut, { finishFlush: constants.Z_SYNC_FLUSH }).toString('utf8');
  const line = part.split('\n').length;

  it('isUtf8File (which some parsers call first) names the line', async () => {
    expect(line).toBeGreaterThan(1000);
    expect(line).toBeLessThan(3000);
    const err = await failure(isUtf8File(write('trunc-a.txt.gz', cut), 'trunc-a.txt.gz'));
    expect([err.kind, err.code, err.location, err.message]).toEqual(['input', 'truncated', { file: 'trunc-a.txt.gz', line }, 'the gzip stream ends early (truncated download?)']);
  });

  it('readText names the same line', async () => {
    const err = await failure(readAll(write('trunc-b.txt.gz', cut), 'trunc-b.txt.gz'));
    expect([err.code, err.location]).toEqual(['truncated', { file: 'trunc-b.txt.gz', line }]);
  });

  it('isUtf8File reads a whole gzip file, and tells UTF-8 from Windows-1252', async () => {
    expect(await isUtf8File(write('ok.txt.gz', GZ))).toBe(true);
    expect(await isUtf8File(write('cp1252.txt.gz', gzipSync(Buffer.from([0x61, 0xe9, 0x0a]))))).toBe(false);
  });
});

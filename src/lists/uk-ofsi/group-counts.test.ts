import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EndtraceError } from '../../model/index.js';
import { countGroupRows } from './group-counts.js';

describe('countGroupRows', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'uk-ofsi-counts-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  const write = async (name: string, text: string) => {
    const path = join(dir, name);
    await writeFile(path, text);
    return path;
  };
  const opts = { column: 2, width: 3, skipRecords: 2 };

  it('counts rows per Group ID across quoted commas, quotes and line breaks', async () => {
    const path = await write(
      'ok.csv',
      'Last Updated,01/01/2025\r\nName,Info,Group ID\r\nA,"x, ""y""\r\nz",7\r\n,,\r\n\r\nB,plain,8\r\nC,"q",7\r\nD,too,many,9\r\nE,,\r\n',
    );
    expect(Object.fromEntries(await countGroupRows(path, opts))).toEqual({ '7': 2, '8': 1 });
  });

  it('reads a quoted Group ID and one on the last line without line break', async () => {
    const path = await write('last.csv', 'h\r\nName,Info,Group ID\r\nA,,"12"\r\nB,,12');
    expect(Object.fromEntries(await countGroupRows(path, opts))).toEqual({ '12': 2 });
  });

  it('refuses an unclosed quote with the line where its record starts', async () => {
    const path = await write('open.csv', 'h\nName,Info,Group ID\nA,x,1\nB,"never closed,2\nC,y,3\n');
    const err = (await countGroupRows(path, { ...opts, name: 'open.csv' }).catch((e: unknown) => e)) as EndtraceError;
    expect([err.code, err.location]).toEqual(['csv_syntax', { file: 'open.csv', line: 4 }]);
  });

  it('refuses a quote inside an unquoted field and text after a closing quote', async () => {
    const mid = await write('mid.csv', 'h\nName,Info,Group ID\nA,x,1\nB,x"y,2\n');
    const after = await write('after.csv', 'h\nName,Info,Group ID\nA,"x"y,1\n');
    const e1 = (await countGroupRows(mid, { ...opts, name: 'mid.csv' }).catch((e: unknown) => e)) as EndtraceError;
    const e2 = (await countGroupRows(after, { ...opts, name: 'after.csv' }).catch((e: unknown) => e)) as EndtraceError;
    expect([e1.code, e1.location]).toEqual(['csv_syntax', { file: 'mid.csv', line: 4 }]);
    expect([e2.code, e2.location]).toEqual(['csv_syntax', { file: 'after.csv', line: 3 }]);
  });
});

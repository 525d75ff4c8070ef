/**
 * Bad input through `endtrace lists load`: every broken file exits 1 with one line on stderr
 * naming the file, the line and the cause (and its code), and the store keeps the version that
 * was active before, untouched.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliFixture, cliOk, parseStatus, requireBuild, runCli, stderrLines, tempDir } from './run-cli.js';
import type { StatusRow } from './run-cli.js';

requireBuild();

const LISTS = cliFixture('lists');
const BAD = cliFixture('bad');

describe('lists load of bad input leaves the store as it was', () => {
  const { dir, remove } = tempDir('cli-bad');
  const db = join(dir, 'store.db');
  let before: StatusRow[];
  let versionsBefore: unknown;

  beforeAll(async () => {
    for (const path of ['ofac-sdn/2024-01-10', 'uk/ConList.csv', 'un/b-first.xml']) await cliOk(db, ['lists', 'load', '--from', join(LISTS, path)], dir);
    before = parseStatus((await cliOk(db, ['--json', 'lists', 'status'], dir)).stdout);
    expect(before.map((r) => `${r.source} ${r.version}`)).toEqual(['ofac-sdn 2024-01-10', 'uk-ofsi 2024-02-01', 'un-sc 2024-01-15']);
    versionsBefore = JSON.parse((await cliOk(db, ['--json', 'lists', 'versions'], dir)).stdout);
  });
  afterAll(remove);

  /**
   * Loads a bad file: exit 1, exactly one line on stderr, and on stdout the status of the
   * source the file belongs to (none when it is not recognised) as it was before.
   */
  async function loadFails(path: string, source: string | null): Promise<string> {
    const r = await runCli(['--db', db, '--json', 'lists', 'load', '--from', path], dir);
    expect(r.code, r.stderr).toBe(1);
    const lines = stderrLines(r);
    expect(lines, r.stderr).toHaveLength(1);
    if (source) expect(parseStatus(r.stdout)).toEqual(before.filter((s) => s.source === source));
    else expect(r.stdout).toBe('');
    return lines[0]!;
  }

  // The failing loads change nothing, so they run side by side.
  describe.concurrent('each fails with one line naming the file, the line and the cause', () => {
    it('a truncated XML file', async () => {
      expect(await loadFails(join(BAD, 'truncated.xml'), 'un-sc')).toBe(
        'endtrace: error: truncated.xml:49: the XML document ends early (truncated file?): unclosed tag: INDIVIDUAL [truncated] — un-sc was not changed',
      );
    });

    it('a CSV row with broken quoting', async () => {
      expect(await loadFails(join(BAD, 'broken-quoting.csv'), 'ofac-sdn')).toBe(
        'endtrace: error: broken-quoting.csv:7: a quote inside a field is not escaped (broken quoting) [csv_syntax] — ofac-sdn was not changed',
      );
    });

    it('an XML with an external entity (XXE)', async () => {
      expect(await loadFails(join(BAD, 'xxe.xml'), 'un-sc')).toBe(
        'endtrace: error: xxe.xml:4: the XML declares entities in its DOCTYPE (entity expansion or external entity); refused [xml_entity] — un-sc was not changed',
      );
    });

    it('an XML with entity expansion (billion laughs)', async () => {
      expect(await loadFails(join(BAD, 'billion-laughs.xml'), 'un-sc')).toBe(
        'endtrace: error: billion-laughs.xml:13: the XML declares entities in its DOCTYPE (entity expansion or external entity); refused [xml_entity] — un-sc was not changed',
      );
    });

    it('an unrecognised file', async () => {
      expect(await loadFails(join(BAD, 'notes.txt'), null)).toBe(
        `endtrace: error: ${join(BAD, 'notes.txt')}: not a list format endtrace recognises (OFAC CSV/XML, US CSL, UK OFSI, UN SC, FtM JSON) [unrecognised]`,
      );
    });

    it('a file in the wrong encoding (Latin-1 where UTF-8 is required)', async () => {
      expect(await loadFails(join(BAD, 'latin1.xml'), 'un-sc')).toBe('endtrace: error: latin1.xml:7: invalid utf-8 byte sequence (wrong encoding?) [encoding] — un-sc was not changed');
    });

    it('an oversized field', async () => {
      const sdn = join(dir, 'oversized.csv');
      const rows = [
        '7828,"AMDOUNI, Mehrez","individual","SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ',
        `90020,"OVERSIZED TRADING LLC",-0- ,"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"${'A'.repeat(1_100_000)}"`,
      ];
      writeFileSync(sdn, rows.join('\r\n') + '\r\n');
      expect(await loadFails(sdn, 'ofac-sdn')).toBe('endtrace: error: oversized.csv:2: a record is larger than the limit (oversized field) [oversized] — ofac-sdn was not changed');
    });

    it('an oversized XML record (a 1.1 MB text node)', async () => {
      const xml = readFileSync(join(LISTS, 'un/b-first.xml'), 'utf8').replace(/<COMMENTS1>[^<]*<\/COMMENTS1>/, `<COMMENTS1>${'B'.repeat(1_100_000)}</COMMENTS1>`);
      // The error names the line the record starts on, as for an oversized CSV record.
      const line = xml.slice(0, xml.lastIndexOf('<INDIVIDUAL>', xml.indexOf('<COMMENTS1>'))).split('\n').length;
      const path = join(dir, 'oversized.xml');
      writeFileSync(path, xml);
      expect(await loadFails(path, 'un-sc')).toBe(
        `endtrace: error: oversized.xml:${line}: the <INDIVIDUAL> record is larger than the limit of 1000000 characters (oversized field) [oversized] — un-sc was not changed`,
      );
    });

    it('a valid list without any record', async () => {
      const xml = readFileSync(join(LISTS, 'un/b-first.xml'), 'utf8')
        .replace(/dateGenerated="[^"]+"/, 'dateGenerated="2024-06-01T00:00:00.000Z"')
        .replace(/<INDIVIDUALS>[\s\S]*<\/INDIVIDUALS>/, '<INDIVIDUALS/>')
        .replace(/<ENTITIES>[\s\S]*<\/ENTITIES>/, '<ENTITIES/>');
      const path = join(dir, 'empty.xml');
      writeFileSync(path, xml);
      expect(await loadFails(path, 'un-sc')).toBe('endtrace: error: empty.xml: the list holds no entities; refused, so that an empty file does not replace a loaded list [empty_list] — un-sc was not changed');
    });

    it('a truncated gzip file', async () => {
      // The list's text breaks off after its first lines; the error names the line it reached (4).
      const line = await loadFails(join(BAD, 'truncated.csv.gz'), 'uk-ofsi');
      expect(line).toMatch(/^endtrace: error: truncated\.csv\.gz:\d+: the gzip stream ends early \(truncated download\?\) \[truncated\] — uk-ofsi was not changed$/);
      expect(line).toBe('endtrace: error: truncated.csv.gz:4: the gzip stream ends early (truncated download?) [truncated] — uk-ofsi was not changed');
    });

    it('an invalid gzip file (corrupt deflate data)', async () => {
      const line = await loadFails(join(BAD, 'corrupt.csv.gz'), null);
      expect(line).toMatch(/^endtrace: error: .*corrupt\.csv\.gz(:\d+)?: .*gzip.* \[[a-z_]+\]/);
      expect(line).toBe(`endtrace: error: ${join(BAD, 'corrupt.csv.gz')}:1: the gzip data is corrupt: invalid distance too far back [truncated]`);
    });

    it('an invalid gzip file (gzip magic, then garbage)', async () => {
      const line = await loadFails(join(BAD, 'garbage.csv.gz'), null);
      expect(line).toMatch(/^endtrace: error: .*garbage\.csv\.gz(:\d+)?: .*gzip.* \[[a-z_]+\]/);
      expect(line).toBe(`endtrace: error: ${join(BAD, 'garbage.csv.gz')}:1: the gzip data is corrupt: unknown compression method [truncated]`);
    });

    it('a path that does not exist', async () => {
      const missing = join(dir, 'no-such-list.xml');
      expect(await loadFails(missing, null)).toBe(`endtrace: error: ${missing}: no such file or folder [not_found]`);
    });

    it('a folder without any list file', async () => {
      const empty = join(dir, 'empty');
      mkdirSync(empty);
      writeFileSync(join(empty, 'readme.md'), '# nothing here\n');
      const r = await runCli(['--db', db, 'lists', 'load', '--from', empty], dir);
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(stderrLines(r)).toEqual(['skipped readme.md: not a list format endtrace recognises', `endtrace: error: ${empty}: no list file endtrace recognises is here [unrecognised]`]);
    });

    it('a folder with good and bad files loads the good ones and reports each bad one on one line', async () => {
      const r = await runCli(['--db', db, '--json', 'lists', 'load', '--from', BAD], dir);
      expect(r.code).toBe(1);
      const errors = stderrLines(r).filter((l) => l.startsWith('endtrace: error: '));
      expect(errors.map((l) => /^endtrace: error: ([^:]+)/.exec(l)![1]).sort()).toEqual(['billion-laughs.xml', 'broken-quoting.csv', 'latin1.xml', 'truncated.csv.gz', 'truncated.xml', 'xxe.xml']);
      expect(stderrLines(r).filter((l) => l.startsWith('skipped ')).map((l) => l.split(':')[0]).sort()).toEqual(['skipped corrupt.csv.gz', 'skipped garbage.csv.gz', 'skipped notes.txt']);
      // Nothing was loaded, so the sources it touched print as they were.
      expect(parseStatus(r.stdout)).toEqual(before);
    });
  });

  it('afterwards every version, its checksum, load time and whether it is active are exactly as before', async () => {
    expect(JSON.parse((await cliOk(db, ['--json', 'lists', 'versions'], dir)).stdout)).toEqual(versionsBefore);
  });
});

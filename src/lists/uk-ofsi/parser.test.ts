import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EndtraceError, EntityBundle, Issue } from '../../model/index.js';
import { fixture } from '../../../test/helpers/shared-data.js';
import type { LoadUnit } from '../types.js';
import { ukOfsiParser } from './index.js';

const unitFor = (path: string, name = path.split('/').pop()!): LoadUnit => ({
  source: 'uk-ofsi',
  format: 'uk-ofsi-csv',
  files: [{ role: 'main', path, name }],
  pathDate: null,
});

async function parseAll(path: string) {
  const issues: Issue[] = [];
  const bundles = new Map<string, EntityBundle>();
  const progress: number[] = [];
  const gen = ukOfsiParser.parse(unitFor(path), { issue: (i) => issues.push(i), progress: (n) => progress.push(n) });
  let r = await gen.next();
  while (!r.done) {
    bundles.set(r.value.root.id, r.value);
    r = await gen.next();
  }
  return { bundles, issues, meta: r.value, progress };
}

async function parseError(path: string): Promise<EndtraceError> {
  try {
    await parseAll(path);
  } catch (err) {
    return err as EndtraceError;
  }
  throw new Error(`${path} parsed without error`);
}

const related = (b: EntityBundle, schema: string) => b.related.filter((e) => e.schema.name === schema);
const f = (name: string) => fixture('lists/uk-ofsi', name);

describe('ukOfsiParser, current 36-column layout', () => {
  let result: Awaited<ReturnType<typeof parseAll>>;
  beforeAll(async () => {
    result = await parseAll(f('conlist-current.csv'));
  });

  it('groups the rows of each Group ID into one target, also when they are not contiguous', () => {
    expect([...result.bundles.keys()].sort()).toEqual(['gb-hmt-90001', 'gb-hmt-90002', 'gb-hmt-90003', 'gb-hmt-90004']);
    expect(result.meta).toEqual({ published: '2025-04-14' });
    expect(result.progress.length).toBeGreaterThan(0);
  });

  it('reads an individual: names in natural order, name parts, aliases by type and quality, partial DOBs', () => {
    const p = result.bundles.get('gb-hmt-90001')!.root;
    expect(p.schema.name).toBe('Person');
    expect(p.target).toBe(true);
    expect(p.get('name')).toEqual(['Ivan Petrovich Junior TESTOV']);
    expect(p.get('firstName')).toEqual(['Ivan']);
    expect(p.get('secondName')).toEqual(['Petrovich']);
    expect(p.get('middleName')).toEqual(['Junior']);
    expect(p.get('lastName')).toEqual(['TESTOV']);
    expect(p.get('alias')).toEqual(['Тестов Иван Петрович', 'Ivan TESTOFF']);
    expect(p.values('alias')[0]!.lang).toBe('rus');
    expect(p.get('weakAlias')).toEqual(['Vanya TESTOVSKI']);
    expect(p.get('previousName')).toEqual(['Ivan TESTOV-OLD']);
    expect(p.get('birthDate')).toEqual(['1965', '1966']);
    expect(p.get('birthPlace')).toEqual(['Testograd', 'Sampleville']);
    expect(p.get('birthCountry')).toEqual(['ru']);
    expect(p.get('nationality')).toEqual(['ru', 'ua']);
    expect(p.get('gender')).toEqual(['male']);
    expect(p.get('title')).toEqual(['Mr']);
    expect(p.get('position')).toEqual(['Director of the Test Institute']);
    expect(p.get('topics')).toEqual(['sanction']);
    expect(p.get('program')).toEqual(['Russia']);
    expect(p.get('passportNumber')).toEqual(['7512345678']);
    expect(p.get('idNumber')).toEqual(['123456789012']);
  });

  it('keeps provenance per row: each name carries the line of its own row', () => {
    const p = result.bundles.get('gb-hmt-90001')!.root;
    expect(p.origin).toBe('conlist-current.csv:3');
    expect(p.values('name')[0]!.origin).toBe('conlist-current.csv:3');
    expect(p.values('weakAlias')[0]!.origin).toBe('conlist-current.csv:11');
    expect(p.values('previousName')[0]!.origin).toBe('conlist-current.csv:14');
    expect(p.values('birthDate').map((v) => v.origin)).toEqual(['conlist-current.csv:3', 'conlist-current.csv:5']);
  });

  it('builds the Sanction, Passport and Identification of an individual', () => {
    const b = result.bundles.get('gb-hmt-90001')!;
    const [s] = related(b, 'Sanction');
    expect(s!.toFtM().properties).toEqual({
      authority: ['HM Treasury / Office of Financial Sanctions Implementation'],
      authorityId: ['RUS9001'],
      country: ['gb'],
      entity: ['gb-hmt-90001'],
      listingDate: ['2022-03-15'],
      modifiedAt: ['2022-03-16'],
      program: ['Russia'],
      reason: ['Ivan TESTOV is a fictional person used in tests.'],
      sourceUrl: ['https://www.gov.uk/government/publications/financial-sanctions-consolidated-list-of-targets'],
      startDate: ['2022-03-15'],
    });
    const [passport] = related(b, 'Passport');
    expect(passport!.toFtM().properties).toMatchObject({
      number: ['7512345678'],
      country: ['ru'],
      startDate: ['2015-06-04'],
      endDate: ['2025-06-03'],
      holder: ['gb-hmt-90001'],
    });
    const [id] = related(b, 'Identification');
    expect(id!.get('number')).toEqual(['123456789012']);
    expect(id!.get('description')).toEqual(['Russian tax number (INN)']);
    const [addr] = related(b, 'Address');
    expect(addr!.toFtM().properties).toMatchObject({ full: ['Ulitsa Primernaya 1, Moscow, 101000'], postalCode: ['101000'], country: ['ru'] });
  });

  it('reads an entity as a Company from its registration numbers, with contacts and relations', () => {
    const b = result.bundles.get('gb-hmt-90002')!;
    const c = b.root;
    expect(c.schema.name).toBe('Company');
    expect(c.get('name')).toEqual(['TEST TRADE LLC']);
    expect(c.get('alias')).toEqual(['ООО Тест Трейд', '<script>alert(1)</script>', 'TEST TRADE']);
    expect(c.get('ogrnCode')).toEqual(['1027700000001']);
    expect(c.get('registrationNumber')).toEqual(['1027700000001']);
    expect(c.get('innCode')).toEqual(['7700000001']);
    expect(c.get('taxNumber')).toEqual(['7700000001']);
    expect(c.get('kppCode')).toEqual(['770001001']);
    expect(c.get('legalForm')).toEqual(['Limited Liability Company']);
    expect(c.get('phone')).toEqual(['+7 812 555 0101', '+7 812 555 0102']);
    expect(c.get('website')).toEqual(['www.testtrade.example', 'https://testtrade.example/en']);
    expect(c.get('email')).toEqual(['info@testtrade.example', 'sales@testtrade.example']);
    expect(related(b, 'LegalEntity').map((e) => e.get('name')[0])).toEqual(['Fictional Holding JSC', 'Test Trade Logistics LLC', 'Test Trade Kazakhstan LLP']);
    expect(related(b, 'UnknownLink').map((l) => l.get('role')[0])).toEqual(['Parent company', 'Subsidiary', 'Subsidiary']);
    // A "postcode" longer than FtM allows stays in the full address only.
    const [addr] = related(b, 'Address');
    expect(addr!.get('postalCode')).toEqual([]);
    expect(addr!.get('full')).toEqual(['Prospekt Testovy 5, Office 12, St Petersburg, PO BOX 15875-1834 ABC']);
  });

  it('reads a ship as a Vessel with IMO number, flags, type, tonnage, build year and owner', () => {
    const b = result.bundles.get('gb-hmt-90003')!;
    const v = b.root;
    expect(v.schema.name).toBe('Vessel');
    expect(v.get('name')).toEqual(['NORTHERN TEST']);
    expect(v.get('previousName')).toEqual(['SEVERNY TEST']);
    expect(v.get('imoNumber')).toEqual(['IMO9999991']);
    expect(v.get('flag')).toEqual(['kp']);
    expect(v.get('pastFlags')).toEqual(['pa', 'tg']);
    expect(v.get('type')).toEqual(['Oil tanker']);
    expect(v.get('tonnage')).toEqual(['1676']);
    expect(v.get('buildDate')).toEqual(['1975']);
    const [owner] = related(b, 'LegalEntity');
    expect(owner!.get('name')).toEqual(['Test Shipping Co']);
    expect(v.get('owner')).toEqual([owner!.id]);
    expect(related(b, 'Sanction')[0]!.get('unscId')).toEqual(['KPe.999']);
  });

  it('leaves an entity without company signs an Organization', () => {
    expect(result.bundles.get('gb-hmt-90004')!.root.schema.name).toBe('Organization');
  });

  it('reports a row without Group ID and refused values as issues, and loads the rest', () => {
    expect(result.issues).toEqual([
      { code: 'missing_group_id', message: 'row without a Group ID; row skipped', file: 'conlist-current.csv', line: 9 },
      { code: 'invalid_value', message: 'Organization.country: "Testland" refused (not a valid country)', file: 'conlist-current.csv', line: 10, record: '90004' },
      { code: 'invalid_value', message: 'Sanction.listingDate: "31/02/2020" refused (not a valid date)', file: 'conlist-current.csv', line: 10, record: '90004' },
    ]);
  });

  it('reads a gzipped file the same way', async () => {
    const gz = await parseAll(f('conlist-current.csv.gz'));
    expect([...gz.bundles.keys()].sort()).toEqual([...result.bundles.keys()].sort());
    expect(gz.bundles.get('gb-hmt-90002')!.root.toFtM()).toEqual(result.bundles.get('gb-hmt-90002')!.root.toFtM());
    expect(gz.bundles.get('gb-hmt-90002')!.root.origin).toBe('conlist-current.csv.gz:4');
  });

  it('peeks the list date from line 1', async () => {
    expect(await ukOfsiParser.peek(unitFor(f('conlist-current.csv')))).toEqual({ published: '2025-04-14' });
    expect(await ukOfsiParser.peek(unitFor(f('conlist-current.csv.gz')))).toEqual({ published: '2025-04-14' });
    expect(await ukOfsiParser.peek(unitFor(f('conlist-old-cp1252.csv')))).toEqual({ published: '2016-03-23' });
  });
});

describe('ukOfsiParser, old 29-column Windows-1252 layout', () => {
  it('decodes Windows-1252 and reads passports and ids written in one cell', async () => {
    const { bundles, issues, meta } = await parseAll(f('conlist-old-cp1252.csv'));
    expect(meta).toEqual({ published: '2016-03-23' });
    expect(issues).toEqual([]);
    const p = bundles.get('gb-hmt-91001')!;
    expect(p.root.get('name')).toEqual(['Léonard NGENDATEST']);
    expect(p.root.get('alias')).toEqual(['Leonard NGENDA’TEST']);
    expect(p.root.get('title')).toEqual(['Général']);
    expect(p.root.get('position')).toEqual(['Ancien ‘Chargé de Missions’']);
    expect(p.root.get('nationality')).toEqual(['bi']);
    expect(p.root.get('birthCountry')).toEqual(['bi', 'rw']);
    expect(p.root.get('birthDate')).toEqual(['1960-05-12']);
    expect(p.root.get('passportNumber')).toEqual(['DP0001234', 'OP5555555']);
    expect(p.root.get('idNumber')).toEqual(['1029384756']);
    const passports = related(p, 'Passport');
    expect(passports[0]!.toFtM().properties).toMatchObject({ number: ['DP0001234'], country: ['bi'], startDate: ['2010-06-01'], endDate: ['2015-05-31'] });
    expect(related(p, 'Identification')[0]!.get('type')).toEqual(['Civil ID']);
    expect(related(p, 'Sanction')[0]!.get('unscId')).toEqual(['BDi.999']);
    const o = bundles.get('gb-hmt-91002')!;
    expect(o.root.get('name')).toEqual(['ARMED TEST GROUP']);
    expect(o.root.get('alias')).toEqual(['GROUPE TESTIQUE ARMÉ']);
    expect(o.root.get('country')).toEqual(['dz']);
    expect(related(o, 'Address')).toEqual([]);
    expect(related(o, 'Sanction')[0]!.get('unscId')).toEqual(['QE.A.999.01']);
  });
});

describe('ukOfsiParser, record-level problems', () => {
  it('reads a header in any column order without line 1, and reports odd rows and targets', async () => {
    const { bundles, issues, meta } = await parseAll(f('edge-cases.csv'));
    expect(meta).toEqual({ published: null });
    expect([...bundles.values()].map((b) => [b.root.id, b.root.schema.name, b.root.get('name')])).toEqual([
      ['gb-hmt-92001', 'LegalEntity', ['TEST JET']],
      ['gb-hmt-92002', 'Person', ['First SECONDNAME']],
      ['gb-hmt-92003', 'Organization', ['SOMETHING']],
    ]);
    expect(bundles.get('gb-hmt-92002')!.root.get('weakAlias')).toEqual(['ALTNAME']);
    expect(bundles.get('gb-hmt-92003')!.root.get('alias')).toEqual(['THE THING']);
    expect(issues.map((i) => [i.code, i.line, i.record])).toEqual([
      ['unknown_group_type', 2, '92001'],
      ['no_primary_name', 3, '92002'],
      ['missing_name', 7, '92003'],
      ['unknown_alias_type', 6, '92003'],
      ['column_count', 8, undefined],
    ]);
  });
});

describe('ukOfsiParser, unusable input', () => {
  it('refuses broken quoting with the line of the record, before yielding anything', async () => {
    const err = await parseError(f('broken-quoting.csv'));
    expect(err.kind).toBe('input');
    expect(err.code).toBe('csv_syntax');
    expect(err.location).toEqual({ file: 'broken-quoting.csv', line: 4 });
  });

  it('refuses a quote inside an unquoted field with its line', async () => {
    const err = await parseError(f('quote-in-field.csv'));
    expect(err.code).toBe('csv_syntax');
    expect(err.location).toEqual({ file: 'quote-in-field.csv', line: 6 });
  });

  it('refuses a header without Group ID as a layout error', async () => {
    const err = await parseError(f('no-group-id-header.csv'));
    expect(err.kind).toBe('input');
    expect(err.code).toBe('layout');
    expect(err.location).toEqual({ file: 'no-group-id-header.csv', line: 2 });
    expect(err.message).toContain('"Group ID"');
  });

  it('refuses a current-layout file that is not UTF-8, naming the line of the bad byte', async () => {
    const err = await parseError(f('current-cp1252.csv'));
    expect(err.kind).toBe('input');
    expect(err.code).toBe('encoding');
    expect(err.location).toEqual({ file: 'current-cp1252.csv', line: 4 });
  });

  it('refuses a truncated gzip file', async () => {
    const err = await parseError(f('truncated.csv.gz'));
    expect(err.kind).toBe('input');
    expect(err.code).toBe('truncated');
    // The 741 bytes decompress to 1,206 of text, 4 lines begun: the stream ends on line 4.
    expect(err.location).toEqual({ file: 'truncated.csv.gz', line: 4 });
  });

  describe('oversized field', () => {
    let dir: string;
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'uk-ofsi-test-'));
    });
    afterAll(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it('refuses a record larger than the CSV limit with its line', async () => {
      const header = 'Name 6,Name 1,Group Type,Alias Type,Regime,Other Information,Group ID';
      const path = join(dir, 'oversized.csv');
      await writeFile(path, `Last Updated,01/01/2025\n${header}\nA,,Entity,Primary name,Russia,x,1\nB,,Entity,Primary name,Russia,"${'x'.repeat(1_100_000)}",2\n`);
      const err = await parseError(path);
      expect(err.code).toBe('oversized');
      expect(err.location).toEqual({ file: 'oversized.csv', line: 4 });
    });
  });
});

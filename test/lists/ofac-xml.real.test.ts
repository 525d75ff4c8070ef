/**
 * The OFAC XML parser on the real consolidated.xml (Publish_Date 03/28/2025, 443 sdnEntry; the
 * same sdnList schema as sdn.xml), and on a truncated copy of it.
 */
import { mkdtempSync, openSync, readSync, closeSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { EndtraceError } from '../../src/model/index.js';
import type { EntityBundle, Issue } from '../../src/model/index.js';
import { ofacXmlParser, sniffOfacXml } from '../../src/lists/ofac-xml/index.js';
import type { ListMeta, LoadUnit } from '../../src/lists/types.js';
import { dataFile, describeShared } from '../helpers/shared-data.js';

const CONSOLIDATED = dataFile('ofac_consolidated', 'consolidated.xml');

const unitOf = (path: string, name: string): LoadUnit => ({
  source: 'ofac-cons',
  format: 'ofac-xml',
  files: [{ role: 'main', path, name }],
  pathDate: null,
});

describeShared('ofac-xml on the real consolidated.xml', () => {
  const bundles: EntityBundle[] = [];
  const issues: Issue[] = [];
  let meta: ListMeta | undefined;
  let tmp = '';

  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'ofac-xml-real-'));
    const started = performance.now();
    const gen = ofacXmlParser.parse(unitOf(CONSOLIDATED, 'consolidated.xml'), { issue: (i) => issues.push(i) });
    for (let r = await gen.next(); ; r = await gen.next()) {
      if (r.done) {
        meta = r.value;
        break;
      }
      bundles.push(r.value);
    }
    const byCode: Record<string, number> = {};
    for (const i of issues) byCode[i.code] = (byCode[i.code] ?? 0) + 1;
    console.log(`ofac-xml: consolidated.xml parsed in ${Math.round(performance.now() - started)} ms; ${bundles.length} bundles; issues ${JSON.stringify(byCode)}`);
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  const get = (uid: number) => {
    const b = bundles.find((x) => x.root.id === `ofac-${uid}`);
    if (!b) throw new Error(`no bundle for uid ${uid}`);
    return b;
  };
  const related = (b: EntityBundle, schema: string) => b.related.filter((e) => e.schema.name === schema);

  it('reads all 443 entries with the list date, and the sniffer calls it ofac-cons', async () => {
    expect(bundles).toHaveLength(443);
    expect(new Set(bundles.map((b) => b.root.id)).size).toBe(443);
    expect(meta).toEqual({ published: '2025-03-28' });
    expect(await ofacXmlParser.peek(unitOf(CONSOLIDATED, 'consolidated.xml'))).toEqual({ published: '2025-03-28' });
    const head = Buffer.alloc(65536);
    const fd = openSync(CONSOLIDATED, 'r');
    const n = readSync(fd, head, 0, head.length, 0);
    closeSync(fd);
    expect(sniffOfacXml(head.subarray(0, n).toString('utf8'), 'ofac_consolidated/consolidated.xml')).toEqual({ format: 'ofac-xml', source: 'ofac-cons', role: 'main' });
  });

  it('maps the sdnTypes: 80 persons, 363 entities (359 of them companies)', () => {
    const counts: Record<string, number> = {};
    for (const b of bundles) counts[b.root.schema.name] = (counts[b.root.schema.name] ?? 0) + 1;
    expect(counts).toEqual({ Person: 80, Company: 359, Organization: 4 });
  });

  it('gives every root a name, the sanction topic, its programs and an OFAC Sanction', () => {
    for (const b of bundles) {
      expect(b.root.target).toBe(true);
      expect(b.root.get('name')).toHaveLength(1);
      expect(b.root.get('topics')).toEqual(['sanction']);
      const sanctions = related(b, 'Sanction');
      expect(sanctions).toHaveLength(1);
      expect(sanctions[0]!.get('authority')).toEqual(['Office of Foreign Assets Control']);
      expect(sanctions[0]!.get('country')).toEqual(['us']);
      expect(sanctions[0]!.get('program')).toEqual(b.root.get('program'));
      expect(b.root.get('program').length).toBeGreaterThan(0);
      expect(b.root.values('name')[0]!.origin).toMatch(/^consolidated\.xml:\d+$/);
    }
  });

  it('reports the one value the model refuses, and nothing else', () => {
    expect(issues).toEqual([
      {
        code: 'invalid_value',
        message: 'Company.email: not a valid email: "PRIYEMNAYA@YGDU"',
        file: 'consolidated.xml',
        line: 13155,
        record: '19468',
      },
    ]);
  });

  it('maps uid 9639 HANIYA field by field', () => {
    const b = get(9639);
    expect(b.root.schema.name).toBe('Person');
    expect(b.root.toFtM().properties).toEqual({
      name: ['Ismail Abdul Salah HANIYA'],
      firstName: ['Ismail Abdul Salah'],
      lastName: ['HANIYA'],
      alias: ['HANIYA, Ismail Abdul Salah', 'Ismail HANIYA', 'HANIYA, Ismail', 'Ismaeel HANIYYA', 'HANIYYA, Ismaeel'],
      birthDate: ['1962'],
      birthPlace: ['Shati'],
      program: ['NS-PLC'],
      topics: ['sanction'],
    });
    expect(b.root.values('alias')[0]!.origin).toBe('consolidated.xml:7');
    expect(related(b, 'Sanction')[0]!.get('authorityId')).toEqual(['9639']);
  });

  it('maps uid 50476 MARTELLY: nationality, full date of birth, identity documents, addresses', () => {
    const p = get(50476);
    expect(p.root.get('nationality')).toEqual(['ht']);
    expect(p.root.get('birthDate')).toEqual(['1961-02-12']);
    expect(p.root.get('birthPlace')).toEqual(['Port-au-Prince, Haiti']);
    expect(p.root.get('gender')).toEqual(['male']);
    expect(p.root.get('weakAlias')).toEqual(['Sweet Micky']);
    expect(p.root.get('idNumber')).toEqual(['0032768386', 'M634550610520']);
    expect(related(p, 'Identification').map((i) => `${i.first('type')}|${i.first('number')}|${i.first('country')}`)).toEqual([
      'National ID No|0032768386|ht',
      "Driver's License No|M634550610520|us",
    ]);
    expect(related(p, 'Address').map((a) => a.first('full') ?? `(${a.first('country')})`)).toEqual(['Miami, FL', 'Petionville, Ouest', 'Port-au-Prince, Ouest', '(do)']);
    expect(p.root.values('name')[0]!.origin).toBe('consolidated.xml:30264');
  });

  it('maps uid 17013 VTB BANK: Russian tax and registration ids, BIK, LEI, SWIFT, founding date', () => {
    const c = get(17013).root;
    expect(c.schema.name).toBe('Company');
    expect(c.get('taxNumber')).toEqual(['7702070139']);
    expect(c.get('innCode')).toEqual(['7702070139']);
    expect(c.get('registrationNumber')).toEqual(['1027739609391']);
    // The bank licence is a licence number, not a registration number.
    expect(c.get('licenseNumber')).toEqual(['1000']);
    expect(c.get('ogrnCode')).toEqual(['1027739609391']);
    expect(c.get('okpoCode')).toEqual(['00032520']);
    expect(c.get('bikCode')).toEqual(['044030707', '044525187']);
    expect(c.get('leiCode')).toEqual(['253400V1H6ART1UQ0N98']);
    expect(c.get('swiftBic')).toEqual(['VTBRRUMM']);
    expect(c.get('incorporationDate')).toEqual(['1990-10-17']);
    expect(c.get('legalForm')).toEqual(['Financial Institution']);
    expect(c.get('website')).toEqual(['www.vtb.com', 'www.vtb.ru']);
    expect(c.get('previousName')).toHaveLength(21);
    expect(c.get('weakAlias')).toEqual(['JSC VTB BANK NEW DELHI BRANCH']);
  });

  it('maps uid 20294 CREDIT URAL BANK: Tax ID, Registration ID, SWIFT/BIC and its address', () => {
    const b = get(20294);
    const c = b.root;
    expect(c.get('taxNumber')).toEqual(['7414006722']);
    expect(c.get('registrationNumber')).toEqual(['1027400000638']);
    expect(c.get('innCode')).toEqual([]); // no idCountry in the record, so not known to be Russian
    expect(c.get('swiftBic')).toEqual(['CRDURU4C']);
    expect(c.get('alias')).toEqual(['CREDIT URAL BANK JOINT-STOCK COMPANY', 'KREDIT URAL BANK OTKRYTOE AKTSIONERNOE OBSHCHESTVO', 'BANK KUB AO']);
    expect(c.get('weakAlias')).toEqual(['KUB OAO']);
    expect(related(b, 'Identification').map((i) => `${i.first('type')}|${i.first('number')}`)).toEqual(['Tax ID No|7414006722', 'Registration ID|1027400000638']);
    const [addr] = related(b, 'Address');
    expect(addr!.id).toBe('ofac-20294-addr-30698');
    expect(addr!.toFtM().properties).toEqual({
      full: ['Street Gagarina 17, Magnitogorsk, 455044'],
      street: ['Street Gagarina 17'],
      city: ['Magnitogorsk'],
      postalCode: ['455044'],
      country: ['ru'],
    });
    expect(c.get('country')).toEqual(['ru']);
    expect(related(b, 'Sanction')[0]!.get('provisions')).toEqual([
      'Secondary sanctions risk: Ukraine-/Russia-Related Sanctions Regulations, 31 CFR 589.201 and/or 589.209',
      'Executive Order 13662 Directive Determination: Subject to Directive 1',
    ]);
    expect(c.get('notes')[0]).toMatch(/^All offices worldwide; .*\(Linked To: GAZPROMBANK JOINT STOCK COMPANY\)$/);
  });

  it('maps uid 30882 CHINA TELECOM: USCC, ISINs, tickers, issuer names and the CMIC dates', () => {
    const b = get(30882);
    const c = b.root;
    expect(c.get('registrationNumber')).toEqual(['9111000071093019X7']);
    expect(related(b, 'Identification').map((i) => `${i.first('type')}|${i.first('number')}|${i.first('country')}`)).toEqual([
      'Unified Social Credit Code (USCC)|9111000071093019X7|cn',
    ]);
    expect(c.get('isinCode')).toEqual(['US1694261033', 'CNE1000002V2', 'CND100020NC4', 'CND1000248G3', 'CND10003ND87']);
    expect(c.get('ticker')).toEqual(['CHA US', 'CHA RU', 'ZCHA DE', 'CHA AR', 'K3ED SG', '0728 HK', 'ZCH DE']);
    expect(c.get('alias')).toEqual([
      'CHINA TELECOM',
      'CHINA TELECOM CO., LTD',
      'CHINA TELECOM CORP LTD',
      'China Telecom Corporation Limited',
      'China Telecom Corp Ltd',
      'China Telecom Co., Ltd',
      'China Telecom Corporation Limited.Co.Ltd',
    ]);
    const s = related(b, 'Sanction')[0]!;
    expect(s.get('listingDate')).toEqual(['2021-06-03']);
    expect(s.get('startDate')).toEqual(['2021-08-02']);
    expect(s.get('provisions')).toEqual(['Purchase/Sales For Divestment Date (CMIC): 03 Jun 2022']);
    expect(related(b, 'Address')[0]!.get('street2')).toEqual(['Xicheng District']);
  });

  it('reads "Region: Gaza" as a region in Palestine', () => {
    const [addr] = related(get(9647), 'Address').filter((a) => a.has('region'));
    expect(addr!.toFtM().properties).toEqual({ full: ['Gaza'], region: ['Gaza'], country: ['ps'] });
  });

  it('reports the first 50 KB of the file as truncated, at its last line, after the complete entries', async () => {
    const fd = openSync(CONSOLIDATED, 'r');
    const cut = Buffer.alloc(50_000);
    readSync(fd, cut, 0, cut.length, 0);
    closeSync(fd);
    const path = join(tmp, 'consolidated-cut.xml');
    writeFileSync(path, cut);
    const lines = cut.toString('utf8').split('\n').length;

    const got: EntityBundle[] = [];
    let error: unknown;
    try {
      for await (const b of ofacXmlParser.parse(unitOf(path, 'consolidated-cut.xml'), { issue: () => {} })) got.push(b);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(EndtraceError);
    const e = error as EndtraceError;
    expect(e.kind).toBe('input');
    expect(e.code).toBe('truncated');
    expect(e.location).toEqual({ file: 'consolidated-cut.xml', line: lines });
    expect(lines).toBe(1880);
    expect(got).toHaveLength(59);
    expect(got.map((b) => b.root.id)).toEqual(bundles.slice(0, 59).map((b) => b.root.id));
  });
});

import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '../../../test/helpers/shared-data.js';
import { EndtraceError } from '../../model/index.js';
import type { EntityBundle } from '../../model/index.js';
import { usCslCsvParser, usCslJsonParser } from './index.js';
import { byId, parseError, parseFile, related } from './test-helpers.test-suite.js';
import type { ParseResult } from './test-helpers.test-suite.js';

const fx = (name: string) => fixture('lists/us-csl', name);

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'us-csl-test-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('us-csl CSV: real rows (sample.csv, excerpt of the 2022-05 consolidated.csv)', () => {
  let r: ParseResult;
  beforeAll(async () => {
    r = await parseFile(usCslCsvParser, fx('sample.csv'), 'sample.csv');
  });

  it('gives one bundle per row, no issues, and no list date', () => {
    expect(r.bundles).toHaveLength(9);
    expect(r.issues).toEqual([]);
    expect(r.meta).toEqual({ published: null });
  });

  it('maps an SDN individual with DOB, nationality, aliases and ids', () => {
    const b = byId(r, 'us-csl-17291');
    expect(b.root.schema.name).toBe('Person');
    expect(b.root.origin).toBe('sample.csv:3');
    expect(b.root.target).toBe(true);
    expect(b.root.toFtM().properties).toEqual({
      name: ["'ABD AL-SALAM, 'Abd al-Malik Muhammad Yusuf 'Uthman"],
      alias: ["'ABD-AL-SALAM, 'Abd al-Malik Muhammad Yusif", "'Umar al-Qatari", "'Umar al-Tayyar"],
      birthDate: ['1989-07-13'],
      nationality: ['jo'],
      passportNumber: ['K475336'],
      idNumber: ['28940000602'],
      program: ['SDGT'],
      programId: ['SDN'],
      sourceUrl: ['http://bit.ly/1MLgpye', 'http://bit.ly/1I7ipyR'],
      topics: ['sanction'],
    });
    const [passport] = related(b, 'Passport');
    expect(passport?.properties).toEqual({
      holder: ['us-csl-17291'],
      type: ['Passport'],
      number: ['K475336'],
      country: ['jo'],
      startDate: ['2009-08-31'],
      endDate: ['2014-08-30'],
    });
    expect(related(b, 'Identification').map((e) => e.properties)).toEqual([
      { holder: ['us-csl-17291'], type: ['National ID No'], number: ['28940000602'], country: ['qa'] },
    ]);
    const [sanction] = related(b, 'Sanction');
    expect(sanction?.properties).toEqual({
      entity: ['us-csl-17291'],
      authority: ['Specially Designated Nationals (SDN) - Treasury Department'],
      authorityId: ['17291'],
      program: ['SDGT'],
      programId: ['SDN'],
      country: ['us'],
      sourceUrl: ['http://bit.ly/1MLgpye', 'http://bit.ly/1I7ipyR'],
    });
  });

  it('maps an untyped Entity List row: Company by its legal form, address, "; and" aliases, licence terms', () => {
    const b = byId(r, 'us-csl-4398d33e9e93c7477af39f1e0bfffc13ddd47bcc');
    expect(b.root.schema.name).toBe('Company');
    expect(b.root.get('alias')).toEqual(['Open Joint Stock Company 140 Repair Plant', 'JSC 140 Repair Plant']);
    expect(b.root.get('address')).toEqual(['19 Luysi Chalovskoy St., Borisov, 222512']);
    expect(b.root.get('country')).toEqual(['by']);
    expect(b.root.get('topics')).toEqual(['sanction', 'export.control']);
    expect(b.root.get('program')).toEqual(['Entity List']);
    const [addr] = related(b, 'Address');
    expect(addr?.properties).toEqual({ full: ['19 Luysi Chalovskoy St., Borisov, 222512'], country: ['by'] });
    const [s] = related(b, 'Sanction');
    expect(s?.properties.startDate).toEqual(['2022-04-07']);
    expect(s?.properties.listingDate).toEqual(['2022-04-07']);
    expect(s?.properties.summary).toEqual(['Federal Register notice: 87 FR 20299']);
    expect(s?.properties.provisions).toEqual([
      'License requirement: For all items subject to the EAR. (See §§734.9(g),3 746.8(a)(3), and 744.21(b) of the EAR.)',
      'License policy: Policy of denial.',
    ]);
    expect(s?.properties.authorityId).toBeUndefined();
  });

  it('reads an untyped Denied Persons row as LegalEntity with its order dates', () => {
    const b = byId(r, 'us-csl-deb7a1d5743a85c354ca1a2c7f2664e2104b32d7');
    expect(b.root.schema.name).toBe('LegalEntity');
    expect(b.root.get('name')).toEqual(['I. ASH']);
    expect(b.root.get('notes')).toEqual(['FEDERAL REGISTER NOTICE UPDATED']);
    const [s] = related(b, 'Sanction');
    expect(s?.properties.programId).toEqual(['DPL']);
    expect(s?.properties.startDate).toEqual(['2003-06-19']);
    expect(s?.properties.endDate).toEqual(['2056-06-29']);
    expect(s?.properties.provisions).toEqual(['Standard order: yes']);
  });

  it('maps a vessel', () => {
    const b = byId(r, 'us-csl-15036');
    expect(b.root.schema.name).toBe('Vessel');
    expect(b.root.toFtM().properties).toMatchObject({
      name: ['ARTAVIL'],
      alias: ['ABADAN', 'ALPHA', 'SHONA'],
      callSign: ['T2EU4'],
      type: ['Crude/Oil Products Tanker'],
      tonnage: ['99144'],
      grossRegisteredTonnage: ['56068'],
      flag: ['ir'],
      imoNumber: ['IMO 9187629'],
      mmsi: ['572469210'],
      pastFlags: ['mt', 'tv', 'tz'],
      notes: ['(Linked To: NATIONAL IRANIAN TANKER COMPANY)'],
    });
    expect(related(b, 'Sanction')[0]?.properties.provisions).toEqual(['Additional Sanctions Information: Subject to Secondary Sanctions']);
  });

  it('maps an aircraft', () => {
    const b = byId(r, 'us-csl-15445');
    expect(b.root.schema.name).toBe('Airplane');
    expect(b.root.get('serialNumber')).toEqual(['464']);
    expect(b.root.get('model')).toEqual(['A300B4-605R']);
    expect(b.root.get('buildDate')).toEqual(['1988-05-17']);
    expect(b.root.get('program')).toEqual(['SDGT', 'NPWMD', 'IFSR']);
  });

  it('keeps the SDN and SSI rows of one OFAC entity apart', () => {
    const sdn = byId(r, 'us-csl-18741');
    const ssi = byId(r, 'us-csl-18741-ssi');
    expect(related(sdn, 'Sanction')[0]?.properties.programId).toEqual(['SDN']);
    expect(related(ssi, 'Sanction')[0]?.properties.programId).toEqual(['SSI']);
    expect(ssi.root.schema.name).toBe('Company');
    expect(ssi.root.get('ogrnCode')).toEqual(['1027700256297']);
  });

  it('repairs the Entity List\'s "?" for lost quotes, keeping the listed text in notes', () => {
    const b = byId(r, 'us-csl-06f7a89337705e04fcf1a0836a050c20d3465438');
    expect(b.root.get('name')).toEqual(["China Aerospace Science and Industry Corporation (CASIC) 3rd Academy's 159 Factory"]);
    expect(b.root.get('notes')).toEqual(['Listed as: China Aerospace Science and Industry Corporation (CASIC) 3rd Academy?s 159 Factory']);
  });

  it('drops the "and " of the Entity List\'s "; and" between addresses', () => {
    const b = byId(r, 'us-csl-f815c2f5d7df676ca06b13337af8d887fb71ef80');
    expect(b.root.get('address')).toEqual([
      'Lub Thatoo Hazara Road, The Taxila district',
      '53/2 26th Street, near Badara Commercial Area Phase 5 Extension, DHA Karachi, Pakistan',
      'House No. 334, Street No. 102, Sector I-8/4, near Pakkeeza Market, Islamabad, Rawalpindi',
    ]);
  });
});

/** A bundle as comparable data; Address entities reduced to what both forms carry. */
function comparable(b: EntityBundle) {
  return {
    root: b.root.toFtM(),
    related: b.related
      .map((e) => {
        const ftm = e.toFtM();
        if (e.schema.name !== 'Address') return ftm;
        const { full, country } = ftm.properties;
        return { ...ftm, properties: { full, country } };
      })
      .sort((x, y) => x.id.localeCompare(y.id)),
  };
}

describe('us-csl JSON', () => {
  let csv: ParseResult;
  let json: ParseResult;
  beforeAll(async () => {
    csv = await parseFile(usCslCsvParser, fx('equiv.csv'), 'equiv.csv');
    json = await parseFile(usCslJsonParser, fx('equiv.json'), 'equiv.json');
  });

  it('parses the three results, with braces and escaped quotes inside strings', () => {
    expect(json.bundles.map((b) => b.root.id)).toEqual(['us-csl-90001', 'us-csl-0123456789abcdef0123456789abcdef01234567', 'us-csl-90003']);
    expect(json.issues).toEqual([]);
    expect(json.meta).toEqual({ published: null });
    const person = byId(json, 'us-csl-90001');
    expect(person.root.get('name')).toEqual(['TESTOV, Ivan "The Brace" {Jr.}']);
    expect(person.root.get('alias')).toEqual(['TESTOV, Ivan', 'TESTOFF, I. "Vanya"']);
    expect(person.root.get('notes')).toEqual(['(Linked To: ACME } TRADING \\ CO)']);
    expect(person.root.get('position')).toEqual(['Director of {Operations}']);
    expect(person.root.get('birthDate')).toEqual(['1970-05-01', '1972']);
    expect(person.root.get('gender')).toEqual(['male']);
    expect(person.root.origin).toBe('equiv.json:7');
    const vessel = byId(json, 'us-csl-90003');
    expect(vessel.root.get('name')).toEqual(['SEA "STAR"']);
    expect(vessel.root.get('flag')).toEqual(['pa']);
    const owner = vessel.related.find((e) => e.schema.name === 'LegalEntity');
    expect(owner?.get('name')).toEqual(['Example Shipping } Co']);
    expect(vessel.root.get('owner')).toEqual([owner?.id]);
  });

  it('gives the same entities as the equivalent CSV', () => {
    expect(csv.issues).toEqual([]);
    expect(json.bundles.map(comparable)).toEqual(csv.bundles.map(comparable));
  });

  it('keeps the address parts only the JSON has', () => {
    const company = byId(json, 'us-csl-0123456789abcdef0123456789abcdef01234567');
    expect(related(company, 'Address').map((a) => a.properties)).toEqual([
      {
        full: ['Room 101, Block A, Tech Park, Shenzhen, Guangdong, 518000'],
        street: ['Room 101, Block A, Tech Park'],
        city: ['Shenzhen'],
        state: ['Guangdong'],
        postalCode: ['518000'],
        country: ['cn'],
      },
      { full: ['5 Harbour Road, Wan Chai'], street: ['5 Harbour Road'], city: ['Wan Chai'], country: ['hk'] },
    ]);
  });

  it('reads JSON lines, a top-level array and gzip alike', async () => {
    const lines = await parseFile(usCslJsonParser, fx('equiv.jsonl'), 'equiv.jsonl');
    expect(lines.bundles.map(comparable)).toEqual(json.bundles.map(comparable));
    expect(lines.bundles.map((b) => b.root.origin)).toEqual(['equiv.jsonl:1', 'equiv.jsonl:2', 'equiv.jsonl:3']);

    const doc = JSON.parse(await readFile(fx('equiv.json'), 'utf8')) as { results: unknown[] };
    const arrayPath = join(tmp, 'array.json.gz');
    await writeFile(arrayPath, gzipSync(JSON.stringify(doc.results)));
    const array = await parseFile(usCslJsonParser, arrayPath, 'array.json.gz');
    expect(array.bundles.map(comparable)).toEqual(json.bundles.map(comparable));
  });

  it('refuses a truncated JSON document', async () => {
    const err = await parseError(usCslJsonParser, fx('truncated.json'), 'truncated.json');
    expect(err).toBeInstanceOf(EndtraceError);
    const e = err as EndtraceError;
    expect(e.kind).toBe('input');
    expect(e.code).toBe('truncated');
    expect(e.location).toEqual({ file: 'truncated.json', line: 61 });
  });

  it('refuses a record that is not valid JSON, naming its line', async () => {
    const path = join(tmp, 'bad-record.jsonl');
    await writeFile(path, '{"source": "x", "name": "A"}\n{"source": "x", "name": "B",, }\n');
    const err = (await parseError(usCslJsonParser, path, 'bad-record.jsonl')) as EndtraceError;
    expect(err.code).toBe('json_syntax');
    expect(err.location).toEqual({ file: 'bad-record.jsonl', line: 2 });
  });
});

describe('us-csl bad input', () => {
  it('refuses broken quoting with the line', async () => {
    const err = (await parseError(usCslCsvParser, fx('broken-quote.csv'), 'broken-quote.csv')) as EndtraceError;
    expect(err).toBeInstanceOf(EndtraceError);
    expect(err.kind).toBe('input');
    expect(err.code).toBe('csv_syntax');
    expect(err.location?.file).toBe('broken-quote.csv');
    expect(err.location?.line).toBe(3);
  });

  it('refuses a truncated gzip, naming the file', async () => {
    const whole = gzipSync(await readFile(fx('sample.csv')));
    const path = join(tmp, 'cut.csv.gz');
    await writeFile(path, whole.subarray(0, Math.floor(whole.length / 2)));
    const err = (await parseError(usCslCsvParser, path, 'cut.csv.gz')) as EndtraceError;
    expect(err.kind).toBe('input');
    expect(err.code).toBe('truncated');
    expect(err.location?.file).toBe('cut.csv.gz');
  });

  it('refuses a CSV that is not the CSL layout', async () => {
    const path = join(tmp, 'other.csv');
    await writeFile(path, 'ent_num,SDN_Name,SDN_Type\n1,A,individual\n');
    const err = (await parseError(usCslCsvParser, path, 'other.csv')) as EndtraceError;
    expect(err.code).toBe('layout');
    expect(err.location).toEqual({ file: 'other.csv', line: 1 });
  });

  it('refuses text that is not UTF-8', async () => {
    const path = join(tmp, 'latin1.csv');
    const header = (await readFile(fx('equiv.csv'), 'utf8')).split('\n')[0]!;
    await writeFile(path, Buffer.concat([Buffer.from(`${header}\n1,Entity List (EL) - Bureau of Industry and Security,,,,Soci`), Buffer.from([0xe9]), Buffer.from('t\xe9,,,,,,,,,,,,,,,,,,,,,,,\n', 'latin1')]));
    const err = (await parseError(usCslCsvParser, path, 'latin1.csv')) as EndtraceError;
    expect(err.code).toBe('encoding');
    expect(err.location?.file).toBe('latin1.csv');
  });

  describe('hostile and odd rows (hostile.csv)', () => {
    let r: ParseResult;
    beforeAll(async () => {
      r = await parseFile(usCslCsvParser, fx('hostile.csv'), 'hostile.csv');
    });

    it('keeps formula-like and markup names verbatim as data', () => {
      expect(byId(r, 'us-csl-90020').root.get('name')).toEqual(['=HYPERLINK("http://evil.example/x","Click me")']);
      expect(byId(r, 'us-csl-90020').root.get('alias')).toEqual(['=1+2', '@SUM(A1:A2)']);
      expect(byId(r, 'us-csl-90021').root.get('name')).toEqual(['<script>alert(1)</script> Trading LLC']);
      expect(byId(r, 'us-csl-90021').root.get('alias')).toEqual(['<img src=x onerror=alert(1)>']);
      expect(byId(r, 'us-csl-90022').root.get('name')).toEqual(["+CMD|' /C calc'!A0"]);
    });

    it('reports record-level problems as issues and goes on', () => {
      expect(r.bundles.map((b) => b.root.id)).toEqual(['us-csl-90020', 'us-csl-90021', 'us-csl-90022', 'us-csl-90024', 'us-csl-90025', 'us-csl-90026']);
      expect(r.issues.map((i) => [i.code, i.line, i.record])).toEqual([
        ['missing_name', 5, '90023'],
        ['invalid_id', 6, 'us-csl-90024'],
        ['unknown_id_type', 6, 'us-csl-90024'],
        ['invalid_date', 7, 'us-csl-90025'],
        ['invalid_date', 7, 'us-csl-90025'],
        ['unknown_type', 8, 'us-csl-90026'],
      ]);
      expect(r.issues.every((i) => i.file === 'hostile.csv')).toBe(true);
      expect(byId(r, 'us-csl-90024').root.get('notes')).toEqual(['Frobnication Number: XX-1']);
      expect(byId(r, 'us-csl-90026').root.schema.name).toBe('LegalEntity');
    });

    it('reads DOB ranges and circa, and keeps a lone id date as the document date', () => {
      const b = byId(r, 'us-csl-90025');
      expect(b.root.get('birthDate')).toEqual(['1960', '1961', '1962', '1955']);
      expect(related(b, 'Passport')[0]?.properties).toEqual({
        holder: ['us-csl-90025'],
        type: ['Passport'],
        number: ['A7654321'],
        country: ['ir'],
        date: ['2015-03-01'],
      });
      expect(related(b, 'Sanction')[0]?.properties.startDate).toBeUndefined();
    });
  });
});

/**
 * The OFSI Consolidated List parser on the real files: ConList of 14/04/2025 (current 36-column
 * layout, UTF-8, gzipped; /work/shared/data/uk/ConList.from_xlsx.csv.gz) and the list of
 * 23/03/2016 (old 29-column layout, Windows-1252). Counts, records asserted field by field,
 * and the streaming behaviour (targets are yielded while the file is still being read).
 */
import { statSync } from 'node:fs';
import { beforeAll, expect, it } from 'vitest';
import { sniffUkOfsi, ukOfsiParser } from '../../src/lists/uk-ofsi/index.js';
import { readHeadText } from '../../src/lists/io/text.js';
import type { ListMeta, LoadUnit } from '../../src/lists/types.js';
import type { EntityBundle, Issue } from '../../src/model/index.js';
import { dataFile, describeShared } from '../helpers/shared-data.js';

const unitFor = (path: string, name: string): LoadUnit => ({ source: 'uk-ofsi', format: 'uk-ofsi-csv', files: [{ role: 'main', path, name }], pathDate: null });
const related = (b: EntityBundle, schema: string) => b.related.filter((e) => e.schema.name === schema);
const AUTHORITY = 'HM Treasury / Office of Financial Sanctions Implementation';

async function load(unit: LoadUnit) {
  const bundles = new Map<string, EntityBundle>();
  const issues: Issue[] = [];
  const schemas: Record<string, number> = {};
  let count = 0;
  let bytesAtFirstBundle: number | undefined;
  let bytes = 0;
  const gen = ukOfsiParser.parse(unit, { issue: (i) => issues.push(i), progress: (n) => (bytes = n) });
  let meta: ListMeta;
  for (;;) {
    const r = await gen.next();
    if (r.done) {
      meta = r.value;
      break;
    }
    bytesAtFirstBundle ??= bytes;
    count++;
    schemas[r.value.root.schema.name] = (schemas[r.value.root.schema.name] ?? 0) + 1;
    bundles.set(r.value.root.id, r.value);
  }
  const get = (id: string) => {
    const b = bundles.get(id);
    if (!b) throw new Error(`no bundle ${id}`);
    return b;
  };
  return { bundles, issues, schemas, count, meta, get, bytesAtFirstBundle: bytesAtFirstBundle ?? 0 };
}

describeShared('OFSI Consolidated List, current layout (real file, 14/04/2025)', () => {
  const NAME = 'uk/ConList.from_xlsx.csv.gz';
  const path = dataFile('uk', 'ConList.from_xlsx.csv.gz');
  const unit = unitFor(path, NAME);
  let r: Awaited<ReturnType<typeof load>>;
  beforeAll(async () => {
    r = await load(unit);
  });

  it('is recognised by the sniffer', async () => {
    expect(sniffUkOfsi(await readHeadText(path), 'ConList.from_xlsx.csv.gz')).toEqual({ format: 'uk-ofsi-csv', source: 'uk-ofsi', role: 'main' });
  });

  it('yields one bundle per Group ID: 4,688 (3,663 individuals, 1,010 entities, 15 ships); published 2025-04-14', async () => {
    expect(r.count).toBe(4688);
    expect(r.bundles.size).toBe(4688);
    expect(r.schemas).toEqual({ Person: 3663, Organization: 432, Company: 578, Vessel: 15 });
    expect(r.meta).toEqual({ published: '2025-04-14' });
    expect(await ukOfsiParser.peek(unit)).toEqual({ published: '2025-04-14' });
    for (const b of r.bundles.values()) {
      expect(b.root.target).toBe(true);
      expect(b.root.id).toMatch(/^gb-hmt-\d+$/);
      expect(b.root.origin).toMatch(/^uk\/ConList\.from_xlsx\.csv\.gz:\d+$/);
      expect(b.root.get('name')).toHaveLength(1);
      const sanctions = related(b, 'Sanction');
      expect(sanctions).toHaveLength(1);
      expect(sanctions[0]!.get('authority')).toEqual([AUTHORITY]);
    }
  });

  it('yields targets while reading, not at the end', () => {
    expect(r.bytesAtFirstBundle).toBeGreaterThan(0);
    expect(r.bytesAtFirstBundle).toBeLessThan(statSync(path).size / 4);
  });

  it('reports exactly the known problems of this file', () => {
    expect(r.issues.map((i) => [i.code, i.line, i.record, i.message])).toEqual([
      ['invalid_value', 5601, '16677', 'Company.country: "115088" refused (not a valid country)'],
      ['invalid_value', 5601, '16677', 'Address.country: "115088" refused (not a valid country)'],
      ['invalid_value', 5622, '12232', 'Person.phone: "\'+98 21 77240540 50 Extension 2906…" refused (longer than 32 characters)'],
      ['invalid_value', 11981, '12848', 'Company.phone: "Hong Kong Special Administrative Region…" refused (longer than 32 characters)'],
      ['invalid_value', 12102, '16827', 'Company.phone: "1) +7 (499) 709-00-00 (2) +7 (949) 591-54-68 (3) +7 (903) 403-46-64…" refused (longer than 32 characters)'],
      ['invalid_value', 5101, '12426', 'Organization.phone: "Telephone: 6668114/5 Telefax:  6620317…" refused (longer than 32 characters)'],
      ['invalid_value', 19316, '13523', 'Person.birthCountry: "Yakut Autonomous SSR" refused (not a valid country)'],
      ['invalid_value', 6415, '15881', 'Person.country: "Moscow" refused (not a valid country)'],
      ['invalid_value', 6415, '15881', 'Address.country: "Moscow" refused (not a valid country)'],
    ]);
  });

  it('reads VTB Bank (Russia regime, UK ref RUS0250) field by field', () => {
    const b = r.get('gb-hmt-14195');
    const c = b.root;
    expect(c.schema.name).toBe('Company');
    expect(c.origin).toBe(`${NAME}:19834`);
    expect(c.get('name')).toEqual(['VTB BANK (PUBLIC JOINT-STOCK COMPANY)']);
    expect(c.values('name')[0]!.origin).toBe(`${NAME}:19836`);
    expect(c.get('alias')).toEqual(['VTB', 'VTB BANK (PJSC)', 'Банк ВТБ (публичное акционерное общество)']);
    expect(c.get('program')).toEqual(['Russia']);
    expect(c.get('topics')).toEqual(['sanction']);
    expect(c.get('country')).toEqual(['ru']);
    expect(c.get('address')).toEqual(['11, lit A, Degtyarnyy pereulok, St. Petersburg, 191144']);
    expect(c.get('phone')).toEqual(['+8 (800) 100-24-24', '+7 (495) 777-24-24']);
    expect(c.get('website')).toEqual(['www.vtb.com']);
    expect(c.get('email')).toEqual(['info@vtb.ru']);
    expect(c.get('legalForm')).toEqual(['Public Joint-Stock Company']);
    expect(c.get('notes')[0]).toMatch(/^\(UK Sanctions List Ref\):RUS0250\. Financial sanctions imposed in addition to an asset freeze: Dealing with transferable securities/);
    const [addr] = related(b, 'Address');
    expect(addr!.toFtM().properties).toEqual({
      full: ['11, lit A, Degtyarnyy pereulok, St. Petersburg, 191144'],
      street: ['11'],
      street2: ['lit A, Degtyarnyy pereulok, St. Petersburg'],
      postalCode: ['191144'],
      country: ['ru'],
    });
    const [s] = related(b, 'Sanction');
    expect(s!.get('authorityId')).toEqual(['RUS0250']);
    expect(s!.get('program')).toEqual(['Russia']);
    expect(s!.get('listingDate')).toEqual(['2022-02-24']);
    expect(s!.get('startDate')).toEqual(['2022-02-24']);
    expect(s!.get('modifiedAt')).toEqual(['2023-12-15']);
    expect(s!.get('country')).toEqual(['gb']);
    expect(s!.get('reason')[0]).toMatch(/^VTB Bank PJSC is owned by and\/or associated with the Russian government/);
  });

  it('joins the four scattered rows of Research Institute of Atomic Reactors (Group 15930)', () => {
    const b = r.get('gb-hmt-15930');
    const c = b.root;
    expect(c.schema.name).toBe('Company');
    expect(c.get('name')).toEqual(['JSC STATE SCIENTIFIC CENTRE RESEARCH INSTITUTE OF ATOMIC REACTORS (JSC SSC RIAR)']);
    expect(c.values('alias').map((v) => [v.value, v.origin, v.lang])).toEqual([
      ['ATOMIC REACTOR RESEARCH INSTITUTE', `${NAME}:3732`, undefined],
      ['Научно-исследовательский институт атомных реакторов', `${NAME}:9941`, 'rus'],
      ['NIIAR', `${NAME}:14428`, undefined],
      ['RIAR', `${NAME}:16448`, undefined],
    ]);
    expect(c.get('registrationNumber')).toEqual(['7302040242']);
    expect(c.get('legalForm')).toEqual(['Joint-Stock Company (JSC)']);
    expect(c.get('website')).toEqual(['http://niiar.ru/eng']);
    expect(c.get('email')).toEqual(['adm@niiar.ru']);
    expect(c.get('phone')).toEqual(['+7 84235 32727']);
    expect(c.get('address')).toEqual(['Zapadnoye Shosse, 9, Ulyanovsk region, DIMITROVGRAD, 433510']);
    const [parent] = related(b, 'LegalEntity');
    expect(parent!.get('name')).toEqual(['Rosatom']);
    const [link] = related(b, 'UnknownLink');
    expect(link!.toFtM().properties).toEqual({ subject: ['gb-hmt-15930'], object: [parent!.id], role: ['Parent company'] });
    const [s] = related(b, 'Sanction');
    expect(s!.toFtM().properties).toMatchObject({ authorityId: ['RUS1873'], listingDate: ['2023-05-19'], startDate: ['2023-05-18'], program: ['Russia'] });
  });

  it('reads Vladimir PUTIN: date of birth, nationality, birth place, position, gender', () => {
    const p = r.get('gb-hmt-14196').root;
    expect(p.schema.name).toBe('Person');
    expect(p.get('name')).toEqual(['Vladimir Vladimirovich PUTIN']);
    expect(p.get('firstName')).toEqual(['Vladimir']);
    expect(p.get('secondName')).toEqual(['Vladimirovich']);
    expect(p.get('lastName')).toEqual(['PUTIN']);
    expect(p.get('alias')).toEqual(['Vladimir PUTIN', 'Владимир Владимирович Путин']);
    expect(p.get('birthDate')).toEqual(['1952-10-07']);
    expect(p.get('birthPlace')).toEqual(['St Petersburg (then Leningrad)']);
    expect(p.get('birthCountry')).toEqual(['ru']);
    expect(p.get('nationality')).toEqual(['ru']);
    expect(p.get('position')).toEqual(['President of the Russian Federation']);
    expect(p.get('gender')).toEqual(['male']);
    expect(related(r.get('gb-hmt-14196'), 'Sanction')[0]!.get('authorityId')).toEqual(['RUS0251']);
  });

  it('reads year-only dates of birth and the passport of ABDUL GHANI (Group 7405)', () => {
    const b = r.get('gb-hmt-7405');
    const p = b.root;
    expect(p.get('name')).toEqual(['ABDUL GHAFAR QURISHI ABDUL GHANI']);
    expect(p.get('title')).toEqual(['Maulavi']);
    expect(p.get('birthDate')).toEqual(['1970', '1967']);
    expect(p.get('nationality')).toEqual(['af']);
    expect(p.get('passportNumber')).toEqual(['D 000933']);
    expect(p.get('idNumber')).toEqual(['55130']);
    const [passport] = related(b, 'Passport');
    expect(passport!.toFtM().properties).toEqual({
      holder: ['gb-hmt-7405'],
      type: ['Passport'],
      number: ['D 000933'],
      country: ['af'],
      startDate: ['1998-09-13'],
      description: ['(Afghan) Issued in Kabul on 13 Sep 1998'],
    });
    expect(related(b, 'Sanction')[0]!.get('unscId')).toEqual(['TAi.130']);
  });

  it('reads a ship: IMO number, flags, type, tonnage, build year and owner', () => {
    const b = r.get('gb-hmt-13651');
    const v = b.root;
    expect(v.schema.name).toBe('Vessel');
    expect(v.get('name')).toEqual(['SAM JONG 2']);
    expect(v.get('imoNumber')).toEqual(['IMO7408873']);
    expect(v.get('flag')).toEqual(['kp']);
    expect(v.get('pastFlags')).toEqual(['ru']);
    expect(v.get('type')).toEqual(['Oil tanker']);
    expect(v.get('tonnage')).toEqual(['1676']);
    expect(v.get('buildDate')).toEqual(['1975']);
    expect(v.get('alias')).toHaveLength(8);
    const [owner] = related(b, 'LegalEntity');
    expect(owner!.get('name')).toEqual(['Korea Samjong Shipping']);
    expect(v.get('owner')).toEqual([owner!.id]);
  });
});

describeShared('OFSI Consolidated List, old layout (real file, 23/03/2016, Windows-1252)', () => {
  const NAME = 'uk/2016-03-23/ukhmt_2016-03-25.csv';
  const unit = unitFor(dataFile('uk', '2016-03-23', 'ukhmt_2016-03-25.csv'), NAME);
  let r: Awaited<ReturnType<typeof load>>;
  beforeAll(async () => {
    r = await load(unit);
  });

  it('yields 1,924 bundles (1,269 individuals, 655 entities); published 2016-03-23', async () => {
    expect(r.count).toBe(1924);
    expect(r.schemas).toEqual({ Person: 1269, Organization: 482, Company: 173 });
    expect(r.meta).toEqual({ published: '2016-03-23' });
    expect(await ukOfsiParser.peek(unit)).toEqual({ published: '2016-03-23' });
    expect(r.issues.map((i) => i.code)).toEqual(Array(14).fill('invalid_value'));
  });

  it('decodes Windows-1252: É, é and ’ in names and positions', () => {
    const g = r.get('gb-hmt-6963').root;
    expect(g.get('name')).toEqual(['ARMED ISLAMIC GROUP']);
    expect(g.get('alias')).toEqual(["AL JAMM'AH AL-ISLAMIAH AL-MUSALLAH", 'GIA', 'GROUPE ISLAMIQUE ARMÉ']);
    expect(g.values('alias')[2]!.origin).toBe(`${NAME}:3659`);
    expect(related(r.get('gb-hmt-6963'), 'Sanction')[0]!.get('unscId')).toEqual(['QE.A.6.01']);
    const p = r.get('gb-hmt-13284').root;
    expect(p.get('name')).toEqual(['Léonard NGENDAKUMANA']);
    expect(p.get('position')).toEqual(['Former ‘Chargé de Missions de la Présidence’ and former army general.']);
    expect(p.get('birthDate')).toEqual(['1968-11-24']);
    expect(p.get('nationality')).toEqual(['bi']);
    expect(p.get('passportNumber')).toEqual(['DP0000885']);
  });
});

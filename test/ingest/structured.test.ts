/**
 * Structured ingest through the service into a real SQLite store: each built-in mapping on its
 * fixture (English CSV, TSV, JSON lines, Russian customs in UTF-8 and Windows-1251), a YAML
 * mapping, ownership and travel records, the bad rows with their exact lines, and --strict.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EndtraceError } from '../../src/model/index.js';
import { ingestRecords } from '../../src/service/index.js';
import type { IngestRecordsOptions, IngestRecordsResult } from '../../src/service/index.js';
import { SqliteStore } from '../../src/store/index.js';
import { forEachValue } from '../../src/store/entity-data.js';
import { fixture } from '../helpers/shared-data.js';

const tmp = mkdtempSync(join(tmpdir(), 'endtrace-ingest-'));
const stores: SqliteStore[] = [];
afterAll(async () => {
  for (const s of stores) await s.close();
  rmSync(tmp, { recursive: true, force: true });
});

const fx = (name: string) => fixture('ingest', 'structured', name);
let n = 0;
const newStore = () => {
  const s = new SqliteStore(join(tmp, `store-${n++}.db`));
  stores.push(s);
  return s;
};

async function ingest(kind: IngestRecordsOptions['kind'], file: string, opts: Partial<IngestRecordsOptions> = {}, store = newStore()): Promise<{ store: SqliteStore; r: IngestRecordsResult }> {
  const r = await ingestRecords(store, { kind, path: file.includes('/') ? file : fx(file), ...opts });
  return { store, r };
}

const issueLines = (r: IngestRecordsResult) => r.issues.map((i) => [i.line, i.code]);

async function props(store: SqliteStore, id: string): Promise<Record<string, string[]>> {
  const rec = await store.getEntity(id);
  if (!rec) throw new Error(`no entity ${id}`);
  return rec.entity.toFtM().properties;
}

/** The stored values of an entity (all versions), each with its origin, sorted by prop and value. */
function statements(store: SqliteStore, id: string): Array<{ prop: string; value: string; origin: string }> {
  const out: Array<{ prop: string; value: string; origin: string }> = [];
  for (const row of store.db.prepare('SELECT data FROM entity WHERE id = ?').all(id) as Array<{ data: string }>) {
    forEachValue(row.data, (prop, value, _lang, origin) => out.push({ prop, value, origin: origin ?? '' }));
  }
  return out.sort((a, b) => (a.prop < b.prop ? -1 : a.prop > b.prop ? 1 : a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
}

function entityIds(store: SqliteStore, versionId: number): string[] {
  return (store.db.prepare('SELECT id FROM entity WHERE version_id = ? ORDER BY id').all(versionId) as Array<{ id: string }>).map((r) => r.id);
}

async function failure(p: Promise<unknown>): Promise<EndtraceError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof EndtraceError) return err;
    throw err;
  }
  throw new Error('expected an error');
}

describe('trade-default on an English CSV', async () => {
  const { store, r } = await ingest('trade', 'trade-en.csv');

  it('loads every row but the one without a consignee, and reports each bad row with its line', () => {
    expect(r.dataset).toBe('trade:trade-en');
    expect(r.format).toBe('trade-csv');
    expect(r.mapping).toBe('trade-default');
    expect(r.rows).toBe(12);
    expect(r.loaded).toBe(11);
    expect(issueLines(r)).toEqual([
      [3, 'hs_version'],
      [5, 'bad_hs_code'],
      [6, 'bad_date'],
      [7, 'bad_number'],
      [8, 'missing_party'],
      [9, 'formula_like'],
      [10, 'markup'],
      [11, 'too_long'],
      [12, 'bad_hs_code'],
    ]);
    expect(r.issues[4]!.message).toBe('no consignee name: a shipment needs both');
    expect(r.issues[6]!.message).toBe('consignee.name: "<script>alert(1)</script> Trading" contains markup; kept as data');
    expect(r.issues.every((i) => i.file === 'trade-en.csv')).toBe(true);
  });

  it('stores a shipment with its item: normalised HS code, declared code, edition, values', async () => {
    const id = 'shp-trade-trade-en-dec-2023-0001-l2';
    expect(await props(store, id)).toEqual({
      consignee: ['party-inn-9909012345'],
      date: ['2023-03-14'],
      declarationNumber: ['DEC-2023-0001'],
      destinationCountry: ['ru'],
      dispatchCountry: ['cn'],
      forwarder: ['party-inn-9909077776'],
      originCountry: ['cn'],
      shipper: ['party-uscc-91440300ma5fnw0x0r'],
      transitCountry: ['kz'],
      transportId: ['XX1234'],
      transportMode: ['air'],
    });
    expect(await props(store, `${id}-1`)).toEqual({
      brand: ['Nowhere'],
      currency: ['USD'],
      goodsDescription: ['Unmanned quadcopter, 4 kg, with camera'],
      grossWeight: ['48'],
      hsCode: ['880622'],
      hsCodeDeclared: ['8806220000'],
      hsVersion: ['HS2022'],
      model: ['NW-X4'],
      netWeight: ['40.5'],
      quantity: ['10'],
      shipment: [id],
      unit: ['pcs'],
      value: ['12500'],
    });
    expect(new Set(statements(store, `${id}-1`).map((s) => s.origin))).toEqual(new Set(['trade-en.csv:2']));
  });

  it('flags 88.06 before 2022 and accepts the HS 2017 drone code', async () => {
    expect(r.issues[0]!.message).toBe('item.hsCode 880622 on a declaration dated 2021-06-01: heading 88.06 (unmanned aircraft) exists only from HS 2022; before 2022 drones were declared under 8802.20 or 8525.80');
    expect((await props(store, 'shp-trade-trade-en-dec-2021-0002-l3-1')).hsVersion).toEqual(['HS2017']);
    const hs2017 = await props(store, 'shp-trade-trade-en-dec-2021-0003-l4-1');
    expect([hs2017.hsCode, hs2017.hsCodeDeclared, hs2017.hsVersion]).toEqual([['880220'], undefined, ['HS2017']]);
  });

  it('keeps a bad HS code as declared, drops a bad date, number or over-long text, and loads the rest of the row', async () => {
    expect(await props(store, 'shp-trade-trade-en-dec-2023-0004-l5-1')).toMatchObject({ hsCodeDeclared: ['85A1.31'], quantity: ['500'], value: ['7250.5'] });
    expect((await props(store, 'shp-trade-trade-en-dec-2023-0004-l5-1')).hsCode).toBeUndefined();
    expect((await props(store, 'shp-trade-trade-en-dec-2023-0005-l6')).date).toBeUndefined();
    expect((await props(store, 'shp-trade-trade-en-dec-2023-0005-l6-1')).hsVersion).toBeUndefined();
    expect((await props(store, 'shp-trade-trade-en-dec-2023-0006-l7-1')).quantity).toBeUndefined();
    expect((await props(store, 'shp-trade-trade-en-dec-2023-0010-l11-1')).goodsDescription).toBeUndefined();
    expect(await store.getEntity('shp-trade-trade-en-dec-2023-0007-l8')).toBeNull();
  });

  it('stores hostile names verbatim', async () => {
    const shipper = (await props(store, 'shp-trade-trade-en-dec-2023-0008-l9')).shipper![0]!;
    expect((await props(store, shipper)).name).toEqual(['=HYPERLINK("http://example.invalid","Click")']);
    const consignee = (await props(store, 'shp-trade-trade-en-dec-2023-0009-l10')).consignee![0]!;
    expect((await props(store, consignee)).name).toEqual(['<script>alert(1)</script> Trading']);
  });

  it('emits each party once, from the first row naming it; a later row adds only its new value', () => {
    expect(statements(store, 'party-uscc-91440300ma5fnw0x0r')).toEqual([
      { prop: 'country', value: 'cn', origin: 'trade-en.csv:2' },
      { prop: 'name', value: 'Shenzhen Nowhere Aero Technology Co., Ltd.', origin: 'trade-en.csv:2' },
      { prop: 'registrationNumber', value: '91440300MA5FNW0X0R', origin: 'trade-en.csv:2' },
    ]);
    expect(statements(store, 'party-inn-9909012345')).toEqual([
      { prop: 'address', value: '1 Nonexistent Lane, Kazan', origin: 'trade-en.csv:13' },
      { prop: 'country', value: 'ru', origin: 'trade-en.csv:2' },
      { prop: 'innCode', value: '9909012345', origin: 'trade-en.csv:2' },
      { prop: 'name', value: 'OOO Fictitious Import', origin: 'trade-en.csv:2' },
    ]);
    const schema = store.db.prepare("SELECT schema FROM entity WHERE id = 'party-inn-9909012345'").get() as { schema: string };
    expect(schema.schema).toBe('Company');
  });

  it('gives the same ids when the same file is ingested again', async () => {
    const again = await ingest('trade', 'trade-en.csv', {}, store);
    expect(again.r.version.version).toMatch(/^\d{4}-\d{2}-\d{2}\.[0-9a-f]{8}$/);
    expect(entityIds(store, again.r.version.id)).toEqual(entityIds(store, r.version.id));
    expect((await store.versions('trade:trade-en')).map((v) => v.active)).toEqual([true, false]);
  });
});

describe('other formats with trade-default', () => {
  it('reads TSV by content (no quoting: a quote is a character)', async () => {
    const { store, r } = await ingest('trade', 'trade-en.tsv');
    expect([r.format, r.rows, r.loaded, r.issueCount]).toEqual(['trade-tsv', 3, 3, 0]);
    expect(await props(store, 'shp-trade-trade-en-l3-1')).toMatchObject({ goodsDescription: ['DC motors 6" shaft'], currency: ['CNY'], hsCode: ['850131'] });
    expect(await props(store, 'shp-trade-trade-en-l4')).toMatchObject({ date: ['2023-09-02'], transportMode: ['post'] });
    expect((await props(store, 'shp-trade-trade-en-l2')).waybillNumber).toEqual(['999-12345675']);
  });

  it('reads JSON lines with nested parties and reports the lines that are not objects', async () => {
    const { store, r } = await ingest('trade', 'trade-en.jsonl');
    expect([r.format, r.rows, r.loaded]).toEqual(['trade-jsonl', 4, 2]);
    expect(issueLines(r)).toEqual([[2, 'bad_json'], [5, 'bad_json']]);
    expect(r.issues[1]!.message).toBe('the line is not a JSON object');
    expect(await props(store, 'shp-trade-trade-en-jl-1-l1')).toMatchObject({ shipper: ['party-uscc-91440300ma5fnw0x0r'], consignee: ['party-inn-9909012345'] });
    expect(await props(store, 'shp-trade-trade-en-jl-2-l3-1')).toMatchObject({ quantity: ['1000'], value: ['2500'], currency: ['EUR'], hsCode: ['850131'] });
    expect((await props(store, 'shp-trade-trade-en-jl-1-l1-1')).value).toEqual(['450.75']);
  });
});

describe('ru-customs in UTF-8 and in Windows-1251', async () => {
  const utf8 = await ingest('trade', 'ru-customs-utf8.csv', { mapping: 'ru-customs', dataset: 'trade:ru' });
  const cp1251 = await ingest('trade', 'ru-customs-cp1251.csv', { mapping: 'ru-customs', dataset: 'trade:ru' });
  const decl = 'shp-trade-ru-10702070-140323-0001234';

  it('groups the consecutive rows of a declaration into one shipment', async () => {
    const { store, r } = utf8;
    expect([r.rows, r.loaded]).toEqual([6, 6]);
    expect(issueLines(r)).toEqual([[5, 'hs_version'], [6, 'bad_number'], [7, 'split_declaration']]);
    expect(await props(store, decl)).toEqual({
      consignee: ['party-inn-9909012345'],
      date: ['2023-03-14'],
      declarationNumber: ['10702070/140323/0001234'],
      dispatchCountry: ['cn'],
      shipper: ['party-c46a47b9b7052be9'],
    });
    const items = store.db.prepare("SELECT id FROM entity WHERE root_id = ? AND schema = 'ShipmentItem' ORDER BY id").all(decl) as Array<{ id: string }>;
    expect(items.map((i) => i.id)).toEqual([`${decl}-1`, `${decl}-2`, `${decl}-3`]);
    expect(await props(store, `${decl}-1`)).toEqual({
      brand: ['NOWHERE'],
      currency: ['USD'],
      goodsDescription: ['БЕСПИЛОТНЫЙ ЛЕТАТЕЛЬНЫЙ АППАРАТ, МУЛЬТИРОТОРНЫЙ, МАССА 4 КГ'],
      grossWeight: ['48.5'],
      hsCode: ['880622'],
      hsCodeDeclared: ['8806220000'],
      hsVersion: ['HS2022'],
      lineNumber: ['1'],
      model: ['NW-X4'],
      netWeight: ['40.25'],
      originCountry: ['cn'],
      quantity: ['10'],
      shipment: [decl],
      unit: ['pcs'],
      value: ['1234567.89'],
    });
    const second = await props(store, `${decl}-2`);
    expect([second.value, second.unit, second.brand, second.model]).toEqual([['25000.5'], ['pcs'], undefined, undefined]);
    expect(statements(store, `${decl}-2`).every((s) => s.origin === 'ru-customs-utf8.csv:3')).toBe(true);
    // The same declaration again after another: its own shipment, from its own line.
    expect((await props(store, `${decl}-l7-4`)).goodsDescription).toEqual(['АККУМУЛЯТОРЫ ЛИТИЙ-ИОННЫЕ']);
  });

  it('reads Russian country names and codes, the date inside a declaration number, and the HS 2017 edition', async () => {
    const { store } = utf8;
    expect((await props(store, 'shp-trade-ru-10702070-200521-0004321')).dispatchCountry).toEqual(['hk']);
    expect((await props(store, 'shp-trade-ru-10702070-200521-0004321-1')).hsVersion).toEqual(['HS2017']);
    expect((await props(store, 'shp-trade-ru-10702070-010623-0007777')).date).toEqual(['2023-06-01']);
    expect((await props(store, 'party-c46a47b9b7052be9')).country).toEqual(['cn']);
    expect((await props(store, 'party-inn-9909012345')).name).toEqual(['ООО «Вымышленный Импорт»']);
  });

  it('decodes Windows-1251 to the same entities', async () => {
    const dump = async (store: SqliteStore, versionId: number) => {
      const out: Record<string, Record<string, string[]>> = {};
      for (const id of entityIds(store, versionId)) out[id] = await props(store, id);
      return out;
    };
    expect(cp1251.r.issues.map((i) => [i.line, i.code, i.message])).toEqual(utf8.r.issues.map((i) => [i.line, i.code, i.message]));
    expect(await dump(cp1251.store, cp1251.r.version.id)).toEqual(await dump(utf8.store, utf8.r.version.id));
    expect(statements(cp1251.store, `${decl}-1`)[0]!.origin).toBe('ru-customs-cp1251.csv:2');
  });
});

describe('a YAML mapping', () => {
  it('applies its formats, constants and defaults, and reports the column the file lacks', async () => {
    const { store, r } = await ingest('trade', 'custom-de.csv', { mapping: fx('custom-de.yaml') });
    expect(r.mapping).toBe('custom-de.yaml');
    expect(issueLines(r)).toEqual([[1, 'unknown_column'], [4, 'bad_date']]);
    expect(r.issues[0]!.message).toBe('the mapping\'s column "Marke" for item.brand is not in the file');
    expect(await props(store, 'shp-trade-custom-de-l2')).toMatchObject({ date: ['2023-04-05'], transportMode: ['road'] });
    expect(await props(store, 'shp-trade-custom-de-l2-1')).toMatchObject({ value: ['1234.56'], currency: ['EUR'], hsCode: ['850131'], hsCodeDeclared: ['85013100'] });
    expect(await props(store, 'shp-trade-custom-de-l3-1')).toMatchObject({ value: ['12.5'], currency: ['USD'] });
    const shipper = (await props(store, 'shp-trade-custom-de-l2')).shipper![0]!;
    expect(await props(store, shipper)).toEqual({ country: ['de'], name: ['Imaginary Antriebe GmbH'] });
  });
});

describe('encodings and compression', () => {
  it('drops a UTF-8 BOM before the header and reads gzip', async () => {
    const { gzipSync } = await import('node:zlib');
    const csv = '\uFEFFshipper;consignee;hs_code;date\nAcme Fictional Ltd;Beta Fictional LLC;8501.31;05.04.2023\n';
    const bom = join(tmp, 'bom.csv');
    writeFileSync(bom, csv);
    const gz = join(tmp, 'packed.csv.gz');
    writeFileSync(gz, gzipSync(Buffer.from(csv, 'utf8')));
    for (const file of [bom, gz]) {
      const { store, r } = await ingest('trade', file);
      expect([r.rows, r.loaded, r.issueCount]).toEqual([1, 1, 0]);
      expect(r.dataset).toBe(file === gz ? 'trade:packed' : 'trade:bom');
      const id = file === gz ? 'shp-trade-packed-l2' : 'shp-trade-bom-l2';
      expect(await props(store, id)).toMatchObject({ date: ['2023-04-05'] });
      expect((await props(store, `${id}-1`)).hsCode).toEqual(['850131']);
    }
  });
});

describe('a directorship mapping', () => {
  it('reads every row as a directorship', async () => {
    const yaml = join(tmp, 'directors.yaml');
    writeFileSync(yaml, 'kind: directorship\nfields:\n  director.name: Director\n  organization.name: Company\n  organization.inn: INN\n  role: { column: Role, default: director }\n  startDate: { column: Since, dates: DD.MM.YYYY }\n');
    const file = join(tmp, 'directors.tsv');
    writeFileSync(file, 'Director\tCompany\tINN\tRole\tSince\nPyotr Nebylitsyn\tOOO Fictitious Import\t9909012345\t\t15.01.2020\n');
    const { store, r } = await ingest('ownership', file, { mapping: yaml });
    expect([r.format, r.rows, r.loaded, r.issueCount]).toEqual(['ownership-tsv', 1, 1, 0]);
    expect(await props(store, 'dir-ownership-directors-l2')).toMatchObject({ organization: ['party-inn-9909012345'], role: ['director'], startDate: ['2020-01-15'] });
  });

  it('tells directorship rows from the parties they name when there is no kind column', async () => {
    const file = join(tmp, 'board.csv');
    writeFileSync(file, 'director,director_birth_date,organization,organization_id,role,start_date\nPyotr Nebylitsyn,1975-02-03,OOO Fictitious Import,9909012345,Board Member,2021-03-01\n');
    const { store, r } = await ingest('ownership', file);
    expect([r.rows, r.loaded, r.issueCount]).toEqual([1, 1, 0]);
    expect(await props(store, 'dir-ownership-board-l2')).toMatchObject({ organization: ['party-inn-9909012345'], role: ['Board Member'], startDate: ['2021-03-01'] });
  });
});

describe('ownership and directorship', async () => {
  const { store, r } = await ingest('ownership', 'ownership.csv');

  it('loads ownerships and directorships from one file, told apart by kind', async () => {
    expect([r.format, r.rows, r.loaded]).toEqual(['ownership-csv', 5, 4]);
    expect(issueLines(r)).toEqual([[5, 'bad_number'], [6, 'missing_party']]);
    const first = await props(store, 'own-ownership-ownership-l2');
    expect(first).toEqual({ asset: ['party-inn-9909012345'], owner: [first.owner![0]!], percentage: ['51'], sharesCount: ['5100'], startDate: ['2019-04-01'] });
    expect(await props(store, first.owner![0]!)).toEqual({ country: ['cy'], name: ['Imaginary Holdings Ltd'], registrationNumber: ['HE999999'] });
    const person = await props(store, 'own-ownership-ownership-l3');
    expect(person).toMatchObject({ percentage: ['49'], sharesCount: ['4900'], endDate: ['2024-02-29'] });
    const owner = await store.getEntity(person.owner![0]!);
    expect(owner!.entity.schema.name).toBe('Person');
    expect(owner!.entity.get('birthDate')).toEqual(['1970-01-31']);
    const dir = await props(store, 'dir-ownership-ownership-l4');
    expect(dir).toMatchObject({ organization: ['party-inn-9909012345'], role: ['General Director'], startDate: ['2020-01-15'] });
    expect((await store.getEntity(dir.director![0]!))!.entity.toFtM()).toMatchObject({ schema: 'Person', properties: { name: ['Pyotr Nebylitsyn'], birthDate: ['1975-02-03'], nationality: ['ru'] } });
  });
});

describe('travel', async () => {
  const { store, r } = await ingest('travel', 'travel.csv');

  it('loads journeys with their traveller, companions, employer and host', async () => {
    expect([r.format, r.rows, r.loaded]).toEqual(['travel-csv', 4, 3]);
    expect(issueLines(r)).toEqual([[4, 'missing_party'], [5, 'bad_date']]);
    const trip = await props(store, 'trv-travel-travel-l2');
    expect(trip).toMatchObject({
      traveler: ['person-passport-cn-e12345678'],
      startDate: ['2023-03-20'],
      endDate: ['2023-03-20'],
      fromPlace: ['Shenzhen'],
      toCountry: ['ru'],
      flightNumber: ['XX 501'],
      bookingReference: ['QWE7RT'],
      purpose: ['Assembly and flight testing'],
    });
    expect(trip.companions).toHaveLength(2);
    const companions = await Promise.all(trip.companions!.map(async (id) => (await store.getEntity(id))!.entity.toFtM()));
    expect(companions.map((c) => `${c.schema} ${c.properties.name}`).sort()).toEqual(['Person Wang Jiaming', 'Person Zhang Xukong']);
    expect(await props(store, 'person-passport-cn-e12345678')).toEqual({ birthDate: ['1985-07-12'], name: ['Li Wumingshi'], nationality: ['cn'], passportNumber: ['E12345678'] });
    expect((await props(store, trip.employer![0]!)).name).toEqual(['Shenzhen Nowhere Aero Technology Co., Ltd.']);
    expect((await props(store, trip.host![0]!)).name).toEqual(['AO Neverwas Instrument Plant']);
    expect((await props(store, 'trv-travel-travel-l5')).startDate).toBeUndefined();
  });
});

describe('bad input', () => {
  it('--strict fails at the first bad row and stores nothing', async () => {
    const store = newStore();
    const err = await failure(ingest('trade', 'trade-en.csv', { strict: true }, store));
    expect([err.kind, err.code, err.location?.file, err.location?.line]).toEqual(['input', 'hs_version', 'trade-en.csv', 3]);
    expect(await store.versions()).toEqual([]);
    expect((store.db.prepare('SELECT count(*) AS n FROM entity').get() as { n: number }).n).toBe(0);
  });

  it('reports misaligned rows and over-long names, and loads the rest', async () => {
    const file = join(tmp, 'misaligned.csv');
    writeFileSync(file, `shipper,consignee,hs_code\nAcme Fictional Ltd,Beta Fictional LLC,850131\nAcme Fictional Ltd, Inc,Beta Fictional LLC,850131\n${'X'.repeat(400)},Beta Fictional LLC,850131\nAcme Fictional Ltd,Beta Fictional LLC\n`);
    const { r } = await ingest('trade', file);
    expect([r.rows, r.loaded]).toEqual([4, 2]);
    expect(issueLines(r)).toEqual([[3, 'column_count'], [4, 'too_long'], [4, 'missing_party']]);
    expect(r.issues[0]!.message).toBe('the row has 4 fields, the header 3: misaligned columns (an unquoted delimiter?); not loaded');
  });

  it('refuses a file the mapping cannot read, storing nothing', async () => {
    const store = newStore();
    const file = join(tmp, 'no-parties.csv');
    writeFileSync(file, 'a,b,c\n1,2,3\n');
    const err = await failure(ingest('trade', file, {}, store));
    expect([err.code, err.location?.line]).toEqual(['mapping_columns', 1]);
    expect(err.message).toMatch(/^the file has no column for shipper\.name \(columns "shipper", "shipper name"/);
    expect(await store.versions()).toEqual([]);
    const empty = join(tmp, 'empty.csv');
    writeFileSync(empty, '');
    expect((await failure(ingest('trade', empty, {}, store))).code).toBe('empty');
  });

  it('refuses a mapping of another kind as a usage error', async () => {
    const err = await failure(ingest('trade', 'travel.csv', { mapping: 'travel-default' }));
    expect(err.kind).toBe('usage');
  });

  it('gives the same rows and issues in the worker thread as here', async () => {
    const here = await ingest('trade', 'trade-en.csv', { worker: false });
    const worker = await ingest('trade', 'trade-en.csv', { worker: true });
    expect(worker.r.issues).toEqual(here.r.issues);
    expect([worker.r.rows, worker.r.loaded, worker.r.version.statements]).toEqual([here.r.rows, here.r.loaded, here.r.version.statements]);
    expect(entityIds(worker.store, worker.r.version.id)).toEqual(entityIds(here.store, here.r.version.id));
    const strict = await failure(ingest('trade', 'trade-en.csv', { worker: true, strict: true }));
    expect([strict.code, strict.location?.line]).toEqual(['hs_version', 3]);
  });
});

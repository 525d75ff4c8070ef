import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixture } from '../../../test/helpers/shared-data.js';
import { EndtraceError } from '../../model/index.js';
import type { EntityBundle, Issue } from '../../model/index.js';
import type { ListMeta, LoadUnit } from '../types.js';
import { sniffUnSc, unScParser } from './index.js';

const unitFor = (path: string, name: string, pathDate: string | null = null): LoadUnit => ({
  source: 'un-sc',
  format: 'un-sc-xml',
  files: [{ role: 'main', path, name }],
  pathDate,
});

async function run(unit: LoadUnit) {
  const bundles: EntityBundle[] = [];
  const issues: Issue[] = [];
  let bytes = 0;
  const gen = unScParser.parse(unit, { issue: (i) => issues.push(i), progress: (n) => (bytes = n) });
  let meta: ListMeta | undefined;
  for (;;) {
    const r = await gen.next();
    if (r.done) {
      meta = r.value;
      break;
    }
    bundles.push(r.value);
  }
  const byId = new Map(bundles.map((b) => [b.root.id, b]));
  return { bundles, issues, meta, bytes, byId };
}

async function parseError(unit: LoadUnit): Promise<EndtraceError> {
  try {
    await run(unit);
  } catch (err) {
    if (err instanceof EndtraceError) return err;
    throw err;
  }
  throw new Error('expected the parse to fail');
}

const related = (b: EntityBundle, schema: string) => b.related.filter((e) => e.schema.name === schema);

describe('unScParser on an excerpt of the real list', () => {
  const unit = unitFor(fixture('lists/un-sc/excerpt.xml'), 'un/excerpt.xml');

  it('yields the three records with origins at their start tags and the list date', async () => {
    const { bundles, issues, meta, bytes } = await run(unit);
    expect(bundles.map((b) => [b.root.id, b.root.schema.name, b.root.origin])).toEqual([
      ['unsc-6907993', 'Person', 'un/excerpt.xml:5'],
      ['unsc-112033', 'Person', 'un/excerpt.xml:43'],
      ['unsc-690751', 'Company', 'un/excerpt.xml:118'],
    ]);
    expect(issues).toEqual([]);
    expect(meta).toEqual({ published: '2026-02-27' });
    expect(bytes).toBe(readFileSync(fixture('lists/un-sc/excerpt.xml')).length);
    expect(await unScParser.peek(unit)).toEqual({ published: '2026-02-27' });
  });

  it('maps ERIC BADEGE field by field', async () => {
    const b = (await run(unit)).byId.get('unsc-6907993')!;
    const p = b.root;
    expect(p.target).toBe(true);
    expect(p.get('name')).toEqual(['ERIC BADEGE']);
    expect(p.get('firstName')).toEqual(['ERIC']);
    expect(p.get('secondName')).toEqual(['BADEGE']);
    expect(p.get('birthDate')).toEqual(['1971']);
    expect(p.get('gender')).toEqual(['male']);
    expect(p.get('nationality')).toEqual(['cd']);
    expect(p.get('country')).toEqual(['rw']);
    expect(p.get('program')).toEqual(['DRC']);
    expect(p.get('topics')).toEqual(['sanction']);
    expect(p.get('modifiedAt')).toEqual(['2016-10-13']);
    expect(p.get('alias')).toEqual([]);
    expect(p.get('notes')[0]).toMatch(/^He fled to Rwanda in March 2013/);
    expect(p.values('name')[0]!.origin).toBe('un/excerpt.xml:5');
    const [addr] = related(b, 'Address');
    expect(addr!.toFtM().properties).toEqual({ country: ['rw'], remarks: ['as of early 2016'] });
    const [s] = related(b, 'Sanction');
    expect(s!.get('authority')).toEqual(['United Nations Security Council']);
    expect(s!.get('program')).toEqual(['DRC']);
    expect(s!.get('unscId')).toEqual(['CDi.001']);
    expect(s!.get('listingDate')).toEqual(['2012-12-31']);
    expect(s!.get('startDate')).toEqual(['2012-12-31']);
    expect(s!.get('entity')).toEqual(['unsc-6907993']);
    expect(s!.get('reason')).toEqual(p.get('notes').slice(0, 1));
  });

  it('maps documents, aliases and the original-script name of 112033', async () => {
    const b = (await run(unit)).byId.get('unsc-112033')!;
    const p = b.root;
    expect(p.get('name')).toEqual(['ADEL BEN AL-AZHAR BEN YOUSSEF HAMDI']);
    expect(p.get('middleName')).toEqual(['BEN YOUSSEF', 'HAMDI']);
    expect(p.get('alias')).toEqual(['عادل بن الأزهر بن يوسف حمدي']);
    expect(p.get('weakAlias')).toEqual(['Zakariya']);
    expect(p.get('previousName')).toEqual(['Adel ben al- Azhar ben Youssef ben Soltane']);
    expect(p.get('passportNumber')).toEqual(['M408665']);
    expect(p.get('taxNumber')).toEqual(['BNSDLA70L14Z352B']);
    expect(p.get('idNumber')).toEqual([]);
    expect(p.get('notes')).toContain('National Identification Number: Tunisian national identity number W334061 issued on 9 Mar. 2011');
    expect(p.get('birthPlace')).toEqual(['Tunis, Tunisia']);
    expect(p.get('birthCountry')).toEqual(['tn']);
    expect(p.get('modifiedAt')).toEqual(['2023-10-30']);
    const [passport] = related(b, 'Passport');
    expect(passport!.toFtM().properties).toEqual({
      country: ['tn'],
      holder: ['unsc-112033'],
      number: ['M408665'],
      startDate: ['2000-10-04'],
      summary: ['expired 3 Oct. 2005'],
      type: ['Passport'],
    });
    expect(related(b, 'Identification').map((e) => [e.first('type'), e.first('number')])).toEqual([['Italian Fiscal Code', 'BNSDLA70L14Z352B']]);
  });

  it('maps the entity with its a.k.a., f.k.a. and two addresses', async () => {
    const b = (await run(unit)).byId.get('unsc-690751')!;
    expect(b.root.get('alias')).toEqual(['KOREA YONBONG GENERAL CORPORATION']);
    expect(b.root.get('previousName')).toEqual(['LYONGAKSAN GENERAL TRADING CORPORATION']);
    expect(b.root.get('country')).toEqual(['kp']);
    expect(related(b, 'Address').map((a) => a.first('full'))).toEqual(['Pot’onggang District, Pyongyang', 'Rakwon-dong, Pothonggang District, Pyongyang']);
    expect(related(b, 'Sanction')[0]!.get('unscId')).toEqual(['KPe.002']);
  });
});

describe('unScParser on edge cases (fictional records)', () => {
  const unit = unitFor(fixture('lists/un-sc/edge-cases.xml'), 'edge-cases.xml');

  it('reports record-level problems as issues and goes on', async () => {
    const { bundles, issues, meta } = await run(unit);
    expect(bundles.map((b) => b.root.id)).toEqual(['unsc-900001', 'unsc-900003', 'unsc-900004']);
    expect(issues.map((i) => [i.code, i.line, i.record])).toEqual([
      ['missing_id', 5, 'QDi.999'],
      ['unknown_element', 13, '900001'],
      ['unknown_alias_quality', 13, '900001'],
      ['unknown_country', 13, '900001'],
      ['invalid_date', 13, '900001'],
      ['invalid_value', 13, '900001'],
      ['duplicate_id', 152, '900001'],
      ['missing_name', 157, '900002'],
      ['unknown_country', 165, '900003'],
      ['invalid_date', 195, '900004'],
    ]);
    expect(issues.every((i) => i.file === 'edge-cases.xml')).toBe(true);
    expect(issues[3]!.message).toContain('"Atlantis"');
    expect(meta).toEqual({ published: '2025-01-02' });
  });

  it('keeps a name with markup verbatim, as data', async () => {
    const p = (await run(unit)).byId.get('unsc-900001')!.root;
    expect(p.get('name')).toEqual(['<script>alert(1)</script> TESTER THIRD FOURTH']);
    expect(p.get('firstName')).toEqual(['<script>alert(1)</script>']);
  });

  it('maps every kind of date of birth, nationality and place of birth', async () => {
    const p = (await run(unit)).byId.get('unsc-900001')!.root;
    expect(p.get('birthDate')).toEqual(['1958-02-22', '1960', '1961', '1962', '1950', '1973-11', '1977']);
    expect(p.get('nationality')).toEqual(['ir']);
    expect(p.get('gender')).toEqual(['female']);
    expect(p.get('title')).toEqual(['Dr.']);
    expect(p.get('position')).toEqual(['Minister of Examples', 'Chief Tester']);
    expect(p.get('birthPlace')).toEqual(['Exampletown, Libya', 'Example Territory, Katanga Province (now Tanganyika Province)']);
    expect(p.get('alias')).toEqual(['Тестер Третий', 'Good Alias', 'Odd Quality']);
    expect(p.get('weakAlias')).toEqual(['Weak One']);
    expect(p.get('previousName')).toEqual(['Old Listed Name']);
    expect(p.get('modifiedAt')).toEqual(['2021-06-30']);
  });

  it('sorts documents into passport, national id, SSN and other identifications', async () => {
    const b = (await run(unit)).byId.get('unsc-900001')!;
    const p = b.root;
    expect(p.get('passportNumber')).toEqual(['P 123456']);
    expect(p.get('idNumber')).toEqual(['ID-777']);
    expect(p.get('socialSecurityNumber')).toEqual(['000-00-0000']);
    expect(related(b, 'Passport').map((e) => [e.first('type'), e.first('summary'), e.first('country')])).toEqual([
      ['Número de pasaporte', 'issued in Tripoli; expired', 'ly'],
    ]);
    expect(related(b, 'Identification').map((e) => [e.first('type'), e.first('number')])).toEqual([
      ['United States Social Security Number', '000-00-0000'],
      ['Ration card no.', 'RC-42'],
      ['National Identification Number', 'ID-777'],
    ]);
    expect(p.get('notes')).toEqual([
      'First line.\nSecond line.',
      'Weak One: Call sign',
      'Passport: Example passport number X 1111 issued on 1 Jan. 2001',
      'National Identification Number: Example armed forces (EXA) Military identification number 911-10-77 issued in Example City',
    ]);
  });

  it('keeps addresses, moving a place given as ZIP_CODE and over-long notes', async () => {
    const { byId } = await run(unit);
    const person = byId.get('unsc-900001')!;
    expect(related(person, 'Address').map((a) => a.toFtM().properties)).toEqual([
      { city: ['Tripoli'], country: ['ly'], full: ['1 Example Street, Tripoli, Example Province'], region: ['Example Province'], remarks: ['as of 2020'], street: ['1 Example Street'] },
      { full: ['Believed location - Egypt'] },
    ]);
    const org = byId.get('unsc-900003')!;
    expect(org.root.schema.name).toBe('Organization');
    expect(org.root.get('alias')).toEqual(['شبكة المثال', 'EFN']);
    expect(org.root.get('previousName')).toEqual(['Example Old Network']);
    expect(org.root.get('notes')[1]).toMatch(/^Address: Branch Office 1: Shop number 1/);
    expect(related(org, 'Address').map((a) => a.first('full'))).toEqual(['Kabul']);
  });

  it('sets the sanction from LISTED_ON with a zone offset, and skips an unreadable one', async () => {
    const { byId } = await run(unit);
    const s = related(byId.get('unsc-900001')!, 'Sanction')[0]!;
    expect(s.get('listingDate')).toEqual(['2015-04-07']);
    expect(s.get('program')).toEqual(['Libya']);
    const company = byId.get('unsc-900004')!;
    expect(company.root.schema.name).toBe('Company');
    expect(related(company, 'Sanction')[0]!.get('listingDate')).toEqual([]);
  });
});

describe('unScParser on bad input', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'un-sc-test-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('refuses entity expansion (billion laughs)', async () => {
    const err = await parseError(unitFor(fixture('lists/un-sc/billion-laughs.xml'), 'billion-laughs.xml'));
    expect([err.kind, err.code, err.location?.file]).toEqual(['input', 'xml_entity', 'billion-laughs.xml']);
    expect(err.location?.line).toBeGreaterThan(0);
  });

  it('refuses an external entity', async () => {
    const err = await parseError(unitFor(fixture('lists/un-sc/external-entity.xml'), 'external-entity.xml'));
    expect([err.kind, err.code, err.location?.file]).toEqual(['input', 'xml_entity', 'external-entity.xml']);
  });

  it('reports a truncated document with its last line', async () => {
    const text = readFileSync(fixture('lists/un-sc/excerpt.xml'), 'utf8');
    const cut = text.slice(0, text.indexOf('<ENTITY>') + 200);
    const path = join(tmp, 'cut.xml');
    writeFileSync(path, cut);
    const err = await parseError(unitFor(path, 'cut.xml'));
    expect([err.kind, err.code, err.location?.file, err.location?.line]).toEqual(['input', 'truncated', 'cut.xml', cut.split('\n').length]);
  });

  it('refuses another XML list by its root element', async () => {
    const err = await parseError(unitFor(fixture('lists/un-sc/wrong-root.xml'), 'wrong-root.xml'));
    expect([err.kind, err.code, err.location?.line]).toEqual(['input', 'wrong_layout', 2]);
  });

  it('peek falls back to the date in the path when the root has no dateGenerated', async () => {
    const path = join(tmp, 'undated.xml');
    writeFileSync(path, '<?xml version="1.0"?>\n<CONSOLIDATED_LIST>\n</CONSOLIDATED_LIST>\n');
    expect(await unScParser.peek(unitFor(path, 'undated.xml', '2024-01-31'))).toEqual({ published: '2024-01-31' });
    expect((await run(unitFor(path, 'undated.xml', '2024-01-31'))).meta).toEqual({ published: '2024-01-31' });
  });
});

describe('sniffUnSc', () => {
  const main = { format: 'un-sc-xml', source: 'un-sc', role: 'main' };

  it('recognises the root element after the prolog', () => {
    expect(sniffUnSc(readFileSync(fixture('lists/un-sc/excerpt.xml'), 'utf8'), 'x.xml')).toEqual(main);
    expect(sniffUnSc('\uFEFF<CONSOLIDATED_LIST dateGenerated="2026-01-01">', 'consolidated.xml')).toEqual(main);
    expect(sniffUnSc(readFileSync(fixture('lists/un-sc/billion-laughs.xml'), 'utf8'), 'x.xml')).toEqual(main);
  });

  it('ignores other documents', () => {
    expect(sniffUnSc(readFileSync(fixture('lists/un-sc/wrong-root.xml'), 'utf8'), 'consolidated.xml')).toBeNull();
    expect(sniffUnSc('<html><body>CONSOLIDATED_LIST</body></html>', 'consolidated.xml')).toBeNull();
    expect(sniffUnSc('DATAID,NAME\n1,x\n', 'consolidated.csv')).toBeNull();
  });
});

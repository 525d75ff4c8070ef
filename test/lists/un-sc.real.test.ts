/**
 * The UN SC parser on the real consolidated list of 2026-02-27 (/work/shared/data/un/consolidated.xml):
 * counts, records asserted field by field, and a truncated copy.
 */
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sniffUnSc, unScParser } from '../../src/lists/un-sc/index.js';
import type { ListMeta, LoadUnit } from '../../src/lists/types.js';
import { EndtraceError } from '../../src/model/index.js';
import type { EntityBundle, Issue } from '../../src/model/index.js';
import { dataFile, describeShared } from '../helpers/shared-data.js';

const NAME = 'un/consolidated.xml';
const unitFor = (path: string, name: string): LoadUnit => ({ source: 'un-sc', format: 'un-sc-xml', files: [{ role: 'main', path, name }], pathDate: null });

describeShared('UN SC consolidated list (real file, 2026-02-27)', () => {
  const unit = unitFor(dataFile('un', 'consolidated.xml'), NAME);
  const bundles = new Map<string, EntityBundle>();
  const issues: Issue[] = [];
  let meta: ListMeta | undefined;
  let count = 0;
  const schemas: Record<string, number> = {};

  beforeAll(async () => {
    const gen = unScParser.parse(unit, { issue: (i) => issues.push(i) });
    for (;;) {
      const r = await gen.next();
      if (r.done) {
        meta = r.value;
        break;
      }
      count++;
      schemas[r.value.root.schema.name] = (schemas[r.value.root.schema.name] ?? 0) + 1;
      bundles.set(r.value.root.id, r.value);
    }
  });

  const get = (id: string) => {
    const b = bundles.get(id);
    if (!b) throw new Error(`no bundle ${id}`);
    return b;
  };
  const related = (b: EntityBundle, schema: string) => b.related.filter((e) => e.schema.name === schema);

  it('yields 1,003 bundles: 730 Person, 273 organisations; published 2026-02-27', async () => {
    expect(count).toBe(1003);
    expect(bundles.size).toBe(1003);
    expect(schemas).toEqual({ Person: 730, Organization: 204, Company: 69 });
    expect(meta).toEqual({ published: '2026-02-27' });
    expect(await unScParser.peek(unit)).toEqual({ published: '2026-02-27' });
    for (const b of bundles.values()) {
      expect(b.root.target).toBe(true);
      expect(b.root.origin).toMatch(/^un\/consolidated\.xml:\d+$/);
      expect(related(b, 'Sanction')).toHaveLength(1);
    }
  });

  it('reports exactly the known problems of this file', () => {
    expect(issues.map((i) => [i.code, i.line, i.record])).toEqual([
      ['invalid_value', 2782, '6908496'],
      ['invalid_date', 13347, '6908703'],
      ['invalid_date', 22549, '2962519'],
    ]);
    // "former Soviet Union" maps to FtM's historic code.
    expect(get('unsc-2960872').root.get('nationality')).toContain('suhh');
  });

  it('maps ERIC BADEGE (DATAID 6907993)', () => {
    const b = get('unsc-6907993');
    const p = b.root;
    expect(p.schema.name).toBe('Person');
    expect(p.origin).toBe(`${NAME}:4`);
    expect(p.get('name')).toEqual(['ERIC BADEGE']);
    expect(p.get('birthDate')).toEqual(['1971']);
    expect(p.get('gender')).toEqual(['male']);
    expect(p.get('nationality')).toEqual(['cd']);
    expect(p.get('country')).toEqual(['rw']);
    expect(p.get('program')).toEqual(['DRC']);
    expect(related(b, 'Address').map((a) => a.get('country'))).toEqual([['rw']]);
    const s = related(b, 'Sanction')[0]!;
    expect(s.get('program')).toEqual(['DRC']);
    expect(s.get('listingDate')).toEqual(['2012-12-31']);
    expect(s.get('unscId')).toEqual(['CDi.001']);
    expect(s.get('authority')).toEqual(['United Nations Security Council']);
  });

  it('maps a BETWEEN date of birth: BOSCO TAGANDA (6908021)', () => {
    const b = get('unsc-6908021');
    const p = b.root;
    expect(p.origin).toBe(`${NAME}:1525`);
    expect(p.get('birthDate')).toEqual(['1973', '1974']);
    expect(p.get('birthPlace')).toEqual(['Bigogwe, Rwanda']);
    expect(p.get('birthCountry')).toEqual(['rw']);
    expect(p.get('alias')).toEqual(['Bosco Ntaganda', 'Bosco Ntagenda', 'General Taganda']);
    expect(p.get('weakAlias')).toEqual(['Lydia', 'Terminator', 'Tango Romeo', 'Romeo', 'Major']);
    expect(p.get('country')).toEqual(['be']);
    expect(p.get('modifiedAt')).toEqual(['2023-03-01']);
    expect(related(b, 'Sanction')[0]!.get('unscId')).toEqual(['CDi.030']);
  });

  it('maps passports, a fiscal code and the Arabic-script name: ADEL BEN AL-AZHAR BEN YOUSSEF HAMDI (112033)', () => {
    const b = get('unsc-112033');
    const p = b.root;
    expect(p.origin).toBe(`${NAME}:15802`);
    expect(p.get('name')).toEqual(['ADEL BEN AL-AZHAR BEN YOUSSEF HAMDI']);
    expect(p.get('alias')).toEqual(['عادل بن الأزهر بن يوسف حمدي']);
    expect(p.get('previousName')).toEqual(['Adel ben al- Azhar ben Youssef ben Soltane']);
    expect(p.get('passportNumber')).toEqual(['M408665']);
    expect(p.get('taxNumber')).toEqual(['BNSDLA70L14Z352B']);
    expect(p.get('birthDate')).toEqual(['1970-07-14']);
    expect(p.get('nationality')).toEqual(['tn']);
    expect(related(b, 'Passport').map((e) => [e.first('number'), e.first('country'), e.first('startDate')])).toEqual([['M408665', 'tn', '2000-10-04']]);
    expect(related(b, 'Sanction')[0]!.get('program')).toEqual(['Al-Qaida']);
  });

  it('maps a passport and a national id: Ahmad Oumar Imhamad al-Fitouri (6908704)', () => {
    const b = get('unsc-6908704');
    expect(b.root.get('passportNumber')).toEqual(['LY53FP76']);
    expect(b.root.get('idNumber')).toEqual(['119880387067']);
    expect(b.root.get('alias')[0]).toBe('احمد عمر امحمد الفيتوري');
  });

  it('maps an entity with aliases and addresses: KOREA RYONBONG GENERAL CORPORATION (690751)', () => {
    const b = get('unsc-690751');
    const o = b.root;
    expect(o.schema.name).toBe('Company');
    expect(o.origin).toBe(`${NAME}:45059`);
    expect(o.get('alias')).toEqual(['KOREA YONBONG GENERAL CORPORATION']);
    expect(o.get('previousName')).toEqual(['LYONGAKSAN GENERAL TRADING CORPORATION']);
    expect(o.get('country')).toEqual(['kp']);
    expect(related(b, 'Address').map((a) => [a.first('street'), a.first('city'), a.first('country')])).toEqual([
      ['Pot’onggang District', 'Pyongyang', 'kp'],
      ['Rakwon-dong, Pothonggang District', 'Pyongyang', 'kp'],
    ]);
    const s = related(b, 'Sanction')[0]!;
    expect([s.first('program'), s.first('unscId'), s.first('listingDate')]).toEqual(['DPRK', 'KPe.002', '2009-04-24']);
    expect(o.get('notes')[0]).toMatch(/^Defense conglomerate specializing in acquisition/);
  });

  it('sniffs the file as the UN SC list', async () => {
    const fd = openSync(dataFile('un', 'consolidated.xml'), 'r');
    const head = Buffer.alloc(65536);
    readSync(fd, head, 0, head.length, 0);
    closeSync(fd);
    expect(sniffUnSc(head.toString('utf8'), 'consolidated.xml')).toEqual({ format: 'un-sc-xml', source: 'un-sc', role: 'main' });
  });
});

describeShared('UN SC consolidated list, truncated to its first 100 KB', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'un-sc-real-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('yields the complete records, then fails with code truncated and the last line', async () => {
    const fd = openSync(dataFile('un', 'consolidated.xml'), 'r');
    const head = Buffer.alloc(100 * 1024);
    readSync(fd, head, 0, head.length, 0);
    closeSync(fd);
    const path = join(tmp, 'consolidated-100k.xml');
    writeFileSync(path, head);
    const lines = head.toString('utf8').split('\n').length;
    let yielded = 0;
    let error: unknown;
    try {
      for await (const _ of unScParser.parse(unitFor(path, 'consolidated-100k.xml'), { issue: () => {} })) yielded++;
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(EndtraceError);
    const err = error as EndtraceError;
    expect([err.kind, err.code, err.location?.file, err.location?.line]).toEqual(['input', 'truncated', 'consolidated-100k.xml', lines]);
    expect(yielded).toBe(45); // the complete INDIVIDUAL records in the first 100 KB
  });
});

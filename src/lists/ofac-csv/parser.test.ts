import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixture } from '../../../test/helpers/shared-data.js';
import { EndtraceError } from '../../model/index.js';
import type { EntityBundle, Issue } from '../../model/index.js';
import type { LoadUnit, UnitFile } from '../types.js';
import { ofacCsvParser } from './index.js';
import { splitCityField } from './address.js';

const dir = fixture('lists', 'ofac-csv');
const tmp = mkdtempSync(join(tmpdir(), 'ofac-csv-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const file = (role: string, name: string, base = dir): UnitFile => ({ role, path: join(base, name), name });
const unit = (...files: UnitFile[]): LoadUnit => ({ source: 'ofac-sdn', format: 'ofac-csv', files, pathDate: null });

async function load(u: LoadUnit, progress?: (n: number) => void) {
  const issues: Issue[] = [];
  const bundles: EntityBundle[] = [];
  const gen = ofacCsvParser.parse(u, { issue: (i) => issues.push(i), ...(progress ? { progress } : {}) });
  let r = await gen.next();
  while (!r.done) {
    bundles.push(r.value);
    r = await gen.next();
  }
  const byId = new Map(bundles.map((b) => [b.root.id, b]));
  return { bundles, byId, issues, meta: r.value };
}

async function loadError(u: LoadUnit): Promise<EndtraceError> {
  try {
    await load(u);
  } catch (err) {
    expect(err).toBeInstanceOf(EndtraceError);
    return err as EndtraceError;
  }
  throw new Error('expected an input error');
}

const full = () => unit(file('main', 'sdn.csv'), file('add', 'add.csv'), file('alt', 'alt.csv'), file('comments', 'sdn_comments.csv'));

describe('ofacCsvParser on the fixture unit', () => {
  it('yields one bundle per main record, in file order, and no date', async () => {
    const { bundles, meta } = await load(full());
    expect(bundles.map((b) => b.root.id)).toEqual([
      'ofac-36', 'ofac-306', 'ofac-7828', 'ofac-15036', 'ofac-15117', 'ofac-15431', 'ofac-15496', 'ofac-46431', 'ofac-46441',
      'ofac-90001', 'ofac-90002', 'ofac-90003', 'ofac-90004', 'ofac-90005', 'ofac-90006',
    ]);
    expect(meta).toEqual({ published: null });
    expect(await ofacCsvParser.peek(full())).toEqual({ published: null });
  });

  it('builds the KUPOL company from the main, alt and add files', async () => {
    const { byId } = await load(full());
    const b = byId.get('ofac-46431')!;
    const p = b.root.toFtM().properties;
    expect(b.root.schema.name).toBe('Company');
    expect(b.root.target).toBe(true);
    expect(p.name).toEqual(['JOINT STOCK COMPANY IZHEVSK ELECTROMECHANICAL PLANT KUPOL']);
    expect(p.alias).toEqual(['JSC IEMZ KUPOL', 'AO IEMZ KUPOL', 'AKTSIONERNOE OBSHCHESTVO IZHEVSKI ELEKTROMEKHANICHESKI ZAVOD KUPOL']);
    expect(p.taxNumber).toEqual(['1831083343']);
    expect(p.innCode).toEqual(['1831083343']);
    expect(p.registrationNumber).toEqual(['1021801143374']);
    expect(p.ogrnCode).toEqual(['1021801143374']);
    expect(p.okpoCode).toEqual(['07502963']);
    expect(p.website).toEqual(['www.kupol.ru']);
    expect(p.incorporationDate).toEqual(['2002-04-23', '1957']);
    expect(p.program).toEqual(['RUSSIA-EO14024']);
    expect(p.topics).toEqual(['sanction']);
    expect(p.country).toEqual(['ru']);
    expect(b.root.values('alias').map((v) => v.origin)).toEqual(['alt.csv:12', 'alt.csv:13', 'alt.csv:14']);
    expect(b.root.values('name')[0]!.origin).toBe('sdn.csv:8');
    const addr = b.related.find((e) => e.schema.name === 'Address')!;
    expect(addr.id).toBe('ofac-46431-addr-69057');
    expect(addr.toFtM().properties).toEqual({
      city: ['Izhevsk'],
      country: ['ru'],
      full: ['ul. Pesochnaya 3, Izhevsk, Udmurtia Republic 426033, Russia'],
      postalCode: ['426033'],
      region: ['Udmurtia Republic'],
      street: ['ul. Pesochnaya 3'],
    });
    expect(addr.values('city')[0]!.origin).toBe('add.csv:12');
    const sanction = b.related.find((e) => e.schema.name === 'Sanction')!;
    expect(sanction.toFtM().properties).toEqual({
      authority: ['Office of Foreign Assets Control'],
      authorityId: ['46431'],
      country: ['us'],
      entity: ['ofac-46431'],
      program: ['RUSSIA-EO14024'],
    });
    expect(b.related.filter((e) => e.schema.name === 'Identification').map((e) => e.get('type')[0])).toEqual(['Tax ID No', 'Government Gazette Number', 'Business Registration Number']);
  });

  it('resolves Linked To by primary name, alias, weak alias and a name ending in a period', async () => {
    const { byId } = await load(full());
    const links = (id: string) => byId.get(id)!.related.filter((e) => e.schema.name === 'UnknownLink').map((e) => [e.first('subject'), e.first('object'), e.first('role')]);
    expect(links('ofac-46441')).toEqual([['ofac-46441', 'ofac-46431', 'Linked To']]);
    expect(links('ofac-15036')).toEqual([['ofac-15036', 'ofac-15117', 'Linked To']]);
    expect(links('ofac-90001')).toEqual([['ofac-90001', 'ofac-306', 'Linked To']]); // "BNC" is 306's weak a.k.a.
    expect(links('ofac-90005')).toEqual([['ofac-90005', 'ofac-90006', 'Linked To']]); // "ANGLO TEST CO., LTD." at the end of the field
    expect(links('ofac-90004')).toEqual([['ofac-90004', 'ofac-46431', 'Linked To']]); // an alt.csv alias, in the comments overflow
  });

  it('reports unresolved and ambiguous links, orphans, bad dates and unparsed clauses', async () => {
    const { issues } = await load(full());
    expect(issues.map((i) => [i.code, i.file, i.line, i.record])).toEqual([
      ['orphan_row', 'add.csv', 16, '99999'],
      ['orphan_row', 'alt.csv', 17, '99998'],
      ['unresolved_link', 'sdn.csv', 5, '15117'],
      ['unresolved_link', 'sdn.csv', 6, '15431'],
      ['unresolved_link', 'sdn.csv', 7, '15496'],
      ['unresolved_link', 'sdn.csv', 10, '90001'],
      ['unresolved_link', 'sdn.csv', 10, '90001'],
      ['invalid_value', 'sdn.csv', 14, '90005'],
      ['unparsed_remark', 'sdn.csv', 10, '90001'],
      ['unparsed_remark', 'sdn.csv', 14, '90005'],
    ]);
    expect(issues[5]!.message).toContain('matches 2 entries (ofac-90002, ofac-90003)');
    expect(issues[6]!.message).toContain('"Linked To: NOBODY ANYWHERE LTD"');
    expect(issues[9]!.message).toBe('1 remark clause(s) of type "birthDate: dob" kept in notes only; the first, here: "DOB 31 Feb 1961"');
  });

  it('continues the Remarks with the comments overflow, with its own origin', async () => {
    const { byId, issues } = await load(full());
    const root = byId.get('ofac-90004')!.root;
    expect(root.get('taxNumber')).toEqual(['7701234567']); // "Tax ID No. 77" + "01234567 (Russia)"
    expect(root.get('innCode')).toEqual(['7701234567']);
    expect(root.values('taxNumber')[0]!.origin).toBe('sdn.csv:13'); // the clause starts in the main row
    expect(root.values('website').at(-1)).toEqual({ value: 'www.overflow.test', origin: 'sdn_comments.csv:1', lang: undefined });
    expect(root.get('notes')[0]).toMatch(/; Tax ID No\. 7701234567 \(Russia\); Website www\.overflow\.test; Linked To: JSC IEMZ KUPOL$/);
    expect(issues.filter((i) => i.code === 'truncated_remarks')).toEqual([]);
  });

  it('reports remarks cut at 1000 characters when no comments file continues them', async () => {
    const { byId, issues } = await load(unit(file('main', 'sdn.csv')));
    expect(byId.get('ofac-90004')!.root.get('taxNumber')).toEqual(['77']);
    expect(issues.filter((i) => i.code === 'truncated_remarks').map((i) => [i.line, i.record])).toEqual([[13, '90004']]);
  });

  it('maps a person: names, dates, passports, aliases of every kind, positions', async () => {
    const { byId } = await load(full());
    const amdouni = byId.get('ofac-7828')!;
    const p = amdouni.root.toFtM().properties;
    expect(amdouni.root.schema.name).toBe('Person');
    expect(p.lastName).toEqual(['AMDOUNI']);
    expect(p.firstName).toEqual(['Mehrez']);
    expect(p.birthDate).toEqual(['1969-12-18', '1968-05-25', '1968-12-18', '1969-07-14']);
    expect(p.birthPlace).toEqual(['Tunis, Tunisia', 'Naples, Italy', 'Algeria']);
    expect(p.nationality).toEqual(['tn']);
    expect(p.passportNumber).toEqual(['G737411', '0801888']);
    expect(p.weakAlias).toEqual(['ABU THALE']);
    expect(p.alias).toHaveLength(6);
    expect(amdouni.related.filter((e) => e.schema.name === 'Passport').map((e) => [e.first('number'), e.first('country'), e.first('startDate'), e.first('endDate')])).toEqual([
      ['G737411', 'tn', '1990-10-24', '1997-09-20'],
      ['0801888', 'ba', undefined, undefined],
    ]);
    const doe = byId.get('ofac-90005')!.root.toFtM().properties;
    expect(doe.birthDate).toEqual(['1960', '1961', '1962', '1958']);
    expect(doe.position).toEqual(['Brigadier General', 'Chief of Testing']);
    expect(doe.previousName).toEqual(['OLD DOE']);
    expect(doe.alias).toEqual(['NEW DOE', 'DOE, Johnny']); // n.k.a. in remarks and an nka row of alt.csv
    expect(doe.nationality).toEqual(['ci']);
  });

  it('maps vessels and aircraft', async () => {
    const { byId } = await load(full());
    const vessel = byId.get('ofac-15036')!.root;
    expect(vessel.schema.name).toBe('Vessel');
    expect(vessel.toFtM().properties).toMatchObject({
      callSign: ['T2EU4'],
      type: ['Crude/Oil Products Tanker'],
      tonnage: ['99144'],
      grossRegisteredTonnage: ['56068'],
      flag: ['ir'],
      pastFlags: ['mt', 'tv', 'tz'],
      imoNumber: ['IMO 9187629'],
      mmsi: ['572469210'],
      previousName: ['ALPHA', 'ABADAN', 'SHONA'],
      program: ['IRAN'],
    });
    const plane = byId.get('ofac-15431')!.root;
    expect(plane.schema.name).toBe('Airplane');
    expect(plane.toFtM().properties).toMatchObject({
      model: ['IL76-TD'],
      buildDate: ['1992'],
      serialNumber: ['8401', '1023409321'],
      program: ['SDGT'],
    });
    expect(plane.get('notes')).toContain('Aircraft Operator: YAS AIR');
  });

  it('keeps markup in names verbatim, as data', async () => {
    const { byId } = await load(full());
    const b = byId.get('ofac-90001')!;
    expect(b.root.get('name')).toEqual(['<script>alert(1)</script> TRADING LLC']);
    expect(b.root.schema.name).toBe('Company'); // "LLC"
  });

  it('splits the programs field and keeps Organization without company signs', async () => {
    const { byId } = await load(full());
    expect(byId.get('ofac-90004')!.root.get('program')).toEqual(['RUSSIA-EO14024', 'UKRAINE-EO13662']);
    expect(byId.get('ofac-90002')!.root.schema.name).toBe('Organization');
    expect(byId.get('ofac-306')!.root.schema.name).toBe('Organization');
    expect(byId.get('ofac-306')!.root.get('weakAlias')).toEqual(['BNC']);
  });

  it('gives one Address per add row with any detail, keyed by Add_num, and maps "Region:" countries', async () => {
    const { bundles, byId } = await load(full());
    const addresses = bundles.flatMap((b) => b.related.filter((e) => e.schema.name === 'Address'));
    expect(addresses.map((e) => e.id)).toEqual([
      'ofac-36-addr-25', 'ofac-306-addr-199', 'ofac-306-addr-200', 'ofac-306-addr-201', 'ofac-306-addr-202',
      'ofac-15117-addr-22489', 'ofac-15117-addr-45451', 'ofac-15496-addr-23080',
      'ofac-46431-addr-69057', 'ofac-46441-addr-69075', 'ofac-90004-addr-99002',
    ]);
    expect(addresses.filter((e) => e.size === 0)).toEqual([]);
    // 7828, 15036, 15431 and 90004/99001 are all-empty rows (`-0-` only): no Address, no link to one.
    for (const id of ['ofac-7828', 'ofac-15036', 'ofac-15431']) expect(byId.get(id)!.root.has('addressEntity'), id).toBe(false);
    expect(byId.get('ofac-90004')!.root.get('addressEntity')).toEqual(['ofac-90004-addr-99002']);
    const gaza = byId.get('ofac-90004')!.related.find((e) => e.id === 'ofac-90004-addr-99002')!;
    expect(gaza.toFtM().properties).toMatchObject({ country: ['ps'], region: ['Gaza'] });
  });

  it('keeps an add row that has only Add_remarks, and drops the all -0- rows', async () => {
    writeFileSync(join(tmp, 'add-remarks.csv'), '36,25,-0- ,-0- ,-0- ,"Moved in 2019"\r\n36,26,-0- ,-0- ,-0- ,-0- \r\n36,27, -0-, -0-,-0-,-0-\r\n');
    const { byId } = await load(unit(file('main', 'sdn.csv'), file('add', 'add-remarks.csv', tmp)));
    const b = byId.get('ofac-36')!;
    expect(b.related.filter((e) => e.schema.name === 'Address').map((e) => [e.id, e.toFtM().properties])).toEqual([['ofac-36-addr-25', { remarks: ['Moved in 2019'] }]]);
    expect(b.root.values('addressEntity').map((v) => [v.value, v.origin])).toEqual([['ofac-36-addr-25', 'add-remarks.csv:1']]);
  });

  it('reports progress up to the bytes of all files', async () => {
    const seen: number[] = [];
    await load(full(), (n) => seen.push(n));
    const total = ['sdn.csv', 'add.csv', 'alt.csv', 'sdn_comments.csv'].reduce((s, f) => s + statSync(join(dir, f)).size, 0);
    expect(seen.at(-1)).toBe(total);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
  });
});

describe('ofacCsvParser on bad input', () => {
  it('refuses broken quoting, naming file and line', async () => {
    const err = await loadError(unit(file('main', 'broken-quoting.csv')));
    expect([err.kind, err.code, err.location]).toEqual(['input', 'csv_syntax', { file: 'broken-quoting.csv', line: 3 }]);
  });

  it('refuses a file of another layout (3 columns)', async () => {
    const err = await loadError(unit(file('main', 'three-columns.csv')));
    expect([err.kind, err.code, err.location]).toEqual(['input', 'layout', { file: 'three-columns.csv', line: 1, record: 'id' }]);
  });

  it('refuses an add.csv given as the main file, and a main file given as alt', async () => {
    const err = await loadError(unit(file('main', 'add.csv')));
    expect([err.kind, err.code, err.location]).toEqual(['input', 'layout', { file: 'add.csv', line: 1, record: '36' }]);
    expect(err.message).toContain('looks like an add file');
    const err2 = await loadError(unit(file('main', 'sdn.csv'), file('alt', 'sdn.csv')));
    expect([err2.code, err2.location?.file]).toEqual(['layout', 'sdn.csv']);
    expect(err2.message).toContain('not an OFAC alt file');
  });

  it('refuses a unit without a main file or with an unknown role', async () => {
    expect((await loadError(unit(file('add', 'add.csv')))).code).toBe('layout');
    expect((await loadError(unit(file('main', 'sdn.csv'), file('extra', 'add.csv')))).code).toBe('layout');
  });

  it('skips a record with the wrong number of columns and goes on', async () => {
    const { bundles, issues } = await load(unit(file('main', 'wrong-count.csv')));
    expect(bundles.map((b) => b.root.id)).toEqual(['ofac-36', 'ofac-306', 'ofac-7828']);
    expect(issues.map((i) => [i.code, i.line, i.record])).toEqual([['bad_record', 3, '90011']]);
  });

  it('skips a record without a name, and a companion row of the wrong width', async () => {
    const rows = readFileSync(join(dir, 'sdn.csv'), 'utf8').split('\r\n');
    writeFileSync(join(tmp, 'noname.csv'), [rows[0], '5,-0- ,-0- ,"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- '].join('\r\n') + '\r\n');
    writeFileSync(join(tmp, 'add-bad.csv'), '36,25,-0- ,"Havana","Cuba",-0- \r\n36,26,"Calle 1"\r\n');
    const { bundles, issues } = await load(unit(file('main', 'noname.csv', tmp), file('add', 'add-bad.csv', tmp)));
    expect(bundles.map((b) => b.root.id)).toEqual(['ofac-36']);
    expect(issues.map((i) => [i.code, i.file, i.line, i.record])).toEqual([
      ['bad_record', 'add-bad.csv', 2, '36'],
      ['missing_name', 'noname.csv', 2, '5'],
    ]);
    expect(bundles[0]!.related.filter((e) => e.schema.name === 'Address').map((e) => e.id)).toEqual(['ofac-36-addr-25']);
  });

  it('skips a repeated ent_num', async () => {
    const rows = readFileSync(join(dir, 'sdn.csv'), 'utf8').split('\r\n');
    writeFileSync(join(tmp, 'dup.csv'), [rows[0], rows[1], rows[0]].join('\r\n') + '\r\n');
    const { bundles, issues } = await load(unit(file('main', 'dup.csv', tmp)));
    expect(bundles.map((b) => b.root.id)).toEqual(['ofac-36', 'ofac-306']);
    expect(issues.map((i) => [i.code, i.line, i.record])).toEqual([['duplicate_id', 3, '36']]);
  });

  it('refuses an oversized field', async () => {
    writeFileSync(join(tmp, 'oversized.csv'), `1,"BIG",-0- ,"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"${'x'.repeat(200_000)}"\r\n`);
    const err = await loadError(unit(file('main', 'oversized.csv', tmp)));
    expect([err.kind, err.code, err.location?.file, err.location?.line]).toEqual(['input', 'oversized', 'oversized.csv', 1]);
  });

  it('refuses a truncated file (cut inside a quoted field)', async () => {
    const text = readFileSync(join(dir, 'sdn.csv'), 'utf8');
    writeFileSync(join(tmp, 'truncated.csv'), text.slice(0, text.indexOf('Website www.kupol.ru')));
    const err = await loadError(unit(file('main', 'truncated.csv', tmp)));
    expect([err.kind, err.code, err.location?.file]).toEqual(['input', 'csv_syntax', 'truncated.csv']);
    expect(err.location?.line).toBe(8);
  });

  it('refuses a file that is not UTF-8', async () => {
    const bytes = Buffer.concat([Buffer.from('1,"CAF'), Buffer.from([0xc9]), Buffer.from('",-0- ,"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n')]);
    writeFileSync(join(tmp, 'latin1.csv'), bytes);
    const err = await loadError(unit(file('main', 'latin1.csv', tmp)));
    expect([err.kind, err.code, err.location]).toEqual(['input', 'encoding', { file: 'latin1.csv', line: 1 }]);
  });
});

describe('splitCityField', () => {
  it('separates city, region and postal code', () => {
    expect(splitCityField('Izhevsk, Udmurtia Republic 426033')).toEqual({ city: 'Izhevsk', region: 'Udmurtia Republic', postalCode: '426033' });
    expect(splitCityField('London EC3N 1DY')).toEqual({ city: 'London', region: undefined, postalCode: 'EC3N 1DY' });
    expect(splitCityField('Zurich CH-8022')).toEqual({ city: 'Zurich', region: undefined, postalCode: 'CH-8022' });
    expect(splitCityField('Mexico City C.P. 11830')).toEqual({ city: 'Mexico City', region: undefined, postalCode: '11830' });
    expect(splitCityField('Frankfurt am Main')).toEqual({ city: 'Frankfurt am Main', region: undefined, postalCode: undefined });
    expect(splitCityField('Jnah, Baabda')).toEqual({ city: 'Jnah', region: 'Baabda', postalCode: undefined });
    expect(splitCityField('')).toEqual({});
  });
});

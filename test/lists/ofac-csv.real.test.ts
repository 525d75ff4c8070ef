/**
 * The OFAC legacy CSV parser on the real published files in ../shared/data (see SOURCES.md):
 * the 2023-12-28 SDN triple (sdn/add/alt), the 2024-05-03 sdn.csv, and the consolidated
 * non-SDN cons_* set.
 */
import { readdirSync } from 'node:fs';
import { beforeAll, expect, it } from 'vitest';
import type { EntityBundle, Issue } from '../../src/model/index.js';
import { readCsv } from '../../src/lists/io/csv.js';
import { readHeadText } from '../../src/lists/io/text.js';
import { isStructured, parseOfacRemarks } from '../../src/lists/ofac-common/index.js';
import { ofacCsvParser, sniffOfacCsv } from '../../src/lists/ofac-csv/index.js';
import type { LoadUnit } from '../../src/lists/types.js';
import { dataFile, describeShared } from '../helpers/shared-data.js';

interface Loaded {
  bundles: EntityBundle[];
  byId: Map<string, EntityBundle>;
  issues: Issue[];
  codes: Record<string, number>;
}

function unit(source: string, dir: string[], files: Record<string, string>): LoadUnit {
  return {
    source,
    format: 'ofac-csv',
    files: Object.entries(files).map(([role, name]) => ({ role, path: dataFile(...dir, name), name })),
    pathDate: null,
  };
}

async function load(u: LoadUnit): Promise<Loaded> {
  const bundles: EntityBundle[] = [];
  const issues: Issue[] = [];
  for await (const b of ofacCsvParser.parse(u, { issue: (i) => issues.push(i) })) bundles.push(b);
  const codes: Record<string, number> = {};
  for (const i of issues) codes[i.code] = (codes[i.code] ?? 0) + 1;
  return { bundles, byId: new Map(bundles.map((b) => [b.root.id, b])), issues, codes };
}

const related = (b: EntityBundle, schema: string) => b.related.filter((e) => e.schema.name === schema);

describeShared('ofac-csv: SDN 2023-12-28 (sdn.csv + add.csv + alt.csv)', () => {
  let r: Loaded;
  beforeAll(async () => {
    r = await load(unit('ofac-sdn', ['ofac_sdn', '2023-12-28'], { main: 'sdn.csv', add: 'add.csv', alt: 'alt.csv' }));
  });

  it('gives one bundle per entry, with the entry types of the file', () => {
    expect(r.bundles).toHaveLength(13_821);
    const schemas: Record<string, number> = {};
    for (const b of r.bundles) schemas[b.root.schema.name] = (schemas[b.root.schema.name] ?? 0) + 1;
    expect(schemas).toEqual({ Person: 6_646, Vessel: 764, Airplane: 378, Organization: 1_192, Company: 4_841 });
  });

  it('takes every alt.csv row as one name value', () => {
    let n = 0;
    for (const b of r.bundles) {
      for (const prop of ['alias', 'previousName', 'weakAlias']) n += b.root.values(prop).filter((v) => v.origin?.startsWith('alt.csv:')).length;
    }
    expect(n).toBe(17_091);
  });

  it('attaches one Address per add.csv row with any detail; the 2,652 rows that are all -0- give none', async () => {
    const expected = new Set<string>();
    const emptyIds = new Set<string>();
    let rows = 0;
    for await (const { fields } of readCsv(dataFile('ofac_sdn', '2023-12-28', 'add.csv'))) {
      if (fields.length < 6) continue;
      rows++;
      const id = `ofac-${fields[0]!.trim()}-addr-${fields[1]!.trim()}`;
      if (fields.slice(2, 6).every((f) => f.trim() === '-0-')) emptyIds.add(id);
      else expected.add(id);
    }
    expect([rows, expected.size, emptyIds.size]).toEqual([18_990, 16_338, 2_652]);
    const addresses = r.bundles.flatMap((b) => related(b, 'Address'));
    expect(addresses).toHaveLength(16_338);
    expect(new Set(addresses.map((e) => e.id))).toEqual(expected);
    expect(addresses.filter((e) => e.size === 0)).toEqual([]);
    expect(r.byId.get('ofac-10009')!.related.some((e) => e.id === 'ofac-10009-addr-13168')).toBe(false);
    // Every one is linked from its entity, with the add.csv row as provenance; the empty rows are not.
    const links = r.bundles.flatMap((b) => b.root.values('addressEntity'));
    expect(links).toHaveLength(16_338);
    expect(new Set(links.map((v) => v.value))).toEqual(expected);
    expect(links.every((v) => v.origin?.startsWith('add.csv:'))).toBe(true);
  });

  it('builds ofac-46431 (KUPOL) with identifiers, aliases, address and program', () => {
    const b = r.byId.get('ofac-46431')!;
    const p = b.root.toFtM().properties;
    expect(b.root.schema.name).toBe('Company');
    expect(p.name).toEqual(['JOINT STOCK COMPANY IZHEVSK ELECTROMECHANICAL PLANT KUPOL']);
    expect(p.alias).toEqual(['JSC IEMZ KUPOL', 'AO IEMZ KUPOL', 'AKTSIONERNOE OBSHCHESTVO IZHEVSKI ELEKTROMEKHANICHESKI ZAVOD KUPOL']);
    expect([p.taxNumber, p.innCode]).toEqual([['1831083343'], ['1831083343']]);
    expect([p.registrationNumber, p.ogrnCode]).toEqual([['1021801143374'], ['1021801143374']]);
    expect(p.okpoCode).toEqual(['07502963']);
    expect(p.website).toEqual(['www.kupol.ru']);
    expect(p.incorporationDate).toEqual(['2002-04-23', '1957']);
    expect(p.program).toEqual(['RUSSIA-EO14024']);
    const [addr, ...more] = related(b, 'Address');
    expect(more).toEqual([]);
    expect([addr!.get('city'), addr!.get('country')]).toEqual([['Izhevsk'], ['ru']]);
  });

  it('links ofac-46441 (TSK VEKTOR, OOO) to ofac-46431 inside its own bundle', () => {
    const b = r.byId.get('ofac-46441')!;
    expect(b.root.get('name')).toEqual(['TSK VEKTOR, OOO']);
    expect(related(b, 'UnknownLink').map((e) => e.toFtM().properties)).toEqual([{ object: ['ofac-46431'], role: ['Linked To'], subject: ['ofac-46441'] }]);
  });

  it('fills a person from DOB/POB/nationality/passport remarks (ofac-7828, AMDOUNI, Mehrez)', () => {
    const b = r.byId.get('ofac-7828')!;
    const p = b.root.toFtM().properties;
    expect(b.root.schema.name).toBe('Person');
    expect(p.birthDate).toEqual(['1969-12-18', '1968-05-25', '1968-12-18', '1969-07-14']);
    expect(p.birthPlace).toEqual(['Tunis, Tunisia', 'Naples, Italy', 'Algeria']);
    expect(p.nationality).toEqual(['tn']);
    expect(p.passportNumber).toEqual(['G737411', '0801888']);
    const passports = related(b, 'Passport').map((e) => e.toFtM().properties);
    expect(passports[0]).toEqual({ country: ['tn'], endDate: ['1997-09-20'], holder: ['ofac-7828'], number: ['G737411'], startDate: ['1990-10-24'], type: ['Passport'] });
    expect(passports).toHaveLength(2);
  });

  it('resolves Linked To for all but 11 of the 5,963 clauses and reports the rest', () => {
    const links = r.bundles.reduce((n, b) => n + related(b, 'UnknownLink').length, 0);
    expect(links).toBe(5_952);
    expect(r.codes).toEqual({ invalid_value: 1, truncated_remarks: 17, unresolved_link: 11, unparsed_remark: 28 });
    expect(r.issues.filter((i) => i.code === 'unresolved_link').map((i) => i.record)).toContain('20130'); // MINISTRY OF STATE SECURITY: two entries
  });
});

describeShared('ofac-csv: SDN 2024-05-03 sdn.csv alone', () => {
  let r: Loaded;
  beforeAll(async () => {
    r = await load(unit('ofac-sdn', ['ofac_sdn', '2024-05-03'], { main: 'sdn.csv' }));
  });

  it('gives 14,965 bundles and the expected issues', () => {
    expect(r.bundles).toHaveLength(14_965);
    expect(r.codes).toEqual({ invalid_value: 1, truncated_remarks: 18, unresolved_link: 11, unparsed_remark: 28 });
  });

  it('turns 98.8% of the remark clauses into structured values', async () => {
    let clauses = 0;
    let structured = 0;
    for await (const { fields } of readCsv(dataFile('ofac_sdn', '2024-05-03', 'sdn.csv'))) {
      if (fields.length !== 12) continue;
      const title = fields[4]!.trim() === '-0-' ? [] : fields[4]!.split(';');
      for (const cl of parseOfacRemarks(fields[11]!, { titles: title })) {
        clauses++;
        if (isStructured(cl)) structured++;
      }
    }
    expect([clauses, structured]).toEqual([61_088, 60_342]);
    // The parser's tally of clauses kept in notes only: the rest of the 746 are labelled notes
    // the shared table keeps as such (Aircraft Operator, Fax …), written as `<label>: <value>` notes.
    const unparsed = r.issues.filter((i) => i.code === 'unparsed_remark').reduce((n, i) => n + Number(i.message.split(' ')[0]), 0);
    expect(unparsed).toBe(444);
  });

  it('reports companions of another publication as orphans (2026-06-02 add/alt)', async () => {
    const u = unit('ofac-sdn', ['ofac_sdn', '2024-05-03'], { main: 'sdn.csv' });
    u.files.push(
      { role: 'add', path: dataFile('ofac_sdn', '2026-06-02', 'add.csv'), name: 'add.csv' },
      { role: 'alt', path: dataFile('ofac_sdn', '2026-06-02', 'alt.csv'), name: 'alt.csv' },
    );
    const x = await load(u);
    expect(x.bundles).toHaveLength(14_965);
    expect(x.issues.filter((i) => i.code === 'orphan_row' && i.file === 'add.csv')).toHaveLength(4_894);
    expect(x.issues.filter((i) => i.code === 'orphan_row' && i.file === 'alt.csv')).toHaveLength(1_724);
    // The 19,178 add.csv rows of entities in this sdn.csv, less the 2,524 of them that are all -0-.
    expect(x.bundles.reduce((n, b) => n + related(b, 'Address').length, 0)).toBe(16_654);
  });
});

describeShared('ofac-csv: consolidated non-SDN list (cons_prim + cons_add + cons_alt + cons_comments)', () => {
  let r: Loaded;
  beforeAll(async () => {
    r = await load(
      unit('ofac-cons', ['ofac_consolidated'], { main: 'cons_prim.csv', add: 'cons_add.csv', alt: 'cons_alt.csv', comments: 'cons_comments.csv' }),
    );
  });

  it('gives 442 bundles', () => {
    expect(r.bundles).toHaveLength(442);
    expect(r.codes).toEqual({ invalid_value: 1, unresolved_link: 1, unparsed_remark: 3 });
  });

  it('continues remarks cut at 1000 characters with the comments rows', () => {
    const notes = r.byId.get('ofac-17016')!.root.get('notes')[0]!;
    expect(notes).toContain("on or after the 'Effective Date (EO 14024 Directive)' associated with this name are prohibited.");
    expect(r.byId.get('ofac-17016')!.root.get('leiCode')).toEqual(['253400WSS48YWMBUA688']);
    const lei = r.byId.get('ofac-17016')!.root.values('leiCode')[0]!;
    expect(lei.origin).toMatch(/^cons_comments\.csv:\d+$/);
  });
});

describeShared('sniffOfacCsv on the real files', () => {
  it('recognises every legacy CSV file by content', async () => {
    const found: Record<string, string> = {};
    for (const dir of [['ofac_sdn', '2023-12-28'], ['ofac_sdn', '2024-05-03'], ['ofac_sdn', '2025-12-24'], ['ofac_sdn', '2026-06-02'], ['ofac_consolidated']]) {
      for (const name of readdirSync(dataFile(...dir)).filter((n) => n.endsWith('.csv'))) {
        const s = sniffOfacCsv(await readHeadText(dataFile(...dir, name)), name);
        found[`${dir.join('/')}/${name}`] = s ? `${s.source}:${s.role}` : 'null';
      }
    }
    expect(found).toEqual({
      'ofac_sdn/2023-12-28/add.csv': 'ofac-sdn:add',
      'ofac_sdn/2023-12-28/alt.csv': 'ofac-sdn:alt',
      'ofac_sdn/2023-12-28/sdn.csv': 'ofac-sdn:main',
      'ofac_sdn/2024-05-03/sdn.csv': 'ofac-sdn:main',
      'ofac_sdn/2025-12-24/sdn_comments.csv': 'ofac-sdn:comments',
      'ofac_sdn/2026-06-02/add.csv': 'ofac-sdn:add',
      'ofac_sdn/2026-06-02/alt.csv': 'ofac-sdn:alt',
      'ofac_consolidated/cons_add.csv': 'ofac-cons:add',
      'ofac_consolidated/cons_alt.csv': 'ofac-cons:alt',
      'ofac_consolidated/cons_comments.csv': 'ofac-cons:comments',
      'ofac_consolidated/cons_prim.csv': 'ofac-cons:main',
    });
  });

  it('does not take the other lists for OFAC CSV', async () => {
    for (const f of [['us_csl', 'consolidated.csv.gz'], ['uk', 'ConList.from_xlsx.csv.gz'], ['un', 'consolidated.xml'], ['ofac_consolidated', 'consolidated.xml']]) {
      expect(sniffOfacCsv(await readHeadText(dataFile(...f)), f[1]!)).toBeNull();
    }
  });
});

/**
 * The US CSL parser on the real consolidated.csv.gz (trade.gov, 2022-05, 14,160 rows; counts
 * per list from ../shared/data/SOURCES.md).
 */
import { mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { EndtraceError } from '../../src/model/index.js';
import type { EntityBundle, FtMEntity, Issue } from '../../src/model/index.js';
import { readHeadText } from '../../src/lists/index.js';
import { sniffUsCsl, usCslCsvParser } from '../../src/lists/us-csl/index.js';
import type { LoadUnit } from '../../src/lists/index.js';
import { dataFile, describeShared } from '../helpers/shared-data.js';

const FILE = dataFile('us_csl', 'consolidated.csv.gz');
const unit = (path: string, name: string): LoadUnit => ({ source: 'us-csl', format: 'us-csl-csv', files: [{ role: 'main', path, name }], pathDate: null });

describeShared('us-csl: consolidated.csv.gz (real file)', () => {
  let count = 0;
  const byProgramId = new Map<string, number>();
  const byAuthority = new Map<string, number>();
  const kept = new Map<string, EntityBundle>();
  const issues: Issue[] = [];
  let ms = 0;
  const WANTED = ['us-csl-20250', 'us-csl-6bde40efdf8b4d5c77e0f39cb87ab223bdc7772b', 'us-csl-15903'];

  beforeAll(async () => {
    const t0 = performance.now();
    for await (const b of usCslCsvParser.parse(unit(FILE, 'consolidated.csv.gz'), { issue: (i) => issues.push(i) })) {
      count++;
      const s = b.related.find((e) => e.schema.name === 'Sanction');
      const code = s?.first('programId') ?? '-';
      byProgramId.set(code, (byProgramId.get(code) ?? 0) + 1);
      const authority = s?.first('authority') ?? '-';
      byAuthority.set(authority, (byAuthority.get(authority) ?? 0) + 1);
      if (WANTED.includes(b.root.id)) kept.set(b.root.id, b);
    }
    ms = performance.now() - t0;
    const codes: Record<string, number> = {};
    for (const i of issues) codes[i.code] = (codes[i.code] ?? 0) + 1;
    console.log(`us-csl consolidated.csv.gz: ${count} bundles in ${Math.round(ms)} ms; issues ${JSON.stringify(codes)}`);
  });

  it('gives exactly one bundle per row', () => {
    expect(count).toBe(14160);
  });

  it('counts per list equal SOURCES.md', () => {
    expect(Object.fromEntries([...byProgramId].sort())).toEqual({
      CAP: 53,
      CMIC: 68,
      DPL: 462,
      DTC: 727,
      EL: 2001,
      FSE: 3,
      ISN: 163,
      MEU: 71,
      'NS-MBS': 17,
      PLC: 78,
      SDN: 10026,
      SSI: 290,
      UVL: 201,
    });
    expect(byAuthority.get('Specially Designated Nationals (SDN) - Treasury Department')).toBe(10026);
    expect(byAuthority.get('Entity List (EL) - Bureau of Industry and Security')).toBe(2001);
    expect(byAuthority.get('ITAR Debarred (DTC) - State Department')).toBe(727);
    expect(byAuthority.size).toBe(13);
  });

  it('reports the file\'s few bad values as issues', () => {
    const codes: Record<string, number> = {};
    for (const i of issues) codes[i.code] = (codes[i.code] ?? 0) + 1;
    // invalid_value: country NM twice, a date range as incorporation date, a bad email ("St. Kitts & Nevis" now maps).
    expect(codes).toEqual({ invalid_date: 3, duplicate_id: 1, invalid_value: 4 });
    expect(issues.find((i) => i.code === 'duplicate_id')).toMatchObject({ file: 'consolidated.csv.gz', line: 1980, record: 'us-csl-15268-cap-0c62a544e29727f3' });
    expect(issues.filter((i) => i.code === 'invalid_date').map((i) => i.line)).toEqual([1753, 1754, 9906]);
  });

  const props = (id: string): FtMEntity['properties'] => kept.get(id)!.root.toFtM().properties;
  const relatedOf = (id: string, schema: string) =>
    kept
      .get(id)!
      .related.filter((e) => e.schema.name === schema)
      .map((e) => e.toFtM().properties);

  it('maps an SDN individual (EL AISSAMI) field by field', () => {
    const b = kept.get('us-csl-20250')!;
    expect(b.root.schema.name).toBe('Person');
    expect(b.root.origin).toBe('consolidated.csv.gz:3844');
    expect(props('us-csl-20250')).toEqual({
      name: ['EL AISSAMI MADDAH, Tareck Zaidan'],
      alias: ['EL AISSAMI, Tareck', 'EL AISSAMI, Tarek'],
      position: ['Executive Vice President; Former Governor of Aragua State'],
      birthDate: ['1974-11-12'],
      birthPlace: ['El Vigia, Merida, Venezuela'],
      citizenship: ['ve'],
      country: ['ve'],
      gender: ['male'],
      passportNumber: ['C1668015'],
      idNumber: ['12.354.211'],
      addressEntity: ['us-csl-20250-addr-0'],
      program: ['SDNTK'],
      programId: ['SDN'],
      sourceUrl: ['http://bit.ly/1MLgpye', 'http://bit.ly/1I7ipyR'],
      topics: ['sanction'],
    });
    expect(relatedOf('us-csl-20250', 'Passport')).toEqual([{ holder: ['us-csl-20250'], type: ['Passport'], number: ['C1668015'], country: ['ve'] }]);
    expect(relatedOf('us-csl-20250', 'Identification')).toEqual([
      { holder: ['us-csl-20250'], type: ['Identification Number'], number: ['12.354.211'], country: ['ve'] },
    ]);
    expect(relatedOf('us-csl-20250', 'Sanction')).toEqual([
      {
        entity: ['us-csl-20250'],
        authority: ['Specially Designated Nationals (SDN) - Treasury Department'],
        authorityId: ['20250'],
        program: ['SDNTK'],
        programId: ['SDN'],
        country: ['us'],
        sourceUrl: ['http://bit.ly/1MLgpye', 'http://bit.ly/1I7ipyR'],
      },
    ]);
  });

  it('maps an Entity List company (AGCU Scientech) field by field', () => {
    const id = 'us-csl-6bde40efdf8b4d5c77e0f39cb87ab223bdc7772b';
    expect(kept.get(id)!.root.schema.name).toBe('Company');
    expect(props(id)).toEqual({
      name: ['AGCU Scientech'],
      alias: ['AGCU ScienTech Incorporation', 'Wuxi Zhongde Meilian Biotechnology Co., Ltd'],
      address: ['No. 18-1, Wenhui Road, Huishan Economic Development Zone, Wuxi City, 214000'],
      addressEntity: [`${id}-addr-0`],
      country: ['cn'],
      program: ['Entity List'],
      programId: ['EL'],
      sourceUrl: ['http://bit.ly/1L47xrV'],
      topics: ['sanction', 'export.control'],
    });
    expect(relatedOf(id, 'Address')).toEqual([{ full: ['No. 18-1, Wenhui Road, Huishan Economic Development Zone, Wuxi City, 214000'], country: ['cn'] }]);
    expect(relatedOf(id, 'Sanction')).toEqual([
      {
        entity: [id],
        authority: ['Entity List (EL) - Bureau of Industry and Security'],
        program: ['Entity List'],
        programId: ['EL'],
        country: ['us'],
        startDate: ['2020-12-18'],
        listingDate: ['2020-12-18'],
        sourceUrl: ['http://bit.ly/1L47xrV'],
        summary: ['Federal Register notice: 85 FR 83420'],
        provisions: [
          'License requirement: For all items subject to the EAR. (See §744.11 of the EAR).',
          'License policy: Case-by-case review for items necessary to detect, identify and treat infectious disease; Presumption of denial for all other items subject to the EAR.',
        ],
      },
    ]);
  });

  it('maps a vessel with its owner (DANIEL) field by field', () => {
    const b = kept.get('us-csl-15903')!;
    expect(b.root.schema.name).toBe('Vessel');
    const owner = b.related.find((e) => e.schema.name === 'LegalEntity')!;
    expect(owner.get('name')).toEqual(['NITC']);
    expect(props('us-csl-15903')).toEqual({
      name: ['DANIEL'],
      alias: ['DEMOS'],
      callSign: ['5IM656'],
      type: ['Crude Oil Tanker'],
      flag: ['pa'],
      pastFlags: ['tz'],
      imoNumber: ['IMO 9569683'],
      owner: [owner.id],
      notes: ['(Linked To: NATIONAL IRANIAN TANKER COMPANY)'],
      program: ['IRAN'],
      programId: ['SDN'],
      sourceUrl: ['http://bit.ly/1MLgpye', 'http://bit.ly/1I7ipyR'],
      topics: ['sanction'],
    });
    expect(relatedOf('us-csl-15903', 'Sanction')[0]?.provisions).toEqual(['Additional Sanctions Information: Subject to Secondary Sanctions']);
  });

  it('is recognised by its head', async () => {
    expect(sniffUsCsl(await readHeadText(FILE), 'consolidated.csv.gz')).toEqual({ format: 'us-csl-csv', source: 'us-csl', role: 'main' });
  });

  it('peeks no date: the file has none of its own', async () => {
    expect(await usCslCsvParser.peek(unit(FILE, 'consolidated.csv.gz'))).toEqual({ published: null });
  });

  describeShared('a truncated copy', () => {
    let dir: string;
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'us-csl-real-'));
    });
    afterAll(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it('is refused as truncated, naming the file', async () => {
      const fh = await open(FILE, 'r');
      const buf = Buffer.alloc(200 * 1024);
      await fh.read(buf, 0, buf.length, 0);
      await fh.close();
      const path = join(dir, 'consolidated-cut.csv.gz');
      await writeFile(path, buf);
      let err: unknown;
      let bundles = 0;
      try {
        for await (const _ of usCslCsvParser.parse(unit(path, 'consolidated-cut.csv.gz'), { issue: () => undefined })) bundles++;
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(EndtraceError);
      const e = err as EndtraceError;
      expect(e.kind).toBe('input');
      expect(e.code).toBe('truncated');
      expect(e.location?.file).toBe('consolidated-cut.csv.gz');
      expect(e.location?.line).toBeGreaterThan(1);
      // Records before the break stream out; the loader's transaction discards them (see the load tests).
      expect(bundles).toBeGreaterThan(0);
    });
  });
});

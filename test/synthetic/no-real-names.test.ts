/**
 * No synthetic record names a real company (or a real listed person): every generated company
 * and person name, in every Latin form, is compared with the names and aliases of the OFAC SDN
 * list of 2023-12-28 (sdn.csv + alt.csv), normalised for case, punctuation, legal forms and word
 * order; and with a hand list of well-known real firms of the drone and electronics trade.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readCsv } from '../../src/lists/index.js';
import { World, buildBackground, plantPatterns } from '../../src/synthetic/index.js';
import { dataFile, describeShared } from '../helpers/shared-data.js';

const LEGAL_FORMS = new Set([
  'llc', 'ltd', 'limited', 'co', 'company', 'inc', 'corp', 'corporation', 'ooo', 'oao', 'zao', 'pao', 'ao', 'jsc', 'ojsc', 'cjsc', 'pjsc', 'gmbh', 'ag', 'sa', 'srl',
  'bv', 'oy', 'kk', 'fze', 'fzco', 'llp', 'too', 'osoo', 'lp', 'plc', 'pte', 'pvt', 'sdn', 'bhd', 'as', 'sti', 'sas', 'doo', 'sp', 'z', 'o', 'pty', 'liability',
  'joint', 'stock', 'youxian', 'gongsi', 'the', 'of', 'and', 've', 'l', 'c', 'fz', 'hk',
]);

/** Lower case, no accents or punctuation, no legal-form words, words sorted. */
function normalise(name: string): string {
  return name
    .replace(/[ıİ]/g, 'i')
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w && !LEGAL_FORMS.has(w))
    .sort()
    .join(' ');
}

/** Well-known real firms (Latin and local spellings), by the words they would show in a name. */
const REAL_FIRMS = [
  'dji', 'da jiang', 'autel', 'daotong', 'kupol', 'купол', 'vektor', 'вектор', 'huawei', 'hikvision', 'dahua', 'zte', 'xag', 'ehang', 'xiaomi', 'lenovo', 'rostec',
  'ростех', 'almaz antey', 'kalashnikov', 'zala aero', 'sukhoi', 'tupolev', 'sberbank', 'gazprom', 'rosneft', 'lukoil', 'siemens', 'bosch', 'intel', 'nvidia',
  'samsung', 'sony', 'garmin', 'murata', 'vishay', 'infineon', 'texas instruments', 'analog devices', 'u blox', 'ublox', 'hobbywing', 't motor', 'tmotor',
];
const REAL_FIRMS_ZH = ['大疆', '华为', '道通', '海康', '大华', '中兴', '小米', '联想'];

interface Generated {
  company: Set<string>;
  person: Set<string>;
  local: string[];
}

const built = new Map<number, Generated>();

/** Every name of a 10,000-company world with the most planted parties (built once per seed). */
function generatedNames(seed: number): Generated {
  const cached = built.get(seed);
  if (cached) return cached;
  const world = new World(seed);
  plantPatterns(world, { seed, shipments: 1_000_000 });
  buildBackground(world, 10_000);
  const company = new Set<string>();
  const person = new Set<string>();
  const local: string[] = [];
  for (const c of world.companies) {
    for (const n of [c.names.name, c.names.nameEn, c.names.localLatin]) if (n) company.add(n);
    if (c.names.local) local.push(c.names.local);
  }
  for (const p of world.persons) person.add(p.names.name);
  const g = { company, person, local };
  built.set(seed, g);
  return g;
}

describe('generated names and the hand list of real firms', () => {
  const seeds = [1, 2, 20240503];
  it.each(seeds)('seed %i: no company name contains a real firm\'s name', (seed) => {
    const g = generatedNames(seed);
    expect(g.company.size).toBeGreaterThan(10_000);
    const offenders: string[] = [];
    for (const name of g.company) {
      const words = ` ${normalise(name)} `;
      const spaced = ` ${name.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean).join(' ')} `;
      if (REAL_FIRMS.some((f) => words.includes(` ${f} `) || spaced.includes(` ${f} `))) offenders.push(name);
    }
    for (const name of g.local) if (REAL_FIRMS_ZH.some((f) => name.includes(f)) || ['купол', 'вектор', 'ростех'].some((f) => name.toLowerCase().includes(f))) offenders.push(name);
    expect(offenders).toEqual([]);
  });
});

describeShared('generated names and the OFAC SDN list (2023-12-28)', () => {
  const listed = new Set<string>();
  beforeAll(async () => {
    for await (const { fields } of readCsv(dataFile('ofac_sdn/2023-12-28/sdn.csv'), { name: 'sdn.csv', encoding: 'windows-1252' })) {
      if (fields[1] && fields[1] !== '-0-') listed.add(normalise(fields[1]));
    }
    for await (const { fields } of readCsv(dataFile('ofac_sdn/2023-12-28/alt.csv'), { name: 'alt.csv', encoding: 'windows-1252' })) {
      if (fields[3] && fields[3] !== '-0-') listed.add(normalise(fields[3]));
    }
    listed.delete('');
  });

  it('reads the list names', () => {
    expect(listed.size).toBeGreaterThan(25_000);
    expect(listed.has(normalise('TSK VEKTOR, OOO'))).toBe(true);
  });

  it.each([1, 2, 20240503])('seed %i: no generated company or person has the name of a listed party', (seed) => {
    const g = generatedNames(seed);
    const clash = [...g.company, ...g.person].filter((n) => listed.has(normalise(n)));
    expect(clash).toEqual([]);
  });
});

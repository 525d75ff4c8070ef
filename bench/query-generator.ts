/**
 * Benchmark queries: names drawn from the loaded lists with realistic typos (a dropped, doubled,
 * swapped or replaced letter, a lost space, reordered words), and names that are on no list —
 * fictional, assembled from common name parts. Seeded, so every run screens the same queries.
 */

export interface BenchQuery {
  name: string;
  schema: string;
  /** The entity the query was made from, or null for a name on no list. */
  source: string | null;
  kind: 'exact' | 'typo' | 'reorder' | 'absent';
}

/** Mulberry32: a small, fast, seeded PRNG. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KEYBOARD = 'qwertyuiopasdfghjklzxcvbnm';

export function typo(name: string, rand: () => number): string {
  const chars = [...name];
  const letters = chars.map((c, i) => (/\p{L}/u.test(c) ? i : -1)).filter((i) => i > 0);
  if (letters.length < 4) return name;
  const i = letters[Math.floor(rand() * letters.length)]!;
  switch (Math.floor(rand() * 5)) {
    case 0:
      chars.splice(i, 1);
      break;
    case 1:
      chars.splice(i, 0, chars[i]!);
      break;
    case 2:
      if (i + 1 < chars.length) [chars[i], chars[i + 1]] = [chars[i + 1]!, chars[i]!];
      break;
    case 3:
      chars[i] = KEYBOARD[Math.floor(rand() * KEYBOARD.length)]!;
      break;
    default: {
      const s = chars.indexOf(' ');
      if (s > 0) chars.splice(s, 1);
      else chars.splice(i, 1);
    }
  }
  return chars.join('');
}

const GIVEN = ['Harold', 'Miriam', 'Tobias', 'Elena', 'Rufus', 'Greta', 'Anselm', 'Liesel', 'Corwin', 'Odile', 'Piers', 'Maren', 'Quentin', 'Ysolde', 'Bertram', 'Fenella'];
const FAMILY = ['Finchley', 'Marchbanks', 'Oakhurst', 'Pellworth', 'Quillon', 'Ravensby', 'Stoneleigh', 'Thistlewood', 'Underhay', 'Wexcombe', 'Yarborough', 'Ashgrove'];
const FIRM_A = ['Alpine', 'Meadowlark', 'Bluefen', 'Copperleaf', 'Driftwood', 'Emberline', 'Foxglove', 'Greyhaven', 'Harrowgate', 'Ironbridge', 'Juniper', 'Kestrel'];
const FIRM_B = ['Logistics', 'Trading', 'Components', 'Optics', 'Freight', 'Instruments', 'Marine', 'Systems', 'Partners', 'Supply'];
const FORMS = ['Ltd', 'LLC', 'GmbH', 'B.V.', 'Co., Ltd.', 'S.A.', ''];

/** A name on no list (fictional by construction). */
export function absentName(rand: () => number): { name: string; schema: string } {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  if (rand() < 0.5) return { name: `${pick(GIVEN)} ${pick(FAMILY)}`, schema: 'Person' };
  return { name: `${pick(FIRM_A)} ${pick(FIRM_B)} ${pick(FORMS)}`.trim(), schema: 'Company' };
}

/** `n` queries from list names (share `listShare`) and absent names. */
export function makeQueries(names: ReadonlyArray<{ id: string; name: string; schema: string }>, n: number, seed = 42, listShare = 0.7): BenchQuery[] {
  const rand = prng(seed);
  const out: BenchQuery[] = [];
  for (let i = 0; i < n; i++) {
    if (rand() < listShare && names.length) {
      const src = names[Math.floor(rand() * names.length)]!;
      const r = rand();
      if (r < 0.2) out.push({ name: src.name, schema: src.schema, source: src.id, kind: 'exact' });
      else if (r < 0.85) out.push({ name: typo(src.name, rand), schema: src.schema, source: src.id, kind: 'typo' });
      else out.push({ name: src.name.split(/[\s,]+/).filter(Boolean).reverse().join(' '), schema: src.schema, source: src.id, kind: 'reorder' });
    } else {
      out.push({ ...absentName(rand), source: null, kind: 'absent' });
    }
  }
  return out;
}

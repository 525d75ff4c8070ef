import { describe, expect, it } from 'vitest';
import { CHPL_CODES, chplCode } from './chpl.js';
import { FILES, generate, generatedAt } from './generate.js';
import type { Emit } from './generate.js';
import { countryCode } from '../model/index.js';
import { GOODS, hsFor } from './goods.js';
import { COUNTRIES } from './places.js';
import { Rng } from './prng.js';

function collect(opts: { seed: number; companies: number; shipments: number }): { emits: Emit[]; text: string } {
  const emits = [...generate(opts)];
  return { emits, text: emits.map((e) => `${e.file}\u0000${e.text}`).join('\n') };
}

describe('CHPL table and goods', () => {
  it('holds the 50 CHPL codes in their tiers (SOURCES.md §6)', () => {
    expect(CHPL_CODES).toHaveLength(50);
    const tiers: Record<string, number> = {};
    for (const c of CHPL_CODES) tiers[c.tier] = (tiers[c.tier] ?? 0) + 1;
    expect(tiers).toEqual({ '1': 4, '2': 5, '3.A': 16, '3.B': 9, '4.A': 11, '4.B': 5 });
    expect(chplCode('8542.31')?.tier).toBe('1');
    expect(chplCode('880730')?.tier).toBe('3.B');
    expect(chplCode('880622')).toBeUndefined();
  });

  it('catalogues goods for every CHPL code, and declares HS 2017 codes before 2022', () => {
    const catalogued = new Set(GOODS.map((g) => g.hs));
    expect(CHPL_CODES.filter((c) => !catalogued.has(c.hs))).toEqual([]);
    const drone = GOODS.find((g) => g.hs === '880622')!;
    expect(hsFor(drone, 2021)).toBe('852580');
    expect(hsFor(drone, 2022)).toBe('880622');
    expect(hsFor(GOODS.find((g) => g.hs === '880623')!, 2021)).toBe('880220');
    expect(hsFor(GOODS.find((g) => g.hs === '880730')!, 2021)).toBe('880330');
  });
});

describe('countries', () => {
  it('writes country names the model maps back to their codes', () => {
    expect(COUNTRIES.filter((c) => countryCode(c.name) !== c.code).map((c) => c.name)).toEqual([]);
  });
});

describe('generate', () => {
  it('refuses sizes and seeds it cannot honour, as usage errors', () => {
    expect(() => generate({ seed: -1, companies: 500, shipments: 5000 }).next()).toThrow(expect.objectContaining({ kind: 'usage' }));
    expect(() => generate({ seed: 1, companies: 500, shipments: 20_000_000 }).next()).toThrow(/--shipments must be an integer from 1 to 10000000/);
    expect(() => generate({ seed: 1, companies: 30, shipments: 5000 }).next()).toThrow(/--companies must be at least \d+ for --shipments 5000/);
    expect(() => generate({ seed: 1, companies: 500, shipments: 10 }).next()).toThrow(/--shipments must be at least \d+/);
  });

  it('is a function of the seed and sizes alone', () => {
    const a = collect({ seed: 5, companies: 200, shipments: 1500 });
    const b = collect({ seed: 5, companies: 200, shipments: 1500 });
    expect(b.text).toBe(a.text);
    expect(collect({ seed: 6, companies: 200, shipments: 1500 }).text).not.toBe(a.text);
    expect(generatedAt(5)).toBe('2026-01-06T00:00:00.000Z');
  });

  it('emits headers first, documents as whole files, the ground truth and the README last', () => {
    const { emits } = collect({ seed: 9, companies: 200, shipments: 1500 });
    const firstLine = new Map<string, string>();
    for (const e of emits) if (e.kind === 'line' && !firstLine.has(e.file)) firstLine.set(e.file, e.text);
    expect(firstLine.get(FILES.trade)).toMatch(/^declaration_number,date,shipper,/);
    expect(firstLine.get(FILES.tradeRu)).toMatch(/^Отправитель,Получатель,ИНН получателя,/);
    expect(firstLine.get(FILES.listed)).toMatch(/^\{"id":"synthetic-9-/);
    expect(emits.filter((e) => e.kind === 'file' && e.file.startsWith('documents/')).length).toBeGreaterThan(10);
    expect(emits.slice(-2).map((e) => e.file)).toEqual([FILES.groundTruth, FILES.readme]);
  });
});

describe('Rng', () => {
  it('gives one stream per seed and label', () => {
    const draw = (seed: number, label: string) => {
      const r = new Rng(seed, label);
      return Array.from({ length: 5 }, () => r.next32());
    };
    expect(draw(1, 'a')).toEqual(draw(1, 'a'));
    expect(draw(1, 'a')).not.toEqual(draw(1, 'b'));
    expect(draw(1, 'a')).not.toEqual(draw(2, 'a'));
    const r = new Rng(3);
    const xs = Array.from({ length: 10_000 }, () => r.next());
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(Math.abs(xs.reduce((a, b) => a + b, 0) / xs.length - 0.5)).toBeLessThan(0.02);
  });
});

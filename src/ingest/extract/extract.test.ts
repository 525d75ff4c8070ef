/** The orchestration: overlaps settled, names linked through a lookup, lookups bounded. */
import { describe, expect, it } from 'vitest';
import { extractPage } from './extract.js';
import type { GazetteerHit, GazetteerLookup } from './types.js';

const KNOWN: Record<string, GazetteerHit> = {
  'ООО «ТСК Вектор»': { id: 'ofac-46441', score: 1, schema: 'Company' },
  'ТСК Вектор': { id: 'ofac-46441', score: 0.95, schema: 'Company' },
  'Izhevsk Electromechanical Plant': { id: 'ofac-46431', score: 0.92, schema: 'Company' },
  'Petrov Example': { id: 'person-1', score: 0.97, schema: 'Person' },
  'Example Drone Works LLC': { id: 'fict-1', score: 0.7, schema: 'Company' },
};

function fakeLookup(calls: string[]): GazetteerLookup {
  return (candidate) => {
    calls.push(candidate);
    return KNOWN[candidate] ?? null;
  };
}

describe('extractPage', () => {
  it('gives page, exact spans and values for every kind in a mixed document', () => {
    const text = 'ООО «Пример-Аэро», г. Москва, 23.04.2024: ИНН 0012345673, HS 8806.22, $1,200.50, рейс SU 1234, модель Orlan-10, инженер Петров Сергей Алексеевич.';
    const mentions = extractPage({ page: 3, text });
    expect(mentions.map((m) => [m.kind, m.text, m.value])).toEqual([
      ['organization', 'ООО «Пример-Аэро»', 'ООО Пример-Аэро'],
      ['place', 'Москва', 'city:ru:Moscow'],
      ['date', '23.04.2024', '2024-04-23'],
      ['identifier', '0012345673', 'inn:0012345673'],
      ['hs_code', '8806.22', '880622'],
      ['money', '$1,200.50', '1200.50 USD'],
      ['flight', 'SU 1234', 'SU1234'],
      ['model', 'Orlan-10', 'Orlan-10'],
      ['person', 'Петров Сергей Алексеевич', 'Петров Сергей Алексеевич'],
    ]);
    for (const m of mentions) {
      expect(m.page).toBe(3);
      expect(text.slice(m.start, m.end)).toBe(m.text);
      expect(m.entity).toBeNull();
    }
  });

  it('keeps places and model shapes inside an organisation name out, and lets a flight beat a model shape', () => {
    const text = '深圳市云雀示例科技有限公司; Shenzhen GA-21 Example LLC; flight EK132';
    expect(extractPage({ page: 1, text }).map((m) => [m.kind, m.text])).toEqual([
      ['organization', '深圳市云雀示例科技有限公司'],
      ['organization', 'Shenzhen GA-21 Example LLC'],
      ['flight', 'EK132'],
    ]);
  });

  it('trims a titled person off the start of an organisation name', () => {
    const text = 'Mr John Carter of Kestrel Example Avionics LLC';
    expect(extractPage({ page: 1, text }).map((m) => [m.kind, m.text])).toEqual([
      ['person', 'John Carter'],
      ['organization', 'Kestrel Example Avionics LLC'],
    ]);
  });

  it('links names found by the patterns, and discovers quoted and capitalised names only above the stricter threshold', () => {
    const calls: string[] = [];
    const text = 'В адрес ООО «ТСК Вектор». Visit to Izhevsk Electromechanical Plant with Petrov Example. Client: Example Drone Works LLC.';
    const mentions = extractPage({ page: 1, text }, { lookup: fakeLookup(calls) });
    const linked = mentions.filter((m) => m.kind === 'organization' || m.kind === 'person').map((m) => [m.kind, m.text, m.entity, m.start]);
    expect(linked).toEqual([
      ['organization', 'ООО «ТСК Вектор»', 'ofac-46441', 8],
      ['organization', 'Izhevsk Electromechanical Plant', 'ofac-46431', 35],
      ['person', 'Petrov Example', 'person-1', 72],
      // 0.7 is below the resolve threshold (0.75): found, not linked.
      ['organization', 'Example Drone Works LLC', null, 96],
    ]);
    // The pattern-found names first; the capitalised runs after them, each text once.
    expect(calls.slice(0, 2)).toEqual(['ООО «ТСК Вектор»', 'Example Drone Works LLC']);
    expect(new Set(calls).size).toBe(calls.length);
  });

  it('bounds the number of lookups per page', () => {
    const calls: string[] = [];
    const word = (i: number) => `Q${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}ton`;
    const text = Array.from({ length: 100 }, (_, i) => `Alpha ${word(i)} Example Works`).join('. ');
    extractPage({ page: 1, text }, { lookup: fakeLookup(calls), maxLookupsPerPage: 10 });
    expect(calls.length).toBe(10);
    calls.length = 0;
    extractPage({ page: 1, text }, { lookup: fakeLookup(calls), maxLookupsPerPage: 1000 });
    expect(calls.length).toBe(100);
  });

  it('does not link a name to an entity of the wrong kind', () => {
    const lookup: GazetteerLookup = () => ({ id: 'person-1', score: 1, schema: 'Person' });
    const m = extractPage({ page: 1, text: 'ООО «Пример-Аэро»' }, { lookup });
    expect(m.map((x) => [x.text, x.entity])).toEqual([['ООО «Пример-Аэро»', null]]);
  });
});

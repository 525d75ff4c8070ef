import { describe, expect, it } from 'vitest';
import { prepareEntity } from '../entity/prepare-entity.js';
import { ALGORITHM, DEFAULT_THRESHOLD, scoreEntity } from './endtrace-v1.js';

const e = (schema: string, properties: Record<string, string[]>) => prepareEntity({ schema, properties });

describe('endtrace-v1', () => {
  it('is named and has a documented threshold', () => {
    expect(ALGORITHM).toBe('endtrace-v1');
    expect(DEFAULT_THRESHOLD).toBe(0.75);
  });
  it('never matches incompatible schemata', () => {
    const r = scoreEntity(e('Person', { name: ['Victory'] }), e('Vessel', { name: ['Victory'] }));
    expect(r).toMatchObject({ score: 0, match: false });
    expect(r.explanations.schema?.detail).toContain('cannot be the same');
  });
  it('lets a shared strong identifier decide', () => {
    const r = scoreEntity(e('Company', { name: ['Vector Trading'], innCode: ['3849055365'] }), e('Company', { name: ['TSK VEKTOR, OOO'], innCode: ['3849055365'] }));
    expect(r.match).toBe(true);
    expect(r.explanations.identifier?.detail).toContain('3849055365');
  });
  it('uses birth dates to separate namesakes', () => {
    const q = e('Person', { name: ['Ivan Petrov'], birthDate: ['1970-05-01'] });
    const same = scoreEntity(q, e('Person', { name: ['PETROV, Ivan'], birthDate: ['1970-05-01'] }));
    const other = scoreEntity(q, e('Person', { name: ['PETROV, Ivan'], birthDate: ['1944'] }));
    expect(same.score).toBe(1);
    expect(other.score).toBeLessThan(DEFAULT_THRESHOLD);
    expect(other.explanations.birth_date?.detail).toContain('different birth dates');
  });
  it('compares structured name parts when both sides have them', () => {
    const r = scoreEntity(e('Person', { firstName: ['Friedrich'], lastName: ['Hans'] }), e('Person', { firstName: ['Hans'], lastName: ['Friedrich'] }));
    expect(r.match).toBe(false);
  });
  it('lowers namesakes whose surname is not explained, when both sides give the parts', () => {
    const q = e('Person', { firstName: ['Ali'], lastName: ['Gholami'] });
    const other = scoreEntity(q, e('Person', { firstName: ['Ali'], middleName: ['Gholam'], lastName: ['Shakuri'] }));
    expect(other.match).toBe(false);
    expect(other.explanations.name?.detail).toContain('surname_unmatched');
    // The same person with a middle name the query leaves out is still a match.
    const same = scoreEntity(q, e('Person', { firstName: ['Ali'], middleName: ['Reza'], lastName: ['Gholami'] }));
    expect(same.match).toBe(true);
    expect(same.explanations.name?.detail).not.toContain('surname_unmatched');
  });
  it('reads "SURNAME, Given" as name parts', () => {
    const q = e('Person', { name: ['GHOLAMI, Ali'] });
    expect(q.names[0]!.name.tokens.map((t) => t.part)).toEqual(['last', 'first']);
    const r = scoreEntity(q, e('Person', { name: ['RASHID, Gholamali'] }));
    expect(r.match).toBe(false);
    expect(r.explanations.name?.detail).toContain('name_parts_swapped');
    expect(scoreEntity(q, e('Person', { firstName: ['Ali'], lastName: ['Gholami'] })).score).toBe(1);
    // Not for organisations, nor for names with digits or several commas.
    expect(e('Company', { name: ['Acme, Inc'] }).names[0]!.name.tokens.every((t) => t.part === undefined)).toBe(true);
    expect(e('Person', { name: ['Smith, John, Jr'] }).names[0]!.name.tokens.every((t) => t.part === undefined)).toBe(true);
  });
  it('splits names written as alternatives with a slash', () => {
    expect(scoreEntity(e('Organization', { name: ['Al Qaeda'] }), e('Organization', { name: ["Al-Qa'ida/Islamic Army"] })).match).toBe(true);
  });
  it('explains every feature it used', () => {
    const r = scoreEntity(e('Person', { name: ['Vladimir Putin'], country: ['ru'] }), e('Person', { name: ['PUTIN, Vladimir Vladimirovich'], nationality: ['ru'] }));
    expect(Object.keys(r.explanations).sort()).toEqual(['country', 'name']);
    expect(r.explanations.name?.detail).toContain('"Vladimir Putin" ~ "PUTIN, Vladimir Vladimirovich"');
  });
});

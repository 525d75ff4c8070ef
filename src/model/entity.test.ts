import { describe, expect, it } from 'vitest';
import { Entity } from './entity.js';
import { entityFromFtM } from './ftm-json.js';
import { model } from './schema.js';
import { hashId, makeId } from './ids.js';

describe('Entity', () => {
  it('cleans values by type and keeps their origin', () => {
    const e = new Entity('Person', 'p-1', { origin: 'sdn.csv:10' });
    e.add('name', '  Ivan   Petrov ');
    e.add('birthDate', '23 Apr 1960');
    e.add('nationality', 'Russia', { origin: 'add.csv:4' });
    e.add('gender', 'Male');
    expect(e.get('name')).toEqual(['Ivan Petrov']);
    expect(e.get('birthDate')).toEqual(['1960-04-23']);
    expect(e.values('nationality')).toEqual([{ value: 'ru', origin: 'add.csv:4', lang: undefined }]);
    expect(e.values('name')[0]?.origin).toBe('sdn.csv:10');
    expect(e.get('gender')).toEqual(['male']);
  });

  it('records refused values instead of storing them', () => {
    const e = new Entity('Person', 'p-1');
    e.add('birthDate', 'sometime');
    e.add('nationality', 'Atlantis');
    e.add('name', 'x'.repeat(5000));
    expect(e.has('birthDate')).toBe(false);
    expect(e.rejected.map((r) => r.prop)).toEqual(['birthDate', 'nationality', 'name']);
  });

  it('refuses a property the schema does not have', () => {
    const e = new Entity('Person', 'p-1');
    expect(() => e.add('imoNumber', '1234567')).toThrow(/not defined/);
  });

  it('deduplicates values and builds statements', () => {
    const e = new Entity('Company', 'c-1', { origin: 'f:1' });
    e.add('name', ['ACME', 'ACME']);
    expect(e.statements()).toEqual([{ entityId: 'c-1', schema: 'Company', prop: 'name', value: 'ACME', lang: null, origin: 'f:1' }]);
  });

  it('reassembles from statements, merging schemata to the most specific', () => {
    const e = Entity.fromStatements('x', [
      { entityId: 'x', schema: 'LegalEntity', prop: 'name', value: 'ACME', lang: null, origin: null },
      { entityId: 'x', schema: 'Company', prop: 'innCode', value: '7701234567', lang: null, origin: null },
    ]);
    expect(e.schema.name).toBe('Company');
    expect(e.caption).toBe('ACME');
  });

  it('keeps a name with markup verbatim', () => {
    const e = new Entity('Company', 'c');
    e.add('name', '<script>alert(1)</script>');
    expect(e.caption).toBe('<script>alert(1)</script>');
  });
});

describe('model', () => {
  it('resolves inheritance and compatibility', () => {
    expect(model.schema('Company').isA('LegalEntity')).toBe(true);
    expect(model.schema('Company').getProperty('innCode')?.type).toBe('identifier');
    expect(model.compatible('Company', 'Organization')).toBe(true);
    expect(model.compatible('Person', 'Vessel')).toBe(false);
    expect(model.common('LegalEntity', 'Person').name).toBe('Person');
    expect(() => model.schema('Spaceship')).toThrow(expect.objectContaining({ kind: 'usage', code: 'unknown_schema' }));
  });
});

describe('FtM JSON', () => {
  it('round-trips an entity', () => {
    const { entity, unknownProps } = entityFromFtM({ id: 'NK-1', schema: 'Person', properties: { name: ['Vitaly Yurievich'], birthDate: ['1970-01-01'], foo: ['x'] } });
    expect(unknownProps).toEqual(['foo']);
    expect(entity.toFtM()).toEqual({ id: 'NK-1', schema: 'Person', caption: 'Vitaly Yurievich', properties: { birthDate: ['1970-01-01'], name: ['Vitaly Yurievich'] }, target: false });
  });
});

describe('ids', () => {
  it('are stable', () => {
    expect(makeId('ofac', 46431)).toBe('ofac-46431');
    expect(hashId('addr', 'ul. Pesochnaya 3', 'ru')).toBe(hashId('addr', 'ul. Pesochnaya 3', 'ru'));
    expect(hashId('addr', 'a')).not.toBe(hashId('addr', 'b'));
    expect(hashId('addr', 'a')).toMatch(/^addr-[0-9a-f]{16}$/);
  });
});

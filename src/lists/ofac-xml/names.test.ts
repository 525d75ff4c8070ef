import { describe, expect, it } from 'vitest';
import { nameForms, storedNames } from './names.js';

describe('OFAC XML names', () => {
  it('writes a person in natural order and keeps the legacy LAST, First form', () => {
    expect(nameForms('Ismail Abdul Salah', 'HANIYA')).toEqual({ natural: 'Ismail Abdul Salah HANIYA', inverted: 'HANIYA, Ismail Abdul Salah' });
    expect(storedNames('Ismail', 'HANIYA', true)).toEqual(['Ismail HANIYA', 'HANIYA, Ismail']);
  });

  it('uses the one part present, and no inverted form for non-persons', () => {
    expect(storedNames('', 'ABU AHMAD', true)).toEqual(['ABU AHMAD']);
    expect(storedNames(' Maria ', '', true)).toEqual(['Maria']);
    expect(storedNames('', 'CHINA TELECOM CORPORATION LIMITED', false)).toEqual(['CHINA TELECOM CORPORATION LIMITED']);
    expect(storedNames('X', 'Y', false)).toEqual(['X Y']);
    expect(storedNames(' ', '', true)).toEqual([]);
  });
});

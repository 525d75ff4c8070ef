import { describe, expect, it } from 'vitest';
import { isValidInn, isValidOgrn } from '../model/index.js';
import { isValidUscc, makeInn10, makeInn12, makeKpp, makeOgrn, makeOgrnip, makeUscc } from './checksums.js';
import { Rng } from './prng.js';

// Vectors computed with an independent implementation (Python, from the published algorithms),
// on made-up numbers: 165500042 → check 0, etc.
const INN10 = ['1655000420', '5405123458', '1831000001'];
const INN12 = ['771400012341', '183198765486', '500100732259'];
const OGRN = ['1021800001233', '1221600123458', '5207744000019'];
const OGRNIP = ['304183100000122', '321774600012342'];
const USCC = ['91440300MA5FXK2QXY', '91110108MA01ABCD5T'];

/** The same number with its last character replaced by the next digit/symbol: always invalid. */
const bump = (id: string, alphabet = '0123456789') => id.slice(0, -1) + alphabet[(alphabet.indexOf(id.slice(-1)) + 1) % alphabet.length];

describe('check digits', () => {
  it('accept the independent vectors and refuse them with a wrong check character', () => {
    for (const v of [...INN10, ...INN12]) {
      expect(isValidInn(v), v).toBe(true);
      expect(isValidInn(bump(v)), bump(v)).toBe(false);
    }
    for (const v of [...OGRN, ...OGRNIP]) {
      expect(isValidOgrn(v), v).toBe(true);
      expect(isValidOgrn(bump(v)), bump(v)).toBe(false);
    }
    for (const v of USCC) {
      expect(isValidUscc(v), v).toBe(true);
      expect(isValidUscc(bump(v, '0123456789ABCDEFGHJKLMNPQRTUWXY')), v).toBe(false);
    }
  });

  it('checks the 11th digit of a 12-digit INN and the organisation code inside a USCC too', () => {
    expect(isValidInn('771400012351')).toBe(false);
    // Valid GB 32100 check over a body whose GB 11714 organisation check (position 17) is wrong.
    expect(isValidUscc('91440300MA5FXK2Q05')).toBe(false);
  });

  it('refuse wrong shapes', () => {
    for (const v of ['', '123', '16550004201', '165500042a', '1655 000420']) expect(isValidInn(v), v).toBe(false);
    for (const v of ['2021800001233', '102180000123', '1021800001233 ']) expect(isValidOgrn(v), v).toBe(false);
    // I, O, S, V and Z are not in the USCC alphabet; the division code is digits.
    for (const v of ['91440300MA5FXK2QIY', '9144030OMA5FXK2QXY', '91440300MA5FXK2QX']) expect(isValidUscc(v), v).toBe(false);
  });

  it('generate valid numbers that carry their office, year and division', () => {
    const rng = new Rng(7, 'test');
    for (let i = 0; i < 3000; i++) {
      const inn = makeInn10('1831', rng);
      expect(isValidInn(inn) && inn.startsWith('1831'), inn).toBe(true);
      const person = makeInn12('7714', rng);
      expect(isValidInn(person) && person.length === 12, person).toBe(true);
      const ogrn = makeOgrn(2021, '1831', rng);
      expect(isValidOgrn(ogrn) && ogrn.startsWith('1211831'), ogrn).toBe(true);
      expect(isValidOgrn(makeOgrnip(2019, '77', rng))).toBe(true);
      const uscc = makeUscc('440300', rng);
      expect(isValidUscc(uscc) && uscc.startsWith('91440300'), uscc).toBe(true);
    }
    expect(makeKpp('1831')).toBe('183101001');
  });
});

import { describe, expect, it } from 'vitest';
import { checkCompanyId, isValidInn, isValidOgrn, isValidUscc, usccCheckChar } from './identifiers.js';

describe('company identifiers', () => {
  it('checks INN check digits (10 and 12 digits)', () => {
    expect(isValidInn('3849055365')).toBe(true);
    expect(isValidInn('3849055366')).toBe(false);
    expect(isValidInn('500100732259')).toBe(true);
    expect(isValidInn('500100732258')).toBe(false);
    expect(isValidInn('38490553')).toBe(false);
  });

  it('checks OGRN (13 digits, mod 11) and OGRNIP (15 digits, mod 13)', () => {
    expect(isValidOgrn('1021801143374')).toBe(true);
    expect(isValidOgrn('1021801143375')).toBe(false);
    expect(isValidOgrn('304500116000157')).toBe(true);
  });

  it('checks the USCC check character (GB 32100-2015)', () => {
    expect(isValidUscc('91350100M000100Y43')).toBe(true);
    expect(isValidUscc('91350100M000100Y44')).toBe(false);
    expect(usccCheckChar('91350100M000100Y4')).toBe('3');
    expect(usccCheckChar('91330200MA2IMG0N0')).toBeUndefined();
  });

  it('finds the kind whose check holds, and says why a number fails', () => {
    expect(checkCompanyId('inn', '3849 055 365')).toEqual({ ok: true, kind: 'inn', value: '3849055365' });
    expect(checkCompanyId('inn', '91350100M000100Y43')).toEqual({ ok: true, kind: 'uscc', value: '91350100M000100Y43' });
    expect(checkCompanyId('any', '1021801143374')).toEqual({ ok: true, kind: 'ogrn', value: '1021801143374' });
    expect(checkCompanyId('inn', '3849055366')).toEqual({ ok: false, value: '3849055366', reason: 'INN "3849055366" fails its check digits or length' });
  });
});

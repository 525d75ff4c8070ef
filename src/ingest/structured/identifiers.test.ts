import { describe, expect, it } from 'vitest';
import { checkCompanyId, compactId } from './identifiers.js';

describe('company identifiers', () => {
  it('finds the kind whose check holds, and says why a number fails', () => {
    expect(checkCompanyId('inn', '3849 055 365')).toEqual({ ok: true, kind: 'inn', value: '3849055365' });
    expect(checkCompanyId('inn', '91350100M000100Y43')).toEqual({ ok: true, kind: 'uscc', value: '91350100M000100Y43' });
    expect(checkCompanyId('any', '1021801143374')).toEqual({ ok: true, kind: 'ogrn', value: '1021801143374' });
    expect(checkCompanyId('inn', '3849055366')).toEqual({ ok: false, value: '3849055366', reason: 'INN "3849055366" fails its check digits or length' });
  });

  it('compacts spacing, dashes and dots and upper-cases letters', () => {
    expect(compactId('77 01-234.567')).toBe('7701234567');
    expect(compactId('91350100m000100y43')).toBe('91350100M000100Y43');
  });

  it('refuses an OGRN whose sign digit is not 1, 5 or (OGRNIP) 3', () => {
    // 2021801143373 passes mod 11 but starts with 2: a register entry number (ГРН), not an OGRN.
    expect(checkCompanyId('ogrn', '2021801143373')).toEqual({ ok: false, value: '2021801143373', reason: 'OGRN "2021801143373" fails its check digits or length' });
    expect(checkCompanyId('ogrn', '304500116000157')).toEqual({ ok: true, kind: 'ogrn', value: '304500116000157' });
  });
});

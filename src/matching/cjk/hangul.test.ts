import { describe, expect, it } from 'vitest';
import { hangulRomanizations } from './index.js';

describe('hangulRomanizations', () => {
  it('gives Kim Jong Un for 김정은, with RR and MR forms', () => {
    const [kim, jong, un] = hangulRomanizations('김정은');
    expect(kim).toEqual(expect.arrayContaining(['kim', 'gim']));
    expect(jong).toEqual(expect.arrayContaining(['jong', 'jeong', 'chong', 'jung']));
    expect(un).toEqual(expect.arrayContaining(['un', 'eun']));
    expect(kim?.[0]).toBe('kim');
  });

  it('gives Park Ji Sung for 박지성 and Lee Min Ho for 이민호', () => {
    const [park, ji, sung] = hangulRomanizations('박지성');
    expect(park).toEqual(expect.arrayContaining(['park', 'pak', 'bak']));
    expect(ji).toContain('ji');
    expect(sung).toEqual(expect.arrayContaining(['sung', 'seong']));
    const [lee, min, ho] = hangulRomanizations('이민호');
    expect(lee).toEqual(expect.arrayContaining(['lee', 'yi', 'rhee', 'i', 'ri']));
    expect(min).toEqual(['min']);
    expect(ho).toEqual(['ho']);
  });

  it('romanises every syllable systematically, not only those in the customary table', () => {
    expect(hangulRomanizations('닭')).toEqual([['dak', 'tak']]);
    expect(hangulRomanizations('쌍')[0]).toContain('ssang');
    expect(hangulRomanizations('시')[0]).toEqual(expect.arrayContaining(['si', 'shi']));
    expect(hangulRomanizations('형')[0]).toEqual(expect.arrayContaining(['hyeong', 'hyong', 'hyung']));
    expect(hangulRomanizations('최')[0]).toEqual(expect.arrayContaining(['choi', 'choe']));
    expect(hangulRomanizations('윤')[0]).toEqual(expect.arrayContaining(['yun', 'yoon']));
  });

  it('covers two-syllable surnames and the northern spellings with ㄹ', () => {
    expect(hangulRomanizations('남궁').map((s) => s[0])).toEqual(['nam', 'gung']);
    expect(hangulRomanizations('선우')[1]).toContain('woo');
    expect(hangulRomanizations('리영호')[0]).toEqual(expect.arrayContaining(['ri', 'lee']));
    expect(hangulRomanizations('류')[0]).toEqual(expect.arrayContaining(['ryu', 'yoo', 'yu']));
  });

  it('skips characters that are not Hangul syllables and composes decomposed jamo', () => {
    expect(hangulRomanizations('김 정-은 X')).toHaveLength(3);
    expect(hangulRomanizations('김'.normalize('NFD'))).toEqual(hangulRomanizations('김'));
    expect(hangulRomanizations('')).toEqual([]);
  });

  it('returns only lower-case ASCII letters for every syllable', () => {
    for (let code = 0xac00; code <= 0xd7a3; code += 37) {
      for (const form of hangulRomanizations(String.fromCharCode(code))[0] ?? []) expect(form).toMatch(/^[a-z]+$/);
    }
  });
});

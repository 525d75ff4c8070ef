import { describe, expect, it } from 'vitest';
import { cjkReadings } from './index.js';

function readings(char: string) {
  const r = cjkReadings(char);
  if (r === undefined) throw new Error(`no readings for ${char}`);
  return r;
}

describe('cjkReadings', () => {
  it('gives the Sino-Korean readings of 金正恩 as Kim Jong Un spells them', () => {
    expect(readings('金').korean).toContain('kim');
    expect(readings('金').korean).toContain('geum');
    expect(readings('正').korean).toEqual(expect.arrayContaining(['jong', 'jeong']));
    expect(readings('恩').korean).toEqual(expect.arrayContaining(['un', 'eun']));
  });

  it('applies the initial-sound rule to original ㄹ readings (李 리 → Lee, Yi)', () => {
    expect(readings('李').korean).toEqual(expect.arrayContaining(['ri', 'lee', 'yi']));
    expect(readings('林').korean).toEqual(expect.arrayContaining(['rim', 'lim', 'im']));
  });

  it('gives the Japanese readings of 山田太郎 and 田中花子', () => {
    expect(readings('山').japanese).toContain('yama');
    expect(readings('田').japanese).toEqual(expect.arrayContaining(['ta', 'da']));
    expect(readings('太').japanese).toContain('ta');
    expect(readings('郎').japanese).toEqual(expect.arrayContaining(['ro', 'rou']));
    expect(readings('中').japanese).toContain('naka');
    expect(readings('花').japanese).toContain('hana');
    expect(readings('子').japanese).toContain('ko');
  });

  it('strips okurigana and affix markers, and adds long-vowel, rendaku and gemination variants', () => {
    expect(readings('太').japanese).toContain('futo');
    expect(readings('太').japanese.some((r) => r.includes('.') || r.includes('-'))).toBe(false);
    expect(readings('藤').japanese).toEqual(expect.arrayContaining(['fuji', 'tou', 'to', 'toh', 'do']));
    expect(readings('服').japanese).toContain('hat'); // 服部 Hattori
    expect(readings('本').japanese).toContain('hom'); // 本間 Homma
    expect(readings('中').japanese).toEqual(expect.arrayContaining(['chuu', 'chu']));
  });

  it('gives Mandarin pinyin without tones, with ü spelt u, v and yu', () => {
    expect(readings('李').mandarin).toEqual(['li']);
    expect(readings('习').mandarin).toEqual(['xi']);
    expect(readings('近').mandarin).toContain('jin');
    expect(readings('平').mandarin).toContain('ping');
    expect(readings('吕').mandarin).toEqual(['lu', 'lv', 'lyu']);
    expect(readings('行').mandarin).toEqual(expect.arrayContaining(['xing', 'hang']));
  });

  it('reads a simplified character that has no Japanese reading', () => {
    const r = readings('习');
    expect(r.japanese).toEqual([]);
    expect(r.korean).toContain('seup');
  });

  it('reads a compatibility ideograph as its unified form', () => {
    expect(readings('\uf91d').japanese).toEqual(readings('欄').japanese);
  });

  it('returns only lower-case ASCII letters', () => {
    for (const c of '金正恩山田太郎李明习近平女绿') {
      const r = readings(c);
      for (const x of [...r.mandarin, ...r.korean, ...r.japanese]) expect(x).toMatch(/^[a-z]+$/);
    }
  });

  it('returns undefined for characters without data and for strings that are not one character', () => {
    expect(cjkReadings('々')).toBeUndefined();
    expect(cjkReadings('A')).toBeUndefined();
    expect(cjkReadings('김')).toBeUndefined();
    expect(cjkReadings('\u{2A6D6}')).toBeUndefined();
    expect(cjkReadings('')).toBeUndefined();
    expect(cjkReadings('山田')).toBeUndefined();
  });

  it('returns copies that callers may change', () => {
    readings('山').japanese.push('x');
    expect(readings('山').japanese).not.toContain('x');
  });
});

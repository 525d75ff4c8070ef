import { describe, expect, it } from 'vitest';
import { kanaToRomaji } from './index.js';

describe('kanaToRomaji', () => {
  it('romanises a foreign name in katakana with and without epenthetic vowels', () => {
    const v = kanaToRomaji('バラク・オバマ');
    expect(v[0]).toBe('baraku obama');
    expect(v).toContain('barak obama');
  });

  it('drops epenthetic u/o and reduces gemination (doraggu → drag)', () => {
    expect(kanaToRomaji('ドラッグ')).toEqual(expect.arrayContaining(['doraggu', 'drag']));
    expect(kanaToRomaji('ドナルド・トランプ')).toEqual(expect.arrayContaining(['donarudo toranpu', 'donald tlamp', 'donard tramp']));
    expect(kanaToRomaji('ジョージ・ブッシュ')).toContain('joj bush');
  });

  it('handles ー, ッ, ヴ and ティ', () => {
    expect(kanaToRomaji('スーパー')).toEqual(expect.arrayContaining(['suupaa', 'supa']));
    expect(kanaToRomaji('マッチ')[0]).toBe('matchi');
    expect(kanaToRomaji('ヴァイオリン')[0]).toBe('vaiorin');
    expect(kanaToRomaji('ヴ')).toContain('v');
    expect(kanaToRomaji('ティム')).toEqual(expect.arrayContaining(['timu', 'tim']));
    expect(kanaToRomaji('バーバラ')).toContain('barbara');
  });

  it('romanises Japanese names in hiragana and katakana with long vowels written and dropped', () => {
    expect(kanaToRomaji('さとう')).toEqual(expect.arrayContaining(['satou', 'sato', 'satoh']));
    expect(kanaToRomaji('ヤマダ タロウ')).toEqual(expect.arrayContaining(['yamada tarou', 'yamada taro']));
    expect(kanaToRomaji('たなか　はなこ')[0]).toBe('tanaka hanako');
    expect(kanaToRomaji('おおの')).toEqual(expect.arrayContaining(['oono', 'ono', 'ohno']));
    expect(kanaToRomaji('ほんま')).toEqual(expect.arrayContaining(['honma', 'homma']));
    expect(kanaToRomaji('きょうこ')[0]).toBe('kyouko');
    expect(kanaToRomaji('しゅんいち')[0]).toBe('shunichi');
  });

  it('accepts half-width katakana', () => {
    expect(kanaToRomaji('ﾊﾞﾗｸ')).toContain('barak');
  });
});

import { describe, expect, it } from 'vitest';
import { extractIdentifiers } from './identifiers.js';

const found = (text: string) => extractIdentifiers(text).map((s) => [s.value, s.text, text.slice(s.start, s.end), s.confidence]);

describe('extractIdentifiers', () => {
  it('reads Russian INN and OGRN next to their cues (Russian)', () => {
    const text = 'АО «ИЭМЗ «Купол», ИНН 1831083343, ОГРН 1021801143374; ИП, ИНН 001234567887';
    expect(found(text)).toEqual([
      ['inn:1831083343', '1831083343', '1831083343', 0.95],
      ['ogrn:1021801143374', '1021801143374', '1021801143374', 0.95],
      ['inn:001234567887', '001234567887', '001234567887', 0.95],
    ]);
  });
  it('does not report numbers whose check digit fails, with or without a cue', () => {
    expect(found('ИНН 1831083344, ОГРН 1021801143375, INN 1234567890, IMO 9074728, 统一社会信用代码91110117663725176H')).toEqual([]);
  });
  it('gives a valid number without a cue low confidence, and skips phone numbers', () => {
    expect(found('ref 0012345673')).toEqual([['inn:0012345673', '0012345673', '0012345673', 0.45]]);
    expect(found('тел. 0012345673')).toEqual([]);
  });
  it('reads USCC, IMO and passports in English', () => {
    const text = 'USCC 9100000000EXAMPL0H; vessel IMO No. 9074729; passport No. 753123456';
    expect(found(text)).toEqual([
      ['uscc:9100000000EXAMPL0H', '9100000000EXAMPL0H', '9100000000EXAMPL0H', 0.95],
      ['imo:9074729', '9074729', '9074729', 0.95],
      ['passport:753123456', '753123456', '753123456', 0.8],
    ]);
  });
  it('reads a USCC and a passport in Chinese, with no space before them', () => {
    expect(found('统一社会信用代码91000000MA0EXMP1XG，护照号码：E12345678')).toEqual([
      ['uscc:91000000MA0EXMP1XG', '91000000MA0EXMP1XG', '91000000MA0EXMP1XG', 0.95],
      ['passport:E12345678', 'E12345678', 'E12345678', 0.8],
    ]);
  });
  it('reads Russian passports with series and number', () => {
    expect(found('паспорт серии 45 08 № 123456, выдан')).toEqual([['passport:4508123456', '45 08 № 123456', '45 08 № 123456', 0.8]]);
  });
  it('needs a cue for passports: a bare 9-digit number is nothing', () => {
    expect(found('order 753123456')).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { companyName, hasRealPart, nameKey, personName, translitRu, uniqueCompanyName } from './names.js';
import { countryOf } from './places.js';
import { Rng } from './prng.js';

const city = (code: string) => countryOf(code).cities[0]!;

describe('names', () => {
  it('transliterates Russian (simplified BGN/PCGN)', () => {
    expect(translitRu('ООО «Велтрон-Аэро»')).toBe('OOO "Veltron-Aero"');
    expect(translitRu('Щеглитов Юрий Фёдорович')).toBe('Shcheglitov Yuriy Fedorovich');
    expect(translitRu('Хмелёв')).toBe('Khmelev');
  });

  it('builds Russian names with a Cyrillic form, its transliteration and an English form', () => {
    const n = companyName(new Rng(1), { country: 'ru', sector: 'uav', city: city('ru'), stem: 'Велтрон' });
    expect(n.local).toMatch(/^(ООО|АО) «Велтрон[- ]/);
    expect(n.name).toBe(translitRu(n.local!).replace(/"/g, ''));
    expect(n.nameEn).toMatch(/^Veltron[- ].* (LLC|JSC)$/);
    expect(n.stemKey).toBe('Велтрон');
  });

  it('builds Chinese names with 有限公司, full pinyin and an English form with the pinyin trade name', () => {
    const n = companyName(new Rng(2), { country: 'cn', sector: 'electronics', city: city('cn'), stem: '华翎|Hualing' });
    expect(n.local).toMatch(/^深圳华翎.+有限公司$/);
    expect(n.nameEn).toMatch(/^Shenzhen Hualing .+ Co\., Ltd\.$/);
    expect(n.localLatin).toMatch(/^Shenzhen Hualing .+ Youxian Gongsi$/);
  });

  it('recognises parts of real names in every script, by word', () => {
    for (const real of ['SZ DJI Technology Co., Ltd.', 'ООО «Вектор»', 'AO Kupol-Trade', '深圳大疆创新科技有限公司', 'Huawei Device Co.', 'Hik Vision Trading']) expect(hasRealPart(real), real).toBe(true);
    for (const fake of ['Shenzhen Hualing Intelligent Technology Co., Ltd.', 'OOO Veltron-Aero', 'Kestora Components GmbH']) expect(hasRealPart(fake), fake).toBe(false);
  });

  it('never repeats a name form and draws longer stems when the short ones run out', () => {
    const rng = new Rng(3);
    const taken = new Set<string>();
    const names = Array.from({ length: 3000 }, () => uniqueCompanyName(rng, { country: 'de', sector: 'bearings', city: city('de') }, taken));
    expect(new Set(names.map((n) => nameKey(n.name))).size).toBe(3000);
    expect(names.every((n) => / GmbH$/.test(n.name))).toBe(true);
  });

  it('keys names equal up to case, accents and punctuation alike', () => {
    expect(nameKey('RAVMARK DIŞ TICARET A.Ş.')).toBe(nameKey('Ravmark Dış Ticaret A.Ş.'));
    expect(nameKey('ООО «ВЕЛТРОН-АЭРО»')).toBe(nameKey('ООО "Велтрон-Аэро"'));
  });

  it('names people in three styles', () => {
    const rng = new Rng(4);
    const ru = personName(rng, 'ru', 'female');
    expect(ru.local).toMatch(/^[А-ЯЁ][а-яё]+ [А-ЯЁ][а-яё]+ [А-ЯЁ][а-яё]+на$/);
    expect(ru.name).toBe(`${ru.firstName} ${ru.middleName} ${ru.lastName}`);
    const zh = personName(rng, 'zh');
    expect(zh.local).toMatch(/^[\u4e00-\u9fff]{3,4}$/);
    expect(zh.name).toBe(`${zh.lastName} ${zh.firstName}`);
    expect(personName(rng, 'en').local).toBeUndefined();
  });
});

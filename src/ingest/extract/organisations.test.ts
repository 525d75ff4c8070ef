import { describe, expect, it } from 'vitest';
import { extractOrganisations } from './organisations.js';

const orgs = (text: string) =>
  extractOrganisations(text).map((s) => {
    expect(text.slice(s.start, s.end)).toBe(s.text);
    return [s.text, s.value, s.confidence];
  });

describe('extractOrganisations: Russian', () => {
  it('reads prefix forms with quotes, including nested quotes closed once', () => {
    expect(orgs('Копия: ООО «Пример-Аэро», АО «ИЭМЗ «Купол», ПАО "Северный Пример" и ФГУП «НИИ Пример».')).toEqual([
      ['ООО «Пример-Аэро»', 'ООО Пример-Аэро', 0.9],
      ['АО «ИЭМЗ «Купол»', 'АО ИЭМЗ Купол', 0.9],
      ['ПАО "Северный Пример"', 'ПАО Северный Пример', 0.9],
      ['ФГУП «НИИ Пример»', 'ФГУП НИИ Пример', 0.9],
    ]);
  });
  it('reads full legal forms and unquoted names after an abbreviation', () => {
    expect(orgs('Общество с ограниченной ответственностью «Лесной Пример»; поставщик ЗАО Ромашка-Пример.')).toEqual([
      ['Общество с ограниченной ответственностью «Лесной Пример»', 'Общество с ограниченной ответственностью Лесной Пример', 0.9],
      ['ЗАО Ромашка-Пример', 'ЗАО Ромашка-Пример', 0.6],
    ]);
  });
  it('reads transliterated forms: OOO "…", JSC "…"', () => {
    expect(orgs('Parties: OOO "Primer Aero", JSC "Northwind Example".')).toEqual([
      ['OOO "Primer Aero"', 'OOO Primer Aero', 0.9],
      ['JSC "Northwind Example"', 'JSC Northwind Example', 0.9],
    ]);
  });
});

describe('extractOrganisations: English', () => {
  it('reads names before LLC, Ltd., Co., Ltd., GmbH, JSC and Inc., without the words before them', () => {
    expect(orgs('The seller, Kestrel Example Avionics LLC, and Acme Drone Parts Co., Ltd. signed with Harbor Example Trading GmbH. Then Orion Widgets, Inc. replied; Bank of Example Ltd.')).toEqual([
      ['Kestrel Example Avionics LLC', 'Kestrel Example Avionics LLC', 0.8],
      ['Acme Drone Parts Co., Ltd.', 'Acme Drone Parts Co., Ltd.', 0.8],
      ['Harbor Example Trading GmbH', 'Harbor Example Trading GmbH', 0.8],
      ['Orion Widgets, Inc.', 'Orion Widgets, Inc.', 0.8],
      ['Bank of Example Ltd.', 'Bank of Example Ltd.', 0.8],
    ]);
  });
  it('reads list-style names with the form after a comma', () => {
    expect(orgs('Screened: TSK VEKTOR, OOO')).toEqual([['TSK VEKTOR, OOO', 'TSK VEKTOR, OOO', 0.8]]);
  });
  it('finds nothing in lower-case prose', () => {
    expect(orgs('the limited company was closed by the llc owner')).toEqual([]);
  });
});

describe('extractOrganisations: Chinese', () => {
  it('cuts the name at the word before it and starts at a place name', () => {
    expect(orgs('我们向深圳市云雀示例科技有限公司采购，并与成都示例集团签约。卖方：杭州示例电子股份有限公司。致北方示例贸易公司')).toEqual([
      ['深圳市云雀示例科技有限公司', '深圳市云雀示例科技有限公司', 0.85],
      ['成都示例集团', '成都示例集团', 0.85],
      ['杭州示例电子股份有限公司', '杭州示例电子股份有限公司', 0.85],
      ['北方示例贸易公司', '北方示例贸易公司', 0.5],
    ]);
  });
  it('needs at least two characters before the form', () => {
    expect(orgs('本公司')).toEqual([]);
  });
});

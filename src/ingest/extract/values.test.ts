/** HS codes, money, dates, flights and model numbers, in the three languages. */
import { describe, expect, it } from 'vitest';
import { extractDates } from './dates.js';
import { extractFlights } from './flights.js';
import { extractHsCodes } from './hs-codes.js';
import { extractModels, modelPatterns } from './models.js';
import { extractMoney, parseAmount } from './money.js';
import type { Span } from './types.js';

const pairs = (text: string, spans: Span[]) =>
  spans
    .sort((a, b) => a.start - b.start)
    .map((s) => {
      expect(text.slice(s.start, s.end)).toBe(s.text);
      return [s.text, s.value];
    });

describe('extractHsCodes', () => {
  it('reads codes after English cues, with lists and dotted forms', () => {
    const t = 'HS code: 8806.22, 8526.91 and 8807.30; HTS 8806.22.0000';
    expect(pairs(t, extractHsCodes(t))).toEqual([['8806.22', '880622'], ['8526.91', '852691'], ['8807.30', '880730'], ['8806.22.0000', '8806220000']]);
  });
  it('reads the 10-digit TN VED form after a Russian cue', () => {
    const t = 'Код ТН ВЭД ЕАЭС: 8806 22 000 0; ТН ВЭД 8501 31';
    expect(pairs(t, extractHsCodes(t))).toEqual([['8806 22 000 0', '8806220000'], ['8501 31', '850131']]);
  });
  it('reads codes after Chinese cues without a space', () => {
    const t = '海关编码：8501310000，HS编码85076000';
    expect(pairs(t, extractHsCodes(t))).toEqual([['8501310000', '8501310000'], ['85076000', '85076000']]);
  });
  it('needs a cue and a real chapter (01–97)', () => {
    expect(extractHsCodes('price 8806.22 per unit')).toEqual([]);
    expect(extractHsCodes('HS 9906.10')).toEqual([]);
  });
});

describe('extractMoney', () => {
  it('reads English amounts with symbols, codes and multipliers', () => {
    const t = 'Total $1,200.50; USD 12 000; €3.5 million; 2 500 USD; £10';
    expect(pairs(t, extractMoney(t))).toEqual([['$1,200.50', '1200.50 USD'], ['USD 12 000', '12000 USD'], ['€3.5 million', '3500000 EUR'], ['2 500 USD', '2500 USD'], ['£10', '10 GBP']]);
  });
  it('reads Russian amounts with decimal commas and multipliers', () => {
    const t = 'Сумма 12 000,50 руб., аванс 15 млн рублей, 4 999,99 евро';
    expect(pairs(t, extractMoney(t))).toEqual([['12 000,50 руб.', '12000.50 RUB'], ['15 млн рублей', '15000000 RUB'], ['4 999,99 евро', '4999.99 EUR']]);
  });
  it('reads Chinese amounts with 万 and 亿', () => {
    const t = '金额人民币120万元，总计3亿元，¥80,000';
    const spans = extractMoney(t).filter((s, _, all) => !all.some((o) => o !== s && o.start <= s.start && o.end >= s.end && o.end - o.start > s.end - s.start));
    expect(pairs(t, spans)).toEqual([['人民币120万元', '1200000 CNY'], ['3亿元', '300000000 CNY'], ['¥80,000', '80000 CNY']]);
  });
  it('parses written numbers', () => {
    expect([parseAmount('1,200.50'), parseAmount('12 000,50'), parseAmount('12.000,5'), parseAmount('1,200')]).toEqual([1200.5, 12000.5, 12000.5, 1200]);
  });
});

describe('extractDates', () => {
  it('reads English, Russian, Chinese and numeric dates to ISO', () => {
    const t = 'On 23 April 2024, April 23, 2024, 2024-04-23, 23.04.2024, 23-Apr-2024, 23 апреля 2024 г., 2024年4月23日, ２０２４年４月２３日.';
    expect(pairs(t, extractDates(t)).map((p) => p[1])).toEqual(Array(8).fill('2024-04-23'));
    expect(pairs(t, extractDates(t)).map((p) => p[0])).toEqual(['23 April 2024', 'April 23, 2024', '2024-04-23', '23.04.2024', '23-Apr-2024', '23 апреля 2024 г.', '2024年4月23日', '２０２４年４月２３日']);
  });
  it('reads month and year, and refuses impossible dates', () => {
    const t = 'April 2024; апрель 2024 г.; 31.02.2024';
    expect(pairs(t, extractDates(t))).toEqual([['April 2024', '2024-04'], ['апрель 2024 г.', '2024-04']]);
  });
});

describe('extractFlights', () => {
  it('reads flight numbers after cues in the three languages', () => {
    const t = 'flight SU 1234; рейсом S7-5432; 航班CA910; boarding pass EK132';
    expect(pairs(t, extractFlights(t))).toEqual([['SU 1234', 'SU1234'], ['S7-5432', 'S75432'], ['CA910', 'CA910'], ['EK132', 'EK132']]);
    expect(extractFlights(t).map((s) => s.confidence)).toEqual([0.9, 0.9, 0.9, 0.9]);
  });
  it('reads a known carrier without a cue at low confidence, an unknown one not at all', () => {
    expect(extractFlights('EK 132 to Dubai').map((s) => [s.value, s.confidence])).toEqual([['EK132', 0.55]]);
    expect(extractFlights('XQ 132 to Dubai')).toEqual([]);
  });
});

describe('extractModels', () => {
  it('reads the default drone-industry shapes', () => {
    const t = 'DJI Mavic 3 Pro, Orlan-10, Орлан-10, A140, GA-21, HW52V, model T-720-B';
    expect(extractModels(t).map((s) => [s.text, s.confidence]).sort()).toEqual([
      ['A140', 0.5], ['DJI Mavic 3 Pro', 0.9], ['GA-21', 0.5], ['HW52V', 0.5], ['Orlan-10', 0.9], ['T-720-B', 0.8], ['Орлан-10', 0.9],
    ]);
  });
  it('reads model numbers inside Chinese text, with or without a cue', () => {
    const t = '采购A140型无人机十台，型号：HW52V，配件GA-21';
    expect(extractModels(t).map((s) => [s.text, s.confidence])).toEqual([['A140', 0.5], ['HW52V', 0.8], ['GA-21', 0.5]]);
  });
  it('skips standards, document numbers and codes of other kinds', () => {
    expect(extractModels('ISO 9001, COVID-19, Invoice No. KE-2024-0311').map((s) => s.text)).toEqual([]);
  });
  it('uses configured patterns instead of the defaults', () => {
    const t = 'units XR-7 and HW52V';
    expect(extractModels(t, modelPatterns(['XR-\\d+'])).map((s) => [s.text, s.confidence])).toEqual([['XR-7', 0.8]]);
  });
});

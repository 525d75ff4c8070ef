import { describe, expect, it } from 'vitest';
import { extractPlaces } from './places.js';

const places = (text: string) =>
  extractPlaces(text).map((s) => {
    expect(text.slice(s.start, s.end)).toBe(s.text);
    return [s.text, s.value];
  });

describe('extractPlaces', () => {
  it('reads English countries (the model table and short forms) and cities', () => {
    expect(places('Shipped from Shenzhen, China via Hong Kong and Dubai (UAE) to Izhevsk, Russia. KAZAKHSTAN, Germany')).toEqual([
      ['Shenzhen', 'city:cn:Shenzhen'], ['China', 'country:cn'], ['Hong Kong', 'city:hk:Hong Kong'], ['Dubai', 'city:ae:Dubai'], ['UAE', 'country:ae'],
      ['Izhevsk', 'city:ru:Izhevsk'], ['Russia', 'country:ru'], ['KAZAKHSTAN', 'country:kz'], ['Germany', 'country:de'],
    ]);
  });
  it('reads Russian names in their case forms', () => {
    expect(places('из Китая в Россию через Беларусь, в Ижевске и Москве, Минск')).toEqual([
      ['Китая', 'country:cn'], ['Россию', 'country:ru'], ['Беларусь', 'country:by'], ['Ижевске', 'city:ru:Izhevsk'], ['Москве', 'city:ru:Moscow'], ['Минск', 'city:by:Minsk'],
    ]);
  });
  it('reads Chinese names, the longest first (白俄罗斯 is not 俄罗斯)', () => {
    expect(places('从深圳经香港运往莫斯科，再到白俄罗斯和俄罗斯')).toEqual([
      ['深圳', 'city:cn:Shenzhen'], ['香港', 'city:hk:Hong Kong'], ['莫斯科', 'city:ru:Moscow'], ['白俄罗斯', 'country:by'], ['俄罗斯', 'country:ru'],
    ]);
  });
  it('does not read parts of words or lower-case words', () => {
    expect(places('Russians chinaware turkey')).toEqual([]);
  });
});

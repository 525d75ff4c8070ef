import { describe, expect, it } from 'vitest';
import { countryCode, countryName } from './countries.js';

describe('countryCode', () => {
  it.each([
    ['Russia', 'ru'],
    ['Russian Federation', 'ru'],
    ['RU', 'ru'],
    ['Korea, North', 'kp'],
    ["Democratic People's Republic of Korea", 'kp'],
    ['Iran (Islamic Republic of)', 'ir'],
    ['Democratic Republic of the Congo', 'cd'],
    ['Burma', 'mm'],
    ['United Kingdom', 'gb'],
    ['china', 'cn'],
    ['Hong Kong', 'hk'],
    ['Palestinian', 'ps'],
    ['Soviet Union', 'suhh'],
    ['Türkiye', 'tr'],
    ['RUS', 'ru'],
  ])('%s → %s', (name, code) => {
    expect(countryCode(name)).toBe(code);
  });
  it('refuses non-countries', () => {
    expect(countryCode('Moscow')).toBeUndefined();
    expect(countryCode('')).toBeUndefined();
  });
  it('names codes', () => {
    expect(countryName('ru')).toBe('Russia');
  });
});

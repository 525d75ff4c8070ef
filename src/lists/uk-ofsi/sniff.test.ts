import { describe, expect, it } from 'vitest';
import { sniffUkOfsi } from './index.js';

const HEADER = 'Name 6,Name 1,Name 2,Name 3,Name 4,Name 5,Title,DOB,Town of Birth,Country of Birth,Nationality,Passport Details,NI Number,Position,Address 1,Address 2,Address 3,Address 4,Address 5,Address 6,Post/Zip Code,Country,Other Information,Group Type,Alias Type,Regime,Listed On,Last Updated,Group ID';

describe('sniffUkOfsi', () => {
  it('recognises line 1 "Last Updated" followed by the header, quoted or not', () => {
    const want = { format: 'uk-ofsi-csv', source: 'uk-ofsi', role: 'main' };
    expect(sniffUkOfsi(`Last Updated,23/03/2016\r\n${HEADER}\r\nA,B`, 'x.csv')).toEqual(want);
    expect(sniffUkOfsi(`"Last Updated","14/04/2025"\n${HEADER}\n`, 'x.csv')).toEqual(want);
    expect(sniffUkOfsi(`${HEADER}\n`, 'x.csv')).toEqual(want);
  });

  it('refuses other CSV files', () => {
    expect(sniffUkOfsi('Last Updated,23/03/2016\nid,name,type\n', 'x.csv')).toBeNull();
    expect(sniffUkOfsi('36,AEROCARIBBEAN AIRLINES,-0-,CUBA,-0-\n', 'sdn.csv')).toBeNull();
    expect(sniffUkOfsi('Name 6,Name 1,Group Type\n', 'x.csv')).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { fixture } from '../../../test/helpers/shared-data.js';
import { readHeadText } from '../io/text.js';
import { headRecords, sniffOfacCsv } from './sniff.js';

const head = (name: string) => readHeadText(fixture('lists', 'ofac-csv', name));

describe('sniffOfacCsv', () => {
  it('recognises each layout by content, whatever the file is called', async () => {
    expect(sniffOfacCsv(await head('sdn.csv'), 'sdn.csv')).toEqual({ format: 'ofac-csv', source: 'ofac-sdn', role: 'main' });
    expect(sniffOfacCsv(await head('add.csv'), 'renamed.txt')).toEqual({ format: 'ofac-csv', source: 'ofac-sdn', role: 'add' });
    expect(sniffOfacCsv(await head('alt.csv'), 'x.csv')).toEqual({ format: 'ofac-csv', source: 'ofac-sdn', role: 'alt' });
    expect(sniffOfacCsv(await head('sdn_comments.csv'), 'sdn_comments.csv')).toEqual({ format: 'ofac-csv', source: 'ofac-sdn', role: 'comments' });
  });

  it('tells the consolidated list by its cons_ file name', async () => {
    expect(sniffOfacCsv(await head('cons_prim.csv'), 'lists/cons_prim.csv')).toEqual({ format: 'ofac-csv', source: 'ofac-cons', role: 'main' });
    expect(sniffOfacCsv(await head('add.csv'), 'C:\\data\\cons_add.csv')).toEqual({ format: 'ofac-csv', source: 'ofac-cons', role: 'add' });
  });

  it('says null for other files', async () => {
    expect(sniffOfacCsv(await head('three-columns.csv'), 'sdn.csv')).toBeNull();
    expect(sniffOfacCsv('<?xml version="1.0"?><sdnList></sdnList>', 'sdn.xml')).toBeNull();
    expect(sniffOfacCsv('', 'sdn.csv')).toBeNull();
    expect(sniffOfacCsv('ent_num,SDN_Name,SDN_Type\r\n1,"A",individual\r\n', 'sdn.csv')).toBeNull();
    // a 5-column file whose third column is not aka/fka/nka
    expect(sniffOfacCsv('1,2,"xyz","NAME",-0- \r\n', 'alt.csv')).toBeNull();
    // layouts must agree across the first records
    expect(sniffOfacCsv('36,25,-0- ,"Havana","Cuba",-0- \r\n36,12,"aka","AERO-CARIBBEAN",-0- \r\n', 'x.csv')).toBeNull();
  });

  it('ignores a record cut off at the end of the head', async () => {
    const text = await head('sdn.csv');
    const cut = text.slice(0, text.indexOf('a.k.a.'));
    expect(sniffOfacCsv(cut, 'sdn.csv')?.role).toBe('main');
  });
});

describe('headRecords', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    expect(headRecords('1,"a, ""b""\r\nc",-0- \r\n2,x,y\n')).toEqual([
      ['1', 'a, "b"\r\nc', '-0- '],
      ['2', 'x', 'y'],
    ]);
  });
  it('keeps only complete records when a line break closes at least one', () => {
    expect(headRecords('1,a\r\n2,"unterminated')).toEqual([['1', 'a']]);
    expect(headRecords('1,a')).toEqual([['1', 'a']]);
  });
});

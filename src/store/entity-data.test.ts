import { describe, expect, it } from 'vitest';
import type { Statement } from '../model/index.js';
import { decodeStatements, encodeStatements, forEachValue } from './entity-data.js';

const st = (prop: string, value: string, lang: string | null, origin: string | null): Statement => ({ entityId: 'e-1', schema: 'Person', prop, value, lang, origin });

describe('entity data', () => {
  it('gives back every statement in order, with lang and origin', () => {
    const statements = [
      st('name', 'Ivan', null, 'a.csv:1'),
      st('name', 'Иван', 'rus', 'a.csv:1'),
      st('alias', 'I.', null, null),
      st('alias', '', '', 'b.csv:2'),
      // A property again after another one: its order is kept.
      st('name', 'Ivan P.', null, 'b.csv:2'),
      st('notes', 'tab\there "quoted" \\ \u0000 \ud800', null, 'a.csv:1'),
    ];
    const data = encodeStatements(statements);
    expect(data).toBe('[["a.csv:1","b.csv:2"],["name","Ivan",["Иван",0,"rus"]],["alias",["I.",null],["",1,""]],["name",["Ivan P.",1]],["notes","tab\\there \\"quoted\\" \\\\ \\u0000 \\ud800"]]');
    expect(decodeStatements('e-1', 'Person', data)).toEqual(statements);
  });

  it('writes an entity without values, or without any origin', () => {
    expect(encodeStatements([])).toBe('[[]]');
    expect(decodeStatements('e-1', 'Person', '[[]]')).toEqual([]);
    const data = encodeStatements([st('name', 'A', null, null), st('name', 'B', 'eng', null)]);
    expect(data).toBe('[[],["name",["A",null],["B",null,"eng"]]]');
    const seen: unknown[] = [];
    expect(forEachValue(data, (...v) => seen.push(v))).toBe(2);
    expect(seen).toEqual([['name', 'A', null, null], ['name', 'B', 'eng', null]]);
  });
});

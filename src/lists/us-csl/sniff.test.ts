import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { fixture } from '../../../test/helpers/shared-data.js';
import { sniffUsCsl } from './index.js';

const fx = (name: string) => readFile(fixture('lists/us-csl', name), 'utf8');
const CSV = { format: 'us-csl-csv', source: 'us-csl', role: 'main' };
const JSON_ = { format: 'us-csl-json', source: 'us-csl', role: 'main' };

describe('sniffUsCsl', () => {
  it('recognises the CSV by its header, with or without _id, in any case', async () => {
    expect(sniffUsCsl(await fx('sample.csv'), 'sample.csv')).toEqual(CSV);
    expect(sniffUsCsl('\uFEFFSOURCE,Entity_Number,TYPE,programs,name,title\r\nx', 'c.csv')).toEqual(CSV);
    expect(sniffUsCsl('"_id","source","entity_number","type","programs","name"\n', 'c.csv')).toEqual(CSV);
  });

  it('recognises the JSON forms', async () => {
    expect(sniffUsCsl(await fx('equiv.json'), 'consolidated.json')).toEqual(JSON_);
    expect(sniffUsCsl(await fx('equiv.jsonl'), 'x.jsonl')).toEqual(JSON_);
    expect(sniffUsCsl('[{"source": "Entity List (EL)", "name": "A"}]', 'x.json')).toEqual(JSON_);
    // A head cut inside the first line still shows its keys.
    expect(sniffUsCsl('{"source": "Entity List (EL)", "name": "A", "alt_names": ["B', 'x.jsonl')).toEqual(JSON_);
  });

  it('leaves other files alone', () => {
    expect(sniffUsCsl('ent_num,SDN_Name,SDN_Type,Program\n', 'sdn.csv')).toBeNull();
    expect(sniffUsCsl('id,source,name\n', 'x.csv')).toBeNull();
    expect(sniffUsCsl('{"id": "x", "schema": "Person", "properties": {"name": ["A"], "source": ["b"]}}\n', 'e.json')).toBeNull();
    expect(sniffUsCsl('{"results": [{"title": "x"}]}', 'x.json')).toBeNull();
    expect(sniffUsCsl('<?xml version="1.0"?><sdnList/>', 'sdn.xml')).toBeNull();
  });
});

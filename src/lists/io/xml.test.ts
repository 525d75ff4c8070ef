import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EndtraceError } from '../../model/index.js';
import { XML_MAX_RECORD_SIZE, readXml, saxesMessage } from './xml.js';
import type { XmlEvent, XmlReadOptions } from './xml.js';

const tmp = mkdtempSync(join(tmpdir(), 'io-xml-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const RECORDS: ReadonlySet<string> = new Set(['INDIVIDUAL']);

function write(name: string, text: string): string {
  const path = join(tmp, name);
  writeFileSync(path, text);
  return path;
}

async function read(path: string, opts: Partial<XmlReadOptions> = {}): Promise<XmlEvent[]> {
  const events: XmlEvent[] = [];
  for await (const e of readXml(path, { recordTags: RECORDS, ...opts })) events.push(e);
  return events;
}

async function failure(path: string, opts: Partial<XmlReadOptions> = {}): Promise<EndtraceError> {
  try {
    await read(path, opts);
  } catch (err) {
    expect(err).toBeInstanceOf(EndtraceError);
    return err as EndtraceError;
  }
  throw new Error('expected an input error');
}

const individual = (id: number, body = '') => `  <INDIVIDUAL>\n    <DATAID>${id}</DATAID>${body}\n  </INDIVIDUAL>\n`;
const list = (...records: string[]) => `<?xml version="1.0" encoding="UTF-8"?>\n<LIST>\n${records.join('')}</LIST>\n`;

describe('saxesMessage', () => {
  it("strips saxes' position prefix, with or without a file name", () => {
    expect(saxesMessage('49:0: unclosed tag: INDIVIDUAL')).toBe('unclosed tag: INDIVIDUAL');
    expect(saxesMessage('list.xml:12:7: disallowed character.')).toBe('disallowed character.');
    expect(saxesMessage('unclosed tag: A')).toBe('unclosed tag: A');
  });
});

describe('readXml error messages carry the line once, not the parser position', () => {
  it('a truncated document', async () => {
    const text = list(individual(1), individual(2));
    const cut = text.slice(0, text.lastIndexOf('<INDIVIDUAL>') + '<INDIVIDUAL>\n    <DATAID>2</DATAID>'.length);
    const err = await failure(write('cut.xml', cut), { name: 'cut.xml' });
    expect([err.kind, err.code, err.location]).toEqual(['input', 'truncated', { file: 'cut.xml', line: 7 }]);
    expect(err.message).toBe('the XML document ends early (truncated file?): unclosed tag: INDIVIDUAL');
  });

  it('malformed XML inside the document', async () => {
    const err = await failure(write('bad.xml', list(individual(1), '  <INDIVIDUAL><DATAID>2</DATAD></INDIVIDUAL>\n')), { name: 'bad.xml' });
    expect([err.kind, err.code, err.location]).toEqual(['input', 'xml_syntax', { file: 'bad.xml', line: 6 }]);
    expect(err.message).toBe('malformed XML: unexpected close tag.');
  });
});

describe('readXml size limit', () => {
  it('is 1,000,000 characters by default, as for CSV records', () => {
    expect(XML_MAX_RECORD_SIZE).toBe(1_000_000);
  });

  it('reads records up to the limit', async () => {
    const events = await read(write('big-ok.xml', list(individual(1), individual(2, `<COMMENTS1>${'a'.repeat(900_000)}</COMMENTS1>`))));
    const records = events.filter((e) => e.kind === 'record');
    expect(records.map((e) => e.node.children[0]!.text)).toEqual(['1', '2']);
    expect(records[1]!.node.children[1]!.text).toHaveLength(900_000);
  });

  it('refuses a 5 MB text node in a record before reading it all, naming the line the record starts on', async () => {
    const path = write('huge-text.xml', list(individual(1), individual(2), individual(3, `\n    <COMMENTS1>${'A'.repeat(5_000_000)}</COMMENTS1>`), individual(4)));
    let read = 0;
    const err = await failure(path, { name: 'huge-text.xml', onBytes: (n) => (read = n) });
    expect([err.kind, err.code, err.location]).toEqual(['input', 'oversized', { file: 'huge-text.xml', line: 9 }]);
    expect(err.message).toBe('the <INDIVIDUAL> record is larger than the limit of 1000000 characters (oversized field)');
    // It stopped about one limit into the text node, not at the end of the 5 MB.
    expect(read).toBeGreaterThan(1_000_000);
    expect(read).toBeLessThan(1_500_000);
    expect(statSync(path).size).toBeGreaterThan(5_000_000);
  });

  it('refuses a record whose many small children add up to more than the limit', async () => {
    const children = Array.from({ length: 2_000 }, (_, i) => `\n    <ALIAS><NAME>${'n'.repeat(40)}${i}</NAME></ALIAS>`).join('');
    const text = list(individual(1), individual(2, children));
    const err = await failure(write('many.xml', text), { name: 'many.xml', maxRecordSize: 50_000 });
    expect([err.code, err.location]).toEqual(['oversized', { file: 'many.xml', line: 6 }]);
    // The same file under a limit it fits in.
    expect((await read(write('many-ok.xml', text), { maxRecordSize: 200_000 })).filter((e) => e.kind === 'record')).toHaveLength(2);
  });

  it('refuses an oversized text node outside the records, naming the line of the last element before it', async () => {
    const text = list(individual(1), `  <NOTE>\n${'z'.repeat(1_500_000)}\n  </NOTE>\n`, individual(2));
    const err = await failure(write('outside.xml', text), { name: 'outside.xml' });
    expect([err.code, err.location]).toEqual(['oversized', { file: 'outside.xml', line: 6 }]);
    expect(err.message).toBe('an XML text or tag is larger than the limit of 1000000 characters (oversized field)');
  });

  it('refuses an oversized attribute value (a tag the parser holds whole)', async () => {
    const text = list(individual(1), `  <INDIVIDUAL note="${'q'.repeat(1_200_000)}">\n    <DATAID>2</DATAID>\n  </INDIVIDUAL>\n`);
    const err = await failure(write('attr.xml', text), { name: 'attr.xml' });
    expect([err.code, err.location?.file, err.location?.line]).toEqual(['oversized', 'attr.xml', 6]);
  });
});

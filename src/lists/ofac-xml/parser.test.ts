import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '../../../test/helpers/shared-data.js';
import { EndtraceError } from '../../model/index.js';
import type { EntityBundle, Issue } from '../../model/index.js';
import type { ListMeta, LoadUnit } from '../types.js';
import { ofacXmlParser, sniffOfacXml } from './index.js';

const fx = (name: string) => fixture('lists', 'ofac-xml', name);
const tmp = mkdtempSync(join(tmpdir(), 'ofac-xml-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function tmpFile(name: string, content: string | Buffer): string {
  const path = join(tmp, name);
  writeFileSync(path, content);
  return path;
}

const unitOf = (path: string): LoadUnit => ({
  source: 'ofac-sdn',
  format: 'ofac-xml',
  files: [{ role: 'main', path, name: basename(path) }],
  pathDate: null,
});

interface Run {
  bundles: EntityBundle[];
  issues: Issue[];
  meta: ListMeta | undefined;
  error: EndtraceError | undefined;
  bytes: number;
}

async function run(path: string): Promise<Run> {
  const out: Run = { bundles: [], issues: [], meta: undefined, error: undefined, bytes: 0 };
  const gen = ofacXmlParser.parse(unitOf(path), { issue: (i) => out.issues.push(i), progress: (n) => (out.bytes = n) });
  try {
    for (let r = await gen.next(); ; r = await gen.next()) {
      if (r.done) {
        out.meta = r.value;
        break;
      }
      out.bundles.push(r.value);
    }
  } catch (err) {
    if (!(err instanceof EndtraceError)) throw err;
    out.error = err;
  }
  return out;
}

const root = (r: Run, id: string) => {
  const b = r.bundles.find((x) => x.root.id === id);
  if (!b) throw new Error(`no bundle ${id}`);
  return b;
};
const related = (b: EntityBundle, schema: string) => b.related.filter((e) => e.schema.name === schema);
const codes = (r: Run) => r.issues.map((i) => `${i.code}@${i.line}#${i.record ?? ''}`);

describe('ofacXmlParser on sdn-sample.xml (fictional records, old tempuri namespace)', () => {
  let r: Run;
  beforeAll(async () => {
    r = await run(fx('sdn-sample.xml'));
  });

  it('reads every entry and the publication date', async () => {
    expect(r.error).toBeUndefined();
    expect(r.bundles.map((b) => `${b.root.id}:${b.root.schema.name}`)).toEqual([
      'ofac-90001:Person',
      'ofac-90002:Vessel',
      'ofac-90003:Airplane',
      'ofac-90004:Company',
      'ofac-90005:Organization',
      'ofac-90006:Company',
      'ofac-90007:Person',
    ]);
    expect(r.meta).toEqual({ published: '2023-12-28' });
    expect(await ofacXmlParser.peek(unitOf(fx('sdn-sample.xml')))).toEqual({ published: '2023-12-28' });
    expect(r.bytes).toBe(readFileSync(fx('sdn-sample.xml')).length);
  });

  it('reports an unknown id type once, and an unparseable date of birth', () => {
    expect(codes(r)).toEqual(['unknown_id_type@10#90001', 'invalid_date@232#90007']);
    expect(r.issues[0]!.file).toBe('sdn-sample.xml');
    expect(r.issues[0]!.message).toContain('Frobnication Number');
  });

  it('maps a person field by field', () => {
    const b = root(r, 'ofac-90001');
    const p = b.root;
    expect(p.target).toBe(true);
    expect(p.get('name')).toEqual(['Ivan Petrovich TESTOV']);
    expect(p.get('firstName')).toEqual(['Ivan Petrovich']);
    expect(p.get('lastName')).toEqual(['TESTOV']);
    expect(p.get('alias')).toEqual(['TESTOV, Ivan Petrovich', 'Ivan TESTOFF', 'TESTOFF, Ivan', 'Ivan ISPYTANIEV', 'ISPYTANIEV, Ivan']);
    expect(p.get('weakAlias')).toEqual(['VANYA']);
    expect(p.get('previousName')).toEqual(['Ivan PROBOV', 'PROBOV, Ivan']);
    expect(p.get('position')).toEqual(['Deputy Minister of Testing']);
    expect(p.get('birthDate')).toEqual(['1960-04-23', '1961', '1962-05', '1963', '1965', '1966']);
    expect(p.get('birthPlace')).toEqual(['Leningrad, Russia']);
    expect(p.get('nationality')).toEqual(['ru']);
    expect(p.get('citizenship')).toEqual(['cy']);
    expect(p.get('country')).toEqual(['ru']);
    expect(p.get('gender')).toEqual(['male']);
    expect(p.get('passportNumber')).toEqual(['712345678']);
    expect(p.get('program')).toEqual(['RUSSIA-EO14024', 'UKRAINE-EO13661']);
    expect(p.get('topics')).toEqual(['sanction']);
    expect(p.get('notes')).toEqual(['Gender Male; Passport 712345678 (Russia) issued 01 Feb 2015 expires 01 Feb 2025.', 'Frobnication Number: FN-1']);
    expect(p.values('name')[0]!.origin).toBe('sdn-sample.xml:10');

    const [passport] = related(b, 'Passport');
    expect(passport?.toFtM().properties).toEqual({
      holder: ['ofac-90001'],
      type: ['Passport'],
      number: ['712345678'],
      country: ['ru'],
      startDate: ['2015-02-01'],
      endDate: ['2025-02-01'],
    });
    const [addr] = related(b, 'Address');
    expect(addr?.id).toBe('ofac-90001-addr-93001');
    expect(addr?.toFtM().properties).toEqual({
      full: ['Ulitsa Testovaya 1, Building 2, Office 3, Moscow, Moscow Oblast, 101000'],
      street: ['Ulitsa Testovaya 1'],
      street2: ['Building 2, Office 3'],
      city: ['Moscow'],
      state: ['Moscow Oblast'],
      postalCode: ['101000'],
      country: ['ru'],
    });
    const [sanction] = related(b, 'Sanction');
    expect(sanction?.toFtM().properties).toEqual({
      entity: ['ofac-90001'],
      authority: ['Office of Foreign Assets Control'],
      country: ['us'],
      program: ['RUSSIA-EO14024', 'UKRAINE-EO13661'],
      authorityId: ['90001'],
    });
    expect(sanction?.values('authority')[0]!.origin).toBe('sdn-sample.xml:10');
  });

  it('maps a vessel with its vesselInfo and owner', () => {
    const b = root(r, 'ofac-90002');
    const v = b.root.toFtM().properties;
    expect(v.name).toEqual(['TEST CARRIER']);
    expect(v.previousName).toEqual(['OLD TEST CARRIER']);
    expect(v.imoNumber).toEqual(['IMO 9123456']);
    expect(v.mmsi).toEqual(['422123456']);
    expect(v.callSign).toEqual(['9BTS1']);
    expect(v.type).toEqual(['Crude Oil Tanker']);
    expect(v.flag).toEqual(['ir']);
    expect(v.tonnage).toEqual(['150000']);
    expect(v.grossRegisteredTonnage).toEqual(['81479']);
    expect(v.alias).toBeUndefined();
    const [owner] = related(b, 'LegalEntity');
    expect(owner?.get('name')).toEqual(['TEST SHIPPING LINES']);
    expect(owner?.target).toBe(false);
    expect(v.owner).toEqual([owner!.id]);
  });

  it('maps an aircraft through its identifiers', () => {
    const a = root(r, 'ofac-90003').root;
    expect(a.get('name')).toEqual(['EP-TST']);
    expect(a.get('serialNumber')).toEqual(['1234']);
    expect(a.get('model')).toEqual(['Airbus A310-304']);
  });

  it('upgrades an entity to Company on a company identifier or a legal form, and keeps others Organization', () => {
    const c = root(r, 'ofac-90004');
    expect(c.root.get('registrationNumber')).toEqual(['12345']);
    expect(related(c, 'Identification')[0]?.get('country')).toEqual(['gb']);
    expect(root(r, 'ofac-90005').root.schema.name).toBe('Organization');
    expect(root(r, 'ofac-90006').root.schema.name).toBe('Company');
  });

  it('reads "Region: Gaza" in the country field as a region', () => {
    const [addr] = related(root(r, 'ofac-90004'), 'Address');
    expect(addr?.toFtM().properties).toEqual({ full: ['Gaza City, Gaza'], city: ['Gaza City'], region: ['Gaza'], country: ['ps'] });
  });

  it('keeps an unparseable date of birth in notes', () => {
    const p = root(r, 'ofac-90007').root;
    expect(p.get('birthDate')).toEqual([]);
    expect(p.get('notes')).toEqual(['Date of birth: sometime in the sixties']);
  });
});

describe('ofacXmlParser record-level problems', () => {
  it('reports a Record_Count that differs from the entries read (prefixed namespace)', async () => {
    const r = await run(fx('count-mismatch.xml'));
    expect(r.error).toBeUndefined();
    expect(r.bundles.map((b) => b.root.id)).toEqual(['ofac-80001', 'ofac-80002']);
    expect(r.meta).toEqual({ published: '2025-03-28' });
    expect(codes(r)).toEqual(['count_mismatch@4#']);
    expect(r.issues[0]!.message).toContain('3');
  });

  it('skips an entry without uid with an issue and reads the others', async () => {
    const r = await run(fx('missing-uid.xml'));
    expect(r.error).toBeUndefined();
    expect(r.bundles.map((b) => b.root.id)).toEqual(['ofac-70001', 'ofac-70003']);
    expect(r.issues).toEqual([expect.objectContaining({ code: 'missing_id', file: 'missing-uid.xml', line: 13, record: 'NO UID TEST ENTITY' })]);
  });

  it('skips a repeated uid', async () => {
    const xml = readFileSync(fx('missing-uid.xml'), 'utf8').replace('<uid>70003</uid>', '<uid>70001</uid>');
    const r = await run(tmpFile('dup.xml', xml));
    expect(r.bundles.map((b) => b.root.get('name')[0])).toEqual(['BEFORE TEST ENTITY']);
    expect(codes(r)).toEqual(['missing_id@13#NO UID TEST ENTITY', 'duplicate_id@18#70001']);
  });

  it('keeps a name with <script> verbatim as data', async () => {
    const r = await run(fx('script-name.xml'));
    const p = root(r, 'ofac-60001').root;
    expect(p.get('firstName')).toEqual(['<script>alert(1)</script>']);
    expect(p.get('name')).toEqual(['<script>alert(1)</script> TEST']);
    expect(p.get('alias')).toEqual(['TEST, <script>alert(1)</script>']);
    expect(p.get('notes')).toEqual(['<img src=x onerror=alert(2)>']);
    expect(r.issues).toEqual([]);
  });

  it('gives no Address (and no addressEntity link) for an address element without details', async () => {
    const xml = readFileSync(fx('script-name.xml'), 'utf8').replace(
      '<programList>',
      '<addressList><address><uid>501</uid></address><address><uid>502</uid><address1> </address1><city></city></address>' +
        '<address><uid>503</uid><city>Havana</city></address></addressList><programList>',
    );
    const r = await run(tmpFile('empty-address.xml', xml));
    const b = root(r, 'ofac-60001');
    expect(related(b, 'Address').map((a) => [a.id, a.toFtM().properties])).toEqual([['ofac-60001-addr-503', { city: ['Havana'], full: ['Havana'] }]]);
    expect(b.root.get('addressEntity')).toEqual(['ofac-60001-addr-503']);
    expect(r.issues).toEqual([]);
  });

  it('reports an oversized name as an invalid value and keeps the entry', async () => {
    const long = 'A'.repeat(5000);
    const xml = readFileSync(fx('script-name.xml'), 'utf8').replace('&lt;script&gt;alert(1)&lt;/script&gt;', long);
    const r = await run(tmpFile('long.xml', xml));
    expect(r.bundles).toHaveLength(1);
    expect(r.bundles[0]!.root.get('lastName')).toEqual(['TEST']);
    expect(r.bundles[0]!.root.has('name')).toBe(false);
    expect(codes(r)).toEqual(['invalid_value@7#60001', 'invalid_value@7#60001', 'invalid_value@7#60001']);
    expect(r.issues.map((i) => i.message.split(':')[0])).toEqual(['Person.name', 'Person.alias', 'Person.firstName']);
  });

  it('reports an unknown element and an unknown aka type once per file', async () => {
    const xml = readFileSync(fx('missing-uid.xml'), 'utf8')
      .replaceAll('<sdnType>Entity</sdnType>', '<sdnType>Entity</sdnType><riskScore>9</riskScore><akaList><aka><type>z.k.a.</type><lastName>ZED</lastName></aka></akaList>');
    const r = await run(tmpFile('unknown.xml', xml));
    expect(codes(r)).toEqual(['unknown_alias_type@7#70001', 'unknown_field@7#70001', 'missing_id@13#NO UID TEST ENTITY']);
    expect(r.bundles[0]!.root.get('alias')).toEqual(['ZED']);
  });

  it('keeps an entry without a name, with an issue; a vessel flag "None Identified" is no flag', async () => {
    const xml = readFileSync(fx('sdn-sample.xml'), 'utf8')
      .replace('<lastName>TEST CARRIER</lastName>', '')
      .replace('<vesselFlag>Iran</vesselFlag>', '<vesselFlag>None Identified</vesselFlag>');
    const r = await run(tmpFile('noname.xml', xml));
    expect(r.bundles).toHaveLength(7);
    const v = root(r, 'ofac-90002').root;
    expect(v.has('name')).toBe(false);
    expect(v.has('flag')).toBe(false);
    expect(v.get('callSign')).toEqual(['9BTS1']);
    expect(codes(r)).toEqual(['unknown_id_type@10#90001', 'missing_name@131#90002', 'invalid_date@232#90007']);
  });

  it('reads an unknown sdnType as an organization with an issue', async () => {
    const xml = readFileSync(fx('count-mismatch.xml'), 'utf8').replace('<s:sdnType>Entity</s:sdnType>', '<s:sdnType>Spaceship</s:sdnType>');
    const r = await run(tmpFile('type.xml', xml));
    expect(r.bundles[0]!.root.schema.name).toBe('Organization');
    expect(codes(r)).toEqual(['unknown_type@8#80001', 'count_mismatch@4#']);
  });

  it('decodes a file that declares ISO-8859-1', async () => {
    const xml = readFileSync(fx('script-name.xml'), 'latin1')
      .replace('<?xml version="1.0" standalone="yes"?>', '<?xml version="1.0" encoding="ISO-8859-1"?>')
      .replace('&lt;script&gt;alert(1)&lt;/script&gt;', 'José');
    const r = await run(tmpFile('latin1.xml', Buffer.from(xml, 'latin1')));
    expect(r.error).toBeUndefined();
    expect(r.bundles[0]!.root.get('name')).toEqual(['José TEST']);
  });
});

describe('ofacXmlParser on unusable input', () => {
  const expectError = (r: Run, code: string, file: string, line: number) => {
    expect(r.error).toBeInstanceOf(EndtraceError);
    expect(r.error!.kind).toBe('input');
    expect(r.error!.code).toBe(code);
    expect(r.error!.location).toEqual({ file, line });
  };

  it('refuses a billion-laughs DOCTYPE before reading any entry', async () => {
    const r = await run(fx('billion-laughs.xml'));
    expectError(r, 'xml_entity', 'billion-laughs.xml', 13);
    expect(r.bundles).toEqual([]);
  });

  it('refuses an external entity and never reads the file it names', async () => {
    const r = await run(fx('xxe.xml'));
    expectError(r, 'xml_entity', 'xxe.xml', 2);
    expect(r.bundles).toEqual([]);
    const passwdLine = readFileSync('/etc/passwd', 'utf8').split('\n')[0]!;
    expect(passwdLine.length).toBeGreaterThan(0);
    const everything = JSON.stringify([r.error!.message, r.issues, r.bundles.map((b) => b.root.toFtM())]);
    expect(everything).not.toContain(passwdLine);
    expect(everything).not.toContain('root:');
  });

  it('reports a truncated document at the line where the file ends, after the complete entries', async () => {
    const xml = readFileSync(fx('sdn-sample.xml'), 'utf8');
    const cut = xml.slice(0, xml.indexOf('<sdnEntry>', xml.indexOf('<uid>90003</uid>')) + 40);
    const r = await run(tmpFile('cut.xml', cut));
    expectError(r, 'truncated', 'cut.xml', cut.split('\n').length);
    expect(r.bundles.map((b) => b.root.id)).toEqual(['ofac-90001', 'ofac-90002', 'ofac-90003']);
  });

  it('refuses a file that is not valid UTF-8, naming the line', async () => {
    const xml = readFileSync(fx('script-name.xml'), 'utf8').replace('&lt;script&gt;alert(1)&lt;/script&gt;', 'Jos\u0000');
    const bytes = Buffer.from(xml, 'utf8');
    bytes[bytes.indexOf(0)] = 0xe9;
    const r = await run(tmpFile('cp1252.xml', bytes));
    expectError(r, 'encoding', 'cp1252.xml', 9);
  });

  it('refuses an encoding it cannot read', async () => {
    const r = await run(tmpFile('ebcdic.xml', '<?xml version="1.0" encoding="EBCDIC-CP-US"?>\n<sdnList/>'));
    expectError(r, 'encoding', 'ebcdic.xml', 1);
  });

  it('refuses another XML document; the sniffer does not claim it', async () => {
    const path = fx('not-sdn.xml');
    expect(sniffOfacXml(readFileSync(path, 'utf8'), 'not-sdn.xml')).toBeNull();
    const r = await run(path);
    expectError(r, 'wrong_layout', 'not-sdn.xml', 2);
    expect(r.bundles).toEqual([]);
  });
});

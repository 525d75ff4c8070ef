import { describe, expect, it } from 'vitest';
import { BundleBuilder } from '../bundle.js';
import { applyOfacRemarks, clauseProps, clauseTypeKey, isStructured, ofacCountry, parseClause, parseIdValue, parseOfacRemarks, splitOfacRemarks } from './remarks.js';

describe('splitOfacRemarks', () => {
  it('splits on ";" and drops the period OFAC appends to the field', () => {
    expect(splitOfacRemarks("DOB 01 Jan 1960; POB Moscow, Russia; a.k.a. 'BNC'.")).toEqual(['DOB 01 Jan 1960', 'POB Moscow, Russia', "a.k.a. 'BNC'"]);
  });
  it('gives nothing for -0- and empty text', () => {
    expect(splitOfacRemarks('-0- ')).toEqual([]);
    expect(splitOfacRemarks('  ')).toEqual([]);
  });
});

describe('parseClause', () => {
  const kindOf = (raw: string) => {
    const c = parseClause(raw);
    return [c.kind, c.label, c.value, c.alt];
  };
  it('recognises the personal clauses', () => {
    expect(kindOf('DOB 01 Jan 1960')).toEqual(['birthDate', 'DOB', '01 Jan 1960', false]);
    expect(kindOf('alt. DOB 1962')).toEqual(['birthDate', 'DOB', '1962', true]);
    expect(kindOf('POB Moscow, Russia')).toEqual(['birthPlace', 'POB', 'Moscow, Russia', false]);
    expect(kindOf('nationality Korea, North')).toEqual(['nationality', 'nationality', 'Korea, North', false]);
    expect(kindOf('citizen Russia')).toEqual(['citizenship', 'citizen', 'Russia', false]);
    expect(kindOf('Gender Male')).toEqual(['gender', 'Gender', 'Male', false]);
    expect(kindOf('Position: Director, General Intelligence Directorate')).toEqual(['title', 'Position', 'Director, General Intelligence Directorate', false]);
  });

  it('reads quoted names, keeping apostrophes inside them', () => {
    expect(kindOf("a.k.a. 'BNC'")).toEqual(['weakAlias', 'a.k.a.', 'BNC', false]);
    expect(kindOf("a.k.a. 'ABDEL' AZIZ BEN NARVAN'")).toEqual(['weakAlias', 'a.k.a.', "ABDEL' AZIZ BEN NARVAN", false]);
    expect(kindOf("f.k.a. 'ANA I'")).toEqual(['previousName', 'f.k.a.', 'ANA I', false]);
    expect(kindOf("n.k.a. 'NEW NAME'")).toEqual(['alias', 'n.k.a.', 'NEW NAME', false]);
    // cut off by the 1000-character Remarks column: no closing quote
    expect(kindOf("a.k.a. 'WHOIS HACKIN")).toEqual(['weakAlias', 'a.k.a.', 'WHOIS HACKIN', false]);
  });

  it('reads links and the directives link', () => {
    expect(kindOf('Linked To: JOINT STOCK COMPANY IZHEVSK ELECTROMECHANICAL PLANT KUPOL')).toEqual(['link', 'Linked To', 'JOINT STOCK COMPANY IZHEVSK ELECTROMECHANICAL PLANT KUPOL', false]);
    const url = parseClause('For more information on directives, please visit the following link: http://www.treasury.gov/resource-center/sanctions/Programs/Pages/ukraine.aspx#directives.');
    expect([url.kind, url.value]).toEqual(['programUrl', 'http://www.treasury.gov/resource-center/sanctions/Programs/Pages/ukraine.aspx#directives']);
  });

  it('splits identifier clauses into label, number, country and dates', () => {
    const p = parseClause('Passport 123456 (Russia) issued 01 Jan 2010 expires 01 Jan 2020');
    expect(p).toMatchObject({ kind: 'identifier', label: 'Passport', idType: 'Passport', value: '123456', country: 'Russia', issueDate: '01 Jan 2010', expirationDate: '01 Jan 2020' });
    expect(parseClause('alt. Passport G 649385 issued 08 Sep 2006 expires 17 Jul 2011')).toMatchObject({ alt: true, label: 'Passport', value: 'G 649385', issueDate: '08 Sep 2006' });
    expect(parseClause('Tax ID No. 1831083343 (Russia)')).toMatchObject({ label: 'Tax ID No.', value: '1831083343', country: 'Russia' });
    expect(parseClause('NIT # 800018928-0 (Colombia)')).toMatchObject({ label: 'NIT #', value: '800018928-0', country: 'Colombia' });
    expect(parseClause('Registration Number HRA 738077 (Stuttgart) (Germany)')).toMatchObject({ label: 'Registration Number', value: 'HRA 738077 (Stuttgart)', country: 'Germany' });
    expect(parseClause('Unified Social Credit Code (USCC) 9113100033607322XK (China)')).toMatchObject({ label: 'Unified Social Credit Code (USCC)', value: '9113100033607322XK' });
    expect(parseClause('Vessel Registration Identification IMO 9187629')).toMatchObject({ label: 'Vessel Registration Identification', value: 'IMO 9187629' });
    expect(parseClause('Digital Currency Address - XBT 12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9h')).toMatchObject({ label: 'Digital Currency Address - XBT', value: '12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9h' });
    expect(parseClause("Aircraft Manufacturer's Serial Number (MSN) 1023409321")).toMatchObject({ label: "Aircraft Manufacturer's Serial Number (MSN)", value: '1023409321' });
  });

  it('splits sanction-information clauses at ": " or " - "', () => {
    expect(parseClause('Secondary sanctions risk: section 1(b) of Executive Order 13224')).toMatchObject({ kind: 'identifier', label: 'Secondary sanctions risk', value: 'section 1(b) of Executive Order 13224' });
    expect(parseClause('Additional Sanctions Information - Subject to Secondary Sanctions')).toMatchObject({ label: 'Additional Sanctions Information', value: 'Subject to Secondary Sanctions' });
    expect(parseClause('Executive Order 13662 Directive Determination - Subject to Directive 1')).toMatchObject({ label: 'Executive Order 13662 Directive Determination', value: 'Subject to Directive 1' });
    expect(parseClause('Listing Date (EO 14024 Directive 2): 24 Feb 2022')).toMatchObject({ label: 'Listing Date (EO 14024 Directive 2)', value: '24 Feb 2022' });
  });

  it('knows the rarer labels of the OFAC-family lists', () => {
    expect(parseClause('Telephone (98)(21)(66153220)')).toMatchObject({ kind: 'identifier', idType: 'Telephone', value: '(98)(21)(66153220)' });
    expect(parseClause('Italian Fiscal Code DAOMMD74T11Z352Z')).toMatchObject({ kind: 'identifier', idType: 'Italian Fiscal Code', value: 'DAOMMD74T11Z352Z' });
    expect(parseClause('Other Vessel Call Sign 5IM713')).toMatchObject({ kind: 'identifier', idType: 'Other Vessel Call Sign', value: '5IM713' });
    expect(parseClause('Fax (98)(21)(22224537)')).toMatchObject({ kind: 'identifier', idType: 'Fax' });
  });

  it('leaves free text and unknown labels as text', () => {
    expect(parseClause('all offices worldwide')).toMatchObject({ kind: 'text', label: '', value: 'all offices worldwide' });
    expect(parseClause('Zorblax Code 12345 (Russia)').kind).toBe('text');
    expect(parseClause('nationality of Registration Korea, North')).toMatchObject({ kind: 'identifier', label: 'nationality of Registration' });
    // a known label followed by prose is not an identifier
    expect(parseClause('Passport No.: 0310857, Eritrea, Issue Date 21 August 2006, Expire Date 20 August 2008)').kind).toBe('text');
  });
});

describe('parseOfacRemarks', () => {
  it('marks clauses equal to one of the titles', () => {
    const cls = parseOfacRemarks('DOB 04 Jan 1968; Member of the State Duma of the Federal Assembly of the Russian Federation.', {
      titles: ['Member of the State Duma of the Federal Assembly of the Russian Federation'],
    });
    expect(cls.map((c) => c.kind)).toEqual(['birthDate', 'title']);
  });
});

describe('parseIdValue', () => {
  it('keeps an unparseable "issued" in the number', () => {
    expect(parseIdValue('123 issued by the Ministry')).toEqual({ value: '123 issued by the Ministry' });
  });
  it('does not take a non-country parenthesis as the country', () => {
    expect(parseIdValue('467323, Doc. 694710 (Panama)')).toEqual({ value: '467323, Doc. 694710', country: 'Panama' });
    expect(parseIdValue('HRA 738077 (Stuttgart)')).toEqual({ value: 'HRA 738077 (Stuttgart)' });
  });
});

describe('ofacCountry', () => {
  it('maps OFAC spellings the shared table lacks', () => {
    expect(ofacCountry('Cote d Ivoire')).toBe('ci');
    expect(ofacCountry('Man, Isle of')).toBe('im');
    expect(ofacCountry('St. Kitts & Nevis')).toBe('kn');
    expect(ofacCountry('Region: Gaza')).toBe('ps');
    expect(ofacCountry('Russia')).toBe('ru');
    expect(ofacCountry('None Identified')).toBeUndefined();
    expect(ofacCountry('Eritrean')).toBe('er');
    expect(ofacCountry('Atlantis')).toBe('Atlantis');
  });
});

describe('applyOfacRemarks', () => {
  it('fills a person: dates, place, nationality, gender, passport entity, weak alias', () => {
    const b = new BundleBuilder('Person', 'ofac-1', 'sdn.csv:1');
    const text =
      "DOB 18 Dec 1969; alt. DOB circa 1958; alt. DOB 1960 to 1962; POB Tunis, Tunisia; nationality Tunisia; citizen Cote d Ivoire; Gender Male; Passport G737411 (Tunisia) issued 24 Oct 1990 expires 20 Sep 1997; National ID No. 216040 (Yemen); Email Address X@Example.TEST; a.k.a. 'ABU THALE'; f.k.a. 'OLD'; Linked To: SOME GROUP.";
    const res = applyOfacRemarks(b, parseOfacRemarks(text), { origin: 'sdn.csv:1' });
    const r = b.root;
    expect(r.get('birthDate')).toEqual(['1969-12-18', '1958', '1960', '1961', '1962']);
    expect(r.get('birthPlace')).toEqual(['Tunis, Tunisia']);
    expect(r.get('birthCountry')).toEqual(['tn']);
    expect(r.get('nationality')).toEqual(['tn']);
    expect(r.get('citizenship')).toEqual(['ci']);
    expect(r.get('gender')).toEqual(['male']);
    expect(r.get('passportNumber')).toEqual(['G737411']);
    expect(r.get('idNumber')).toEqual(['216040']);
    expect(r.get('email')).toEqual(['x@example.test']);
    expect(r.get('weakAlias')).toEqual(['ABU THALE']);
    expect(r.get('previousName')).toEqual(['OLD']);
    expect(res.links).toEqual(['SOME GROUP']);
    expect(res.unparsed).toEqual([]);
    const passport = b.build().related.find((e) => e.schema.name === 'Passport');
    expect(passport?.toFtM().properties).toEqual({
      country: ['tn'],
      endDate: ['1997-09-20'],
      holder: ['ofac-1'],
      number: ['G737411'],
      startDate: ['1990-10-24'],
      type: ['Passport'],
    });
    expect(r.rejected).toEqual([]);
  });

  it('fills a company, including date ranges, and reports what it cannot use', () => {
    const b = new BundleBuilder('Company', 'ofac-2', 'sdn.csv:2');
    const issues: string[] = [];
    const text =
      'Website www.kupol.ru; Organization Established Date 01 Jan 2015 to 31 Dec 2015; Tax ID No. 1831083343 (Russia); Business Registration Number 1021801143374 (Russia); Government Gazette Number 07502963 (Russia); Secondary sanctions risk: section 1(b) of Executive Order 13224; Listing Date (EO 14024 Directive 2): 24 Feb 2022; DOB 31 Feb 1961; all offices worldwide; Fax 123.';
    const res = applyOfacRemarks(b, parseOfacRemarks(text), { origin: 'sdn.csv:2' }, { report: (i) => issues.push(`${i.code}: ${i.message}`) });
    const r = b.root;
    expect(r.get('website')).toEqual(['www.kupol.ru']);
    expect(r.get('incorporationDate')).toEqual(['2015-01-01', '2015-12-31']);
    expect(r.get('taxNumber')).toEqual(['1831083343']);
    expect(r.get('innCode')).toEqual(['1831083343']);
    expect(r.get('registrationNumber')).toEqual(['1021801143374']);
    expect(r.get('ogrnCode')).toEqual(['1021801143374']);
    expect(r.get('okpoCode')).toEqual(['07502963']);
    const s = b.sanction();
    expect(s.get('provisions')).toEqual(['Secondary sanctions risk: section 1(b) of Executive Order 13224']);
    expect(s.get('listingDate')).toEqual(['2022-02-24']);
    expect(issues).toEqual(['invalid_value: unparseable date of birth: DOB 31 Feb 1961']);
    expect(res.unparsed.map((c) => c.raw)).toEqual(['DOB 31 Feb 1961', 'all offices worldwide']);
    // A label that has no property of its own is kept, labelled, in the notes.
    expect(r.get('notes')).toContain('Fax: 123');
  });

  it('keeps a title of a non-person unparsed, and a person title as position', () => {
    const p = new BundleBuilder('Person', 'ofac-3', 'x:1');
    applyOfacRemarks(p, parseOfacRemarks('Brigadier General', { titles: ['Brigadier General'] }), {});
    expect(p.root.get('position')).toEqual(['Brigadier General']);
    const o = new BundleBuilder('Organization', 'ofac-4', 'x:2');
    expect(applyOfacRemarks(o, parseOfacRemarks('Brigadier General', { titles: ['Brigadier General'] }), {}).unparsed).toHaveLength(1);
  });

  it('creates a crypto wallet and vessel identifiers', () => {
    const b = new BundleBuilder('Vessel', 'ofac-5', 'x:1');
    applyOfacRemarks(b, parseOfacRemarks('Vessel Registration Identification IMO 9187629; MMSI 572469210; Former Vessel Flag Malta; alt. Former Vessel Flag None Identified; Digital Currency Address - XBT 1abc'), {});
    expect(b.root.get('imoNumber')).toEqual(['IMO 9187629']);
    expect(b.root.get('mmsi')).toEqual(['572469210']);
    expect(b.root.get('pastFlags')).toEqual(['mt']);
    const wallet = b.build().related.find((e) => e.schema.name === 'CryptoWallet');
    expect(wallet?.get('publicKey')).toEqual(['1abc']);
    expect(wallet?.get('currencySymbol')).toEqual(['BTC']);
  });
});

describe('helpers', () => {
  it('clauseProps lists the root properties an identifier sets', () => {
    expect(clauseProps(parseClause('Tax ID No. 1831083343 (Russia)'))).toEqual(['taxNumber', 'innCode']);
    expect(clauseProps(parseClause('alt. ISIN CNE1000002V2'))).toEqual(['isinCode']);
    expect(clauseProps(parseClause('Pilot License Number PL00825 (Barbados)'))).toEqual(['licenseNumber']);
    expect(clauseProps(parseClause('DOB 1960'))).toEqual([]);
  });
  it('isStructured tells values from notes', () => {
    expect(isStructured(parseClause('DOB 1960'))).toBe(true);
    expect(isStructured(parseClause('Aircraft Operator YAS AIR'))).toBe(false);
    expect(isStructured(parseClause('all offices worldwide'))).toBe(false);
  });
  it('clauseTypeKey groups free text in one key and labelled text by its label', () => {
    expect(clauseTypeKey(parseClause('all offices worldwide'))).toBe('free text');
    expect(clauseTypeKey(parseClause('Member of the Upper House of Parliament'))).toBe('free text');
    expect(clauseTypeKey(parseClause('Zorblax Code 12345 (Russia)'))).toBe('zorblax code');
    expect(clauseTypeKey(parseClause('Fax 123'))).toBe('fax');
  });
});

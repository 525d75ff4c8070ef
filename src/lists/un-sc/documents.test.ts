import { describe, expect, it } from 'vitest';
import { classifyDocument, numberProperty } from './documents.js';

describe('UN SC classifyDocument', () => {
  it.each([
    ['Passport', '', 'passport', 'Passport'],
    ['Numéro de passeport', '', 'passport', 'Numéro de passeport'],
    ['Número de pasaporte', '', 'passport', 'Número de pasaporte'],
    ['National Identification Number', 'national passport', 'passport', 'national passport'],
    ['Passport', 'number:', 'passport', 'Passport'],
    ['National Identification Number', '', 'national_id', 'National Identification Number'],
    ['National Identification Number', 'Afghan national identification card (tazkira) number', 'national_id', 'Afghan national identification card (tazkira) number'],
    ['National Identification Number', 'Identity document ("Bundespersonalausweis")', 'national_id', 'Identity document ("Bundespersonalausweis")'],
    ['National Identification Number', 'Jordanian national number:', 'national_id', 'Jordanian national number'],
    ['National Identification Number', 'United States Social Security Number:', 'ssn', 'United States Social Security Number'],
    ['National Identification Number', 'Italian Fiscal Code:', 'tax', 'Italian Fiscal Code'],
    ['National Identification Number', 'Birth certificate', 'other', 'Birth certificate'],
    ['National Identification Number', 'Ration card number:', 'other', 'Ration card number'],
    ['National Identification Number', 'military identification number:', 'other', 'military identification number'],
    ['National Identification Number', 'Certificate of Iraqi Nationality', 'other', 'Certificate of Iraqi Nationality'],
    ['National Identification Number', 'Other ID', 'other', 'Other ID'],
    ['Driving licence', '', 'other', 'Driving licence'],
  ])('%s / %s → %s', (type, type2, kind, label) => {
    expect(classifyDocument(type, type2)).toEqual({ kind, label });
  });

  it('maps kinds to root properties', () => {
    expect(numberProperty('passport')).toBe('passportNumber');
    expect(numberProperty('national_id')).toBe('idNumber');
    expect(numberProperty('ssn')).toBe('socialSecurityNumber');
    expect(numberProperty('tax')).toBe('taxNumber');
    expect(numberProperty('other')).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { familiesCompatible, findLegalForms } from './legal-forms.js';
import { sameGivenName } from './nicknames.js';
import { prepareName } from './prepare.js';
import { latinKey } from '../text/latin.js';

const keys = (text: string) => text.split(' ').map(latinKey);
const tokens = (text: string, kind: 'person' | 'org' | 'any' = 'any') => prepareName(text, { kind }).tokens.map((t) => `${t.ascii}:${t.cls}`);

describe('legal forms', () => {
  it('finds forms in several languages, longest first', () => {
    expect(findLegalForms(keys('obshchestvo s ogranichennoi otvetstvennostyu tsk vektor')).map((f) => f.family)).toEqual(['llc']);
    expect(findLegalForms(keys('open joint stock company gazprom'))).toEqual([{ start: 0, end: 4, family: 'jsc' }]);
    expect(findLegalForms(keys('siemens aktiengesellschaft'))[0]?.family).toBe('jsc');
    expect(findLegalForms(keys('sichuan aee technology co ltd'))).toEqual([{ start: 3, end: 5, family: 'llc' }]);
  });
  it('takes short forms only at the edges of a name', () => {
    expect(findLegalForms(keys('ao nii vektor'))).toEqual([{ start: 0, end: 1, family: 'jsc' }]);
    expect(findLegalForms(keys('wang ao bing'))).toEqual([]);
  });
  it('knows which families can be the same company', () => {
    expect(familiesCompatible('llc', 'llc')).toBe(true);
    expect(familiesCompatible('jsc', 'llc')).toBe(false);
    expect(familiesCompatible('jsc', 'corp')).toBe(true);
    expect(familiesCompatible('nonprofit', 'llc')).toBe(false);
    expect(familiesCompatible('generic', 'nonprofit')).toBe(true);
  });
});

describe('prepareName', () => {
  it('takes OOO = ООО = LLC out of the tokens, in any script', () => {
    for (const name of ['ООО «ТСК Вектор»', 'TSK Vector LLC', 'OBSHCHESTVO S OGRANICHENNOI OTVETSTVENNOSTYU TSK VEKTOR', 'TSK VEKTOR, OOO']) {
      const p = prepareName(name, { kind: 'org' });
      expect(p.forms, name).toEqual(['llc']);
      expect(p.tokens.map((t) => t.key), name).toEqual(['tsk', 'vektor']);
    }
  });
  it('reads 有限公司 as a limited company and the rest as readings', () => {
    const p = prepareName('四川艾意伊科技有限公司', { kind: 'org' });
    expect(p.forms).toEqual(['llc']);
    expect(p.tokens).toHaveLength(1);
    expect(p.tokens[0]!.lattice).toHaveLength(3);
    expect(p.tokens[0]!.ascii).toBe('sichuanaiyiyikeji');
  });
  it('drops titles from person names and keeps initials', () => {
    expect(tokens('Mr. Recep Tayyip Erdoğan', 'person')).toEqual(['recep:word', 'tayyip:word', 'erdogan:word']);
    expect(tokens('J.-C. Juncker', 'person')).toEqual(['j:initial', 'c:initial', 'juncker:word']);
    expect(tokens('JC Juncker', 'person')).toEqual(['j:initial', 'c:initial', 'juncker:word']);
  });
  it('classifies particles, patronymics, generic and place words', () => {
    expect(tokens('Osama bin Laden', 'person')).toEqual(['osama:word', 'bin:particle', 'laden:word']);
    expect(tokens('Sergey Viktorovich Lavrov', 'person')).toEqual(['sergey:word', 'viktorovich:patronymic', 'lavrov:word']);
    expect(tokens('Deutsche Bank (Schweiz) AG', 'org')).toEqual(['deutsche:word', 'bank:generic', 'schweiz:location']);
    expect(tokens('Ben Netanyahu', 'person')).toEqual(['ben:word', 'netanyahu:word']);
  });
  it('normalises numbers, acronyms and glued legal forms in organisation names', () => {
    expect(tokens('Brigade Forty-Four', 'org')).toEqual(['brigade:generic', '44:number']);
    expect(tokens('A.B.C. Company', 'org')).toEqual(['abc:word']);
    expect(tokens('Nantahala Capital Offshore Fund I, Ltd.', 'org')).toContain('i:number');
    expect(prepareName('SiemensAG', { kind: 'org' }).forms).toEqual(['jsc']);
    expect(prepareName('TACTICAL MISSILES CORPORATION JOINT STOCK COMPAN', { kind: 'org' }).forms).toContain('jsc');
  });
  it('reads Hangul and kana as lattices of readings', () => {
    const k = prepareName('김정은', { kind: 'person' }).tokens[0]!;
    expect(k.lattice?.[0]?.[0]).toContain('kim');
    const j = prepareName('バラク・オバマ', { kind: 'person' }).tokens;
    expect(j).toHaveLength(2);
  });
  it('decides person or organisation for LegalEntity names', () => {
    expect(prepareName('Nanshan Group', { kind: 'any' }).kind).toBe('org');
    expect(prepareName('Vladimir Putin', { kind: 'any' }).kind).toBe('person');
  });
});

describe('nicknames', () => {
  it('knows common short forms', () => {
    expect(sameGivenName(latinKey('bill'), latinKey('william'))).toBe(true);
    expect(sameGivenName(latinKey('bibi'), latinKey('benjamin'))).toBe(true);
    expect(sameGivenName(latinKey('boris'), latinKey('benjamin'))).toBe(false);
  });
});

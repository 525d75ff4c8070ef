import { describe, expect, it } from 'vitest';
import { prepareName } from '../names/prepare.js';
import { editBudget, editDistance } from './edit-distance.js';
import { jaroWinkler } from './jaro-winkler.js';
import { latticeSimilarity } from './lattice.js';
import { compareNames, scoreBound } from './name-score.js';

const cmp = (a: string, b: string, kind: 'person' | 'org' | 'any' = 'any') => compareNames(prepareName(a, { kind }), prepareName(b, { kind }));

describe('edit distance', () => {
  it('counts vowel substitutions half, transpositions once, and a different first consonant double', () => {
    expect(editDistance('osama', 'usama')).toBe(0.5);
    expect(editDistance('lukashenko', 'luakshenko')).toBe(1);
    expect(editDistance('jamal', 'kamal')).toBe(2);
    expect(editDistance('kitten', 'sitting')).toBe(3.5);
  });
  it('stops early past the budget', () => {
    expect(editDistance('abcdefgh', 'zyxwvuts', 1)).toBeGreaterThan(1);
  });
  it('allows no edit in short names', () => {
    expect(editBudget(3)).toBe(0);
    expect(editBudget(6)).toBe(1);
    expect(editBudget(12)).toBe(2);
  });
});

describe('Jaro-Winkler', () => {
  it('matches the published examples', () => {
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.961, 3);
    expect(jaroWinkler('dixon', 'dicksonx')).toBeCloseTo(0.813, 3);
    expect(jaroWinkler('abc', 'xyz')).toBe(0);
  });
});

describe('reading lattices', () => {
  it('finds the path through per-character readings', () => {
    expect(latticeSimilarity([['kim', 'jin', 'kin'], ['jong', 'zheng', 'sei'], ['un', 'en', 'on']], 'kimjongun', 1)).toBe(1);
    expect(latticeSimilarity([['kim'], ['jong'], ['un']], 'kimjonun', 1)).toBeCloseTo(1 - 1 / 8, 5);
    expect(latticeSimilarity([['kim'], ['jong'], ['un']], 'parkjisung', 1)).toBe(0);
  });
});

describe('compareNames', () => {
  it('ignores word order and legal forms of the same family', () => {
    expect(cmp('PUTIN, Vladimir', 'Vladimir Putin', 'person').score).toBe(1);
    expect(cmp('TSK Vector LLC', 'TSK VEKTOR, OOO', 'org').score).toBe(1);
  });
  it('matches across scripts', () => {
    expect(cmp('ООО «ТСК Вектор»', 'TSK VEKTOR, OOO', 'org').score).toBe(1);
    expect(cmp('金正恩', 'KIM, Jong Un', 'person').score).toBe(1);
    expect(cmp('山田太郎', 'Yamada Taro', 'person').score).toBe(1);
    expect(cmp('محمد علي', 'Mohamed Ali', 'person').score).toBeGreaterThan(0.75);
  });
  it('forgives typos within the budget, not beyond', () => {
    expect(cmp('Olaf Scholze', 'Olaf Scholz', 'person').score).toBeGreaterThan(0.85);
    expect(cmp('Olaf Schulze', 'Olaf Scholz', 'person').score).toBeLessThan(0.6);
    expect(cmp('Kim Pong-ryul', 'Kim Pyong-ryul', 'person').score).toBeLessThan(0.75);
  });
  it('joins names written together and splits acronyms', () => {
    expect(cmp('VladimirPutin', 'Vladimir Putin', 'person').score).toBeGreaterThan(0.9);
    expect(cmp('PLA', 'People’s Liberation Army', 'org').score).toBeGreaterThan(0.9);
    // A three-letter acronym takes each word's own first letter only: none from inside a word,
    // none from a translation (trading → 贸易 màoyì).
    expect(cmp('HTS', 'Harrowgate Supply', 'org').score).toBeLessThan(0.5);
    expect(cmp('TEM', 'Tawumechanical Engineering Trading', 'org').score).toBeLessThan(0.5);
    // A short word folded to one letter by the spelling key does not equal every other such word.
    expect(cmp('DJI', 'IEI', 'org').score).toBeLessThan(0.5);
    expect(cmp('DJI', 'JI', 'org').score).toBeLessThan(0.75);
    expect(cmp('IEMZ Kupol', 'IZHEVSK ELECTROMECHANICAL PLANT KUPOL', 'org').pairs.some((p) => p.how === 'acronym')).toBe(true);
  });
  it('never matches on generic words alone', () => {
    const r = cmp('Management Company', 'Westminister Management Company', 'org');
    expect(r.score).toBeLessThanOrEqual(0.5);
    expect(r.penalties).toContain('generic_only');
  });
  it('lowers the score for disagreements of one kind on both sides', () => {
    expect(cmp('Deutsche Bank AG', 'Deutsche Bank GmbH', 'org').penalties).toContain('legal_form');
    expect(cmp('Zu Zag Bong 6', 'Zu Zag Bong 5', 'org').penalties).toContain('number');
    expect(cmp('Frost, William G.', 'William W Frost', 'person').penalties).toContain('initial');
    expect(cmp('Government of Estonia', 'Government of Ethiopia', 'org').score).toBeLessThan(0.6);
  });
  it('charges unexplained query words fully and extra candidate names lightly', () => {
    expect(cmp('Boris Johnson', 'Alexandre Boris de Pfeffel Johnson', 'person').score).toBeGreaterThan(0.8);
    expect(cmp('Geoffrey Boris Johnson', 'Alexandre Boris de Pfeffel Johnson', 'person').score).toBeLessThan(0.75);
  });
  it('bounds the score cheaply from above', () => {
    const pairs: Array<[string, string]> = [['Olaf Scholz', 'Olaf Scholze'], ['Vladimir Putin', 'Angela Merkel'], ['TSK Vektor', 'AO NII Vektor']];
    for (const [a, b] of pairs) {
      const q = prepareName(a, { kind: 'any' });
      const c = prepareName(b, { kind: 'any' });
      expect(scoreBound(q, c)).toBeGreaterThanOrEqual(compareNames(q, c).score);
    }
  });
});

describe('short words of organisation names', () => {
  it('are acronyms: a sound-alike with other letters is another name', () => {
    expect(cmp('PSI DMCC', 'PCI', 'org').score).toBe(0);
    expect(cmp('KSK', 'KCK', 'org').score).toBe(0);
    expect(cmp('PSI DMCC', 'PSI', 'org').score).toBe(1);
  });
  it('leave short personal names to their sound', () => {
    expect(cmp('Li Wei', 'Lee Wei', 'person').score).toBeGreaterThan(0.8);
  });
});

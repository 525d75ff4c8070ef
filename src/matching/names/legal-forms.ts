/**
 * Legal forms across jurisdictions, grouped in families whose members are the same kind of
 * company (OOO = ООО = LLC = "obshchestvo s ogranichennoy otvetstvennostyu" = GmbH = SRL;
 * AO = АО = JSC = "aktsionernoe obshchestvo" = AG = SA = PLC; Co., Ltd. = 有限公司 = "youxian
 * gongsi"). Sources: GLEIF ISO 20275 Entity Legal Forms code list (the abbreviations and
 * local names per jurisdiction), the Russian Civil Code (chapter 4: ООО, АО, ПАО, НАО, АНО,
 * ФГУП), the PRC Company Law (有限责任公司, 股份有限公司). A name's legal forms are taken out
 * of its tokens; two names whose forms belong to incompatible families are less likely the
 * same company (Deutsche Bank AG ≠ Deutsche Bank GmbH; ANO ≠ LLC).
 */
import { foldLatin, latinKey } from '../text/latin.js';

export type LegalFamily =
  | 'llc' // private limited liability company
  | 'jsc' // joint-stock / public company
  | 'corp' // US/UK corporation, incorporated: compatible with jsc
  | 'partnership'
  | 'nonprofit'
  | 'state' // state or municipal enterprise
  | 'sole' // individual entrepreneur
  | 'branch'
  | 'cooperative'
  | 'generic'; // "company", "Co.": says only that it is a company

const FORMS: Record<LegalFamily, string[]> = {
  llc: [
    'llc', 'l l c', 'lc', 'ltd liability co', 'limited liability company', 'limited liability co', 'ltd', 'limited', 'co ltd', 'company limited',
    'co limited', 'pty ltd', 'pty limited', 'pty', 'pvt ltd', 'private limited', 'pvt', 'pte ltd', 'pte', 'ooo', 'obshchestvo s ogranichennoy otvetstvennostyu',
    'obshchestvo s ogranichennoi otvetstvennostyu', 'obshchestvo s ogranichennoj otvetstvennostju', 'tov', 'tovarystvo z obmezhenoyu vidpovidalnistyu', 'too',
    'tovarishchestvo s ogranichennoy otvetstvennostyu', 'mchj', 'gmbh', 'gesellschaft mit beschrankter haftung', 'srl', 's r l', 'sarl', 's a r l',
    'societatea cu raspundere limitata', 'societa a responsabilita limitata', 'sociedad de responsabilidad limitada', 'societe a responsabilite limitee',
    'sp z o o', 'sp z oo', 'spolka z ograniczona odpowiedzialnoscia', 'sro', 's r o', 'spol s r o', 'kft', 'doo', 'd o o', 'ltda', 'bv', 'b v', 'besloten vennootschap',
    'youxian gongsi', 'youxian zeren gongsi', 'yugen kaisha', 'godo kaisha', 'fze', 'fzco', 'fzc', 'fz llc', 'fzllc', 'fz co', 'dmcc', 'sdn bhd', 'bhd',
    'ltd co', 'limited company', 'eood', 'ood', 'uab', 'sia', 'ou', 'ehf', 'aps', 'sprl', 'bvba', 'limitada', 'llp? no',
  ],
  jsc: [
    'jsc', 'j s c', 'ojsc', 'cjsc', 'pjsc', 'ao', 'oao', 'zao', 'pao', 'nao', 'jscb', 'joint stock company', 'joint-stock company', 'joint stock co',
    'open joint stock company', 'closed joint stock company', 'public joint stock company', 'non public joint stock company', 'joint stock commercial bank',
    'aktsionernoe obshchestvo', 'aktsionernoye obshchestvo', 'otkrytoe aktsionernoe obshchestvo', 'zakrytoe aktsionernoe obshchestvo',
    'publichnoe aktsionernoe obshchestvo', 'nepublichnoe aktsionernoe obshchestvo', 'aktsionernyy kommercheskiy bank', 'akb', 'pat', 'prat', 'vat', 'zat',
    'ag', 'aktiengesellschaft', 'sa', 's a', 'societe anonyme', 'sociedad anonima', 'spa', 's p a', 'societa per azioni', 'nv', 'n v', 'naamloze vennootschap',
    'plc', 'p l c', 'public limited company', 'as', 'a s', 'asa', 'ab', 'aktiebolag', 'oyj', 'oy', 'ad', 'a d', 'dd', 'd d', 'kk', 'kabushiki kaisha',
    'gufen youxian gongsi', 'sae', 'saoc', 'saog', 'psc', 'pjs', 'tbk', 'bhd berhad', 'berhad', 'as anonim sirketi', 'anonim sirketi', 'a s',
    'sherkat sahami khas', 'sherkat sahami aam', 'sahami khas', 'sahami aam', 'pjs co',
  ],
  corp: ['corp', 'corporation', 'inc', 'incorporated', 'co inc', 'corp ltd'],
  partnership: ['llp', 'l l p', 'lp', 'l p', 'limited partnership', 'general partnership', 'kg', 'gmbh co kg', 'ohg', 'gbr', 'snc', 'scs', 'partnership', 'vof', 'cv'],
  nonprofit: [
    'ano', 'avtonomnaya nekommercheskaya organizatsiya', 'nko', 'nekommercheskaya organizatsiya', 'obshchestvennaya organizatsiya', 'ev', 'e v',
    'eingetragener verein', 'ggmbh', 'charity', 'ngo', 'non profit', 'nonprofit', 'not for profit', 'cio', 'fond', 'fondation', 'stiftung',
  ],
  state: [
    'fgup', 'gup', 'mup', 'fgbu', 'fgku', 'fkp', 'federalnoe gosudarstvennoe unitarnoe predpriyatie', 'gosudarstvennoe unitarnoe predpriyatie',
    'federal state unitary enterprise', 'state unitary enterprise', 'unitary enterprise', 'federal state budgetary institution', 'dp', 'derzhavne pidpryiemstvo',
    'state owned enterprise', 'soe',
  ],
  sole: ['ip', 'individualnyy predprinimatel', 'fop', 'sole proprietorship', 'sole proprietor', 'pe', 'chp', 'spd'],
  branch: ['branch', 'filial', 'branch office', 'representative office', 'predstavitelstvo'],
  cooperative: ['coop', 'co op', 'cooperative', 'kooperativ', 'proizvodstvennyy kooperativ', 'eg', 'e g'],
  generic: ['co', 'company', 'cie', 'kompaniya', 'gongsi', 'firma', 'firm', 'sirketi', 'sherkat'],
};

/** Pairs of families that can be the same company. */
const COMPATIBLE = new Set(['jsc|corp', 'llc|corp', 'llc|branch', 'jsc|branch', 'corp|branch']);

export function familiesCompatible(a: LegalFamily, b: LegalFamily): boolean {
  if (a === b || a === 'generic' || b === 'generic') return true;
  return COMPATIBLE.has(`${a}|${b}`) || COMPATIBLE.has(`${b}|${a}`);
}

interface FormEntry {
  keys: string[];
  family: LegalFamily;
}

/** Longest forms first, so "open joint stock company" wins over "joint stock company". */
const ENTRIES: FormEntry[] = (() => {
  const out: FormEntry[] = [];
  for (const [family, variants] of Object.entries(FORMS) as Array<[LegalFamily, string[]]>) {
    for (const v of variants) {
      if (v.includes('?')) continue;
      const keys = foldLatin(v).split(/[^a-z0-9]+/).filter(Boolean).map(latinKey);
      if (keys.length) out.push({ keys, family });
    }
  }
  return out.sort((a, b) => b.keys.length - a.keys.length);
})();

const BY_FIRST = new Map<string, FormEntry[]>();
for (const e of ENTRIES) {
  const list = BY_FIRST.get(e.keys[0]!) ?? [];
  list.push(e);
  BY_FIRST.set(e.keys[0]!, list);
}

export interface LegalFormMatch {
  start: number;
  end: number;
  family: LegalFamily;
}

/**
 * Finds legal forms in a token sequence (as latinKeys), longest first and without overlaps.
 * Single-letter and two-letter forms count only at the start or end of the name (an "AO" in
 * the middle of a Chinese name is a syllable).
 */
export function findLegalForms(keys: readonly string[]): LegalFormMatch[] {
  const found: LegalFormMatch[] = [];
  let i = 0;
  while (i < keys.length) {
    const candidates = BY_FIRST.get(keys[i]!) ?? [];
    let matched: FormEntry | undefined;
    for (const c of candidates) {
      if (i + c.keys.length > keys.length) continue;
      let ok = true;
      for (let k = 1; k < c.keys.length; k++) if (keys[i + k] !== c.keys[k]) ok = false;
      if (!ok) continue;
      const short = c.keys.length === 1 && c.keys[0]!.length <= 3;
      const atEdge = i === 0 || i + c.keys.length === keys.length;
      if (short && !atEdge && !nextToForm(found, i)) continue;
      matched = c;
      break;
    }
    if (matched) {
      found.push({ start: i, end: i + matched.keys.length, family: matched.family });
      i += matched.keys.length;
    } else {
      i++;
    }
  }
  return found;
}

function nextToForm(found: LegalFormMatch[], i: number): boolean {
  const last = found[found.length - 1];
  return last !== undefined && last.end === i;
}

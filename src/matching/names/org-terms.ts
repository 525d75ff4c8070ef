/**
 * Translations of the words Russian and Chinese organisation names are made of, so that a name
 * given in one language finds the other ("Муромский приборостроительный завод" = "Murom
 * Instrument-Making Plant"; "Ижевский электромеханический завод" = "Izhevsk Electromechanical
 * Plant"; 科技有限公司 = "Technology Co., Ltd."). Each entry maps spelling keys of the source
 * words to the English word; adjectival endings are stripped before lookup.
 */
import { latinKey } from '../text/latin.js';

const TERMS: Array<[string[], string]> = [
  [['zavod', 'zavoda'], 'plant'],
  [['fabrika'], 'factory'],
  [['kombinat'], 'works'],
  [['priborostroitelnyy', 'priborostroitelnyi', 'priborostroitelniy', 'priborostroenie', 'priborostroeniya'], 'instrumentmaking'],
  [['mashinostroitelnyy', 'mashinostroitelnyi', 'mashinostroenie', 'mashinostroeniya'], 'machinebuilding'],
  [['elektromekhanicheskiy', 'elektromekhanicheskii', 'elektromekhanicheskiy', 'elektromehanicheskiy'], 'electromechanical'],
  [['radiotekhnicheskiy', 'radiotekhnicheskii'], 'radioengineering'],
  [['elektronnyy', 'elektronnyi', 'elektronika'], 'electronics'],
  [['optiko', 'opticheskiy', 'optika'], 'optical'],
  [['mekhanicheskiy', 'mekhanicheskii'], 'mechanical'],
  [['aviatsionnyy', 'aviatsionnyi', 'aviastroitelnyy'], 'aviation'],
  [['vertoletnyy', 'vertolety'], 'helicopter'],
  [['dvigatel', 'dvigateli', 'motorostroitelnyy'], 'engine'],
  [['konstruktorskoe', 'konstruktorskoye'], 'design'],
  [['byuro'], 'bureau'],
  [['nauchno', 'nauchnyy', 'nauchnyi'], 'scientific'],
  [['issledovatelskiy', 'issledovatelskii'], 'research'],
  [['institut'], 'institute'],
  [['proizvodstvennyy', 'proizvodstvennoe', 'proizvodstvennaya', 'proizvodstvennoye'], 'production'],
  [['obyedinenie', 'obedinenie', 'obyedineniye'], 'association'],
  [['predpriyatie', 'predpriyatiye'], 'enterprise'],
  [['korporatsiya'], 'corporation'],
  [['kontsern'], 'concern'],
  [['kompaniya'], 'company'],
  [['gruppa'], 'group'],
  [['tsentr'], 'center'],
  [['torgovyy', 'torgovyi', 'torgovaya'], 'trading'],
  [['dom'], 'house'],
  [['bank'], 'bank'],
  [['raketnyy', 'raketnoe'], 'missile'],
  [['takticheskoe', 'takticheskiy'], 'tactical'],
  [['vooruzhenie', 'vooruzheniya'], 'armament'],
  [['oboronnyy', 'oboronnye', 'oboronnaya'], 'defense'],
  [['tekhnologii', 'tekhnologiya'], 'technology'],
  [['sistemy'], 'systems'],
  [['keji', 'jishu'], 'technology'],
  [['maoyi'], 'trading'],
  [['jinchukou'], 'importexport'],
  [['guoji'], 'international'],
  [['jituan'], 'group'],
  [['dianzi'], 'electronics'],
  [['hangkong'], 'aviation'],
  [['gongye'], 'industrial'],
  [['shiye'], 'industrial'],
  [['konggu'], 'holding'],
  [['fazhan'], 'development'],
  [['wurenji'], 'uav'],
];

const MAP = new Map<string, string>();
const BACK = new Map<string, string[]>();
for (const [sources, english] of TERMS) {
  const e = latinKey(english);
  for (const s of sources) MAP.set(latinKey(s), e);
  const first = latinKey(sources[0]!);
  if (first !== e) BACK.set(e, [...(BACK.get(e) ?? []), first]);
}

/** The Russian or Chinese words an English organisation word translates (plant → zavod), as keys. */
export function sourceTermsOf(key: string): string[] | undefined {
  return BACK.get(key);
}

/** The English key of an organisation word given in Russian or Chinese (as its latinKey), or undefined. */
export function translateOrgTerm(key: string): string | undefined {
  return MAP.get(key) ?? MAP.get(key.replace(/(ogo|omu|im|oe|ie|ii|ai|oi|aia|aya|ii|y|i|a)$/, ''));
}

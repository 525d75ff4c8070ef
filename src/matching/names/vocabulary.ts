/**
 * Word classes that decide how much a token counts in a name: honorifics and titles (dropped
 * from person names), particles (bin, ibn, al, de, van…), generic organisation words (company,
 * trading, group, international: they must never make a match on their own, the classic
 * "CORP matches everything" false positive), place words (countries, demonyms, regions: a
 * branch's "(Schweiz)" should not block a match, but Estonia ≠ Ethiopia) and patronymics.
 * Entries are written as plain ASCII and compared by latinKey, so spelling variants hit too.
 */
import { typeValues } from '../../model/index.js';
import { foldLatin, latinKey } from '../text/latin.js';

const keys = (words: readonly string[]): Set<string> => new Set(words.map((w) => latinKey(foldLatin(w.toLowerCase()))));
/** Exact ASCII forms, for short words whose keys would collide with names (sheik → sik). */
const exact = (words: readonly string[]): Set<string> => new Set(words.map((w) => foldLatin(w.toLowerCase())));

/** Dropped from person names (compared by ASCII form). */
export const TITLES = exact([
  'mr', 'mrs', 'ms', 'miss', 'mister', 'dr', 'doctor', 'prof', 'professor', 'sir', 'dame', 'lord', 'lady', 'hon', 'honorable', 'honourable',
  'president', 'praesident', 'prasident', 'presidente', 'prezident', 'premier', 'minister', 'general', 'gen', 'colonel', 'col', 'major',
  'maj', 'captain', 'capt', 'lieutenant', 'lt', 'sgt', 'sergeant', 'admiral', 'commander', 'marshal', 'brigadier', 'judge', 'senator',
  'monsieur', 'madame', 'mme', 'mlle', 'herr', 'frau', 'senor', 'senora', 'sr', 'sra', 'don', 'dona', 'gospodin', 'gospozha',
  'shaikh', 'sheikh', 'sheik', 'shaykh', 'sayed', 'sayyid', 'mullah', 'mulla', 'maulana', 'maulvi', 'mawlawi', 'imam', 'ayatollah', 'hojatoleslam',
  'emir', 'amir', 'prince', 'princess', 'king', 'queen', 'sultan', 'his', 'her', 'excellency', 'highness', 'jr', 'junior', 'snr', 'senior',
  'phd', 'md', 'esq', 'rev', 'reverend', 'father', 'bishop', 'engineer', 'eng', 'ing',
]);

/** Name particles: kept, but light, and bin = ibn = ben (compared by ASCII form). */
export const PARTICLES = exact([
  'bin', 'ibn', 'ben', 'bint', 'binti', 'b', 'al', 'el', 'ul', 'ud', 'ad', 'as', 'at', 'az', 'an', 'ar', 'abu', 'abou', 'umm', 'bou',
  'de', 'da', 'di', 'do', 'dos', 'das', 'del', 'della', 'der', 'den', 'van', 'von', 'zu', 'la', 'le', 'du', 'des', 'y', 'e', 'ter', 'ten', 'st',
  'mac', 'mc', 'ap', 'ogly', 'oglu', 'kyzy', 'uulu',
]);

/** Equivalent particles map to one key. */
export const PARTICLE_EQUIVALENTS: Record<string, string> = { ibn: 'bin', ben: 'bin', b: 'bin', el: 'al', ul: 'al', abou: 'abu', bou: 'abu' };

/** Words that carry no name at all (compared by ASCII form). */
export const STOPWORDS = exact(['the', 'of', 'and', 'for', 'in', 'on', 'at', 'to', 'und', 'et', 'i', 'a', 'an', 'aka', 'fka', 'nka', 'also', 'known', 'as', 'formerly', 'po', 'im', 'imeni', 'pri']);

/** Generic organisation words: they may match, but never alone, and count half. */
export const GENERIC_ORG = keys([
  'company', 'co', 'corporation', 'corp', 'incorporated', 'inc', 'group', 'grp', 'holding', 'holdings', 'international', 'intl', 'int', 'global',
  'trading', 'trade', 'traders', 'import', 'export', 'imp', 'exp', 'impex', 'industries', 'industry', 'industrial', 'systems', 'system', 'technology',
  'technologies', 'tech', 'technical', 'engineering', 'enterprise', 'enterprises', 'services', 'service', 'solutions', 'general', 'development',
  'investment', 'investments', 'invest', 'resources', 'logistics', 'shipping', 'manufacturing', 'products', 'product', 'electronics', 'electronic',
  'electric', 'machinery', 'equipment', 'supply', 'supplies', 'management', 'consulting', 'partners', 'ventures', 'capital', 'commercial',
  'scientific', 'production', 'research', 'institute', 'plant', 'factory', 'works', 'center', 'centre', 'office', 'bureau', 'agency', 'association',
  'union', 'authority', 'bank', 'finance', 'financial', 'fund', 'foundation', 'organization', 'organisation', 'establishment', 'firm', 'house',
  'network', 'movement', 'front', 'army', 'brigade', 'battalion', 'party', 'committee', 'council', 'forces', 'force', 'militia', 'regiment',
  'unitary', 'state', 'federal', 'national', 'joint', 'stock', 'public', 'private', 'limited', 'liability', 'branch', 'representative',
  'department', 'division', 'unit', 'ltd', 'mv', 'mt', 'vessel', 'ship', 'tanker', 'airlines', 'airline', 'air', 'aviation', 'marine', 'maritime',
  'zavod', 'kombinat', 'obyedinenie', 'obedinenie', 'obyedineniye', 'predpriyatie', 'predpriyatiye', 'kompaniya', 'gruppa', 'tsentr', 'nauchno',
  'proizvodstvennoe', 'proizvodstvennaya', 'proizvodstvennoye', 'nauchnoproizvodstvennoe', 'issledovatelskiy', 'institut', 'npk', 'npo', 'nii',
  'okb', 'kb', 'npp', 'nppf', 'td', 'torgovyy', 'dom', 'firma', 'gosudarstvennoe', 'federalnoe', 'unitarnoe', 'obshchestvo', 'obshestvo',
  'gongsi', 'jituan', 'keji', 'maoyi', 'youxian', 'guoji', 'shiye', 'gufen', 'fazhan', 'gongye', 'dianzi', 'jinchukou', 'konggu',
  'sanayi', 'ticaret', 'sirketi', 'sherkat', 'tejarat', 'tejarati', 'bazargani', 'sanat', 'sanaye', 'gostaresh', 'pars',
]);

const LOCATION_WORDS = [
  'europe', 'european', 'asia', 'asian', 'africa', 'african', 'america', 'american', 'middle', 'east', 'eastern', 'west', 'western', 'north', 'northern',
  'south', 'southern', 'gulf', 'pacific', 'atlantic', 'arabian', 'arab', 'peninsula', 'caribbean', 'latin', 'eurasia', 'eurasian', 'overseas', 'worldwide',
  'russian', 'chinese', 'german', 'swiss', 'british', 'english', 'french', 'iranian', 'syrian', 'iraqi', 'korean', 'turkish', 'emirates', 'hellenic',
  'ukrainian', 'belarusian', 'indian', 'pakistani', 'afghan', 'lebanese', 'venezuelan', 'cuban', 'japanese', 'italian', 'spanish', 'dutch',
  'schweiz', 'suisse', 'svizzera', 'deutschland', 'rossiya', 'rossii', 'rossiyskaya', 'rossiyskiy', 'zhongguo', 'uk', 'usa', 'us', 'uae', 'prc', 'hk', 'dprk',
  'moscow', 'moskva', 'moskovskiy', 'petersburg', 'sankt', 'peterburg', 'beijing', 'shanghai', 'shenzhen', 'guangzhou', 'guangdong', 'hong', 'kong',
  'sichuan', 'chengdu', 'tianjin', 'wuhan', 'xian', 'hangzhou', 'zhejiang', 'jiangsu', 'shandong', 'hubei', 'hunan', 'fujian', 'xiamen', 'ningbo',
  'dubai', 'dhabi', 'sharjah', 'tehran', 'damascus', 'baghdad', 'beirut', 'istanbul', 'ankara', 'minsk', 'kyiv', 'kiev', 'tashkent', 'almaty',
  'london', 'paris', 'berlin', 'singapore', 'delhi', 'mumbai', 'caracas', 'havana', 'pyongyang', 'seoul', 'tokyo',
];

/** Place words: a qualifier that a branch or subsidiary adds; they count little unless both sides disagree. */
export const LOCATIONS: Set<string> = (() => {
  const set = keys(LOCATION_WORDS);
  for (const label of Object.values(typeValues('country'))) {
    const words = foldLatin(label.toLowerCase()).split(/[^a-z]+/).filter((w) => w.length > 2);
    // Only single-word country names ("Russia", "Estonia"); multi-word ones add their distinctive words.
    for (const w of words) if (!['and', 'the', 'of', 'republic', 'islands', 'island', 'saint', 'state', 'states', 'united', 'new', 'great', 'democratic', 'people', 'peoples', 'occupied', 'federated', 'kingdom', 'union', 'former'].includes(w)) set.add(latinKey(w));
  }
  return set;
})();

/** Abbreviations of organisation words, as alternate keys (Int'l = International). */
export const ABBREVIATIONS: Record<string, string> = Object.fromEntries(
  [
    ['intl', 'international'], ['int', 'international'], ['corp', 'corporation'], ['co', 'company'], ['inc', 'incorporated'], ['mfg', 'manufacturing'],
    ['ind', 'industries'], ['inds', 'industries'], ['eng', 'engineering'], ['engg', 'engineering'], ['tech', 'technology'], ['svcs', 'services'],
    ['bros', 'brothers'], ['assn', 'association'], ['assoc', 'association'], ['natl', 'national'], ['dept', 'department'], ['mgmt', 'management'],
    ['grp', 'group'], ['hldgs', 'holdings'], ['invt', 'investment'], ['dev', 'development'], ['univ', 'university'], ['inst', 'institute'],
    ['ctr', 'center'], ['sci', 'scientific'], ['res', 'research'], ['prod', 'production'], ['elec', 'electric'], ['mach', 'machinery'],
  ].map(([a, b]) => [latinKey(a!), latinKey(b!)]),
);

/** Russian, Ukrainian and Turkic patronymic endings. */
const PATRONYMIC = /(ovich|evich|ovych|evych|vich|ovna|evna|ivna|ichna|inichna|oglu|ogly|kyzy|qizi|uly)$/;

export function isPatronymic(ascii: string): boolean {
  return ascii.length > 6 && PATRONYMIC.test(ascii);
}

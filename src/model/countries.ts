/**
 * Country names and codes to FtM country codes (ISO 3166-1 alpha-2, lower case, plus FtM's
 * extra territories such as `suhh`, `xk`, `ua-cri`). The table is FtM's own list of values,
 * plus the spellings the official lists use ("Korea, North", "Burma", "Iran (Islamic Republic of)").
 */
import { typeValues } from './schema.js';

const CODES = typeValues('country');

/** Spellings seen in OFAC, UN, UK and CSL files that FtM's labels do not cover. */
const ALIASES: Record<string, string> = {
  'russian federation': 'ru',
  'korea, north': 'kp',
  'north korea': 'kp',
  "democratic people's republic of korea": 'kp',
  'dprk': 'kp',
  "korea, democratic people's republic of": 'kp',
  'korea, south': 'kr',
  'south korea': 'kr',
  'republic of korea': 'kr',
  'korea, republic of': 'kr',
  'burma': 'mm',
  'iran (islamic republic of)': 'ir',
  'islamic republic of iran': 'ir',
  'syrian arab republic': 'sy',
  'palestinian': 'ps',
  'west bank': 'ps',
  'gaza': 'ps',
  'occupied palestinian territory': 'ps',
  'state of palestine': 'ps',
  'palestinian territories': 'ps',
  'united states': 'us',
  'united states of america': 'us',
  'usa': 'us',
  'us': 'us',
  'uk': 'gb',
  'united kingdom of great britain and northern ireland': 'gb',
  'great britain': 'gb',
  'britain': 'gb',
  'england': 'gb',
  'congo, democratic republic of the': 'cd',
  'democratic republic of the congo': 'cd',
  'congo (democratic republic)': 'cd',
  'drc': 'cd',
  'congo, republic of the': 'cg',
  'republic of the congo': 'cg',
  'congo': 'cg',
  'tanzania, united republic of': 'tz',
  'united republic of tanzania': 'tz',
  'venezuela (bolivarian republic of)': 've',
  'bolivia (plurinational state of)': 'bo',
  "lao people's democratic republic": 'la',
  'laos': 'la',
  'viet nam': 'vn',
  'vietnam': 'vn',
  'moldova, republic of': 'md',
  'republic of moldova': 'md',
  'macedonia': 'mk',
  'north macedonia, the republic of': 'mk',
  'the former yugoslav republic of macedonia': 'mk',
  'czech republic': 'cz',
  'czechia': 'cz',
  'turkey': 'tr',
  'türkiye': 'tr',
  'turkiye': 'tr',
  'ivory coast': 'ci',
  "cote d'ivoire": 'ci',
  "côte d'ivoire": 'ci',
  'cabo verde': 'cv',
  'cape verde': 'cv',
  'eswatini': 'sz',
  'swaziland': 'sz',
  'brunei darussalam': 'bn',
  'micronesia, federated states of': 'fm',
  'the bahamas': 'bs',
  'bahamas, the': 'bs',
  'gambia, the': 'gm',
  'the gambia': 'gm',
  // Dissolved in 2010; Curaçao is the successor that keeps most of its records.
  'netherlands antilles': 'cw',
  'serbia and montenegro': 'csxx',
  'yugoslavia': 'yucs',
  'soviet union': 'suhh',
  'former soviet union': 'suhh',
  'former ussr': 'suhh',
  'ussr': 'suhh',
  'kosovo': 'xk',
  'crimea': 'ua-cri',
  'region: crimea': 'ua-cri',
  'taiwan, province of china': 'tw',
  'hong kong': 'hk',
  'hong kong sar': 'hk',
  'china, hong kong special administrative region': 'hk',
  'macau': 'mo',
  'macao': 'mo',
  "china, people's republic of": 'cn',
  "people's republic of china": 'cn',
  'prc': 'cn',
  'holy see': 'va',
  'vatican': 'va',
  'saint kitts and nevis': 'kn',
  'st. kitts and nevis': 'kn',
  'saint vincent and the grenadines': 'vc',
  'st. vincent and the grenadines': 'vc',
  'saint lucia': 'lc',
  'st. lucia': 'lc',
  'british virgin islands': 'vg',
  'virgin islands, british': 'vg',
  'united arab emirates': 'ae',
  'uae': 'ae',
  'bosnia-herzegovina': 'ba',
  'bosnia & herzegovina': 'ba',
  'trinidad & tobago': 'tt',
  'antigua & barbuda': 'ag',
  'sao tome and principe': 'st',
  'timor-leste': 'tl',
  'east timor': 'tl',
  'libyan arab jamahiriya': 'ly',
  'curacao': 'cw',
  'curaçao': 'cw',
  'sint maarten': 'sx',
  'belarus': 'by',
  'byelorussia': 'by',
  'kyrgyz republic': 'kg',
  'kirghizia': 'kg',
  'slovak republic': 'sk',
  'the netherlands': 'nl',
  'holland': 'nl',
  'republic of ireland': 'ie',
  'undetermined': 'zz',
  'unknown': 'zz',
};

/** Nationalities written as adjectives, and historic names, as lists give them. */
const DEMONYMS: Record<string, string> = {
  afghan: 'af', afgan: 'af', afganistan: 'af', algerian: 'dz', bahraini: 'bh', belarusian: 'by', belarussian: 'by', belrus: 'by',
  british: 'gb', burundian: 'bi', chinese: 'cn', congolese: 'cd', egyptian: 'eg', filipino: 'ph', finnish: 'fi',
  french: 'fr', georgian: 'ge', german: 'de', indian: 'in', indonesian: 'id', iranian: 'ir', iraqi: 'iq',
  ivorian: 'ci', jordanian: 'jo', kuwaiti: 'kw', lebanese: 'lb', libyan: 'ly', malaysian: 'my', malian: 'ml',
  mauritanian: 'mr', moldovan: 'md', moldovian: 'md', moroccan: 'ma', nigerian: 'ng', 'north korean': 'kp', norwegian: 'no',
  pakistani: 'pk', palestinian: 'ps', qatari: 'qa', qatarian: 'qa', russian: 'ru', rwandan: 'rw', 'saudi arabian': 'sa',
  senegalese: 'sn', somali: 'so', sudanese: 'sd', sundan: 'sd', swedish: 'se', syrian: 'sy', tunisian: 'tn',
  turkish: 'tr', ugandan: 'ug', uzbek: 'uz', uzbekhistan: 'uz', yemeni: 'ye', ukrainian: 'ua', kazakh: 'kz',
  kyrgyz: 'kg', tajik: 'tj', turkmen: 'tm', azerbaijani: 'az', armenian: 'am', emirati: 'ae', emirian: 'ae', american: 'us',
  ethiopian: 'et', eritrean: 'er', kenyan: 'ke', chadian: 'td', bangladeshi: 'bd', 'sri lankan': 'lk', omani: 'om',
  venezuelan: 've', nicaraguan: 'ni', burmese: 'mm', myanmar: 'mm', korean: 'kp', cuban: 'cu', serbian: 'rs', bosnian: 'ba',
  'guinea bissau': 'gw', 'occupied palestinian territories': 'ps', 'sultanate of oman': 'om',
  'union of the comoros': 'km', 'repubic of moldova': 'md', rsfsr: 'ru', 'russian sfsr': 'ru',
  'russian soviet federative socialist republic': 'ru', 'former yugoslavia': 'yucs', 'former german democratic republic': 'de',
  palestine: 'ps', 'libyan arab jamahirya': 'ly', 'isle of man': 'im', 'st kitts and nevis': 'kn',
};

const NAME_TO_CODE = new Map<string, string>();
for (const [code, label] of Object.entries(CODES)) {
  NAME_TO_CODE.set(code, code);
  NAME_TO_CODE.set(label.toLowerCase(), code);
}
for (const [name, code] of Object.entries(ALIASES)) NAME_TO_CODE.set(name, code);
for (const [name, code] of Object.entries(DEMONYMS)) if (!NAME_TO_CODE.has(name)) NAME_TO_CODE.set(name, code);

const ISO3: Record<string, string> = {
  rus: 'ru', chn: 'cn', irn: 'ir', prk: 'kp', kor: 'kr', syr: 'sy', usa: 'us', gbr: 'gb', ukr: 'ua', blr: 'by',
  are: 'ae', tur: 'tr', ind: 'in', pak: 'pk', afg: 'af', irq: 'iq', lbn: 'lb', ven: 've', cub: 'cu', hkg: 'hk',
  deu: 'de', fra: 'fr', kaz: 'kz', kgz: 'kg', arm: 'am', aze: 'az', geo: 'ge', uzb: 'uz', tjk: 'tj', tkm: 'tm',
  mmr: 'mm', sdn: 'sd', yem: 'ye', lby: 'ly', som: 'so', mli: 'ml', cod: 'cd', caf: 'cf', ssd: 'ss', nic: 'ni',
};

function normaliseCountryText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[’`]/g, "'")
    .replace(/\s+/g, ' ')
    .replace(/^[\s.,;:]+|[\s.,;:]+$/g, '');
}

/**
 * The FtM country code for a name, a code, a nationality adjective or a historic name, or
 * undefined when it is not a country. Also reads the forms lists write: "Region: Gaza",
 * "Man, Isle of", "St. Kitts & Nevis", "Cote d Ivoire", "Ukrainian SSR (now Ukraine)".
 */
export function countryCode(text: string): string | undefined {
  const norm = normaliseCountryText(text);
  if (!norm || norm === 'n/a' || norm === 'none identified') return undefined;
  const direct = NAME_TO_CODE.get(norm) ?? (norm.length === 3 ? ISO3[norm] : undefined);
  if (direct) return direct;
  const now = norm.match(/\b(?:now|currently)\s+(?:the\s+)?([a-z][a-z .'-]+?)\)?$/);
  if (now && now[1] !== norm) {
    const c = countryCode(now[1]!);
    if (c) return c;
  }
  const variants = new Set<string>();
  const base = norm.replace(/^region:\s*/, '');
  for (const v of [base, base.replace(/\s*&\s*/g, ' and '), base.replace(/\bst\.?\s/g, 'saint '), base.replace(/\bd /g, "d'")]) {
    variants.add(v);
    const inv = v.match(/^([^,]+),\s*([^,]+)$/);
    if (inv) variants.add(`${inv[2]} ${inv[1]}`);
    variants.add(v.replace(/\s*\([^)]*\)\s*/g, ' ').trim());
    variants.add(
      v
        .replace(/\s*\([^)]*\)\s*/g, ' ')
        .replace(/\b(?:citizenship|national|nationality|possibly|autonomous|soviet socialist republic|ssr|ussr)\b/g, ' ')
        .replace(/\s+/g, ' ')
        .trim(),
    );
  }
  for (const v of variants) {
    const code = NAME_TO_CODE.get(v);
    if (code) return code;
  }
  return undefined;
}

/** The English label of an FtM country code. */
export function countryName(code: string): string | undefined {
  return CODES[code];
}

export function isCountryCode(code: string): boolean {
  return code in CODES;
}

/**
 * Reference values that trade records carry as codes or in Russian, beyond what the model's
 * country table knows:
 * - countries by Russian short name and by ISO 3166-1 numeric code (the EAEU country
 *   classifier, OKSM, uses the ISO numeric codes), for the countries trade records name most;
 * - currencies by ISO 4217 numeric code;
 * - transport modes by the EAEU classifier of transport types (Decision of the Customs Union
 *   Commission No. 378 of 20 September 2010: 10 sea, 20 rail, 30 road, 40 air, 50 post,
 *   71 pipeline, 72 power line, 80 inland waterway, 90 own power) and common English words;
 * - units by OKEI code (796 piece, 166 kilogram, 006 metre, 112 litre, 715 pair, 778 package,
 *   839 set) and Russian abbreviations.
 */
import { countryCode } from '../../model/index.js';

/** [iso2, numeric, Russian names…] */
const COUNTRIES: ReadonlyArray<readonly string[]> = [
  ['ru', '643', 'россия', 'российская федерация', 'рф'],
  ['cn', '156', 'китай', 'кнр', 'китайская народная республика'],
  ['hk', '344', 'гонконг', 'сянган'],
  ['mo', '446', 'макао', 'аомынь'],
  ['tw', '158', 'тайвань', 'тайвань (китай)'],
  ['by', '112', 'беларусь', 'белоруссия', 'республика беларусь'],
  ['kz', '398', 'казахстан', 'республика казахстан'],
  ['kg', '417', 'киргизия', 'кыргызстан', 'киргизская республика'],
  ['am', '051', 'армения', 'республика армения'],
  ['az', '031', 'азербайджан'],
  ['ge', '268', 'грузия'],
  ['uz', '860', 'узбекистан'],
  ['tj', '762', 'таджикистан'],
  ['tm', '795', 'туркмения', 'туркменистан'],
  ['md', '498', 'молдова', 'молдавия'],
  ['ua', '804', 'украина'],
  ['mn', '496', 'монголия'],
  ['tr', '792', 'турция'],
  ['ae', '784', 'оаэ', 'объединенные арабские эмираты'],
  ['ir', '364', 'иран', 'иран (исламская республика)'],
  ['iq', '368', 'ирак'],
  ['sy', '760', 'сирия', 'сирийская арабская республика'],
  ['il', '376', 'израиль'],
  ['sa', '682', 'саудовская аравия'],
  ['qa', '634', 'катар'],
  ['kw', '414', 'кувейт'],
  ['om', '512', 'оман'],
  ['bh', '048', 'бахрейн'],
  ['jo', '400', 'иордания'],
  ['lb', '422', 'ливан'],
  ['eg', '818', 'египет'],
  ['in', '356', 'индия'],
  ['pk', '586', 'пакистан'],
  ['af', '004', 'афганистан'],
  ['bd', '050', 'бангладеш'],
  ['lk', '144', 'шри-ланка'],
  ['kp', '408', 'кндр', 'корейская народно-демократическая республика', 'северная корея'],
  ['kr', '410', 'корея', 'республика корея', 'южная корея', 'корея, республика'],
  ['jp', '392', 'япония'],
  ['vn', '704', 'вьетнам'],
  ['th', '764', 'таиланд', 'тайланд'],
  ['my', '458', 'малайзия'],
  ['sg', '702', 'сингапур'],
  ['id', '360', 'индонезия'],
  ['ph', '608', 'филиппины'],
  ['mm', '104', 'мьянма'],
  ['kh', '116', 'камбоджа'],
  ['la', '418', 'лаос'],
  ['de', '276', 'германия'],
  ['fr', '250', 'франция'],
  ['it', '380', 'италия'],
  ['es', '724', 'испания'],
  ['pt', '620', 'португалия'],
  ['gb', '826', 'великобритания', 'соединенное королевство'],
  ['ie', '372', 'ирландия'],
  ['nl', '528', 'нидерланды', 'голландия'],
  ['be', '056', 'бельгия'],
  ['lu', '442', 'люксембург'],
  ['ch', '756', 'швейцария'],
  ['at', '040', 'австрия'],
  ['pl', '616', 'польша'],
  ['cz', '203', 'чехия', 'чешская республика'],
  ['sk', '703', 'словакия'],
  ['hu', '348', 'венгрия'],
  ['ro', '642', 'румыния'],
  ['bg', '100', 'болгария'],
  ['rs', '688', 'сербия'],
  ['hr', '191', 'хорватия'],
  ['si', '705', 'словения'],
  ['ba', '070', 'босния и герцеговина'],
  ['mk', '807', 'северная македония', 'македония'],
  ['al', '008', 'албания'],
  ['me', '499', 'черногория'],
  ['gr', '300', 'греция'],
  ['cy', '196', 'кипр'],
  ['mt', '470', 'мальта'],
  ['dk', '208', 'дания'],
  ['se', '752', 'швеция'],
  ['no', '578', 'норвегия'],
  ['fi', '246', 'финляндия'],
  ['is', '352', 'исландия'],
  ['ee', '233', 'эстония'],
  ['lv', '428', 'латвия'],
  ['lt', '440', 'литва'],
  ['us', '840', 'сша', 'соединенные штаты', 'соединенные штаты америки'],
  ['ca', '124', 'канада'],
  ['mx', '484', 'мексика'],
  ['br', '076', 'бразилия'],
  ['ar', '032', 'аргентина'],
  ['cl', '152', 'чили'],
  ['ve', '862', 'венесуэла'],
  ['cu', '192', 'куба'],
  ['au', '036', 'австралия'],
  ['nz', '554', 'новая зеландия'],
  ['za', '710', 'юар', 'южная африка', 'южно-африканская республика'],
  ['ng', '566', 'нигерия'],
  ['et', '231', 'эфиопия'],
  ['ke', '404', 'кения'],
  ['dz', '012', 'алжир'],
  ['ma', '504', 'марокко'],
  ['tn', '788', 'тунис'],
  ['ly', '434', 'ливия'],
  ['ye', '887', 'йемен'],
  ['sc', '690', 'сейшелы', 'сейшельские острова'],
  ['vg', '092', 'британские виргинские острова'],
  ['li', '438', 'лихтенштейн'],
  ['mc', '492', 'монако'],
];

const COUNTRY_BY_KEY = new Map<string, string>();
for (const [iso2, numeric, ...names] of COUNTRIES) {
  COUNTRY_BY_KEY.set(numeric!, iso2!);
  COUNTRY_BY_KEY.set(String(Number(numeric)), iso2!);
  for (const n of names) COUNTRY_BY_KEY.set(n, iso2!);
}

const normKey = (v: string) => v.normalize('NFKC').trim().toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ').replace(/[.]$/, '');

/** Lookups repeat row after row; their results are remembered (bounded: a full memo starts again). */
function memoised(fn: (raw: string) => string | undefined): (raw: string) => string | undefined {
  const memo = new Map<string, string | undefined>();
  return (raw) => {
    const hit = memo.get(raw);
    if (hit !== undefined || memo.has(raw)) return hit;
    const v = fn(raw);
    if (memo.size >= 20_000) memo.clear();
    memo.set(raw, v);
    return v;
  };
}

/** A country code from a name, ISO code (alpha-2, alpha-3, numeric) or Russian name; undefined when unknown. */
export const toCountry = memoised(countryOf);

function countryOf(raw: string): string | undefined {
  const key = normKey(raw);
  const known = COUNTRY_BY_KEY.get(key) ?? countryCode(raw);
  if (known) return known;
  // `CN - КИТАЙ`, `156 КИТАЙ`: a code followed by the name.
  const head = /^(?:([A-Z]{2,3})\s*[-–—:,]|(\d{1,3})\s*[-–—:,]?)\s*\S/.exec(raw.trim());
  if (!head) return undefined;
  return head[1] ? countryCode(head[1]) : COUNTRY_BY_KEY.get(String(Number(head[2])));
}

const CURRENCIES: Record<string, string> = {
  '840': 'USD', '978': 'EUR', '156': 'CNY', '643': 'RUB', '810': 'RUB', '826': 'GBP', '392': 'JPY', '756': 'CHF', '398': 'KZT',
  '933': 'BYN', '949': 'TRY', '784': 'AED', '344': 'HKD', '410': 'KRW', '356': 'INR', '051': 'AMD', '417': 'KGS', '860': 'UZS',
  '702': 'SGD', '764': 'THB', '458': 'MYR', '704': 'VND', '124': 'CAD', '036': 'AUD', '985': 'PLN', '203': 'CZK', '752': 'SEK',
  'доллар сша': 'USD', 'евро': 'EUR', 'юань': 'CNY', 'китайский юань': 'CNY', 'рубль': 'RUB', 'российский рубль': 'RUB',
  'руб': 'RUB', '$': 'USD', '€': 'EUR', '¥': 'CNY', 'rmb': 'CNY',
};

/** An ISO 4217 alpha code from an alpha or numeric code or a common name; other text as given. */
export const toCurrency = memoised(currencyOf) as (raw: string) => string;

function currencyOf(raw: string): string {
  const key = normKey(raw);
  const known = CURRENCIES[key] ?? CURRENCIES[String(Number(key))] ?? CURRENCIES[key.padStart(3, '0')];
  if (known) return known;
  return /^[a-z]{3}$/.test(key) ? key.toUpperCase() : raw.trim();
}

const TRANSPORT: Record<string, string> = {
  '10': 'sea', '20': 'rail', '30': 'road', '31': 'road', '32': 'road', '40': 'air', '50': 'post', '71': 'pipeline', '72': 'power line', '80': 'inland waterway', '90': 'own power',
  air: 'air', 'air freight': 'air', 'air cargo': 'air', plane: 'air', flight: 'air', aircraft: 'air',
  sea: 'sea', ocean: 'sea', maritime: 'sea', vessel: 'sea', ship: 'sea', 'sea freight': 'sea',
  road: 'road', truck: 'road', lorry: 'road', auto: 'road', car: 'road',
  rail: 'rail', railway: 'rail', train: 'rail',
  post: 'post', postal: 'post', mail: 'post', courier: 'post', express: 'post',
  'воздушный': 'air', 'авиа': 'air', 'авиатранспорт': 'air', 'воздушный транспорт': 'air',
  'морской': 'sea', 'морской транспорт': 'sea',
  'автомобильный': 'road', 'автодорожный': 'road', 'авто': 'road', 'автомобильный транспорт': 'road',
  'железнодорожный': 'rail', 'жд': 'rail', 'ж/д': 'rail', 'железнодорожный транспорт': 'rail',
  'почта': 'post', 'почтовый': 'post', 'почтовое отправление': 'post',
};

/** A transport mode word (air, sea, road, rail, post, …) from a code or a word; other text lower-cased. */
export const toTransportMode = memoised(transportOf) as (raw: string) => string;

function transportOf(raw: string): string {
  const key = normKey(raw);
  return TRANSPORT[key] ?? TRANSPORT[key.split(/[\s,(-]/)[0] ?? ''] ?? key;
}

const UNITS: Record<string, string> = {
  '796': 'pcs', 'шт': 'pcs', 'шт.': 'pcs', 'штука': 'pcs', 'штук': 'pcs', pcs: 'pcs', pc: 'pcs', piece: 'pcs', pieces: 'pcs', ea: 'pcs', each: 'pcs', units: 'pcs', unit: 'pcs',
  '166': 'kg', 'кг': 'kg', 'килограмм': 'kg', kg: 'kg', kgs: 'kg',
  '006': 'm', 'м': 'm', 'метр': 'm', m: 'm',
  '112': 'l', 'л': 'l', 'литр': 'l', l: 'l',
  '715': 'pairs', 'пар': 'pairs', 'пара': 'pairs', pairs: 'pairs', pair: 'pairs',
  '778': 'packages', 'упак': 'packages', 'упаковка': 'packages',
  '839': 'sets', 'компл': 'sets', 'комплект': 'sets', set: 'sets', sets: 'sets',
};

/** A unit of quantity, normalised for the common ones (pcs, kg, m, l, pairs, packages, sets). */
export const toUnit = memoised(unitOf) as (raw: string) => string;

function unitOf(raw: string): string {
  const key = normKey(raw);
  return UNITS[key] ?? UNITS[key.replace(/\.$/, '')] ?? raw.trim();
}

/** Cell values that mean "nothing here" in trade and registry exports. */
export const DEFAULT_NULLS: readonly string[] = [
  '-', '--', '—', '–', 'n/a', 'na', 'n.a.', 'null', 'nil', '#n/a', '-0-', 'unknown', 'not available',
  'нет', 'нет данных', 'неизвестно', 'неизвестна', 'неизвестен', 'отсутствует', 'не указано', 'не указан', 'не обозначен',
];

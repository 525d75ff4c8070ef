/**
 * Countries and cities the synthetic world uses: names as the files write them, airports for
 * travel, Russian tax-office and postal prefixes, Chinese administrative division codes (GB/T 2260)
 * for identifiers, and the country groups the planted patterns rely on. Real places only; every
 * company and person placed in them is fictional.
 */

export interface City {
  /** Latin name. */
  name: string;
  /** Name in the country's script where it is not Latin (Cyrillic, Chinese). */
  local?: string;
  country: string;
  airport: string;
  /** Russia/Belarus/Kazakhstan/Kyrgyzstan: 4-digit tax office (region + office) for INN/OGRN. */
  taxOffice?: string;
  /** Postal-code prefix. */
  postal?: string;
  /** China: 6-digit administrative division code of the registering authority. */
  division?: string;
  /** China: district names (Chinese, pinyin). */
  districts?: ReadonlyArray<readonly [string, string]>;
}

export interface Country {
  code: string;
  /** English name as the trade and travel files write it (countryCode() maps it back). */
  name: string;
  currency: string;
  cities: City[];
}

type CityRow = readonly [name: string, airport: string, local?: string, extra?: Partial<City>];

function country(code: string, name: string, currency: string, rows: readonly CityRow[]): Country {
  return { code, name, currency, cities: rows.map(([n, airport, local, extra]) => ({ name: n, airport, country: code, ...(local ? { local } : {}), ...(extra ?? {}) })) };
}

const CN_DISTRICTS: Record<string, ReadonlyArray<readonly [string, string]>> = {
  Shenzhen: [['南山区', 'Nanshan District'], ['宝安区', "Bao'an District"], ['龙岗区', 'Longgang District'], ['福田区', 'Futian District']],
  Guangzhou: [['天河区', 'Tianhe District'], ['番禺区', 'Panyu District'], ['黄埔区', 'Huangpu District']],
  Shanghai: [['浦东新区', 'Pudong New Area'], ['闵行区', 'Minhang District'], ['嘉定区', 'Jiading District']],
  Beijing: [['海淀区', 'Haidian District'], ['朝阳区', 'Chaoyang District'], ['昌平区', 'Changping District']],
  Hangzhou: [['滨江区', 'Binjiang District'], ['余杭区', 'Yuhang District']],
  Chengdu: [['高新区', 'Gaoxin District'], ['武侯区', 'Wuhou District']],
  "Xi'an": [['雁塔区', 'Yanta District'], ['未央区', 'Weiyang District']],
  Wuhan: [['洪山区', 'Hongshan District'], ['江夏区', 'Jiangxia District']],
  Ningbo: [['鄞州区', 'Yinzhou District'], ['北仑区', 'Beilun District']],
  Xiamen: [['湖里区', 'Huli District'], ['思明区', 'Siming District']],
  Nanjing: [['江宁区', 'Jiangning District'], ['鼓楼区', 'Gulou District']],
};

const cn = (name: string, airport: string, local: string, division: string): CityRow => [name, airport, local, { division, districts: CN_DISTRICTS[name] ?? [] }];
const ru = (name: string, airport: string, local: string, taxOffice: string, postal: string): CityRow => [name, airport, local, { taxOffice, postal }];

export const COUNTRIES: readonly Country[] = [
  country('ru', 'Russia', 'RUB', [
    ru('Moscow', 'SVO', 'Москва', '7714', '1'), ru('Saint Petersburg', 'LED', 'Санкт-Петербург', '7810', '19'),
    ru('Kazan', 'KZN', 'Казань', '1655', '420'), ru('Yekaterinburg', 'SVX', 'Екатеринбург', '6658', '620'),
    ru('Novosibirsk', 'OVB', 'Новосибирск', '5405', '630'), ru('Samara', 'KUF', 'Самара', '6316', '443'),
    ru('Ufa', 'UFA', 'Уфа', '0274', '450'), ru('Perm', 'PEE', 'Пермь', '5904', '614'),
    ru('Nizhny Novgorod', 'GOJ', 'Нижний Новгород', '5260', '603'), ru('Izhevsk', 'IJK', 'Ижевск', '1831', '426'),
    ru('Chelyabinsk', 'CEK', 'Челябинск', '7451', '454'), ru('Voronezh', 'VOZ', 'Воронеж', '3664', '394'),
    ru('Rostov-on-Don', 'ROV', 'Ростов-на-Дону', '6164', '344'), ru('Krasnodar', 'KRR', 'Краснодар', '2310', '350'),
    ru('Omsk', 'OMS', 'Омск', '5503', '644'), ru('Tomsk', 'TOF', 'Томск', '7017', '634'),
  ]),
  country('by', 'Belarus', 'BYN', [
    ['Minsk', 'MSQ', 'Минск', { postal: '220' }], ['Gomel', 'GME', 'Гомель', { postal: '246' }], ['Brest', 'BQT', 'Брест', { postal: '224' }], ['Vitebsk', 'VTB', 'Витебск', { postal: '210' }],
  ]),
  country('cn', 'China', 'CNY', [
    cn('Shenzhen', 'SZX', '深圳', '440300'), cn('Guangzhou', 'CAN', '广州', '440100'), cn('Shanghai', 'PVG', '上海', '310115'),
    cn('Beijing', 'PEK', '北京', '110108'), cn('Hangzhou', 'HGH', '杭州', '330100'), cn('Chengdu', 'CTU', '成都', '510100'),
    cn("Xi'an", 'XIY', '西安', '610100'), cn('Wuhan', 'WUH', '武汉', '420100'), cn('Ningbo', 'NGB', '宁波', '330200'),
    cn('Xiamen', 'XMN', '厦门', '350200'), cn('Nanjing', 'NKG', '南京', '320100'),
  ]),
  country('hk', 'Hong Kong', 'HKD', [['Hong Kong', 'HKG', '香港']]),
  country('am', 'Armenia', 'AMD', [['Yerevan', 'EVN'], ['Gyumri', 'LWN']]),
  country('kz', 'Kazakhstan', 'KZT', [['Almaty', 'ALA', 'Алматы', { taxOffice: '6001', postal: '050' }], ['Astana', 'NQZ', 'Астана', { taxOffice: '6201', postal: '010' }], ['Shymkent', 'CIT', 'Шымкент', { taxOffice: '5801', postal: '160' }]]),
  country('kg', 'Kyrgyzstan', 'KGS', [['Bishkek', 'FRU', 'Бишкек', { postal: '720' }], ['Osh', 'OSS', 'Ош', { postal: '723' }]]),
  country('ae', 'United Arab Emirates', 'AED', [['Dubai', 'DXB'], ['Sharjah', 'SHJ'], ['Abu Dhabi', 'AUH']]),
  country('tr', 'Türkiye', 'TRY', [['Istanbul', 'IST'], ['Ankara', 'ESB'], ['Izmir', 'ADB']]),
  country('tw', 'Taiwan', 'TWD', [['Taipei', 'TPE'], ['Taichung', 'RMQ'], ['Kaohsiung', 'KHH']]),
  country('kr', 'South Korea', 'KRW', [['Seoul', 'ICN'], ['Busan', 'PUS']]),
  country('jp', 'Japan', 'JPY', [['Tokyo', 'NRT'], ['Osaka', 'KIX'], ['Nagoya', 'NGO']]),
  country('de', 'Germany', 'EUR', [['Munich', 'MUC'], ['Stuttgart', 'STR'], ['Hamburg', 'HAM'], ['Frankfurt', 'FRA']]),
  country('us', 'United States', 'USD', [['San Jose', 'SJC'], ['Austin', 'AUS'], ['Boston', 'BOS'], ['Chicago', 'ORD']]),
  country('gb', 'United Kingdom', 'GBP', [['London', 'LHR'], ['Manchester', 'MAN']]),
  country('fr', 'France', 'EUR', [['Paris', 'CDG'], ['Lyon', 'LYS']]),
  country('it', 'Italy', 'EUR', [['Milan', 'MXP'], ['Turin', 'TRN']]),
  country('nl', 'Netherlands', 'EUR', [['Eindhoven', 'EIN'], ['Rotterdam', 'RTM']]),
  country('pl', 'Poland', 'PLN', [['Warsaw', 'WAW'], ['Gdansk', 'GDN']]),
  country('fi', 'Finland', 'EUR', [['Helsinki', 'HEL']]),
  country('ch', 'Switzerland', 'CHF', [['Zurich', 'ZRH']]),
  country('sg', 'Singapore', 'SGD', [['Singapore', 'SIN']]),
  country('au', 'Australia', 'AUD', [['Sydney', 'SYD']]),
  country('ca', 'Canada', 'CAD', [['Toronto', 'YYZ']]),
  country('in', 'India', 'INR', [['Mumbai', 'BOM'], ['Bengaluru', 'BLR']]),
  country('vn', 'Vietnam', 'VND', [['Hanoi', 'HAN'], ['Ho Chi Minh City', 'SGN']]),
  country('my', 'Malaysia', 'MYR', [['Kuala Lumpur', 'KUL'], ['Penang', 'PEN']]),
  country('th', 'Thailand', 'THB', [['Bangkok', 'BKK']]),
  country('uz', 'Uzbekistan', 'UZS', [['Tashkent', 'TAS', 'Ташкент']]),
  country('ge', 'Georgia', 'GEL', [['Tbilisi', 'TBS']]),
  country('rs', 'Serbia', 'RSD', [['Belgrade', 'BEG']]),
  country('il', 'Israel', 'ILS', [['Tel Aviv', 'TLV']]),
];

const BY_CODE = new Map(COUNTRIES.map((c) => [c.code, c]));

export function countryOf(code: string): Country {
  const c = BY_CODE.get(code);
  if (!c) throw new Error(`no such country in the synthetic world: ${code}`);
  return c;
}

export const countryName = (code: string): string => countryOf(code).name;

/** Destinations of the end users the patterns deliver to (sanctioned economies). */
export const RESTRICTED = ['ru', 'by'] as const;
/** Third countries of high diversion risk (BIS/FinCEN transshipment alerts) the patterns route through. */
export const DIVERSION = ['am', 'kz', 'kg', 'ae', 'tr', 'hk'] as const;
/** Destinations where controlled goods raise no flag; background CHPL and drone goods go only here. */
export const ALLOWED = ['de', 'fr', 'it', 'nl', 'pl', 'fi', 'gb', 'us', 'jp', 'kr', 'tw', 'sg', 'ch', 'au', 'ca'] as const;
/** Countries whose makers supply the controlled goods. */
export const MAKER_COUNTRIES = ['cn', 'tw', 'kr', 'jp', 'de', 'us', 'fr', 'it', 'nl', 'gb', 'ch', 'fi', 'sg'] as const;

export const isRestricted = (code: string): boolean => (RESTRICTED as readonly string[]).includes(code);
export const isDiversion = (code: string): boolean => (DIVERSION as readonly string[]).includes(code);
export const isAllowed = (code: string): boolean => (ALLOWED as readonly string[]).includes(code);

/** Exchange rates (units per USD) by year; rough annual averages, good enough for plausible values. */
const RATES: Record<string, number | Record<number, number>> = {
  USD: 1, EUR: 0.92, CNY: 7.0, AED: 3.6725, HKD: 7.8, GBP: 0.8, JPY: 135, CHF: 0.9,
  RUB: { 2021: 73.7, 2022: 68.5, 2023: 85.2, 2024: 92.6, 2025: 88.0 },
  TRY: { 2021: 8.9, 2022: 16.6, 2023: 23.8, 2024: 32.8, 2025: 38.5 },
};

export function usdRate(currency: string, year: number): number {
  const r = RATES[currency];
  if (r === undefined) return 1;
  return typeof r === 'number' ? r : (r[year] ?? r[2025]!);
}

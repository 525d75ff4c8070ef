/**
 * Fictional names of companies and people in English, Russian (Cyrillic, with Latin
 * transliteration and ООО/АО legal forms) and Chinese (有限公司, with pinyin), assembled from
 * coined syllables and generic words, so that no record names a real firm. Words that would spell
 * well-known real names (see REAL_NAME_PARTS) are refused.
 */
import type { Rng } from './prng.js';
import type { City } from './places.js';

export type Sector =
  | 'uav' | 'electronics' | 'rf' | 'optics' | 'power' | 'computing' | 'bearings' | 'machine-tools' | 'instruments' | 'semicap'
  | 'trading' | 'logistics' | 'customs' | 'services'
  | 'food' | 'apparel' | 'furniture' | 'household' | 'pharma' | 'toys' | 'auto' | 'plastics' | 'steel';

export interface CompanyName {
  /** As Latin-script columns write it (trade.csv, ownership.csv…). */
  name: string;
  /** English form (list entries, English invoices). */
  nameEn: string;
  /** Cyrillic or Chinese form. */
  local?: string;
  /** Transliteration of `local` (Russian) or its full pinyin (Chinese). */
  localLatin?: string;
  legalForm: string;
  /** The coined distinctive word, in Latin (pinyin for Chinese names). */
  stem: string;
  /** What `companyName({stem})` takes to build a look-alike: the Cyrillic stem, `汉字|Pinyin`, or the Latin stem. */
  stemKey: string;
}

export interface PersonName {
  /** Latin: "Given Patronymic Family" (Russian), "Family Given" (Chinese), "Given Family". */
  name: string;
  /** Cyrillic "Family Given Patronymic" or Chinese characters. */
  local?: string;
  firstName: string;
  lastName: string;
  middleName?: string;
  gender: 'male' | 'female';
  style: 'ru' | 'zh' | 'en';
}

/** Russian → Latin, a simplified BGN/PCGN romanisation (ё→e, й→y, ъ/ь dropped). */
const RU_LATIN: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o',
  п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
};

export function translitRu(text: string): string {
  let out = '';
  for (const ch of text) {
    const lower = ch.toLowerCase();
    const t = RU_LATIN[lower];
    if (t === undefined) {
      out += ch === '«' || ch === '»' ? '"' : ch;
    } else if (ch !== lower && t.length > 0) {
      out += t[0]!.toUpperCase() + t.slice(1);
    } else {
      out += t;
    }
  }
  return out;
}

/**
 * Parts of well-known real names (lower-case, Latin and local) that no generated name may
 * contain: as a word, or (marked `*`) as the start of a word; Chinese ones anywhere.
 */
export const REAL_NAME_PARTS = [
  'dji', 'dajiang*', 'autel*', 'daotong*', 'kupol*', 'купол*', 'vektor*', 'вектор*', 'vector', 'huawei*', 'hikvision*', 'dahua*', 'zte', 'xag', 'ehang*',
  'xiaomi*', 'lenovo*', 'rostec*', 'ростех*', 'almaz*', 'алмаз*', 'kalashnikov*', 'zala', 'орлан*', 'orlan*', 'sukhoi*', 'tupolev*', 'ilyushin*', 'sber*',
  'gazprom*', 'rosneft*', 'lukoil*', 'siemens*', 'bosch*', 'intel', 'nvidia*', 'samsung*', 'sony', 'murata*', 'kemet*', 'vishay*', 'infineon*', 'xilinx*',
  'hobbywing*', 'tmotor*', 'garmin*', 'ublox*', 'u-blox', 'geran*', 'shahed*', 'lancet*', 'ланцет*', 'yandex*', 'kaspersky*', 'tencent*', 'alibaba*',
  'haitian*', '海天', '华为', '大疆', '道通', '海康', '大华', '中兴', '小米', '联想', '腾讯', '阿里',
];

const CJK = /[\u3400-\u9fff]/;
const REAL_CJK = REAL_NAME_PARTS.filter((e) => CJK.test(e));
const REAL_WORDS = new Set(REAL_NAME_PARTS.filter((e) => !CJK.test(e)).map((e) => e.replace(/[^\p{L}\p{N}]/gu, '')));
const REAL_PREFIXES = REAL_NAME_PARTS.filter((e) => e.endsWith('*')).map((e) => e.replace(/[^\p{L}\p{N}]/gu, ''));

/** True when a word of `text` is a real name part, or starts with a `*` one (Chinese parts: anywhere). */
export function hasRealPart(text: string): boolean {
  const lower = text.toLowerCase();
  if (REAL_CJK.some((p) => lower.includes(p))) return true;
  const words = lower.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  if (words.some((w) => REAL_WORDS.has(w) || REAL_PREFIXES.some((p) => w.startsWith(p)))) return true;
  const joined = words.join('');
  return REAL_PREFIXES.some((p) => joined.includes(p));
}

// ---- coined stems -----------------------------------------------------------------------------

const RU_HEAD = ['Вел', 'Кар', 'Мир', 'Тор', 'Лер', 'Бор', 'Дан', 'Рен', 'Зор', 'Нел', 'Фал', 'Гар', 'Вин', 'Сол', 'Тал', 'Кром', 'Стан', 'Брен', 'Дель', 'Нор', 'Рад', 'Сев', 'Тер', 'Юн', 'Алт', 'Гран', 'Крис', 'Ольд', 'Пер', 'Жел'];
const RU_TAIL = ['трон', 'вик', 'лит', 'зар', 'мекс', 'дор', 'кан', 'сет', 'рис', 'вел', 'тан', 'лекс', 'март', 'ком', 'сиб', 'ника', 'ион', 'ат', 'ен', 'ос', 'ард', 'ис'];

const LAT_HEAD = ['Ash', 'Bram', 'Cor', 'Dun', 'Elm', 'Fen', 'Gil', 'Har', 'Ives', 'Kest', 'Lyn', 'Mar', 'Nor', 'Oak', 'Pell', 'Quill', 'Rav', 'Sel', 'Thorn', 'Wex', 'Brin', 'Cal', 'Dor', 'Fal', 'Hal', 'Jas', 'Kel', 'Lor', 'Mor', 'Tal', 'Vel', 'Zan'];
const LAT_TAIL = ['vex', 'ora', 'lyn', 'mere', 'wick', 'stone', 'ven', 'ric', 'dale', 'holt', 'ley', 'worth', 'mark', 'tek', 'tron', 'ix', 'ant', 'is', 'on', 'ara', 'enza', 'oth'];

/** Chinese trade-name characters with their pinyin. */
const ZH_TRADE: ReadonlyArray<readonly [string, string]> = [
  ['华', 'hua'], ['翎', 'ling'], ['鑫', 'xin'], ['瑞', 'rui'], ['博', 'bo'], ['宇', 'yu'], ['锐', 'rui'], ['航', 'hang'], ['星', 'xing'], ['恒', 'heng'],
  ['泰', 'tai'], ['天', 'tian'], ['腾', 'teng'], ['凯', 'kai'], ['远', 'yuan'], ['德', 'de'], ['晟', 'sheng'], ['嘉', 'jia'], ['峰', 'feng'], ['安', 'an'],
  ['创', 'chuang'], ['达', 'da'], ['源', 'yuan'], ['宏', 'hong'], ['润', 'run'], ['智', 'zhi'], ['隆', 'long'], ['盛', 'sheng'], ['祥', 'xiang'], ['益', 'yi'],
  ['明', 'ming'], ['捷', 'jie'], ['骏', 'jun'], ['昊', 'hao'], ['蓝', 'lan'], ['朗', 'lang'], ['辰', 'chen'], ['拓', 'tuo'], ['澜', 'lan'], ['翼', 'yi'],
];

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A coined stem; `long` adds a middle syllable, for when the two-syllable space runs short. */
function ruStem(rng: Rng, long = false): string {
  return rng.pick(RU_HEAD) + (long ? rng.pick(['а', 'о', 'и', 'е']) + rng.pick(RU_TAIL).replace(/^[аеиоу]/, '') : '') + rng.pick(RU_TAIL);
}

function latStem(rng: Rng, long = false): string {
  return rng.pick(LAT_HEAD) + (long ? rng.pick(['a', 'o', 'i', 'e']) + rng.pick(LAT_TAIL).replace(/^[aeiou]/, '') : '') + rng.pick(LAT_TAIL);
}

function zhTrade(rng: Rng, long = false): { zh: string; pinyin: string } {
  const parts = rng.sample(ZH_TRADE, long ? 3 : 2);
  return { zh: parts.map((p) => p[0]).join(''), pinyin: cap(parts.map((p) => p[1]).join('')) };
}

// ---- sector words ------------------------------------------------------------------------------

/** Russian sector words: Cyrillic, English, joined to the stem with a hyphen (short ones) or a space. */
const RU_SECTOR: Record<Sector, ReadonlyArray<readonly [string, string, '-' | ' ']>> = {
  uav: [['Аэро', 'Aero', '-'], ['Авиасистемы', 'Aviation Systems', ' '], ['Беспилотные системы', 'Unmanned Systems', ' ']],
  electronics: [['Электроника', 'Electronics', ' '], ['Микросистемы', 'Microsystems', ' '], ['Компонент', 'Component', ' ']],
  rf: [['Радиосвязь', 'Radio Communications', ' '], ['Телеком', 'Telecom', '-']],
  optics: [['Оптика', 'Optics', ' '], ['Фотоника', 'Photonics', ' ']],
  power: [['Энергосистемы', 'Power Systems', ' '], ['Электропривод', 'Electric Drives', ' ']],
  computing: [['Вычислительные системы', 'Computing Systems', ' '], ['Софт', 'Soft', '-']],
  bearings: [['Подшипник', 'Bearing', ' ']],
  'machine-tools': [['Станкосервис', 'Machine Tool Service', ' '], ['Станкомаш', 'Machine Tools', ' ']],
  instruments: [['Приборы', 'Instruments', ' '], ['Инжиниринг', 'Engineering', ' '], ['Измерительные системы', 'Measuring Systems', ' ']],
  semicap: [['Микротех', 'Microtech', '-']],
  trading: [['Трейд', 'Trade', '-'], ['Снабжение', 'Supply', ' '], ['Импорт', 'Import', '-'], ['Комплект', 'Procurement', ' ']],
  logistics: [['Логистик', 'Logistics', ' '], ['Транс', 'Trans', '-'], ['Экспедиция', 'Forwarding', ' ']],
  customs: [['Брокер', 'Customs Broker', ' '], ['Таможенный консалтинг', 'Customs Consulting', ' ']],
  services: [['Консалт', 'Consulting', '-'], ['Сервис', 'Service', '-']],
  food: [['Продукт', 'Foods', ' '], ['Агро', 'Agro', '-']],
  apparel: [['Текстиль', 'Textile', ' '], ['Стиль', 'Style', '-']],
  furniture: [['Мебель', 'Furniture', ' ']],
  household: [['Бытовая техника', 'Home Appliances', ' ']],
  pharma: [['Фарм', 'Pharm', '-']],
  toys: [['Игрушка', 'Toys', ' ']],
  auto: [['Автокомпонент', 'Auto Components', ' '], ['Авто', 'Auto', '-']],
  plastics: [['Полимер', 'Polymer', ' ']],
  steel: [['Металл', 'Metal', '-'], ['Металлоконструкция', 'Steel Structures', ' ']],
};

/** Chinese sector words: characters, pinyin, English. */
const ZH_SECTOR: Record<Sector, ReadonlyArray<readonly [string, string, string]>> = {
  uav: [['航空科技', 'Hangkong Keji', 'Aviation Technology'], ['无人机', 'Wurenji', 'UAV'], ['智能飞行器', 'Zhineng Feixingqi', 'Intelligent Aircraft']],
  electronics: [['电子科技', 'Dianzi Keji', 'Electronic Technology'], ['微电子', 'Weidianzi', 'Microelectronics'], ['电子元器件', 'Dianzi Yuanqijian', 'Electronic Components']],
  rf: [['通信技术', 'Tongxin Jishu', 'Communication Technology'], ['导航科技', 'Daohang Keji', 'Navigation Technology']],
  optics: [['光电', 'Guangdian', 'Optoelectronics'], ['光学仪器', 'Guangxue Yiqi', 'Optical Instruments']],
  power: [['动力科技', 'Dongli Keji', 'Power Technology'], ['电池', 'Dianchi', 'Battery'], ['电机', 'Dianji', 'Motor']],
  computing: [['计算机', 'Jisuanji', 'Computer'], ['智能科技', 'Zhineng Keji', 'Intelligent Technology']],
  bearings: [['轴承', 'Zhoucheng', 'Bearing']],
  'machine-tools': [['数控机床', 'Shukong Jichuang', 'CNC Machine Tool'], ['精密机械', 'Jingmi Jixie', 'Precision Machinery']],
  instruments: [['仪器仪表', 'Yiqi Yibiao', 'Instruments'], ['测控技术', 'Cekong Jishu', 'Measurement and Control Technology']],
  semicap: [['半导体设备', 'Bandaoti Shebei', 'Semiconductor Equipment']],
  trading: [['贸易', 'Maoyi', 'Trading'], ['进出口', 'Jinchukou', 'Import and Export'], ['供应链管理', 'Gongyinglian Guanli', 'Supply Chain Management']],
  logistics: [['物流', 'Wuliu', 'Logistics'], ['国际货运代理', 'Guoji Huoyun Daili', 'International Freight Forwarding']],
  customs: [['报关', 'Baoguan', 'Customs Brokerage']],
  services: [['咨询', 'Zixun', 'Consulting'], ['商务服务', 'Shangwu Fuwu', 'Business Services']],
  food: [['食品', 'Shipin', 'Food']],
  apparel: [['服饰', 'Fushi', 'Apparel'], ['纺织', 'Fangzhi', 'Textile']],
  furniture: [['家具', 'Jiaju', 'Furniture']],
  household: [['电器', 'Dianqi', 'Electric Appliances']],
  pharma: [['医药', 'Yiyao', 'Pharmaceutical']],
  toys: [['玩具', 'Wanju', 'Toys']],
  auto: [['汽车配件', 'Qiche Peijian', 'Auto Parts']],
  plastics: [['塑料制品', 'Suliao Zhipin', 'Plastic Products']],
  steel: [['钢结构', 'Gangjiegou', 'Steel Structure']],
};

const EN_SECTOR: Record<Sector, readonly string[]> = {
  uav: ['Aerotech', 'Unmanned Systems', 'Aerial Robotics', 'Flight Systems'],
  electronics: ['Electronics', 'Semiconductor', 'Components', 'Microdevices'],
  rf: ['Wireless', 'Radio Systems', 'Navigation', 'Telecom'],
  optics: ['Optics', 'Imaging', 'Photonics', 'Vision Systems'],
  power: ['Power Systems', 'Motion', 'Energy Cells', 'Drives'],
  computing: ['Computing', 'Embedded Systems', 'Data Systems'],
  bearings: ['Bearings', 'Precision Bearings'],
  'machine-tools': ['Machine Tools', 'Machining', 'Precision Machinery'],
  instruments: ['Instruments', 'Test Systems', 'Metrology'],
  semicap: ['Wafer Systems', 'Semiconductor Equipment'],
  trading: ['Trading', 'General Trading', 'Supply', 'Commerce'],
  logistics: ['Logistics', 'Freight', 'Shipping', 'Cargo'],
  customs: ['Customs Services', 'Clearance'],
  services: ['Consulting', 'Partners', 'Advisory', 'Events'],
  food: ['Foods', 'Provisions', 'Harvest'],
  apparel: ['Apparel', 'Textiles', 'Garments'],
  furniture: ['Furniture', 'Interiors'],
  household: ['Appliances', 'Home Goods'],
  pharma: ['Pharma', 'Life Sciences'],
  toys: ['Toys', 'Playthings'],
  auto: ['Auto Parts', 'Automotive'],
  plastics: ['Plastics', 'Polymers'],
  steel: ['Steel', 'Metalworks'],
};

const TR_SECTOR: Partial<Record<Sector, string>> = {
  trading: 'Dış Ticaret', electronics: 'Elektronik', logistics: 'Lojistik', 'machine-tools': 'Makine', food: 'Gıda', apparel: 'Tekstil',
  furniture: 'Mobilya', auto: 'Otomotiv', household: 'Ev Aletleri', steel: 'Metal', plastics: 'Plastik', services: 'Danışmanlık', customs: 'Gümrük Müşavirliği',
};

const LEGAL_FORM: Record<string, readonly string[]> = {
  de: ['GmbH'], us: ['Inc.', 'LLC', 'Corp.'], gb: ['Ltd'], jp: ['Co., Ltd.', 'K.K.'], kr: ['Co., Ltd.'], tw: ['Co., Ltd.', 'Corp.'], fr: ['SAS'],
  it: ['S.r.l.'], nl: ['B.V.'], pl: ['Sp. z o.o.'], fi: ['Oy'], ch: ['AG'], sg: ['Pte. Ltd.'], au: ['Pty Ltd'], ca: ['Inc.'], in: ['Pvt. Ltd.'],
  vn: ['Co., Ltd.'], my: ['Sdn. Bhd.'], th: ['Co., Ltd.'], uz: ['LLC'], ge: ['LLC'], rs: ['d.o.o.'], il: ['Ltd'], am: ['LLC', 'CJSC'],
};

// ---- companies -------------------------------------------------------------------------------

/** Cyrillic legal forms: [abbreviation, transliteration, English form]. */
const RU_FORMS: Record<string, ReadonlyArray<readonly [string, string, string]>> = {
  ru: [['ООО', 'OOO', 'LLC'], ['ООО', 'OOO', 'LLC'], ['ООО', 'OOO', 'LLC'], ['АО', 'AO', 'JSC']],
  by: [['ООО', 'OOO', 'LLC'], ['ОАО', 'OAO', 'OJSC']],
  kz: [['ТОО', 'TOO', 'LLP']],
  kg: [['ОсОО', 'OsOO', 'LLC']],
};

export interface CompanyNameOptions {
  country: string;
  sector: Sector;
  city: City;
  /** Force this stem (a `stemKey`) instead of drawing one: for look-alike decoys. */
  stem?: string;
  /** Draw three-syllable stems. */
  long?: boolean;
}

export function companyName(rng: Rng, opts: CompanyNameOptions): CompanyName {
  const { country, sector, city } = opts;
  if (RU_FORMS[country]) {
    const stemCyr = opts.stem ?? ruStem(rng, opts.long);
    const [sw, swEn, join] = rng.pick(RU_SECTOR[sector]);
    const [form, formLat, formEn] = rng.pick(RU_FORMS[country]!);
    const trade = `${stemCyr}${join}${sw}`;
    const tradeLat = translitRu(trade);
    const stem = translitRu(stemCyr);
    const local = `${form} «${trade}»`;
    const name = `${formLat} ${tradeLat}`;
    return { name, nameEn: `${stem}${join}${swEn} ${formEn}`, local, localLatin: `${formLat} "${tradeLat}"`, legalForm: form, stem, stemKey: stemCyr };
  }
  if (country === 'cn' || country === 'hk') {
    const t = opts.stem ? { zh: opts.stem.split('|')[0]!, pinyin: opts.stem.split('|')[1]! } : zhTrade(rng, opts.long);
    const [szh, spy, sen] = rng.pick(ZH_SECTOR[sector]);
    if (country === 'hk') {
      const local = `香港${t.zh}${szh}有限公司`;
      return { name: `Hong Kong ${t.pinyin} ${sen} Co., Limited`, nameEn: `Hong Kong ${t.pinyin} ${sen} Co., Limited`, local, localLatin: `Xianggang ${t.pinyin} ${spy} Youxian Gongsi`, legalForm: 'Limited', stem: t.pinyin, stemKey: `${t.zh}|${t.pinyin}` };
    }
    const cityZh = city.local ?? '';
    const cityPy = city.name === "Xi'an" ? "Xi'an" : city.name;
    const local = `${cityZh}${t.zh}${szh}有限公司`;
    const nameEn = `${cityPy} ${t.pinyin} ${sen} Co., Ltd.`;
    return { name: nameEn, nameEn, local, localLatin: `${cityPy} ${t.pinyin} ${spy} Youxian Gongsi`, legalForm: '有限公司', stem: t.pinyin, stemKey: `${t.zh}|${t.pinyin}` };
  }
  const stem = opts.stem ?? latStem(rng, opts.long);
  if (country === 'tr') {
    const word = TR_SECTOR[sector] ?? 'Ticaret';
    const form = rng.pick(['A.Ş.', 'Ltd. Şti.']);
    const name = word === 'Dış Ticaret' ? `${stem} Dış Ticaret ${form}` : `${stem} ${word} Sanayi ve Ticaret ${form}`;
    return { name, nameEn: name, legalForm: form, stem, stemKey: stem };
  }
  if (country === 'ae') {
    const word = rng.pick(EN_SECTOR[sector]);
    const form = rng.pick(['L.L.C', 'FZE', 'FZCO']);
    const name = sector === 'trading' ? `${stem} General Trading ${form}` : `${stem} ${word} Trading ${form}`;
    return { name, nameEn: name, legalForm: form, stem, stemKey: stem };
  }
  const form = rng.pick(LEGAL_FORM[country] ?? ['Ltd']);
  const lead = rng.chance(0.15) ? `${rng.pick(['North', 'Blue', 'Silver', 'Pacific', 'Alpine', 'Coastal', 'First', 'United'])} ` : '';
  const name = `${lead}${stem} ${rng.pick(EN_SECTOR[sector])} ${form}`;
  return { name, nameEn: name, legalForm: form, stem, stemKey: stem };
}

/** A company name none of whose forms is taken (normalised, in `taken`), free of real-name parts. */
export function uniqueCompanyName(rng: Rng, opts: CompanyNameOptions, taken: Set<string>): CompanyName {
  for (let attempt = 0; ; attempt++) {
    const n = companyName(rng, attempt > 20 ? { country: opts.country, sector: opts.sector, city: opts.city, long: attempt > 60 } : opts);
    const keys = [n.name, n.nameEn, n.local, n.localLatin].filter((x): x is string => x !== undefined).map(nameKey);
    const real = hasRealPart(n.name) || hasRealPart(n.nameEn) || (n.local !== undefined && hasRealPart(n.local));
    if (!real && !keys.some((k) => taken.has(k))) {
      for (const k of keys) taken.add(k);
      return n;
    }
    if (attempt > 1000) throw new Error(`no free company name left for ${opts.country}/${opts.sector}; use fewer companies`);
  }
}

/**
 * Lower-case letters and digits only, without diacritics (ı and İ as i): names equal up to case,
 * accents, punctuation and spacing share a key ("DIŞ TICARET" = "Dış Ticaret").
 */
export function nameKey(name: string): string {
  return name
    .replace(/[ıİ]/g, 'i')
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

// ---- people ----------------------------------------------------------------------------------

const RU_MALE: ReadonlyArray<readonly [string, string]> = [
  ['Алексей', 'Алексеевич'], ['Андрей', 'Андреевич'], ['Борис', 'Борисович'], ['Вадим', 'Вадимович'], ['Виктор', 'Викторович'], ['Глеб', 'Глебович'],
  ['Денис', 'Денисович'], ['Евгений', 'Евгеньевич'], ['Игорь', 'Игоревич'], ['Кирилл', 'Кириллович'], ['Максим', 'Максимович'], ['Михаил', 'Михайлович'],
  ['Никита', 'Никитич'], ['Олег', 'Олегович'], ['Павел', 'Павлович'], ['Роман', 'Романович'], ['Сергей', 'Сергеевич'], ['Станислав', 'Станиславович'],
  ['Тимур', 'Тимурович'], ['Юрий', 'Юрьевич'], ['Ярослав', 'Ярославович'], ['Артём', 'Артёмович'], ['Григорий', 'Григорьевич'], ['Константин', 'Константинович'],
  ['Леонид', 'Леонидович'], ['Степан', 'Степанович'], ['Фёдор', 'Фёдорович'], ['Дмитрий', 'Дмитриевич'],
];
const RU_FEMALE = ['Анна', 'Валентина', 'Галина', 'Дарья', 'Екатерина', 'Елена', 'Жанна', 'Ирина', 'Ксения', 'Лариса', 'Марина', 'Наталья', 'Ольга', 'Полина', 'Светлана', 'Татьяна', 'Юлия', 'Вера', 'Алина', 'Вероника'];
const RU_FEMALE_PATRONYMIC = (male: string): string => male.replace(/ич$/, 'на').replace(/Никитна$/, 'Никитична');
const RU_SURNAME_ROOT = ['Бережн', 'Колыван', 'Тверд', 'Залесн', 'Ветл', 'Мерзл', 'Широк', 'Ясен', 'Кремн', 'Ольх', 'Рябин', 'Светл', 'Туман', 'Узор', 'Хмел', 'Черемш', 'Шелест', 'Гребн', 'Долин', 'Жарк', 'Звон', 'Лучин', 'Моршан', 'Осок', 'Пролет', 'Рудн', 'Сосн', 'Вешн', 'Горл', 'Прял', 'Тесл', 'Щеглит'];
const RU_SURNAME_END: ReadonlyArray<readonly [string, string]> = [['ов', 'ова'], ['ев', 'ева'], ['ин', 'ина'], ['цев', 'цева'], ['ский', 'ская'], ['ихин', 'ихина']];

/**
 * Real Chinese surnames of middle frequency, chosen among those that no OFAC SDN entry (2023–24)
 * carries, so that a fictional person never shares a listed person's name by accident
 * (test/synthetic/no-real-names.test.ts checks the whole name).
 */
const ZH_SURNAME: ReadonlyArray<readonly [string, string]> = [
  ['段', 'Duan'], ['侯', 'Hou'], ['焦', 'Jiao'], ['谷', 'Gu'], ['车', 'Che'], ['全', 'Quan'], ['仲', 'Zhong'], ['滕', 'Teng'], ['甄', 'Zhen'], ['柯', 'Ke'],
  ['祁', 'Qi'], ['詹', 'Zhan'], ['聂', 'Nie'], ['苗', 'Miao'], ['邢', 'Xing'], ['柴', 'Chai'], ['翟', 'Zhai'], ['温', 'Wen'], ['蒋', 'Jiang'], ['傅', 'Fu'],
  ['薛', 'Xue'], ['戴', 'Dai'], ['方', 'Fang'], ['贾', 'Jia'], ['崔', 'Cui'], ['任', 'Ren'], ['邵', 'Shao'], ['顾', 'Gu'], ['熊', 'Xiong'], ['乔', 'Qiao'],
  ['孟', 'Meng'], ['白', 'Bai'], ['萧', 'Xiao'], ['宁', 'Ning'], ['欧阳', 'Ouyang'], ['司马', 'Sima'], ['上官', 'Shangguan'],
];
const ZH_GIVEN: ReadonlyArray<readonly [string, string]> = [
  ['伟', 'wei'], ['明', 'ming'], ['军', 'jun'], ['磊', 'lei'], ['涛', 'tao'], ['斌', 'bin'], ['浩', 'hao'], ['杰', 'jie'], ['鹏', 'peng'], ['宇', 'yu'],
  ['晨', 'chen'], ['欣', 'xin'], ['婷', 'ting'], ['静', 'jing'], ['丽', 'li'], ['敏', 'min'], ['霞', 'xia'], ['琳', 'lin'], ['雪', 'xue'], ['慧', 'hui'],
  ['志', 'zhi'], ['建', 'jian'], ['国', 'guo'], ['海', 'hai'], ['文', 'wen'], ['俊', 'jun'], ['峰', 'feng'], ['辉', 'hui'], ['刚', 'gang'], ['勇', 'yong'],
  ['毅', 'yi'], ['嘉', 'jia'], ['晓', 'xiao'], ['思', 'si'], ['雨', 'yu'], ['梓', 'zi'], ['博', 'bo'], ['乐', 'le'], ['凯', 'kai'], ['鑫', 'xin'],
];
const ZH_FEMALE_CHARS = new Set(['婷', '静', '丽', '敏', '霞', '琳', '雪', '慧', '欣', '雨', '思', '晓']);

const EN_GIVEN_M = [
  'Harold', 'Tobias', 'Rufus', 'Anselm', 'Corwin', 'Piers', 'Quentin', 'Bertram', 'Ewan', 'Jasper', 'Lionel', 'Mervyn', 'Oswin', 'Rowan', 'Silas', 'Tristan',
  'Alaric', 'Barnaby', 'Cedric', 'Dorian', 'Edmund', 'Felix', 'Gideon', 'Horace', 'Ignatius', 'Julian', 'Leopold', 'Magnus', 'Nathaniel', 'Orrin', 'Percival', 'Ambrose',
];
const EN_GIVEN_F = [
  'Miriam', 'Elena', 'Greta', 'Liesel', 'Odile', 'Maren', 'Ysolde', 'Fenella', 'Imogen', 'Clarice', 'Delphine', 'Honor', 'Juno', 'Leonie', 'Rosalind', 'Wilhelmina',
  'Adelaide', 'Beatrix', 'Cordelia', 'Dorothea', 'Esme', 'Florentine', 'Guinevere', 'Henrietta', 'Isadora', 'Josephine', 'Lavinia', 'Marguerite', 'Ottilie', 'Philippa', 'Seraphina', 'Theodora',
];
const EN_FAMILY_HEAD = ['Finch', 'Marsh', 'Pell', 'Quill', 'Raven', 'Thistle', 'Under', 'Wex', 'Yar', 'Brack', 'Cope', 'Dray', 'Fenn', 'Gorm', 'Hask', 'Kettle', 'Lark', 'Moss', 'Nettle', 'Orch', 'Plover', 'Rook', 'Sedge', 'Tansy', 'Wren', 'Bramble', 'Clover', 'Dunnock', 'Heather', 'Ivel'];
const EN_FAMILY_TAIL = ['ley', 'banks', 'hurst', 'worth', 'by', 'leigh', 'wood', 'hay', 'combe', 'borough', 'grove', 'field', 'well', 'more', 'ridge', 'thorpe', 'wick', 'stead', 'den', 'cote'];

export function personName(rng: Rng, style: 'ru' | 'zh' | 'en', gender: 'male' | 'female' = rng.chance(0.75) ? 'male' : 'female'): PersonName {
  if (style === 'ru') {
    const [maleFirst] = rng.pick(RU_MALE);
    const first = gender === 'male' ? maleFirst : rng.pick(RU_FEMALE);
    const fatherPatr = rng.pick(RU_MALE)[1];
    const patr = gender === 'male' ? fatherPatr : RU_FEMALE_PATRONYMIC(fatherPatr);
    const [m, f] = rng.pick(RU_SURNAME_END);
    const last = rng.pick(RU_SURNAME_ROOT) + (gender === 'male' ? m : f);
    const [fl, pl, ll] = [translitRu(first), translitRu(patr), translitRu(last)];
    return { name: `${fl} ${pl} ${ll}`, local: `${last} ${first} ${patr}`, firstName: fl, middleName: pl, lastName: ll, gender, style };
  }
  if (style === 'zh') {
    const [sz, sp] = rng.pick(ZH_SURNAME);
    let a = rng.pick(ZH_GIVEN);
    let b = rng.pick(ZH_GIVEN);
    for (let i = 0; i < 8 && (ZH_FEMALE_CHARS.has(a[0]) || ZH_FEMALE_CHARS.has(b[0])) !== (gender === 'female'); i++) {
      a = rng.pick(ZH_GIVEN);
      b = rng.pick(ZH_GIVEN);
    }
    const given = cap(a[1] + b[1]);
    return { name: `${sp} ${given}`, local: `${sz}${a[0]}${b[0]}`, firstName: given, lastName: sp, gender, style };
  }
  const given = rng.pick(gender === 'male' ? EN_GIVEN_M : EN_GIVEN_F);
  const first = rng.chance(0.3) ? `${given} ${rng.chars('ABCDEFGHJKLMNPRSTW', 1)}.` : given;
  const last = rng.pick(EN_FAMILY_HEAD) + rng.pick(EN_FAMILY_TAIL);
  return { name: `${first} ${last}`, firstName: first, lastName: last, gender, style };
}

/** The naming style of a country's people. */
export function personStyle(country: string): 'ru' | 'zh' | 'en' {
  if (['ru', 'by', 'kz', 'kg'].includes(country)) return 'ru';
  if (['cn', 'hk', 'tw'].includes(country)) return 'zh';
  return 'en';
}

// ---- brands and models -------------------------------------------------------------------------

const BRAND_HEAD = ['Sky', 'North', 'Cor', 'Hal', 'Tess', 'Aer', 'Van', 'Kest', 'Lum', 'Quen', 'Sev', 'Ort', 'Pal', 'Tris', 'Mor', 'Zel', 'Bright', 'Sun', 'Vel', 'Tide', 'Oak', 'Fern'];
const BRAND_TAIL = ['lark', 'wind', 'vane', 'vion', 'aly', 'ilon', 'tor', 'rix', 'ora', 'ta', 'rin', 'ex', 'lion', 'k', 'vane', 'itron', 'field', 'marsh', 'ora', 'well', 'mere', 'dale'];

export function brandName(rng: Rng): string {
  for (;;) {
    const b = rng.pick(BRAND_HEAD) + rng.pick(BRAND_TAIL);
    if (!hasRealPart(b)) return b;
  }
}

/** A model number in one of the shapes trade records show: A140, GA-21, HW52V, QX-2201 Pro… */
export function modelNumber(rng: Rng): string {
  const L = 'ABCDEFGHJKLMNPRSTVWXZ';
  switch (rng.int(0, 4)) {
    case 0:
      return `${rng.chars(L, 1)}${rng.int(10, 990)}`;
    case 1:
      return `${rng.chars(L, 2)}-${rng.int(10, 99)}`;
    case 2:
      return `${rng.chars(L, 2)}${rng.int(10, 99)}${rng.chars(L, 1)}`;
    case 3:
      return `${rng.chars(L, 2)}-${rng.int(1000, 9999)}${rng.chance(0.3) ? ' Pro' : ''}`;
    default:
      return `${rng.chars(L, 3)}${rng.int(100, 999)}-${rng.chars('0123456789', 2)}`;
  }
}

export const CARRIERS: ReadonlyArray<readonly [string, string]> = [
  ['Steppewind Airways', 'Q9'], ['Meridane Air', 'W7'], ['Corvalis Airlines', 'Z3'], ['Tessaly Air', 'K8'], ['Halvion Airways', 'X5'],
  ['Quillon Air', 'V4'], ['Norvane Airlines', 'J6'], ['Orrin Air', 'Y2'],
];

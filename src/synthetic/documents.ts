/**
 * The documents of the synthetic world, as text (and a few as HTML): commercial invoices in
 * English, Chinese and Russian, procurement letters, invitation letters and e-ticket itineraries.
 * They name parties with their identifiers (INN, OGRN, KPP, USCC), HS codes, model numbers,
 * amounts and dates, as the real ones in the reporting do.
 */
import { enDate, iso, ruDate, zhDate } from './dates.js';
import { UNIT_RU } from './goods.js';
import { countryName } from './places.js';
import type { Item, Shipment } from './shipments.js';
import type { Trip } from './travel.js';
import type { Company, Person } from './world.js';

export type Lang = 'en' | 'ru' | 'zh';

export interface Doc {
  /** Path under the output folder, e.g. documents/invoice-00012-zh.txt */
  file: string;
  text: string;
}

/** 1,234,567.89 (no locale data: the same bytes on every Node build). */
const money = (x: number) => {
  const [int, frac] = x.toFixed(2).split('.');
  return `${int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${frac}`;
};
/** 1 234 567,89 */
const moneyRu = (x: number) => money(x).replace(/,/g, ' ').replace('.', ',');
const hsDotted = (hs: string) => `${hs.slice(0, 4)}.${hs.slice(4, 6)}`;
const unitPrice = (it: Item) => it.value / it.quantity;

const ZH_COUNTRY: Record<string, string> = {
  cn: '中国', ru: '俄罗斯', by: '白俄罗斯', kz: '哈萨克斯坦', kg: '吉尔吉斯斯坦', am: '亚美尼亚', ae: '阿联酋', tr: '土耳其', hk: '中国香港', de: '德国', us: '美国',
  jp: '日本', kr: '韩国', tw: '中国台湾', gb: '英国', fr: '法国', it: '意大利', nl: '荷兰', pl: '波兰', fi: '芬兰', ch: '瑞士', sg: '新加坡', au: '澳大利亚',
  ca: '加拿大', in: '印度', vn: '越南', my: '马来西亚', th: '泰国', uz: '乌兹别克斯坦', ge: '格鲁吉亚', rs: '塞尔维亚', il: '以色列',
};
const RU_COUNTRY: Record<string, string> = {
  cn: 'Китай', ru: 'Россия', by: 'Беларусь', kz: 'Казахстан', kg: 'Киргизия', am: 'Армения', ae: 'ОАЭ', tr: 'Турция', hk: 'Гонконг', de: 'Германия', us: 'США',
  jp: 'Япония', kr: 'Республика Корея', tw: 'Тайвань', gb: 'Великобритания', fr: 'Франция', it: 'Италия', nl: 'Нидерланды', pl: 'Польша', fi: 'Финляндия',
  ch: 'Швейцария', sg: 'Сингапур', au: 'Австралия', ca: 'Канада', in: 'Индия', vn: 'Вьетнам', my: 'Малайзия', th: 'Таиланд', uz: 'Узбекистан', ge: 'Грузия',
  rs: 'Сербия', il: 'Израиль',
};

/** Identifier lines of a company, in the document's language. */
function idLine(c: Company, lang: Lang): string {
  const parts: string[] = [];
  if (c.inn) parts.push(lang === 'zh' ? `税号(INN): ${c.inn}` : `ИНН ${c.inn}`);
  if (c.kpp && lang === 'ru') parts.push(`КПП ${c.kpp}`);
  if (c.ogrn) parts.push(lang === 'en' ? `OGRN ${c.ogrn}` : lang === 'zh' ? `OGRN: ${c.ogrn}` : `ОГРН ${c.ogrn}`);
  if (c.uscc) parts.push(lang === 'zh' ? `统一社会信用代码：${c.uscc}` : lang === 'ru' ? `USCC ${c.uscc}` : `USCC ${c.uscc}`);
  if (lang === 'en') return parts.map((p) => p.replace('ИНН', 'INN')).join(', ');
  return parts.join(lang === 'zh' ? '  ' : ', ');
}

const SCRIPT: Record<Lang, RegExp> = { en: /^[^\u0400-\u04ff\u3400-\u9fff]*$/, ru: /[\u0400-\u04ff]/, zh: /[\u3400-\u9fff]/ };
/** The local form when it is in the document's script, else the English/Latin one. */
const inScript = (local: string | undefined, latin: string, lang: Lang) => (local !== undefined && lang !== 'en' && SCRIPT[lang].test(local) ? local : latin);
const nameIn = (c: Company, lang: Lang) => inScript(c.names.local, c.names.nameEn, lang);
const addressIn = (c: Company, lang: Lang) => inScript(c.addressLocal, c.address, lang);
const personIn = (p: Person, lang: Lang) => inScript(p.names.local, p.names.name, lang);
const cityIn = (city: { name: string; local?: string }, lang: Lang) => inScript(city.local, city.name, lang);

const ZH_MODE: Record<Shipment['mode'], string> = { air: '空运', sea: '海运', road: '公路运输', rail: '铁路运输' };
const ZH_PURPOSE: Record<string, string> = {
  'Technical support': '技术支持', 'Commissioning of equipment': '设备调试', 'Installation and flight testing': '安装及试飞', 'Training of customer personnel': '客户人员培训',
  'Warranty service': '保修服务', 'Trade fair': '参加展会', 'Industry conference': '行业会议', 'Sales meeting': '销售会谈',
};

export interface InvoiceOptions {
  number: string;
  lang: Lang;
  /** Also name the final consignee or end user (procurement chains). */
  endUser?: Company;
}

export function invoice(s: Shipment, opts: InvoiceOptions): string {
  const { lang } = opts;
  const total = s.items.reduce((a, it) => a + it.value, 0);
  const seller = s.shipper;
  const buyer = s.consignee;
  if (lang === 'zh') {
    const rows = s.items.map((it, i) => `${i + 1}  ${hsDotted(it.hs)}  ${it.goods.zh}  ${it.brand ? `${it.brand} ${it.model}` : '—'}  ${it.quantity}${it.unit === 'kg' ? '千克' : '件'}  ${money(unitPrice(it))}  ${money(it.value)}`);
    return [
      '商业发票 COMMERCIAL INVOICE',
      `发票号：${opts.number}`,
      `日期：${zhDate(s.day - 3)}`,
      '',
      `卖方：${nameIn(seller, 'zh')}`,
      `地址：${addressIn(seller, 'zh')}`,
      idLine(seller, 'zh'),
      '',
      `买方：${nameIn(buyer, 'zh')}`,
      `地址：${addressIn(buyer, 'zh')}`,
      idLine(buyer, 'zh'),
      ...(opts.endUser ? [`最终用户：${nameIn(opts.endUser, 'zh')}（${idLine(opts.endUser, 'zh')}）`] : []),
      '',
      `原产国：${ZH_COUNTRY[s.origin] ?? countryName(s.origin)}    目的国：${ZH_COUNTRY[s.destination] ?? countryName(s.destination)}    运输方式：${ZH_MODE[s.mode]}`,
      `报关单号：${s.declarationNumber}`,
      '',
      '序号  商品编码  品名  品牌型号  数量  单价  金额',
      ...rows,
      '',
      `合计：${s.currency} ${money(total)}`,
      `付款条件：发货前100%电汇`,
    ].join('\n');
  }
  if (lang === 'ru') {
    const rows = s.items.map((it, i) => `${i + 1}. ${it.goods.ru}${it.brand ? `, ${it.brand} ${it.model}` : ''}; код ТН ВЭД ${it.hs}; ${it.quantity} ${UNIT_RU[it.unit]}; цена ${moneyRu(unitPrice(it))}; сумма ${moneyRu(it.value)}`);
    return [
      `ИНВОЙС № ${opts.number} от ${ruDate(s.day - 3)}`,
      '',
      `Продавец: ${nameIn(seller, 'ru')}`,
      `Адрес: ${addressIn(seller, 'ru')}`,
      ...(idLine(seller, 'ru') ? [idLine(seller, 'ru')] : []),
      '',
      `Покупатель: ${nameIn(buyer, 'ru')}`,
      `Адрес: ${addressIn(buyer, 'ru')}`,
      ...(idLine(buyer, 'ru') ? [idLine(buyer, 'ru')] : []),
      ...(opts.endUser ? [`Конечный пользователь: ${nameIn(opts.endUser, 'ru')}, ${idLine(opts.endUser, 'ru')}`] : []),
      '',
      `Страна происхождения: ${RU_COUNTRY[s.origin] ?? countryName(s.origin)}. Страна отправления: ${RU_COUNTRY[s.dispatch] ?? countryName(s.dispatch)}.`,
      `Номер ДТ: ${s.declarationNumber}`,
      '',
      ...rows,
      '',
      `Итого к оплате: ${moneyRu(total)} ${s.currency}`,
    ].join('\n');
  }
  const rows = s.items.map((it, i) => `${String(i + 1).padEnd(4)}${hsDotted(it.hs).padEnd(10)}${it.goods.en} ${it.brand ? `(${it.brand} ${it.model})` : ''} | ${it.quantity} ${it.unit} | ${money(unitPrice(it))} | ${money(it.value)}`);
  return [
    'COMMERCIAL INVOICE',
    `Invoice No.: ${opts.number}`,
    `Date: ${enDate(s.day - 3)}`,
    '',
    `Seller: ${seller.names.nameEn}`,
    `        ${seller.address}`,
    ...(idLine(seller, 'en') ? [`        ${idLine(seller, 'en')}`] : []),
    `Buyer:  ${buyer.names.nameEn}`,
    `        ${buyer.address}`,
    ...(idLine(buyer, 'en') ? [`        ${idLine(buyer, 'en')}`] : []),
    ...(s.notify ? [`Notify party: ${s.notify.names.nameEn}`] : []),
    ...(opts.endUser ? [`End user: ${opts.endUser.names.nameEn}, ${opts.endUser.address}${idLine(opts.endUser, 'en') ? `, ${idLine(opts.endUser, 'en')}` : ''}`] : []),
    '',
    `Country of origin: ${countryName(s.origin)}   Country of dispatch: ${countryName(s.dispatch)}   Destination: ${s.consignee.city.name}, ${countryName(s.destination)}`,
    `Transport: ${s.mode} ${s.transportId}   Customs declaration: ${s.declarationNumber}`,
    '',
    'No. HS code   Description | Qty | Unit price | Amount',
    ...rows,
    '',
    `TOTAL: ${s.currency} ${money(total)}`,
    'Terms: 100% T/T before shipment. Incoterms 2020: FCA.',
  ].join('\n');
}

export interface LetterOptions {
  number: string;
  day: number;
  lang: 'ru' | 'en';
  /** Route the buyer asks for (a third country). */
  via?: string;
  signatory?: Person;
}

/** A buyer's request for goods (заявка), as end users send to suppliers and trading houses. */
export function procurementLetter(buyer: Company, supplier: Company, items: readonly Item[], opts: LetterOptions): string {
  if (opts.lang === 'ru') {
    return [
      nameIn(buyer, 'ru'),
      idLine(buyer, 'ru'),
      `Адрес: ${addressIn(buyer, 'ru')}`,
      '',
      `Исх. № ${opts.number} от ${ruDate(opts.day)}`,
      '',
      `Руководителю ${nameIn(supplier, 'ru')}`,
      '',
      'Просим рассмотреть возможность поставки следующей продукции для нужд нашего предприятия:',
      ...items.map((it, i) => `${i + 1}. ${it.goods.ru}${it.brand ? ` ${it.brand} ${it.model}` : ''} (код ТН ВЭД ${it.hs}) — ${it.quantity} ${UNIT_RU[it.unit]}`),
      '',
      opts.via ? `Поставку просим осуществить через ${RU_COUNTRY[opts.via] ?? countryName(opts.via)} в срок до ${ruDate(opts.day + 60)}.` : `Срок поставки: до ${ruDate(opts.day + 60)}.`,
      'Оплату гарантируем.',
      '',
      `Генеральный директор ${opts.signatory ? personIn(opts.signatory, 'ru') : ''}`.trimEnd(),
    ].join('\n');
  }
  return [
    buyer.names.nameEn,
    buyer.address,
    idLine(buyer, 'en'),
    '',
    `Ref. ${opts.number}, ${enDate(opts.day)}`,
    '',
    `To: ${supplier.names.nameEn}`,
    '',
    'Request for quotation and supply. Please supply the following items for our production:',
    ...items.map((it, i) => `${i + 1}. ${it.goods.en}${it.brand ? `, ${it.brand} ${it.model}` : ''}, HS ${hsDotted(it.hs)}: ${it.quantity} ${it.unit}`),
    '',
    opts.via ? `Delivery via ${countryName(opts.via)} no later than ${enDate(opts.day + 60)}.` : `Delivery no later than ${enDate(opts.day + 60)}.`,
    '',
    `Sincerely, ${opts.signatory ? opts.signatory.names.name : ''}`.trimEnd(),
  ].join('\n');
}

/** An invitation to a supplier's specialists (Russian): the host asks them to come for commissioning. */
export function invitationLetter(host: Company, supplier: Company, travellers: readonly Person[], from: number, to: number, number: string, signatory?: Person): string {
  return [
    nameIn(host, 'ru'),
    idLine(host, 'ru'),
    `Адрес: ${addressIn(host, 'ru')}`,
    '',
    `Исх. № ${number} от ${ruDate(from - 20)}`,
    '',
    'ПРИГЛАШЕНИЕ',
    '',
    `${nameIn(host, 'ru')} приглашает специалистов компании ${supplier.names.nameEn}${supplier.names.local ? ` (${supplier.names.local})` : ''} для проведения пусконаладочных работ и обучения персонала на площадке предприятия по адресу: ${addressIn(host, 'ru')}, в период с ${ruDate(from)} по ${ruDate(to)}:`,
    ...travellers.map((p, i) => `${i + 1}. ${p.names.name}${p.names.local ? ` (${p.names.local})` : ''}, дата рождения ${ruDate(p.birth)}, паспорт ${p.passport}`),
    '',
    'Расходы на проживание принимающая сторона берет на себя.',
    '',
    `Генеральный директор ${signatory ? personIn(signatory, 'ru') : ''}`.trimEnd(),
  ].join('\n');
}

/** An e-ticket itinerary / receipt for a booking (one traveller's copy). */
export function itinerary(trip: Trip, traveller: Person, lang: 'en' | 'zh'): string {
  if (lang === 'zh') {
    return [
      '电子客票行程单 ITINERARY/RECEIPT',
      `旅客姓名：${personIn(traveller, 'zh')}（${traveller.names.name.toUpperCase()}）`,
      `证件号码：${traveller.passport}`,
      `订座记录编号：${trip.bookingRef}`,
      ...(traveller.employer ? [`工作单位：${nameIn(traveller.employer, 'zh')}`] : []),
      '',
      '航班  出发  到达  日期',
      ...trip.flights.map((f) => `${f.flightNumber}  ${cityIn(f.from, 'zh')}(${f.from.airport})  ${cityIn(f.to, 'zh')}(${f.to.airport})  ${zhDate(f.departure)}`),
      '',
      `出差事由：${ZH_PURPOSE[trip.purpose] ?? trip.purpose}${trip.host ? `，接待单位：${nameIn(trip.host, 'zh')}` : ''}`,
      ...(trip.travellers.length > 1 ? [`同行人员：${trip.travellers.filter((p) => p !== traveller).map((p) => personIn(p, 'zh')).join('、')}`] : []),
    ].join('\n');
  }
  return [
    'ELECTRONIC TICKET ITINERARY / RECEIPT',
    `Passenger: ${traveller.names.lastName.toUpperCase()}/${traveller.names.firstName.toUpperCase()}`,
    `Passport: ${traveller.passport}`,
    `Booking reference: ${trip.bookingRef}`,
    ...(traveller.employer ? [`Employer: ${traveller.employer.names.nameEn}`] : []),
    '',
    'Flight   From                 To                   Date',
    ...trip.flights.map((f) => `${f.flightNumber.padEnd(9)}${`${f.from.name} (${f.from.airport})`.padEnd(21)}${`${f.to.name} (${f.to.airport})`.padEnd(21)}${iso(f.departure)}`),
    '',
    `Purpose of travel: ${trip.purpose}${trip.host ? `; host: ${trip.host.names.nameEn}` : ''}`,
    ...(trip.travellers.length > 1 ? [`Travelling with: ${trip.travellers.filter((p) => p !== traveller).map((p) => p.names.name).join(', ')}`] : []),
  ].join('\n');
}

/** A commercial offer on the sender's letterhead (name, address, identifiers). */
export function commercialOffer(sender: Company, recipient: Company, items: readonly Item[], day: number, number: string): string {
  const lang: Lang = sender.names.local && /[\u0400-\u04ff]/.test(sender.names.local) ? 'ru' : 'en';
  if (lang === 'ru') {
    return [
      nameIn(sender, 'ru'),
      `Адрес: ${addressIn(sender, 'ru')}`,
      idLine(sender, 'ru'),
      '',
      `КОММЕРЧЕСКОЕ ПРЕДЛОЖЕНИЕ № ${number} от ${ruDate(day)}`,
      `Кому: ${nameIn(recipient, 'ru')}`,
      '',
      ...items.map((it, i) => `${i + 1}. ${it.goods.ru}${it.brand ? ` ${it.brand} ${it.model}` : ''} (ТН ВЭД ${it.hs}) — ${it.quantity} ${UNIT_RU[it.unit]}`),
      '',
      'Предложение действительно 30 дней.',
    ].join('\n');
  }
  return [
    sender.names.nameEn,
    sender.address,
    idLine(sender, 'en'),
    '',
    `COMMERCIAL OFFER No. ${number}, ${enDate(day)}`,
    `To: ${recipient.names.nameEn}`,
    '',
    ...items.map((it, i) => `${i + 1}. ${it.goods.en}${it.brand ? ` ${it.brand} ${it.model}` : ''} (HS ${hsDotted(it.hs)}): ${it.quantity} ${it.unit}`),
    '',
    'Valid for 30 days.',
  ].join('\n');
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The same text as a small HTML page (paragraphs per line), as documents scraped from mail or the web come. */
export function asHtml(title: string, text: string, lang: Lang): string {
  const body = text
    .split('\n')
    .map((line) => (line.trim() === '' ? '' : `<p>${escapeHtml(line)}</p>`))
    .filter(Boolean)
    .join('\n');
  return `<!DOCTYPE html>\n<html lang="${lang}">\n<head>\n<meta charset="utf-8">\n<title>${escapeHtml(title)}</title>\n</head>\n<body>\n${body}\n</body>\n</html>\n`;
}

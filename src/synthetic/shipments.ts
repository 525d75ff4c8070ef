/**
 * Shipments (customs declarations) and their line items: construction with consistent
 * quantities, weights and values, the background stream of ordinary commerce, and the rows of
 * trade.csv (English columns) and trade-ru.csv (Russian customs-style columns).
 */
import { DATA_END, DATA_START, iso, ruDate, ruDateCompact, yearOf } from './dates.js';
import { UNIT_RU, availableIn, hsFor } from './goods.js';
import type { Goods, Unit } from './goods.js';
import { csvLine } from './csv.js';
import { isAllowed, countryName, usdRate } from './places.js';
import type { Rng } from './prng.js';
import type { Background, Company, Product } from './world.js';
import { taxId } from './world.js';
import { CARRIERS } from './names.js';

export type TransportMode = 'air' | 'sea' | 'road' | 'rail';

export interface Item {
  goods: Goods;
  /** Six-digit HS code as declared on the shipment's date. */
  hs: string;
  brand: string;
  model: string;
  quantity: number;
  unit: Unit;
  net: number;
  gross: number;
  /** In the shipment's currency. */
  value: number;
}

export interface Shipment {
  /** Position in the stream; fixes the declaration number. */
  index: number;
  day: number;
  declarationNumber: string;
  /** Written to trade-ru.csv (a Russian import declaration) instead of trade.csv. */
  ruFile: boolean;
  shipper: Company;
  consignee: Company;
  notify?: Company;
  declarant?: Company;
  forwarder?: Company;
  mode: TransportMode;
  transportId: string;
  origin: string;
  dispatch: string;
  destination: string;
  transit?: string;
  currency: string;
  items: Item[];
  /** Names as this record writes them, where they differ from the party's usual form. */
  shipperName?: string;
  consigneeName?: string;
}

export const TRADE_COLUMNS = [
  'declaration_number', 'date', 'shipper', 'shipper_country', 'shipper_inn', 'consignee', 'consignee_country', 'consignee_inn', 'notify_party', 'declarant',
  'forwarder', 'transport_mode', 'transport_id', 'origin_country', 'dispatch_country', 'destination_country', 'transit_country', 'hs_code', 'goods_description',
  'brand', 'model', 'quantity', 'unit', 'net_weight', 'gross_weight', 'value', 'currency',
] as const;

export const TRADE_RU_COLUMNS = [
  'Отправитель', 'Получатель', 'ИНН получателя', 'Код ТН ВЭД', 'Описание товара', 'Страна происхождения', 'Страна отправления', 'Торговая страна', 'Дата ДТ',
  'Номер ДТ', 'Фактурная стоимость', 'Валюта', 'Вес брутто', 'Вес нетто', 'Количество', 'Единица измерения', 'Товарный знак', 'Модель',
] as const;

const round = (x: number, digits: number) => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};

/** A line item of `product` worth about `targetUsd`, priced in `currency` on `day`. */
export function makeItem(product: Product, day: number, currency: string, rng: Rng, targetUsd = rng.logUniform(800, 250_000), maxQuantity?: number): Item {
  const g = product.goods;
  const year = yearOf(day);
  const unitPrice = product.priceUsd * rng.float(0.92, 1.08);
  let quantity = Math.max(1, Math.round(targetUsd / unitPrice));
  if (g.price[0] > 10_000) quantity = Math.min(quantity, rng.int(1, 3));
  if (maxQuantity !== undefined) quantity = Math.min(quantity, maxQuantity);
  const net = g.unit === 'kg' ? quantity : Math.max(0.001, quantity * product.weightKg);
  const gross = net * rng.float(1.04, 1.22) + (g.unit === 'kg' ? 0 : rng.float(0.2, 3));
  return {
    goods: g,
    hs: hsFor(g, year),
    brand: product.brand,
    model: product.model,
    quantity,
    unit: g.unit,
    net: round(net, 3),
    gross: round(gross, 3),
    value: round(quantity * unitPrice * usdRate(currency, year), 2),
  };
}

/** The same goods re-sold: same model, at most the quantity bought, marked up. */
export function resellItem(item: Item, day: number, currency: string, rng: Rng, fromCurrency: string): Item {
  const year = yearOf(day);
  const quantity = Math.max(1, Math.min(item.quantity, Math.round(item.quantity * rng.float(0.6, 1))));
  const share = quantity / item.quantity;
  const usd = (item.value / usdRate(fromCurrency, year)) * share * rng.float(1.15, 1.45);
  return {
    ...item,
    hs: hsFor(item.goods, year),
    quantity,
    net: round(item.net * share, 3),
    gross: round(item.gross * share, 3),
    value: round(usd * usdRate(currency, year), 2),
  };
}

export function currencyFor(shipper: Company, destination: string, day: number, rng: Rng): string {
  const year = yearOf(day);
  switch (shipper.country) {
    case 'cn':
      return destination === 'ru' && year >= 2023 && rng.chance(0.5) ? 'CNY' : rng.chance(0.75) ? 'USD' : 'CNY';
    case 'ru':
    case 'by':
      return rng.pick(['RUB', 'USD', 'CNY']);
    case 'ae':
      return rng.chance(0.7) ? 'USD' : 'AED';
    case 'tr':
      return rng.pick(['USD', 'EUR', 'TRY']);
    case 'hk':
      return 'USD';
    case 'jp':
      return rng.chance(0.6) ? 'USD' : 'JPY';
    case 'gb':
      return rng.chance(0.5) ? 'GBP' : 'USD';
    case 'ch':
      return rng.chance(0.5) ? 'CHF' : 'EUR';
    case 'de': case 'fr': case 'it': case 'nl': case 'fi':
      return rng.chance(0.65) ? 'EUR' : 'USD';
    default:
      return 'USD';
  }
}

const OVERLAND = new Set(['cn', 'ru', 'by', 'kz', 'kg', 'uz', 'am', 'ge', 'tr', 'pl', 'de', 'fi', 'rs', 'it', 'fr', 'nl']);
const PLATE = 'ABCEHKMOPTXY';
/** Vessel names: a coined first word, so that no voyage names a real ship. */
const VESSEL_A = ['Ashvex', 'Corlyn', 'Dunmere', 'Fenric', 'Halvex', 'Kestora', 'Lorwick', 'Morven', 'Quillon', 'Talenza'];
const VESSEL_B = ['Kestrel', 'Heron', 'Meridian', 'Lantern', 'Harbour', 'Tern', 'Current', 'Voyager', 'Beacon', 'Pioneer'];

export function chooseMode(dispatch: string, destination: string, items: readonly Item[], rng: Rng): TransportMode {
  const heavy = items.reduce((s, i) => s + i.gross, 0) > 800;
  if (OVERLAND.has(dispatch) && OVERLAND.has(destination) && rng.chance(0.7)) return rng.chance(0.7) ? 'road' : 'rail';
  if (heavy) return 'sea';
  return rng.chance(0.75) ? 'air' : 'sea';
}

export function transportId(mode: TransportMode, rng: Rng): string {
  switch (mode) {
    case 'air':
      return `${rng.pick(CARRIERS)[1]}${rng.int(100, 9899)}`;
    case 'sea':
      return `${rng.pick(VESSEL_A)} ${rng.pick(VESSEL_B)} V.${rng.int(1, 99)}${rng.pick(['E', 'W', 'N', 'S'])}`;
    case 'road':
      return `${rng.chars(PLATE, 1)}${rng.digits(3)}${rng.chars(PLATE, 2)}${rng.int(10, 199)}`;
    default:
      return `Wagon ${rng.digits(8)}`;
  }
}

const RU_POSTS = ['10702070', '10005030', '10013160', '10216170', '10404083', '10609050', '10511010', '10418010'];

/** Declaration number: Russian DT form (post/ddmmyy/number) for trade-ru.csv, an MRN-like one otherwise. */
export function declarationNumber(index: number, day: number, dispatch: string, ruFile: boolean): string {
  if (ruFile) return `${RU_POSTS[index % RU_POSTS.length]}/${ruDateCompact(day)}/${String(index % 10_000_000).padStart(7, '0')}`;
  const yy = iso(day).slice(2, 4);
  return `${yy}${dispatch.toUpperCase()}${String(5300 + (index % 97)).padStart(4, '0')}E${String(index).padStart(9, '0')}`;
}

/** Numbers a shipment in place. */
export function finishShipment(s: Omit<Shipment, 'declarationNumber'> & { declarationNumber?: string }): Shipment {
  s.declarationNumber = declarationNumber(s.index, s.day, s.dispatch, s.ruFile);
  return s as Shipment;
}

const fmt3 = (x: number) => x.toFixed(3);
const fmt2 = (x: number) => x.toFixed(2);

/** The CSV lines of a shipment, one per line item, for its file. */
export function shipmentLines(s: Shipment): string[] {
  const out: string[] = [];
  if (s.ruFile) {
    const shipper = s.shipperName ?? s.shipper.names.name;
    const consignee = s.consigneeName ?? s.consignee.names.local ?? s.consignee.names.name;
    const inn = s.consignee.inn ?? '';
    for (const it of s.items) {
      out.push(csvLine([
        shipper, consignee, inn, `${it.hs}0000`, it.brand ? `${it.goods.ru}, товарный знак ${it.brand}, модель ${it.model}` : it.goods.ru,
        s.origin.toUpperCase(), s.dispatch.toUpperCase(), s.shipper.country.toUpperCase(), ruDate(s.day), s.declarationNumber,
        fmt2(it.value), s.currency, fmt3(it.gross), fmt3(it.net), it.quantity, UNIT_RU[it.unit], it.brand, it.model,
      ]));
    }
    return out;
  }
  const head = [
    s.declarationNumber, iso(s.day), s.shipperName ?? s.shipper.names.name, countryName(s.shipper.country), taxId(s.shipper),
    s.consigneeName ?? s.consignee.names.name, countryName(s.consignee.country), taxId(s.consignee), s.notify?.names.name ?? '',
    s.declarant?.names.name ?? '', s.forwarder?.names.name ?? '', s.mode, s.transportId, countryName(s.origin), countryName(s.dispatch),
    countryName(s.destination), s.transit ? countryName(s.transit) : '',
  ];
  for (const it of s.items) {
    out.push(csvLine([...head, it.hs, it.goods.en, it.brand, it.model, it.quantity, it.unit, fmt3(it.net), fmt3(it.gross), fmt2(it.value), s.currency]));
  }
  return out;
}

/**
 * Background commerce: CHPL and drone goods from makers only to ALLOWED countries; ordinary
 * goods anywhere, Russia and the diversion countries included. No listed or planted party appears.
 */
export class BackgroundShipments {
  constructor(private readonly bg: Background, private readonly rng: Rng) {}

  make(index: number): Shipment {
    const rng = this.rng;
    const bg = this.bg;
    const day = rng.int(DATA_START, DATA_END);
    const year = yearOf(day);
    const sensitive = rng.chance(0.32);
    let shipper: Company;
    let consignee: Company;
    let products: Product[];
    if (sensitive) {
      shipper = rng.pick(bg.makers);
      consignee = rng.pick(bg.techImporters);
      for (let i = 0; i < 8 && consignee.country === shipper.country; i++) consignee = rng.pick(bg.techImporters);
      products = shipper.products.filter((p) => availableIn(p.goods, year));
    } else {
      shipper = rng.pick(bg.distributors);
      consignee = rng.pick(bg.importers);
      for (let i = 0; i < 8 && consignee.country === shipper.country; i++) consignee = rng.pick(bg.importers);
      products = shipper.products;
    }
    if (!isAllowed(consignee.country)) products = products.filter((p) => !p.goods.sensitive);
    if (products.length === 0) products = bg.distributors[0]!.products;
    const destination = consignee.country;
    const currency = currencyFor(shipper, destination, day, rng);
    const nItems = rng.chance(0.62) ? 1 : rng.chance(0.7) ? 2 : 3;
    const items = rng.sample(products, nItems).map((p) => makeItem(p, day, currency, rng));
    const origin = shipper.role === 'distributor' && rng.chance(0.2) ? 'cn' : shipper.country;
    const mode = chooseMode(shipper.country, destination, items, rng);
    const ruFile = destination === 'ru' && rng.chance(0.5);
    const brokers = bg.brokers.get(shipper.country);
    const s: Omit<Shipment, 'declarationNumber'> = {
      index, day, ruFile, shipper, consignee, mode, transportId: transportId(mode, rng),
      origin, dispatch: shipper.country, destination, currency, items,
    };
    if (rng.chance(0.25)) s.notify = rng.pick(bg.forwarders);
    if (brokers && rng.chance(0.7)) s.declarant = rng.pick(brokers);
    if (rng.chance(0.55)) s.forwarder = rng.pick(bg.forwarders);
    if (mode === 'road' && shipper.country === 'cn' && (destination === 'ru' || destination === 'by') && rng.chance(0.6)) s.transit = 'kz';
    return finishShipment(s);
  }
}

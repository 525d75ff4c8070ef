/**
 * The mappings endtrace ships, selectable by name (`--mapping ru-customs`). Each lists the
 * column names common exports use for a field; the first of them present in a file (compared
 * case-insensitively, with `_`, `-` and spaces alike) and non-empty in a row gives the value.
 * Written in the same shape as a mapping file and validated by the same schema.
 */
import type { MappingInput } from './mapping.js';

/** The columns of a party role in English exports: `shipper`, `shipper_name`, `shipper_country`… */
function englishParty(role: string, names: readonly string[]): MappingInput['fields'] {
  const each = (suffixes: readonly string[]) => names.flatMap((n) => suffixes.map((s) => `${n}${s}`));
  return {
    [`${role}.name`]: each(['', ' name']),
    [`${role}.country`]: each([' country', ' country code']),
    [`${role}.address`]: each([' address']),
    [`${role}.inn`]: each([' inn']),
    [`${role}.ogrn`]: each([' ogrn']),
    [`${role}.uscc`]: each([' uscc', ' usci', ' social credit code']),
    [`${role}.id`]: each([' id', ' tax id', ' company id']),
    [`${role}.registrationNumber`]: each([' registration number', ' reg no', ' registration no', ' company number']),
    [`${role}.taxNumber`]: each([' tax number', ' vat', ' tin']),
  };
}

const TRADE_DEFAULT: MappingInput = {
  name: 'trade-default',
  description: 'Trade records with English column names (shipper/exporter/seller, consignee/importer/buyer, hs_code…)',
  kind: 'trade',
  missingColumns: 'ignore',
  dates: ['YYYY-MM-DD', 'DMY'],
  fields: {
    ...englishParty('shipper', ['shipper', 'exporter', 'seller', 'supplier', 'consignor', 'vendor']),
    ...englishParty('consignee', ['consignee', 'importer', 'buyer', 'customer', 'receiver', 'purchaser']),
    ...englishParty('notifyParty', ['notify party', 'notify']),
    ...englishParty('declarant', ['declarant', 'customs broker', 'broker']),
    ...englishParty('forwarder', ['forwarder', 'freight forwarder', 'logistics provider']),
    date: ['date', 'shipment date', 'declaration date', 'ship date', 'shipping date', 'arrival date', 'departure date', 'bl date', 'invoice date'],
    declarationNumber: ['declaration number', 'declaration no', 'declaration', 'entry number', 'entry no', 'customs declaration', 'shipment id'],
    waybillNumber: ['waybill number', 'waybill', 'awb', 'air waybill', 'bill of lading', 'bl number', 'bol', 'master bl', 'house bl'],
    transportMode: ['transport mode', 'mode of transport', 'mode', 'transport'],
    transportId: ['transport id', 'flight', 'flight number', 'vessel', 'vessel name', 'voyage', 'truck', 'vehicle', 'vehicle number'],
    originCountry: ['origin country', 'country of origin', 'origin'],
    dispatchCountry: ['dispatch country', 'country of dispatch', 'export country', 'departure country', 'shipped from'],
    destinationCountry: ['destination country', 'country of destination', 'import country', 'destination'],
    transitCountry: ['transit country', 'country of transit', 'via'],
    portOfLoading: ['port of loading', 'loading port', 'pol', 'departure port', 'port of departure'],
    portOfDischarge: ['port of discharge', 'discharge port', 'pod', 'port of unloading', 'arrival port', 'port of arrival'],
    totalValue: ['total value', 'shipment value'],
    grossWeight: ['shipment gross weight', 'total gross weight'],
    'item.lineNumber': ['line', 'line number', 'item number', 'item no', 'line no'],
    'item.hsCode': ['hs code', 'hs', 'hscode', 'tariff code', 'hts code', 'hts', 'commodity code', 'cn code', 'hs6'],
    'item.goodsDescription': ['goods description', 'goods', 'description', 'product description', 'product', 'commodity', 'item description'],
    'item.brand': ['brand', 'trademark', 'trade mark', 'make'],
    'item.model': ['model', 'model number', 'model no', 'part number', 'part no', 'sku'],
    'item.quantity': ['quantity', 'qty', 'units'],
    'item.unit': ['unit', 'uom', 'quantity unit', 'unit of measure'],
    'item.netWeight': ['net weight', 'net weight kg', 'net kg'],
    'item.grossWeight': ['gross weight', 'gross weight kg', 'weight', 'weight kg', 'gross kg'],
    'item.value': ['value', 'item value', 'invoice value', 'amount', 'value usd', 'declared value', 'customs value'],
    'item.currency': ['currency', 'currency code', 'invoice currency'],
    'item.originCountry': ['item origin country', 'item country of origin', 'made in'],
  },
};

/**
 * Russian customs declaration (ДТ) extracts: one row per declared item, the items of one
 * declaration on consecutive rows. `Торговая страна` (the trading country, that of the foreign
 * counterparty) stands in for the shipper's country when `Страна отправителя` is absent.
 */
const RU_CUSTOMS: MappingInput = {
  name: 'ru-customs',
  description: 'Russian customs declaration extracts (Отправитель, Получатель, ИНН получателя, Код ТН ВЭД, Номер ДТ…)',
  kind: 'trade',
  missingColumns: 'ignore',
  groupBy: 'declarationNumber',
  dates: ['DD.MM.YYYY', 'YYYY-MM-DD', 'DD.MM.YY', 'DMY'],
  numbers: { decimal: [',', '.'], thousands: [' ', '\u00a0', '\u202f'] },
  fields: {
    'shipper.name': ['Отправитель', 'Отправитель/экспортер', 'Наименование отправителя', 'Экспортер', 'Продавец', 'Грузоотправитель'],
    'shipper.country': ['Страна отправителя', 'Торговая страна'],
    'shipper.address': ['Адрес отправителя'],
    'shipper.inn': ['ИНН отправителя'],
    'shipper.ogrn': ['ОГРН отправителя'],
    'shipper.registrationNumber': ['Регистрационный номер отправителя'],
    'consignee.name': ['Получатель', 'Получатель/импортер', 'Наименование получателя', 'Импортер', 'Покупатель', 'Грузополучатель'],
    'consignee.country': ['Страна получателя'],
    'consignee.address': ['Адрес получателя'],
    'consignee.inn': ['ИНН получателя', 'ИНН импортера'],
    'consignee.ogrn': ['ОГРН получателя', 'ОГРН импортера'],
    'declarant.name': ['Декларант', 'Наименование декларанта'],
    'declarant.inn': ['ИНН декларанта'],
    'declarant.ogrn': ['ОГРН декларанта'],
    'forwarder.name': ['Экспедитор'],
    'forwarder.inn': ['ИНН экспедитора'],
    date: ['Дата ДТ', 'Дата декларации', 'Дата регистрации ДТ', 'Дата регистрации', 'Дата'],
    declarationNumber: ['Номер ДТ', 'Номер декларации', '№ ДТ', 'Регистрационный номер ДТ', 'ДТ'],
    waybillNumber: ['Номер транспортного документа', 'Транспортный документ', 'Номер накладной', 'Коносамент'],
    transportMode: ['Вид транспорта', 'Вид транспорта на границе', 'Код вида транспорта'],
    transportId: ['Транспортное средство', 'Номер транспортного средства', 'Номер рейса', 'Рейс'],
    dispatchCountry: ['Страна отправления'],
    destinationCountry: ['Страна назначения'],
    'item.lineNumber': ['Номер товара', '№ товара', 'Номер позиции'],
    'item.hsCode': ['Код ТН ВЭД', 'ТН ВЭД', 'Код ТН ВЭД ЕАЭС', 'Код товара'],
    'item.goodsDescription': ['Описание товара', 'Наименование товара', 'Описание', 'Товар'],
    'item.brand': ['Товарный знак', 'Марка', 'Бренд'],
    'item.model': ['Модель', 'Модель товара', 'Артикул'],
    'item.quantity': ['Количество', 'Кол-во', 'Количество товара'],
    'item.unit': ['Единица измерения', 'Ед. изм.', 'Ед изм', 'Единица'],
    'item.netWeight': ['Вес нетто', 'Вес нетто, кг', 'Вес нетто (кг)', 'Нетто'],
    'item.grossWeight': ['Вес брутто', 'Вес брутто, кг', 'Вес брутто (кг)', 'Брутто'],
    'item.value': ['Фактурная стоимость', 'Фактурная стоимость товара', 'Стоимость', 'Стоимость товара'],
    'item.currency': ['Валюта', 'Валюта контракта', 'Код валюты', 'Валюта цены договора'],
    'item.originCountry': ['Страна происхождения', 'Код страны происхождения'],
  },
};

const OWNERSHIP_DEFAULT: MappingInput = {
  name: 'ownership-default',
  description: 'Ownership and directorship records with English column names; `kind` (or relation) tells directorship rows apart',
  kind: 'ownership',
  missingColumns: 'ignore',
  dates: ['YYYY-MM-DD', 'DMY'],
  fields: {
    kind: ['kind', 'record type', 'relation', 'relationship', 'relation type'],
    recordId: ['id', 'record id', 'record'],
    ...prefixed('owner', ['owner', 'shareholder', 'holder', 'parent', 'beneficial owner', 'ubo']),
    ...prefixed('asset', ['asset', 'company', 'subsidiary', 'owned company', 'owned', 'entity']),
    ...prefixed('director', ['director', 'officer', 'person', 'manager']),
    ...prefixed('organization', ['organization', 'organisation', 'company', 'entity']),
    percentage: ['percentage', 'percent', 'share', 'share percent', 'stake', 'ownership percent'],
    shares: ['shares', 'shares count', 'number of shares', 'share count'],
    startDate: ['start date', 'start', 'from', 'since', 'appointed', 'appointment date'],
    endDate: ['end date', 'end', 'to', 'until', 'resigned', 'resignation date'],
    ownershipType: ['ownership type', 'type of ownership', 'nature of control'],
    role: ['role', 'position', 'title', 'function'],
  },
};

/** Party columns for ownership and travel defaults: `owner`, `owner_name`, `owner_country`… */
function prefixed(role: string, names: readonly string[]): MappingInput['fields'] {
  const each = (suffixes: readonly string[]) => names.flatMap((n) => suffixes.map((s) => `${n}${s}`));
  return {
    [`${role}.name`]: each(['', ' name']),
    [`${role}.country`]: each([' country', ' jurisdiction']),
    [`${role}.address`]: each([' address']),
    [`${role}.inn`]: each([' inn']),
    [`${role}.ogrn`]: each([' ogrn']),
    [`${role}.uscc`]: each([' uscc']),
    [`${role}.id`]: each([' id', ' tax id', ' company id']),
    [`${role}.registrationNumber`]: each([' registration number', ' reg no', ' company number']),
    [`${role}.taxNumber`]: each([' tax number']),
    [`${role}.type`]: each([' type', ' kind', ' schema']),
    [`${role}.birthDate`]: each([' birth date', ' date of birth', ' dob']),
    [`${role}.nationality`]: each([' nationality', ' citizenship']),
    [`${role}.passport`]: each([' passport', ' passport number']),
  };
}

function personColumns(role: string, names: readonly string[]): MappingInput['fields'] {
  const each = (suffixes: readonly string[]) => names.flatMap((n) => suffixes.map((s) => `${n}${s}`));
  return {
    [`${role}.name`]: each(['', ' name', ' full name']),
    [`${role}.birthDate`]: each([' birth date', ' date of birth', ' dob']),
    [`${role}.nationality`]: each([' nationality', ' citizenship']),
    [`${role}.passport`]: each([' passport', ' passport number', ' passport no', ' document number']),
    [`${role}.country`]: each([' country', ' residence']),
  };
}

const TRAVEL_DEFAULT: MappingInput = {
  name: 'travel-default',
  description: 'Travel records (tickets, travel logs) with English column names',
  kind: 'travel',
  missingColumns: 'ignore',
  dates: ['YYYY-MM-DD', 'DMY'],
  fields: {
    recordId: ['record id', 'id', 'ticket number', 'ticket'],
    ...personColumns('traveler', ['traveler', 'traveller', 'passenger', 'person', 'name']),
    'traveler.birthDate': ['birth date', 'date of birth', 'dob', 'traveler birth date', 'traveller birth date', 'passenger birth date'],
    'traveler.nationality': ['nationality', 'citizenship', 'traveler nationality', 'traveller nationality', 'passenger nationality'],
    'traveler.passport': ['passport', 'passport number', 'passport no', 'traveler passport', 'traveller passport', 'passenger passport'],
    companions: { column: ['companions', 'travelling with', 'traveling with', 'with', 'accompanied by'], split: ';' },
    'host.name': ['host', 'host organisation', 'host organization', 'inviting organisation', 'inviting organization', 'visiting'],
    'host.country': ['host country'],
    'host.inn': ['host inn'],
    'employer.name': ['employer', 'company', 'organisation', 'organization'],
    'employer.country': ['employer country'],
    'employer.uscc': ['employer uscc'],
    fromPlace: ['from', 'from place', 'origin', 'departure airport', 'departure city', 'departure'],
    toPlace: ['to', 'to place', 'destination', 'arrival airport', 'arrival city', 'arrival'],
    fromCountry: ['from country', 'departure country', 'origin country'],
    toCountry: ['to country', 'arrival country', 'destination country'],
    departureDate: ['departure date', 'departure time', 'date', 'start date', 'travel date', 'outbound date'],
    arrivalDate: ['arrival date', 'arrival time', 'end date', 'return date'],
    flightNumber: ['flight', 'flight number', 'flight no'],
    carrier: ['carrier', 'airline'],
    bookingReference: ['booking reference', 'pnr', 'booking', 'record locator', 'confirmation'],
    purpose: ['purpose', 'reason', 'purpose of travel', 'notes'],
  },
};

export const BUILTIN_MAPPINGS: Record<string, MappingInput> = {
  'trade-default': TRADE_DEFAULT,
  'ru-customs': RU_CUSTOMS,
  'ownership-default': OWNERSHIP_DEFAULT,
  'travel-default': TRAVEL_DEFAULT,
};

/** The default mapping of each `ingest` command. */
export const DEFAULT_MAPPING: Record<'trade' | 'ownership' | 'travel', string> = {
  trade: 'trade-default',
  ownership: 'ownership-default',
  travel: 'travel-default',
};

/**
 * Reading a generated data set back, as a consumer would: the CSVs through the project's own
 * readCsv, the ground truth and the FtM list as JSON. Shared by the synthetic-data tests.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCsv } from '../../src/lists/index.js';
import { countryCode } from '../../src/model/index.js';
import type { GroundTruth } from '../../src/synthetic/index.js';
import { nameKey } from '../../src/synthetic/index.js';

export interface Table {
  header: string[];
  rows: Array<Record<string, string>>;
}

export async function readTable(path: string): Promise<Table> {
  let header: string[] | undefined;
  const rows: Array<Record<string, string>> = [];
  for await (const { fields } of readCsv(path, { name: path })) {
    if (!header) {
      header = fields;
      continue;
    }
    const row: Record<string, string> = {};
    header.forEach((h, i) => (row[h] = fields[i] ?? ''));
    rows.push(row);
  }
  return { header: header ?? [], rows };
}

/** One shipment, from either trade file, in one shape. */
export interface ShipmentView {
  decl: string;
  file: 'trade.csv' | 'trade-ru.csv';
  date: string;
  shipper: string;
  consignee: string;
  consigneeInn: string;
  shipperInn: string;
  notify: string;
  origin: string;
  dispatch: string;
  destination: string;
  transit: string;
  hs: string[];
  models: string[];
}

const ruIso = (d: string) => `${d.slice(6, 10)}-${d.slice(3, 5)}-${d.slice(0, 2)}`;
const code = (name: string) => (name ? (countryCode(name) ?? `?${name}`) : '');

export function shipmentsOf(trade: Table, tradeRu: Table): Map<string, ShipmentView> {
  const out = new Map<string, ShipmentView>();
  for (const r of trade.rows) {
    const s = out.get(r.declaration_number!) ?? {
      decl: r.declaration_number!, file: 'trade.csv', date: r.date!, shipper: r.shipper!, consignee: r.consignee!, consigneeInn: r.consignee_inn!,
      shipperInn: r.shipper_inn!, notify: r.notify_party!, origin: code(r.origin_country!), dispatch: code(r.dispatch_country!),
      destination: code(r.destination_country!), transit: code(r.transit_country!), hs: [], models: [],
    };
    s.hs.push(r.hs_code!);
    s.models.push(r.model!);
    out.set(s.decl, s);
  }
  for (const r of tradeRu.rows) {
    const decl = r['Номер ДТ']!;
    const s = out.get(decl) ?? {
      decl, file: 'trade-ru.csv', date: ruIso(r['Дата ДТ']!), shipper: r['Отправитель']!, consignee: r['Получатель']!, consigneeInn: r['ИНН получателя']!,
      shipperInn: '', notify: '', origin: r['Страна происхождения']!.toLowerCase(), dispatch: r['Страна отправления']!.toLowerCase(), destination: 'ru', transit: '', hs: [], models: [],
    };
    s.hs.push(r['Код ТН ВЭД']!.slice(0, 6));
    s.models.push(r['Модель']!);
    out.set(decl, s);
  }
  return out;
}

export interface ListedView {
  id: string;
  schema: string;
  keys: Set<string>;
  names: string[];
  inn?: string;
  addresses: string[];
  designated: string;
}

export function readListed(dir: string): { lines: Array<Record<string, unknown>>; listed: Map<string, ListedView> } {
  const lines = readFileSync(join(dir, 'listed.ftm.json'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
  const listed = new Map<string, ListedView>();
  const props = (l: Record<string, unknown>) => l.properties as Record<string, string[]>;
  for (const l of lines) {
    if (l.schema === 'Sanction') continue;
    const p = props(l);
    const names = [...(p.name ?? []), ...(p.alias ?? [])];
    listed.set(l.id as string, { id: l.id as string, schema: l.schema as string, names, keys: new Set(names.map(nameKey)), ...(p.innCode ? { inn: p.innCode[0]! } : {}), addresses: p.address ?? [], designated: '' });
  }
  for (const l of lines) {
    if (l.schema !== 'Sanction') continue;
    const p = props(l);
    listed.get(p.entity![0]!)!.designated = p.listingDate![0]!;
  }
  return { lines, listed };
}

export function readTruth(dir: string): GroundTruth {
  return JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as GroundTruth;
}

export const daysBetween = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);

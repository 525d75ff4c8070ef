/**
 * Trade records to Shipment bundles (the shipment and its ShipmentItem line items) plus the
 * parties' bundles. One row is one shipment with one item, unless the mapping groups rows by
 * declaration number: consecutive rows of one declaration are then the items of one shipment.
 * Ids come from the dataset and the declaration number (and the line when rows are not
 * grouped), so re-ingesting a file gives the same ids.
 *
 * A Russian declaration number (`10702070/050423/3012345`: customs office / date DDMMYY /
 * serial, per the Instructions on filling in customs declarations, Decision of the Customs
 * Union Commission No. 257 of 20 May 2010) gives the date when the row has none.
 */
import { Entity, hashId, makeId, slug } from '../../model/index.js';
import type { EntityBundle } from '../../model/index.js';
import type { RowValues } from './columns.js';
import { TRADE_ROLES } from './fields.js';
import { hsEdition, hsEditionConflict, parseHsCode } from './hs-code.js';
import { readParty } from './parties.js';
import type { PartyParts } from './parties.js';
import type { BuildContext, RecordBuilder } from './record-builder.js';

/** Largest number of items held for one shipment; a longer declaration is written in parts. */
export const MAX_GROUP_ITEMS = 10_000;

const SHIPMENT_PROPS: ReadonlyArray<readonly [field: string, prop: string]> = [
  ['declarationNumber', 'declarationNumber'],
  ['waybillNumber', 'waybillNumber'],
  ['transportMode', 'transportMode'],
  ['transportId', 'transportId'],
  ['originCountry', 'originCountry'],
  ['dispatchCountry', 'dispatchCountry'],
  ['destinationCountry', 'destinationCountry'],
  ['transitCountry', 'transitCountry'],
  ['portOfLoading', 'portOfLoading'],
  ['portOfDischarge', 'portOfDischarge'],
  ['totalValue', 'totalValue'],
  ['currency', 'currency'],
  ['grossWeight', 'grossWeight'],
];

const ITEM_PROPS: ReadonlyArray<readonly [field: string, prop: string]> = [
  ['item.goodsDescription', 'goodsDescription'],
  ['item.brand', 'brand'],
  ['item.model', 'model'],
  ['item.quantity', 'quantity'],
  ['item.unit', 'unit'],
  ['item.netWeight', 'netWeight'],
  ['item.grossWeight', 'grossWeight'],
  ['item.value', 'value'],
  ['item.currency', 'currency'],
  ['item.originCountry', 'originCountry'],
];

const DT_NUMBER = /^\d{8}\/(\d{2})(\d{2})(\d{2})\/[0-9A-ZА-Я]+$/i;

function dateFromDeclaration(number: string | undefined): string | undefined {
  const m = number ? DT_NUMBER.exec(number) : null;
  if (!m) return undefined;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), 2000 + Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > new Date(Date.UTC(y, mo, 0)).getUTCDate()) return undefined;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

interface Group {
  key: string | undefined;
  shipment: Entity;
  items: Entity[];
  parties: PartyParts[];
  partyOrigins: string[];
  usedNumbers: Set<number>;
  firstLine: number;
  rows: number;
  date: string | undefined;
  /** Items already written in earlier parts of an over-long declaration. */
  written: number;
}

/** 53-bit hash of a declaration number, to notice one that comes back after others. */
function groupHash(key: string): number {
  const h = hashId('', key).slice(1);
  return parseInt(h.slice(0, 13), 16);
}

export class TradeBuilder implements RecordBuilder {
  private group: Group | undefined;
  private readonly seenGroups = new Set<number>();
  private readonly grouped: boolean;
  private prefix: string | undefined;

  constructor(private readonly ctx: BuildContext) {
    this.grouped = ctx.bound.mapping.groupBy === 'declarationNumber';
  }

  row(row: RowValues, origin: string, out: EntityBundle[]): void {
    const declaration = row.get('declarationNumber');
    if (this.grouped && declaration !== undefined && this.group?.key === declaration) {
      if (this.group.items.length >= MAX_GROUP_ITEMS) this.flushPart(out);
      this.addRow(this.group, row, origin, declaration);
      return;
    }
    if (this.group) this.flush(out);
    const line = row.line;
    let id: string;
    let key: string | undefined;
    if (this.grouped && declaration !== undefined) {
      key = declaration;
      id = this.shipmentId(declaration);
      const h = groupHash(declaration);
      if (this.seenGroups.has(h)) {
        this.ctx.report('split_declaration', `declaration ${declaration} continues here after other declarations; stored as a separate shipment`, line);
        id = `${id}-l${line}`;
      } else {
        this.seenGroups.add(h);
      }
    } else {
      id = `${this.shipmentId(declaration)}-l${line}`;
    }
    const date = row.get('date') ?? dateFromDeclaration(declaration);
    const shipment = new Entity('Shipment', id, { origin });
    if (date) shipment.add('date', date);
    this.group = { key, shipment, items: [], parties: [], partyOrigins: [], usedNumbers: new Set(), firstLine: line, rows: 0, date, written: 0 };
    this.addRow(this.group, row, origin, declaration);
    if (!this.grouped || key === undefined) this.flush(out);
  }

  finish(out: EntityBundle[]): void {
    if (this.group) this.flush(out);
  }

  /** `shp-<dataset>-<declaration>`, as makeId spells it (the dataset part made once). */
  private shipmentId(declaration: string | undefined): string {
    this.prefix ??= makeId('shp', this.ctx.dataset);
    const tail = declaration === undefined ? '' : slug(declaration);
    return tail ? `${this.prefix}-${tail}` : this.prefix;
  }

  private addRow(g: Group, row: RowValues, origin: string, declaration: string | undefined): void {
    g.rows++;
    const s = g.shipment;
    if (g.rows > 1) {
      const date = row.get('date');
      if (date) s.add('date', date, { origin });
    }
    for (const role of TRADE_ROLES) {
      const party = readParty(row, role, 'LegalEntity');
      if (!party) continue;
      s.add(role, party.id, { origin });
      g.parties.push(party);
      g.partyOrigins.push(origin);
    }
    for (const [field, prop] of SHIPMENT_PROPS) {
      const v = field === 'declarationNumber' ? declaration : row.get(field);
      if (v !== undefined) s.add(prop, v, { origin });
    }
    this.addItem(g, row, origin);
  }

  private addItem(g: Group, row: RowValues, origin: string): void {
    const position = g.written + g.items.length + 1;
    let n = position;
    const declared = row.get('item.lineNumber');
    const num = declared !== undefined ? Number(declared) : NaN;
    if (Number.isSafeInteger(num) && num > 0 && !g.usedNumbers.has(num)) n = num;
    while (g.usedNumbers.has(n)) n++;
    g.usedNumbers.add(n);
    const item = new Entity('ShipmentItem', `${g.shipment.id}-${n}`, { origin });
    item.add('shipment', g.shipment.id);
    // A single-item shipment's line number says nothing unless the record gives it.
    if (declared !== undefined || this.grouped) item.add('lineNumber', n);
    const hs = row.raw('item.hsCode');
    if (hs !== undefined) this.addHsCode(item, hs, row, g.date);
    for (const [field, prop] of ITEM_PROPS) {
      const v = row.get(field);
      if (v !== undefined) item.add(prop, v);
    }
    g.items.push(item);
  }

  private addHsCode(item: Entity, raw: string, row: RowValues, date: string | undefined): void {
    const parsed = parseHsCode(raw);
    if (!parsed.ok) {
      this.ctx.report('bad_hs_code', `item.hsCode: ${JSON.stringify(raw.slice(0, 40))} is not an HS code (${parsed.reason}); kept as declared`, row.line);
      item.add('hsCodeDeclared', raw.slice(0, 64));
      return;
    }
    // A 4-digit heading has no subheading: it is kept as declared only.
    if (parsed.hs6 !== undefined) item.add('hsCode', parsed.hs6);
    if (parsed.declared !== parsed.hs6) item.add('hsCodeDeclared', parsed.declared);
    const edition = hsEdition(date);
    if (edition) item.add('hsVersion', edition);
    const conflict = hsEditionConflict(parsed.declared, date);
    if (conflict) this.ctx.report('hs_version', `item.hsCode ${raw} on a declaration dated ${date}: ${conflict}`, row.line);
  }

  private flushPart(out: EntityBundle[]): void {
    const g = this.group!;
    if (!this.complete(g)) return;
    this.emitParties(g, out);
    out.push({ root: g.shipment, related: g.items });
    this.ctx.loaded(g.rows);
    g.written += g.items.length;
    g.items = [];
    g.rows = 0;
    g.shipment = new Entity('Shipment', g.shipment.id, { origin: g.shipment.origin });
  }

  private flush(out: EntityBundle[]): void {
    const g = this.group!;
    this.group = undefined;
    if (!this.complete(g)) return;
    this.emitParties(g, out);
    out.push({ root: g.shipment, related: g.items });
    this.ctx.loaded(g.rows);
  }

  /** Whether a shipment has its shipper and consignee; if not, its rows are reported and dropped. */
  private complete(g: Group): boolean {
    const missing = ['shipper', 'consignee'].filter((p) => !g.shipment.has(p));
    if (missing.length === 0) return true;
    if (g.written > 0) return true;
    const rows = g.rows > 1 ? ` (the ${g.rows} rows of declaration ${g.key} are not loaded)` : '';
    this.ctx.report('missing_party', `no ${missing.join(' and no ')} name: a shipment needs both${rows}`, g.firstLine);
    return false;
  }

  private emitParties(g: Group, out: EntityBundle[]): void {
    for (let i = 0; i < g.parties.length; i++) {
      const bundle = this.ctx.parties.take(g.parties[i]!, g.partyOrigins[i]!);
      if (bundle) out.push(bundle);
    }
    g.parties = [];
    g.partyOrigins = [];
  }
}
